// Package export writes an analysed layer in the formats other tools read: GEXF 1.3 (Gephi),
// GraphML (NetworkX, igraph, Gephi), Gephi's Data Laboratory CSV tables and Graphviz DOT.
//
// # Entry points
//
// Every writer takes the *analysis.Result of analysis.Analyze and writes the period view it
// carries (Result.View), so the graph and its measures cannot disagree; a result without a
// view is an error:
//
//	func WriteGEXF(w io.Writer, r *analysis.Result, o Options) error
//	func WriteGraphML(w io.Writer, r *analysis.Result, o Options) error
//	func WriteDOT(w io.Writer, r *analysis.Result, o Options) error
//	func WriteCSV(nodes, edges io.Writer, r *analysis.Result, o Options) error
//	func WriteFile(path, format string, r *analysis.Result, o Options) error
//
// The data flow is therefore
//
//	graphmodel.Load → Dataset.Layer → analysis.Analyze → WriteGEXF / WriteGraphML / WriteDOT / WriteCSV
//
// [WriteFile] writes one of [Formats] atomically; for "csv", path is a folder that receives
// [NodesCSV] and [EdgesCSV], each written atomically. [WriterFor] maps a single-file format
// to its [Writer] (for writing to stdout).
//
// # Content
//
// One node per actor of the view and one edge per pair of weight > 0 in the chosen layer.
// Attributes are named as the contract's JSON fields: on nodes degree, strength, betweenness,
// closeness, harmonic (absent with sampled betweenness), eigenvector, pagerank, core,
// clustering, constraint, effective_size, community, cliques and clubs, plus club_ids,
// brokerage_ROLE, hub_score (analysis.HubScores) and hub_rank; on edges the layer weight, its
// bilateral and club parts, class, relational_score, factor_NAME and domains. Then come the
// input's extra columns with their inferred types (renamed input_NAME when the name is taken
// or reserved).
//
// Nodes are coloured by community, sized by hub score (4 + 26 × hub_score in GEXF) and placed
// by the layout package (or Options.Positions); edges are coloured by class (relational,
// transactional, club-only). A GEXF is dynamic when the data set has times and the view is
// not limited to a year: an edge exists during its tie rows' spells, on its exchange dates
// and while both ends share an active club, a node during its edges' and memberships'
// spells; open ends are closed at the data set's earliest or latest time unless
// Options.OpenEnds is set. DOT needs integer weights: weight is rounded to an integer ≥ 1 and
// the exact value goes in the tooltip.
//
// Every writer streams: rows are built one at a time and written through a buffer, so memory
// does not grow with the document.
package export
