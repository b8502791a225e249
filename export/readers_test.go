package export

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// The exports are checked by the programs that read them: xmllint against the GEXF 1.3
// RELAX NG grammar, Graphviz's dot, NetworkX and igraph (scripts/check_exports.py) and the
// Gephi toolkit's own importers (scripts/gephi-check). They run with LIAISON_EXTERNAL=1
// (internal/testenv); a missing tool then skips its check, or fails it when CI=true.

// lookPath is the path of tool, under testenv.Tool's rule.
func lookPath(t *testing.T, tool string) string {
	t.Helper()
	testenv.Tool(t, tool)
	p, _ := exec.LookPath(tool)
	return p
}

// written is one case exported into a folder.
type written struct {
	c   exportCase
	dir string
	l   *graphmodel.Layer
	r   *analysis.Result
}

func writeCases(t *testing.T) []written {
	t.Helper()
	root := t.TempDir()
	var out []written
	for _, c := range cases {
		dir := filepath.Join(root, c.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		l, r := writeAll(t, c, dir)
		out = append(out, written{c, dir, l, r})
	}
	return out
}

func TestReaders(t *testing.T) {
	ws := writeCases(t)
	t.Run("xmllint", func(t *testing.T) {
		xmllint := lookPath(t, "xmllint")
		gexfRNG := testenv.Shared(t, "schemas/gexf-1.3/gexf.rng")
		for _, w := range ws {
			out, err := exec.Command(xmllint, "--noout", "--relaxng", gexfRNG, filepath.Join(w.dir, "out.gexf")).CombinedOutput()
			if err != nil {
				t.Errorf("%s: xmllint: %v\n%s", w.c.name, err, out)
			}
		}
	})
	t.Run("dot", func(t *testing.T) {
		dot := lookPath(t, "dot")
		for _, w := range ws {
			cmd := exec.Command(dot, "-Tsvg", filepath.Join(w.dir, "out.dot"))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			svg, err := cmd.Output()
			if err != nil || stderr.Len() > 0 || !strings.Contains(string(svg), "</svg>") {
				t.Errorf("%s: dot -Tsvg: %v\n%s", w.c.name, err, stderr.String())
			}
			if n := strings.Count(string(svg), `class="node"`); n != w.l.Len() {
				t.Errorf("%s: dot drew %d nodes, want %d", w.c.name, n, w.l.Len())
			}
			if n := strings.Count(string(svg), `class="edge`); n != w.l.EdgeCount() {
				t.Errorf("%s: dot drew %d edges, want %d", w.c.name, n, w.l.EdgeCount())
			}
		}
	})
	t.Run("networkx-igraph", func(t *testing.T) {
		python := testenv.Python(t, "networkx", "igraph")
		var files []any
		for _, w := range ws {
			for _, f := range []string{"gexf", "graphml"} {
				files = append(files, manifestEntry(t, w, f))
			}
		}
		path := filepath.Join(t.TempDir(), "manifest.json")
		b, err := json.Marshal(map[string]any{"files": files})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(python, "../scripts/check_exports.py", path).CombinedOutput()
		if err != nil {
			t.Errorf("check_exports.py: %v\n%s", err, out)
		} else {
			t.Logf("%s", out)
		}
	})
	t.Run("gephi", func(t *testing.T) {
		java := lookPath(t, "java")
		cp := gephiClasspath(t)
		var spec strings.Builder
		for _, w := range ws {
			for _, f := range []string{"gexf", "graphml"} {
				spec.WriteString(gephiLine(t, w, f))
			}
		}
		path := filepath.Join(t.TempDir(), "spec.tsv")
		if err := os.WriteFile(path, []byte(spec.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(java, "-Djava.awt.headless=true", "-cp", cp, "GephiCheck", path)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("GephiCheck: %v\n%s\n%s", err, out, stderr.String())
		} else {
			t.Logf("%s", out)
		}
	})
}

// typed is a manifest value: [kind, value].
func typed(d attrDef, v val) []any {
	var x any
	switch d.Kind {
	case kInt, kLong:
		x = v.i
	case kDouble:
		x = v.f
	case kBool:
		x = v.b
	default:
		x = v.s
	}
	return []any{d.Kind.graphmlType(), x}
}

// manifestEntry says what NetworkX and igraph must find in a case's file of format f.
func manifestEntry(t *testing.T, w written, f string) map[string]any {
	t.Helper()
	g, err := newGraphData(w.r, w.c.opts)
	if err != nil {
		t.Fatal(err)
	}
	nodeAttrs, labels := map[string]any{}, map[string]string{}
	vals := make([]val, len(g.nodeDefs))
	for u := 0; u < w.l.Len(); u++ {
		g.nodeValues(u, vals)
		m := map[string]any{}
		for i, d := range g.nodeDefs {
			if vals[i].ok {
				m[d.Name] = typed(d, vals[i])
			}
		}
		nodeAttrs[w.l.Actor(int64(u))] = m
		labels[w.l.Actor(int64(u))] = g.label(u)
	}
	var weights, edgeAttrs [][]any
	evals := make([]val, len(g.edgeDefs))
	_ = g.eachEdge(func(row edgeRow) error {
		s, d := row.e.F.Actor(), row.e.T.Actor()
		weights = append(weights, []any{s, d, row.e.W})
		g.edgeValues(row, evals)
		m := map[string]any{}
		for i, def := range g.edgeDefs {
			if evals[i].ok {
				m[def.Name] = typed(def, evals[i])
			}
		}
		edgeAttrs = append(edgeAttrs, []any{s, d, m})
		return nil
	})
	e := map[string]any{
		"path": filepath.Join(w.dir, "out."+f), "format": f, "nodes": w.l.Len(), "edges": w.l.EdgeCount(),
		"weights": weights, "node_attrs": nodeAttrs, "edge_attrs": edgeAttrs,
	}
	if f == "gexf" {
		e["labels"] = labels // GraphML has a label key too, checked by name like the rest
		if tl := newTimeline(w.l, w.c.opts); tl != nil && !w.c.opts.OpenEnds {
			spells := map[string]any{}
			for u, ss := range tl.nodes {
				if len(ss) == 0 {
					continue
				}
				var list [][]any
				for _, s := range ss {
					list = append(list, []any{tl.value(s.lo), tl.value(s.hi)})
				}
				spells[w.l.Actor(int64(u))] = list
			}
			e["spells"] = spells
		}
	}
	return e
}

// value is a time as NetworkX reads it: an int for years, the text for dates.
func (t *timeline) value(x int64) any {
	if t.dates {
		return t.format(x)
	}
	return x
}

// gephiLine is the GephiCheck spec line of a case's file of format f: counts, the heaviest
// edge's weight, the label and betweenness of the actor with the highest betweenness and,
// for a dynamic GEXF, the time bounds and the intervals of the node with the most spells.
func gephiLine(t *testing.T, w written, f string) string {
	t.Helper()
	g, err := newGraphData(w.r, w.c.opts)
	if err != nil {
		t.Fatal(err)
	}
	var heavy graphmodel.Edge
	w.l.EachEdge(func(e graphmodel.Edge) {
		if e.W > heavy.W {
			heavy = e
		}
	})
	top := 0
	for u, a := range w.r.Actors {
		if a.Betweenness > w.r.Actors[top].Betweenness {
			top = u
		}
	}
	fields := []string{
		filepath.Join(w.dir, "out."+f), fmt.Sprint(w.l.Len()), fmt.Sprint(w.l.EdgeCount()),
		heavy.F.Actor(), heavy.T.Actor(), formatFloat(heavy.W),
		w.l.Actor(int64(top)), g.label(top), "betweenness", formatFloat(w.r.Actors[top].Betweenness),
	}
	if tl := newTimeline(w.l, w.c.opts); f == "gexf" && tl != nil {
		best := 0
		for u, ss := range tl.nodes {
			if len(ss) > len(tl.nodes[best]) {
				best = u
			}
		}
		end := func(x int64) string {
			switch x {
			case openLo:
				return "-inf"
			case openHi:
				return "+inf"
			}
			return tl.format(x)
		}
		var ivs []string
		for _, s := range tl.nodes[best] {
			ivs = append(ivs, end(s.lo)+".."+end(s.hi))
		}
		if len(ivs) == 0 {
			ivs = []string{"-inf..+inf"} // no spells: Gephi's element exists at all times
		}
		fields = append(fields, tl.format(tl.first), tl.format(tl.last), "node:"+w.l.Actor(int64(best)), strings.Join(ivs, ","))
	}
	return strings.Join(fields, "\t") + "\n"
}

// gephiClasspath builds scripts/gephi-check (offline when ~/.m2 has what it needs, online
// otherwise) unless it is up to date, and returns the class path to run it with.
func gephiClasspath(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../scripts/gephi-check")
	if err != nil {
		t.Fatal(err)
	}
	class := filepath.Join(dir, "target", "classes", "GephiCheck.class")
	cpFile := filepath.Join(dir, "target", "classpath.txt")
	if stale(class, filepath.Join(dir, "pom.xml"), filepath.Join(dir, "src", "main", "java", "GephiCheck.java")) || stale(cpFile) {
		mvn := lookPath(t, "mvn")
		var msgs []string
		built := false
		for _, args := range [][]string{{"-q", "-o", "compile"}, {"-q", "compile"}} {
			cmd := exec.Command(mvn, args...)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err == nil {
				built = true
				break
			}
			msgs = append(msgs, fmt.Sprintf("mvn %s: %v\n%s", strings.Join(args, " "), err, out))
		}
		if !built {
			testenv.Missing(t, "the Gephi toolkit check (scripts/gephi-check) does not build:\n%s", strings.Join(msgs, "\n"))
		}
	}
	cp, err := os.ReadFile(cpFile)
	if err != nil {
		testenv.Missing(t, "the Gephi toolkit class path: %v", err)
	}
	return filepath.Join(dir, "target", "classes") + string(os.PathListSeparator) + strings.TrimSpace(string(cp))
}

// stale reports whether target is missing or older than any of sources.
func stale(target string, sources ...string) bool {
	ti, err := os.Stat(target)
	if err != nil {
		return true
	}
	var newest time.Time
	for _, s := range sources {
		if si, err := os.Stat(s); err == nil && si.ModTime().After(newest) {
			newest = si.ModTime()
		}
	}
	return newest.After(ti.ModTime())
}
