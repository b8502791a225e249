package report

import (
	_ "embed"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// The interactive network view of the HTML report: a canvas viewer of our own (viewer.js,
// embedded), fed by one JSON document in the page that holds the all-time layer (positions,
// measures, classes) and, for every year of the change over time, that year's layer (its
// actors with their hub scores, its edges with their weights and classes), precomputed from
// the per-year analyses of analysis.EvolveEach.

//go:embed viewer.js
var viewerJS string

//go:embed viewer.css
var viewerCSS string

// yearBudget bounds the bytes of the year frames in the page (the slider keeps every second,
// third, … year above it), so that the page stays under 10 MB.
var yearBudget = 6 << 20

// viewLabels is the number of actors labelled at the first zoom (more fit as one zooms in).
const viewLabels = 40

// edge class codes of the view: 0 club co-membership only, 1 relational, 2 transactional.
func classCode(bilateral float64, t *analysis.TieResult) int {
	switch {
	case bilateral <= 0 || t == nil:
		return 0
	case t.Class == "relational":
		return 1
	default:
		return 2
	}
}

// jw is a small JSON writer: the view's document is large (tens of thousands of numbers), so
// it is written by hand, compactly and deterministically.
type jw struct{ b []byte }

func (w *jw) raw(s string) { w.b = append(w.b, s...) }
func (w *jw) key(k string) { w.raw(jsonString(k) + ":") }
func (w *jw) num(v float64, digits int) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		w.raw("null")
		return
	}
	w.b = strconv.AppendFloat(w.b, v, 'g', digits, 64)
}
func (w *jw) ints(xs []int32) {
	w.b = append(w.b, '[')
	for i, x := range xs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = strconv.AppendInt(w.b, int64(x), 10)
	}
	w.b = append(w.b, ']')
}
func (w *jw) floats(xs []float64, digits int) {
	w.b = append(w.b, '[')
	for i, x := range xs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.num(x, digits)
	}
	w.b = append(w.b, ']')
}

// jsonString quotes s as a JSON string that is safe inside a <script> element: <, > and &
// are escaped, and so are U+2028 and U+2029 and every control character.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == '<' || r == '>' || r == '&' || r == 0x2028 || r == 0x2029 || r >= 0x7f && r < 0xa0:
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)) + h)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// frame is one layer of the view (the all-time layer or one year's) in columns.
type frame struct {
	year    int
	n       []int32   // actors shown (indexes into the all-time nodes)
	h       []float64 // their hub scores in this frame
	s, t    []int32   // edge ends (indexes into the all-time nodes)
	w, b, k []float64 // layer weight, bilateral part, club part
	c       []int32   // class code
	p, r    []float64 // p_relational, relational score (NaN for club-only edges)
	e       []int32   // the all-time edge of the pair
	bb      []int32   // 1 for a backbone edge (every edge when the frame is not dense)
}

// frameOf reads one analysis into a frame; index maps actor ids to all-time node indexes and
// pairs maps a pair of all-time node indexes to the all-time edge.
func frameOf(r *analysis.Result, year int, index map[string]int32, pairs map[[2]int32]int32) *frame {
	l := r.View
	f := &frame{year: year}
	hub := analysis.HubScores(r)
	local := make([]int32, l.Len())
	for u := 0; u < l.Len(); u++ {
		g := index[l.Actor(int64(u))]
		local[u] = g
		f.n = append(f.n, g)
		f.h = append(f.h, hub[u])
	}
	l.EachEdge(func(e graphmodel.Edge) {
		a, b := local[e.F.ID()], local[e.T.ID()]
		var t *analysis.TieResult
		if e.Bilateral > 0 {
			t, _ = r.Tie(e.F.Actor(), e.T.Actor())
		}
		code := classCode(e.Bilateral, t)
		if e.Bilateral > 0 {
			code |= 4
		}
		if e.Club > 0 {
			code |= 8
		}
		p, sc := math.NaN(), math.NaN()
		if t != nil {
			p, sc = t.PRelational, t.RelationalScore
		}
		key := [2]int32{min(a, b), max(a, b)}
		ei, ok := pairs[key]
		if !ok {
			ei = -1
		}
		f.s, f.t = append(f.s, a), append(f.t, b)
		f.w, f.b, f.k = append(f.w, e.W), append(f.b, e.Bilateral), append(f.k, e.Club)
		f.c, f.p, f.r, f.e = append(f.c, int32(code)), append(f.p, p), append(f.r, sc), append(f.e, ei)
	})
	for _, k := range backboneOf(graphOf(l)) {
		f.bb = append(f.bb, map[bool]int32{false: 0, true: 1}[k])
	}
	return f
}

// write writes the frame; a year frame (full false) leaves out the parts, scores and edge
// indexes (the viewer takes them from the all-time edge of the pair), and a frame that is not
// dense its backbone flags (all 1).
func (f *frame) write(w *jw, full bool) {
	w.raw("{")
	if f.year != 0 {
		w.key("year")
		w.b = strconv.AppendInt(w.b, int64(f.year), 10)
		w.raw(",")
	}
	w.key("n")
	w.ints(f.n)
	w.raw(`,"h":`)
	w.floats(f.h, 3)
	w.raw(`,"s":`)
	w.ints(f.s)
	w.raw(`,"t":`)
	w.ints(f.t)
	w.raw(`,"w":`)
	w.floats(f.w, 4)
	w.raw(`,"c":`)
	w.ints(f.c)
	w.raw(`,"p":`)
	w.floats(f.p, 2)
	if full {
		w.raw(`,"b":`)
		w.floats(f.b, 4)
		w.raw(`,"k":`)
		w.floats(f.k, 4)
		w.raw(`,"r":`)
		w.floats(f.r, 3)
		w.raw(`,"e":`)
		w.ints(f.e)
	}
	if Dense(len(f.s), len(f.n)) {
		w.raw(`,"bb":`)
		w.ints(f.bb)
	}
	w.raw(`,"dense":`)
	w.raw(strconv.FormatBool(Dense(len(f.s), len(f.n))))
	w.raw("}")
}

// viewData builds the JSON document of the interactive view.
func viewData(rep *Report) string {
	r := rep.Result
	l := rep.Layer
	n := l.Len()
	w := &jw{}
	index := make(map[string]int32, n)
	for u := 0; u < n; u++ {
		index[l.Actor(int64(u))] = int32(u)
	}
	hub := analysis.HubScores(r)
	rank := map[string]int{}
	why := map[string]string{}
	for i, h := range r.Hubs {
		rank[h.ID] = i + 1
		why[h.ID] = h.Why
	}
	pos := rep.positions()
	w.raw(`{"measures":[`)
	for i, m := range analysis.Measures {
		if i > 0 {
			w.raw(",")
		}
		w.raw(jsonString(m.Name))
	}
	w.raw(`],"nodes":[`)
	for u := 0; u < n; u++ {
		if u > 0 {
			w.raw(",\n")
		}
		id := l.Actor(int64(u))
		w.raw(`{"id":` + jsonString(id))
		if a := l.ActorOf(int64(u)); a != nil && a.Name != "" {
			w.raw(`,"name":` + jsonString(a.Name))
		}
		w.raw(`,"c":`)
		w.b = strconv.AppendInt(w.b, int64(r.Actors[u].Community), 10)
		w.raw(`,"h":`)
		w.num(hub[u], 3)
		if k := rank[id]; k > 0 {
			w.raw(`,"rank":`)
			w.b = strconv.AppendInt(w.b, int64(k), 10)
			w.raw(`,"why":` + jsonString(why[id]))
		}
		w.raw(`,"x":`)
		w.num(0.04+0.46*(pos[u].X+1), 4)
		w.raw(`,"y":`)
		w.num(0.04+0.46*(pos[u].Y+1), 4)
		w.raw(`,"m":[`)
		for i, m := range analysis.Measures {
			if i > 0 {
				w.raw(",")
			}
			if v, ok := m.Value(&r.Actors[u]); ok {
				w.num(v, 4)
			} else {
				w.raw("null")
			}
		}
		w.raw("]}")
	}
	// The all-time edges with their static details.
	all := frameOf(r, 0, index, nil)
	pairs := make(map[[2]int32]int32, len(all.s))
	w.raw("],\n" + `"edges":[`)
	for i := range all.s {
		all.e[i] = int32(i)
		pairs[[2]int32{min(all.s[i], all.t[i]), max(all.s[i], all.t[i])}] = int32(i)
		if i > 0 {
			w.raw(",\n")
		}
		w.raw("{")
		if all.b[i] > 0 {
			if t, ok := r.Tie(l.Actor(int64(all.s[i])), l.Actor(int64(all.t[i]))); ok {
				w.raw(`"by":` + jsonString(t.DecidedBy) + `,"f":` + jsonString(factorText(t.Factors)) + `,`)
				w.raw(`"dom":[`)
				for j, d := range t.Domains {
					if j > 0 {
						w.raw(",")
					}
					w.raw(jsonString(d))
				}
				w.raw("]}")
				continue
			}
		}
		w.raw(`"dom":[]}`)
	}
	w.raw("],\n" + `"all":`)
	all.write(w, true)
	// The year frames, within yearBudget bytes: above it, every second (third, …) year only.
	frames := make([][]byte, len(rep.yearResults))
	total := 0
	for i, yr := range rep.yearResults {
		fw := &jw{}
		frameOf(yr, yr.View.Options.At, index, pairs).write(fw, false)
		frames[i] = fw.b
		total += len(fw.b)
	}
	stride := max(1, (total+yearBudget-1)/yearBudget)
	rep.viewYears = rep.viewYears[:0]
	w.raw(",\n" + `"years":[`)
	for i := 0; i < len(frames); i += stride {
		if i > 0 {
			w.raw(",\n")
		}
		w.b = append(w.b, frames[i]...)
		rep.viewYears = append(rep.viewYears, rep.yearResults[i].View.Options.At)
	}
	w.raw("],\n")
	// Domains (for the filter) and communities.
	seen := map[string]bool{}
	var doms []string
	for _, t := range r.Ties {
		for _, d := range t.Domains {
			if !seen[d] {
				seen[d] = true
				doms = append(doms, d)
			}
		}
	}
	sortStrings(doms)
	w.raw(`"domains":[`)
	for i, d := range doms {
		if i > 0 {
			w.raw(",")
		}
		w.raw(jsonString(d))
	}
	w.raw(`],"communities":`)
	w.b = strconv.AppendInt(w.b, int64(len(r.Communities.Groups)), 10)
	w.raw(`,"colours":[`)
	for i, c := range rep.communityColours() {
		if i > 0 {
			w.raw(",")
		}
		w.raw(jsonString(c))
	}
	w.raw(`],"edgeColours":[` + jsonString(clubOnlyColour) + "," + jsonString(relationalColour) + "," + jsonString(transactionalColour) + "]")
	period := "all time"
	if at := rep.Layer.Options.At; at != 0 {
		period = "year " + strconv.Itoa(at)
	}
	w.raw(`,"period":` + jsonString(period))
	w.raw(`,"font":` + jsonString(pageFont) + `,"labels":`)
	w.b = strconv.AppendInt(w.b, viewLabels, 10)
	w.raw(`,"uncertain":[`)
	w.num(analysis.UncertainLow, 3)
	w.raw(",")
	w.num(analysis.UncertainHigh, 3)
	w.raw("]}")
	return string(w.b)
}

// viewerHTML is the view's markup, data and script, for the page template.
type viewerHTML struct {
	Data                                template.JS // the JSON document (inside <script type="application/json">)
	Script                              template.JS
	CSS                                 template.CSS
	Years                               []int // the years of the slider
	AllYears                            int   // the years of the series (more than Years when the page would grow too big)
	Communities                         []int
	Domains                             []string
	CommunityKey                        []KeyEntry
	Relational, Transactional, ClubOnly string
}

// Viewer is the interactive view of the page: its data, script, style and controls.
func (rep *Report) Viewer() viewerHTML {
	v := viewerHTML{Data: template.JS(viewData(rep)), Script: template.JS(viewerJS), CSS: template.CSS(viewerCSS),
		CommunityKey: rep.CommunityKey(), Relational: relationalColour, Transactional: transactionalColour, ClubOnly: clubOnlyColour}
	v.Years = rep.viewYears
	v.AllYears = len(rep.yearResults)
	for i := range rep.Result.Communities.Groups {
		v.Communities = append(v.Communities, i)
	}
	seen := map[string]bool{}
	for _, t := range rep.Result.Ties {
		for _, d := range t.Domains {
			if !seen[d] {
				seen[d] = true
				v.Domains = append(v.Domains, d)
			}
		}
	}
	sortStrings(v.Domains)
	return v
}
