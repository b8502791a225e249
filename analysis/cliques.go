package analysis

import (
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/topo"
)

// MaximalCliques returns every maximal clique of g with at least minSize nodes (gonum's
// Bron–Kerbosch with pivoting on a degeneracy ordering), each as ascending node ids, the
// list sorted lexicographically.
func MaximalCliques(g graph.Undirected, minSize int) [][]int32 {
	var out [][]int32
	for _, c := range topo.BronKerbosch(g) {
		if len(c) < minSize {
			continue
		}
		ids := make([]int32, len(c))
		for i, nd := range c {
			ids[i] = int32(nd.ID())
		}
		slices.Sort(ids)
		out = append(out, ids)
	}
	slices.SortFunc(out, slices.Compare)
	return out
}
