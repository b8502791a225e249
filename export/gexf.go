package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// GEXF namespaces (version 1.3).
const (
	gexfNS = "http://gexf.net/1.3"
	vizNS  = "http://gexf.net/1.3/viz"
)

// WriteGEXF writes layer l and its analysis r as GEXF 1.3: an undirected graph whose nodes
// carry every actor measure and the input's extra actor columns as typed attributes, whose
// edges carry the weight, its bilateral and club parts, the tie's class, relational score,
// factors, domains and extra columns; nodes are coloured by community, sized by hub score
// and placed by Layout. When the data set has times and the layer is not limited to a year
// (no --at), the graph is dynamic: nodes and edges have spells (timeformat integer for years,
// date when the data has full dates). The document is written element by element.
func WriteGEXF(w io.Writer, r *analysis.Result, o Options) error {
	g, err := newGraphData(r, o)
	if err != nil {
		return err
	}
	if err := timeFormatOf(o); err != nil {
		return err
	}
	l := g.l
	tl := newTimeline(l, o)
	// Per-year values: the dynamic attributes leave the static block.
	nodeDefs, nodeAt, nodeDyn := g.nodeDefs, []int(nil), []attrDef(nil)
	edgeDefs, edgeAt, edgeDyn := g.edgeDefs, []int(nil), []attrDef(nil)
	var dy *dynamic
	if tl != nil && len(o.Years) > 0 {
		if dy, err = newDynamic(l, tl, o.Years, o.YearStep); err != nil {
			return err
		}
		nodeDefs, nodeAt, nodeDyn = splitDefs(g.nodeDefs, DynamicNodeAttrs)
		edgeDefs, edgeAt, edgeDyn = splitDefs(g.edgeDefs, DynamicEdgeAttrs)
	}
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n")
	x.raw(`<gexf xmlns="`, gexfNS, `" xmlns:viz="`, vizNS, `" version="1.3">`, "\n")
	x.raw("  <meta>\n    <creator>liaison</creator>\n    <description>")
	x.text(describe(l))
	x.raw("</description>\n  </meta>\n")
	x.raw(`  <graph defaultedgetype="undirected"`)
	if tl != nil {
		x.raw(` mode="dynamic" timeformat="`, tl.timeFormat(), `" timerepresentation="interval"`)
		x.attr("start", tl.format(tl.first))
		x.attr("end", tl.format(tl.last))
	} else {
		x.raw(` mode="static"`)
	}
	x.raw(">\n")
	for _, c := range []struct {
		class, mode string
		defs        []attrDef
	}{{"node", "static", nodeDefs}, {"edge", "static", edgeDefs}, {"node", "dynamic", nodeDyn}, {"edge", "dynamic", edgeDyn}} {
		if c.mode == "dynamic" && dy == nil {
			continue
		}
		x.raw(`    <attributes class="`, c.class, `" mode="`, c.mode, `">`, "\n")
		for _, d := range c.defs {
			x.raw("      <attribute")
			x.attr("id", d.Name)
			x.attr("title", d.Name)
			x.raw(` type="`, d.Kind.gexfType(), `"/>`, "\n")
		}
		x.raw("    </attributes>\n")
	}

	n := l.Len()
	x.raw(`    <nodes count="`, strconv.Itoa(n), `">`, "\n")
	vals := make([]val, len(g.nodeDefs))
	for u := 0; u < n; u++ {
		x.raw("      <node")
		x.attr("id", l.Actor(int64(u)))
		x.attr("label", g.label(u))
		var spells []span
		if tl != nil {
			spells = tl.nodes[u]
		}
		writeSpellAttrs(x, tl, spells)
		x.raw(">\n")
		g.nodeValues(u, vals)
		if dy != nil {
			writeDynAttvalues(x, tl, nodeDefs, nodeAt, vals, nodeDyn, dy.nodes[u])
		} else {
			writeAttvalues(x, g.nodeDefs, vals)
		}
		writeSpells(x, tl, spells)
		c := g.nodeColor(u)
		px, py := g.position(u)
		x.raw(`        <viz:color r="`, strconv.Itoa(int(c[0])), `" g="`, strconv.Itoa(int(c[1])), `" b="`, strconv.Itoa(int(c[2])), `"/>`, "\n")
		x.raw(`        <viz:position x="`, formatFloat(px), `" y="`, formatFloat(py), `" z="0"/>`, "\n")
		x.raw(`        <viz:size value="`, formatFloat(g.nodeSize(u)), `"/>`, "\n")
		x.raw("      </node>\n")
	}
	x.raw("    </nodes>\n")
	x.raw(`    <edges count="`, strconv.Itoa(l.EdgeCount()), `">`, "\n")
	evals := make([]val, len(g.edgeDefs))
	err = g.eachEdge(func(row edgeRow) error {
		x.raw(`      <edge id="`, strconv.Itoa(row.index), `"`)
		x.attr("source", row.e.F.Actor())
		x.attr("target", row.e.T.Actor())
		x.raw(` weight="`, formatFloat(row.e.W), `"`)
		var spells []span
		if tl != nil {
			spells = tl.edges[pairKey(row.e.F.ID(), row.e.T.ID())]
		}
		writeSpellAttrs(x, tl, spells)
		x.raw(">\n")
		g.edgeValues(row, evals)
		if dy != nil {
			writeDynAttvalues(x, tl, edgeDefs, edgeAt, evals, edgeDyn, dy.edges[pairKey(row.e.F.ID(), row.e.T.ID())])
		} else {
			writeAttvalues(x, g.edgeDefs, evals)
		}
		writeSpells(x, tl, spells)
		c := edgeColor(row)
		x.raw(`        <viz:color r="`, strconv.Itoa(int(c[0])), `" g="`, strconv.Itoa(int(c[1])), `" b="`, strconv.Itoa(int(c[2])), `"/>`, "\n")
		x.raw("      </edge>\n")
		return x.err
	})
	if err != nil {
		return err
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return x.flush()
}

// describe says which layer an export holds.
func describe(l *graphmodel.Layer) string {
	s := fmt.Sprintf("%s layer", l.Options.Layer)
	if l.Data.Path != "" {
		s += " of " + l.Data.Path
	}
	if l.Options.At != 0 {
		s += fmt.Sprintf(" in %d", l.Options.At)
	}
	if l.Options.Layer == graphmodel.Combined {
		s += fmt.Sprintf(" (club weight %s", formatFloat(l.Options.ClubWeight))
		s += fmt.Sprintf(", %s projection)", l.Options.Projection)
	} else if l.Options.Layer == graphmodel.Clubs {
		s += fmt.Sprintf(" (%s projection)", l.Options.Projection)
	}
	return s + "; written by liaison"
}

func writeAttvalues(x *xmlWriter, defs []attrDef, vals []val) {
	opened := false
	for i, d := range defs {
		if !vals[i].ok {
			continue
		}
		if !opened {
			x.raw("        <attvalues>\n")
			opened = true
		}
		x.raw(`          <attvalue`)
		x.attr("for", d.Name)
		x.attr("value", vals[i].text(d.Kind))
		x.raw("/>\n")
	}
	if opened {
		x.raw("        </attvalues>\n")
	}
}

// writeSpellAttrs writes a single spell as the element's start and end attributes (which
// every reader understands, open ends included); several go in a spells element.
func writeSpellAttrs(x *xmlWriter, tl *timeline, ss []span) {
	if len(ss) != 1 {
		return
	}
	if ss[0].lo != openLo {
		x.attr("start", tl.format(ss[0].lo))
	}
	if ss[0].hi != openHi {
		x.attr("end", tl.format(ss[0].hi))
	}
}

func writeSpells(x *xmlWriter, tl *timeline, ss []span) {
	if len(ss) < 2 {
		return
	}
	x.raw("        <spells>\n")
	for _, s := range ss {
		x.raw("          <spell")
		if s.lo != openLo {
			x.attr("start", tl.format(s.lo))
		}
		if s.hi != openHi {
			x.attr("end", tl.format(s.hi))
		}
		x.raw("/>\n")
	}
	x.raw("        </spells>\n")
}
