package export_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/export"
	"github.com/liaison-net/liaison/graphmodel"
)

// analyse loads a data set and analyses its combined layer over all time.
func analyse(path string) *analysis.Result {
	d, err := graphmodel.Load(path)
	if err != nil {
		log.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		log.Fatal(err)
	}
	return r
}

// WriteDOT writes the analysed layer (r.View) for Graphviz: labels, community colours, sizes by
// hub score and positions from the layout.
func ExampleWriteDOT() {
	r := analyse("../testdata/florentine")
	var b bytes.Buffer
	if err := export.WriteDOT(&b, r, export.Options{}); err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(lines[0])
	for _, line := range lines {
		if strings.Contains(line, " -- ") && strings.Contains(line, `"Medici"`) {
			// Each edge: the integer weight dot needs, pen width, colour and class, then
			// the exact score and weight in a tooltip (left out here).
			line, _, _ = strings.Cut(line, ", relational_score")
			fmt.Println(strings.TrimSpace(line))
		}
	}
	fmt.Println("…", strings.Count(b.String(), " -- "), "edges in all")
	// Output:
	// graph "liaison" {
	// "Acciaiuoli" -- "Medici" [weight=1, penwidth=2.25, color="#d35400", class="transactional"
	// "Albizzi" -- "Medici" [weight=1, penwidth=2.25, color="#d35400", class="transactional"
	// "Barbadori" -- "Medici" [weight=2, penwidth=4, color="#d35400", class="transactional"
	// "Ginori" -- "Medici" [weight=1, penwidth=2.25, color="#d35400", class="transactional"
	// "Medici" -- "Pazzi" [weight=1, penwidth=2.25, color="#d35400", class="transactional"
	// "Medici" -- "Ridolfi" [weight=1, penwidth=2.25, color="#d35400", class="transactional"
	// "Medici" -- "Salviati" [weight=2, penwidth=4, color="#d35400", class="transactional"
	// "Medici" -- "Tornabuoni" [weight=2, penwidth=4, color="#d35400", class="transactional"
	// … 27 edges in all
}

// WriteGEXF writes GEXF 1.3 for Gephi with typed attributes on nodes and edges. When the data
// set has times (and Options.Static is not set) the graph is dynamic: an edge exists during
// the spells of its tie rows (and on its exchange dates, and while both ends share a club), a
// node during its edges' spells; an open end is closed at the data set's latest time.
func ExampleWriteGEXF() {
	d, err := graphmodel.LoadFS(fstest.MapFS{
		"ties.csv": {Data: []byte("source,target,weight,since,until\n" +
			"USA,PAK,2,1954,1965\n" +
			"USA,PAK,3,2001,2011\n" +
			"USA,GBR,5,1946,\n")},
	}, "usa")
	if err != nil {
		log.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteGEXF(&b, r, export.Options{}); err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "<graph ") || strings.HasPrefix(line, "<node ") || strings.HasPrefix(line, "<edge ") || strings.HasPrefix(line, "<spell ") {
			fmt.Println(line)
		}
	}
	// Output:
	// <graph defaultedgetype="undirected" mode="dynamic" timeformat="integer" timerepresentation="interval" start="1946" end="2011">
	// <node id="GBR" label="GBR" start="1946" end="2011">
	// <node id="PAK" label="PAK">
	// <spell start="1954" end="1965"/>
	// <spell start="2001" end="2011"/>
	// <node id="USA" label="USA" start="1946" end="2011">
	// <edge id="0" source="GBR" target="USA" weight="5" start="1946" end="2011">
	// <edge id="1" source="PAK" target="USA" weight="5">
	// <spell start="1954" end="1965"/>
	// <spell start="2001" end="2011"/>
}
