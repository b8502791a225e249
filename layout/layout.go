package layout

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/liaison-net/liaison/analysis"
)

// Point is a position in the plane.
type Point struct{ X, Y float64 }

// Layout places the nodes of x in the square [−1, 1]² for drawing, deterministically (the same
// index and seed give the same positions).
//
// Up to maxForce nodes (1,000) it is Fruchterman and Reingold's force-directed layout
// (1991): every pair repels with k²/d, every edge attracts with (w/w̄)·d²/k for k = √(area/n),
// for 300 iterations with a linearly cooling step, from seeded random positions. Larger graphs,
// where that O(n²) loop is too slow, are drawn by community: the communities (groups, as from
// analysis.Communities) sit on a circle in proportion to their size, their members on a
// smaller circle around each centre, in id order.
func Layout(x *analysis.Index, groups []int, seed uint64) []Point {
	const maxForce = 1000
	n := x.N
	pos := make([]Point, n)
	if n == 0 {
		return pos
	}
	if n == 1 {
		return pos
	}
	if n > maxForce {
		return groupCircles(n, groups)
	}
	rng := rand.New(rand.NewPCG(seed, 0x6c61796f7574))
	for i := range pos {
		pos[i] = Point{rng.Float64()*2 - 1, rng.Float64()*2 - 1}
	}
	meanW := 0.0
	for _, w := range x.W {
		meanW += w
	}
	if len(x.W) > 0 {
		meanW /= float64(len(x.W))
	}
	k := math.Sqrt(4 / float64(n))
	disp := make([]Point, n)
	const iters = 300
	for it := 0; it < iters; it++ {
		clear(disp)
		for u := 0; u < n; u++ {
			for v := u + 1; v < n; v++ {
				dx, dy := pos[u].X-pos[v].X, pos[u].Y-pos[v].Y
				d2 := dx*dx + dy*dy
				if d2 < 1e-12 {
					dx, dy, d2 = 1e-6*float64(u-v), 1e-6, 1e-12
				}
				f := k * k / d2 // (k²/d) / d: the unit vector folded in
				disp[u].X += dx * f
				disp[u].Y += dy * f
				disp[v].X -= dx * f
				disp[v].Y -= dy * f
			}
		}
		for u := 0; u < n; u++ {
			for p := x.Off[u]; p < x.Off[u+1]; p++ {
				v := int(x.Nbr[p])
				if v <= u {
					continue
				}
				dx, dy := pos[u].X-pos[v].X, pos[u].Y-pos[v].Y
				d := math.Sqrt(dx*dx + dy*dy)
				f := (x.W[p] / meanW) * d / k // (d²/k) / d
				disp[u].X -= dx * f
				disp[u].Y -= dy * f
				disp[v].X += dx * f
				disp[v].Y += dy * f
			}
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
	normalise(pos)
	return pos
}

// groupCircles puts each group's members on a circle around the group's place on a big circle.
func groupCircles(n int, groups []int) []Point {
	pos := make([]Point, n)
	members := map[int][]int{}
	var ids []int
	for v := 0; v < n; v++ {
		g := 0
		if groups != nil {
			g = groups[v]
		}
		if _, ok := members[g]; !ok {
			ids = append(ids, g)
		}
		members[g] = append(members[g], v)
	}
	slices.Sort(ids)
	start := 0.0
	for _, g := range ids {
		share := float64(len(members[g])) / float64(n)
		angle := 2 * math.Pi * (start + share/2)
		start += share
		cx, cy := math.Cos(angle), math.Sin(angle)
		r := math.Min(0.9, math.Sqrt(share))
		if len(ids) == 1 {
			cx, cy, r = 0, 0, 1
		}
		for i, v := range members[g] {
			a := 2 * math.Pi * float64(i) / float64(len(members[g]))
			pos[v] = Point{cx + r*math.Cos(a)*0.5, cy + r*math.Sin(a)*0.5}
		}
	}
	normalise(pos)
	return pos
}

// normalise scales and centres the points into [−1, 1]².
func normalise(pos []Point) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	span := math.Max(maxX-minX, maxY-minY)
	if span == 0 || math.IsInf(span, 0) {
		return
	}
	for i := range pos {
		pos[i] = Point{(2*(pos[i].X-minX) - (maxX - minX)) / span, (2*(pos[i].Y-minY) - (maxY - minY)) / span}
	}
}
