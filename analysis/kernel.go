package analysis

import (
	"math"
	"slices"
)

// The shortest-path kernel: the layer's CSR relabelled for locality, with each arc's
// neighbour and length in one record and each node's Dijkstra/Brandes state in one record,
// so that relaxing an arc touches one arc record (read in sequence) and one state record.
//
// Relabelling never changes a result: each node keeps its arcs in the layer's order (only the
// numbers change), the heap compares keys only, and sources are taken in the layer's order,
// so every floating-point operation happens in the same order as on the layer's own numbering
// and the output is bit for bit the same (TestKernelBitIdentical).

// arc is one directed arc of the kernel's CSR.
type arc struct {
	len float64 // path length 1/weight
	nbr int32   // head, in the kernel's numbering
}

// nodeState is one node's state during one source's pass: 32 bytes, half a cache line.
type nodeState struct {
	dist  float64 // +Inf when not reached
	sigma float64 // number of shortest paths from the source
	delta float64 // Brandes dependency
	pos   int32   // heap slot, notInHeap or settled
	npred int32   // number of predecessors, stored at preds[off[v]:]
}

// kernel is the read-only graph of a shortest-path pass, shared by its workers.
type kernel struct {
	n     int
	off   []int32
	arcs  []arc
	newOf []int32 // layer node → kernel node
	oldOf []int32 // kernel node → layer node
	// weight, when not nil, is each kernel node's weight as a target (Brandes' "1" per target
	// generalised, for the reductions); nil means 1 everywhere.
	weight []float64
}

// newKernel builds the kernel of x; relabel chooses the Cuthill–McKee order (BFS from a node
// of least degree, neighbours by ascending degree), else the layer's numbering is kept.
func newKernel(x *Index, relabel bool) *kernel {
	n := x.N
	k := &kernel{n: n, off: make([]int32, n+1), arcs: make([]arc, len(x.Nbr))}
	if relabel {
		k.oldOf = cuthillMcKee(x)
	} else {
		k.oldOf = make([]int32, n)
		for i := range k.oldOf {
			k.oldOf[i] = int32(i)
		}
	}
	k.newOf = make([]int32, n)
	for nw, old := range k.oldOf {
		k.newOf[old] = int32(nw)
	}
	p := int32(0)
	for nw, old := range k.oldOf {
		for q := x.Off[old]; q < x.Off[old+1]; q++ {
			k.arcs[p] = arc{len: x.Len[q], nbr: k.newOf[x.Nbr[q]]}
			p++
		}
		k.off[nw+1] = p
	}
	return k
}

// cuthillMcKee returns a node order (position → node) that numbers each connected component
// breadth first from one of its nodes of least degree, the neighbours of a node in ascending
// degree (ties by number): neighbours get near numbers, so their state records share cache
// lines.
func cuthillMcKee(x *Index) []int32 {
	n := x.N
	starts := make([]int32, n)
	for i := range starts {
		starts[i] = int32(i)
	}
	deg := func(v int32) int32 { return x.Off[v+1] - x.Off[v] }
	slices.SortStableFunc(starts, func(a, b int32) int { return int(deg(a) - deg(b)) })
	order := make([]int32, 0, n)
	seen := make([]bool, n)
	var nb []int32
	for _, s := range starts {
		if seen[s] {
			continue
		}
		seen[s] = true
		order = append(order, s)
		for h := len(order) - 1; h < len(order); h++ {
			v := order[h]
			nb = nb[:0]
			for q := x.Off[v]; q < x.Off[v+1]; q++ {
				if w := x.Nbr[q]; !seen[w] {
					seen[w] = true
					nb = append(nb, w)
				}
			}
			slices.SortStableFunc(nb, func(a, b int32) int { return int(deg(a) - deg(b)) })
			order = append(order, nb...)
		}
	}
	return order
}

// distSums accumulates, per node, the distances from the sources that reached it (the
// sampled closeness and harmonic estimators).
type distSums struct {
	reach []float64 // number of sources that reached the node
	sum   []float64 // Σ d(s, v)
	harm  []float64 // Σ 1/d(s, v)
}

// brandes holds one worker's reusable buffers.
type brandes struct {
	k     *kernel
	st    []nodeState
	preds []int32 // node v's predecessors are preds[off[v] : off[v]+npred]
	order []int32 // nodes in the order they were settled
	heap  []heapItem
}

const (
	notInHeap = -1
	settled   = -2
)

type heapItem struct {
	key  float64
	node int32
}

func newBrandes(k *kernel) *brandes {
	b := &brandes{
		k:     k,
		st:    make([]nodeState, k.n),
		preds: make([]int32, len(k.arcs)),
		order: make([]int32, 0, k.n),
		heap:  make([]heapItem, 0, k.n),
	}
	for i := range b.st {
		b.st[i] = nodeState{dist: math.Inf(1), pos: notInHeap}
	}
	return b
}

// run is one Dijkstra + dependency accumulation from s (a kernel node). It adds srcWeight ×
// s's dependencies to acc (kernel numbering) and returns the number of nodes reached (s
// excluded), the sum of their distances and Σ 1/d. When ds is not nil, every reached node's
// distance from s is added to it.
func (b *brandes) run(s int32, srcWeight float64, acc []float64, ds *distSums) (reach int, sum, harm float64) {
	k := b.k
	off, arcs := k.off, k.arcs
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
				continue // longer (always the case for a settled node, but for near-zero lengths)
			}
			if alt < dw*lo { // strictly shorter, or first reached (dw = +Inf)
				if sw.pos == settled {
					continue
				}
				if dw == math.Inf(1) {
					b.push(w, alt)
				} else {
					b.up(int(sw.pos), heapItem{alt, w})
				}
				sw.dist = alt
				sw.sigma = sigv
				preds[off[w]] = v
				sw.npred = 1
				continue
			}
			if sw.pos == settled {
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
		st[v] = nodeState{dist: math.Inf(1), pos: notInHeap}
	}
	b.order = order
	return reach, sum, harm
}

// The heap is a 4-ary min-heap of kernel nodes keyed by distance, with decrease-key; a
// node's slot is in its state record (BenchmarkHeapArity measured 2-, 4- and 8-ary).
const heapArity = 4

func (b *brandes) up(i int, it heapItem) {
	h, st := b.heap, b.st
	for i > 0 {
		p := (i - 1) / heapArity
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

func (b *brandes) push(v int32, key float64) {
	b.heap = append(b.heap, heapItem{})
	b.up(len(b.heap)-1, heapItem{key, v})
}

func (b *brandes) pop() int32 {
	items, st := b.heap, b.st
	top := items[0].node
	last := len(items) - 1
	it := items[last]
	b.heap = items[:last]
	st[top].pos = settled
	if last == 0 {
		return top
	}
	// Move the hole at the root down to a leaf along the smallest children, then sift the
	// former last item up from there: fewer comparisons than a plain sift-down, since the
	// last item nearly always belongs near the bottom.
	i := 0
	for {
		c := heapArity*i + 1
		if c >= last {
			break
		}
		m := c
		mk := items[c].key
		end := min(c+heapArity, last)
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

// estimateCloseness estimates closeness and harmonic centrality from k sampled sources
// (Eppstein and Wang 2004; as in Cohen et al. 2014): since distances are symmetric, a
// sampled source s gives every node v its d(v, s). For a node v, let k_v be the number of
// sampled sources other than v, and scale = (n−1)/k_v. Then
//
//	harmonic(v) ≈ scale · Σ_{s sampled, s≠v, reached} 1/d(s, v)
//	r(v)        ≈ scale · (number of sampled sources ≠ v that reach v)
//	Σ d(v, ·)   ≈ scale · Σ_{s sampled, s≠v, reached} d(s, v)
//	closeness(v) ≈ (r/(n−1)) · (r/Σ d), 0 when no sampled source reaches v
//
// Each estimate of a sum is unbiased (every other node is a sampled source with the same
// probability k_v/(n−1)); the closeness, a ratio of two such sums, is consistent.
func estimateCloseness(k *kernel, ds *distSums, sources []int32) (closeness, harmonic []float64) {
	n := k.n
	closeness = make([]float64, n)
	harmonic = make([]float64, n)
	sampled := make([]bool, n)
	for _, s := range sources {
		sampled[s] = true
	}
	for v := 0; v < n; v++ {
		kv := len(sources)
		if sampled[v] {
			kv--
		}
		if kv <= 0 || n <= 1 {
			continue
		}
		kn := k.newOf[v]
		scale := float64(n-1) / float64(kv)
		harmonic[v] = scale * ds.harm[kn]
		r, sum := scale*ds.reach[kn], scale*ds.sum[kn]
		if r > 0 && sum > 0 {
			closeness[v] = (r / float64(n-1)) * (r / sum)
		}
	}
	return closeness, harmonic
}
