package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// TestNoInfiniteWeights loads data sets whose weights are near the largest float64: each is
// either rejected with graphmodel.ErrBadWeight (by Load or Dataset.Layer) or analysed into a
// JSON document and GEXF, GraphML and CSV files with no Inf or NaN anywhere.
func TestNoInfiniteWeights(t *testing.T) {
	const max = "1.7976931348623157e308"
	inputs := map[string]map[string]string{
		"two max rows":     {"ties.csv": "source,target,weight\nA,B," + max + "\nA,B," + max + "\n"},
		"one max row":      {"ties.csv": "source,target,weight\nA,B," + max + "\nB,C,1\n"},
		"tie and exchange": {"ties.csv": "source,target,weight\nA,B," + max + "\n", "exchanges.csv": "date,from,to,volume\n2001,B,A,1e300\n"},
		"star":             {"ties.csv": "source,target,weight\nA,B,1e308\nA,C,1e308\nA,D,1e308\n"},
		"large":            {"ties.csv": "source,target,weight\nA,B,4e307\nA,C,4e307\nB,C,1\nC,D,1e-300\n"},
		"club weight":      {"ties.csv": "source,target,weight\nA,B,8e307\n", "memberships.csv": "club,actor\nK,A\nK,B\nK,C\n"},
	}
	bad := regexp.MustCompile(`(?i)\binf|nan\b`)
	for name, files := range inputs {
		t.Run(name, func(t *testing.T) {
			m := fstest.MapFS{}
			for f, body := range files {
				m[f] = &fstest.MapFile{Data: []byte(body)}
			}
			d, err := graphmodel.LoadFS(m, "in")
			if err != nil {
				if !errors.Is(err, graphmodel.ErrBadWeight) {
					t.Fatalf("load: %v", err)
				}
				return
			}
			o := graphmodel.DefaultOptions()
			o.ClubWeight = 1e300
			l, err := d.Layer(o)
			if err != nil {
				if !errors.Is(err, graphmodel.ErrBadWeight) {
					t.Fatalf("layer: %v", err)
				}
				return
			}
			r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
			if err != nil {
				t.Fatalf("analyze: %v", err)
			}
			var js bytes.Buffer
			if err := r.WriteJSON(&js); err != nil {
				t.Fatalf("JSON: %v", err)
			}
			outs := map[string][]byte{"json": js.Bytes()}
			for _, f := range []string{"gexf", "graphml", "dot"} {
				w, _ := WriterFor(f)
				var b bytes.Buffer
				if err := w(&b, r, Options{}); err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				outs[f] = b.Bytes()
			}
			var nodes, edges bytes.Buffer
			if err := WriteCSV(&nodes, &edges, r, Options{}); err != nil {
				t.Fatalf("csv: %v", err)
			}
			outs["nodes.csv"], outs["edges.csv"] = nodes.Bytes(), edges.Bytes()
			for f, b := range outs {
				if loc := bad.FindIndex(b); loc != nil {
					t.Errorf("%s has %q: …%s…", f, b[loc[0]:loc[1]], b[max0(loc[0]-80):min(len(b), loc[1]+40)])
				}
			}
		})
	}
}

func max0(i int) int { return max(i, 0) }

// TestDotID checks the DOT id of texts with backslashes, quotes and line breaks.
func TestDotID(t *testing.T) {
	for in, want := range map[string]string{
		"USA":       `"USA"`,
		`a\b`:       `"a\b"`,
		`c\\d`:      `"c\\d"`,
		`e"f`:       `"e\"f"`,
		`j\\"k`:     `"j\\\"k"`,
		"l\nm":      "\"l\nm\"",
		"l\\\\\nm":  "\"l\\\\\nm\"",
		`g\`:        `<g\>`,
		`h\"i`:      `<h\"i>`,
		"n\\\no":    "<n\\\no>",
		`<b>x</b>\`: `<<b>x</b>\>`,
	} {
		got, err := dotID(in)
		if err != nil || got != want {
			t.Errorf("dotID(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{`x>\`, `<x\`, `>x<"\`} {
		if got, err := dotID(in); err == nil {
			t.Errorf("dotID(%q) = %q, want an error", in, got)
		}
	}
}

// dotIDs are actor ids that DOT's quoting alters unless written with care.
var dotIDs = []string{`a\b`, `c\\d`, `e"f`, `g\`, `h\"i`, `j\\"k`, `<i>\`, `l\n`, `m\\`, "USA"}

// TestDOTKeepsIDs exports a graph with the ids of dotIDs and reads it with Graphviz
// (dot -Tjson): every node keeps its id and every edge its ends.
func TestDOTKeepsIDs(t *testing.T) {
	testenv.Tool(t, "dot")
	var ties strings.Builder
	ties.WriteString("source,target\n")
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	for i := range dotIDs {
		ties.WriteString(q(dotIDs[i]) + "," + q(dotIDs[(i+1)%len(dotIDs)]) + "\n")
	}
	d, err := graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: []byte(ties.String())}}, "in")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteDOT(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dot", "-Tjson")
	cmd.Stdin = &b
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot -Tjson: %v\n%s", err, b.String())
	}
	var g struct {
		Objects []struct {
			ID   int    `json:"_gvid"`
			Name string `json:"name"`
		} `json:"objects"`
		Edges []struct{ Tail, Head int } `json:"edges"`
	}
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatal(err)
	}
	var names []string
	byID := map[int]string{}
	for _, o := range g.Objects {
		names = append(names, o.Name)
		byID[o.ID] = o.Name
	}
	want := slices.Sorted(slices.Values(dotIDs))
	if slices.Sort(names); !slices.Equal(names, want) {
		t.Errorf("Graphviz reads the nodes\n %q\nwant\n %q", names, want)
	}
	pairs := map[[2]string]bool{}
	for _, e := range g.Edges {
		a, b := byID[e.Tail], byID[e.Head]
		pairs[[2]string{min(a, b), max(a, b)}] = true
	}
	for i := range dotIDs {
		a, b := dotIDs[i], dotIDs[(i+1)%len(dotIDs)]
		if !pairs[[2]string{min(a, b), max(a, b)}] {
			t.Errorf("no edge %q -- %q", a, b)
		}
	}
}

// TestCSVSafe checks Options.CSVSafe: text cells that a spreadsheet would run as a formula get
// a leading single quote in both tables, numbers stay numbers, and without it the cells are
// written as they are.
func TestCSVSafe(t *testing.T) {
	fsys := fstest.MapFS{
		"actors.csv": {Data: []byte("id,name,note,score\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@SUM(1),+cmd,-2.5\nB,Bee,-x,1\nC,Sea,\"\tz\",2\n")},
		"ties.csv":   {Data: []byte("source,target,memo\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",B,=1+1\nB,C,plain\n")},
	}
	d, err := graphmodel.LoadFS(fsys, "in")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	read := func(safe bool) (nodes, edges map[string]map[string]string) {
		var nb, eb bytes.Buffer
		if err := WriteCSV(&nb, &eb, r, Options{CSVSafe: safe}); err != nil {
			t.Fatal(err)
		}
		table := func(b *bytes.Buffer, key func(map[string]string) string) map[string]map[string]string {
			recs, err := csv.NewReader(b).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]map[string]string{}
			for _, rec := range recs[1:] {
				m := map[string]string{}
				for i, h := range recs[0] {
					m[h] = rec[i]
				}
				out[key(m)] = m
			}
			return out
		}
		return table(&nb, func(m map[string]string) string { return m["Label"] }),
			table(&eb, func(m map[string]string) string { return m["Target"] })
	}
	const f = `=HYPERLINK("http://x","y")`
	nodes, edges := read(true)
	for _, c := range []struct{ got, want string }{
		{nodes["'@SUM(1)"]["Id"], "'" + f}, {nodes["'@SUM(1)"]["note"], "'+cmd"}, {nodes["'@SUM(1)"]["score"], "-2.5"},
		{nodes["Bee"]["note"], "'-x"}, {nodes["Sea"]["Id"], "C"}, {nodes["Sea"]["note"], "'\tz"},
		{edges["B"]["Source"], "'" + f}, {edges["B"]["memo"], "'=1+1"}, {edges["C"]["memo"], "plain"},
	} {
		if c.got != c.want {
			t.Errorf("safe: got %q, want %q", c.got, c.want)
		}
	}
	nodes, edges = read(false)
	if nodes["@SUM(1)"]["Id"] != f || edges["B"]["memo"] != "=1+1" || nodes["Bee"]["note"] != "-x" {
		t.Errorf("default: cells changed: %v %v", nodes, edges)
	}
}
