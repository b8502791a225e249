package analysis_test

import (
	"context"
	"fmt"
	"log"
	"slices"

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

// Classify scores every bilateral tie and club as relational or transactional without the
// centralities: what explaining one tie needs. The relational score is the weighted mean of
// the factors that have data.
func ExampleClassify() {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		log.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	r, err := analysis.Classify(context.Background(), l, analysis.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", r.Typology)
	for _, pair := range [][2]string{{"USA", "GBR"}, {"USA", "PAK"}} {
		t, ok := r.Tie(pair[0], pair[1])
		if !ok {
			log.Fatal("no tie")
		}
		fmt.Printf("%s–%s %s by %s (p_relational %.2f), score %.3f from %d factors\n", t.Source, t.Target, t.Class, t.DecidedBy, t.PRelational, t.RelationalScore, t.Factors.Len())
	}
	fvey, _ := r.Club("FVEY")
	fmt.Printf("%s %v: %s by %s, score %.3f\n", fvey.ID, fvey.Members, fvey.Class, fvey.DecidedBy, fvey.RelationalScore)
	// Output:
	// {TransactionalBilateral:31 RelationalBilateral:79 TransactionalMultilateral:2 RelationalMultilateral:18}
	// GBR–USA relational by reciprocity (p_relational 1.00), score 0.903 from 9 factors
	// PAK–USA transactional by reciprocity (p_relational 0.00), score 0.542 from 9 factors
	// FVEY [AUS CAN GBR NZL USA]: relational by reciprocity, score 0.976
}

// WhatIf analyses the same period again without some actors and compares: here Padgett's
// Florentine families without the Medici.
func ExampleWhatIf() {
	d, err := graphmodel.Load("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	before, err := analysis.Analyze(ctx, l, analysis.Options{})
	if err != nil {
		log.Fatal(err)
	}
	w, err := analysis.WhatIf(ctx, before, []string{"Medici"}, analysis.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("components:", w.ComponentsBefore, "→", w.ComponentsAfter)
	fmt.Printf("efficiency: %.3f → %.3f\n", w.EfficiencyBefore, w.EfficiencyAfter)
	fmt.Println("hubs before:", w.HubsBefore[:3])
	fmt.Println("hubs after: ", w.HubsAfter[:3])
	// Output:
	// components: 2 → 4
	// efficiency: 0.330 → 0.208
	// hubs before: [Medici Barbadori Castellani]
	// hubs after:  [Guadagni Bischeri Castellani]
}

// HubScores gives every actor its alliance hub score, (eigenvector/max + betweenness/max +
// clubs/max) / 3; Result.Hubs lists the best of them with the reason in words.
func ExampleHubScores() {
	d, err := graphmodel.Load("../testdata/example")
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
	scores := analysis.HubScores(r) // in r.Actors order
	i := slices.IndexFunc(r.Actors, func(a analysis.ActorMetrics) bool { return a.ID == "NZL" })
	fmt.Printf("NZL %.3f\n", scores[i])
	for _, h := range r.Hubs[:2] {
		fmt.Printf("%s %.3f: %s\n", h.ID, h.Score, h.Why)
	}
	// Output:
	// NZL 0.207
	// USA 0.881: bridges Alliance Base (Paris CTIC) and US-Japan-Korea Trilateral Information Sharing Arrangement; in 9 clubs; highest betweenness; highest eigenvector centrality; 45 partners
	// GBR 0.497: bridges Club de Berne and Five Eyes (UKUSA Agreement); in 13 clubs; 2nd highest eigenvector centrality; 33 partners
}
