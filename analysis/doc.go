// Package analysis computes the network measures of a liaison layer: centralities, cliques,
// cores, communities, the relational/transactional typology and alliance hubs.
//
// # Entry points
//
// [Analyze] takes a period view (a *graphmodel.Layer from graphmodel.Dataset.Layer) and
// returns a [*Result]: the contract's JSON document ([Result.WriteJSON]), which carries the
// view it analysed in Result.View, so that every output (the export writers, report.Build,
// the queries package's Push) reads the same period. [Classify] computes only the typology,
// [WhatIf] compares a result with the same period without some actors, and [Evolve] analyses
// a data set year by year. [Result.Actor], [Result.Tie] and [Result.Club] look items up.
// The result also holds Borgatti and Everett's core–periphery models ([CorePeripheryOf]) and,
// with rivalries.csv, the structural balance of the signed network ([BalanceOf], [RivalsOf]);
// [Ego] builds one actor's ego network from a result (package structure has the algorithms).
//
// Each measure is also a function of its own on an [Index], the layer's compressed sparse
// rows (shared, not copied; [NewIndex]): [ShortestPaths], [Eigenvector], [PageRank],
// [CoreNumbers], [Clustering], [StructuralHoles], [MaximalCliques], [Louvain], [Leiden],
// [Modularity], [BrokerageRoles]; exact betweenness by the biconnected reduction is
// [BetweennessReduced], and with an (ε, δ) guarantee [BetweennessGuaranteed] (Options.Paths
// chooses them in Analyze). The same input and options always give the same result, whatever the
// number of workers. [Measures], [TieFactorSpecs] and [ClubFactorSpecs] declare every actor
// measure and factor once; the JSON, the tables, the exports and Neo4j loop over them.
//
// # Measures
//
// Definitions follow NetworkX's where both exist. Weights are the layer's (graphmodel: the
// bilateral weight, the club projection with Newman's 1/(k−1) per co-member pair, or their
// combination); path lengths are 1/weight, and lengths equal within a relative 1e-9 tie.
//
//   - Betweenness (Brandes): Σ over unordered pairs s, t ≠ v of σ_st(v)/σ_st, times
//     2/((n−1)(n−2)); 0 when n ≤ 2. Options.Sample estimates it from k sampled sources,
//     scaled by n/k.
//   - Closeness (Wasserman–Faust): (r/(n−1)) · (r / Σ distances to the r reachable others);
//     0 when r = 0. Harmonic: Σ 1/distance over the reachable others.
//   - Eigenvector: the principal eigenvector of the weighted adjacency matrix, unit norm,
//     by power iteration on A + I.
//   - PageRank: damping 0.85, transitions proportional to weight, uniform teleport; a node
//     without edges spreads its rank uniformly.
//   - k-core numbers and local clustering (unweighted); Burt's constraint and effective size
//     (weighted); maximal cliques of 3 or more; weighted Louvain communities at resolution 1,
//     the best of several seeded runs; Gould–Fernandez brokerage roles.
//
// # Typology
//
// Every bilateral tie is scored from the factors of [TieFactors] and every active club from
// those of [ClubFactors], each factor in [0, 1] or absent without data. The relational score
// is the weighted mean of the available factors,
//
//	score = Σ_f w_f · x_f / Σ_f w_f   over the factors f with data
//
// ([Contributions] splits it into shares), and a tie or club is relational when the score
// reaches TypologyOptions.Threshold (0.5), transactional otherwise. The reciprocity factor
// reads the pair's exchanges up to the reference year ([Reciprocity]). The four counts are
// [Typology].
//
// # Alliance hubs
//
// [HubScores] gives every actor
//
//	hub score = (eigenvector/max eigenvector + betweenness/max betweenness + clubs/max clubs) / 3
//
// (a part whose maximum is 0 counts 0); Result.Hubs lists the best, each with a reason in
// words.
package analysis
