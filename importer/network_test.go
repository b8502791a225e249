package importer

import (
	"bufio"
	"errors"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// rawPajek reads a Pajek file independently of the importer: the lines under each
// "*"-section, keyed by the section line.
func rawPajek(t *testing.T, path string) (sections []string, lines map[string][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines = map[string][]string{}
	cur := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "*") {
			if strings.HasPrefix(strings.ToLower(l), "*vertices") && strings.HasPrefix(strings.ToLower(cur), "*vector") {
				continue // a vector's length line
			}
			cur = l
			sections = append(sections, l)
			continue
		}
		lines[cur] = append(lines[cur], l)
	}
	return sections, lines
}

func TestRealPajek(t *testing.T) {
	path := testenv.SharedData(t, "padgett-florentine/Padgett.paj")
	sections, raw := rawPajek(t, path)
	out, rep, err := Pajek(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := writeAndLoad(t, out)

	// Vertices: one line each, the label is the quoted field.
	var vsec string
	for _, s := range sections {
		if strings.HasPrefix(s, "*Vertices") {
			vsec = s
		}
	}
	labels := map[string]string{}
	for _, l := range raw[vsec] {
		f := strings.Fields(l)
		labels[f[0]] = strings.Trim(f[1], `"`)
	}
	if len(labels) != 16 || len(d.Actors) != 16 || rep.Get("actors") != 16 {
		t.Fatalf("%d vertex lines, %d actors (report %d); want 16", len(labels), len(d.Actors), rep.Get("actors"))
	}
	for _, a := range d.Actors {
		if labels[a.ID] != a.Name {
			t.Errorf("actor %s: name %q, the file's label %q", a.ID, a.Name, labels[a.ID])
		}
	}
	// Arcs: the unordered pairs of each relation.
	rawPairs := map[string]map[[2]string]bool{}
	arcLines := 0
	for _, s := range sections {
		if !strings.HasPrefix(s, "*Arcs") {
			continue
		}
		rel := strings.Trim(strings.Fields(s)[2], `"`)
		rawPairs[rel] = map[[2]string]bool{}
		for _, l := range raw[s] {
			f := strings.Fields(l)
			a, b := labels[f[0]], labels[f[1]]
			if a > b {
				a, b = b, a
			}
			rawPairs[rel][[2]string{a, b}] = true
			arcLines++
		}
	}
	if arcLines != 70 || rep.Get("lines") != arcLines {
		t.Errorf("%d arc lines in the file, the report read %d", arcLines, rep.Get("lines"))
	}
	gotPairs := map[string]map[[2]string]bool{}
	name := map[string]string{}
	for _, a := range d.Actors {
		name[a.ID] = a.Name
	}
	for _, tie := range d.Ties {
		if len(tie.Domains) != 1 {
			t.Fatalf("tie %s–%s: domains %v, want one relation", tie.Source, tie.Target, tie.Domains)
		}
		rel := tie.Domains[0]
		if gotPairs[rel] == nil {
			gotPairs[rel] = map[[2]string]bool{}
		}
		a, b := name[tie.Source], name[tie.Target]
		if a > b {
			a, b = b, a
		}
		if gotPairs[rel][[2]string{a, b}] {
			t.Errorf("pair %s–%s twice in %s", a, b, rel)
		}
		gotPairs[rel][[2]string{a, b}] = true
		if tie.Weight != 1 {
			t.Errorf("tie %s–%s weight %g, want 1", a, b, tie.Weight)
		}
	}
	if !reflect.DeepEqual(gotPairs, rawPairs) {
		t.Errorf("pairs per relation:\n got %v\nwant %v", gotPairs, rawPairs)
	}
	// Vectors: one value per vertex, in vertex order.
	ac := d.Columns.Actors
	for _, s := range sections {
		if !strings.HasPrefix(s, "*Vector") {
			continue
		}
		col := strings.TrimSpace(strings.TrimPrefix(s, "*Vector"))
		ci := -1
		for i, c := range ac {
			if c.Name == col {
				ci = i
			}
		}
		if ci < 0 || len(raw[s]) != 16 {
			t.Fatalf("vector %s: column %d, %d values", col, ci, len(raw[s]))
		}
		for _, a := range d.Actors {
			i, _ := atoi(a.ID)
			if got := a.Extra[ci]; got != raw[s][i-1] {
				t.Errorf("vector %s of %s: %q, file %q", col, a.ID, got, raw[s][i-1])
			}
		}
	}

	// The same families as testdata/florentine (its domains are named marriage and business).
	flo, err := graphmodel.Load("../testdata/florentine")
	if err != nil {
		t.Fatal(err)
	}
	var names, floNames []string
	for _, a := range d.Actors {
		names = append(names, a.Name)
	}
	for _, a := range flo.Actors {
		if a.ID != a.Name {
			t.Fatalf("testdata/florentine: id %q, name %q", a.ID, a.Name)
		}
		floNames = append(floNames, a.Name)
	}
	sort.Strings(names)
	sort.Strings(floNames)
	if !reflect.DeepEqual(names, floNames) {
		t.Errorf("families %v, testdata/florentine %v", names, floNames)
	}
	floPairs := map[string]map[[2]string]bool{}
	relName := map[string]string{"business": "Business", "marriage": "Marital"}
	for _, tie := range flo.Ties {
		rel := relName[tie.Domains[0]]
		if floPairs[rel] == nil {
			floPairs[rel] = map[[2]string]bool{}
		}
		a, b := tie.Source, tie.Target
		if a > b {
			a, b = b, a
		}
		floPairs[rel][[2]string{a, b}] = true
	}
	if !reflect.DeepEqual(gotPairs, floPairs) {
		t.Errorf("pairs per relation differ from testdata/florentine:\n got %v\nwant %v", gotPairs, floPairs)
	}
}

const pajekSmall = "% a comment\r\n*Network test\r\n*Vertices 4\r\n1 \"New York\" 0.1 0.2\r\n2 B\r\n3 \"C\"\r\n" +
	"*Edges\r\n1 2\r\n2 1 3\r\n1 3 0\r\n3 4 -2\r\n*Arcs :2 \"Trade ties\"\r\n1 2 2.5\r\n2 1 2.5\r\n4 4 1\r\n" +
	"*Arcslist :3\r\n1 3 4\r\n*Partition region\r\n*Vertices 4\r\n1\r\n2\r\n1\r\n2\r\n*Vector gdp\r\n*Vertices 4\r\n1.5 2 3 4\r\n"

func TestPajekMapping(t *testing.T) {
	in := write(t, t.TempDir(), "small.net", pajekSmall)
	out, rep, err := Import(PajekSource, []string{in}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	writeAndLoad(t, out)
	want := []map[string]string{
		{"source": "1", "target": "2", "weight": "3", "domains": ""},
		{"source": "1", "target": "2", "weight": "2.5", "domains": "Trade ties"},
		{"source": "1", "target": "3", "weight": "1", "domains": "3"},
		{"source": "1", "target": "4", "weight": "1", "domains": "3"},
	}
	if got := tableRows(t, out, "ties.csv"); !reflect.DeepEqual(got, want) {
		t.Errorf("ties:\n got %v\nwant %v", got, want)
	}
	wantA := []map[string]string{
		{"id": "1", "name": "New York", "region": "1", "gdp": "1.5"},
		{"id": "2", "name": "B", "region": "2", "gdp": "2"},
		{"id": "3", "name": "C", "region": "1", "gdp": "3"},
		{"id": "4", "name": "4", "region": "2", "gdp": "4"},
	}
	if got := tableRows(t, out, "actors.csv"); !reflect.DeepEqual(got, wantA) {
		t.Errorf("actors:\n got %v\nwant %v", got, wantA)
	}
	for key, n := range map[string]int{"nonpositive": 2, "self-loops": 1, "merged": 2, "merged-differ": 1, "coordinates": 1} {
		if rep.Get(key) != n {
			t.Errorf("report %s = %d, want %d", key, rep.Get(key), n)
		}
	}
	var b strings.Builder
	rep.Format(&b)
	if !strings.Contains(b.String(), "2 tie lines with a value of 0 or less dropped") {
		t.Errorf("report:\n%s", b.String())
	}
}

const graphmlSmall = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="pop" attr.type="long"/>
  <key id="d2" for="node" attr.name="gdp" attr.type="double"><default>1</default></key>
  <key id="d3" for="node" attr.name="ally" attr.type="boolean"/>
  <key id="d4" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d5" for="edge" attr.name="kind" attr.type="string"/>
  <key id="d6" for="node" attr.name="degree" attr.type="int"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">Alpha</data><data key="d1">10</data><data key="d3">1</data><data key="d6">2</data></node>
    <node id="b"><data key="d1">20</data><data key="d2">2.5</data></node>
    <edge source="a" target="b"><data key="d4">2</data><data key="d5">treaty</data></edge>
    <edge source="b" target="c"/>
    <edge source="a" target="a"/>
    <edge source="a" target="c"><data key="d4">0</data></edge>
    <node id="c"/>
  </graph>
</graphml>
`

func TestGraphMLMapping(t *testing.T) {
	in := write(t, t.TempDir(), "g.graphml", graphmlSmall)
	out, rep, err := Import(GraphMLSrc, []string{in}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := writeAndLoad(t, out)
	wantA := []map[string]string{
		{"id": "a", "name": "Alpha", "pop": "10", "gdp": "1.0", "ally": "true"},
		{"id": "b", "name": "", "pop": "20", "gdp": "2.5", "ally": ""},
		{"id": "c", "name": "", "pop": "", "gdp": "1.0", "ally": ""},
	}
	if got := tableRows(t, out, "actors.csv"); !reflect.DeepEqual(got, wantA) {
		t.Errorf("actors:\n got %v\nwant %v", got, wantA)
	}
	wantT := []map[string]string{
		{"source": "a", "target": "b", "weight": "2", "kind": "treaty"},
		{"source": "b", "target": "c", "weight": "1", "kind": ""},
	}
	if got := tableRows(t, out, "ties.csv"); !reflect.DeepEqual(got, wantT) {
		t.Errorf("ties:\n got %v\nwant %v", got, wantT)
	}
	kinds := map[string]graphmodel.AttrType{}
	for _, c := range d.Columns.Actors {
		kinds[c.Name] = c.Type
	}
	if kinds["pop"] != graphmodel.AttrInteger || kinds["gdp"] != graphmodel.AttrFloat || kinds["ally"] != graphmodel.AttrBoolean {
		t.Errorf("column kinds %v", kinds)
	}
	for key, n := range map[string]int{"nonpositive": 1, "self-loops": 1, "directed": 4, "computed": 1} {
		if rep.Get(key) != n {
			t.Errorf("report %s = %d, want %d", key, rep.Get(key), n)
		}
	}
}

const gexfSmall = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="%s">
    <attributes class="node" mode="static">
      <attribute id="0" title="region" type="string"/>
      <attribute id="1" title="members" type="integer"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="e0" title="agreement" type="string"/>
    </attributes>
    <nodes>
      <node id="USA" label="United States" start="%s"><attvalues><attvalue for="0" value="Americas"/><attvalue for="1" value="50"/></attvalues></node>
      <node id="GBR" label="United Kingdom"><spells><spell start="%s" end="%s"/></spells></node>
      <node id="CAN"/>
    </nodes>
    <edges>
      <edge id="0" source="USA" target="GBR" weight="4">
        <attvalues><attvalue for="e0" value="UKUSA"/></attvalues>
        <spells><spell start="%s" end="%s"/><spell start="%s"/></spells>
      </edge>
      <edge id="1" source="USA" target="CAN" start="%s" end="%s"/>
      <edge id="2" source="GBR" target="CAN"/>
    </edges>
  </graph>
</gexf>
`

func TestGEXFMapping(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		format string
		times  []any
		since  []string
	}{
		{"integer", []any{"1946", "1946", "2000", "1946", "1960", "1970", "1950", "1990"}, []string{"1946", "1970", "1950", ""}},
		{"date", []any{"1946-03-05", "1946-01-01", "2000-12-31", "1946-03-05", "1960-12-31", "1970-01-01", "1950-01-01", "1990-12-31"}, []string{"1946-03-05", "1970-01-01", "1950-01-01", ""}},
	} {
		s := strings.Replace(gexfSmall, `timeformat="%s"`, `timeformat="`+c.format+`"`, 1)
		for _, v := range c.times {
			s = strings.Replace(s, "%s", v.(string), 1)
		}
		in := write(t, dir, c.format+".gexf", s)
		out, rep, err := Import(GEXFSource, []string{in}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		d, _ := writeAndLoad(t, out)
		ties := tableRows(t, out, "ties.csv")
		if len(ties) != 4 || len(d.Actors) != 3 {
			t.Fatalf("%s: %d tie rows, %d actors; want 4, 3", c.format, len(ties), len(d.Actors))
		}
		for i, tie := range ties {
			if tie["since"] != c.since[i] {
				t.Errorf("%s: row %d since %q, want %q", c.format, i, tie["since"], c.since[i])
			}
		}
		if ties[0]["weight"] != "2" || ties[1]["weight"] != "2" || ties[1]["until"] != "" || ties[0]["agreement"] != "UKUSA" || ties[1]["agreement"] != "UKUSA" {
			t.Errorf("%s: spells of the USA–GBR edge: %v", c.format, ties[:2])
		}
		if a := tableRows(t, out, "actors.csv"); a[0]["name"] != "United States" || a[0]["members"] != "50" || a[2]["name"] != "" {
			t.Errorf("%s: actors %v", c.format, a)
		}
		if rep.Get("node-spells") != 2 || rep.Get("split") != 1 || rep.Get("spell-rows") != 3 {
			t.Errorf("%s: report node-spells %d, split %d, spell-rows %d", c.format, rep.Get("node-spells"), rep.Get("split"), rep.Get("spell-rows"))
		}
	}
}

func TestNetworkErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		source, name, content string
		want                  []string
		kind                  error
	}{
		{PajekSource, "unknown.net", "*Vertices 2\n1 a\n*Foo\n1 2\n", []string{"unknown.net:3: unknown section *Foo"}, graphmodel.ErrSyntax},
		{PajekSource, "number.net", "*Vertices 2\r\n*Edges\r\n1 2 x\r\n1 z\r\n", []string{`number.net:3: value "x" is not a number`, `number.net:4: vertex "z" is not a number`}, ErrBadNumber},
		{PajekSource, "ids.net", "*Vertices 2\n*Arcs\n1 3\n0 1\n", []string{"ids.net:3: vertex 3 is not among the 2 vertices", "ids.net:4: vertex 0 is not among the 2 vertices"}, graphmodel.ErrUnknownRef},
		{PajekSource, "vector.net", "*Vertices 3\n*Vector v\n*Vertices 3\n1\n2\n", []string{"vector.net:2: vector v has 2 values for 3 vertices"}, graphmodel.ErrFieldCount},
		{PajekSource, "empty.net", "% nothing\n", []string{"empty.net:2: no *Vertices section"}, graphmodel.ErrEmptyFile},
		{PajekSource, "early.net", "*Edges\n1 2\n", []string{"early.net:1: *edges before *Vertices", "early.net:2: vertex 1 is not among the -1 vertices", "early.net:2: vertex 2 is not among the -1 vertices"}, graphmodel.ErrSyntax},
		{GraphMLSrc, "trunc.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<node id=\"b\"", []string{"trunc.graphml:3: XML syntax error: XML ends early (truncated file?)"}, graphmodel.ErrSyntax},
		{GraphMLSrc, "number.graphml", "<graphml><key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"><data key=\"k\">1.5</data></node>\n<node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge>\n</graph></graphml>",
			[]string{`number.graphml:2: n "1.5" is not an integer`, `number.graphml:3: weight "heavy" is not a number`}, ErrBadNumber},
		{GraphMLSrc, "ids.graphml", "<graphml><graph>\n<node/>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/>\n<node id=\"a\"/>\n</graph></graphml>",
			[]string{"ids.graphml:2: node without an id", `ids.graphml:5: duplicate node id "a"`}, graphmodel.ErrEmptyID},
		{GraphMLSrc, "ref.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"zz\"/>\n</graph></graphml>",
			[]string{`ref.graphml:3: edge target "zz" is not a node of the graph`}, graphmodel.ErrUnknownRef},
		{GraphMLSrc, "empty.graphml", "", []string{"empty.graphml:1: empty file (no XML element)"}, graphmodel.ErrEmptyFile},
		{GEXFSource, "trunc.gexf", "<gexf version=\"1.3\"><graph><nodes>\n<node id=\"a\">\n", []string{"trunc.gexf:3: XML syntax error: XML ends early (truncated file?)"}, graphmodel.ErrSyntax},
		{GEXFSource, "time.gexf", "<gexf><graph timeformat=\"date\"><nodes><node id=\"a\"/><node id=\"b\"/></nodes><edges>\n<edge source=\"a\" target=\"b\" start=\"1946-02-30\"/>\n<edge source=\"a\" target=\"b\"><spells><spell start=\"1990-01-01\" end=\"1980-01-01\"/></spells></edge>\n</edges></graph></gexf>",
			[]string{`time.gexf:2: start "1946-02-30" is not a date time (a year, or an ISO date YYYY-MM-DD)`, "time.gexf:3: spell ends 1980-01-01, before it starts 1990-01-01"}, graphmodel.ErrBadTime},
		{GEXFSource, "ids.gexf", "<gexf><graph><nodes><node id=\"a\"/></nodes><edges>\n<edge target=\"a\"/>\n<edge source=\"a\" target=\"b\" weight=\"w\"/>\n</edges></graph></gexf>",
			[]string{"ids.gexf:2: edge without a source or target", `ids.gexf:3: weight "w" is not a number`}, graphmodel.ErrEmptyID},
	}
	for _, c := range cases {
		in := write(t, dir, c.name, c.content)
		_, _, err := Import(c.source, []string{in}, Options{})
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if got := problemLines(t, err); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		if !errors.Is(err, c.kind) {
			t.Errorf("%s: error is not %v", c.name, c.kind)
		}
	}
	// A state list or a mapping does not apply to a network file.
	in := write(t, dir, "ok.net", "*Vertices 1\n")
	if _, _, err := Import(PajekSource, []string{in}, Options{States: "s.csv"}); err == nil {
		t.Error("pajek with a state list: no error")
	}
	if _, _, err := Import(GEXFSource, []string{in}, Options{Mapping: MapClubs}); err == nil {
		t.Error("gexf with --mapping clubs: no error")
	}
}
