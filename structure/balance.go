package structure

import (
	"math/rand/v2"
	"slices"
)

// Triads counts the signed triangles of a signed graph: the triples of nodes whose three pairs
// are all tied, by the number of negative ties among the three.
type Triads struct {
	PPP int `json:"ppp"` // + + +: balanced
	PPN int `json:"ppn"` // + + −: unbalanced (the one triad weak balance forbids)
	PNN int `json:"pnn"` // + − −: balanced ("the enemy of my enemy is my friend")
	NNN int `json:"nnn"` // − − −: unbalanced, but weakly balanced (clusterable)
}

// Total is the number of signed triangles.
func (t Triads) Total() int { return t.PPP + t.PPN + t.PNN + t.NNN }

// Balanced is the share of triangles that are balanced in Cartwright and Harary's sense (an
// even number of negative ties: + + + and + − −); 0 when there are none.
func (t Triads) Balanced() float64 {
	if t.Total() == 0 {
		return 0
	}
	return float64(t.PPP+t.PNN) / float64(t.Total())
}

// WeaklyBalanced is the share of triangles that are not + + − (Davis's clusterability: − − −
// is allowed); 0 when there are none.
func (t Triads) WeaklyBalanced() float64 {
	if t.Total() == 0 {
		return 0
	}
	return float64(t.Total()-t.PPN) / float64(t.Total())
}

// Signed is a signed graph: positive and negative ties on nodes 0…N−1. A pair is in at most
// one of the two (SignedOf decides pairs that are both).
type Signed struct {
	N             int
	Positive      [][2]int32
	Negative      [][2]int32
	Ambivalent    int // pairs that had both a positive and a negative tie (counted as negative)
	adj           Graph
	sign          []int8 // aligned with adj.Nbr: +1 or −1
	positiveCount int
}

// SignedOf builds the signed graph of a positive graph pos and the negative ties neg (pairs
// u ≠ v, each once). A pair that is in both is negative: a rivalry or a dispute outweighs an
// alliance of the same pair in the same period. Such pairs are counted in Ambivalent.
func SignedOf(pos Graph, neg [][2]int32) *Signed {
	s := &Signed{N: pos.N}
	negSet := make(map[uint64]bool, len(neg))
	key := func(u, v int32) uint64 {
		if u > v {
			u, v = v, u
		}
		return uint64(u)<<32 | uint64(v)
	}
	for _, e := range neg {
		negSet[key(e[0], e[1])] = true
	}
	var edges [][2]int32
	var w []float64
	for u := 0; u < pos.N; u++ {
		for _, v := range pos.nbrs(u) {
			if int32(u) < v {
				if negSet[key(int32(u), v)] {
					s.Ambivalent++
					continue
				}
				s.Positive = append(s.Positive, [2]int32{int32(u), v})
			}
		}
	}
	for _, e := range neg {
		u, v := min(e[0], e[1]), max(e[0], e[1])
		s.Negative = append(s.Negative, [2]int32{u, v})
	}
	slices.SortFunc(s.Negative, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	s.positiveCount = len(s.Positive)
	edges = append(append(edges, s.Positive...), s.Negative...)
	w = make([]float64, len(edges))
	for i := range w {
		w[i] = 1
		if i >= len(s.Positive) {
			w[i] = -1
		}
	}
	s.adj = FromEdges(s.N, edges, w)
	s.sign = make([]int8, len(s.adj.W))
	for i, x := range s.adj.W {
		s.sign[i] = int8(x)
	}
	return s
}

// Triads counts the signed triangles: each triangle once, from its edge (u, v) with u < v
// < w, by merging the two ascending neighbour lists.
func (s *Signed) Triads() Triads {
	var t Triads
	g := s.adj
	for u := 0; u < g.N; u++ {
		nu := g.nbrs(u)
		for i, v := range nu {
			if v <= int32(u) {
				continue
			}
			suv := s.sign[int(g.Off[u])+i]
			nv := g.nbrs(int(v))
			// Common neighbours w > v.
			a, _ := slices.BinarySearch(nu, v+1)
			b, _ := slices.BinarySearch(nv, v+1)
			for a < len(nu) && b < len(nv) {
				switch {
				case nu[a] < nv[b]:
					a++
				case nu[a] > nv[b]:
					b++
				default:
					negs := 0
					for _, x := range [3]int8{suv, s.sign[int(g.Off[u])+a], s.sign[int(g.Off[v])+b]} {
						if x < 0 {
							negs++
						}
					}
					switch negs {
					case 0:
						t.PPP++
					case 1:
						t.PPN++
					case 2:
						t.PNN++
					default:
						t.NNN++
					}
					a++
					b++
				}
			}
		}
	}
	return t
}

// Partition is a partition of the nodes into clusters for structural balance, with its
// Doreian–Mrvar error.
type Partition struct {
	Clusters int     // the number of clusters asked for (some may be empty)
	Alpha    float64 // the weight of a negative tie inside a cluster (1−Alpha: a positive tie between clusters)
	Of       []int   // the cluster of each node, 0…Clusters−1, numbered in order of their lowest node
	// Error = Alpha·NegativeWithin + (1−Alpha)·PositiveBetween, the criterion minimised.
	Error           float64
	NegativeWithin  int
	PositiveBetween int
	Starts          int // random starts of the relocation search
}

// PartitionOptions tunes BalancePartition.
type PartitionOptions struct {
	Clusters int     // k ≥ 1 (default 2)
	Alpha    float64 // in (0, 1) (default 0.5)
	Starts   int     // random starts (default 100)
	Seed     uint64  // default 1
}

// BalancePartition searches the partition of the nodes into at most k clusters that minimises
// Doreian and Mrvar's (1996) error α·N + (1−α)·P, N the negative ties inside clusters and P
// the positive ties between them: Doreian and Mrvar's relocation algorithm, from Starts random
// partitions (seeded; for k > 2 also from the best partition into k−1), each improved by the
// best single move of a node to another cluster or swap of two nodes of different clusters
// (swaps on up to 400 nodes with signed ties) until none lowers the error. The best partition
// found is returned, relabelled so that clusters are numbered by their lowest node; among
// partitions of equal error the first found is kept, so the result depends only on the graph
// and the options. Nodes without signed ties are in no cluster (−1).
func (s *Signed) BalancePartition(o PartitionOptions) Partition {
	if o.Clusters <= 0 {
		o.Clusters = 2
	}
	if !(o.Alpha > 0 && o.Alpha < 1) {
		o.Alpha = 0.5
	}
	if o.Starts <= 0 {
		o.Starts = 100
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	k, alpha := o.Clusters, o.Alpha
	g := s.adj
	n := g.N
	// Only nodes with signed ties take part; the others stay in cluster 0.
	var active []int
	for u := 0; u < n; u++ {
		if g.Degree(u) > 0 {
			active = append(active, u)
		}
	}
	best := Partition{Clusters: k, Alpha: alpha, Of: make([]int, n), Starts: o.Starts}
	if len(active) == 0 || k == 1 {
		for u := 0; u < n; u++ {
			if g.Degree(u) == 0 {
				best.Of[u] = -1
			}
		}
		best.NegativeWithin, best.PositiveBetween = s.errorsOf(best.Of)
		best.Error = alpha*float64(best.NegativeWithin) + (1-alpha)*float64(best.PositiveBetween)
		return best
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x62616c616e6365))
	// For k > 2 the best partition into k−1 clusters is the first start: the error found for
	// k is then never above that for k−1 (a cluster may stay empty).
	var prev []int
	if k > 2 {
		po := o
		po.Clusters = k - 1
		prev = s.BalancePartition(po).Of
	}
	of := make([]int, n)
	// pos[u*k+c], neg[u*k+c]: u's positive and negative ties into cluster c.
	pos := make([]int, n*k)
	neg := make([]int, n*k)
	bestErr := -1.0
	for start := 0; start < o.Starts; start++ {
		clear(of)
		for _, u := range active {
			of[u] = rng.IntN(k)
		}
		if start == 0 && prev != nil {
			for _, u := range active {
				of[u] = prev[u]
			}
		}
		clear(pos)
		clear(neg)
		for u := 0; u < n; u++ {
			for i, v := range g.nbrs(u) {
				if s.sign[int(g.Off[u])+i] > 0 {
					pos[u*k+of[v]]++
				} else {
					neg[u*k+of[v]]++
				}
			}
		}
		move := func(u, to int) {
			from := of[u]
			for i, v := range g.nbrs(u) {
				if s.sign[int(g.Off[u])+i] > 0 {
					pos[int(v)*k+from]--
					pos[int(v)*k+to]++
				} else {
					neg[int(v)*k+from]--
					neg[int(v)*k+to]++
				}
			}
			of[u] = to
		}
		// delta of moving u to cluster c.
		delta := func(u, c int) float64 {
			a := of[u]
			return alpha*float64(neg[u*k+c]-neg[u*k+a]) + (1-alpha)*float64(pos[u*k+a]-pos[u*k+c])
		}
		signOf := func(u, v int) int8 {
			nb := g.nbrs(u)
			if i, ok := slices.BinarySearch(nb, int32(v)); ok {
				return s.sign[int(g.Off[u])+i]
			}
			return 0
		}
		for {
			bestD, bu, bv, bc := -1e-12, -1, -1, -1
			for _, u := range active {
				for c := 0; c < k; c++ {
					if c != of[u] {
						if d := delta(u, c); d < bestD {
							bestD, bu, bv, bc = d, u, -1, c
						}
					}
				}
			}
			for i, u := range active {
				if len(active) > maxSwapNodes {
					break // swaps are O(n²) a step: moves only on large signed graphs
				}
				for _, v := range active[i+1:] {
					if of[u] == of[v] {
						continue
					}
					d := delta(u, of[v]) + delta(v, of[u])
					switch signOf(u, v) {
					case 1:
						d += 2 * (1 - alpha)
					case -1:
						d -= 2 * alpha
					}
					if d < bestD {
						bestD, bu, bv, bc = d, u, v, -1
					}
				}
			}
			if bu < 0 {
				break
			}
			if bv < 0 {
				move(bu, bc)
			} else {
				cu, cv := of[bu], of[bv]
				move(bu, cv)
				move(bv, cu)
			}
		}
		nw, pb := s.errorsOf(of)
		e := alpha*float64(nw) + (1-alpha)*float64(pb)
		if bestErr < 0 || e < bestErr-1e-12 {
			bestErr = e
			best.Error, best.NegativeWithin, best.PositiveBetween = e, nw, pb
			copy(best.Of, of)
		}
	}
	for u := 0; u < n; u++ {
		if g.Degree(u) == 0 {
			best.Of[u] = -1
		}
	}
	best.Of = relabel(best.Of, k)
	return best
}

// maxSwapNodes is the largest number of nodes with signed ties for which the relocation
// search also tries swaps (O(n²) a step); above it, single moves only.
const maxSwapNodes = 400

// errorsOf counts the negative ties inside clusters and the positive ties between them.
func (s *Signed) errorsOf(of []int) (negWithin, posBetween int) {
	for _, e := range s.Positive {
		if of[e[0]] != of[e[1]] {
			posBetween++
		}
	}
	for _, e := range s.Negative {
		if of[e[0]] == of[e[1]] {
			negWithin++
		}
	}
	return negWithin, posBetween
}

// relabel numbers clusters in order of their lowest node.
func relabel(of []int, k int) []int {
	m := make([]int, k)
	for i := range m {
		m[i] = -1
	}
	next := 0
	out := make([]int, len(of))
	for u, c := range of {
		if c < 0 {
			out[u] = -1
			continue
		}
		if m[c] < 0 {
			m[c] = next
			next++
		}
		out[u] = m[c]
	}
	return out
}
