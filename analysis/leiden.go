package analysis

import (
	"math"
	"math/rand/v2"
)

// leidenTheta is the randomness of the refinement's merges (θ of Traag et al., 0.01 there and
// in igraph's and leidenalg's defaults), in units of the modularity gain
// w(v, T) − k_v·K_T/(2m) (edge weight).
const leidenTheta = 0.01

// leidenMaxIterations caps the iterations of the whole algorithm (each restarts from the
// partition the previous one found; they stop as soon as one changes nothing).
const leidenMaxIterations = 20

// Leiden finds communities by the Leiden algorithm (Traag, Waltman and van Eck 2019, "From
// Louvain to Leiden: guaranteeing well-connected communities") on the weighted graph,
// modularity at resolution 1. Each level moves nodes with the fast local move (a queue of the
// nodes whose neighbourhood changed), then refines every community: its nodes start alone and
// a node well connected to its community merges, in a seeded random order, into a well
// connected sub-community it has ties with, chosen with probability ∝ exp(gain/θ) among those
// that do not lower modularity; the graph is aggregated by the refined communities, which are
// connected, with the unrefined partition as the next level's start. The algorithm is
// iterated from its own result until an iteration changes nothing. It runs once per seed in
// seed, …, seed+runs−1 and keeps the partition of highest modularity (the earliest seed on a
// tie); the same index, seed and runs give the same partition.
func Leiden(x *Index, seed uint64, runs int) Communities {
	return LeidenParallel(x, seed, runs, 1)
}

// LeidenParallel is Leiden with the runs shared among workers goroutines; the result is the
// same for any number of workers.
func LeidenParallel(x *Index, seed uint64, runs, workers int) Communities {
	return bestPartition(x, seed, runs, workers, func(rng *rand.Rand) []int32 { return leidenRun(x, rng) })
}

// leidenRun returns a community label for every node of x.
func leidenRun(x *Index, rng *rand.Rand) []int32 {
	n := x.N
	base, m2 := baseLevel(x)
	labels := make([]int32, n)
	for i := range labels {
		labels[i] = int32(i)
	}
	if m2 == 0 {
		return labels
	}
	bestQ := Modularity(x, labels)
	for it := 0; it < leidenMaxIterations; it++ {
		next := leidenIteration(base, m2, labels, rng)
		q := Modularity(x, next)
		if q <= bestQ+1e-15*math.Max(1, math.Abs(bestQ)) {
			break
		}
		labels, bestQ = next, q
	}
	return labels
}

// leidenIteration runs the levels of one iteration from the partition start of the base
// graph and returns the partition found.
func leidenIteration(base *level, m2 float64, start []int32, rng *rand.Rand) []int32 {
	n := base.n
	of := make([]int32, n) // base node → node of the current level
	for i := range of {
		of[i] = int32(i)
	}
	lv := base
	init := append([]int32(nil), start...)
	for depth := 0; depth < 1000; depth++ {
		comm := lv.fastMove(m2, init, rng)
		nc := dense(comm)
		if nc == lv.n {
			break // every community is one node: done
		}
		refined := lv.refine(m2, comm, rng)
		nr := dense(refined)
		aggBy := refined
		if nr == lv.n {
			aggBy = comm // the refinement merged nothing: aggregate by the partition itself
		}
		na := dense(aggBy)
		// The next level's start: each aggregate node in its unrefined community.
		next := make([]int32, na)
		for i := 0; i < lv.n; i++ {
			next[aggBy[i]] = comm[i]
		}
		if nr == lv.n {
			for i := range next {
				next[i] = int32(i)
			}
		}
		for v := range of {
			of[v] = aggBy[of[v]]
		}
		lv = lv.aggregateBy(aggBy, na)
		init = next
	}
	// The final partition of the last level, carried back to the base nodes.
	final := lv.fastMove(m2, init, rng)
	dense(final)
	out := make([]int32, n)
	for v := range out {
		out[v] = final[of[v]]
	}
	return out
}

// dense renumbers labels (each in 0…len−1) in place to 0, 1, … in order of first appearance
// and returns the number of distinct labels.
func dense(labels []int32) int {
	id := make([]int32, len(labels))
	for i := range id {
		id[i] = -1
	}
	next := int32(0)
	for i, c := range labels {
		if id[c] < 0 {
			id[c] = next
			next++
		}
		labels[i] = id[c]
	}
	return int(next)
}

// fastMove is the local moving phase of moveNodes from the partition init (a label per
// node in 0…n−1), where a node may also leave its community to stand alone (lv.move).
func (lv *level) fastMove(m2 float64, init []int32, rng *rand.Rand) []int32 {
	comm, _ := lv.move(m2, init, true, rng)
	return comm
}

// refine is the refinement phase: within each community of comm, every node starts alone;
// the nodes well connected to their community, in a seeded random order, that are still
// alone merge into a well-connected sub-community they have ties with, chosen with
// probability ∝ exp(gain/θ) among those of gain ≥ 0 (staying alone has gain 0). It returns
// the refined label of every node.
func (lv *level) refine(m2 float64, comm []int32, rng *rand.Rand) []int32 {
	n := lv.n
	ref := make([]int32, n)
	rtot := make([]float64, n) // strength of each refined community
	rext := make([]float64, n) // weight from the refined community to the rest of its community
	ctot := make([]float64, n) // strength of each community
	wIn := make([]float64, n)  // weight from each node to the rest of its community
	size := make([]int32, n)   // nodes in each refined community
	for i := 0; i < n; i++ {
		ref[i] = int32(i)
		rtot[i] = lv.k[i]
		size[i] = 1
		ctot[comm[i]] += lv.k[i]
		for p := lv.off[i]; p < lv.off[i+1]; p++ {
			if comm[lv.nbr[p]] == comm[i] {
				wIn[i] += lv.w[p]
			}
		}
		rext[i] = wIn[i]
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	wTo := make([]float64, n)
	var seen []int32
	var cand []int32
	var weights []float64
	for _, v := range order {
		c := comm[v]
		kv := lv.k[v]
		if size[ref[v]] != 1 || wIn[v] < kv*(ctot[c]-kv)/m2 {
			continue // merged already, or not well connected to its community
		}
		seen = seen[:0]
		for p := lv.off[v]; p < lv.off[v+1]; p++ {
			u := lv.nbr[p]
			if comm[u] != c || u == v {
				continue
			}
			r := ref[u]
			if wTo[r] == 0 {
				seen = append(seen, r)
			}
			wTo[r] += lv.w[p]
		}
		cand, weights = cand[:0], weights[:0]
		bestGain := 0.0
		for _, r := range seen {
			if rext[r] < rtot[r]*(ctot[c]-rtot[r])/m2 {
				continue // not well connected
			}
			if gain := wTo[r] - kv*rtot[r]/m2; gain >= 0 {
				cand = append(cand, r)
				weights = append(weights, gain)
				bestGain = max(bestGain, gain)
			}
		}
		if len(cand) > 0 {
			// Staying alone (gain 0) is a candidate too.
			total := math.Exp((0 - bestGain) / leidenTheta)
			for j, g := range weights {
				weights[j] = math.Exp((g - bestGain) / leidenTheta)
				total += weights[j]
			}
			u := rng.Float64() * total
			choice := int32(-1)
			for j, wj := range weights {
				if u < wj {
					choice = cand[j]
					break
				}
				u -= wj
			}
			if choice >= 0 {
				old := ref[v]
				size[old] = 0
				rtot[old] = 0
				rext[choice] += wIn[v] - 2*wTo[choice]
				rtot[choice] += kv
				size[choice]++
				ref[v] = choice
			}
		}
		for _, r := range seen {
			wTo[r] = 0
		}
	}
	return ref
}

// aggregateBy builds the next level with one node per label of by (dense, 0…nc−1), each
// node's neighbours in order of first appearance (Louvain's aggregate sorts them; the order
// only has to be deterministic).
func (lv *level) aggregateBy(by []int32, nc int) *level {
	start := make([]int32, nc+1) // members of c: members[start[c]:start[c+1]]
	for i := 0; i < lv.n; i++ {
		start[by[i]+1]++
	}
	for c := 0; c < nc; c++ {
		start[c+1] += start[c]
	}
	members := make([]int32, lv.n)
	fill := append([]int32(nil), start[:nc]...)
	for i := 0; i < lv.n; i++ {
		c := by[i]
		members[fill[c]] = int32(i)
		fill[c]++
	}
	next := &level{n: nc, off: make([]int32, nc+1), self: make([]float64, nc), k: make([]float64, nc),
		nbr: make([]int32, 0, len(lv.nbr)/2), w: make([]float64, 0, len(lv.nbr)/2)}
	wTo := make([]float64, nc)
	seen := make([]int32, 0, 64)
	for c := 0; c < nc; c++ {
		seen = seen[:0]
		for _, i := range members[start[c]:start[c+1]] {
			next.self[c] += lv.self[i]
			next.k[c] += lv.k[i]
			for p := lv.off[i]; p < lv.off[i+1]; p++ {
				d := by[lv.nbr[p]]
				if d == int32(c) {
					next.self[c] += lv.w[p]
					continue
				}
				if wTo[d] == 0 {
					seen = append(seen, d)
				}
				wTo[d] += lv.w[p]
			}
		}
		for _, d := range seen {
			next.nbr = append(next.nbr, d)
			next.w = append(next.w, wTo[d])
			wTo[d] = 0
		}
		next.off[c+1] = int32(len(next.nbr))
	}
	return next
}
