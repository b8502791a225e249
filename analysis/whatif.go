package analysis

import (
	"context"
	"fmt"
	"math"

	"github.com/liaison-net/liaison/graphmodel"
)

// WhatIfResult is what changes when actors leave a period's network (see WhatIf).
type WhatIfResult struct {
	Removed          []string `json:"removed"`
	ComponentsBefore int      `json:"components_before"`
	ComponentsAfter  int      `json:"components_after"`
	// Efficiency is the normalised global efficiency Σ_u harmonic(u) / (n(n−1) · w_max): the
	// mean of 1/distance over ordered pairs of distinct actors (path length 1/weight; 0 for an
	// unreachable pair), divided by w_max, the heaviest tie of the layer before the removal,
	// the most 1/distance can be. So it lies in [0, 1], is 1 only for a complete graph of
	// ties all of weight w_max, and on an unweighted layer is Latora and Marchiori's (2001).
	// Both use the same w_max, so they compare.
	EfficiencyBefore float64 `json:"efficiency_before"`
	EfficiencyAfter  float64 `json:"efficiency_after"`
	// CutOff are the remaining actors that were in the largest component before and are not
	// in the largest component after (the first one on a tie of sizes).
	CutOff []string `json:"cut_off"`
	// LostPaths are the ties between remaining actors whose ends were joined by a path of
	// relational ties before and are not after.
	LostPaths  [][]string `json:"ties_losing_relational_path"`
	HubsBefore []string   `json:"hubs_before"`
	HubsAfter  []string   `json:"hubs_after"`
}

// WhatIf analyses the period view before (as analysed: before.View) and again without the
// actors ids (and every tie, membership and exchange of theirs), with the same options, and
// compares them. An id that is not an actor of the data set is an error wrapping
// graphmodel.ErrUnknownRef. Betweenness is never sampled here: efficiency needs every source.
func WhatIf(ctx context.Context, before *Result, ids []string, o Options) (*WhatIfResult, error) {
	l := before.View
	d2, err := l.Data.Without(ids...)
	if err != nil {
		return nil, fmt.Errorf("what if: %w", err)
	}
	l2, err := d2.Layer(l.Options)
	if err != nil {
		return nil, fmt.Errorf("what if: %w", err)
	}
	o.Sample, o.Paths, o.noProvenance, o.CompactTies = 0, PathChoice{}, true, false
	if before.Layer.Sample != 0 || before.Layer.Epsilon != 0 || before.Layer.Reduced {
		return nil, fmt.Errorf("what if: the analysis before sampled betweenness; efficiency needs every source")
	}
	after, err := Analyze(ctx, l2, o)
	if err != nil {
		return nil, fmt.Errorf("what if: %w", err)
	}
	_, _, w, _ := l.CSR()
	wmax := 0.0
	for _, x := range w {
		wmax = math.Max(wmax, x)
	}
	wi := &WhatIfResult{Removed: ids, LostPaths: [][]string{}, HubsBefore: []string{}, HubsAfter: []string{}, CutOff: []string{},
		ComponentsBefore: before.Layer.Components, ComponentsAfter: after.Layer.Components,
		EfficiencyBefore: efficiency(before, wmax), EfficiencyAfter: efficiency(after, wmax)}
	mainBefore, mainAfter := largest(l), largest(l2)
	for u := range l2.Len() {
		id := l2.Actor(int64(u))
		if v, ok := l.NodeID(id); ok && mainBefore[v] && !mainAfter[u] {
			wi.CutOff = append(wi.CutOff, id)
		}
	}
	relBefore, relAfter := relationalComponents(before), relationalComponents(after)
	for _, t := range after.Ties {
		u, _ := l.NodeID(t.Source)
		v, _ := l.NodeID(t.Target)
		u2, _ := l2.NodeID(t.Source)
		v2, _ := l2.NodeID(t.Target)
		if relBefore[u] == relBefore[v] && relAfter[u2] != relAfter[v2] {
			wi.LostPaths = append(wi.LostPaths, []string{t.Source, t.Target})
		}
	}
	for _, h := range before.Hubs {
		wi.HubsBefore = append(wi.HubsBefore, h.ID)
	}
	for _, h := range after.Hubs {
		wi.HubsAfter = append(wi.HubsAfter, h.ID)
	}
	return wi, nil
}

// largest marks the nodes of l's largest component (the first one on a tie of sizes).
func largest(l *graphmodel.Layer) []bool {
	label, n := l.Components()
	size := make([]int, n)
	for _, c := range label {
		size[c]++
	}
	best := 0
	for c := range size {
		if size[c] > size[best] {
			best = c
		}
	}
	out := make([]bool, len(label))
	for u, c := range label {
		out[u] = int(c) == best
	}
	return out
}

// efficiency is Σ_u harmonic(u) / (n(n−1) · wmax); 0 for fewer than two actors or no ties.
func efficiency(r *Result, wmax float64) float64 {
	n := len(r.Actors)
	if n < 2 || wmax == 0 {
		return 0
	}
	sum := 0.0
	for _, a := range r.Actors {
		if a.Harmonic != nil {
			sum += *a.Harmonic
		}
	}
	return sum / (float64(n) * float64(n-1) * wmax)
}

// relationalComponents labels each node of r.View by its component over relational ties.
func relationalComponents(r *Result) []int32 {
	l := r.View
	label, _ := graphmodel.Components(l.Len(), func(yield func(int32, int32) bool) {
		for i := range r.NumTies() { // before may hold its ties in columns
			t := r.TieAt(i)
			if t.Class != "relational" {
				continue
			}
			u, _ := l.NodeID(t.Source)
			v, _ := l.NodeID(t.Target)
			if !yield(int32(u), int32(v)) {
				return
			}
		}
	})
	return label
}
