// Package export writes a layer and its analysis in the formats other tools read (GEXF,
// GraphML, Gephi CSV tables, DOT) and lays graphs out for drawing.
//
// The command line calls one of:
//
//	func WriteFile(path, format string, l *graphmodel.Layer, r *analysis.Result, o Options) error
//	func WriteGEXF(w io.Writer, l *graphmodel.Layer, r *analysis.Result, o Options) error
//	func WriteGraphML(w io.Writer, l *graphmodel.Layer, r *analysis.Result, o Options) error
//	func WriteDOT(w io.Writer, l *graphmodel.Layer, r *analysis.Result, o Options) error
//	func WriteCSV(nodes, edges io.Writer, l *graphmodel.Layer, r *analysis.Result, o Options) error
//
// where r is analysis.Analyze(ctx, l, …) of the same layer l (an analysis of another layer is
// an error). WriteFile writes atomically (internal/atomicfile); for "csv", path is a folder
// that receives nodes.csv and edges.csv, each written atomically. Formats lists the format
// names; WriterFor maps a single-file format to its writer (for writing to stdout).
//
// Attributes are named as the contract's JSON fields (degree, strength, betweenness,
// closeness, harmonic, eigenvector, pagerank, core, clustering, constraint, effective_size,
// community, cliques, clubs; on edges class, relational_score, domains), plus club_ids,
// brokerage_ROLE, hub_score and hub_rank on nodes and bilateral, club and factor_NAME on
// edges, then the input's extra columns with their inferred types (renamed input_NAME when
// the name is taken). Every writer streams: rows are built one at a time and written through
// a buffer, so memory does not grow with the document.
package export
