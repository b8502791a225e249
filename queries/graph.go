package queries

import (
	"fmt"
	"slices"

	"github.com/liaison-net/liaison/analysis"
)

// Graph is a data set and its analysis in the schema Push writes (schema.go), for writers
// that load it by other means (export's neo4j-admin files): the data set node, the nodes by
// label and the relationships by type, each with its properties as Push sends them (Go
// values: string, int64, float64, bool, dbtype.Date and slices of them).
type Graph struct {
	Dataset     map[string]any
	Constraints []string // the statements Push runs first
	Nodes       []NodeSet
	Rels        []RelSet
}

// NodeSet is the nodes of one label.
type NodeSet struct {
	Label string
	Rows  []map[string]any
}

// RelSet is the relationships of one type from nodes of the label From to nodes of To (by
// their id); Row(i) is relationship i's endpoints' ids and properties, built when asked
// (safe for concurrent use).
type RelSet struct {
	Type, From, To string
	N              int
	Row            func(i int) (from, to string, props map[string]any)
}

// Build returns the graph Push would write for the analysis r (r.View is the layer analysed)
// as the data set name, CONTAINS relationships included. Its Dataset row says complete.
func Build(name string, r *analysis.Result) (*Graph, error) {
	if r == nil || r.View == nil {
		return nil, fmt.Errorf("no analysed layer")
	}
	if err := checkDatasetName(name); err != nil {
		return nil, err
	}
	d := r.View.Data
	for _, c := range d.Columns.Actors {
		if slices.Contains(analysisProps, c.Name) || slices.Contains(actorKind.columns, c.Name) {
			return nil, fmt.Errorf("actors.csv column %q clashes with a property of the schema", c.Name)
		}
	}
	meta := datasetRow(name, d, r)
	meta[propComplete] = true
	actors, clubs := actorRows(name, d, r), clubRows(name, d, r)
	g := &Graph{Dataset: meta, Constraints: slices.Clone(constraints),
		Nodes: []NodeSet{{labelActor, actors}, {labelClub, clubs}}}
	contains := func(to string, rows []map[string]any) RelSet {
		return RelSet{Type: typeContains, From: labelDataset, To: to, N: len(rows), Row: func(i int) (string, string, map[string]any) {
			return name, rows[i][propID].(string), nil
		}}
	}
	g.Rels = append(g.Rels, contains(labelActor, actors), contains(labelClub, clubs))
	for _, x := range []struct {
		k   kind
		set relSet
	}{{tieKind, tieRows(d, r)}, {memberKind, memberRows(d)}, {exchangeKind, exchangeRows(d)}} {
		set := x.set
		g.Rels = append(g.Rels, RelSet{Type: x.k.label, From: x.k.from, To: x.k.to, N: len(set.rels), Row: func(i int) (string, string, map[string]any) {
			row := set.row(i)
			return row["a"].(string), row["b"].(string), row["props"].(map[string]any)
		}})
	}
	return g, nil
}
