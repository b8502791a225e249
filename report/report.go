package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/inference"
	"github.com/liaison-net/liaison/layout"
)

// Report is everything the report shows, computed once; the HTML and Markdown writers only
// format it.
type Report struct {
	Title    string
	Data     *graphmodel.Dataset
	Layer    *graphmodel.Layer
	Result   *analysis.Result
	Summary  *graphmodel.Summary // the data set's counts, span and the three layers of the period
	First    string              // the data set's time span ("" without times)
	Last     string
	Layers   []graphmodel.LayerSummary // counts of the three layers in the period
	Series   []analysis.YearPoint      // change over time; empty without times or with --at
	Pictures Pictures
	// Significance, when set (liaison report --significance), adds its section (significance.go).
	Significance *inference.SignificanceResult

	yearResults []*analysis.Result // the per-year analyses behind the view's year slider
	viewYears   []int              // the years the slider shows (viewData)
	pos         []layout.Point     // the layout of the analysed layer, computed once
	keep        []bool             // its backbone edges, in EachEdge order
	colours     []string           // each community's colour
}

// Options tune the report.
type Options struct {
	// Title is the report's title (default "Liaison network report: " and the data set's path).
	Title string
	// Progress, when not nil, is told what the report is doing.
	Progress func(stage string, done, total int)
	// YearResults are the analyses of the years of the series (from analysis.EvolveEach with
	// the same years and options), for the interactive view's year slider; nil for none.
	YearResults []*analysis.Result
}

// Build prepares the report of the analysis r (of its period view r.View) and the change over
// time series (nil for none; see SeriesOptions and analysis.Evolve): it analyses nothing
// itself.
func Build(r *analysis.Result, series []analysis.YearPoint, o Options) (*Report, error) {
	if r == nil || r.View == nil {
		return nil, fmt.Errorf("report: no analysed layer")
	}
	l := r.View
	d := l.Data
	sum, err := graphmodel.Summarize(l)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	rep := &Report{Title: "Liaison network report: " + d.Path, Data: d, Layer: l, Result: r, Summary: sum,
		First: sum.First, Last: sum.Last, Layers: sum.Layers, Series: series}
	if o.Title != "" {
		rep.Title = o.Title
	}
	rep.yearResults = o.YearResults
	if o.Progress != nil {
		o.Progress("pictures", 0, 1)
	}
	if rep.Pictures, err = drawAll(rep); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return rep, nil
}

// SeriesYears are the years of the change over time that the report shows for the period view
// l: none with --at or without times, else at most maxYears (25 when ≤ 0) evenly stepped over
// from…to. A bound of 0 is the data set's: the last year in which a tie row, membership or
// exchange can be active (graphmodel.Dataset.ActiveSpan), and the first such year or, when
// later, SeriesStart (the year by which 1% of the dated rows have begun). None when from > to.
func SeriesYears(l *graphmodel.Layer, from, to, maxYears int) []int {
	first, last, ok := l.Data.ActiveSpan()
	if l.Options.At != 0 || !ok && (from == 0 || to == 0) {
		return nil
	}
	if from == 0 {
		from = first
		if s, ok := SeriesStart(l.Data); ok && s > from && (to == 0 || s <= to) {
			from = s
		}
	}
	if to == 0 {
		to = last
	}
	if from > to {
		return nil
	}
	if maxYears <= 0 {
		maxYears = 25
	}
	return analysis.SeriesYears(from, to, maxYears)
}

// SeriesOptions are the analysis options of the series: the report's, with betweenness
// sampled from 200 sources (the series needs ranks, not exact values).
func SeriesOptions(o analysis.Options) analysis.Options {
	o.Sample = 200
	return o
}

// Broker is one row of the brokers table.
type Broker struct {
	ID         string
	Total      int
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
	k := 0
	for _, a := range rep.Result.Actors {
		k = max(k, a.Core)
	}
	var ids []string
	for _, a := range rep.Result.Actors {
		if a.Core == k {
			ids = append(ids, a.ID)
		}
	}
	return k, ids
}

// LargestCliques returns up to n maximal cliques, largest first.
func (rep *Report) LargestCliques(n int) [][]string {
	c := slices.Clone(rep.Result.Cliques)
	sort.SliceStable(c, func(i, j int) bool { return len(c[i]) > len(c[j]) })
	return c[:min(n, len(c))]
}

// Examples returns up to n entries of a typology list.
func Examples(list []string, n int) []string { return list[:min(n, len(list))] }

// Call is one tie's or club's call in the report's list of uncertain calls.
type Call struct {
	Name, Class, DecidedBy string
	PRelational            float64
}

// Uncertain lists the uncertain calls of the typology (0.2 < p_relational < 0.8), ties first.
func (rep *Report) Uncertain() []Call {
	var out []Call
	for _, x := range rep.Result.TypologyLists.Uncertain {
		if a, b, ok := strings.Cut(x, "–"); ok {
			if t, ok := rep.Result.Tie(a, b); ok {
				out = append(out, Call{x, t.Class, t.DecidedBy, t.PRelational})
			}
			continue
		}
		if c, ok := rep.Result.Club(x); ok {
			out = append(out, Call{x, c.Class, c.DecidedBy, c.PRelational})
		}
	}
	return out
}
