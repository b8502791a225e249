package export

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// WriteDOT writes layer l and its analysis r for Graphviz: an undirected graph whose nodes
// are labelled with the actor names, filled with the colour of their community, sized by hub
// score and given Layout's position (pos, in points, for neato -n), and whose edges have the
// weight (rounded to an integer from 1 to 2³¹−1 in weight, which dot requires; exact in the tooltip),
// a pen width growing with it and the colour of their class. The community, hub score,
// class and relational score also travel as attributes that Graphviz keeps and ignores.
func WriteDOT(w io.Writer, r *analysis.Result, o Options) error {
	g, err := newGraphData(r, o)
	if err != nil {
		return err
	}
	l := g.l
	b := bufio.NewWriterSize(w, 64<<10)
	var werr error
	put := func(ss ...string) {
		for _, s := range ss {
			if werr == nil {
				_, werr = b.WriteString(s)
			}
		}
	}
	put("graph ", dotQuote("liaison"), " {\n")
	put("  graph [label=", dotQuote(describe(l)), ", labelloc=t, overlap=false, outputorder=edgesfirst];\n")
	put("  node [shape=circle, style=filled, fontsize=10, color=\"#505050\"];\n")
	put("  edge [color=\"#a0a0a0\"];\n")
	n := l.Len()
	for u := 0; u < n; u++ {
		a := &r.Actors[u]
		px, py := g.position(u)
		put("  ", dotQuote(l.Actor(int64(u))), " [label=", dotQuote(g.label(u)),
			", fillcolor=", dotQuote(hexColor(g.nodeColor(u))),
			", width=", dotNum(math.Round(g.nodeSize(u)/baseSize*40)/100),
			", pos=", dotQuote(dotNum(px)+","+dotNum(py)),
			", community=", strconv.Itoa(int(a.Community)),
			", hub_score=", dotNum(g.hub[u]), "];\n")
	}
	maxW := 0.0
	l.EachEdge(func(e graphmodel.Edge) { maxW = math.Max(maxW, e.W) })
	err = g.eachEdge(func(row edgeRow) error {
		e := row.e
		put("  ", dotQuote(e.F.Actor()), " -- ", dotQuote(e.T.Actor()),
			" [weight=", strconv.Itoa(int(min(max(1, math.Round(e.W)), math.MaxInt32))),
			", penwidth=", dotNum(math.Round((0.5+3.5*(e.W/maxW))*100)/100),
			", color=", dotQuote(hexColor(edgeColor(row))))
		tip := "weight " + formatFloat(e.W)
		if t := row.tie; t != nil {
			put(", class=", dotQuote(t.Class), ", relational_score=", dotNum(t.RelationalScore))
			tip += "; " + t.Class + " " + strconv.FormatFloat(t.RelationalScore, 'f', 2, 64)
		}
		put(", tooltip=", dotQuote(tip), "];\n")
		return werr
	})
	if err != nil {
		return err
	}
	put("}\n")
	if werr != nil {
		return werr
	}
	return b.Flush()
}

// dotNum formats a number as DOT reads it: no exponent.
func dotNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// dotQuote quotes s as a DOT string: backslashes and quotes escaped, line breaks as \n.
func dotQuote(s string) string { return `"` + dotEscaper.Replace(s) + `"` }

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
