package report

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/layout"
)

// The static drawing of the network (SVG, for print and Markdown) and the layout it shares
// with the interactive view: readable at hundreds of actors (overlaps removed, labels for
// the top hubs only, placed where they overlap nothing, the backbone of a dense layer drawn
// and the rest faint, one palette for communities and another for tie classes, legends).

const (
	drawSize      = 900.0           // the drawing's square, px
	drawScale     = drawSize * 0.44 // px per layout unit ([−1, 1]² → the square, with a margin)
	labelsMax     = 40              // labelled actors (the top hubs)
	fontPx        = 11.0            // label size
	backboneAlpha = 0.05            // the disparity filter's level
)

// Dense says whether the layer is drawn by its backbone: more than 500 edges and more than 4
// per actor.
func Dense(edges, nodes int) bool { return edges > 500 && edges > 4*nodes }

// nodeRadius is an actor's radius in the drawing, px, from its hub score.
func nodeRadius(score float64) float64 { return 3 + 14*score }

// graphOf is the layer as a layout.Graph, edges in EachEdge order.
func graphOf(l *graphmodel.Layer) layout.Graph {
	g := layout.Graph{N: l.Len()}
	l.EachEdge(func(e graphmodel.Edge) {
		g.Src = append(g.Src, int32(e.F.ID()))
		g.Dst = append(g.Dst, int32(e.T.ID()))
		g.W = append(g.W, e.W)
	})
	return g
}

// backboneOf marks the backbone edges of a layer (all of them when it is not dense).
func backboneOf(g layout.Graph) []bool {
	if !Dense(len(g.Src), g.N) {
		keep := make([]bool, len(g.Src))
		for i := range keep {
			keep[i] = true
		}
		return keep
	}
	return layout.Backbone(g, backboneAlpha)
}

// positions lays the analysed layer out once (layout.Readable on its backbone when dense,
// overlaps of the drawing's circles removed), for the drawing and the view.
func (rep *Report) positions() []layout.Point {
	if rep.pos != nil {
		return rep.pos
	}
	g := graphOf(rep.Layer)
	keep := backboneOf(g)
	lay := layout.Graph{N: g.N, Src: g.Src, Dst: g.Dst, W: g.W}
	if Dense(len(g.Src), g.N) {
		// Dense: the backbone's edges pull harder, by 2 × (edges / backbone edges) and at
		// least 10 times, so that the backbone's pull outweighs the rest's (the backbone
		// alone would break apart clubs whose co-members are tied by equal weights).
		kept := 0
		for _, k := range keep {
			if k {
				kept++
			}
		}
		boost := math.Max(10, 2*float64(len(keep))/float64(max(1, kept)))
		lay.W = make([]float64, len(g.W))
		for i, w := range g.W {
			lay.W[i] = w
			if keep[i] {
				lay.W[i] = boost * w
			}
		}
	}
	groups := make([]int, len(rep.Result.Actors))
	for i, a := range rep.Result.Actors {
		groups[i] = a.Community
	}
	score := analysis.HubScores(rep.Result)
	radius := make([]float64, g.N)
	for u := range radius {
		radius[u] = nodeRadius(score[u]) / drawScale
	}
	rep.pos = layout.Readable(lay, groups, radius, 1.5/drawScale, 1)
	rep.keep = keep
	return rep.pos
}

// box is a label's or circle's bounding box in the drawing.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) hits(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// network draws the layer: nodes sized by hub score and coloured by community; bilateral ties
// solid (relational, blue) or dashed (transactional, orange); club-only edges thin grey; on a
// dense layer the edges outside the backbone faint; labels for the top hubs; legends below.
func network(rep *Report) string {
	r := rep.Result
	pos := rep.positions()
	keep := rep.keep
	score := analysis.HubScores(r)
	l := rep.Layer
	n := l.Len()
	toXY := func(i int) (float64, float64) {
		return drawSize/2 + pos[i].X*drawScale, drawSize/2 + pos[i].Y*drawScale
	}
	key := rep.CommunityKey()
	legendRows := 2 + (len(key)+3)/4
	height := drawSize + 18*float64(legendRows) + 16
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="network drawing" font-family="%s">`,
		drawSize, height, drawSize, height, html.EscapeString(pageFont))
	b.WriteString(`<rect width="100%" height="100%" fill="white"/>`)
	dense := Dense(l.EdgeCount(), n)
	drawClubOnly := l.EdgeCount() <= 20000
	// Faint edges first, then the backbone by class: club-only, transactional, relational.
	type seg struct{ x1, y1, x2, y2 float64 }
	var faint, club, trans, rel []seg
	i := 0
	l.EachEdge(func(e graphmodel.Edge) {
		x1, y1 := toXY(int(e.F.ID()))
		x2, y2 := toXY(int(e.T.ID()))
		s := seg{x1, y1, x2, y2}
		var t *analysis.TieResult
		if e.Bilateral > 0 {
			t, _ = r.Tie(e.F.Actor(), e.T.Actor())
		}
		switch code := classCode(e.Bilateral, t); {
		case !keep[i]:
			if code > 0 || drawClubOnly {
				faint = append(faint, s)
			}
		case code == 1:
			rel = append(rel, s)
		case code == 2:
			trans = append(trans, s)
		case drawClubOnly:
			club = append(club, s)
		}
		i++
	})
	path := func(segs []seg, attrs string) {
		if len(segs) == 0 {
			return
		}
		fmt.Fprintf(&b, `<path fill="none" stroke-linecap="round" %s d="`, attrs)
		for _, s := range segs {
			fmt.Fprintf(&b, "M%.1f %.1fL%.1f %.1f", s.x1, s.y1, s.x2, s.y2)
		}
		b.WriteString(`"/>`)
	}
	path(faint, `stroke="#9a9a9a" stroke-width="0.4" stroke-opacity="0.12"`)
	path(club, fmt.Sprintf(`stroke="%s" stroke-width="0.6" stroke-opacity="0.6"`, clubOnlyColour))
	path(trans, fmt.Sprintf(`stroke="%s" stroke-width="1.2" stroke-dasharray="5 3" stroke-opacity="0.8"`, transactionalColour))
	path(rel, fmt.Sprintf(`stroke="%s" stroke-width="1.5" stroke-opacity="0.75"`, relationalColour))
	// Nodes, the biggest hubs last (on top).
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return score[order[i]] > score[order[j]] })
	b.WriteString(`<g stroke="white" stroke-width="0.8">`)
	for i := n - 1; i >= 0; i-- {
		u := order[i]
		x, y := toXY(u)
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"><title>%s</title></circle>`, x, y, nodeRadius(score[u]), rep.communityColour(u), html.EscapeString(r.Actors[u].ID))
	}
	b.WriteString(`</g>`)
	// Labels for the top hubs, each where it overlaps no other label and no circle: right of
	// the circle, else left, above or below; a label that fits nowhere is left out. A white
	// halo keeps the edges under a label from crossing its text.
	circles := make([]box, n)
	for u := 0; u < n; u++ {
		x, y := toXY(u)
		rad := nodeRadius(score[u])
		circles[u] = box{x - rad, y - rad, x + rad, y + rad}
	}
	var placed []box
	fmt.Fprintf(&b, `<g font-size="%g" fill="#222" stroke="white" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`, fontPx)
	labelled := 0
	for _, u := range order[:min(n, labelsMax)] {
		if score[u] <= 0 && labelled > 0 {
			break
		}
		id := r.Actors[u].ID
		w := textWidth(id, fontPx)
		x, y := toXY(u)
		rad := nodeRadius(score[u])
		for _, c := range []struct{ x, y float64 }{{x + rad + 2, y + fontPx*0.35}, {x - rad - 2 - w, y + fontPx*0.35}, {x - w/2, y - rad - 3}, {x - w/2, y + rad + fontPx}} {
			// The text's box with a pixel to spare: ascent 0.9 em, descent 0.25 em.
			bx := box{c.x - 1, c.y - fontPx*0.95, c.x + w + 1, c.y + fontPx*0.3}
			if bx.x0 < 0 || bx.x1 > drawSize || bx.y0 < 0 || bx.y1 > drawSize {
				continue
			}
			ok := true
			for _, p := range placed {
				ok = ok && !p.hits(bx)
			}
			for v := 0; v < n && ok; v++ {
				ok = !circles[v].hits(bx)
			}
			if ok {
				placed = append(placed, bx)
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">%s</text>`, c.x, c.y, html.EscapeString(id))
				labelled++
				break
			}
		}
	}
	b.WriteString(`</g>`)
	// Legends below the drawing: the tie classes, then the communities.
	y := drawSize + 14
	fmt.Fprintf(&b, `<g font-size="12" fill="#222"><line x1="20" y1="%g" x2="50" y2="%g" stroke="%s" stroke-width="2"/><text x="56" y="%g">relational tie</text>`, y, y, relationalColour, y+4)
	fmt.Fprintf(&b, `<line x1="170" y1="%g" x2="200" y2="%g" stroke="%s" stroke-width="2" stroke-dasharray="5 3"/><text x="206" y="%g">transactional tie</text>`, y, y, transactionalColour, y+4)
	fmt.Fprintf(&b, `<line x1="340" y1="%g" x2="370" y2="%g" stroke="%s" stroke-width="1"/><text x="376" y="%g">club co-membership only</text>`, y, y, clubOnlyColour, y+4)
	note := fmt.Sprintf("node size: hub score; labels: the %d top hubs that fit", labelled)
	if dense {
		note += fmt.Sprintf("; faint: edges outside the backbone (disparity filter, α = %g)", backboneAlpha)
	}
	fmt.Fprintf(&b, `<text x="20" y="%g">%s</text>`, y+22, html.EscapeString(note))
	for i, k := range key {
		cx := 20 + float64(i%4)*220
		cy := y + 44 + float64(i/4)*18
		fmt.Fprintf(&b, `<circle cx="%g" cy="%g" r="6" fill="%s"/><text x="%g" y="%g">%s</text>`, cx+6, cy-4, k.Colour, cx+18, cy, html.EscapeString(k.Label))
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}

// textWidth estimates the width of s in the page's sans-serif font at size px (Liberation
// Sans averages about 0.56 em for ids of capitals and digits).
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == 'I' || r == 'i' || r == 'l' || r == 'j' || r == '.' || r == ',' || r == ' ':
			w += 0.28
		case r >= 'A' && r <= 'Z' || r == 'M' || r == 'W':
			w += 0.67
		default:
			w += 0.56
		}
	}
	return math.Ceil(w * size)
}
