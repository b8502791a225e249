package structure

import (
	"math/rand/v2"
	"testing"
)

// randomGraph is a seeded G(n, m) graph with a planted core: the first n/10 nodes are tied
// to each other with probability pCore, the other pairs with the probability that makes m
// edges in all on average.
func randomGraph(n, m int, pCore float64, seed uint64) Graph {
	rng := rand.New(rand.NewPCG(seed, 1))
	nc := n / 10
	coreEdges := int(pCore * float64(nc*(nc-1)/2))
	rest := float64(m-coreEdges) / (float64(n)*float64(n-1)/2 - float64(nc*(nc-1)/2))
	var edges [][2]int32
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			p := rest
			if j < nc {
				p = pCore
			}
			if rng.Float64() < p {
				edges = append(edges, [2]int32{int32(i), int32(j)})
			}
		}
	}
	return FromEdges(n, edges, nil)
}

// BenchmarkCorePeriphery1000: both models on 1,000 actors and about 10,000 edges with a
// planted core of 100 (the target of issue 15: under 5 s).
func BenchmarkCorePeriphery1000(b *testing.B) {
	g := randomGraph(1000, 10000, 0.6, 1)
	b.ResetTimer()
	for b.Loop() {
		cp := CorePeripheryOf(g)
		b.ReportMetric(float64(cp.Sweeps), "sweeps")
	}
}

// BenchmarkCorePeriphery20000: 20,000 actors, 200,000 edges.
func BenchmarkCorePeriphery20000(b *testing.B) {
	g := randomGraph(20000, 200000, 0.3, 1)
	b.ResetTimer()
	for b.Loop() {
		CorePeripheryOf(g)
	}
}

// BenchmarkPositions1000: distances, complete linkage, the cut into 5 blocks and the image
// matrix on 1,000 actors and about 10,000 weighted edges (the target of issue 15: under 5 s).
func BenchmarkPositions1000(b *testing.B) {
	g := randomGraph(1000, 10000, 0.6, 1)
	var edges [][2]int32
	var w []float64
	for u := 0; u < g.N; u++ {
		for _, v := range g.nbrs(u) {
			if int32(u) < v {
				edges = append(edges, [2]int32{int32(u), v})
				w = append(w, float64(1+(u+int(v))%5)) // integer weights 1–5
			}
		}
	}
	g = FromEdges(g.N, edges, w)
	ids := make([]string, g.N)
	for i := range ids {
		ids[i] = "A" + string(rune('0'+i%10))
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Positions(g, ids, PositionsOptions{Blocks: 5}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCorePeripheryLarge: 100,000 actors, 1,000,000 random edges (the scale of the
// analysis benchmarks of the README, where analyze computes core–periphery too).
func BenchmarkCorePeripheryLarge(b *testing.B) {
	n, m := 100000, 1000000
	rng := rand.New(rand.NewPCG(2, 3))
	seen := map[[2]int32]bool{}
	var edges [][2]int32
	for len(edges) < m {
		u, v := int32(rng.IntN(n)), int32(rng.IntN(n))
		if u == v {
			continue
		}
		e := [2]int32{min(u, v), max(u, v)}
		if !seen[e] {
			seen[e] = true
			edges = append(edges, e)
		}
	}
	g := FromEdges(n, edges, nil)
	b.ResetTimer()
	for b.Loop() {
		cp := CorePeripheryOf(g)
		b.ReportMetric(float64(cp.Sweeps), "sweeps")
	}
}
