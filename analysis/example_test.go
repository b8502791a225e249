package analysis_test

import (
	"context"
	"fmt"
	"log"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// Analyse Padgett's Florentine families (marriage and business ties) and print the three
// families with the highest betweenness.
func ExampleAnalyze() {
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
	top := r.Actors
	for i := range top {
		for j := i + 1; j < len(top); j++ {
			if top[j].Betweenness > top[i].Betweenness {
				top[i], top[j] = top[j], top[i]
			}
		}
	}
	for _, a := range top[:3] {
		fmt.Printf("%-10s betweenness %.3f, degree %v, core %v\n", a.ID, a.Betweenness, a.Degree, a.Core)
	}
	fmt.Printf("%d maximal cliques of 3 or more; %d communities, modularity %.3f\n",
		len(r.Cliques), len(r.Communities.Groups), r.Communities.Modularity)
	// Output:
	// Medici     betweenness 0.433, degree 8, core 3
	// Barbadori  betweenness 0.210, degree 4, core 3
	// Castellani betweenness 0.131, degree 4, core 3
	// 10 maximal cliques of 3 or more; 5 communities, modularity 0.337
}

// The measures can also be computed one at a time on the compact index of a layer.
func ExampleShortestPaths() {
	d, err := graphmodel.Load("../testdata/karate")
	if err != nil {
		log.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	x := analysis.NewIndex(l)
	pm, err := analysis.ShortestPaths(context.Background(), x, analysis.PathOptions{})
	if err != nil {
		log.Fatal(err)
	}
	id, _ := l.NodeID("0")
	fmt.Printf("member 0: betweenness %.4f, closeness %.4f\n", pm.Betweenness[id], pm.Closeness[id])
	// Output:
	// member 0: betweenness 0.3958, closeness 1.5383
}
