package analysis

import (
	"context"
	"math"
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
}

// ShortestPaths runs one Dijkstra from every source (edge length 1/weight) and accumulates
// Brandes' dependencies, closeness and harmonic centrality. Path lengths equal within a
// relative 1e-9 are ties. Sources are shared among parallel workers; each worker reuses its
// buffers, so nothing is allocated per source.
func ShortestPaths(ctx context.Context, x *Index, o PathOptions) (*PathMetrics, error) {
	n := x.N
	sources := o.Sources
	total := n
	if sources != nil {
		total = len(sources)
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > total {
		workers = max(total, 1)
	}
	pm := &PathMetrics{Betweenness: make([]float64, n)}
	full := sources == nil
	if full {
		pm.Closeness = make([]float64, n)
		pm.Harmonic = make([]float64, n)
	}
	// Sources are dealt round-robin into a fixed number of lanes; a worker takes a whole
	// lane and accumulates its dependencies in the lane's own buffer, and the lanes are
	// summed in lane order. The floating-point result is therefore the same for any number
	// of workers and any scheduling.
	lanes := min(pathLanes, max(total, 1))
	partials := make([][]float64, lanes)
	var next, done atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := newBrandes(x)
			for {
				lane := int(next.Add(1) - 1)
				if lane >= lanes || ctx.Err() != nil {
					return
				}
				acc := make([]float64, n)
				partials[lane] = acc
				for i := lane; i < total; i += lanes {
					if ctx.Err() != nil {
						return
					}
					s := int32(i)
					if !full {
						s = sources[i]
					}
					reach, sum, harm := b.run(s, acc)
					if full {
						pm.Harmonic[s] = harm
						if reach > 0 && sum > 0 && n > 1 {
							r := float64(reach)
							pm.Closeness[s] = (r / float64(n-1)) * (r / sum)
						}
					}
					d := done.Add(1)
					if o.Progress != nil && (d%64 == 0 || int(d) == total) {
						mu.Lock()
						o.Progress(int(d), total)
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
			pm.Betweenness[v] += d
		}
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

// brandes holds one worker's reusable buffers.
type brandes struct {
	x     *Index
	dist  []float64 // +Inf when not reached
	sigma []float64
	delta []float64
	preds []int32 // node v's predecessors are preds[Off[v] : Off[v]+npred[v]]
	npred []int32
	order []int32 // nodes in the order they were settled
	heap  idxHeap
}

func newBrandes(x *Index) *brandes {
	n := x.N
	b := &brandes{
		x:     x,
		dist:  make([]float64, n),
		sigma: make([]float64, n),
		delta: make([]float64, n),
		preds: make([]int32, len(x.Nbr)),
		npred: make([]int32, n),
		order: make([]int32, 0, n),
	}
	for i := range b.dist {
		b.dist[i] = math.Inf(1)
	}
	b.heap.init(n)
	return b
}

// run is one Dijkstra + dependency accumulation from s. It adds s's dependencies to acc and
// returns the number of nodes reached (s excluded), the sum of their distances and Σ 1/d.
func (b *brandes) run(s int32, acc []float64) (reach int, sum, harm float64) {
	x := b.x
	off, nbr, length := x.Off, x.Nbr, x.Len
	dist, sigma, delta, npred, preds := b.dist, b.sigma, b.delta, b.npred, b.preds
	order := b.order[:0]
	h := &b.heap
	dist[s] = 0
	sigma[s] = 1
	h.push(s, 0)
	const hi = 1 + tieTolerance
	const lo = 1 - tieTolerance
	for h.len() > 0 {
		v := h.pop()
		order = append(order, v)
		dv := dist[v]
		if v != s {
			reach++
			sum += dv
			harm += 1 / dv
		}
		sv := sigma[v]
		for p, end := off[v], off[v+1]; p < end; p++ {
			w := nbr[p]
			alt := dv + length[p]
			dw := dist[w]
			if alt > dw*hi {
				continue // longer (always the case for a settled node, but for near-zero lengths)
			}
			if alt < dw*lo { // strictly shorter, or first reached (dw = +Inf)
				if h.pos[w] == settled {
					continue
				}
				if dw == math.Inf(1) {
					h.push(w, alt)
				} else {
					h.decrease(w, alt)
				}
				dist[w] = alt
				sigma[w] = sv
				preds[off[w]] = v
				npred[w] = 1
				continue
			}
			if h.pos[w] == settled {
				continue
			}
			// Equal within the tolerance: another shortest path.
			sigma[w] += sv
			preds[off[w]+npred[w]] = v
			npred[w]++
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		w := order[i]
		coeff := (1 + delta[w]) / sigma[w]
		base := off[w]
		for k := int32(0); k < npred[w]; k++ {
			v := preds[base+k]
			delta[v] += sigma[v] * coeff
		}
		if w != s {
			acc[w] += delta[w]
		}
	}
	for _, v := range order {
		dist[v], sigma[v], delta[v], npred[v] = math.Inf(1), 0, 0, 0
		h.pos[v] = notInHeap
	}
	b.order = order
	return reach, sum, harm
}

const (
	notInHeap = -1
	settled   = -2
)

// idxHeap is a 4-ary min-heap of node ids keyed by distance, with decrease-key. pos gives a
// node's slot, notInHeap before it is pushed and settled after it is popped.
type idxHeap struct {
	items []heapItem
	pos   []int32
}

type heapItem struct {
	key  float64
	node int32
}

func (h *idxHeap) init(n int) {
	h.items = make([]heapItem, 0, n)
	h.pos = make([]int32, n)
	for i := range h.pos {
		h.pos[i] = notInHeap
	}
}

func (h *idxHeap) len() int { return len(h.items) }

func (h *idxHeap) up(i int, it heapItem) {
	for i > 0 {
		p := (i - 1) >> 2
		if it.key >= h.items[p].key {
			break
		}
		h.items[i] = h.items[p]
		h.pos[h.items[i].node] = int32(i)
		i = p
	}
	h.items[i] = it
	h.pos[it.node] = int32(i)
}

func (h *idxHeap) push(v int32, key float64) {
	h.items = append(h.items, heapItem{})
	h.up(len(h.items)-1, heapItem{key, v})
}

func (h *idxHeap) decrease(v int32, key float64) {
	h.up(int(h.pos[v]), heapItem{key, v})
}

func (h *idxHeap) pop() int32 {
	items := h.items
	top := items[0].node
	last := len(items) - 1
	it := items[last]
	h.items = items[:last]
	h.pos[top] = settled
	if last == 0 {
		return top
	}
	// Move the hole at the root down to a leaf along the smallest children, then sift the
	// former last item up from there: fewer comparisons than a plain sift-down, since the
	// last item nearly always belongs near the bottom.
	i := 0
	for {
		c := 4*i + 1
		if c >= last {
			break
		}
		m := c
		mk := items[c].key
		end := min(c+4, last)
		for k := c + 1; k < end; k++ {
			if items[k].key < mk {
				m, mk = k, items[k].key
			}
		}
		items[i] = items[m]
		h.pos[items[i].node] = int32(i)
		i = m
	}
	h.up(i, it)
	return top
}
