package structure

import (
	"fmt"
	"slices"
)

// Graph is an undirected graph on nodes 0…N−1 in compressed sparse rows: the neighbours of u
// are Nbr[Off[u]:Off[u+1]], ascending, without u itself; W, when not nil, holds the weight of
// each position. graphmodel.Layer.CSR gives one (W is the layer's weights).
type Graph struct {
	N   int
	Off []int32
	Nbr []int32
	W   []float64
}

// Check reports a graph that is not well formed: offsets of the wrong length or not
// ascending, a neighbour out of range, a self-loop, an unsorted or repeated neighbour list,
// or an edge listed at only one end.
func (g Graph) Check() error {
	if len(g.Off) != g.N+1 || g.Off[0] != 0 || int(g.Off[g.N]) != len(g.Nbr) || (g.W != nil && len(g.W) != len(g.Nbr)) {
		return fmt.Errorf("structure: graph of %d nodes has %d offsets, %d neighbours, %d weights", g.N, len(g.Off), len(g.Nbr), len(g.W))
	}
	for u := 0; u < g.N; u++ {
		if g.Off[u] > g.Off[u+1] {
			return fmt.Errorf("structure: offsets of node %d descend", u)
		}
		nb := g.nbrs(u)
		for i, v := range nb {
			if v < 0 || int(v) >= g.N || int(v) == u || (i > 0 && nb[i-1] >= v) {
				return fmt.Errorf("structure: node %d: neighbour list %v is not ascending, distinct, in range and loop-free", u, nb)
			}
			if _, ok := slices.BinarySearch(g.nbrs(int(v)), int32(u)); !ok {
				return fmt.Errorf("structure: edge %d–%d is listed at %d only", u, v, u)
			}
		}
	}
	return nil
}

func (g Graph) nbrs(u int) []int32 { return g.Nbr[g.Off[u]:g.Off[u+1]] }

// Degree is the number of neighbours of u.
func (g Graph) Degree(u int) int { return int(g.Off[u+1] - g.Off[u]) }

// Edges returns the number of edges.
func (g Graph) Edges() int { return len(g.Nbr) / 2 }

// FromEdges builds a graph on n nodes from undirected edges (u ≠ v, each pair once, in any
// order), with weights when w is not nil (aligned with edges).
func FromEdges(n int, edges [][2]int32, w []float64) Graph {
	deg := make([]int32, n+1)
	for _, e := range edges {
		deg[e[0]+1]++
		deg[e[1]+1]++
	}
	for i := 1; i <= n; i++ {
		deg[i] += deg[i-1]
	}
	g := Graph{N: n, Off: slices.Clone(deg), Nbr: make([]int32, 2*len(edges))}
	if w != nil {
		g.W = make([]float64, 2*len(edges))
	}
	fill := deg[:n]
	put := func(u, v int32, x float64) {
		g.Nbr[fill[u]] = v
		if w != nil {
			g.W[fill[u]] = x
		}
		fill[u]++
	}
	for i, e := range edges {
		x := 0.0
		if w != nil {
			x = w[i]
		}
		put(e[0], e[1], x)
		put(e[1], e[0], x)
	}
	for u := 0; u < n; u++ {
		lo, hi := g.Off[u], g.Off[u+1]
		idx := make([]int, hi-lo)
		for i := range idx {
			idx[i] = i
		}
		nb := slices.Clone(g.Nbr[lo:hi])
		slices.SortFunc(idx, func(a, b int) int { return int(nb[a]) - int(nb[b]) })
		var ws []float64
		if w != nil {
			ws = slices.Clone(g.W[lo:hi])
		}
		for i, k := range idx {
			g.Nbr[int(lo)+i] = nb[k]
			if w != nil {
				g.W[int(lo)+i] = ws[k]
			}
		}
	}
	return g
}
