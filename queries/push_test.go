package queries

import (
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// TestTieRows checks the relationships Push writes for ties, without a server: one per pair
// (a < b), in node order, every input row once among the spells, the analysis on the pairs
// analysed, for several periods and for no analysis at all.
func TestTieRows(t *testing.T) {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int{0, 1960, 2005, -1} {
		r := &analysis.Result{} // -1: no analysed tie
		if at >= 0 {
			r = analyzeAt(t, d, at)
		}
		set := tieRows(d, r)
		analysed := map[[2]string]analysis.TieResult{}
		for _, tie := range r.Ties {
			analysed[[2]string{tie.Source, tie.Target}] = tie
		}
		lines := map[int64]bool{}
		pairs := map[[2]string]bool{}
		for i, x := range set.rels {
			if x.a >= x.b {
				t.Fatalf("at %d: pair %s, %s not in id order", at, x.a, x.b)
			}
			if i > 0 && (x.ia < set.rels[i-1].ia || x.ia == set.rels[i-1].ia && x.ib <= set.rels[i-1].ib) {
				t.Fatalf("at %d: relationships not in node order at %d", at, i)
			}
			pairs[[2]string{x.a, x.b}] = true
			p := set.props(i)
			ls, _ := p["spellLines"].([]int64)
			for _, line := range ls {
				lines[line] = true
			}
			tie, ok := analysed[[2]string{x.a, x.b}]
			if ok != (p["class"] != nil) || ok && (p["class"] != tie.Class || p["relationalScore"] != tie.RelationalScore ||
				p["pRelational"] != tie.PRelational || p["decidedBy"] != tie.DecidedBy) {
				t.Errorf("at %d: %s–%s analysis %v, want %+v", at, x.a, x.b, p, tie)
			}
			// Each factor with evidence is its own property; one that abstains is none.
			for _, f := range analysis.TieFactors {
				v, has := tie.Factors.Get(f)
				got, present := p["factor"+strings.ToUpper(f[:1])+f[1:]]
				if present != (ok && has) || present && got != v {
					t.Errorf("at %d: %s–%s factor %s = %v (present %v), want %v (%v)", at, x.a, x.b, f, got, present, v, ok && has)
				}
			}
		}
		if len(lines) != len(d.Ties) {
			t.Errorf("at %d: %d distinct spell lines, want %d tie rows", at, len(lines), len(d.Ties))
		}
		for k := range analysed {
			if !pairs[k] {
				t.Errorf("at %d: analysed tie %v has no relationship", at, k)
			}
		}
	}
}

// Every property the rows of a relationship kind hold is among relProps (which a fresh write
// names one by one: one it lacks would be lost).
func TestRelProps(t *testing.T) {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	r := analyzeAt(t, d, 0)
	for _, x := range []struct {
		k   kind
		set relSet
	}{{tieKind, tieRows(d, r)}, {memberKind, memberRows(d)}, {exchangeKind, exchangeRows(d)}} {
		keys := map[string]bool{}
		for _, p := range relProps(x.k, x.k.cols(&d.Columns)) {
			keys[p] = true
		}
		seen := map[string]bool{}
		for i := range x.set.rels {
			for p := range x.set.row(i)["props"].(map[string]any) {
				seen[p] = true
				if !keys[p] {
					t.Errorf("%s: property %s not in relProps", x.k.stage, p)
				}
			}
		}
		if len(seen) < 5 {
			t.Errorf("%s: only %d properties seen", x.k.stage, len(seen))
		}
	}
}
