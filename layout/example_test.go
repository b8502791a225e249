package layout_test

import (
	"context"
	"fmt"
	"log"
	"math"
	"slices"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/layout"
)

// Layout places every node of an analysed layer in [−1, 1]², grouped by the analysis's
// communities; the same index, groups and seed give the same drawing.
func ExampleLayout() {
	d, err := graphmodel.Load("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		log.Fatal(err)
	}
	groups := make([]int, len(r.Actors))
	for i, a := range r.Actors {
		groups[i] = int(a.Community)
	}
	x := analysis.NewIndex(r.View)
	pos := layout.Layout(x, groups, 1)
	inside := true
	for _, p := range pos {
		inside = inside && math.Abs(p.X) <= 1 && math.Abs(p.Y) <= 1
	}
	fmt.Println(len(pos), "points, all in the square:", inside)
	fmt.Println("the same again:", slices.Equal(pos, layout.Layout(x, groups, 1)))
	// Output:
	// 16 points, all in the square: true
	// the same again: true
}
