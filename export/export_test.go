package export

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// exportCase is a data set, a layer of it and export options.
type exportCase struct {
	name   string
	path   string
	layer  graphmodel.Options
	opts   Options
	golden bool // compare with testdata/<name>/
}

func combined(at int) graphmodel.Options {
	o := graphmodel.DefaultOptions()
	o.At = at
	return o
}

var cases = []exportCase{
	{name: "florentine", path: "../testdata/florentine", layer: combined(0), golden: true},
	{name: "dynamic", path: "testdata/dynamic/input", layer: combined(0), golden: true},
	{name: "dated", path: "testdata/dated/input", layer: combined(0), golden: true},
	{name: "dated-open", path: "testdata/dated/input", layer: combined(0), opts: Options{OpenEnds: true}, golden: true},
	{name: "example", path: "../testdata/example", layer: combined(0)},
	{name: "example-bilateral-2005", path: "../testdata/example", layer: graphmodel.Options{Layer: graphmodel.Bilateral, At: 2005, ClubWeight: 1, Projection: graphmodel.Newman}},
	{name: "southern-women-clubs", path: "../testdata/southern-women", layer: graphmodel.Options{Layer: graphmodel.Clubs, ClubWeight: 1, Projection: graphmodel.Count}},
}

// analysed loads, builds and analyses a case.
func analysed(t testing.TB, c exportCase) (*graphmodel.Layer, *analysis.Result) {
	t.Helper()
	d, err := graphmodel.Load(c.path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(c.layer)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return l, r
}

// outputs names the files of a case's export, as written by writeAll.
var outputs = []string{"out.gexf", "out.graphml", "out.dot", NodesCSV, EdgesCSV}

// writeAll writes every format of a case into dir through WriteFile.
func writeAll(t testing.TB, c exportCase, dir string) (*graphmodel.Layer, *analysis.Result) {
	t.Helper()
	l, r := analysed(t, c)
	for _, f := range []string{"gexf", "graphml", "dot"} {
		if err := WriteFile(filepath.Join(dir, "out."+f), f, r, c.opts); err != nil {
			t.Fatal(err)
		}
	}
	// The csv format writes a folder of its own; its two tables are then moved beside the
	// other files.
	tables := filepath.Join(dir, "tables")
	if err := WriteFile(tables, "csv", r, c.opts); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{NodesCSV, EdgesCSV} {
		if err := os.Rename(filepath.Join(tables, f), filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(tables); err != nil {
		t.Fatal(err)
	}
	return l, r
}

func TestGolden(t *testing.T) {
	for _, c := range cases {
		if !c.golden {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeAll(t, c, dir)
			want := filepath.Join("testdata", c.name)
			for _, f := range outputs {
				got, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				if *update {
					if err := os.MkdirAll(want, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(want, f), got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				exp, err := os.ReadFile(filepath.Join(want, f))
				if err != nil {
					t.Fatalf("%v (run go test ./export -run TestGolden -update to create it)", err)
				}
				if !bytes.Equal(got, exp) {
					t.Errorf("%s/%s differs from the golden file (go test ./export -run TestGolden -update regenerates it after a change on purpose)\n%s",
						c.name, f, firstDiff(string(got), string(exp)))
				}
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n  got  " + a + "\n  want " + b
		}
	}
	return ""
}

func itoa(i int) string { return formatFloat(float64(i)) }

// TestDeterministic: the same input gives byte-identical files.
func TestDeterministic(t *testing.T) {
	c := cases[4] // the example: dynamic, with dates, clubs and exchanges
	a, b := t.TempDir(), t.TempDir()
	writeAll(t, c, a)
	writeAll(t, c, b)
	for _, f := range outputs {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) || len(x) == 0 {
			t.Errorf("%s differs between runs", f)
		}
	}
}

// TestGEXFContent checks the shape of the dynamic GEXF: one edge per pair, unique ids, no
// zero weights, spells merged and closed at the data span, typed extra columns.
func TestGEXFContent(t *testing.T) {
	l, r := analysed(t, cases[1])
	var buf bytes.Buffer
	if err := WriteGEXF(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, want := range []string{
		`<graph defaultedgetype="undirected" mode="dynamic" timeformat="integer" timerepresentation="interval" start="1950" end="2010">`,
		`<attribute id="founded" title="founded" type="long"/>`,
		`<attribute id="secret" title="secret" type="boolean"/>`,
		`<attribute id="level" title="level" type="long"/>`,
		`<attribute id="agreement" title="agreement" type="string"/>`,
		`<attribute id="community" title="community" type="integer"/>`,
		`<attribute id="betweenness" title="betweenness" type="double"/>`,
		`label="Alpha &amp; Co"`, `label="Beta &#34;B&#34;"`, `label="Gamma &lt;C&gt;"`,
		// A–B: rows 1950–1960 and 1970–open, club K1 (A, B, D: 1/2) from 1962: two spells,
		// the open end closed at the data's last year.
		`<edge id="0" source="A" target="B" weight="4">`,
		"<spells>\n          <spell start=\"1950\" end=\"1960\"/>\n          <spell start=\"1962\" end=\"2010\"/>\n        </spells>",
		// A–C: open since, closed at the data's first year.
		`<edge id="1" source="A" target="C" weight="1" start="1950" end="1980">`,
		// A–B's agreement differs between rows (joined), its level too (left out).
		`<attvalue for="agreement" value="first accord;second accord"/>`,
		// B–D: 1965, and K1 1970–1990: two spells.
		"<spells>\n          <spell start=\"1965\" end=\"1965\"/>\n          <spell start=\"1970\" end=\"1990\"/>\n        </spells>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("GEXF lacks %s", want)
		}
	}
	if strings.Contains(s, `for="level" value`) && strings.Contains(s, `source="A" target="B"`) {
		// A–B has levels 3 and 4: no level; other edges have one.
		i := strings.Index(s, `source="A" target="B"`)
		j := strings.Index(s[i:], "</edge>")
		if strings.Contains(s[i:i+j], `for="level"`) {
			t.Error("A–B has a level though its rows disagree")
		}
	}
	ids := map[string]bool{}
	pairs := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "<edge ") {
			continue
		}
		id, src, dst, w := attrOf(line, "id"), attrOf(line, "source"), attrOf(line, "target"), attrOf(line, "weight")
		if ids[id] {
			t.Errorf("duplicate edge id %s", id)
		}
		ids[id] = true
		p := min(src, dst) + "|" + max(src, dst)
		if pairs[p] {
			t.Errorf("two edges for %s", p)
		}
		pairs[p] = true
		if w == "" || w == "0" || strings.HasPrefix(w, "-") {
			t.Errorf("edge %s weight %q", id, w)
		}
	}
	if len(ids) != l.EdgeCount() {
		t.Errorf("%d edges, want %d", len(ids), l.EdgeCount())
	}

	// With --at the export is static.
	_, r2 := analysed(t, exportCase{path: cases[1].path, layer: combined(1995)})
	buf.Reset()
	if err := WriteGEXF(&buf, r2, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `mode="static"`) || strings.Contains(buf.String(), "spell") {
		t.Error("a layer at a year is not written static")
	}
}

func attrOf(line, name string) string {
	i := strings.Index(line, " "+name+`="`)
	if i < 0 {
		return ""
	}
	rest := line[i+len(name)+3:]
	return rest[:strings.IndexByte(rest, '"')]
}

// TestBadInput: a result without its layer and an unknown format are refused.
func TestBadInput(t *testing.T) {
	_, r := analysed(t, cases[1])
	if err := WriteGEXF(&bytes.Buffer{}, &analysis.Result{}, Options{}); err == nil {
		t.Error("no error for a result without its layer")
	}
	if err := WriteFile(filepath.Join(t.TempDir(), "x"), "pdf", r, Options{}); err == nil {
		t.Error("no error for an unknown format")
	}
}
