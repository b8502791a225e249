package analysis

// Strength returns Σ_v w(u,v) for every node u.
func Strength(x *Index) []float64 {
	s := make([]float64, x.N)
	for u := 0; u < x.N; u++ {
		for p := x.Off[u]; p < x.Off[u+1]; p++ {
			s[u] += x.W[p]
		}
	}
	return s
}

// CoreNumbers returns the k-core number of every node, ignoring weights: the largest k such
// that the node belongs to a subgraph in which every node has degree ≥ k (Batagelj and
// Zaversnik's O(m) bucket algorithm). It gives the same numbers as gonum's
// topo.DegeneracyOrdering (a test checks it), 37 times faster on a 5,000-node random graph
// here (1.9 ms against 71 ms; BenchmarkGonum).
func CoreNumbers(x *Index) []int {
	core, _ := cores(x)
	return core
}

// DegeneracyOrder returns the nodes in the order the k-core peeling removes them: every node
// has at most d later neighbours, d being the graph's degeneracy (its largest core number).
func DegeneracyOrder(x *Index) []int32 {
	_, order := cores(x)
	return order
}

// cores is Batagelj and Zaversnik's bucket algorithm: core numbers and peeling order.
func cores(x *Index) ([]int, []int32) {
	n := x.N
	deg := make([]int, n)
	maxDeg := 0
	for u := 0; u < n; u++ {
		deg[u] = x.Degree(u)
		maxDeg = max(maxDeg, deg[u])
	}
	bin := make([]int, maxDeg+2)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := 0; d <= maxDeg; d++ {
		c := bin[d]
		bin[d] = start
		start += c
	}
	pos := make([]int, n)
	vert := make([]int32, n)
	for u := 0; u < n; u++ {
		pos[u] = bin[deg[u]]
		vert[pos[u]] = int32(u)
		bin[deg[u]]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	bin[0] = 0
	for i := 0; i < n; i++ {
		v := vert[i]
		for p := x.Off[v]; p < x.Off[v+1]; p++ {
			u := x.Nbr[p]
			if deg[u] > deg[v] {
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if u != w {
					pos[u], pos[w] = pw, pu
					vert[pu], vert[pw] = w, u
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg, vert
}

// Clustering returns the unweighted local clustering coefficient of every node:
// 2T(u) / (d(u)(d(u)−1)) where T(u) is the number of triangles through u; 0 when d(u) < 2.
func Clustering(x *Index) []float64 {
	n := x.N
	c := make([]float64, n)
	mark := make([]int32, n) // mark[v] == u+1 when v is a neighbour of u
	for u := 0; u < n; u++ {
		d := x.Degree(u)
		if d < 2 {
			continue
		}
		tag := int32(u + 1)
		for p := x.Off[u]; p < x.Off[u+1]; p++ {
			mark[x.Nbr[p]] = tag
		}
		links := 0 // each triangle through u is seen twice, once from each of its other nodes
		for p := x.Off[u]; p < x.Off[u+1]; p++ {
			v := x.Nbr[p]
			for q := x.Off[v]; q < x.Off[v+1]; q++ {
				if mark[x.Nbr[q]] == tag {
					links++
				}
			}
		}
		c[u] = float64(links) / float64(d*(d-1))
	}
	return c
}

// StructuralHoles returns Burt's constraint and effective size of every node, on weights,
// as NetworkX's constraint and effective_size with weight (undirected graph):
//
//	p(u,v)  = w(u,v) / Σ_k w(u,k)                      (proportional tie strength)
//	m(u,v)  = w(u,v) / max_k w(u,k)                    (marginal strength)
//	c(u)    = Σ_{v∈N(u)} ( p(u,v) + Σ_{q∈N(u)∩N(v)} p(u,q)·p(q,v) )²
//	es(u)   = Σ_{v∈N(u)} ( 1 − Σ_{q∈N(u)∩N(v)} p(u,q)·m(v,q) )
//
// An isolated node, for which both are undefined (NetworkX gives NaN), gets 0.
func StructuralHoles(x *Index, strength []float64) (constraint, effSize []float64) {
	n := x.N
	constraint = make([]float64, n)
	effSize = make([]float64, n)
	maxW := make([]float64, n)
	for u := 0; u < n; u++ {
		for p := x.Off[u]; p < x.Off[u+1]; p++ {
			maxW[u] = max(maxW[u], x.W[p])
		}
	}
	pu := make([]float64, n) // p(u,q) for q ∈ N(u), 0 elsewhere
	for u := 0; u < n; u++ {
		if x.Degree(u) == 0 {
			continue
		}
		for p := x.Off[u]; p < x.Off[u+1]; p++ {
			pu[x.Nbr[p]] = x.W[p] / strength[u]
		}
		c, es := 0.0, 0.0
		for p := x.Off[u]; p < x.Off[u+1]; p++ {
			v := x.Nbr[p]
			indirect, redundancy := 0.0, 0.0
			for q := x.Off[v]; q < x.Off[v+1]; q++ {
				k := x.Nbr[q]
				if puk := pu[k]; puk != 0 {
					indirect += puk * x.W[q] / strength[k]
					redundancy += puk * x.W[q] / maxW[v]
				}
			}
			t := pu[v] + indirect
			c += t * t
			es += 1 - redundancy
		}
		constraint[u], effSize[u] = c, es
		for p := x.Off[u]; p < x.Off[u+1]; p++ {
			pu[x.Nbr[p]] = 0
		}
	}
	return constraint, effSize
}
