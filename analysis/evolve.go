package analysis

import (
	"context"

	"github.com/liaison-net/liaison/graphmodel"
)

// YearPoint is one year of a data set's change over time.
type YearPoint struct {
	Year     int      `json:"year"`
	Actors   int      `json:"actors"`
	Edges    int      `json:"edges"`
	Density  float64  `json:"density"`
	Typology          // the four counts, inlined
	TopHubs  []string `json:"top_hubs"`
}

// Evolve analyses the layer lo of d at each of the years (lo.At is replaced) and returns one
// point a year: the layer's size and density, the typology counts and the top hubs.
func Evolve(ctx context.Context, d *graphmodel.Dataset, lo graphmodel.Options, o Options, years []int, top int) ([]YearPoint, error) {
	return evolve(ctx, d, lo, o, years, top, true, nil)
}

// Years lists the years from first to last (inclusive) every step years.
func Years(first, last, step int) []int {
	var ys []int
	for y := first; y <= last && step > 0; y += step {
		ys = append(ys, y)
	}
	return ys
}

// SeriesYears steps evenly through the years first…last, at most maxYears of them (the step is
// the smallest that fits): the years of the report's change over time.
func SeriesYears(first, last, maxYears int) []int {
	step := max(1, (last-first+1+maxYears-1)/maxYears)
	return Years(first, last, step)
}
