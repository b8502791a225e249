package analysis

import (
	"context"
	"fmt"

	"github.com/liaison-net/liaison/graphmodel"
)

// EvolveEach is Evolve that also hands each year's whole analysis to each (when not nil), in
// the order of years, before the next year is analysed: the report's year slider and the
// dynamic GEXF read the per-year layers, classes and hub scores from the same per-period view
// (Dataset.Layer with At = the year) and the same options as the change over time.
func EvolveEach(ctx context.Context, d *graphmodel.Dataset, lo graphmodel.Options, o Options, years []int, top int, each func(year int, r *Result) error) ([]YearPoint, error) {
	return evolve(ctx, d, lo, o, years, top, false, each)
}

// evolve is Evolve and EvolveEach: noProvenance leaves out the provenance findings, which
// the series does not show.
func evolve(ctx context.Context, d *graphmodel.Dataset, lo graphmodel.Options, o Options, years []int, top int, noProvenance bool, each func(year int, r *Result) error) ([]YearPoint, error) {
	var out []YearPoint
	for i, y := range years {
		if o.Progress != nil {
			o.Progress("years", i, len(years))
		}
		lo.At = y
		l, err := d.Layer(lo)
		if err != nil {
			return nil, err
		}
		yo := o
		yo.Progress, yo.noProvenance = nil, noProvenance
		r, err := Analyze(ctx, l, yo)
		if err != nil {
			return nil, fmt.Errorf("%d: %w", y, err)
		}
		p := YearPoint{Year: y, Actors: l.Len(), Edges: l.EdgeCount(), Density: l.Density(), Typology: r.Typology, TopHubs: []string{}}
		for _, h := range r.Hubs[:min(top, len(r.Hubs))] {
			p.TopHubs = append(p.TopHubs, h.ID)
		}
		out = append(out, p)
		if each != nil {
			if err := each(y, r); err != nil {
				return nil, fmt.Errorf("%d: %w", y, err)
			}
		}
	}
	return out, nil
}
