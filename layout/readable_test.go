package layout

import (
	"fmt"
	"math"
	"reflect"
	"testing"
)

// A graph of two cliques joined by one edge, plus a detached pair: no circles overlap after
// Readable, the detached pair stays near the rest (gravity), and the same seed gives the same
// positions.
func TestReadableNoOverlapAndCompact(t *testing.T) {
	var g Graph
	add := func(u, v int32, w float64) { g.Src, g.Dst, g.W = append(g.Src, u), append(g.Dst, v), append(g.W, w) }
	for a := int32(0); a < 10; a++ {
		for b := a + 1; b < 10; b++ {
			add(a, b, 1)
			add(10+a, 10+b, 1)
		}
	}
	add(0, 10, 5)
	add(20, 21, 1)
	g.N = 22
	r := make([]float64, g.N)
	for i := range r {
		r[i] = 0.05 + 0.05*float64(i%3)
	}
	p := Readable(g, nil, r, 0.01, 1)
	if !reflect.DeepEqual(p, Readable(g, nil, r, 0.01, 1)) {
		t.Fatal("not deterministic")
	}
	if c := Overlaps(p, r, 1e-6); c != 0 {
		t.Errorf("%d overlapping pairs", c)
	}
	// Gravity keeps the detached pair nearer to the rest than Fruchterman–Reingold alone
	// (Layout) does, in the same square.
	near := func(p []Point) float64 {
		d := math.Inf(1)
		for u := 0; u < 20; u++ {
			d = math.Min(d, math.Hypot(p[u].X-p[20].X, p[u].Y-p[20].Y))
		}
		return d
	}
	fr := Layout(indexOf(t, cliquesAndPair()), nil, 1)
	if near(p) >= near(fr)*0.8 {
		t.Errorf("the detached pair is %.2f from the rest, %.2f without gravity", near(p), near(fr))
	}
	// Without overlap removal some circles of a clique overlap: the removal did the work.
	if c := Overlaps(Readable(g, nil, nil, 0, 1), r, 1e-6); c == 0 {
		t.Log("no overlap even without removal")
	}
}

// cliquesAndPair is the graph of TestReadableNoOverlapAndCompact as ties.csv rows, with
// node u named n<u> (ids sort as in the index: the test compares distances only).
func cliquesAndPair() string {
	s := ""
	for a := 0; a < 10; a++ {
		for b := a + 1; b < 10; b++ {
			s += fmt.Sprintf("n%02d,n%02d,1\nn%02d,n%02d,1\n", a, b, 10+a, 10+b)
		}
	}
	return s + "n00,n10,5\nn20,n21,1\n"
}

// The disparity filter on a star with one heavy spoke among light ones, and a triangle.
func TestBackbone(t *testing.T) {
	// Hub 0 with spokes to 1…10: weight 100 to node 1, 1 to the others. For the hub (k = 10,
	// s = 109): the heavy spoke has (1 − 100/109)^9 ≈ 1.4e-10 < 0.05, kept; a light spoke
	// (1 − 1/109)^9 ≈ 0.92, not significant for the hub, but for its leaf (degree 1) it is
	// the only edge: kept. So every spoke is kept here; add a second edge to each leaf, to
	// node 11, of weight 50, so that the light spokes are insignificant at both ends:
	// for a leaf (k = 2, s = 51) the light spoke has (1 − 1/51)^1 ≈ 0.98.
	var g Graph
	add := func(u, v int32, w float64) { g.Src, g.Dst, g.W = append(g.Src, u), append(g.Dst, v), append(g.W, w) }
	add(0, 1, 100)
	for v := int32(2); v <= 10; v++ {
		add(0, v, 1)
		add(v, 11, 50)
	}
	g.N = 12
	keep := Backbone(g, 0.05)
	if !keep[0] {
		t.Error("the heavy spoke was dropped")
	}
	for i := 1; i < len(g.Src); i += 2 {
		if keep[i] {
			t.Errorf("light spoke 0–%d kept", g.Dst[i])
		}
		if !keep[i+1] {
			t.Errorf("heavy edge %d–11 dropped", g.Src[i+1])
		}
	}
}
