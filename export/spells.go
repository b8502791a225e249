package export

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/liaison-net/liaison/graphmodel"
)

// span is an inclusive time interval in timeline units (years, or days since 1970-01-01);
// openLo and openHi mark open ends.
type span struct{ lo, hi int64 }

const (
	openLo = math.MinInt64
	openHi = math.MaxInt64
)

// timeline holds the spells of a dynamic export: when each node and edge exists.
type timeline struct {
	dates       bool  // units are days (the data has full dates); years otherwise
	first, last int64 // the data set's time span
	nodes       [][]span
	edges       map[uint64][]span
}

// format writes a time of the timeline as GEXF wants it.
func (t *timeline) format(x int64) string {
	if t.dates {
		return time.Unix(x*86400, 0).UTC().Format("2006-01-02")
	}
	return strconv.FormatInt(x, 10)
}

// timeFormat is the GEXF timeformat.
func (t *timeline) timeFormat() string {
	if t.dates {
		return "date"
	}
	return "integer"
}

// unit converts a time; end chooses the last day of a year rather than the first.
func (t *timeline) unit(x graphmodel.Time, end bool) int64 {
	if !t.dates {
		return int64(x.Year)
	}
	m, d := time.Month(x.Month), int(x.Day)
	if !x.IsDate() {
		m, d = time.January, 1
		if end {
			m, d = time.December, 31
		}
	}
	return time.Date(int(x.Year), m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// period converts a period into a span with open ends.
func (t *timeline) period(p graphmodel.Period) span {
	s := span{openLo, openHi}
	if !p.Since.IsZero() {
		s.lo = t.unit(p.Since, false)
	}
	if !p.Until.IsZero() {
		s.hi = t.unit(p.Until, true)
	}
	return s
}

func intersect(a, b span) (span, bool) {
	s := span{max(a.lo, b.lo), min(a.hi, b.hi)}
	return s, s.lo <= s.hi
}

// hasDates reports whether any time of the data set is a full date.
func hasDates(d *graphmodel.Dataset) bool {
	for i := range d.Ties {
		if d.Ties[i].Since.IsDate() || d.Ties[i].Until.IsDate() {
			return true
		}
	}
	for i := range d.Clubs {
		if d.Clubs[i].Since.IsDate() || d.Clubs[i].Until.IsDate() {
			return true
		}
	}
	for i := range d.Memberships {
		if d.Memberships[i].Since.IsDate() || d.Memberships[i].Until.IsDate() {
			return true
		}
	}
	for i := range d.Exchanges {
		if d.Exchanges[i].Date.IsDate() {
			return true
		}
	}
	return false
}

// newTimeline returns the spells of layer l, or nil when the export is static: with --at
// (l.Options.At), with o.Static, or when the data set has no times.
//
// An edge exists during the spells of its active tie rows, on the dates of its exchanges, and
// (when the layer counts clubs) while both ends belong to a common club that is active. A node
// exists during the spells of its edges and of its club memberships; a node or edge with no
// time at all has no spells (it always exists).
func newTimeline(l *graphmodel.Layer, o Options) *timeline {
	d := l.Data
	first, last, ok := d.Span()
	if o.Static || l.Options.At != 0 || !ok {
		return nil
	}
	dates := hasDates(d)
	switch o.TimeFormat {
	case "integer":
		dates = false
	case "date":
		dates = true
	}
	t := &timeline{dates: dates, nodes: make([][]span, l.Len()), edges: map[uint64][]span{}}
	t.first, t.last = t.unit(first, false), t.unit(last, true)
	addEdge := func(u, v int64, s span) {
		if l.HasEdgeBetween(u, v) {
			k := pairKey(u, v)
			t.edges[k] = append(t.edges[k], s)
		}
	}
	if l.Options.Layer != graphmodel.Clubs {
		for p, e := range l.Pairs() {
			for _, i := range l.TieRows(p) {
				addEdge(int64(e.U), int64(e.V), t.period(d.Ties[i].Period))
			}
			for _, i := range l.Exchanges(p) {
				x := t.unit(d.Exchanges[i].Date, false)
				addEdge(int64(e.U), int64(e.V), span{x, t.unit(d.Exchanges[i].Date, true)})
			}
		}
	}
	// Memberships: each one's spell within its club's, per club.
	type member struct {
		node int64
		s    span
	}
	byClub := make([][]member, len(l.Clubs))
	for c, lc := range l.Clubs {
		club := t.period(d.Clubs[lc.Index].Period)
		for _, i := range lc.Rows {
			m := &d.Memberships[i]
			u, _ := l.NodeID(m.Actor)
			s, ok := intersect(t.period(m.Period), club)
			if !ok {
				continue
			}
			byClub[c] = append(byClub[c], member{u, s})
			t.nodes[u] = append(t.nodes[u], s)
		}
	}
	clubs := l.Options.Layer == graphmodel.Clubs || l.Options.Layer == graphmodel.Combined && l.Options.ClubWeight > 0
	if clubs {
		for _, ms := range byClub {
			for a := range ms {
				for b := a + 1; b < len(ms); b++ {
					if ms[a].node == ms[b].node {
						continue
					}
					if s, ok := intersect(ms[a].s, ms[b].s); ok {
						addEdge(ms[a].node, ms[b].node, s)
					}
				}
			}
		}
	}
	for k, ss := range t.edges {
		ss = t.merge(ss)
		t.edges[k] = ss
		u, v := int64(k>>32), int64(k&0xffffffff)
		t.nodes[u] = append(t.nodes[u], ss...)
		t.nodes[v] = append(t.nodes[v], ss...)
	}
	for u := range t.nodes {
		t.nodes[u] = t.merge(t.nodes[u])
	}
	if !o.OpenEnds {
		closeEnds := func(ss []span) {
			for i := range ss {
				if ss[i].lo == openLo {
					ss[i].lo = min(t.first, ss[i].hi)
				}
				if ss[i].hi == openHi {
					ss[i].hi = max(t.last, ss[i].lo)
				}
			}
		}
		for _, ss := range t.edges {
			closeEnds(ss)
		}
		for _, ss := range t.nodes {
			closeEnds(ss)
		}
	}
	return t
}

// merge sorts spans and joins those that overlap or touch (the next unit follows).
func (t *timeline) merge(ss []span) []span {
	if len(ss) < 2 {
		return ss
	}
	slices.SortFunc(ss, func(a, b span) int {
		if a.lo != b.lo {
			return cmp.Compare(a.lo, b.lo)
		}
		return cmp.Compare(a.hi, b.hi)
	})
	out := ss[:1]
	for _, s := range ss[1:] {
		cur := &out[len(out)-1]
		if cur.hi == openHi || s.lo <= cur.hi+1 {
			cur.hi = max(cur.hi, s.hi)
			continue
		}
		out = append(out, s)
	}
	return out
}
