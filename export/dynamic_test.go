package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// dynamicExample exports the example's combined layer as a dynamic GEXF with per-year values
// for every year of its span (timeformat tf), and returns the file, the data set, its
// all-time analysis and the per-year analyses.
func dynamicExample(t *testing.T, tf string) ([]byte, *graphmodel.Dataset, *analysis.Result, []*analysis.Result, Options) {
	t.Helper()
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	lo := graphmodel.DefaultOptions()
	l, err := d.Layer(lo)
	if err != nil {
		t.Fatal(err)
	}
	ao := analysis.Options{Sample: 50}
	r, err := analysis.Analyze(context.Background(), l, ao)
	if err != nil {
		t.Fatal(err)
	}
	first, last, _ := d.ActiveSpan()
	var years []*analysis.Result
	keep := func(_ int, yr *analysis.Result) error { years = append(years, yr); return nil }
	if _, err := analysis.EvolveEach(context.Background(), d, lo, ao, analysis.Years(first, last, 1), 0, keep); err != nil {
		t.Fatal(err)
	}
	o := Options{Years: years, TimeFormat: tf}
	var b bytes.Buffer
	if err := WriteGEXF(&b, r, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), d, r, years, o
}

// gexfDoc is the part of a GEXF document the test reads.
type gexfDoc struct {
	Graph struct {
		Attributes []struct {
			Class string `xml:"class,attr"`
			Mode  string `xml:"mode,attr"`
			Attrs []struct {
				ID string `xml:"id,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Edges []struct {
			Source string     `xml:"source,attr"`
			Target string     `xml:"target,attr"`
			Values []attvalue `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type attvalue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

// valueAt is the value of a dynamic attribute at year y (integer time format), "" if none.
func valueAt(vs []attvalue, name string, y int) string {
	for _, v := range vs {
		lo, _ := strconv.Atoi(v.Start)
		hi, _ := strconv.Atoi(v.End)
		if v.For == name && v.Start != "" && lo <= y && y <= hi {
			return v.Value
		}
	}
	return ""
}

// Every edge's dynamic weight and class in every year equal the layer and the typology of
// that year computed afresh (Dataset.Layer with At, as `analyze --at` does); the dynamic
// attributes are declared once, in dynamic blocks, and no longer among the static ones.
func TestDynamicGEXFValues(t *testing.T) {
	file, d, _, years, _ := dynamicExample(t, "integer")
	var doc gexfDoc
	if err := xml.Unmarshal(file, &doc); err != nil {
		t.Fatal(err)
	}
	for _, a := range doc.Graph.Attributes {
		for _, x := range a.Attrs {
			if a.Mode == "static" && (isDynamic(x.ID, DynamicEdgeAttrs) && a.Class == "edge" || isDynamic(x.ID, DynamicNodeAttrs) && a.Class == "node") {
				t.Errorf("%s attribute %s is static too", a.Class, x.ID)
			}
		}
	}
	checked := 0
	for _, yr := range years {
		y := yr.View.Options.At
		lo := graphmodel.DefaultOptions()
		lo.At = y
		l, err := d.Layer(lo)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := analysis.Analyze(context.Background(), l, analysis.Options{Sample: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Graph.Edges {
			got := valueAt(e.Values, "weight", y)
			u, okU := l.NodeID(e.Source)
			v, okV := l.NodeID(e.Target)
			if !okU || !okV || !l.HasEdgeBetween(u, v) {
				if got != "" {
					t.Errorf("%d: %s–%s has weight %s in the GEXF, no edge in the layer", y, e.Source, e.Target, got)
				}
				continue
			}
			b, c := l.Parts(u, v)
			want := b + lo.ClubWeight*c
			if w, err := strconv.ParseFloat(got, 64); err != nil || w != want {
				t.Errorf("%d: %s–%s weight %q, the layer of that year has %g", y, e.Source, e.Target, got, want)
			}
			wantClass := ""
			if tie, ok := ref.Tie(e.Source, e.Target); ok {
				wantClass = tie.Class
			}
			if got := valueAt(e.Values, "class", y); got != wantClass {
				t.Errorf("%d: %s–%s class %q, Analyze at that year %q", y, e.Source, e.Target, got, wantClass)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d edge-years checked", checked)
	}
	t.Logf("%d edge-years checked over %d years", checked, len(years))
}

// The Gephi toolkit reads the dynamic weight and class at two years as the layers of those
// years have them, and, with auto-scale off, the file's viz position, size and colour; for
// both time formats. Needs LIAISON_EXTERNAL=1, Java and Maven.
func TestDynamicGEXFInGephi(t *testing.T) {
	java := lookPath(t, "java")
	cp := gephiClasspath(t)
	var spec strings.Builder
	dir := t.TempDir()
	for _, tf := range []string{"integer", "date"} {
		file, d, r, _, o := dynamicExample(t, tf)
		path := filepath.Join(dir, tf+".gexf")
		if err := os.WriteFile(path, file, 0o644); err != nil {
			t.Fatal(err)
		}
		// A pair whose weight differs between two years: US–UK in 1950 and 2010.
		at := func(y int) (float64, string) {
			lo := graphmodel.DefaultOptions()
			lo.At = y
			l, err := d.Layer(lo)
			if err != nil {
				t.Fatal(err)
			}
			ref, err := analysis.Analyze(context.Background(), l, analysis.Options{Sample: 50})
			if err != nil {
				t.Fatal(err)
			}
			u, _ := l.NodeID("GBR")
			v, _ := l.NodeID("USA")
			b, c := l.Parts(u, v)
			class := ""
			if tie, ok := ref.Tie("GBR", "USA"); ok {
				class = tie.Class
			}
			return b + lo.ClubWeight*c, class
		}
		w1, c1 := at(1950)
		w2, c2 := at(2010)
		if w1 == w2 {
			t.Fatalf("GBR–USA weighs %g in 1950 and 2010: pick another pair", w1)
		}
		when := func(y int) string {
			if tf == "date" {
				return fmt.Sprintf("%d-06-30", y)
			}
			return strconv.Itoa(y)
		}
		g, err := newGraphData(r, o)
		if err != nil {
			t.Fatal(err)
		}
		tl := newTimeline(r.View, o)
		u, _ := r.View.NodeID("USA")
		x, y := g.position(int(u))
		col := g.nodeColor(int(u))
		fields := []string{path, fmt.Sprint(r.View.Len()), fmt.Sprint(r.View.EdgeCount()), "GBR", "USA", formatFloat(weightOf(r.View, "GBR", "USA")),
			"USA", g.label(int(u)), "betweenness", formatFloat(r.Actors[u].Betweenness),
			tl.format(tl.first), tl.format(tl.last), "node:USA", spellsOf(tl, int(u)),
			fmt.Sprintf("GBR:USA:%s=%s=%s;%s=%s=%s", when(1950), formatFloat(w1), c1, when(2010), formatFloat(w2), c2),
			fmt.Sprintf("USA:%s:%s:%s:%d:%d:%d", formatFloat(x), formatFloat(y), formatFloat(g.nodeSize(int(u))), col[0], col[1], col[2])}
		spec.WriteString(strings.Join(fields, "\t") + "\n")
	}
	specPath := filepath.Join(dir, "spec.tsv")
	if err := os.WriteFile(specPath, []byte(spec.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(java, "-Djava.awt.headless=true", "-cp", cp, "GephiCheck", specPath)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Errorf("GephiCheck: %v\n%s\n%s", err, out, stderr.String())
	} else {
		t.Logf("%s", out)
	}
}

// weightOf is the layer weight of the pair a–b.
func weightOf(l *graphmodel.Layer, a, b string) float64 {
	u, _ := l.NodeID(a)
	v, _ := l.NodeID(b)
	bil, club := l.Parts(u, v)
	return bil + l.Options.ClubWeight*club
}

// spellsOf is node u's intervals as GephiCheck wants them.
func spellsOf(tl *timeline, u int) string {
	var ivs []string
	for _, s := range tl.nodes[u] {
		ivs = append(ivs, tl.format(s.lo)+".."+tl.format(s.hi))
	}
	if len(ivs) == 0 {
		return "-inf..+inf"
	}
	return strings.Join(ivs, ",")
}
