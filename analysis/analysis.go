package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/provenance"
)

// Options tunes an analysis. The zero value is the contract's defaults.
type Options struct {
	// Seed seeds Louvain and source sampling (default 1 when 0).
	Seed uint64
	// noProvenance leaves Result.Provenance out (Evolve's yearly and WhatIf's second
	// analyses, which do not show it).
	noProvenance bool
	// LouvainRuns is the number of Louvain runs (seeds Seed…Seed+runs−1) whose best
	// partition is kept. When ≤ 0: 10 runs on graphs of up to 200,000 edges, 1 above (there a
	// run costs seconds and the spread of modularity between seeds is small).
	LouvainRuns int
	// Sample, when > 0 and < n, estimates betweenness from that many sources drawn at random
	// (seeded) instead of all n; closeness and harmonic are then not computed.
	Sample int
	// Workers is the number of parallel shortest-path workers (default: one per CPU).
	Workers int
	// Progress, when not nil, is told what the analysis is doing.
	Progress func(stage string, done, total int)
	// Typology tunes the relational/transactional classification.
	Typology TypologyOptions
	// Metrics, when not nil, limits the analysis to these names of Metrics and what they
	// need (Result.Metrics says which were computed); nil computes everything.
	Metrics []string
	// Paths chooses how betweenness (and closeness, harmonic) are computed: exactly by
	// reductions, with an (ε, δ) guarantee, or from sampled sources with closeness estimated
	// (paths_options.go). The zero value is the plain exact pass, or Sample.
	Paths PathChoice
	// Community is the community detection method: "louvain" (default, also "") or "leiden".
	Community string
	// CompactTies keeps the bilateral ties' results in columns (about a third of the
	// memory of a TieResult each) instead of Result.Ties, which stays nil, as do the ties'
	// names in the bilateral and uncertain TypologyLists (the clubs' stay): read the ties with
	// Result.NumTies, TieAt and Tie. WriteJSON writes the same document either way.
	CompactTies bool
}

// ActorMetrics holds the measures of one actor, as in §3 of the contract.
type ActorMetrics struct {
	ID            string    `json:"id"`
	Degree        int       `json:"degree"`
	Strength      float64   `json:"strength"`
	Betweenness   float64   `json:"betweenness"`
	Closeness     *float64  `json:"closeness,omitempty"` // absent with sampled betweenness
	Harmonic      *float64  `json:"harmonic,omitempty"`  // absent with sampled betweenness
	Eigenvector   float64   `json:"eigenvector"`
	PageRank      float64   `json:"pagerank"`
	Core          int       `json:"core"`
	Clustering    float64   `json:"clustering"`
	Constraint    float64   `json:"constraint"`
	EffectiveSize float64   `json:"effective_size"`
	Community     int       `json:"community"`
	Cliques       int       `json:"cliques"` // number of maximal cliques (≥ 3) the actor is in
	Clubs         int       `json:"clubs"`   // number of clubs the actor is in (active in the period)
	Brokerage     Brokerage `json:"brokerage"`
}

// CommunityResult is the "communities" member of the JSON document.
type CommunityResult struct {
	Modularity float64    `json:"modularity"`
	Groups     [][]string `json:"groups"`
	Seed       uint64     `json:"seed"` // the seed of the best run
	Runs       int        `json:"runs"` // the number of Louvain runs
	// Method is "leiden" with Options.Community "leiden"; absent for Louvain.
	Method string `json:"method,omitempty"`
}

// louvainAutoEdges is the number of edges above which one Louvain run is the default.
const louvainAutoEdges = 200000

// LayerInfo says what was analysed.
type LayerInfo struct {
	Layer      string  `json:"layer"`
	At         int     `json:"at,omitempty"`
	ClubWeight float64 `json:"club_weight"`
	Projection string  `json:"projection"`
	Nodes      int     `json:"nodes"`
	Edges      int     `json:"edges"`
	Components int     `json:"components"` // connected components (an isolated actor is one)
	Sample     int     `json:"betweenness_sample,omitempty"`
	// With Paths.Epsilon: the guarantee and the number of pairs sampled.
	Epsilon float64 `json:"betweenness_epsilon,omitempty"`
	Delta   float64 `json:"betweenness_delta,omitempty"`
	Pairs   int     `json:"betweenness_pairs,omitempty"`
	// Reduced is true when exact betweenness came from the biconnected reduction;
	// SampledCloseness when closeness and harmonic are estimates from the sampled sources.
	Reduced          bool `json:"betweenness_reduced,omitempty"`
	SampledCloseness bool `json:"closeness_sampled,omitempty"`
}

// Result is everything an analysis of one layer produces: the contract's JSON document.
type Result struct {
	Layer         LayerInfo        `json:"layer"`
	Actors        []ActorMetrics   `json:"actors"`  // sorted by id
	Cliques       [][]string       `json:"cliques"` // maximal cliques of ≥ 3 actors, sorted
	Communities   CommunityResult  `json:"communities"`
	Ties          []TieResult      `json:"ties"`  // every bilateral tie, by source then target
	Clubs         []ClubResult     `json:"clubs"` // every club active in the period, by id
	Typology      Typology         `json:"typology"`
	TypologyLists TypologyLists    `json:"typology_lists"`
	Hubs          []Hub            `json:"hubs"` // best first
	Settings      TypologySettings `json:"settings"`

	// CorePeriphery and Balance: structure.go (Balance only with rivalries.csv).
	CorePeriphery *CorePeripheryResult `json:"core_periphery,omitempty"`
	Balance       *BalanceResult       `json:"balance,omitempty"`

	// Warnings say where the data cannot support a call (graphmodel.Layer.Warnings).
	Warnings []string `json:"warnings,omitempty"`
	// Metrics lists the metrics computed when Options.Metrics chose some (nil: all).
	Metrics []string `json:"metrics,omitempty"`

	// Provenance holds the findings of the exchange record's provenance columns (package
	// provenance), for the period's record; nil when exchanges.csv has none of them.
	Provenance *provenance.Result `json:"provenance,omitempty"`

	// tieCols holds the ties with Options.CompactTies (tiecolumns.go).
	tieCols *tieColumns

	// View is the period view that was analysed: every output of the result reads it (never
	// the data set's files or another layer), so a result and its layer cannot disagree.
	View *graphmodel.Layer `json:"-"`
}

// Analyze computes every measure of layer l. It builds the compact Index once and runs each
// measure on it.
func Analyze(ctx context.Context, l *graphmodel.Layer, o Options) (*Result, error) {
	if o.Seed == 0 {
		o.Seed = 1
	}
	progress := func(stage string, done, total int) {
		if o.Progress != nil {
			o.Progress(stage, done, total)
		}
	}
	want, err := chooseMetrics(o.Metrics, groupsByCommunity(l, o.Typology.Groups))
	if err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	x := NewIndex(l)
	n := x.N
	r := &Result{Layer: layerInfo(l), Actors: make([]ActorMetrics, n), View: l, Warnings: l.Warnings()}
	if o.Metrics != nil {
		r.Metrics = want.names()
	}

	var paths *PathMetrics
	if want&(metricBit("betweenness")|metricBit("closeness")|metricBit("harmonic")) != 0 {
		if paths, err = shortestPaths(ctx, x, o, &r.Layer, progress); err != nil {
			return nil, fmt.Errorf("analyze: %w", err)
		}
	}
	// Every other measure is independent of the rest: run them side by side.
	progress("other measures (in parallel)", 0, 1)
	var (
		strength  = Strength(x)
		eig, pr   []float64
		core      []int
		clus      []float64
		cons, eff []float64
		cliques   [][]int32
		comm      Communities
		cp        *CorePeripheryResult // structure.go
	)
	runs := o.LouvainRuns
	if runs <= 0 {
		runs = 10
		if x.M() > louvainAutoEdges {
			runs = 1
		}
	}
	r.Communities.Runs = runs
	if o.Community == "leiden" {
		r.Communities.Method = "leiden"
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var tasks []func()
	for _, t := range []struct {
		metrics metricSet
		run     func()
	}{
		{metricBit("community"), func() { comm = detectCommunities(x, o.Community, o.Seed, runs, workers) }},
		{metricBit("cliques"), func() { cliques = MaximalCliques(x, 3) }},
		{metricBit("eigenvector"), func() { eig = Eigenvector(x, 0, 0) }},
		{metricBit("pagerank"), func() { pr = PageRank(x, strength, 0.85, 0, 0) }},
		{metricBit("constraint") | metricBit("effective_size"), func() { cons, eff = StructuralHoles(x, strength) }},
		{metricBit("clustering"), func() { clus = Clustering(x) }},
		{metricBit("core"), func() { core = CoreNumbers(x) }},
		{metricBit("core_periphery"), func() { cp = CorePeripheryOf(x) }},
	} {
		if want&t.metrics != 0 {
			tasks = append(tasks, t.run)
		}
	}
	parallel(workers, len(tasks), func(i int) { tasks[i]() })
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}

	inCliques := make([]int, n)
	r.Cliques = make([][]string, len(cliques))
	for i, c := range cliques {
		r.Cliques[i] = x.names(c)
		for _, v := range c {
			inCliques[v]++
		}
	}
	r.Communities.Modularity, r.Communities.Seed = comm.Modularity, comm.Seed
	r.Communities.Groups = make([][]string, len(comm.Groups))
	for i, g := range comm.Groups {
		r.Communities.Groups[i] = x.names(g)
	}

	for u := 0; u < n; u++ {
		a := &r.Actors[u]
		*a = ActorMetrics{
			ID: x.IDs[u], Degree: x.Degree(u), Strength: strength[u],
			Eigenvector: at(eig, u), PageRank: at(pr, u),
			Core: at(core, u), Clustering: at(clus, u), Constraint: at(cons, u), EffectiveSize: at(eff, u),
			Community: at(comm.Of, u), Cliques: inCliques[u],
		}
		if paths != nil {
			a.Betweenness = paths.Betweenness[u]
			if paths.Closeness != nil {
				a.Closeness, a.Harmonic = &paths.Closeness[u], &paths.Harmonic[u]
			}
		}
	}
	// The structure (core–periphery, balance with the hubs' rivals) and the provenance
	// findings end every analysis, with the typology or without.
	finish := func() (*Result, error) {
		structureOf(l, x, r, cp, o.Seed)
		var err error
		if r.Provenance, err = provenanceOf(l, o.noProvenance); err != nil {
			return nil, fmt.Errorf("analyze: %w", err)
		}
		return r, nil
	}
	if !want.has("typology") {
		return finish()
	}
	progress("typology", 0, 1)
	if o.CompactTies && len(TieFactors) <= 16 { // a factor is a bit of a uint16
		r.tieCols = &tieColumns{} // classify fills the columns instead of r.Ties
	}
	memberOf, err := classify(l, x, core, cliques, r, o.Typology, o.Seed)
	if err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	// Brokerage roles and hubs, from the measures and the clubs.
	groups, groupName := brokerageGroups(l.Data, x, comm, r, memberOf, o.Typology.Groups)
	r.Settings.BrokerageGroup = groupName
	br := BrokerageRoles(x, groups)
	for u := range r.Actors {
		r.Actors[u].Brokerage = br[u]
		r.Actors[u].Clubs = len(memberOf[u])
	}
	hubCount := o.Typology.Hubs
	if hubCount <= 0 {
		hubCount = defaultHubs
	}
	r.Hubs = hubs(r, memberOf, hubCount)
	return finish()
}

// seedOf is the seed of an analysis (1 when not set).
func seedOf(o Options) uint64 {
	if o.Seed == 0 {
		return 1
	}
	return o.Seed
}

// layerInfo describes the layer analysed.
func layerInfo(l *graphmodel.Layer) LayerInfo {
	_, components := l.Components()
	return LayerInfo{
		Layer: string(l.Options.Layer), At: l.Options.At, ClubWeight: l.Options.ClubWeight,
		Projection: string(l.Options.Projection), Nodes: l.Len(), Edges: l.EdgeCount(), Components: components,
	}
}

func (x *Index) names(ids []int32) []string {
	out := make([]string, len(ids))
	for i, v := range ids {
		out[i] = x.IDs[v]
	}
	return out
}

// SampleSources draws k distinct nodes of 0…n−1 at random (seeded), ascending.
func SampleSources(n, k int, seed uint64) []int32 {
	rng := rand.New(rand.NewPCG(seed, 0x73616d706c65))
	perm := rng.Perm(n)[:k]
	out := make([]int32, k)
	for i, v := range perm {
		out[i] = int32(v)
	}
	slices.Sort(out)
	return out
}

// at is s[u], or 0 when the measure s was not computed (nil).
func at[T int | float64](s []T, u int) T {
	if s == nil {
		return 0
	}
	return s[u]
}
