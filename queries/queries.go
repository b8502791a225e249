package queries

import (
	"context"
	"embed"
	"fmt"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

//go:embed cypher/*.cypher
var files embed.FS

// Param is a declared parameter of a query.
type Param struct {
	Name    string
	Type    string // string, int or float
	Default string // "" when the parameter is required
}

// Query is a named Cypher query with its header:
//
//	// name: trusted-path
//	// params: from string, to string
//	// columns: path, hops
//	// purpose: The shortest path between two actors over relational ties only.
type Query struct {
	Name    string
	Params  []Param
	Columns []string
	Purpose string
	Text    string // the whole file
	// Requires names what the query needs of the server beyond Cypher ("apoc": the APOC Core
	// procedures), from the header line "// requires: apoc"; "" for nothing.
	Requires string
	// APOC is the variant of the query that uses APOC (the file NAME.apoc.cypher, same
	// parameters and columns), run instead when the server has APOC; nil when there is none.
	APOC *Query
}

var (
	library []Query
	loadErr error
)

func init() { library, loadErr = load() }

// All returns every query, by name.
func All() ([]Query, error) { return library, loadErr }

// Get returns the named query.
func Get(name string) (Query, error) {
	if loadErr != nil {
		return Query{}, loadErr
	}
	for _, q := range library {
		if q.Name == name {
			return q, nil
		}
	}
	var names []string
	for _, q := range library {
		names = append(names, q.Name)
	}
	return Query{}, fmt.Errorf("no query %q (have %s)", name, strings.Join(names, ", "))
}

var (
	paramRef = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)
	alias    = regexp.MustCompile(`(?i)\bAS\s+([A-Za-z_][A-Za-z0-9_]*)`)
)

func load() ([]Query, error) {
	entries, err := files.ReadDir("cypher")
	if err != nil {
		return nil, err
	}
	var out []Query
	variants := map[string]Query{}
	for _, e := range entries {
		b, err := files.ReadFile(path.Join("cypher", e.Name()))
		if err != nil {
			return nil, err
		}
		q, err := Parse(string(b))
		if err != nil {
			return nil, fmt.Errorf("queries: %s: %w", e.Name(), err)
		}
		base, apoc := strings.CutSuffix(strings.TrimSuffix(e.Name(), ".cypher"), ".apoc")
		if q.Name != base {
			return nil, fmt.Errorf("queries: %s: name %q, want %q", e.Name(), q.Name, base)
		}
		if apoc {
			if q.Requires != "apoc" {
				return nil, fmt.Errorf("queries: %s: an APOC variant says \"// requires: apoc\"", e.Name())
			}
			variants[base] = q
			continue
		}
		out = append(out, q)
	}
	for i := range out {
		if v, ok := variants[out[i].Name]; ok {
			if !reflect.DeepEqual(v.Params, out[i].Params) || !reflect.DeepEqual(v.Columns, out[i].Columns) {
				return nil, fmt.Errorf("queries: %s.apoc.cypher: its params and columns differ from %s.cypher's", v.Name, v.Name)
			}
			out[i].APOC = &v
			delete(variants, v.Name)
		}
	}
	for name := range variants {
		return nil, fmt.Errorf("queries: %s.apoc.cypher has no %s.cypher", name, name)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Parse reads a query file and checks its header: name, params, columns and purpose present;
// every $parameter of the text declared and every declared one used; every column returned
// (as an "AS column" alias).
func Parse(text string) (Query, error) {
	q := Query{Text: text}
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "//") {
			break
		}
		key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "//")), ":")
		if !ok {
			continue
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		seen[key] = true
		switch key {
		case "name":
			q.Name = val
		case "purpose":
			q.Purpose = val
		case "requires":
			if val != "apoc" {
				return q, fmt.Errorf("requires %q: want apoc", val)
			}
			q.Requires = val
		case "columns":
			for _, c := range strings.Split(val, ",") {
				if c = strings.TrimSpace(c); c != "" {
					q.Columns = append(q.Columns, c)
				}
			}
		case "params":
			for _, p := range strings.Split(val, ",") {
				f := strings.Fields(p)
				if len(f) == 0 {
					continue
				}
				if len(f) < 2 || len(f) > 3 {
					return q, fmt.Errorf("param %q: want NAME TYPE [DEFAULT]", strings.TrimSpace(p))
				}
				pr := Param{Name: f[0], Type: f[1]}
				if len(f) == 3 {
					pr.Default = f[2]
				}
				if _, err := pr.Convert(pr.Default); pr.Default != "" && err != nil {
					return q, err
				}
				switch pr.Type {
				case "string", "int", "float":
				default:
					return q, fmt.Errorf("param %s: type %q, want string, int or float", pr.Name, pr.Type)
				}
				q.Params = append(q.Params, pr)
			}
		}
	}
	for _, k := range []string{"name", "params", "columns", "purpose"} {
		if !seen[k] {
			return q, fmt.Errorf("header has no %q line", k)
		}
	}
	if q.Name == "" || q.Purpose == "" || len(q.Columns) == 0 {
		return q, fmt.Errorf("header: empty name, purpose or columns")
	}
	declared := map[string]bool{}
	for _, p := range q.Params {
		declared[p.Name] = true
	}
	used := map[string]bool{}
	for _, m := range paramRef.FindAllStringSubmatch(text, -1) {
		used[m[1]] = true
		if !declared[m[1]] {
			return q, fmt.Errorf("$%s is used but not declared", m[1])
		}
	}
	for p := range declared {
		if !used[p] {
			return q, fmt.Errorf("param %s is declared but not used", p)
		}
	}
	aliases := map[string]bool{}
	for _, m := range alias.FindAllStringSubmatch(text, -1) {
		aliases[m[1]] = true
	}
	for _, c := range q.Columns {
		if !aliases[c] {
			return q, fmt.Errorf("column %s is not returned (no AS %s)", c, c)
		}
	}
	if err := oneStatement(text); err != nil {
		return q, err
	}
	return q, nil
}

// oneStatement checks that text is one Cypher statement ended by ";" (as cypher-shell runs
// a file): no other ";" outside strings, quoted names and comments, nothing after it.
func oneStatement(text string) error {
	semis, end := 0, -1
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '/' && i+1 < len(text) && text[i+1] == '/':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				return fmt.Errorf("unterminated /* comment")
			}
			i += j + 3
		case c == '\'' || c == '"' || c == '`':
			for i++; i < len(text) && text[i] != c; i++ {
				if text[i] == '\\' && c != '`' {
					i++
				}
			}
		case c == ';':
			semis++
			end = i
		case c != ' ' && c != '\t' && c != '\n' && c != '\r' && end >= 0:
			return fmt.Errorf("text after the statement's closing \";\"")
		}
	}
	if semis != 1 {
		return fmt.Errorf("want one statement ended by \";\" (as cypher-shell runs a file), found %d \";\"", semis)
	}
	return nil
}

// Convert turns a parameter value given as text into the declared type.
func (p Param) Convert(s string) (any, error) {
	switch p.Type {
	case "int":
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("param %s: %q is not an integer", p.Name, s)
		}
		return v, nil
	case "float":
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("param %s: %q is not a number", p.Name, s)
		}
		return v, nil
	default:
		return s, nil
	}
}

// Bind checks the given parameter values (name → text) against the declaration and returns
// them typed, with the defaults filled in.
func (q Query) Bind(values map[string]string) (map[string]any, error) {
	out := map[string]any{}
	for k := range values {
		found := false
		for _, p := range q.Params {
			found = found || p.Name == k
		}
		if !found {
			return nil, fmt.Errorf("query %s has no parameter %q", q.Name, k)
		}
	}
	for _, p := range q.Params {
		s, ok := values[p.Name]
		if !ok {
			if p.Default == "" {
				return nil, fmt.Errorf("query %s needs --param %s=%s", q.Name, p.Name, strings.ToUpper(p.Type))
			}
			s = p.Default
		}
		v, err := p.Convert(s)
		if err != nil {
			return nil, err
		}
		out[p.Name] = v
	}
	return out, nil
}

// HasAPOC reports whether the server has the APOC Core procedures (apoc.cypher.run).
func (s *Session) HasAPOC(ctx context.Context) (bool, error) {
	rows, err := s.RunRead(ctx, "SHOW PROCEDURES YIELD name WHERE name = 'apoc.cypher.run' RETURN count(*) AS n", nil)
	if err != nil {
		return false, err
	}
	n, _ := rows[0]["n"].(int64)
	return n > 0, nil
}

// For picks the text to run for q on s: its APOC variant when it has one and the server has
// APOC, else q itself; note says which when q has a variant ("" otherwise). A query that
// requires APOC fails on a server without it.
func (s *Session) For(ctx context.Context, q Query) (run Query, note string, err error) {
	if q.APOC == nil && q.Requires == "" {
		return q, "", nil
	}
	has, err := s.HasAPOC(ctx)
	if err != nil {
		return q, "", err
	}
	switch {
	case q.APOC != nil && has:
		return *q.APOC, "query " + q.Name + ": with APOC (apoc.cypher.run)", nil
	case q.APOC != nil:
		return q, "query " + q.Name + ": APOC is not loaded (start the server with NEO4J_PLUGINS=apoc): the plain Cypher version", nil
	case !has:
		return q, "", fmt.Errorf("query %s requires APOC, which the server does not have (start it with NEO4J_PLUGINS=apoc)", q.Name)
	}
	return q, "", nil
}
