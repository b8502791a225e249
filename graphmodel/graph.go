package graphmodel

import (
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

// Node is a node of a Layer: a graph.Node that knows its actor.
type Node struct {
	id    int64
	actor string
}

// ID implements graph.Node.
func (n Node) ID() int64 { return n.id }

// Actor is the node's actor id.
func (n Node) Actor() string { return n.actor }

// Edge is a weighted edge of a Layer, with the parts its weight was made from.
type Edge struct {
	F, T      Node
	W         float64 // the layer's weight
	Bilateral float64 // bilateral part
	Club      float64 // club part (before ClubWeight)
}

// From implements graph.Edge.
func (e Edge) From() graph.Node { return e.F }

// To implements graph.Edge.
func (e Edge) To() graph.Node { return e.T }

// ReversedEdge implements graph.Edge.
func (e Edge) ReversedEdge() graph.Edge { e.F, e.T = e.T, e.F; return e }

// Weight implements graph.WeightedEdge.
func (e Edge) Weight() float64 { return e.W }

var (
	_ graph.Undirected         = (*Layer)(nil)
	_ graph.Weighted           = (*Layer)(nil)
	_ graph.WeightedUndirected = (*Layer)(nil)
)

// Node implements graph.Graph; it returns nil for an id not in the layer.
func (l *Layer) Node(id int64) graph.Node {
	if id < 0 || id >= int64(len(l.nodes)) {
		return nil
	}
	return l.nodes[id]
}

// Nodes implements graph.Graph, in ascending id order.
func (l *Layer) Nodes() graph.Nodes {
	if len(l.nodes) == 0 {
		return graph.Empty
	}
	ns := make([]graph.Node, len(l.nodes))
	for i := range l.nodes {
		ns[i] = l.nodes[i]
	}
	return iterator.NewOrderedNodes(ns)
}

// From implements graph.Graph: the neighbours of id in ascending id order.
func (l *Layer) From(id int64) graph.Nodes {
	if id < 0 || id >= int64(len(l.nodes)) {
		return graph.Empty
	}
	nbrs, _ := l.Adjacency(id)
	if len(nbrs) == 0 {
		return graph.Empty
	}
	ns := make([]graph.Node, len(nbrs))
	for i, v := range nbrs {
		ns[i] = l.nodes[v]
	}
	return iterator.NewOrderedNodes(ns)
}

// HasEdgeBetween implements graph.Graph.
func (l *Layer) HasEdgeBetween(xid, yid int64) bool {
	_, ok := l.find(xid, yid)
	return ok
}

// Edge implements graph.Graph.
func (l *Layer) Edge(uid, vid int64) graph.Edge { return l.WeightedEdge(uid, vid) }

// EdgeBetween implements graph.Undirected.
func (l *Layer) EdgeBetween(xid, yid int64) graph.Edge { return l.WeightedEdge(xid, yid) }

// WeightedEdgeBetween implements graph.WeightedUndirected.
func (l *Layer) WeightedEdgeBetween(xid, yid int64) graph.WeightedEdge {
	return l.WeightedEdge(xid, yid)
}

// WeightedEdge implements graph.Weighted. It returns nil when there is no edge (a nil
// interface, not a typed nil).
func (l *Layer) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	p, ok := l.find(uid, vid)
	if !ok {
		return nil
	}
	return l.edgeAt(uid, p)
}

// Weight implements graph.Weighted: the edge weight and true for an edge; 0 and true for
// x = y (no self-loops); 0 and false for no edge.
func (l *Layer) Weight(xid, yid int64) (w float64, ok bool) {
	if xid == yid {
		return 0, true
	}
	if p, ok := l.find(xid, yid); ok {
		return l.w[p], true
	}
	return 0, false
}

// edgeAt is the edge at CSR position p of node u.
func (l *Layer) edgeAt(u int64, p int) Edge {
	e := &l.pairs[l.pairAt[p]]
	return Edge{F: l.nodes[u], T: l.nodes[l.nbr[p]], W: l.w[p], Bilateral: e.Bilateral, Club: e.Club}
}

// WeightedEdges returns every edge once, as u < v, in ascending (u, v) order.
func (l *Layer) WeightedEdges() graph.WeightedEdges {
	es := make([]graph.WeightedEdge, 0, l.EdgeCount())
	l.EachEdge(func(e Edge) { es = append(es, e) })
	if len(es) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedWeightedEdges(es)
}

// EachEdge calls fn for every edge once, as u < v, in ascending (u, v) order.
func (l *Layer) EachEdge(fn func(Edge)) {
	for u := range l.nodes {
		for p := l.off[u]; p < l.off[u+1]; p++ {
			if v := l.nbr[p]; int(v) > u {
				fn(l.edgeAt(int64(u), int(p)))
			}
		}
	}
}
