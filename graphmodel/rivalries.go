package graphmodel

import (
	"cmp"
	"slices"
)

// RivalriesFile is the contract's file of negative ties (CONTRACT.md §1): rivalries and
// disputes, undirected, never part of the positive layers.
const RivalriesFile = "rivalries.csv"

// Rivalry is one row of rivalries.csv: one spell of an undirected negative tie (a strategic
// rivalry, a dispute). Several rows for the same pair are one rivalry, as with ties; their
// weights add up over the rows active in a period.
type Rivalry struct {
	Source, Target string
	Weight         float64 // > 0; 1 when the column is absent or empty
	Period
	Extra []string // values of the extra columns, aligned with Dataset.Columns.Rivalries
	Line  int
}

// rivalriesFile describes rivalries.csv: read after the other files, validated like
// ties.csv (unknown actors, self-rivalries, weights, dates), its extra columns kept.
var rivalriesFile = &file[Rivalry]{
	name: RivalriesFile, noun: "rivalry",
	rows:  func(d *Dataset) *[]Rivalry { return &d.Rivalries },
	extra: func(c *Columns) *[]Column { return &c.Rivalries },
	row:   func(r *Rivalry, extra []string, line int) { r.Extra, r.Line = extra, line },
	columns: []column[Rivalry]{
		{name: "source", required: true, parse: actorRef(func(r *Rivalry) *string { return &r.Source })},
		{name: "target", required: true, parse: actorRef(func(r *Rivalry) *string { return &r.Target }), unlike: "source"},
		{name: "weight", parse: amount(func(r *Rivalry) *float64 { return &r.Weight })},
		{name: "since", parse: since(func(r *Rivalry) *Period { return &r.Period })},
		{name: "until", parse: until(func(r *Rivalry) *Period { return &r.Period })},
	},
}

// RivalPair is the rivalry of one unordered pair of actors in a period: the rows of
// rivalries.csv active then, and their summed weight.
type RivalPair struct {
	A, B   int     // positions in Dataset.Actors, A < B
	Weight float64 // the active rows' weights added up
	Rows   []int32 // indexes into Dataset.Rivalries, in input order
}

// ActiveRivalries returns the rivalries active in year at (every row when at is 0; the time
// rule of Options.At), one per pair, in ascending order of (A, B). A data set without
// rivalries.csv has none.
func (d *Dataset) ActiveRivalries(at int) []RivalPair {
	o := Options{At: at}
	byKey := map[uint64]*RivalPair{}
	var keys []uint64
	for i := range d.Rivalries {
		r := &d.Rivalries[i]
		if !o.active(r.Period) {
			continue
		}
		a, okA := d.actorIndex[r.Source]
		b, okB := d.actorIndex[r.Target]
		if !okA || !okB {
			continue
		}
		if a > b {
			a, b = b, a
		}
		k := pairKey(int32(a), int32(b))
		p := byKey[k]
		if p == nil {
			p = &RivalPair{A: a, B: b}
			byKey[k] = p
			keys = append(keys, k)
		}
		p.Rows = append(p.Rows, int32(i))
	}
	slices.Sort(keys)
	out := make([]RivalPair, len(keys))
	var vals []float64
	for i, k := range keys {
		p := byKey[k]
		vals = vals[:0]
		for _, r := range p.Rows {
			vals = append(vals, d.Rivalries[r].Weight)
		}
		slices.Sort(vals) // ascending, as Layer sums tie weights
		for _, v := range vals {
			p.Weight += v
		}
		out[i] = *p
	}
	return out
}

// NegativePair is a rivalry between two nodes of a layer (U < V node ids).
type NegativePair struct {
	U, V   int32
	Weight float64
	Rows   []int32 // indexes into Dataset.Rivalries
}

// Negative returns the rivalries of the layer's period between two of its nodes, in
// ascending order of (U, V): the negative ties of the signed analyses. They are never part of
// the layer's graph; a rivalry with an end that is not a node of the layer (with At or a
// filter, an actor without an active tie, membership or exchange) is left out.
func (l *Layer) Negative() []NegativePair {
	var out []NegativePair
	for _, p := range l.Data.ActiveRivalries(l.Options.At) {
		u, okU := l.index[l.Data.Actors[p.A].ID]
		v, okV := l.index[l.Data.Actors[p.B].ID]
		if !okU || !okV {
			continue
		}
		if u > v {
			u, v = v, u
		}
		out = append(out, NegativePair{U: int32(u), V: int32(v), Weight: p.Weight, Rows: p.Rows})
	}
	slices.SortFunc(out, func(a, b NegativePair) int {
		return cmp.Or(cmp.Compare(a.U, b.U), cmp.Compare(a.V, b.V))
	})
	return out
}
