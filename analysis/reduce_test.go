package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

// powerLawLayer builds a seeded preferential-attachment graph of n actors: each new actor
// ties to 1, 1, 1, 2 or 3 (drawn uniformly) earlier actors chosen in proportion to their
// degree, weights 1…10; sparse, with many leaves and articulation points, like real alliance
// layers.
func powerLawLayer(tb testing.TB, n int, seed uint64) *graphmodel.Layer {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	b.WriteString("source,target,weight\n")
	ends := []int{0, 1}
	fmt.Fprintf(&b, "p0,p1,%d\n", 1+rng.IntN(10))
	for v := 2; v < n; v++ {
		k := []int{1, 1, 1, 2, 3}[rng.IntN(5)]
		chosen := map[int]bool{}
		for len(chosen) < min(k, v) {
			chosen[ends[rng.IntN(len(ends))]] = true
		}
		for u := range v {
			if chosen[u] {
				fmt.Fprintf(&b, "p%d,p%d,%d\n", u, v, 1+rng.IntN(10))
				ends = append(ends, u, v)
			}
		}
	}
	return layerOfTies(tb, []byte(b.String()))
}

// TestReducedExact checks the betweenness of the biconnected reduction against the plain
// Brandes pass, to 1e-12, on every reference case and on random, power-law and disconnected
// graphs; and that each block's weights add up to its component's size.
func TestReducedExact(t *testing.T) {
	var xs []*Index
	var names []string
	for _, ref := range loadReferences(t) {
		xs = append(xs, NewIndex(ref.layer(t)))
		names = append(names, ref.Case)
	}
	xs = append(xs, NewIndex(randomLayer(t, 300, 1200, 3)), NewIndex(randomLayer(t, 400, 420, 4)),
		NewIndex(powerLawLayer(t, 1500, 5)), NewIndex(powerLawLayer(t, 400, 6)))
	names = append(names, "random 300/1200", "random 400/420 (disconnected)", "power law 1500", "power law 400")
	for i, x := range xs {
		plain, err := ShortestPaths(context.Background(), x, PathOptions{})
		if err != nil {
			t.Fatal(err)
		}
		red, err := BetweennessReduced(context.Background(), x, 2)
		if err != nil {
			t.Fatal(err)
		}
		worst := 0.0
		for v := range red {
			d := math.Abs(red[v] - plain.Betweenness[v])
			worst = max(worst, d)
			if !close(red[v], plain.Betweenness[v], 1e-12) {
				t.Errorf("%s: %s reduced %.17g, plain %.17g", names[i], x.IDs[v], red[v], plain.Betweenness[v])
			}
		}
		dec := biconnected(x)
		comp, _ := components(x)
		big := 0
		for _, b := range dec.blocks {
			sum := 0.0
			for _, w := range b.weight {
				sum += w
			}
			if want := float64(comp[b.nodes[0]]); sum != want {
				t.Errorf("%s: block of %d nodes has weights summing to %v, want its component's %v", names[i], len(b.nodes), sum, want)
			}
			big = max(big, len(b.nodes))
		}
		t.Logf("%s: %d nodes, %d blocks, largest %d; largest difference %.3g", names[i], x.N, len(dec.blocks), big, worst)
	}
}

// components returns each node's component size and the number of components.
func components(x *Index) ([]int, int) {
	size := make([]int, x.N)
	seen := make([]bool, x.N)
	count := 0
	for s := range x.N {
		if seen[s] {
			continue
		}
		count++
		q := []int32{int32(s)}
		seen[s] = true
		for h := 0; h < len(q); h++ {
			for _, w := range x.Nbr[x.Off[q[h]]:x.Off[q[h]+1]] {
				if !seen[w] {
					seen[w] = true
					q = append(q, w)
				}
			}
		}
		for _, v := range q {
			size[v] = len(q)
		}
	}
	return size, count
}
