package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/queries"
)

func newQuery() *cobra.Command {
	var cf connFlags
	var list bool
	var format string
	var params []string
	cmd := &cobra.Command{
		Use:   "query NAME|FILE.cypher [--param k=v …]",
		Short: "Run a named Cypher query of liaison's library, or your own file, against Neo4j",
		Long: `query runs one of the named queries in queries/cypher, or a .cypher file of yours with the same
checked header (name, params, columns, purpose; one statement ended by ";"), against the data
set pushed with liaison neo4j push. It runs in a read transaction (a write fails), routed to a
reader of a cluster with a neo4j:// URI. $dataset is the --dataset flag. --list shows the
named queries with their parameters and columns. JSON and CSV keep the RETURN order of the
columns and the full precision of numbers; the table rounds them to 4 digits.`,
		Example: `  liaison query --list
  liaison query hubs --param limit=5
  liaison query trusted-path --param from=NZL --param to=NOR --format json
  liaison query my-query.cypher --param actor=USA --format csv`,
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
						if p.Name == "dataset" { // every query's: --dataset
							continue
						}
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
			q, err := queryOf(args[0])
			if err != nil {
				return err
			}
			values := map[string]string{}
			for _, p := range params {
				k, v, ok := strings.Cut(p, "=")
				if !ok {
					return usageError{fmt.Errorf("--param %q: want name=value", p)}
				}
				if k == "dataset" {
					return usageError{fmt.Errorf("--param dataset: give the data set with --dataset NAME")}
				}
				values[k] = v
			}
			for _, p := range q.Params {
				if p.Name == "dataset" {
					values["dataset"] = cf.datasetName()
				}
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
			q, note, err := s.For(cmd.Context(), q)
			if err != nil {
				return err
			}
			if note != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), note)
			}
			rows, err := s.Query(cmd.Context(), q.Text, bound)
			if err != nil {
				return fmt.Errorf("query %s: %w", q.Name, err)
			}
			return output(cmd, "", func(w io.Writer) error { return writeRows(w, format, rows) })
		},
	}
	cf.register(cmd)
	cmd.Flags().BoolVar(&list, "list", false, "list the queries")
	cmd.Flags().StringVar(&format, "format", "table", "table, json or csv")
	cmd.Flags().StringArrayVar(&params, "param", nil, "a parameter as `name=value` (repeatable)")
	return cmd
}

// queryOf is the named query, or the query of a .cypher file (a name with a / or ending in
// .cypher), its header checked as the library's are.
func queryOf(arg string) (queries.Query, error) {
	if !strings.HasSuffix(arg, ".cypher") && !strings.ContainsRune(arg, os.PathSeparator) {
		q, err := queries.Get(arg)
		if err != nil {
			return q, usageError{err}
		}
		return q, nil
	}
	b, err := os.ReadFile(arg)
	if err != nil {
		return queries.Query{}, err
	}
	q, err := queries.Parse(string(b))
	if err != nil {
		return q, usageError{fmt.Errorf("%s: %w", arg, err)}
	}
	return q, nil
}

func writeRows(w io.Writer, format string, rows queries.Rows) error {
	switch format {
	case "json":
		return writeJSONRows(w, rows)
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(rows.Columns); err != nil {
			return err
		}
		rec := make([]string, len(rows.Columns))
		for _, r := range rows.Values {
			for i, v := range r {
				rec[i] = csvValue(v)
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(rows.Columns, "\t"))
	for _, r := range rows.Values {
		var cells []string
		for _, v := range r {
			cells = append(cells, cell(v))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// writeJSONRows writes the rows as a JSON array of objects whose keys are in RETURN order.
func writeJSONRows(w io.Writer, rows queries.Rows) error {
	var b strings.Builder
	b.WriteString("[")
	for i, r := range rows.Values {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, c := range rows.Columns {
			if j > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(c)
			v, err := json.Marshal(jsonValue(r[j]))
			if err != nil {
				return err
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
	}
	if len(rows.Values) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonValue makes a Neo4j value JSON-encodable: a date as its ISO text, a node or
// relationship as its properties, NaN and infinities as null.
func jsonValue(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
	case dbtype.Date:
		return time.Time(x).Format("2006-01-02")
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case dbtype.Node:
		return jsonValue(x.Props)
	case dbtype.Relationship:
		return jsonValue(x.Props)
	case dbtype.Path:
		var ns []any
		for _, n := range x.Nodes {
			ns = append(ns, jsonValue(n.Props))
		}
		return ns
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonValue(e)
		}
		return out
	}
	return v
}

// csvValue is a value in full: numbers with every digit, a date as its ISO text, a list as
// its entries joined by ";".
func csvValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = csvValue(e)
		}
		return strings.Join(parts, ";")
	case string:
		return x
	case int64, bool:
		return fmt.Sprint(x)
	}
	switch j := jsonValue(v).(type) {
	case string:
		return j
	default:
		b, _ := json.Marshal(j)
		return string(b)
	}
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return fmt.Sprintf("%.4g", x)
	case dbtype.Date:
		return time.Time(x).Format("2006-01-02")
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, cell(e))
		}
		return strings.Join(parts, " ")
	}
	return fmt.Sprint(v)
}
