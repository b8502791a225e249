package analysis

import (
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

// Communities is a partition of the nodes found by Louvain modularity optimisation.
type Communities struct {
	// Of gives each node's community number. Communities are numbered 0, 1, … in the order
	// of their smallest node (so the numbering does not depend on the search).
	Of []int
	// Groups lists each community's nodes, ascending; Groups[c] is community c.
	Groups [][]int32
	// Modularity is Newman's weighted modularity Q at resolution 1:
	// Q = 1/(2m) Σ_ij [A_ij − k_i k_j/(2m)] δ(c_i, c_j), with k the strength and m the total weight.
	Modularity float64
	// Seed is the seed of the run that found the partition.
	Seed uint64
}

// Louvain finds communities with gonum's Louvain modularisation of g (weighted, resolution 1),
// run once per seed in seed, seed+1, …, seed+runs−1 (runs ≥ 1); the partition with the
// highest modularity is kept, the earliest seed winning a tie. The same seed and runs always
// give the same partition.
func Louvain(g graph.Undirected, n int, seed uint64, runs int) Communities {
	runs = max(runs, 1)
	best := Communities{Modularity: -2}
	for r := 0; r < runs; r++ {
		s := seed + uint64(r)
		red := community.Modularize(g, 1, rand.NewPCG(s, 0x6c696169736f6e))
		groups := red.Communities()
		q := community.Q(g, groups, 1)
		if q > best.Modularity {
			best = Communities{Modularity: q, Seed: s}
			best.Groups = make([][]int32, 0, len(groups))
			for _, grp := range groups {
				ids := make([]int32, len(grp))
				for i, nd := range grp {
					ids[i] = int32(nd.ID())
				}
				slices.Sort(ids)
				best.Groups = append(best.Groups, ids)
			}
		}
	}
	slices.SortFunc(best.Groups, func(a, b []int32) int { return int(a[0]) - int(b[0]) })
	best.Of = make([]int, n)
	for c, grp := range best.Groups {
		for _, v := range grp {
			best.Of[v] = c
		}
	}
	if n == 0 {
		best.Modularity = 0
	}
	return best
}
