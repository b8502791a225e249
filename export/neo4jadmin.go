package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/internal/atomicfile"
	"github.com/liaison-net/liaison/queries"
)

// The neo4j-admin format: the files of Neo4j's offline importer (neo4j-admin database import
// full) for the schema that liaison neo4j push writes (queries.Build), so that a first load of
// a large data set skips the transactions. The folder holds one CSV file per label and per
// relationship type (with its endpoints' labels), each with its header row in the importer's
// syntax (id:ID(Actor), :START_ID(Actor), degree:long, spellSinces:date[] …), the arguments
// of the import in import.args (picocli's @file: --nodes, --relationships, the delimiters)
// and the constraints in schema.cypher. scripts/neo4j import DIR runs it, and its next start
// makes the constraints.

// Neo4jAdminArgs is the name of the arguments file in a neo4j-admin folder.
const Neo4jAdminArgs = "import.args"

// arrayDelimiter separates the entries of a list property: U+001F (unit separator), which no
// value may hold (";" is in the tie domains).
const arrayDelimiter = '\x1f'

// WriteNeo4jAdmin writes the neo4j-admin folder of the analysis r as the data set
// o.Dataset (default queries.DefaultDataset) to dir, whole (atomicfile.WriteDir: an existing
// dir is replaced only when it holds nothing but such files).
func WriteNeo4jAdmin(dir string, r *analysis.Result, o Options) error {
	name := o.Dataset
	if name == "" {
		name = queries.DefaultDataset
	}
	g, err := queries.Build(name, r)
	if err != nil {
		return fmt.Errorf("export: neo4j-admin: %w", err)
	}
	ours := func(e fs.DirEntry) bool {
		n := e.Name()
		return !e.IsDir() && (strings.HasSuffix(n, ".csv") || n == Neo4jAdminArgs || n == "schema.cypher")
	}
	err = atomicfile.WriteDir(dir, ours, func(tmp string) error { return writeNeo4jAdmin(tmp, g) })
	if err != nil {
		return fmt.Errorf("export: neo4j-admin: %w", err)
	}
	return nil
}

func writeNeo4jAdmin(dir string, g *queries.Graph) error {
	var args []string
	// Nodes: the data set node, then each label.
	nodes := []queries.NodeSet{{Label: "Dataset", Rows: []map[string]any{g.Dataset}}}
	nodes = append(nodes, g.Nodes...)
	for _, ns := range nodes {
		file := strings.ToLower(ns.Label) + ".csv"
		cols, err := columns(len(ns.Rows), func(i int) map[string]any { return ns.Rows[i] })
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		header := []string{"id:ID(" + ns.Label + ")", ":LABEL"}
		for _, c := range cols {
			if c.name != "id" {
				header = append(header, c.header())
			}
		}
		err = writeTable(filepath.Join(dir, file), header, len(ns.Rows), func(i int) ([]string, error) {
			p := ns.Rows[i]
			rec := []string{p["id"].(string), ns.Label}
			for _, c := range cols {
				if c.name == "id" {
					continue
				}
				v, err := cell(p[c.name])
				if err != nil {
					return nil, fmt.Errorf("%s %v: %s: %w", ns.Label, p["id"], c.name, err)
				}
				rec = append(rec, v)
			}
			return rec, nil
		})
		if err != nil {
			return err
		}
		args = append(args, "--nodes="+file)
	}
	// Relationships, by type and endpoint labels.
	for _, rs := range g.Rels {
		file := strings.ToLower(rs.Type)
		if rs.Type == "CONTAINS" {
			file += "_" + strings.ToLower(rs.To)
		}
		file += ".csv"
		cols, err := columns(rs.N, func(i int) map[string]any { _, _, p := rs.Row(i); return p })
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		header := []string{":START_ID(" + rs.From + ")", ":END_ID(" + rs.To + ")", ":TYPE"}
		for _, c := range cols {
			header = append(header, c.header())
		}
		err = writeTable(filepath.Join(dir, file), header, rs.N, func(i int) ([]string, error) {
			a, b, p := rs.Row(i)
			rec := []string{a, b, rs.Type}
			for _, c := range cols {
				v, err := cell(p[c.name])
				if err != nil {
					return nil, fmt.Errorf("%s %s–%s: %s: %w", rs.Type, a, b, c.name, err)
				}
				rec = append(rec, v)
			}
			return rec, nil
		})
		if err != nil {
			return err
		}
		args = append(args, "--relationships="+file)
	}
	// The importer of Neo4j Community makes no constraints (its --schema needs the block
	// format): scripts/neo4j runs schema.cypher when it next starts the server.
	args = append(args, "--array-delimiter=U+001F", "--multiline-fields=true")
	if err := atomicfile.Write(filepath.Join(dir, Neo4jAdminArgs), func(w io.Writer) error {
		_, err := io.WriteString(w, strings.Join(args, "\n")+"\n")
		return err
	}); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, "schema.cypher"), func(w io.Writer) error {
		_, err := io.WriteString(w, strings.Join(g.Constraints, ";\n")+";\n")
		return err
	})
}

// column is a property of a file, with its importer type.
type column struct{ name, typ string }

func (c column) header() string {
	if c.typ == "string" {
		return c.name
	}
	return c.name + ":" + c.typ
}

// columns are the properties of the n rows, sorted by name, each with its type; a property
// with values of two types is an error.
func columns(n int, row func(i int) map[string]any) ([]column, error) {
	types := map[string]string{}
	for i := range n {
		for k, v := range row(i) {
			t, err := importType(v)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			if old, ok := types[k]; ok && old != t {
				return nil, fmt.Errorf("property %s is %s and %s", k, old, t)
			}
			types[k] = t
		}
	}
	out := make([]column, 0, len(types))
	for k, t := range types {
		out = append(out, column{k, t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

// importType is the importer's type of a property value.
func importType(v any) (string, error) {
	switch v.(type) {
	case string:
		return "string", nil
	case int64:
		return "long", nil
	case float64:
		return "double", nil
	case bool:
		return "boolean", nil
	case dbtype.Date:
		return "date", nil
	case []string:
		return "string[]", nil
	case []int64:
		return "long[]", nil
	case []float64:
		return "double[]", nil
	case []bool:
		return "boolean[]", nil
	case []dbtype.Date:
		return "date[]", nil
	}
	return "", fmt.Errorf("value %v of type %T", v, v)
}

// cell is a value as the importer reads it: numbers with every digit, dates in ISO form
// (years beyond 9999 with their sign), lists joined by the array delimiter. An absent value
// is an empty field (no property).
func cell(v any) (string, error) {
	list := func(n int, at func(i int) (string, error)) (string, error) {
		parts := make([]string, n)
		for i := range parts {
			s, err := at(i)
			if err != nil {
				return "", err
			}
			if strings.ContainsRune(s, arrayDelimiter) {
				return "", fmt.Errorf("%q holds U+001F, the array delimiter", s)
			}
			parts[i] = s
		}
		return strings.Join(parts, string(arrayDelimiter)), nil
	}
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		if x == "" {
			return "", fmt.Errorf("an empty text is not written (the importer reads an empty field as no property)")
		}
		return x, nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	case bool:
		return strconv.FormatBool(x), nil
	case dbtype.Date:
		return isoDate(time.Time(x)), nil
	case []string:
		if len(x) == 1 && x[0] == "" {
			return "", fmt.Errorf("a list of one empty text cannot be imported (it reads as no property)")
		}
		return list(len(x), func(i int) (string, error) { return x[i], nil })
	case []int64:
		return list(len(x), func(i int) (string, error) { return strconv.FormatInt(x[i], 10), nil })
	case []float64:
		return list(len(x), func(i int) (string, error) { return strconv.FormatFloat(x[i], 'g', -1, 64), nil })
	case []bool:
		return list(len(x), func(i int) (string, error) { return strconv.FormatBool(x[i]), nil })
	case []dbtype.Date:
		return list(len(x), func(i int) (string, error) { return isoDate(time.Time(x[i])), nil })
	}
	return "", fmt.Errorf("value %v of type %T", v, v)
}

// isoDate formats a date as ISO 8601, a year outside 0000–9999 with its sign (+999999999-12-31).
func isoDate(t time.Time) string {
	if y := t.Year(); y < 0 || y > 9999 {
		return fmt.Sprintf("%+d-%02d-%02d", y, t.Month(), t.Day())
	}
	return t.Format("2006-01-02")
}

func writeTable(path string, header []string, n int, row func(i int) ([]string, error)) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		for i := range n {
			rec, err := row(i)
			if err != nil {
				return err
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
}
