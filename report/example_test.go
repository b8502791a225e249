package report_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/report"
)

// Build prepares the report of an analysis (of its view, r.View) and of the change over time,
// which the caller analyses year by year with analysis.Evolve; WriteHTML and WriteMarkdown
// then only format it.
func ExampleBuild() {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		log.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	o := analysis.Options{}
	r, err := analysis.Analyze(ctx, l, o)
	if err != nil {
		log.Fatal(err)
	}
	years := report.SeriesYears(l, 0, 0, 5) // at most 5 years, evenly stepped over the data's span
	series, err := analysis.Evolve(ctx, d, l.Options, report.SeriesOptions(o), years, 3)
	if err != nil {
		log.Fatal(err)
	}
	rep, err := report.Build(r, series, report.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep.Title)
	for _, f := range rep.Findings()[:2] {
		fmt.Println(f)
	}
	k, core := rep.Core()
	fmt.Printf("innermost core: k = %d, %d actors\n", k, len(core))
	for _, p := range rep.Series {
		fmt.Printf("%d: %d actors, %d relational ties, top hubs %v\n", p.Year, p.Actors, p.RelationalBilateral, p.TopHubs)
	}
	fmt.Println(strings.HasPrefix(rep.Pictures.Network, "<svg"))
	// Output:
	// Liaison network report: ../testdata/example
	// 53 actors and 381 edges in the combined layer over all time (the data run from 1946 to 2025-04-25); 1 component(s).
	// Of 110 bilateral ties, 79 are relational and 31 transactional; of 20 clubs, 18 are relational and 2 transactional.
	// innermost core: k = 17, 21 actors
	// 1946: 30 actors, 1 relational ties, top hubs [USA GBR DEU]
	// 1962: 32 actors, 21 relational ties, top hubs [USA GBR AUS]
	// 1978: 34 actors, 45 relational ties, top hubs [USA GBR DEU]
	// 1994: 43 actors, 47 relational ties, top hubs [USA GBR DEU]
	// 2010: 53 actors, 64 relational ties, top hubs [USA GBR FRA]
	// true
}
