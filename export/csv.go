package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/layout"
)

// CSV file names in the folder that WriteFile writes for the csv format.
const (
	NodesCSV = "nodes.csv"
	EdgesCSV = "edges.csv"
)

// WriteCSV writes layer l and its analysis r as the two tables that Gephi's Data Laboratory
// imports (File › Import spreadsheet): nodes (Id, Label, then the node attributes of
// WriteGEXF) and edges (Source, Target, Type = Undirected, Id, Weight, then the edge
// attributes). Missing values are empty fields. Rows are written one at a time.
func WriteCSV(nodes, edges io.Writer, r *analysis.Result, o Options) error {
	if o.Positions == nil && r != nil && r.View != nil {
		// The tables carry no drawing: skip the layout.
		o.Positions = make([]layout.Point, r.View.Len())
	}
	g, err := newGraphData(r, o)
	if err != nil {
		return err
	}
	l := g.l
	bn := bufio.NewWriterSize(nodes, 64<<10)
	cn := csvWriter{csv.NewWriter(bn), o.CSVSafe}
	rec := []string{"Id", "Label"}
	for _, d := range g.nodeDefs {
		rec = append(rec, cn.text(d.Name))
	}
	if err := cn.Write(rec); err != nil {
		return err
	}
	vals := make([]val, len(g.nodeDefs))
	for u := 0; u < l.Len(); u++ {
		rec = append(rec[:0], cn.text(l.Actor(int64(u))), cn.text(g.label(u)))
		g.nodeValues(u, vals)
		for i, d := range g.nodeDefs {
			rec = append(rec, cn.val(vals[i], d.Kind))
		}
		if err := cn.Write(rec); err != nil {
			return err
		}
	}
	if cn.Flush(); cn.Error() != nil {
		return cn.Error()
	}
	if err := bn.Flush(); err != nil {
		return err
	}

	be := bufio.NewWriterSize(edges, 64<<10)
	ce := csvWriter{csv.NewWriter(be), o.CSVSafe}
	rec = append(rec[:0], "Source", "Target", "Type", "Id", "Weight")
	for _, d := range g.edgeDefs {
		rec = append(rec, ce.text(d.Name))
	}
	if err := ce.Write(rec); err != nil {
		return err
	}
	evals := make([]val, len(g.edgeDefs))
	err = g.eachEdge(func(row edgeRow) error {
		rec = append(rec[:0], ce.text(row.e.F.Actor()), ce.text(row.e.T.Actor()), "Undirected", "e"+strconv.Itoa(row.index), formatFloat(row.e.W))
		g.edgeValues(row, evals)
		for i, d := range g.edgeDefs {
			rec = append(rec, ce.val(evals[i], d.Kind))
		}
		return ce.Write(rec)
	})
	if err != nil {
		return err
	}
	if ce.Flush(); ce.Error() != nil {
		return ce.Error()
	}
	return be.Flush()
}

// csvWriter writes CSV rows, with Options.CSVSafe's guard against formula injection when safe.
type csvWriter struct {
	*csv.Writer
	safe bool
}

// text is a text cell: with safe, one that a spreadsheet would take for a formula (it begins
// with =, +, -, @, a tab or a carriage return) gets a leading single quote.
func (w csvWriter) text(s string) string {
	if w.safe && s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// val is an attribute's cell: numbers and booleans as they are, text guarded by text.
func (w csvWriter) val(v val, k kind) string {
	if k == kString {
		return w.text(v.text(k))
	}
	return v.text(k)
}
