package analysis

import "math"

// Eigenvector returns the principal eigenvector of the weighted adjacency matrix A, with unit
// Euclidean norm and non-negative entries, by power iteration on A + I (the shift keeps the
// iteration from oscillating on bipartite graphs and does not change the eigenvectors).
// It stops when no entry moves by more than tol (1e-14 when tol ≤ 0) or after maxIter
// iterations (10,000 when ≤ 0).
//
// On a disconnected graph the principal eigenvector lives on the component with the largest
// leading eigenvalue; every other node gets 0 (as NetworkX's eigenvector_centrality_numpy).
// When several components share the largest eigenvalue, the iteration, started from the
// uniform vector, keeps each of them in proportion to its Perron vector's weight of the
// start. A graph without edges gives the uniform vector 1/√n.
func Eigenvector(x *Index, tol float64, maxIter int) []float64 {
	if tol <= 0 {
		tol = 1e-14
	}
	if maxIter <= 0 {
		maxIter = 10000
	}
	n := x.N
	v := make([]float64, n)
	next := make([]float64, n)
	for i := range v {
		v[i] = 1 / math.Sqrt(float64(n))
	}
	for it := 0; it < maxIter; it++ {
		norm := 0.0
		for u := 0; u < n; u++ {
			s := v[u]
			for p := x.Off[u]; p < x.Off[u+1]; p++ {
				s += x.W[p] * v[x.Nbr[p]]
			}
			next[u] = s
			norm += s * s
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			break
		}
		diff := 0.0
		for u := range next {
			next[u] /= norm
			diff = max(diff, math.Abs(next[u]-v[u]))
		}
		v, next = next, v
		if diff < tol {
			break
		}
	}
	return v
}

// PageRank returns the PageRank of every node with damping d (0.85 in the contract): a
// random walk that follows an edge with probability proportional to its weight, and with
// probability 1−d (or always, from a node without edges) jumps to a node chosen uniformly:
//
//	PR(v) = (1−d)/n + d·( Σ_{u∈N(v)} PR(u)·w(u,v)/s(u) + Σ_{u: s(u)=0} PR(u)/n )
//
// It iterates from the uniform vector until the L1 change is below n·tol (1e-15 when
// tol ≤ 0), or maxIter iterations (10,000 when ≤ 0), and returns a vector summing to 1.
func PageRank(x *Index, strength []float64, d, tol float64, maxIter int) []float64 {
	if tol <= 0 {
		tol = 1e-15
	}
	if maxIter <= 0 {
		maxIter = 10000
	}
	n := x.N
	if n == 0 {
		return nil
	}
	pr := make([]float64, n)
	next := make([]float64, n)
	out := make([]float64, n) // PR(u)/s(u)
	for i := range pr {
		pr[i] = 1 / float64(n)
	}
	for it := 0; it < maxIter; it++ {
		dangling := 0.0
		for u := 0; u < n; u++ {
			if strength[u] == 0 {
				dangling += pr[u]
				out[u] = 0
			} else {
				out[u] = pr[u] / strength[u]
			}
		}
		base := (1-d)/float64(n) + d*dangling/float64(n)
		diff := 0.0
		for v := 0; v < n; v++ {
			s := 0.0
			for p := x.Off[v]; p < x.Off[v+1]; p++ {
				s += x.W[p] * out[x.Nbr[p]]
			}
			next[v] = base + d*s
			diff += math.Abs(next[v] - pr[v])
		}
		pr, next = next, pr
		if diff < float64(n)*tol {
			break
		}
	}
	sum := 0.0
	for _, p := range pr {
		sum += p
	}
	for i := range pr {
		pr[i] /= sum
	}
	return pr
}
