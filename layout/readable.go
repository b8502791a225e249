package layout

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Graph is a weighted undirected graph for Readable: n nodes and edges Src[i]–Dst[i] of
// weight W[i] > 0.
type Graph struct {
	N        int
	Src, Dst []int32
	W        []float64
}

// Readable places the nodes of g in [−1, 1]² for a drawing that reads at hundreds of nodes,
// deterministically for the same graph, radii and seed:
//
//  1. a force-directed layout (Fruchterman and Reingold's forces, attraction scaled by
//     log(1 + w/w̄) so that a few heavy ties do not collapse the drawing) with gravity
//     towards the centre, as ForceAtlas2's, so that disconnected components stay near the
//     rest instead of drifting to the edge; 300 iterations, linearly cooling, from seeded
//     random positions; above maxForce nodes, the circles of groups as Layout;
//  2. overlap removal: nodes of radius radius[u] (in the units of the square [−1, 1]², 0 for
//     none) are pushed apart pairwise until no two circles overlap (with a gap of pad),
//     at most 200 sweeps.
//
// The caller passes the edges to lay out by: for a dense graph, its backbone (Backbone), so
// that the structure shows instead of a hairball.
func Readable(g Graph, groups []int, radius []float64, pad float64, seed uint64) []Point {
	const maxForce = 1000
	n := g.N
	pos := make([]Point, n)
	if n <= 1 {
		return pos
	}
	if n > maxForce {
		pos = groupCircles(n, groups)
	} else {
		force(g, pos, seed)
	}
	normalise(pos)
	if radius != nil {
		// Normalising after a separation shrinks the distances a little: separate again, a
		// few rounds, until the circles fit.
		for round := 0; round < 8 && separate(pos, radius, pad); round++ {
			normalise(pos)
		}
		normalise(pos)
	}
	return pos
}

// gravityScale sets the pull towards the centre.
const gravityScale = 3.0

func force(g Graph, pos []Point, seed uint64) {
	n := g.N
	rng := rand.New(rand.NewPCG(seed, 0x72656164))
	for i := range pos {
		pos[i] = Point{rng.Float64()*2 - 1, rng.Float64()*2 - 1}
	}
	meanW := 0.0
	for _, w := range g.W {
		meanW += w
	}
	if len(g.W) > 0 {
		meanW /= float64(len(g.W))
	}
	k := math.Sqrt(4 / float64(n))
	gravity := gravityScale / k
	disp := make([]Point, n)
	const iters = 300
	for it := 0; it < iters; it++ {
		clear(disp)
		for u := 0; u < n; u++ {
			pu := pos[u]
			du := disp[u]
			for v := u + 1; v < n; v++ {
				dx, dy := pu.X-pos[v].X, pu.Y-pos[v].Y
				d2 := dx*dx + dy*dy
				if d2 < 1e-12 {
					dx, dy, d2 = 1e-6*float64(u-v), 1e-6, 1e-12
				}
				f := k * k / d2
				du.X += dx * f
				du.Y += dy * f
				disp[v].X -= dx * f
				disp[v].Y -= dy * f
			}
			disp[u] = du
		}
		for i := range g.Src {
			u, v := g.Src[i], g.Dst[i]
			dx, dy := pos[u].X-pos[v].X, pos[u].Y-pos[v].Y
			d := math.Sqrt(dx*dx + dy*dy)
			f := math.Log1p(g.W[i]/meanW) * d / k
			disp[u].X -= dx * f
			disp[u].Y -= dy * f
			disp[v].X += dx * f
			disp[v].Y += dy * f
		}
		for u := range pos {
			d := math.Hypot(pos[u].X, pos[u].Y)
			disp[u].X -= gravity * pos[u].X * d
			disp[u].Y -= gravity * pos[u].Y * d
		}
		step := 0.1 * (1 - float64(it)/iters)
		for u := range pos {
			d := math.Hypot(disp[u].X, disp[u].Y)
			if d > 0 {
				m := math.Min(d, step) / d
				pos[u].X += disp[u].X * m
				pos[u].Y += disp[u].Y * m
			}
		}
	}
}

// separate pushes overlapping circles apart: each sweep moves both circles of an overlapping
// pair half the overlap each along the line between their centres, on a grid of cells of the
// largest diameter (rebuilt each sweep, a counting sort into flat arrays) so that a sweep
// costs O(n) for spread-out nodes. It says whether it moved anything.
func separate(pos []Point, radius []float64, pad float64) bool {
	n := len(pos)
	maxR := slices.Max(radius)
	if maxR <= 0 {
		return false
	}
	cell := 2*maxR + pad
	moved := false
	cellOf := make([]int32, n)
	var start []int32
	members := make([]int32, n)
	for sweep := 0; sweep < 100; sweep++ {
		minX, minY := math.Inf(1), math.Inf(1)
		maxX, maxY := math.Inf(-1), math.Inf(-1)
		for _, p := range pos {
			minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
			minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
		}
		cols := int((maxX-minX)/cell) + 1
		rows := int((maxY-minY)/cell) + 1
		if cols*rows > 4*n+16 { // sparse: coarser cells, still correct (more pairs per cell)
			f := math.Sqrt(float64(cols*rows) / float64(4*n+16))
			cell *= f
			cols = int((maxX-minX)/cell) + 1
			rows = int((maxY-minY)/cell) + 1
		}
		start = slices.Grow(start[:0], cols*rows+1)[:cols*rows+1]
		clear(start)
		for u, p := range pos {
			c := int32(int((p.Y-minY)/cell)*cols + int((p.X-minX)/cell))
			cellOf[u] = c
			start[c+1]++
		}
		for c := 1; c < len(start); c++ {
			start[c] += start[c-1]
		}
		fill := slices.Clone(start)
		for u := range pos {
			members[fill[cellOf[u]]] = int32(u)
			fill[cellOf[u]]++
		}
		any := false
		for u := 0; u < n; u++ {
			cu := int(cellOf[u])
			cx, cy := cu%cols, cu/cols
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					x, y := cx+dx, cy+dy
					if x < 0 || y < 0 || x >= cols || y >= rows {
						continue
					}
					c := y*cols + x
					for _, v := range members[start[c]:start[c+1]] {
						if int(v) <= u {
							continue
						}
						want := radius[u] + radius[v] + pad
						ex, ey := pos[v].X-pos[u].X, pos[v].Y-pos[u].Y
						if ex >= want || ex <= -want || ey >= want || ey <= -want {
							continue
						}
						d := math.Hypot(ex, ey)
						if d >= want {
							continue
						}
						overlap := want - d
						if d < 1e-9 { // the same place: part them along a fixed direction
							ex, ey, d = math.Cos(float64(u)), math.Sin(float64(u)), 1
						}
						push := overlap / 2 / d
						pos[u].X -= ex * push
						pos[u].Y -= ey * push
						pos[v].X += ex * push
						pos[v].Y += ey * push
						any = true
					}
				}
			}
		}
		if !any {
			return moved
		}
		moved = true
	}
	return moved
}

// Overlaps counts the pairs of circles that overlap by more than tol (a check for tests).
func Overlaps(pos []Point, radius []float64, tol float64) int {
	c := 0
	for u := range pos {
		for v := u + 1; v < len(pos); v++ {
			if math.Hypot(pos[u].X-pos[v].X, pos[u].Y-pos[v].Y) < radius[u]+radius[v]-tol {
				c++
			}
		}
	}
	return c
}

// Backbone keeps the edges of g that the disparity filter of Serrano, Boguñá and Vespignani
// (2009) finds significant at level alpha for at least one end — for an end of degree k and
// strength s, an edge of weight w is significant when (1 − w/s)^(k−1) < alpha — and, so that
// no node is left without an edge, each node's heaviest edge (the first of equal ones). An end
// of degree 1 keeps its only edge. It returns whether each edge is kept.
func Backbone(g Graph, alpha float64) []bool {
	deg := make([]int, g.N)
	str := make([]float64, g.N)
	best := make([]int, g.N)
	for u := range best {
		best[u] = -1
	}
	for i := range g.Src {
		for _, u := range []int32{g.Src[i], g.Dst[i]} {
			deg[u]++
			str[u] += g.W[i]
			if b := best[u]; b < 0 || g.W[i] > g.W[b] {
				best[u] = i
			}
		}
	}
	keep := make([]bool, len(g.Src))
	for i := range g.Src {
		for _, u := range []int32{g.Src[i], g.Dst[i]} {
			if deg[u] <= 1 || math.Pow(1-g.W[i]/str[u], float64(deg[u]-1)) < alpha {
				keep[i] = true
			}
		}
	}
	for _, b := range best {
		if b >= 0 {
			keep[b] = true
		}
	}
	return keep
}
