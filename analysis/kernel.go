package analysis

import (
	"math"
	"slices"
)

// The shortest-path kernel: the layer's CSR relabelled for locality, with each arc's
// neighbour and length in one record (4 bytes when packed, see codeBits; else 16) and each
// node's Dijkstra/Brandes state split by when it is touched, so that relaxing an arc reads
// one arc record in sequence.
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

// Packed arcs: when the layer has at most 256 distinct arc lengths and fewer than 2²⁴ nodes
// (integer weights, the common case, give lengths 1/w), each arc is one uint32, the head
// above the low 8 bits and the index of its length in a 256-entry table below them: 4 bytes
// per arc instead of 16. The table holds the exact float64 lengths, so every floating-point
// operation is the one of the 16-byte form.
const (
	codeBits  = 8
	maxCodes  = 1 << codeBits
	maxPacked = 1 << (32 - codeBits) // nodes
)

// kernel is the read-only graph of a shortest-path pass, shared by its workers.
type kernel struct {
	n   int
	off []int32
	// The arcs, in one of two forms: arcs (16-byte records), or packed with lens (see
	// codeBits); the other is nil.
	arcs   []arc
	packed []uint32
	lens   *[maxCodes]float64
	newOf  []int32 // layer node → kernel node
	oldOf  []int32 // kernel node → layer node
	// weight, when not nil, is each kernel node's weight as a target (Brandes' "1" per target
	// generalised, for the reductions); nil means 1 everywhere.
	weight []float64
}

// newKernel builds the kernel of x; relabel chooses the Cuthill–McKee order (BFS from a node
// of least degree, neighbours by ascending degree), else the layer's numbering is kept.
func newKernel(x *Index, relabel bool) *kernel {
	return newKernelForm(x, relabel, true)
}

// newKernelForm is newKernel; pack chooses packed arcs when the layer allows them.
func newKernelForm(x *Index, relabel, pack bool) *kernel {
	n := x.N
	k := &kernel{n: n, off: make([]int32, n+1)}
	var codes []uint8
	if pack {
		k.lens, codes = lengthCodes(x)
	}
	if k.lens != nil {
		k.packed = make([]uint32, len(x.Nbr))
	} else {
		k.arcs = make([]arc, len(x.Nbr))
	}
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
			if k.packed != nil {
				k.packed[p] = uint32(k.newOf[x.Nbr[q]])<<codeBits | uint32(codes[q])
			} else {
				k.arcs[p] = arc{len: x.Len[q], nbr: k.newOf[x.Nbr[q]]}
			}
			p++
		}
		k.off[nw+1] = p
	}
	return k
}

// lengthCodes returns the table of x's distinct arc lengths and each arc's index in it, or
// nil when the arcs cannot be packed (too many nodes or distinct lengths). Lengths are told
// apart by their bits, so the table gives back each arc's exact length.
func lengthCodes(x *Index) (*[maxCodes]float64, []uint8) {
	if x.N > maxPacked {
		return nil, nil
	}
	lens := new([maxCodes]float64)
	codeOf := make(map[uint64]uint8)
	codes := make([]uint8, len(x.Len))
	for q, l := range x.Len {
		bits := math.Float64bits(l)
		c, ok := codeOf[bits]
		if !ok {
			if len(codeOf) == maxCodes {
				return nil, nil
			}
			c = uint8(len(codeOf))
			codeOf[bits] = c
			lens[c] = l
		}
		codes[q] = c
	}
	return lens, codes
}

// arcList returns the arcs as 16-byte records, decoding packed ones (for the code that is
// not on the hot path).
func (k *kernel) arcList() []arc {
	if k.packed == nil {
		return k.arcs
	}
	arcs := make([]arc, len(k.packed))
	for p, a := range k.packed {
		arcs[p] = arc{len: k.lens[uint8(a)], nbr: int32(a >> codeBits)}
	}
	return arcs
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

// brandes holds one worker's reusable buffers: the per-node state of one source's pass, split
// by when it is touched. Every arc scan reads dist; a relaxation also touches the heap slot
// and the record (σ, predecessors); the heap's moves write only pos; the dependency pass
// reads and writes the records.
//
// A node's first predecessor is in its record; the others (ties, rare with real weights) are
// a list in more, newest first, so that a relaxation writes nothing outside the record and
// the list grows in sequence.
type brandes struct {
	k     *kernel
	dist  []float64 // +Inf when not reached
	pos   []int32   // heap slot, notInHeap or settled
	rec   []nodeRec
	more  []predLink // the predecessors after the first, as linked lists
	order []int32    // nodes in the order they were settled
	heap  heap
}

// nodeRec is a node's σ, dependency and predecessors during one source's pass.
type nodeRec struct {
	sigma float64 // number of shortest paths from the source
	delta float64 // Brandes dependency
	pred  int32   // first predecessor (none for the source)
	next  int32   // index in more of the next predecessor, or -1
}

// predLink is one predecessor in a node's list of further predecessors.
type predLink struct {
	v, next int32
}

const (
	notInHeap = -1
	settled   = -2
)

func newBrandes(k *kernel) *brandes {
	b := &brandes{
		k:     k,
		dist:  make([]float64, k.n),
		pos:   make([]int32, k.n),
		rec:   make([]nodeRec, k.n),
		order: make([]int32, 0, k.n),
	}
	b.heap.init(k.n, b.pos)
	for v := range b.dist {
		b.reset(int32(v))
	}
	return b
}

// reset returns node v's state to unreached.
func (b *brandes) reset(v int32) {
	b.dist[v] = math.Inf(1)
	b.pos[v] = notInHeap
	b.rec[v] = nodeRec{pred: -1, next: -1}
}

// predsOf appends w's predecessors to ps in the order they were found.
func (b *brandes) predsOf(w int32, ps []int32) []int32 {
	r := &b.rec[w]
	if r.pred < 0 {
		return ps
	}
	ps = append(ps, r.pred)
	start := len(ps)
	for e := r.next; e >= 0; e = b.more[e].next {
		ps = append(ps, b.more[e].v)
	}
	slices.Reverse(ps[start:])
	return ps
}

// start readies a pass from s: no further predecessors yet, s at distance 0 with one path,
// in the heap; it returns the settle order, emptied.
func (b *brandes) start(s int32) []int32 {
	b.more = b.more[:0]
	b.dist[s] = 0
	b.rec[s].sigma = 1
	b.heap.push(s, 0)
	return b.order[:0]
}

// run is one Dijkstra + dependency accumulation from s (a kernel node). It adds srcWeight ×
// s's dependencies to acc (kernel numbering) and returns the number of nodes reached (s
// excluded), the sum of their distances and Σ 1/d. When ds is not nil, every reached node's
// distance from s is added to it.
//
// The heap's operations (push, decrease-key, pop) are those of a plain 4-ary heap, in the
// same order, so nodes of equal distance are settled in the same order and every
// floating-point sum is taken in the same order as by the reference kernel
// (TestKernelMatchesReference). (The order in which a node's predecessors receive its
// share does not matter: each receives one term.)
func (b *brandes) run(s int32, srcWeight float64, acc []float64, ds *distSums) (reach int, sum, harm float64) {
	k := b.k
	rec := b.rec
	h := &b.heap
	order := b.start(s)
	for h.n > 0 {
		v, dv := h.pop()
		order = append(order, v)
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
		b.scan(v, dv)
	}
	weight := k.weight
	more := b.more
	// order[0] is s, which has no predecessor and no dependency to add.
	for i := len(order) - 1; i > 0; i-- {
		w := order[i]
		rw := &rec[w]
		var coeff float64
		if weight == nil {
			coeff = (1 + rw.delta) / rw.sigma
		} else {
			coeff = (weight[w] + rw.delta) / rw.sigma
		}
		rv := &rec[rw.pred]
		rv.delta += rv.sigma * coeff
		for e := rw.next; e >= 0; {
			l := more[e]
			rv := &rec[l.v]
			rv.delta += rv.sigma * coeff
			e = l.next
		}
		acc[w] += srcWeight * rw.delta
		// w is read no more: its predecessors were settled before it, so come later here.
		b.reset(w)
	}
	b.reset(s)
	b.order = order
	return reach, sum, harm
}

// scan relaxes the arcs of v, just settled at distance dv. The arcs that do not shorten nor
// tie a path (most of them) are skipped by a tight loop; the heap's sift-up is written out
// here rather than called, so that no call forces the loop's values out of registers.
func (b *brandes) scan(v int32, dv float64) {
	if b.k.packed != nil {
		b.scanPacked(v, dv)
		return
	}
	k := b.k
	arcs := k.arcs[k.off[v]:k.off[v+1]]
	dist, pos, rec := b.dist, b.pos, b.rec
	h := &b.heap
	items := h.items
	const lo = 1 - tieTolerance
	sigv := rec[v].sigma
	for p := skipLonger(arcs, 0, dv, dist); p < len(arcs); p = skipLonger(arcs, p+1, dv, dist) {
		a := arcs[p]
		w := a.nbr
		alt := dv + a.len
		dw := dist[w]
		i := pos[w]
		if i == settled {
			continue
		}
		rw := &rec[w]
		if alt < dw*lo { // strictly shorter, or first reached (dw = +Inf)
			if i == notInHeap {
				i = h.n
				h.n++
			}
			// Sift w up from slot i (a new leaf, or its slot, its key now smaller).
			ka := math.Float64bits(alt)
			for i > 0 {
				q := (i - 1) / heapArity
				it := items[q]
				if ka >= it.key {
					break
				}
				items[i] = it
				pos[it.node] = i
				i = q
			}
			items[i] = heapItem{ka, w}
			pos[w] = i
			dist[w] = alt
			rw.sigma = sigv
			rw.pred = v
			rw.next = -1
			continue
		}
		// Equal within the tolerance: another shortest path.
		rw.sigma += sigv
		b.more = append(b.more, predLink{v, rw.next})
		rw.next = int32(len(b.more) - 1)
	}
}

// scanPacked is scan on packed arcs: the same operations in the same order.
func (b *brandes) scanPacked(v int32, dv float64) {
	k := b.k
	arcs := k.packed[k.off[v]:k.off[v+1]]
	lens := k.lens
	dist, pos, rec := b.dist, b.pos, b.rec
	h := &b.heap
	items := h.items
	const lo = 1 - tieTolerance
	sigv := rec[v].sigma
	for p := skipLongerPacked(arcs, 0, dv, dist, lens); p < len(arcs); p = skipLongerPacked(arcs, p+1, dv, dist, lens) {
		a := arcs[p]
		w := int32(a >> codeBits)
		alt := dv + lens[uint8(a)]
		dw := dist[w]
		i := pos[w]
		if i == settled {
			continue
		}
		rw := &rec[w]
		if alt < dw*lo { // strictly shorter, or first reached (dw = +Inf)
			if i == notInHeap {
				i = h.n
				h.n++
			}
			ka := math.Float64bits(alt)
			for i > 0 {
				q := (i - 1) / heapArity
				it := items[q]
				if ka >= it.key {
					break
				}
				items[i] = it
				pos[it.node] = i
				i = q
			}
			items[i] = heapItem{ka, w}
			pos[w] = i
			dist[w] = alt
			rw.sigma = sigv
			rw.pred = v
			rw.next = -1
			continue
		}
		rw.sigma += sigv
		b.more = append(b.more, predLink{v, rw.next})
		rw.next = int32(len(b.more) - 1)
	}
}

// skipLongerPacked is skipLonger on packed arcs.
//
//go:noinline
func skipLongerPacked(arcs []uint32, p int, dv float64, dist []float64, lens *[maxCodes]float64) int {
	hi := tieHi
	for i, a := range arcs[p:] {
		if !(dv+lens[uint8(a)] > dist[a>>codeBits]*hi) {
			return p + i
		}
	}
	return len(arcs)
}

// skipLonger returns the first arc from p on that does not give a longer path than the head's
// distance (len(arcs) if none): alt = dv + length is not above dist·(1 + tolerance). Most
// arcs are longer (every arc to a settled node, but for near-zero lengths); this loop, kept
// out of line, holds its few values in registers.
//
//go:noinline
func skipLonger(arcs []arc, p int, dv float64, dist []float64) int {
	hi := tieHi
	for i, a := range arcs[p:] {
		if !(dv+a.len > dist[a.nbr]*hi) {
			return p + i
		}
	}
	return len(arcs)
}

// tieHi is 1 + tieTolerance, as a variable so that the compiler keeps it in a register.
var tieHi = 1 + tieTolerance

// heap is a 4-ary min-heap of nodes keyed by distance, with decrease-key; a node's slot is in
// pos (BenchmarkHeapArity measured 2-, 4- and 8-ary). The keys are the bits of the distances:
// distances are never negative nor NaN, and for those the unsigned order of the bits is the
// order of the numbers, which lets the compiler choose among children without branches.
// Slot i's children are 4i+1 … 4i+4.
type heap struct {
	items []heapItem
	n     int32
	pos   []int32
}

type heapItem struct {
	key  uint64 // math.Float64bits of the distance
	node int32
}

const heapArity = 4

func (h *heap) init(n int, pos []int32) {
	h.items = make([]heapItem, n)
	h.pos = pos
}

// up moves node v with key kv from slot i towards the root while its parent's key is larger.
func (h *heap) up(i int32, kv uint64, v int32) {
	items, pos := h.items, h.pos
	for i > 0 {
		q := (i - 1) / heapArity
		it := items[q]
		if kv >= it.key {
			break
		}
		items[i] = it
		pos[it.node] = i
		i = q
	}
	items[i] = heapItem{kv, v}
	pos[v] = i
}

func (h *heap) push(v int32, d float64) {
	h.n++
	h.up(h.n-1, math.Float64bits(d), v)
}

// pop removes the root and returns its node and distance. The hole at the root moves down to
// a leaf along the smallest children (the first of equal ones), then the former last item
// sifts up from there: fewer comparisons than a plain sift-down, since the last item nearly
// always belongs near the bottom.
func (h *heap) pop() (int32, float64) {
	items, pos := h.items, h.pos
	top := items[0]
	pos[top.node] = settled
	h.n--
	last := h.n
	if last == 0 {
		return top.node, math.Float64frombits(top.key)
	}
	tail := items[last]
	items = items[:last]
	i := uint(0)
	for {
		c := heapArity*i + 1
		if c+3 < uint(len(items)) {
			// Four children: the first smallest, by a tournament without branches.
			g := items[c : c+4 : c+4]
			k0, k1, k2, k3 := g[0].key, g[1].key, g[2].key, g[3].key
			x := b2u(k1 < k0)
			y := b2u(k3 < k2)
			z := b2u(min(k2, k3) < min(k0, k1))
			j := 2*z + (x ^ ((x ^ y) & -z))
			it := g[j&3]
			items[i] = it
			pos[it.node] = int32(i)
			i = c + j
			continue
		}
		if c >= uint(len(items)) {
			break
		}
		m, mk := c, items[c].key
		for j := c + 1; j < uint(len(items)); j++ {
			if items[j].key < mk {
				m, mk = j, items[j].key
			}
		}
		it := items[m]
		items[i] = it
		pos[it.node] = int32(i)
		i = m
	}
	h.up(int32(i), tail.key, tail.node)
	return top.node, math.Float64frombits(top.key)
}

// b2u is 1 for true, 0 for false (compiled without a branch).
func b2u(b bool) uint {
	if b {
		return 1
	}
	return 0
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
