package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/queries"
)

// connFlags are the connection flags; their defaults come from the NEO4J_* variables.
type connFlags struct{ uri, user, password, database string }

func (c *connFlags) register(cmd *cobra.Command) {
	env := queries.ConnFromEnv()
	f := cmd.Flags()
	f.StringVar(&c.uri, "uri", env.URI, "Bolt URI of the server (NEO4J_URI)")
	f.StringVar(&c.user, "user", env.User, "user (NEO4J_USER)")
	f.StringVar(&c.password, "password", env.Password, "password (NEO4J_PASSWORD)")
	f.StringVar(&c.database, "database", env.Database, "database (NEO4J_DATABASE)")
}

func (c *connFlags) open(cmd *cobra.Command) (*queries.Session, error) {
	return queries.Open(cmd.Context(), queries.Conn{URI: c.uri, User: c.user, Password: c.password, Database: c.database})
}

func newNeo4j(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "neo4j",
		Short: "Push a data set and its analysis into Neo4j, or pull it back",
		Long: `neo4j push writes the data set, the layer's analysis (actor metrics, communities, hub scores,
tie and club classes) into a Neo4j database in liaison's schema (:Actor, :Club, [:TIE],
[:MEMBER_OF], [:EXCHANGE]); pushing again replaces it. neo4j pull reads it back into a data set
folder. The connection flags default to the NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
NEO4J_DATABASE variables.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newPush(g), newPull())
	return cmd
}

func newPush(g *globals) *cobra.Command {
	var cf connFlags
	var batch, writers int
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "push PATH",
		Short: "Write a data set and its analysis into Neo4j",
		Example: `  liaison neo4j push testdata/example
  liaison neo4j push testdata/example --at 2005 --uri bolt://127.0.0.1:7687 --batch 5000`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st := newStages(cmd.ErrOrStderr(), af.timings)
			defer st.finish()
			d, _, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			st.begin("connect")
			s, err := cf.open(cmd)
			if err != nil {
				return err
			}
			defer s.Close(cmd.Context())
			stats, err := s.Push(cmd.Context(), d, r, queries.PushOptions{Batch: batch, Writers: writers, Progress: st.progress})
			if err != nil {
				return err
			}
			st.finish()
			st.timings = false
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "pushed %d actors, %d clubs, %d tie rows, %d memberships, %d exchanges to %s (database %s)\n",
				stats.Actors, stats.Clubs, stats.Ties, stats.Memberships, stats.Exchanges, cf.uri, cf.database)
			return err
		},
	}
	cf.register(cmd)
	cmd.Flags().IntVar(&batch, "batch", 2000, "nodes or relationships per write transaction")
	cmd.Flags().IntVar(&writers, "writers", 2, "write transactions at once")
	af.register(cmd, true)
	return cmd
}

func newPull() *cobra.Command {
	var cf connFlags
	var out string
	cmd := &cobra.Command{
		Use:     "pull -o DIR",
		Short:   "Read the data set in Neo4j back into a data set folder",
		Example: `  liaison neo4j pull -o pulled/ && liaison validate pulled/`,
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{fmt.Errorf("pull: name the folder with -o DIR")}
			}
			s, err := cf.open(cmd)
			if err != nil {
				return err
			}
			defer s.Close(cmd.Context())
			if err := s.Pull(cmd.Context(), out); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "pulled the data set into %s\n", out)
			return err
		},
	}
	cf.register(cmd)
	cmd.Flags().StringVarP(&out, "output", "o", "", "folder to write the data set to")
	return cmd
}

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
