package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/liaison-net/liaison/queries"
	"github.com/spf13/cobra"
)

func newQuery() *cobra.Command {
	var cf connFlags
	var list bool
	var format string
	var params []string
	cmd := &cobra.Command{
		Use:   "query NAME [--param k=v …]",
		Short: "Run a named Cypher query of liaison's library against Neo4j",
		Long: `query runs one of the named queries in queries/cypher against the data set pushed with
liaison neo4j push. --list shows them with their parameters and columns.`,
		Example: `  liaison query --list
  liaison query hubs --param limit=5
  liaison query trusted-path --param from=NZL --param to=NOR --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if list {
				return nil
			}
			if err := cobra.ExactArgs(1)(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if list {
				qs, err := queries.All()
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "name\tparameters\tcolumns\tpurpose")
				for _, q := range qs {
					var ps []string
					for _, p := range q.Params {
						s := p.Name + " " + p.Type
						if p.Default != "" {
							s += "=" + p.Default
						}
						ps = append(ps, s)
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", q.Name, strings.Join(ps, ", "), strings.Join(q.Columns, ", "), q.Purpose)
				}
				return tw.Flush()
			}
			if err := checkFormat(format, "table", "json", "csv"); err != nil {
				return err
			}
			q, err := queries.Get(args[0])
			if err != nil {
				return usageError{err}
			}
			values := map[string]string{}
			for _, p := range params {
				k, v, ok := strings.Cut(p, "=")
				if !ok {
					return usageError{fmt.Errorf("--param %q: want name=value", p)}
				}
				values[k] = v
			}
			bound, err := q.Bind(values)
			if err != nil {
				return usageError{err}
			}
			s, err := cf.open(cmd)
			if err != nil {
				return err
			}
			defer s.Close(cmd.Context())
			rows, err := s.Run(cmd.Context(), q.Text, bound)
			if err != nil {
				return fmt.Errorf("query %s: %w", q.Name, err)
			}
			return output(cmd, "", func(w io.Writer) error { return writeRows(w, format, q.Columns, rows) })
		},
	}
	cf.register(cmd)
	cmd.Flags().BoolVar(&list, "list", false, "list the queries")
	cmd.Flags().StringVar(&format, "format", "table", "table, json or csv")
	cmd.Flags().StringArrayVar(&params, "param", nil, "a parameter as `name=value` (repeatable)")
	return cmd
}

func writeRows(w io.Writer, format string, cols []string, rows []map[string]any) error {
	switch format {
	case "json":
		ordered := make([]map[string]any, len(rows))
		copy(ordered, rows)
		return writeJSON(w, ordered)
	case "csv":
		fmt.Fprintln(w, strings.Join(cols, ","))
		for _, r := range rows {
			var cells []string
			for _, c := range cols {
				cells = append(cells, csvCell(cell(r[c])))
			}
			fmt.Fprintln(w, strings.Join(cells, ","))
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(cols, "\t"))
	for _, r := range rows {
		var cells []string
		for _, c := range cols {
			cells = append(cells, cell(r[c]))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return fmt.Sprintf("%.4g", x)
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, cell(e))
		}
		return strings.Join(parts, " ")
	}
	return fmt.Sprint(v)
}

func csvCell(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
