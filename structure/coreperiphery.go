package structure

import (
	"math"
	"slices"
)

// CorePeriphery is Borgatti and Everett's (1999) core–periphery structure of a graph's edges
// (unweighted, like the k-cores): the continuous coreness of each node and the discrete
// partition into a core and a periphery, each with its fit.
type CorePeriphery struct {
	// Coreness is the continuous model's c: the least-squares fit c_i·c_j ≈ a_ij over the
	// pairs i ≠ j (MINRES), scaled to unit Euclidean norm, ≥ 0.
	Coreness []float64
	// ContinuousFit is the Pearson correlation, over the unordered pairs i < j, between a_ij
	// and c_i·c_j; 0 when either has no variance.
	ContinuousFit float64
	Sweeps        int // coordinate-descent sweeps of the continuous fit
	// Core says which nodes are in the discrete model's core.
	Core []bool
	// DiscreteFit is the Pearson correlation, over the pairs inside the core and inside the
	// periphery (core–periphery pairs are left out, Borgatti and Everett's "missing"
	// off-diagonal blocks), between a_ij and the ideal pattern δ_ij (1 in the core, 0 in the
	// periphery); 0 when no partition with ≥ 2 core and ≥ 2 periphery nodes has a defined fit.
	DiscreteFit float64
	// Densities of the three blocks of the discrete partition (ties / possible pairs; 0 for
	// a block without pairs).
	CoreDensity, CrossDensity, PeripheryDensity float64
}

// CorePeripheryOf computes both models on g's edges (weights are ignored).
//
// Continuous: c minimises Σ_{i≠j} (a_ij − c_i c_j)² by Gauss–Seidel coordinate descent, each
// step the exact minimiser in one c_i given the rest, c_i = Σ_{j≠i} a_ij c_j / Σ_{j≠i} c_j²,
// from c = degree; the objective never rises, and the sweeps stop when no c_i changes by more
// than 1e-13 relative to the largest (or after 100,000 sweeps).
//
// Discrete: the nodes are taken in descending order of coreness (ties by node id), every
// prefix of ≥ 2 and ≤ n−2 nodes is tried as the core and the best kept, then single nodes are
// moved between core and periphery while a move raises the fit (the best move each time,
// ties by node id), at most maxMoves(n) moves. Each fit is O(1) from the edge counts of the
// blocks, kept up to date, so a move costs O(n + degree).
func CorePeripheryOf(g Graph) CorePeriphery {
	n := g.N
	out := CorePeriphery{Coreness: make([]float64, n), Core: make([]bool, n)}
	if n == 0 {
		return out
	}
	c := out.Coreness
	S := 0.0
	for u := 0; u < n; u++ {
		c[u] = float64(g.Degree(u))
		S += c[u] * c[u]
	}
	if S > 0 {
		norm := math.Sqrt(S)
		for u := range c {
			c[u] /= norm
		}
		S = 1
		for sweep := 1; sweep <= 100000; sweep++ {
			out.Sweeps = sweep
			maxDelta, maxC := 0.0, 0.0
			for u := 0; u < n; u++ {
				s := 0.0
				for _, v := range g.nbrs(u) {
					s += c[v]
				}
				rest := S - c[u]*c[u]
				nc := 0.0
				if rest > 0 {
					nc = s / rest
				}
				maxDelta = max(maxDelta, math.Abs(nc-c[u]))
				S = rest + nc*nc
				c[u] = nc
				maxC = max(maxC, nc)
			}
			S = 0 // recompute against drift
			for _, x := range c {
				S += x * x
			}
			if maxDelta <= 1e-13*maxC {
				break
			}
		}
		norm = math.Sqrt(S)
		for u := range c {
			c[u] /= norm
		}
	}
	out.ContinuousFit = continuousFit(g, c)
	out.discrete(g)
	return out
}

// continuousFit is the correlation of a_ij with c_i c_j over the pairs i < j, from sums over
// all pairs (Σ c_i c_j = ((Σc)² − Σc²)/2, and likewise for the squares) and over the edges.
func continuousFit(g Graph, c []float64) float64 {
	n := g.N
	N := float64(n) * float64(n-1) / 2
	if N == 0 {
		return 0
	}
	var sc, sc2, sc4 float64
	for _, x := range c {
		sc += x
		sc2 += x * x
		sc4 += x * x * x * x
	}
	sumP := (sc*sc - sc2) / 2    // Σ_{i<j} c_i c_j
	sumP2 := (sc2*sc2 - sc4) / 2 // Σ_{i<j} (c_i c_j)²
	sumA := float64(g.Edges())   // Σ a_ij (binary: Σ a² too)
	sumAP := 0.0
	for u := 0; u < n; u++ {
		for _, v := range g.nbrs(u) {
			if int(v) > u {
				sumAP += c[u] * c[v]
			}
		}
	}
	return pearson(N, sumA, sumA, sumP, sumP2, sumAP)
}

// pearson is the correlation of n pairs (x, y) from Σx, Σx², Σy, Σy², Σxy; 0 without variance.
func pearson(n, sx, sxx, sy, syy, sxy float64) float64 {
	vx := n*sxx - sx*sx
	vy := n*syy - sy*sy
	if !(vx > 0 && vy > 0) {
		return 0
	}
	return (n*sxy - sx*sy) / math.Sqrt(vx*vy)
}

// discreteFit is the fit of a partition with nc core nodes, eCC edges inside the core and
// ePP inside the periphery; ok is false when it is undefined.
func discreteFit(n, nc, eCC, ePP int) (float64, bool) {
	np := n - nc
	if nc < 2 || np < 2 {
		return 0, false
	}
	pc := float64(nc) * float64(nc-1) / 2
	pp := float64(np) * float64(np-1) / 2
	N := pc + pp
	sa := float64(eCC + ePP)
	vx := N*sa - sa*sa
	vy := N*pc - pc*pc
	if !(vx > 0 && vy > 0) {
		return 0, false
	}
	return (N*float64(eCC) - sa*pc) / math.Sqrt(vx*vy), true
}

// maxMoves bounds the single moves of the discrete search: each costs O(n), so at most
// 2·10⁷/n of them (10n on graphs of up to 1,414 nodes, 200 on 100,000), keeping the search
// within a second or so at any size.
func maxMoves(n int) int { return min(10*n, max(1, 20000000/n)) }

func (out *CorePeriphery) discrete(g Graph) {
	n := g.N
	if n < 4 {
		return
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	c := out.Coreness
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case c[a] > c[b]:
			return -1
		case c[a] < c[b]:
			return 1
		}
		return a - b
	})
	core := out.Core
	inCore := make([]int, n) // neighbours of each node in the core
	eCC, ePP := 0, g.Edges()
	bestFit, bestK, found := 0.0, 0, false
	for k := 1; k <= n-2; k++ {
		v := order[k-1] // v joins the core
		eCC += inCore[v]
		ePP -= g.Degree(v) - inCore[v]
		core[v] = true
		for _, w := range g.nbrs(v) {
			inCore[w]++
		}
		if f, ok := discreteFit(n, k, eCC, ePP); ok && (!found || f > bestFit+1e-12) {
			bestFit, bestK, found = f, k, true
		}
	}
	if !found {
		clear(core)
		return
	}
	clear(core)
	clear(inCore)
	eCC, ePP = 0, g.Edges()
	nc := 0
	flip := func(v int) {
		if core[v] {
			eCC -= inCore[v]
			ePP += g.Degree(v) - inCore[v]
			core[v] = false
			nc--
			for _, w := range g.nbrs(v) {
				inCore[w]--
			}
		} else {
			eCC += inCore[v]
			ePP -= g.Degree(v) - inCore[v]
			core[v] = true
			nc++
			for _, w := range g.nbrs(v) {
				inCore[w]++
			}
		}
	}
	for _, v := range order[:bestK] {
		flip(v)
	}
	for iter := 0; iter < maxMoves(n); iter++ {
		bv, bf := -1, bestFit
		for v := 0; v < n; v++ {
			var f float64
			var ok bool
			if core[v] {
				f, ok = discreteFit(n, nc-1, eCC-inCore[v], ePP+g.Degree(v)-inCore[v])
			} else {
				f, ok = discreteFit(n, nc+1, eCC+inCore[v], ePP-(g.Degree(v)-inCore[v]))
			}
			if ok && f > bf+1e-12 {
				bv, bf = v, f
			}
		}
		if bv < 0 {
			break
		}
		flip(bv)
		bestFit = bf
	}
	out.DiscreteFit = bestFit
	np := n - nc
	eCP := g.Edges() - eCC - ePP
	if nc >= 2 {
		out.CoreDensity = float64(eCC) / (float64(nc) * float64(nc-1) / 2)
	}
	if nc > 0 && np > 0 {
		out.CrossDensity = float64(eCP) / (float64(nc) * float64(np))
	}
	if np >= 2 {
		out.PeripheryDensity = float64(ePP) / (float64(np) * float64(np-1) / 2)
	}
}
