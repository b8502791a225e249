package analysis

import (
	"context"
	"fmt"

	"github.com/liaison-net/liaison/graphmodel"
)

// WhatIfResult is what changes when actors leave a period's network (see WhatIf).
type WhatIfResult struct {
	Removed          []string `json:"removed"`
	ComponentsBefore int      `json:"components_before"`
	ComponentsAfter  int      `json:"components_after"`
	// Efficiency is the global efficiency Σ_u harmonic(u) / (n(n−1)): the mean of 1/distance
	// over ordered pairs of distinct actors (path length 1/weight; 0 for an unreachable pair).
	EfficiencyBefore float64 `json:"efficiency_before"`
	EfficiencyAfter  float64 `json:"efficiency_after"`
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
	o.Sample = 0
	if before.Layer.Sample != 0 {
		return nil, fmt.Errorf("what if: the analysis before sampled betweenness; efficiency needs every source")
	}
	after, err := Analyze(ctx, l2, o)
	if err != nil {
		return nil, fmt.Errorf("what if: %w", err)
	}
	wi := &WhatIfResult{Removed: ids, LostPaths: [][]string{}, HubsBefore: []string{}, HubsAfter: []string{},
		ComponentsBefore: before.Layer.Components, ComponentsAfter: after.Layer.Components,
		EfficiencyBefore: efficiency(before), EfficiencyAfter: efficiency(after)}
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

// efficiency is Σ_u harmonic(u) / (n(n−1)); 0 for fewer than two actors.
func efficiency(r *Result) float64 {
	n := len(r.Actors)
	if n < 2 {
		return 0
	}
	sum := 0.0
	for _, a := range r.Actors {
		if a.Harmonic != nil {
			sum += *a.Harmonic
		}
	}
	return sum / (float64(n) * float64(n-1))
}

// relationalComponents labels each node of r.View by its component over relational ties.
func relationalComponents(r *Result) []int32 {
	l := r.View
	label, _ := graphmodel.Components(l.Len(), func(yield func(int32, int32) bool) {
		for _, t := range r.Ties {
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
