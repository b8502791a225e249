package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// rkConstant is the universal constant c of Riondato and Kornaropoulos's sample size (their
// paper, following Löffler and Phillips, uses c ≈ 0.5).
const rkConstant = 0.5

// Guaranteed is a betweenness estimate with an (ε, δ) guarantee.
type Guaranteed struct {
	// Betweenness is the estimate, normalised as ShortestPaths' (2/((n−1)(n−2)) per
	// unordered pair): with probability at least 1 − Delta, every node's estimate is within
	// Epsilon of its exact betweenness.
	Betweenness []float64
	Epsilon     float64
	Delta       float64
	// Samples is the number of node pairs sampled, VertexDiameter the upper bound on the
	// number of nodes of a shortest path that the sample size was computed from.
	Samples        int
	VertexDiameter int
}

// BetweennessGuaranteed estimates betweenness by Riondato and Kornaropoulos's sampling
// ("Fast approximation of betweenness centrality through sampling", WSDM 2014 / DMKD 2016):
// it draws r ordered pairs (s, t), s ≠ t, uniformly, picks one shortest s–t path uniformly
// at random (backwards from t, a predecessor p of the current node w with probability
// σ_sp/σ_sw) and gives 1/r to each of the path's inner nodes. With
//
//	r = ⌈(c/ε'²) (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉,  c = 0.5,
//
// where VD bounds the vertex diameter (the most nodes on any shortest path), every node's
// estimate of Σ_{s≠v≠t} σ_st(v)/σ_st / (n(n−1)) is within ε' of the exact value with
// probability at least 1 − δ. liaison's normalisation divides by (n−1)(n−2) instead, so ε' =
// ε·(n−2)/n gives the guarantee ε on the values liaison reports. VD is bounded per connected
// component by min(size, 1 + ⌈2·ecc(u)/ℓ_min⌉) from one Dijkstra at a node u of the
// component (every shortest path is at most 2·ecc(u) long and each of its arcs at least
// ℓ_min), and the largest such bound is used.
//
// Pairs and path choices come from one seeded stream per sample and the counts are integers,
// so the estimate is the same for any number of workers.
func BetweennessGuaranteed(ctx context.Context, x *Index, epsilon, delta float64, seed uint64, workers int) (*Guaranteed, error) {
	if !(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1) {
		return nil, fmt.Errorf("betweenness sampling: want 0 < ε < 1 and 0 < δ < 1, got ε = %v, δ = %v", epsilon, delta)
	}
	n := x.N
	g := &Guaranteed{Betweenness: make([]float64, n), Epsilon: epsilon, Delta: delta}
	if n <= 2 {
		return g, nil
	}
	k := newKernel(x, true)
	g.VertexDiameter = vertexDiameterBound(k)
	if g.VertexDiameter <= 2 {
		return g, nil // no shortest path has an inner node
	}
	eps := epsilon * float64(n-2) / float64(n)
	r := int(math.Ceil(rkConstant / (eps * eps) * (math.Floor(math.Log2(float64(g.VertexDiameter-2))) + 1 + math.Log(1/delta))))
	g.Samples = r
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, r))
	counts := make([][]int64, workers)
	var wg sync.WaitGroup
	for wk := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := newBrandes(k)
			c := make([]int64, n)
			counts[wk] = c
			for i := wk; i < r; i += workers {
				if i%256 == 0 && ctx.Err() != nil {
					return
				}
				rng := rand.New(rand.NewPCG(seed, 0x726b0000+uint64(i)))
				s := int32(rng.IntN(n))
				t := int32(rng.IntN(n - 1))
				if t >= s {
					t++
				}
				b.samplePath(k.newOf[s], k.newOf[t], rng, c)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	scale := float64(n) / float64(n-2) / float64(r)
	for v := range n {
		total := int64(0)
		for _, c := range counts {
			total += c[k.newOf[v]]
		}
		g.Betweenness[v] = float64(total) * scale
	}
	return g, nil
}

// samplePath runs Dijkstra from s until t is settled, then walks one shortest path back from
// t, chosen uniformly among all, adding 1 to the count of each inner node.
func (b *brandes) samplePath(s, t int32, rng *rand.Rand, count []int64) {
	rec := b.rec
	h := &b.heap
	order := b.start(s)
	found := false
	for h.n > 0 {
		v, dv := h.pop()
		order = append(order, v)
		if v == t {
			found = true
			break
		}
		b.scan(v, dv)
	}
	if found {
		var ps []int32
		for w := t; ; {
			ps = b.predsOf(w, ps[:0])
			u := rng.Float64() * rec[w].sigma
			p := ps[len(ps)-1]
			for _, q := range ps {
				if u < rec[q].sigma {
					p = q
					break
				}
				u -= rec[q].sigma
			}
			if p == s {
				break
			}
			count[p]++
			w = p
		}
	}
	for _, v := range order {
		b.reset(v)
	}
	for _, it := range h.items[:h.n] {
		b.reset(it.node)
	}
	h.n = 0
	b.order = order
}

// vertexDiameterBound bounds the number of nodes on any shortest path of k (see
// BetweennessGuaranteed).
func vertexDiameterBound(k *kernel) int {
	n := k.n
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	b := newBrandes(k)
	acc := make([]float64, n)
	ds := &distSums{reach: make([]float64, n), sum: make([]float64, n), harm: make([]float64, n)}
	best := 1
	var queue []int32
	arcs := k.arcList()
	for u := range int32(n) {
		if comp[u] >= 0 {
			continue
		}
		comp[u] = u
		queue = append(queue[:0], u)
		minLen := math.Inf(1)
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, a := range arcs[k.off[v]:k.off[v+1]] {
				minLen = min(minLen, a.len)
				if comp[a.nbr] < 0 {
					comp[a.nbr] = u
					queue = append(queue, a.nbr)
				}
			}
		}
		size := len(queue)
		if size <= 2 {
			best = max(best, size)
			continue
		}
		b.run(u, 0, acc, ds) // components are disjoint: ds.sum[v] is d(u, v)
		ecc := 0.0
		for _, v := range queue {
			ecc = max(ecc, ds.sum[v])
		}
		bound := size
		if hops := math.Ceil(2*ecc/minLen*(1+1e-9)) + 1; hops < float64(size) {
			bound = int(hops)
		}
		best = max(best, bound)
	}
	return best
}
