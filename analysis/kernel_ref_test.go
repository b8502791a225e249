package analysis

import (
	"math"
	"math/rand/v2"
)

// This file keeps, as the test's reference, the shortest-path kernel as it was before the
// split state and the branch-free heap (commit 72ae896): a plain 4-ary heap of
// (distance, node) with decrease-key and one 32-byte state record per node. The kernel must
// give bit-identical results (TestKernelMatchesReference), since the order of equal-distance
// pops fixes the order of the dependency sums and so the last bits of the output.

// refState is one node's state during one source's pass: 32 bytes, half a cache line.
type refState struct {
	dist  float64 // +Inf when not reached
	sigma float64 // number of shortest paths from the source
	delta float64 // Brandes dependency
	pos   int32   // heap slot, refNotInHeap or refSettled
	npred int32   // number of predecessors, stored at preds[off[v]:]
}

// refBrandes holds one worker's reusable buffers.
type refBrandes struct {
	k     *kernel
	arcs  []arc // k's arcs as records (k.arcList)
	st    []refState
	preds []int32 // node v's predecessors are preds[off[v] : off[v]+npred]
	order []int32 // nodes in the order they were refSettled
	heap  []refHeapItem
}

const (
	refNotInHeap = -1
	refSettled   = -2
)

type refHeapItem struct {
	key  float64
	node int32
}

func newRefBrandes(k *kernel) *refBrandes {
	b := &refBrandes{
		k:     k,
		st:    make([]refState, k.n),
		arcs:  k.arcList(),
		preds: make([]int32, k.off[k.n]),
		order: make([]int32, 0, k.n),
		heap:  make([]refHeapItem, 0, k.n),
	}
	for i := range b.st {
		b.st[i] = refState{dist: math.Inf(1), pos: refNotInHeap}
	}
	return b
}

// run is one Dijkstra + dependency accumulation from s (a kernel node). It adds srcWeight ×
// s's dependencies to acc (kernel numbering) and returns the number of nodes reached (s
// excluded), the sum of their distances and Σ 1/d. When ds is not nil, every reached node's
// distance from s is added to it.
func (b *refBrandes) run(s int32, srcWeight float64, acc []float64, ds *distSums) (reach int, sum, harm float64) {
	k := b.k
	off, arcs := k.off, b.arcs
	st, preds := b.st, b.preds
	order := b.order[:0]
	st[s].dist = 0
	st[s].sigma = 1
	b.push(s, 0)
	const hi = 1 + tieTolerance
	const lo = 1 - tieTolerance
	for len(b.heap) > 0 {
		v := b.pop()
		order = append(order, v)
		sv := &st[v]
		dv := sv.dist
		if v != s {
			reach++
			sum += dv
			harm += 1 / dv
			if ds != nil {
				ds.reach[v]++
				ds.sum[v] += dv
				ds.harm[v] += 1 / dv
			}
		}
		sigv := sv.sigma
		for p, end := off[v], off[v+1]; p < end; p++ {
			a := arcs[p]
			w := a.nbr
			sw := &st[w]
			alt := dv + a.len
			dw := sw.dist
			if alt > dw*hi {
				continue // longer (always the case for a refSettled node, but for near-zero lengths)
			}
			if alt < dw*lo { // strictly shorter, or first reached (dw = +Inf)
				if sw.pos == refSettled {
					continue
				}
				if dw == math.Inf(1) {
					b.push(w, alt)
				} else {
					b.up(int(sw.pos), refHeapItem{alt, w})
				}
				sw.dist = alt
				sw.sigma = sigv
				preds[off[w]] = v
				sw.npred = 1
				continue
			}
			if sw.pos == refSettled {
				continue
			}
			// Equal within the tolerance: another shortest path.
			sw.sigma += sigv
			preds[off[w]+sw.npred] = v
			sw.npred++
		}
	}
	weight := k.weight
	for i := len(order) - 1; i >= 0; i-- {
		w := order[i]
		sw := &st[w]
		var coeff float64
		if weight == nil {
			coeff = (1 + sw.delta) / sw.sigma
		} else {
			coeff = (weight[w] + sw.delta) / sw.sigma
		}
		base := off[w]
		for _, v := range preds[base : base+sw.npred] {
			st[v].delta += st[v].sigma * coeff
		}
		if w != s {
			acc[w] += srcWeight * sw.delta
		}
	}
	for _, v := range order {
		st[v] = refState{dist: math.Inf(1), pos: refNotInHeap}
	}
	b.order = order
	return reach, sum, harm
}

// The heap is a 4-ary min-heap of kernel nodes keyed by distance, with decrease-key; a
// node's slot is in its state record (BenchmarkHeapArity measured 2-, 4- and 8-ary).
const refArity = 4

func (b *refBrandes) up(i int, it refHeapItem) {
	h, st := b.heap, b.st
	for i > 0 {
		p := (i - 1) / refArity
		if it.key >= h[p].key {
			break
		}
		h[i] = h[p]
		st[h[i].node].pos = int32(i)
		i = p
	}
	h[i] = it
	st[it.node].pos = int32(i)
}

func (b *refBrandes) push(v int32, key float64) {
	b.heap = append(b.heap, refHeapItem{})
	b.up(len(b.heap)-1, refHeapItem{key, v})
}

func (b *refBrandes) pop() int32 {
	items, st := b.heap, b.st
	top := items[0].node
	last := len(items) - 1
	it := items[last]
	b.heap = items[:last]
	st[top].pos = refSettled
	if last == 0 {
		return top
	}
	// Move the hole at the root down to a leaf along the smallest children, then sift the
	// former last item up from there: fewer comparisons than a plain sift-down, since the
	// last item nearly always belongs near the bottom.
	i := 0
	for {
		c := refArity*i + 1
		if c >= last {
			break
		}
		m := c
		mk := items[c].key
		end := min(c+refArity, last)
		for k := c + 1; k < end; k++ {
			if items[k].key < mk {
				m, mk = k, items[k].key
			}
		}
		items[i] = items[m]
		st[items[i].node].pos = int32(i)
		i = m
	}
	b.up(i, it)
	return top
}

// samplePath is the reference of (*brandes).samplePath.
func (b *refBrandes) samplePath(s, t int32, rng *rand.Rand, count []int64) {
	k := b.k
	off, arcs := k.off, b.arcs
	st, preds := b.st, b.preds
	order := b.order[:0]
	st[s].dist = 0
	st[s].sigma = 1
	b.push(s, 0)
	const hi = 1 + tieTolerance
	const lo = 1 - tieTolerance
	found := false
	for len(b.heap) > 0 {
		v := b.pop()
		order = append(order, v)
		if v == t {
			found = true
			break
		}
		sv := &st[v]
		dv, sigv := sv.dist, sv.sigma
		for p, end := off[v], off[v+1]; p < end; p++ {
			a := arcs[p]
			w := a.nbr
			sw := &st[w]
			alt := dv + a.len
			dw := sw.dist
			if alt > dw*hi || sw.pos == refSettled {
				continue
			}
			if alt < dw*lo {
				if dw == math.Inf(1) {
					b.push(w, alt)
				} else {
					b.up(int(sw.pos), refHeapItem{alt, w})
				}
				sw.dist, sw.sigma, sw.npred = alt, sigv, 1
				preds[off[w]] = v
				continue
			}
			sw.sigma += sigv
			preds[off[w]+sw.npred] = v
			sw.npred++
		}
	}
	if found {
		for w := t; ; {
			ps := preds[off[w] : off[w]+st[w].npred]
			u := rng.Float64() * st[w].sigma
			p := ps[len(ps)-1]
			for _, q := range ps {
				if u < st[q].sigma {
					p = q
					break
				}
				u -= st[q].sigma
			}
			if p == s {
				break
			}
			count[p]++
			w = p
		}
	}
	for _, v := range order {
		st[v] = refState{dist: math.Inf(1), pos: refNotInHeap}
	}
	for _, it := range b.heap {
		st[it.node] = refState{dist: math.Inf(1), pos: refNotInHeap}
	}
	b.heap = b.heap[:0]
	b.order = order
}
