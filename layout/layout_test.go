package layout

import (
	"math"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

func indexOf(t *testing.T, ties string) *analysis.Index {
	t.Helper()
	d, err := graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: []byte("source,target,weight\n" + ties)}}, "t")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return analysis.NewIndex(l)
}

func TestLayoutDeterministicAndBounded(t *testing.T) {
	x := indexOf(t, "a,b,1\nb,c,1\nc,a,1\nc,d,1\nd,e,1\ne,f,1\nf,d,1\n")
	p1 := Layout(x, nil, 1)
	p2 := Layout(x, nil, 1)
	if !reflect.DeepEqual(p1, p2) {
		t.Fatal("layout differs between runs")
	}
	for i, p := range p1 {
		if p.X < -1-1e-9 || p.X > 1+1e-9 || p.Y < -1-1e-9 || p.Y > 1+1e-9 || math.IsNaN(p.X) {
			t.Errorf("node %d at %+v", i, p)
		}
	}
	// Tied nodes end up closer than untied ones: a–b (a triangle) against a–e (across).
	d := func(u, v int) float64 { return math.Hypot(p1[u].X-p1[v].X, p1[u].Y-p1[v].Y) }
	if !(d(0, 1) < d(0, 4)) {
		t.Errorf("a–b %.3f not closer than a–e %.3f", d(0, 1), d(0, 4))
	}
}
