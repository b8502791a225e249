package analysis

import (
	"context"
	"slices"
)

// Exact reductions of betweenness (Puzis, Elovici, Zilberman, Dolev and Brandes 2012,
// "Heuristics for speeding up betweenness centrality computation"; Sariyüce, Saule, Kaya and
// Çatalyürek 2013, "Shattering and compressing networks for betweenness centrality").
//
// Every shortest path between two nodes of a biconnected component (block) stays in the
// block, and a path between two nodes of different blocks runs through the articulation
// points that separate them. So, for a node v, the ordered-pair sum Σ_{s≠v≠t} σ_st(v)/σ_st is
//
//	Σ_B Σ_{x≠y∈B} W_B(x) · W_B(y) · σ^B_xy(v)/σ^B_xy   (v ∈ B, v ≠ x, y)
//	+ (number of ordered pairs s, t that v separates)    (v an articulation point)
//
// where W_B(x) = 1 + the number of nodes hanging off B at x (reached from x without entering
// B again; 0 unless x is an articulation point). The first sum is Brandes' accumulation run
// inside each block with every target y weighted by W_B(y) and every source x's dependencies
// by W_B(x); the second is (c−1)² − Σ_i c_i² for the sizes c_i of the parts that removing v
// leaves of its component of c nodes. A bridge is a block of two nodes, with no inner node:
// a tree hanging off the graph, and in particular every actor of degree 1, is folded into the
// W of its articulation point and costs no Dijkstra at all.

// block is one biconnected component.
type block struct {
	nodes  []int32   // layer nodes, ascending
	weight []float64 // W_B of each node, same order
}

// decomposition is the graph cut at its articulation points.
type decomposition struct {
	blocks []block
	// separated is, per node, the number of ordered pairs s, t (s, t ≠ v) of its component
	// whose every path runs through v (0 unless v is an articulation point).
	separated []float64
}

// biconnected splits x into blocks with an iterative Hopcroft–Tarjan depth-first search.
func biconnected(x *Index) *decomposition {
	n := x.N
	disc := make([]int32, n) // 0 = not visited, else discovery time + 1
	low := make([]int32, n)
	size := make([]int32, n)   // DFS subtree size
	hang := make([]float64, n) // nodes in child subtrees cut off at v (children c with low[c] ≥ disc[v])
	parent := make([]int32, n)
	next := make([]int32, n) // next arc to scan
	dec := &decomposition{separated: make([]float64, n)}
	sepSq := make([]float64, n) // Σ c_i² over the parts below v that v cuts off
	var stack []int32           // vertex stack of the current blocks
	var call []int32            // DFS call stack
	var comp []int32            // nodes of the current component
	type pending struct{ top, child int32 }
	var blocks []pending
	var members []int32
	for r := int32(0); r < int32(n); r++ {
		if disc[r] != 0 {
			continue
		}
		t := int32(0)
		comp = comp[:0]
		blocks = blocks[:0]
		members = members[:0]
		var blockMembers [][2]int // range in members of each pending block
		t++
		disc[r], low[r], size[r], parent[r], next[r] = t, t, 1, -1, x.Off[r]
		call = append(call[:0], r)
		stack = append(stack[:0], r)
		comp = append(comp, r)
		for len(call) > 0 {
			v := call[len(call)-1]
			if next[v] < x.Off[v+1] {
				w := x.Nbr[next[v]]
				next[v]++
				if disc[w] == 0 {
					t++
					disc[w], low[w], size[w], parent[w], next[w] = t, t, 1, v, x.Off[w]
					call = append(call, w)
					stack = append(stack, w)
					comp = append(comp, w)
				} else if w != parent[v] {
					low[v] = min(low[v], disc[w])
				}
				continue
			}
			call = call[:len(call)-1]
			p := parent[v]
			if p < 0 {
				continue
			}
			size[p] += size[v]
			low[p] = min(low[p], low[v])
			if low[v] >= disc[p] {
				// p is the top of a block: v's part of the stack, and p.
				start := len(members)
				for {
					u := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					members = append(members, u)
					if u == v {
						break
					}
				}
				members = append(members, p)
				blocks = append(blocks, pending{top: p, child: v})
				blockMembers = append(blockMembers, [2]int{start, len(members)})
				c := float64(size[v])
				hang[p] += c
				sepSq[p] += c * c
			}
		}
		c := float64(len(comp))
		for _, v := range comp {
			// The parts v cuts off: its cut-off child subtrees and, unless v is the root,
			// everything else above it.
			up := c - 1 - hang[v]
			sq := sepSq[v] + up*up
			if parts := (c - 1) * (c - 1); hang[v] > 0 {
				dec.separated[v] = parts - sq
			}
		}
		for i, pb := range blocks {
			rg := blockMembers[i]
			nodes := slices.Clone(members[rg[0]:rg[1]])
			slices.Sort(nodes)
			b := block{nodes: nodes, weight: make([]float64, len(nodes))}
			for j, u := range nodes {
				if u == pb.top {
					b.weight[j] = c - float64(size[pb.child]) // 1 + the nodes outside the child's subtree but u
				} else {
					b.weight[j] = 1 + hang[u]
				}
			}
			dec.blocks = append(dec.blocks, b)
		}
	}
	return dec
}

// BetweennessReduced is the exact betweenness of ShortestPaths (same normalisation), computed
// block by block on the biconnected components with the articulation points' corrections
// (see the comment at the top of reduce.go): equal to the plain pass up to rounding
// (TestReducedExact checks 1e-12), and far cheaper on sparse graphs with many leaves and
// articulation points. It gives neither closeness nor harmonic, which need every source.
func BetweennessReduced(ctx context.Context, x *Index, workers int) ([]float64, error) {
	n := x.N
	bc := make([]float64, n)
	if n <= 2 {
		return bc, nil
	}
	dec := biconnected(x)
	local := make([]int32, n) // layer node → block node, −1 outside the current block
	for i := range local {
		local[i] = -1
	}
	for _, b := range dec.blocks {
		if len(b.nodes) < 3 {
			continue // a bridge: no inner node
		}
		for j, u := range b.nodes {
			local[u] = int32(j)
		}
		k := blockKernel(x, b, local)
		w := workers
		if len(b.nodes) < 256 {
			w = 1
		}
		ps, err := k.pass(ctx, k.n, func(i int) int32 { return int32(i) }, func(i int) float64 { return b.weight[i] }, w, false, false, nil)
		if err != nil {
			return nil, err
		}
		for j, u := range b.nodes {
			bc[u] += ps.acc[j]
			local[u] = -1
		}
	}
	scale := 1 / (float64(n-1) * float64(n-2))
	for v := range bc {
		bc[v] = (bc[v] + dec.separated[v]) * scale
	}
	return bc, nil
}

// blockKernel is the kernel of one block: its nodes in b's order, each keeping its arcs to
// the block's other nodes in the layer's order.
func blockKernel(x *Index, b block, local []int32) *kernel {
	m := len(b.nodes)
	k := &kernel{n: m, off: make([]int32, m+1), weight: b.weight, newOf: make([]int32, m), oldOf: make([]int32, m)}
	for j, u := range b.nodes {
		k.newOf[j], k.oldOf[j] = int32(j), int32(j)
		for q := x.Off[u]; q < x.Off[u+1]; q++ {
			if l := local[x.Nbr[q]]; l >= 0 {
				k.arcs = append(k.arcs, arc{len: x.Len[q], nbr: l})
			}
		}
		k.off[j+1] = int32(len(k.arcs))
	}
	return k
}
