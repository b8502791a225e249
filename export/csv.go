package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

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
	cn := csv.NewWriter(bn)
	rec := []string{"Id", "Label"}
	for _, d := range g.nodeDefs {
		rec = append(rec, d.Name)
	}
	if err := cn.Write(rec); err != nil {
		return err
	}
	vals := make([]val, len(g.nodeDefs))
	for u := 0; u < l.Len(); u++ {
		rec = append(rec[:0], l.Actor(int64(u)), g.label(u))
		g.nodeValues(u, vals)
		for i, d := range g.nodeDefs {
			rec = append(rec, vals[i].text(d.Kind))
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
	ce := csv.NewWriter(be)
	rec = append(rec[:0], "Source", "Target", "Type", "Id", "Weight")
	for _, d := range g.edgeDefs {
		rec = append(rec, d.Name)
	}
	if err := ce.Write(rec); err != nil {
		return err
	}
	evals := make([]val, len(g.edgeDefs))
	err = g.eachEdge(func(row edgeRow) error {
		rec = append(rec[:0], row.e.F.Actor(), row.e.T.Actor(), "Undirected", "e"+strconv.Itoa(row.index), formatFloat(row.e.W))
		g.edgeValues(row, evals)
		for i, d := range g.edgeDefs {
			rec = append(rec, evals[i].text(d.Kind))
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
