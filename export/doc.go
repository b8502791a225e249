// Package export writes a layer and its analysis in the formats other tools read (GEXF,
// GraphML, Gephi CSV tables, DOT) and lays graphs out for drawing.
package export
