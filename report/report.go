package report

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/export"
	"github.com/liaison-net/liaison/graphmodel"
)

// Report is everything the report shows, computed once; the HTML and Markdown writers only
// format it.
type Report struct {
	Title    string
	Data     *graphmodel.Dataset
	Layer    *graphmodel.Layer
	Result   *analysis.Result
	First    string // the data set's time span ("" without times)
	Last     string
	Layers   []LayerCount         // counts of the three layers in the period
	Series   []analysis.YearPoint // change over time; empty without times or with --at
	Pictures Pictures
}

// LayerCount counts one layer.
type LayerCount struct {
	Layer                string
	Nodes, Edges         int
	Density, TotalWeight float64
}

// Options tune the report.
type Options struct {
	Analysis analysis.Options
	// MaxYears bounds the number of years in the series (default 25): the step is chosen so
	// that the span fits.
	MaxYears int
	// Progress, when not nil, is told what the report is doing.
	Progress func(stage string, done, total int)
}

// Build analyses the layer l (of d) and everything the report shows.
func Build(ctx context.Context, l *graphmodel.Layer, o Options) (*Report, error) {
	d := l.Data
	progress := func(s string, done, total int) {
		if o.Progress != nil {
			o.Progress(s, done, total)
		}
	}
	ao := o.Analysis
	ao.Progress = o.Progress
	r, err := analysis.Analyze(ctx, l, ao)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	rep := &Report{Title: "Liaison network report: " + d.Path, Data: d, Layer: l, Result: r}
	first, last, hasTimes := d.Span()
	if hasTimes {
		rep.First, rep.Last = first.String(), last.String()
	}
	for _, k := range []graphmodel.LayerKind{graphmodel.Bilateral, graphmodel.Clubs, graphmodel.Combined} {
		lo := l.Options
		lo.Layer = k
		ll, err := d.Layer(lo)
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		rep.Layers = append(rep.Layers, LayerCount{Layer: string(k), Nodes: ll.Len(), Edges: ll.EdgeCount(), Density: ll.Density(), TotalWeight: ll.TotalWeight()})
	}
	if hasTimes && l.Options.At == 0 {
		maxYears := o.MaxYears
		if maxYears <= 0 {
			maxYears = 25
		}
		y0, y1 := int(first.Year), int(last.Year)
		step := max(1, int(math.Ceil(float64(y1-y0+1)/float64(maxYears))))
		var years []int
		for y := y0; y <= y1; y += step {
			years = append(years, y)
		}
		// The series needs ranks, not exact betweenness: sample it.
		so := o.Analysis
		so.Sample = 200
		so.Progress = func(_ string, done, total int) { progress("change over time", done, total) }
		if rep.Series, err = analysis.Evolve(ctx, d, l.Options, so, years, 3); err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
	}
	progress("pictures", 0, 1)
	if rep.Pictures, err = drawAll(rep); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return rep, nil
}

// Broker is one row of the brokers table.
type Broker struct {
	ID         string
	Total      float64
	Roles      analysis.Brokerage
	Constraint float64
}

// Brokers lists the actors with the most brokerage, best first (at most n).
func (rep *Report) Brokers(n int) []Broker {
	var out []Broker
	for _, a := range rep.Result.Actors {
		b := a.Brokerage
		t := b.Coordinator + b.Itinerant + b.Gatekeeper + b.Liaison
		if t > 0 {
			out = append(out, Broker{ID: a.ID, Total: t, Roles: b, Constraint: a.Constraint})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Total > out[j].Total })
	return out[:min(n, len(out))]
}

// Core is the innermost k-core: its k and members.
func (rep *Report) Core() (int, []string) {
	k := 0.0
	for _, a := range rep.Result.Actors {
		k = math.Max(k, a.Core)
	}
	var ids []string
	for _, a := range rep.Result.Actors {
		if a.Core == k {
			ids = append(ids, a.ID)
		}
	}
	return int(k), ids
}

// LargestCliques returns up to n maximal cliques, largest first.
func (rep *Report) LargestCliques(n int) [][]string {
	c := slices.Clone(rep.Result.Cliques)
	sort.SliceStable(c, func(i, j int) bool { return len(c[i]) > len(c[j]) })
	return c[:min(n, len(c))]
}

// Examples returns up to n entries of a typology list.
func Examples(list []string, n int) []string { return list[:min(n, len(list))] }

// layoutOf lays the analysed layer out, grouping by community for large graphs.
func layoutOf(rep *Report) []export.Point {
	x := analysis.NewIndex(rep.Layer)
	groups := make([]int, len(rep.Result.Actors))
	for i, a := range rep.Result.Actors {
		groups[i] = int(a.Community)
	}
	return export.Layout(x, groups, 1)
}
