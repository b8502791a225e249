// Package graphmodel loads and validates liaison data sets (actors, bilateral ties, clubs,
// memberships and exchanges) and builds their weighted graph layers as gonum graphs.
//
// # Data flow
//
// Everything downstream starts here:
//
//	CSV files ─Load/LoadFS→ *Dataset (validated) ─Dataset.Layer(Options)→ *Layer (the period view)
//	          ─analysis.Analyze→ *analysis.Result (Result.View is the Layer)
//	          → export writers, report.Build, queries Session.Push
//
// [Load] reads a folder of CSV files (or a single .csv file, read as ties.csv) and [LoadFS]
// the same from any [io/fs.FS]. Bad input never half-loads: every problem of every file is
// collected into one [*ValidationError], in file and line order, each a [*ParseError]
// ("ties.csv:3: weight "x" is not a number") wrapping one of the Err… kinds, so that
// errors.Is(err, ErrBadWeight) works. A valid [Dataset] has its Actors and Clubs sorted by id
// and its Ties, Memberships and Exchanges in input order; extra columns are kept as typed
// attributes ([Columns], [Attrs]). Several tie rows of one unordered pair are spells of one
// tie ([Dataset.TiePairs]).
//
// # The period view
//
// [Dataset.Layer] builds a [Layer] once, in one pass, for the [Options]: a [LayerKind]
// (Bilateral, Clubs or Combined), a year At (0: all time), a ClubWeight and a [Projection].
// A row is active when the year of since ≤ At ≤ the year of until (open ends match); an
// exchange counts in the year of its date. The view holds
//
//   - the graph of the chosen layer, which implements gonum's graph.Undirected,
//     graph.Weighted and graph.WeightedUndirected, with node ids 0…n−1 in byte order of actor
//     id and every iteration ascending; [Layer.CSR] gives it as compressed sparse rows;
//   - every [Pair] of the period ([Layer.Pairs]) with both parts of its weight, and per pair
//     the active tie rows ([Layer.TieRows]), the exchanges in the period ([Layer.Exchanges])
//     and the exchange record up to it ([Layer.History]);
//   - the active clubs with their active members and membership rows (Layer.Clubs).
//
// [Layer.As] returns another layer of the same period: it shares the pairs, rows and clubs
// and builds only the graph. [Summarize] counts a data set and one view (the summary command).
//
// # Weights
//
// The bilateral weight of a pair is the sum of the weights of its active tie rows plus the
// volumes of its exchanges in the period (both directions). The club layer is the two-mode
// projection of memberships: with the Newman projection (the default) each club of k ≥ 2
// distinct active members adds
//
//	1/(k−1)
//
// to every pair of its members (Newman's collaboration weighting: each member spreads a total
// of 1 over its co-members); with Count it adds 1. The combined weight is
//
//	bilateral + ClubWeight × club
//
// Pairs whose layer weight is 0 (club-only pairs in the bilateral layer) are not edges of the
// graph, but they remain in Pairs. Path-based measures take 1/weight as the length of an edge.
package graphmodel
