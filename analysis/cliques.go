package analysis

import (
	"runtime"
	"slices"
)

// MaximalCliques returns every maximal clique with at least minSize nodes, each as ascending
// node ids, the list sorted lexicographically. It is the Bron–Kerbosch algorithm with
// Tomita pivoting, run from each node over its later neighbours in a degeneracy ordering
// (Eppstein, Löffler and Strash 2010), on sorted neighbour lists: O(d·n·3^(d/3)) for
// degeneracy d. A branch that cannot reach minSize nodes is cut.
//
// gonum's topo.BronKerbosch gives the same cliques (a test checks it) but works on
// map-based sets: on random graphs here it took 0.41 s for 5,000 nodes and 50,000 edges
// (this: 0.05 s) and 98 s for 100,000 nodes and 1,000,000 edges (this: 1.5 s); see
// BenchmarkGonum.
func MaximalCliques(x *Index, minSize int) [][]int32 {
	n := x.N
	order := DegeneracyOrder(x)
	rank := make([]int32, n)
	for i, v := range order {
		rank[v] = int32(i)
	}
	// The top-level calls are independent: run them in parallel chunks, then sort.
	const chunk = 2048
	parts := make([][][]int32, (n+chunk-1)/chunk)
	parallel(runtime.GOMAXPROCS(0), len(parts), func(c int) {
		bk := &bronKerbosch{x: x, min: minSize}
		for _, v := range order[c*chunk : min(n, (c+1)*chunk)] {
			var p, xs []int32
			for q := x.Off[v]; q < x.Off[v+1]; q++ {
				u := x.Nbr[q]
				if rank[u] > rank[v] {
					p = append(p, u)
				} else {
					xs = append(xs, u)
				}
			}
			bk.expand([]int32{v}, p, xs)
		}
		for _, cl := range bk.out {
			slices.Sort(cl)
		}
		parts[c] = bk.out
	})
	var out [][]int32
	for _, p := range parts {
		out = append(out, p...)
	}
	slices.SortFunc(out, slices.Compare)
	return out
}

type bronKerbosch struct {
	x   *Index
	min int
	out [][]int32
}

// expand reports every maximal clique that contains r, extends it with nodes of p, and
// contains no node of x. p and x are sorted.
func (b *bronKerbosch) expand(r, p, x []int32) {
	if len(p) == 0 {
		if len(x) == 0 && len(r) >= b.min {
			b.out = append(b.out, slices.Clone(r))
		}
		return
	}
	if len(r)+len(p) < b.min {
		return
	}
	// Pivot: the node of p ∪ x with the most neighbours in p.
	pivot, best := int32(-1), -1
	for _, set := range [2][]int32{p, x} {
		for _, u := range set {
			if c := b.countIn(u, p); c > best {
				pivot, best = u, c
			}
		}
	}
	cand := make([]int32, 0, len(p))
	for _, v := range p {
		if !b.adjacent(pivot, v) {
			cand = append(cand, v)
		}
	}
	p = slices.Clone(p)
	x = slices.Clone(x)
	for _, v := range cand {
		b.expand(append(r, v), b.intersect(p, v), b.intersect(x, v))
		p = remove(p, v)
		x = insert(x, v)
	}
}

// nbrs returns v's sorted neighbours.
func (b *bronKerbosch) nbrs(v int32) []int32 { return b.x.Nbr[b.x.Off[v]:b.x.Off[v+1]] }

func (b *bronKerbosch) adjacent(u, v int32) bool {
	_, ok := slices.BinarySearch(b.nbrs(u), v)
	return ok
}

// countIn is |N(u) ∩ set| for sorted set.
func (b *bronKerbosch) countIn(u int32, set []int32) int {
	return mergeSorted(b.nbrs(u), set, nil)
}

// intersect is set ∩ N(v), sorted, in a new slice.
func (b *bronKerbosch) intersect(set []int32, v int32) []int32 {
	var out []int32
	mergeSorted(b.nbrs(v), set, func(w int32) { out = append(out, w) })
	return out
}

// mergeSorted walks two ascending lists together and returns the number of elements they
// share, calling each (when not nil) with every one of them in order.
func mergeSorted(a, b []int32, each func(int32)) int {
	c, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if each != nil {
				each(a[i])
			}
			c++
			i++
			j++
		}
	}
	return c
}

func remove(set []int32, v int32) []int32 {
	if i, ok := slices.BinarySearch(set, v); ok {
		return slices.Delete(set, i, i+1)
	}
	return set
}

func insert(set []int32, v int32) []int32 {
	i, ok := slices.BinarySearch(set, v)
	if ok {
		return set
	}
	return slices.Insert(set, i, v)
}
