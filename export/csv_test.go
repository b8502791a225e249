package export

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/layout"
)

// TestCSVTables: nodes.csv and edges.csv have the headers Gephi's spreadsheet import
// recognises, one row per node and edge, and the same values as the other formats.
func TestCSVTables(t *testing.T) {
	dir := t.TempDir()
	l, r := writeAll(t, cases[1], dir)
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	nodes, edges := read(NodesCSV), read(EdgesCSV)
	if got := strings.Join(nodes[0][:4], ","); got != "Id,Label,name,type" {
		t.Errorf("nodes header %s", got)
	}
	if got := strings.Join(edges[0][:5], ","); got != "Source,Target,Type,Id,Weight" {
		t.Errorf("edges header %s", got)
	}
	if len(nodes) != l.Len()+1 || len(edges) != l.EdgeCount()+1 {
		t.Errorf("%d node rows, %d edge rows; want %d, %d", len(nodes)-1, len(edges)-1, l.Len(), l.EdgeCount())
	}
	col := func(header []string, name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s in %v", name, header)
		return -1
	}
	b := col(nodes[0], "betweenness")
	for i, row := range nodes[1:] {
		if row[0] != r.Actors[i].ID || row[b] != formatFloat(r.Actors[i].Betweenness) {
			t.Errorf("node row %d: %s betweenness %s", i, row[0], row[b])
		}
	}
	for _, row := range edges[1:] {
		if row[2] != "Undirected" || row[4] == "" || row[4] == "0" {
			t.Errorf("edge row %v", row)
		}
	}
}

// TestStreamLarge exports a layer of 5,000 actors and 50,000 ties in every format, to check
// that the writers scale (they write row by row) and stay consistent.
func TestStreamLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	var b strings.Builder
	b.WriteString("source,target,weight\n")
	const n, m = 5000, 50000
	seen := map[[2]int]bool{}
	x := uint64(1)
	for len(seen) < m {
		x = x*6364136223846793005 + 1442695040888963407
		u, v := int(x>>33)%n, int(x>>13)%n
		if u == v || seen[[2]int{min(u, v), max(u, v)}] {
			continue
		}
		seen[[2]int{min(u, v), max(u, v)}] = true
		fmt.Fprintf(&b, "a%d,a%d,%d\n", u, v, 1+int(x>>50)%10)
	}
	d, err := graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: []byte(b.String())}}, "large")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(t.Context(), l, analysis.Options{Sample: 50})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pos := make([]layout.Point, l.Len()) // the layout is tested elsewhere; here only the writers
	for _, f := range Formats {
		if err := WriteFile(filepath.Join(dir, f), f, r, Options{Positions: pos}); err != nil {
			t.Fatal(err)
		}
	}
	gexf, err := os.ReadFile(filepath.Join(dir, "gexf"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(gexf), "<edge "); got != l.EdgeCount() {
		t.Errorf("%d GEXF edges, want %d", got, l.EdgeCount())
	}
}
