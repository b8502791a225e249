package analysis

import (
	"context"
	"fmt"
)

// PathChoice chooses how Analyze computes the shortest-path measures.
type PathChoice struct {
	// Reduce computes exact betweenness by the biconnected reduction (BetweennessReduced);
	// closeness and harmonic, which need every source, are then left out.
	Reduce bool
	// Epsilon, when > 0, estimates betweenness with Riondato–Kornaropoulos sampling so that,
	// with probability at least 1 − Delta (default 0.1), every actor's estimate is within
	// Epsilon of the exact value (BetweennessGuaranteed); closeness and harmonic are left out.
	Epsilon, Delta float64
	// SampledCloseness, with Options.Sample, estimates closeness and harmonic from the
	// sampled sources (see estimateCloseness) instead of leaving them out.
	SampledCloseness bool
}

// defaultDelta is the failure probability of the guaranteed sampling when none is given.
const defaultDelta = 0.1

// shortestPaths runs the path measures as o asks and records the method in info.
func shortestPaths(ctx context.Context, x *Index, o Options, info *LayerInfo, progress func(string, int, int)) (*PathMetrics, error) {
	n := x.N
	pc := o.Paths
	switch {
	case pc.Epsilon > 0:
		if pc.Delta == 0 {
			pc.Delta = defaultDelta
		}
		progress("shortest paths (sampled pairs)", 0, 1)
		g, err := BetweennessGuaranteed(ctx, x, pc.Epsilon, pc.Delta, o.Seed, o.Workers)
		if err != nil {
			return nil, err
		}
		info.Epsilon, info.Delta, info.Pairs = g.Epsilon, g.Delta, g.Samples
		return &PathMetrics{Betweenness: g.Betweenness}, nil
	case pc.Reduce && !(o.Sample > 0 && o.Sample < n):
		progress("shortest paths (reduced)", 0, 1)
		bc, err := BetweennessReduced(ctx, x, o.Workers)
		if err != nil {
			return nil, err
		}
		info.Reduced = true
		return &PathMetrics{Betweenness: bc}, nil
	}
	po := PathOptions{Workers: o.Workers, Progress: func(d, t int) { progress("shortest paths", d, t) }}
	if o.Sample > 0 && o.Sample < n {
		po.Sources = SampleSources(n, o.Sample, o.Seed)
		po.SampledCloseness = pc.SampledCloseness
		info.Sample = o.Sample
		info.SampledCloseness = pc.SampledCloseness
	}
	progress("shortest paths", 0, max(n, len(po.Sources)))
	return ShortestPaths(ctx, x, po)
}

// detectCommunities runs the community method named (louvain or leiden).
func detectCommunities(x *Index, method string, seed uint64, runs, workers int) Communities {
	if method == "leiden" {
		return LeidenParallel(x, seed, runs, workers)
	}
	return LouvainParallel(x, seed, runs, workers)
}

// CommunityMethods are the values of Options.Community.
var CommunityMethods = []string{"louvain", "leiden"}

// ValidatePaths checks the path and community options.
func (o Options) ValidatePaths() error {
	pc := o.Paths
	if pc.Epsilon != 0 && !(pc.Epsilon > 0 && pc.Epsilon < 1) {
		return fmt.Errorf("epsilon %v: want a number in (0, 1)", pc.Epsilon)
	}
	if pc.Delta != 0 && !(pc.Delta > 0 && pc.Delta < 1) {
		return fmt.Errorf("delta %v: want a probability in (0, 1)", pc.Delta)
	}
	if pc.Epsilon > 0 && o.Sample > 0 {
		return fmt.Errorf("sample and epsilon: choose one way of sampling")
	}
	if o.Community != "" && o.Community != "louvain" && o.Community != "leiden" {
		return fmt.Errorf("community %q: want louvain or leiden", o.Community)
	}
	return nil
}
