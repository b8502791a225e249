package export

import (
	"io"
	"strconv"

	"github.com/liaison-net/liaison/analysis"
)

// WriteGraphML writes layer l and its analysis r as GraphML: an undirected graph with typed
// keys (for="node" or for="edge", attr.type int, long, double, boolean or string) named as
// the contract's JSON fields, the same attributes as WriteGEXF, the edge weight as the key
// "weight", and the drawing as the node keys label, x, y, size, r, g, b (and r, g, b on
// edges), which Gephi's GraphML importer maps to label, position, size and colour. GraphML has no standard
// time, so the export is static. The document is written element by element.
func WriteGraphML(w io.Writer, r *analysis.Result, o Options) error {
	g, err := newGraphData(r, o)
	if err != nil {
		return err
	}
	l := g.l
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`, "\n")
	x.raw("  <desc>")
	x.text(describe(l))
	x.raw("</desc>\n")
	key := func(prefix, forWhat string, d attrDef) {
		x.raw("  <key")
		x.attr("id", prefix+d.Name)
		x.raw(` for="`, forWhat, `"`)
		x.attr("attr.name", d.Name)
		x.raw(` attr.type="`, d.Kind.graphmlType(), `"/>`, "\n")
	}
	nodeDraw := []attrDef{{"label", kString}, {"x", kDouble}, {"y", kDouble}, {"size", kDouble}, {"r", kInt}, {"g", kInt}, {"b", kInt}}
	edgeDraw := []attrDef{{"weight", kDouble}, {"r", kInt}, {"g", kInt}, {"b", kInt}}
	for _, d := range nodeDraw {
		key("v_", "node", d)
	}
	for _, d := range g.nodeDefs {
		key("v_", "node", d)
	}
	for _, d := range edgeDraw {
		key("e_", "edge", d)
	}
	for _, d := range g.edgeDefs {
		key("e_", "edge", d)
	}
	x.raw(`  <graph id="G" edgedefault="undirected">`, "\n")
	data := func(prefix string, d attrDef, v val) {
		if !v.ok {
			return
		}
		x.raw("      <data")
		x.attr("key", prefix+d.Name)
		x.raw(">")
		x.text(v.text(d.Kind))
		x.raw("</data>\n")
	}
	n := l.Len()
	vals := make([]val, len(g.nodeDefs))
	for u := 0; u < n; u++ {
		x.raw("    <node")
		x.attr("id", l.Actor(int64(u)))
		x.raw(">\n")
		px, py := g.position(u)
		c := g.nodeColor(u)
		draw := []val{strVal(g.label(u)), floatVal(px), floatVal(py), floatVal(g.nodeSize(u)), intVal(int64(c[0])), intVal(int64(c[1])), intVal(int64(c[2]))}
		for i, d := range nodeDraw {
			data("v_", d, draw[i])
		}
		g.nodeValues(u, vals)
		for i, d := range g.nodeDefs {
			data("v_", d, vals[i])
		}
		x.raw("    </node>\n")
	}
	evals := make([]val, len(g.edgeDefs))
	err = g.eachEdge(func(row edgeRow) error {
		x.raw(`    <edge id="e`, strconv.Itoa(row.index), `"`)
		x.attr("source", row.e.F.Actor())
		x.attr("target", row.e.T.Actor())
		x.raw(">\n")
		c := edgeColor(row)
		draw := []val{floatVal(row.e.W), intVal(int64(c[0])), intVal(int64(c[1])), intVal(int64(c[2]))}
		for i, d := range edgeDraw {
			data("e_", d, draw[i])
		}
		g.edgeValues(row, evals)
		for i, d := range g.edgeDefs {
			data("e_", d, evals[i])
		}
		x.raw("    </edge>\n")
		return x.err
	})
	if err != nil {
		return err
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.flush()
}
