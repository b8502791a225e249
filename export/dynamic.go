package export

import (
	"fmt"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// Dynamic values of a dynamic GEXF: for every year of Options.Years (the per-year analyses
// of analysis.EvolveEach, the per-period view that `liaison evolve` reads), each edge's
// weight, class, relational_score and p_relational of that year and each node's hub_score,
// as GEXF dynamic attribute values (attvalues with start and end). A year's value holds from
// that year to the next year analysed less one (Options.YearStep), and equal values of
// consecutive years are one spell. Gephi reads the dynamic "weight" as the edge's weight, so
// its timeline shows each year's weights; the static weight attribute is the whole period's.

// DynamicEdgeAttrs and DynamicNodeAttrs are the attributes written per year.
var (
	DynamicEdgeAttrs = []string{"weight", "class", "relational_score", "p_relational"}
	DynamicNodeAttrs = []string{"hub_score"}
)

// dynVal is one value of a dynamic attribute over the years lo…hi (timeline units).
type dynVal struct {
	lo, hi int64
	v      val
}

// dynamic holds the per-year values: per node, per edge (pair key), one series per attribute.
type dynamic struct {
	nodes []([][]dynVal)          // [node][attr]
	edges map[uint64]([][]dynVal) // [pair][attr]
}

func isDynamic(name string, list []string) bool {
	for _, x := range list {
		if x == name {
			return true
		}
	}
	return false
}

// newDynamic reads the per-year analyses into series on the timeline tl of the layer l.
func newDynamic(l *graphmodel.Layer, tl *timeline, years []*analysis.Result, step int) (*dynamic, error) {
	if step <= 0 {
		step = 1
	}
	dy := &dynamic{nodes: make([][][]dynVal, l.Len()), edges: map[uint64][][]dynVal{}}
	add := func(series *[][]dynVal, n, attr int, lo, hi int64, v val) {
		if *series == nil {
			*series = make([][]dynVal, n)
		}
		s := &(*series)[attr]
		if k := len(*s); k > 0 && (*s)[k-1].hi+1 >= lo && (*s)[k-1].v == v {
			(*s)[k-1].hi = hi
			return
		}
		*s = append(*s, dynVal{lo, hi, v})
	}
	prev := 0
	for _, yr := range years {
		yl := yr.View
		y := yl.Options.At
		if yl == nil || y == 0 {
			return nil, fmt.Errorf("export: a per-year analysis without its year")
		}
		if prev != 0 && y <= prev {
			return nil, fmt.Errorf("export: the per-year analyses are not in ascending years (%d after %d)", y, prev)
		}
		prev = y
		// Within the timeline's bounds (a data set that ends in April ends its last year there).
		lo := max(tl.first, tl.unit(graphmodel.Time{Year: int32(y)}, false))
		hi := min(tl.last, tl.unit(graphmodel.Time{Year: int32(y + step - 1)}, true))
		if lo > hi {
			continue
		}
		global := make([]int64, yl.Len())
		for u := range global {
			g, ok := l.NodeID(yl.Actor(int64(u)))
			if !ok {
				return nil, fmt.Errorf("export: actor %s of %d is not in the exported layer", yl.Actor(int64(u)), y)
			}
			global[u] = g
		}
		hub := analysis.HubScores(yr)
		for u, g := range global {
			add(&dy.nodes[g], len(DynamicNodeAttrs), 0, lo, hi, floatVal(hub[u]))
		}
		yl.EachEdge(func(e graphmodel.Edge) {
			a, b := global[e.F.ID()], global[e.T.ID()]
			if !l.HasEdgeBetween(a, b) {
				return
			}
			k := pairKey(a, b)
			s := dy.edges[k]
			add(&s, len(DynamicEdgeAttrs), 0, lo, hi, floatVal(e.W))
			if e.Bilateral > 0 {
				if t, ok := yr.Tie(e.F.Actor(), e.T.Actor()); ok {
					add(&s, len(DynamicEdgeAttrs), 1, lo, hi, strVal(t.Class))
					add(&s, len(DynamicEdgeAttrs), 2, lo, hi, floatVal(t.RelationalScore))
					add(&s, len(DynamicEdgeAttrs), 3, lo, hi, floatVal(t.PRelational))
				}
			}
			dy.edges[k] = s
		})
	}
	return dy, nil
}

// splitDefs separates the static attribute definitions from the dynamic ones: it returns the
// static definitions, the index of each in defs, and the dynamic definitions (in the order
// of names; weight, not a static attribute, as a double).
func splitDefs(defs []attrDef, names []string) (static []attrDef, at []int, dyn []attrDef) {
	for i, d := range defs {
		if !isDynamic(d.Name, names) {
			static = append(static, d)
			at = append(at, i)
		}
	}
	for _, n := range names {
		k := kDouble
		for _, d := range defs {
			if d.Name == n {
				k = d.Kind
			}
		}
		dyn = append(dyn, attrDef{n, k})
	}
	return static, at, dyn
}

// writeDynAttvalues writes the static values (vals at the indexes at) and the dynamic series
// in one attvalues element.
func writeDynAttvalues(x *xmlWriter, tl *timeline, static []attrDef, at []int, vals []val, dyn []attrDef, series [][]dynVal) {
	opened := false
	open := func() {
		if !opened {
			x.raw("        <attvalues>\n")
			opened = true
		}
	}
	for j, d := range static {
		v := vals[at[j]]
		if !v.ok {
			continue
		}
		open()
		x.raw(`          <attvalue`)
		x.attr("for", d.Name)
		x.attr("value", v.text(d.Kind))
		x.raw("/>\n")
	}
	for a, s := range series {
		for _, dv := range s {
			open()
			x.raw(`          <attvalue`)
			x.attr("for", dyn[a].Name)
			x.attr("value", dv.v.text(dyn[a].Kind))
			x.attr("start", tl.format(dv.lo))
			x.attr("end", tl.format(dv.hi))
			x.raw("/>\n")
		}
	}
	if opened {
		x.raw("        </attvalues>\n")
	}
}

// timeFormatOf checks Options.TimeFormat.
func timeFormatOf(o Options) error {
	switch o.TimeFormat {
	case "", "integer", "date":
		return nil
	}
	return fmt.Errorf("export: time format %q: want integer or date", o.TimeFormat)
}
