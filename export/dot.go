package export

import (
	"bufio"
	"errors"
	"fmt"
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
	// fixedsize=shape: a node's circle is its hub score, never its label's length (a long
	// label spills over a small circle, without Graphviz's warning of fixedsize=true).
	put("  node [shape=circle, style=filled, fixedsize=shape, fontsize=10, color=\"#ffffff\"];\n")
	put("  edge [color=\"#a0a0a0\"];\n")
	n := l.Len()
	ids := make([]string, n)
	for u := range ids {
		if ids[u], err = dotID(l.Actor(int64(u))); err != nil {
			return err
		}
	}
	for u := 0; u < n; u++ {
		a := &r.Actors[u]
		px, py := g.position(u)
		put("  ", ids[u], " [label=", dotQuote(g.label(u)),
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
		put("  ", ids[e.F.ID()], " -- ", ids[e.T.ID()],
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

// dotQuote quotes s as a DOT escString (a label, a tooltip), which Graphviz reads twice:
// the DOT reader keeps every backslash but the one of \" (and of a backslash-newline), then
// the label's own escapes apply: so backslashes are doubled, quotes escaped and line breaks
// written as \n (a centred line break). For an id, which has no second reading, see dotID.
func dotQuote(s string) string { return `"` + dotEscaper.Replace(s) + `"` }

// dotID writes s as a DOT id that Graphviz reads back exactly: a quoted string in which only
// quotes are escaped (the DOT reader keeps \\ as two backslashes, a lone \ and a line break
// as they are). A run of an odd number of backslashes before a quote, a line break or the end
// cannot be written so (the reader would take the last backslash as an escape); such an id is
// written as an HTML-like string <…>, kept verbatim, when its angle brackets nest, and is an
// error otherwise.
func dotID(s string) (string, error) {
	quoted := true
	run := 0 // backslashes just before i
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] == '\\' {
			run++
			continue
		}
		if run%2 == 1 && (i == len(s) || s[i] == '"' || s[i] == '\n') {
			quoted = false
			break
		}
		run = 0
	}
	if quoted {
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`, nil
	}
	depth := 0
	for _, c := range []byte(s) {
		switch c {
		case '<':
			depth++
		case '>':
			depth--
		}
		if depth < 0 {
			break
		}
	}
	if depth != 0 {
		return "", fmt.Errorf("export DOT: actor id %q: %w", s, ErrDOTID)
	}
	return "<" + s + ">", nil
}

// ErrDOTID is the error of an actor id that DOT cannot carry: an odd run of backslashes before
// a quote, a line break or the end, with angle brackets that do not nest (so neither a quoted
// nor an HTML-like string reads back as the id). Such a data set needs another format.
var ErrDOTID = errors.New("cannot be written as a DOT id (an odd run of backslashes before a quote, a line break or the end, and unbalanced < >)")

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
