package structure

import (
	"fmt"
	"math"
)

// Distance methods of StructuralDistances, named as in R sna's sedist.
const (
	Hamming   = "hamming"
	Euclidean = "euclidean"
)

// StructuralDistances returns the structural-equivalence distances between every two nodes
// of g (n×n, row-major, 0 on the diagonal), as R sna's sedist computes them on the graph's
// symmetric valued adjacency matrix A (weights W; 1 for every edge when W is nil or binary
// is set) with the diagonal left out: each node's profile is its row and its column, and the
// entries of nodes i and j themselves are skipped, so for symmetric A
//
//	hamming:   d_ij = 2 Σ_{k≠i,j} |a_ik − a_jk|
//	euclidean: d_ij = √(2 Σ_{k≠i,j} (a_ik − a_jk)²)
//
// computed from the sparse rows: Σ_k |a_ik − a_jk| = s_i + s_j − 2a_ij − 2 Σ_k min(a_ik, a_jk)
// (s the row sums) and likewise with squares and products, in O(n² + Σ_k deg(k)²).
func StructuralDistances(g Graph, method string, binary bool) ([]float64, error) {
	if method != Hamming && method != Euclidean {
		return nil, fmt.Errorf("structure: distance method %q: want %s or %s", method, Hamming, Euclidean)
	}
	n := g.N
	w := func(q int32) float64 {
		if binary || g.W == nil {
			return 1
		}
		return g.W[q]
	}
	s := make([]float64, n) // row sums (hamming) or sums of squares (euclidean)
	for u := 0; u < n; u++ {
		for q := g.Off[u]; q < g.Off[u+1]; q++ {
			x := w(q)
			if method == Euclidean {
				x *= x
			}
			s[u] += x
		}
	}
	d := make([]float64, n*n)
	common := make([]float64, n) // Σ_k min(a_ik, a_jk) or Σ_k a_ik a_jk, for the current i
	direct := make([]float64, n) // a_ij for the current i
	for i := 0; i < n; i++ {
		clear(common)
		clear(direct)
		for q := g.Off[i]; q < g.Off[i+1]; q++ {
			k, aik := g.Nbr[q], w(q)
			direct[k] = aik
			for r := g.Off[k]; r < g.Off[k+1]; r++ {
				j, ajk := g.Nbr[r], w(r)
				if int(j) == i {
					continue
				}
				if method == Hamming {
					common[j] += math.Min(aik, ajk)
				} else {
					common[j] += aik * ajk
				}
			}
		}
		for j := i + 1; j < n; j++ {
			a := direct[j]
			var v float64
			if method == Hamming {
				v = 2 * (s[i] + s[j] - 2*a - 2*common[j])
			} else {
				v = math.Sqrt(max(0, 2*(s[i]+s[j]-2*a*a-2*common[j])))
			}
			v = max(v, 0)
			d[i*n+j], d[j*n+i] = v, v
		}
	}
	return d, nil
}

// Dendrogram is a hierarchical clustering in R's hclust form: Merge[s] joins two clusters at
// step s, each −(node+1) for a single node or t+1 for the cluster formed at step t; Height[s]
// is the distance at which it was formed; Order lists the nodes in the dendrogram's order.
type Dendrogram struct {
	Merge  [][2]int
	Height []float64
	Order  []int
}

// CompleteLinkage clusters n nodes with distances d (n×n, row-major, symmetric) by complete
// linkage, with R's hclust algorithm (Murtagh's stored-matrix method with nearest-neighbour
// lists) so that its choices among equal distances are R's: the nearest neighbour of i is the
// first j > i at the least distance, the pair merged is that of the first i with the least
// nearest-neighbour distance, and the merged cluster keeps the lower index. d is not changed.
func CompleteLinkage(d []float64, n int) Dendrogram {
	out := Dendrogram{}
	if n < 2 {
		if n == 1 {
			out.Order = []int{0}
		}
		return out
	}
	diss := make([]float64, len(d))
	copy(diss, d)
	flag := make([]bool, n)
	for i := range flag {
		flag[i] = true
	}
	nn := make([]int, n)
	disnn := make([]float64, n)
	inf := math.Inf(1)
	for i := 0; i < n-1; i++ {
		dmin, jm := inf, -1
		for j := i + 1; j < n; j++ {
			if diss[i*n+j] < dmin {
				dmin, jm = diss[i*n+j], j
			}
		}
		if jm < 0 { // every distance infinite: R's Fortran keeps the last JM; take i+1
			jm = i + 1
		}
		nn[i], disnn[i] = jm, dmin
	}
	ia := make([]int, n-1)
	ib := make([]int, n-1)
	crit := make([]float64, n-1)
	for step := 0; step < n-1; step++ {
		dmin, im, jm := inf, -1, -1
		for i := 0; i < n-1; i++ {
			if flag[i] && disnn[i] < dmin {
				dmin, im, jm = disnn[i], i, nn[i]
			}
		}
		if im < 0 { // only infinite distances left: the first two active clusters
			for i := 0; i < n && jm < 0; i++ {
				if flag[i] {
					if im < 0 {
						im = i
					} else {
						jm = i
					}
				}
			}
			dmin = inf
		}
		i2, j2 := min(im, jm), max(im, jm)
		ia[step], ib[step], crit[step] = i2, j2, dmin
		flag[j2] = false
		dmin, jj := inf, -1
		for k := 0; k < n; k++ {
			if !flag[k] || k == i2 {
				continue
			}
			v := math.Max(diss[i2*n+k], diss[j2*n+k])
			diss[i2*n+k], diss[k*n+i2] = v, v
			if i2 < k && v < dmin {
				dmin, jj = v, k
			}
		}
		if jj >= 0 {
			nn[i2], disnn[i2] = jj, dmin
		} else {
			disnn[i2] = inf
		}
		for i := 0; i < n-1; i++ {
			if flag[i] && (nn[i] == i2 || nn[i] == j2) {
				dmin, jj := inf, -1
				for j := i + 1; j < n; j++ {
					if flag[j] && diss[i*n+j] < dmin {
						dmin, jj = diss[i*n+j], j
					}
				}
				if jj >= 0 {
					nn[i], disnn[i] = jj, dmin
				} else {
					disnn[i] = inf
				}
			}
		}
	}
	out.Merge, out.Order = hcass2(n, ia, ib)
	out.Height = crit
	return out
}

// hcass2 turns the merges of clusters named by their lowest node (ia < ib) into R's merge
// matrix and the dendrogram order (R's HCASS2).
func hcass2(n int, ia, ib []int) ([][2]int, []int) {
	iia := make([]int, n-1)
	iib := make([]int, n-1)
	for i := range ia {
		iia[i], iib[i] = -(ia[i] + 1), -(ib[i] + 1)
	}
	for i := 0; i < n-2; i++ {
		k := min(ia[i], ib[i])
		for j := i + 1; j < n-1; j++ {
			if ia[j] == k {
				iia[j] = i + 1
			}
			if ib[j] == k {
				iib[j] = i + 1
			}
		}
	}
	for i := range iia {
		if iia[i] > 0 && iib[i] < 0 {
			iia[i], iib[i] = iib[i], iia[i]
		}
		if iia[i] > 0 && iib[i] > 0 {
			k1, k2 := min(iia[i], iib[i]), max(iia[i], iib[i])
			iia[i], iib[i] = k1, k2
		}
	}
	merge := make([][2]int, n-1)
	for i := range merge {
		merge[i] = [2]int{iia[i], iib[i]}
	}
	// The order: expand the last merge depth first.
	order := make([]int, 0, n)
	var expand func(c int)
	expand = func(c int) {
		if c < 0 {
			order = append(order, -c-1)
			return
		}
		expand(merge[c-1][0])
		expand(merge[c-1][1])
	}
	expand(n - 1)
	return merge, order
}

// CutTree cuts the dendrogram into k clusters (1 ≤ k ≤ n): the clusters after the first n−k
// merges, numbered 0…k−1 in the order of their first node, as R's cutree numbers them (from 1).
func CutTree(dg Dendrogram, n, k int) []int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	rep := make([]int, n) // the node representing each step's cluster
	for s := 0; s < n-k; s++ {
		node := func(c int) int {
			if c < 0 {
				return -c - 1
			}
			return rep[c-1]
		}
		a, b := find(node(dg.Merge[s][0])), find(node(dg.Merge[s][1]))
		parent[b] = a
		rep[s] = a
	}
	label := map[int]int{}
	out := make([]int, n)
	for u := 0; u < n; u++ {
		r := find(u)
		if _, ok := label[r]; !ok {
			label[r] = len(label)
		}
		out[u] = label[r]
	}
	return out
}

// BlockImage is the blockmodel's image matrix: for blocks p and q, the mean of a_ij over the
// nodes i of p and j of q, i ≠ j (R sna's blockmodel with block.content "density" and the
// diagonal left out); NaN for a block of one node with itself. A's entries are g's weights
// (1 when W is nil or binary is set). It also returns each block's size.
func BlockImage(g Graph, of []int, k int, binary bool) ([][]float64, []int) {
	size := make([]int, k)
	for _, b := range of {
		size[b]++
	}
	sum := make([][]float64, k)
	for p := range sum {
		sum[p] = make([]float64, k)
	}
	for u := 0; u < g.N; u++ {
		for q := g.Off[u]; q < g.Off[u+1]; q++ {
			x := 1.0
			if !binary && g.W != nil {
				x = g.W[q]
			}
			sum[of[u]][of[g.Nbr[q]]] += x
		}
	}
	for p := 0; p < k; p++ {
		for q := 0; q < k; q++ {
			cells := float64(size[p]) * float64(size[q])
			if p == q {
				cells = float64(size[p]) * float64(size[p]-1)
			}
			if cells == 0 {
				sum[p][q] = math.NaN()
			} else {
				sum[p][q] /= cells
			}
		}
	}
	return sum, size
}

// PositionsOptions tune Positions.
type PositionsOptions struct {
	Method string // Hamming (default) or Euclidean
	Blocks int    // the number of positions (blocks) to cut the dendrogram into (default 3)
	Binary bool   // use 0/1 ties instead of the weights
}

// PositionsResult is a structural-equivalence blockmodel of a graph whose nodes are named by
// IDs (the JSON of liaison positions).
type PositionsResult struct {
	Method  string `json:"method"`
	Linkage string `json:"linkage"` // always "complete"
	Binary  bool   `json:"binary"`
	Blocks  int    `json:"blocks"`
	// Positions: each node's block (1…Blocks), in node order.
	Positions []NodeBlock `json:"positions"`
	// Members of each block, in node order.
	Members [][]string `json:"members"`
	// Image is the image matrix: the density (mean tie value, self-pairs left out) of each
	// block pair; null for a block of one node with itself.
	Image [][]*float64 `json:"image"`
	// Merges of the dendrogram, R's hclust form (negative: −(node+1) in Order's ids… see
	// Dendrogram), with their heights, and the dendrogram's order of the nodes.
	Merge  [][2]int  `json:"merge"`
	Height []float64 `json:"height"`
	Order  []string  `json:"order"`
}

// NodeBlock is one node's block.
type NodeBlock struct {
	ID    string `json:"id"`
	Block int    `json:"block"`
}

// Positions computes the structural-equivalence distances of g, clusters them by complete
// linkage and cuts the dendrogram into o.Blocks blocks, then computes the image matrix: R
// sna's equiv.clust and blockmodel (sedist, hclust, cutree) on the graph's valued adjacency
// matrix.
func Positions(g Graph, ids []string, o PositionsOptions) (*PositionsResult, error) {
	if o.Method == "" {
		o.Method = Hamming
	}
	if o.Blocks == 0 {
		o.Blocks = 3
	}
	n := g.N
	if o.Blocks < 1 || o.Blocks > n {
		return nil, fmt.Errorf("structure: %d blocks of %d nodes: want 1 to %d", o.Blocks, n, n)
	}
	d, err := StructuralDistances(g, o.Method, o.Binary)
	if err != nil {
		return nil, err
	}
	dg := CompleteLinkage(d, n)
	of := CutTree(dg, n, o.Blocks)
	img, _ := BlockImage(g, of, o.Blocks, o.Binary)
	out := &PositionsResult{Method: o.Method, Linkage: "complete", Binary: o.Binary, Blocks: o.Blocks,
		Positions: make([]NodeBlock, n), Members: make([][]string, o.Blocks), Image: make([][]*float64, o.Blocks),
		Merge: dg.Merge, Height: dg.Height, Order: make([]string, len(dg.Order))}
	if out.Merge == nil {
		out.Merge, out.Height = [][2]int{}, []float64{}
	}
	for u, b := range of {
		out.Positions[u] = NodeBlock{ID: ids[u], Block: b + 1}
		out.Members[b] = append(out.Members[b], ids[u])
	}
	for p := range img {
		out.Image[p] = make([]*float64, o.Blocks)
		for q, v := range img[p] {
			if !math.IsNaN(v) {
				out.Image[p][q] = &v
			}
		}
	}
	for i, u := range dg.Order {
		out.Order[i] = ids[u]
	}
	return out, nil
}
