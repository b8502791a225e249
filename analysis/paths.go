package analysis

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// tieTolerance is the relative difference under which two path lengths count as equal.
const tieTolerance = 1e-9

// pathLanes is the fixed number of accumulation lanes of the shortest-path pass.
const pathLanes = 32

// PathMetrics are the shortest-path measures of every node.
type PathMetrics struct {
	// Betweenness is Brandes' betweenness, normalised by 2/((n−1)(n−2)) (NetworkX
	// normalized=True on an undirected graph): the sum over unordered pairs s, t ≠ v of
	// σ_st(v)/σ_st, times 2/((n−1)(n−2)); 0 when n ≤ 2. With sampling it is estimated from
	// the sampled sources and scaled by n/k.
	Betweenness []float64
	// Closeness is Wasserman–Faust closeness: (r/(n−1))·(r/Σ_t d(v,t)) over the r nodes
	// reachable from v; 0 when r = 0. Nil when sampling.
	Closeness []float64
	// Harmonic is Σ_t 1/d(v,t) over the reachable nodes t ≠ v (not normalised). Nil when sampling.
	Harmonic []float64
}

// PathOptions controls the shortest-path pass.
type PathOptions struct {
	// Workers is the number of parallel workers; 0 means one per CPU.
	Workers int
	// Sources, when not nil, restricts the pass to these sources (sampled betweenness);
	// closeness and harmonic are then not computed.
	Sources []int32
	// Progress, when not nil, is called with the number of sources done so far.
	Progress func(done, total int)
	// SampledCloseness, with Sources, estimates closeness and harmonic from the sampled
	// sources (see EstimateCloseness) instead of leaving them nil.
	SampledCloseness bool

	// identity keeps the layer's node numbering in the kernel (tests compare it with the
	// relabelled kernel).
	identity bool
	// wideArcs keeps the 16-byte arc records even when the arcs could be packed (tests
	// compare the two forms).
	wideArcs bool
}

// ShortestPaths runs one Dijkstra from every source (edge length 1/weight) and accumulates
// Brandes' dependencies, closeness and harmonic centrality. Path lengths equal within a
// relative 1e-9 are ties. Sources are shared among parallel workers; each worker reuses its
// buffers, so nothing is allocated per source.
func ShortestPaths(ctx context.Context, x *Index, o PathOptions) (*PathMetrics, error) {
	k := newKernelForm(x, !o.identity, !o.wideArcs)
	n := x.N
	full := o.Sources == nil
	total := n
	if !full {
		total = len(o.Sources)
	}
	source := func(i int) int32 {
		if full {
			return k.newOf[i]
		}
		return k.newOf[o.Sources[i]]
	}
	est := !full && o.SampledCloseness
	ps, err := k.pass(ctx, total, source, nil, o.Workers, full, est, o.Progress)
	if err != nil {
		return nil, err
	}
	pm := &PathMetrics{Betweenness: make([]float64, n)}
	for v := range pm.Betweenness {
		pm.Betweenness[v] = ps.acc[k.newOf[v]]
	}
	if full {
		pm.Closeness = make([]float64, n)
		pm.Harmonic = make([]float64, n)
		for i, st := range ps.stats {
			pm.Harmonic[i] = st.harm
			if st.reach > 0 && st.sum > 0 && n > 1 {
				r := float64(st.reach)
				pm.Closeness[i] = (r / float64(n-1)) * (r / st.sum)
			}
		}
	}
	if est {
		pm.Closeness, pm.Harmonic = estimateCloseness(k, ps.ds, o.Sources)
	}
	if n > 2 {
		scale := 1 / (float64(n-1) * float64(n-2))
		if !full && total > 0 {
			scale *= float64(n) / float64(total)
		}
		for i := range pm.Betweenness {
			pm.Betweenness[i] *= scale
		}
	} else {
		clear(pm.Betweenness)
	}
	return pm, nil
}

// sourceStats is what one source's pass gives about the source itself.
type sourceStats struct {
	reach     int
	sum, harm float64
}

// passResult is the outcome of a shortest-path pass over a list of sources.
type passResult struct {
	acc   []float64     // Σ of the sources' (weighted) dependencies, kernel numbering
	stats []sourceStats // per source index, when asked
	ds    *distSums     // per kernel node, when asked
}

// pass runs the kernel from the total sources source(0), …, source(total−1) (kernel nodes),
// the dependencies of source i weighted by srcWeight(i) (1 when srcWeight is nil), on up to
// workers goroutines (0: one per CPU).
//
// Sources are dealt round-robin into a fixed number of lanes; a worker takes a whole lane and
// accumulates its dependencies in the lane's own buffer, and the lanes are summed in lane
// order. The floating-point result is therefore the same for any number of workers and any
// scheduling.
func (k *kernel) pass(ctx context.Context, total int, source func(int) int32, srcWeight func(int) float64,
	workers int, wantStats, wantDist bool, progress func(done, total int)) (*passResult, error) {
	n := k.n
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > total {
		workers = max(total, 1)
	}
	res := &passResult{acc: make([]float64, n)}
	if wantStats {
		res.stats = make([]sourceStats, total)
	}
	lanes := min(pathLanes, max(total, 1))
	partials := make([][]float64, lanes)
	var dists []*distSums
	if wantDist {
		dists = make([]*distSums, lanes)
	}
	var next, done atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := newBrandes(k)
			for {
				lane := int(next.Add(1) - 1)
				if lane >= lanes || ctx.Err() != nil {
					return
				}
				acc := make([]float64, n)
				partials[lane] = acc
				var ds *distSums
				if wantDist {
					ds = &distSums{reach: make([]float64, n), sum: make([]float64, n), harm: make([]float64, n)}
					dists[lane] = ds
				}
				for i := lane; i < total; i += lanes {
					if ctx.Err() != nil {
						return
					}
					sw := 1.0
					if srcWeight != nil {
						sw = srcWeight(i)
					}
					reach, sum, harm := b.run(source(i), sw, acc, ds)
					if wantStats {
						res.stats[i] = sourceStats{reach, sum, harm}
					}
					d := done.Add(1)
					if progress != nil && (d%64 == 0 || int(d) == total) {
						mu.Lock()
						progress(int(d), total)
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, acc := range partials {
		for v, d := range acc {
			res.acc[v] += d
		}
	}
	if wantDist {
		res.ds = &distSums{reach: make([]float64, n), sum: make([]float64, n), harm: make([]float64, n)}
		for _, ds := range dists {
			for v := range ds.sum {
				res.ds.reach[v] += ds.reach[v]
				res.ds.sum[v] += ds.sum[v]
				res.ds.harm[v] += ds.harm[v]
			}
		}
	}
	return res, nil
}
