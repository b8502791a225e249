package analysis

import (
	"context"
	"math"
	"testing"
)

// TestGuaranteedBound checks Riondato–Kornaropoulos sampling on every reference case and on
// a random and a power-law graph: over 10 seeds, the runs in which some node's estimate is
// further than ε from the exact betweenness must be at most δ of the runs (at ε = 0.05, δ =
// 0.1: none may fail). It also checks that the estimate does not depend on the workers.
func TestGuaranteedBound(t *testing.T) {
	const eps, delta = 0.05, 0.1
	var xs []*Index
	var names []string
	for _, ref := range loadReferences(t) {
		xs = append(xs, NewIndex(ref.layer(t)))
		names = append(names, ref.Case)
	}
	xs = append(xs, NewIndex(randomLayer(t, 200, 600, 8)), NewIndex(powerLawLayer(t, 300, 9)))
	names = append(names, "random 200/600", "power law 300")
	for i, x := range xs {
		exact, err := ShortestPaths(context.Background(), x, PathOptions{})
		if err != nil {
			t.Fatal(err)
		}
		failed, worst := 0, 0.0
		var samples int
		for seed := uint64(1); seed <= 10; seed++ {
			g, err := BetweennessGuaranteed(context.Background(), x, eps, delta, seed, 2)
			if err != nil {
				t.Fatal(err)
			}
			samples = g.Samples
			runWorst := 0.0
			for v := range g.Betweenness {
				runWorst = max(runWorst, math.Abs(g.Betweenness[v]-exact.Betweenness[v]))
			}
			worst = max(worst, runWorst)
			if runWorst > eps {
				failed++
			}
			if seed == 1 {
				one, _ := BetweennessGuaranteed(context.Background(), x, eps, delta, seed, 1)
				for v := range one.Betweenness {
					if one.Betweenness[v] != g.Betweenness[v] {
						t.Fatalf("%s: the estimate depends on the number of workers", names[i])
					}
				}
			}
		}
		if float64(failed) > delta*10 {
			t.Errorf("%s: %d of 10 runs off by more than ε = %v (worst %v)", names[i], failed, eps, worst)
		}
		t.Logf("%s: %d samples per run, worst error %.4f (ε = %v)", names[i], samples, worst, eps)
	}
}

// TestSampledCloseness checks the sampled closeness and harmonic estimators: with every node
// as a source they are the exact values, and with a third of the nodes the harmonic
// estimate's mean relative error on a connected random graph stays small.
func TestSampledCloseness(t *testing.T) {
	x := NewIndex(randomLayer(t, 300, 1500, 11))
	exact, _ := ShortestPaths(context.Background(), x, PathOptions{})
	all := make([]int32, x.N)
	for i := range all {
		all[i] = int32(i)
	}
	est, _ := ShortestPaths(context.Background(), x, PathOptions{Sources: all, SampledCloseness: true})
	for v := range x.N {
		if !close(est.Closeness[v], exact.Closeness[v], 1e-12) || !close(est.Harmonic[v], exact.Harmonic[v], 1e-12) {
			t.Fatalf("%s: all sources: closeness %v harmonic %v, exact %v %v", x.IDs[v], est.Closeness[v], est.Harmonic[v], exact.Closeness[v], exact.Harmonic[v])
		}
	}
	part, _ := ShortestPaths(context.Background(), x, PathOptions{Sources: SampleSources(x.N, 100, 3), SampledCloseness: true})
	relH, relC := 0.0, 0.0
	for v := range x.N {
		relH += math.Abs(part.Harmonic[v]-exact.Harmonic[v]) / exact.Harmonic[v]
		relC += math.Abs(part.Closeness[v]-exact.Closeness[v]) / exact.Closeness[v]
	}
	relH /= float64(x.N)
	relC /= float64(x.N)
	t.Logf("100 of 300 sources: mean relative error harmonic %.4f, closeness %.4f", relH, relC)
	if relH > 0.05 || relC > 0.05 {
		t.Errorf("mean relative error harmonic %.4f, closeness %.4f: want ≤ 0.05", relH, relC)
	}
}
