package graphmodel

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
)

// LayerKind chooses which relations make the edges of a layer.
type LayerKind string

// The layers of §2 of the contract.
const (
	Bilateral LayerKind = "bilateral" // ties.csv rows plus exchange volumes
	Clubs     LayerKind = "clubs"     // the two-mode projection of club memberships
	Combined  LayerKind = "combined"  // bilateral + ClubWeight × clubs (the default)
)

// Projection chooses how a club weighs its member pairs in the club layer.
type Projection string

// The club projections.
const (
	// Newman adds 1/(k−1) to each pair of a club's k ≥ 2 members (Newman's collaboration
	// weighting: each member spreads a total of 1 over its co-members).
	Newman Projection = "newman"
	// Count adds 1 to each pair of co-members: the number of shared clubs.
	Count Projection = "count"
)

// Options selects a layer and a period.
type Options struct {
	Layer LayerKind
	// At keeps only what is active at some time in that year (the year of since ≤ At ≤ the
	// year of until). 0 means time is ignored: every row counts.
	At int
	// ClubWeight multiplies the club layer in the combined layer (default 1).
	ClubWeight float64
	// Projection is Newman (default) or Count.
	Projection Projection
}

// DefaultOptions is the combined layer over all time, club weight 1, Newman projection.
func DefaultOptions() Options {
	return Options{Layer: Combined, ClubWeight: 1, Projection: Newman}
}

// Validate checks the options.
func (o Options) Validate() error {
	switch o.Layer {
	case Bilateral, Clubs, Combined:
	default:
		return fmt.Errorf("layer %q: want bilateral, clubs or combined", o.Layer)
	}
	switch o.Projection {
	case Newman, Count:
	default:
		return fmt.Errorf("projection %q: want newman or count", o.Projection)
	}
	if !(o.ClubWeight >= 0) || o.ClubWeight > 1e300 {
		return fmt.Errorf("club weight %v: want a finite number ≥ 0", o.ClubWeight)
	}
	if o.At < 0 {
		return fmt.Errorf("at %d: want a year", o.At)
	}
	return nil
}

// part is one contribution to the weight of a pair of actors (by actor index).
type part struct {
	key       uint64 // a<<32 | b with a < b
	bil, club float64
}

// edge is a merged pair of nodes.
type edge struct {
	u, v      int64
	bil, club float64
}

// LayerClub is a club active in the layer's period with its active members.
type LayerClub struct {
	Index   int     // position in Dataset.Clubs
	ID      string  // club id
	Members []int64 // node ids of the distinct active members, ascending
}

// Layer is one weighted, undirected graph of a data set for one period. It implements
// gonum's graph.Undirected and graph.Weighted. Node ids are 0…n−1 in ascending order of
// actor id; Nodes, From and Edges iterate in ascending id order, so every walk over a
// Layer is deterministic.
//
// Each edge carries its weight and the two parts it was made from: the bilateral weight
// (active tie rows plus exchange volumes) and the club weight (the projection), so that
// weight = bilateral + ClubWeight × club on the combined layer. Edges of weight 0 are
// left out.
type Layer struct {
	Options Options
	Data    *Dataset

	actors []string // node id -> actor id
	index  map[string]int64
	nodes  []Node
	nodeOf []int64 // actor index -> node id (meaningful for actors in the layer)

	off  []int // CSR offsets, len n+1
	nbr  []int64
	w    []float64
	bil  []float64
	club []float64

	// Clubs are the clubs active in the period with at least one active member.
	Clubs []LayerClub
	// Ties and Exchanges are the indexes into Data.Ties and Data.Exchanges of the rows active
	// in the period.
	Ties, Exchanges []int
}

// Layer builds the layer chosen by o.
func (d *Dataset) Layer(o Options) (*Layer, error) {
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("build layer: %w", err)
	}
	at := o.At
	active := func(p Period) bool { return at == 0 || p.ActiveIn(at) }

	l := &Layer{Options: o, Data: d}
	used := make([]bool, len(d.Actors))
	mark := func(i int32) int {
		used[i] = true
		return int(i)
	}
	// The active rows and memberships first, to size the list of contributions exactly.
	for i := range d.Ties {
		if active(d.Ties[i].Period) {
			l.Ties = append(l.Ties, i)
		}
	}
	for i := range d.Exchanges {
		if at == 0 || int(d.Exchanges[i].Date.Year) == at {
			l.Exchanges = append(l.Exchanges, i)
		}
	}
	members := make([][]int, len(d.Clubs))
	for i := range d.Memberships {
		m := &d.Memberships[i]
		ci := d.memberRefs[i][0]
		if !active(m.Period) || !active(d.Clubs[ci].Period) {
			continue
		}
		members[ci] = append(members[ci], mark(d.memberRefs[i][1]))
	}
	clubPairs := 0
	for ci, ms := range members {
		sort.Ints(ms)
		members[ci] = slices.Compact(ms)
		k := len(members[ci])
		clubPairs += k * (k - 1) / 2
	}
	// Every contribution is listed as (pair key, bilateral, club) and merged after one sort:
	// cheaper than a map on a million rows.
	parts := make([]part, 0, len(l.Ties)+len(l.Exchanges)+clubPairs)
	add := func(a, b int, bil, club float64) {
		if a > b {
			a, b = b, a
		}
		parts = append(parts, part{key: uint64(a)<<32 | uint64(b), bil: bil, club: club})
	}
	for _, i := range l.Ties {
		add(mark(d.tieEnds[i][0]), mark(d.tieEnds[i][1]), d.Ties[i].Weight, 0)
	}
	for _, i := range l.Exchanges {
		add(mark(d.exchangeEnds[i][0]), mark(d.exchangeEnds[i][1]), d.Exchanges[i].Volume, 0)
	}
	if at == 0 {
		for i := range used {
			used[i] = true
		}
	}
	// Dense node ids over the actors in the layer, in actor id order.
	nodeOf := make([]int64, len(d.Actors))
	l.index = make(map[string]int64)
	for i := range d.Actors {
		if used[i] {
			nodeOf[i] = int64(len(l.actors))
			l.index[d.Actors[i].ID] = nodeOf[i]
			l.actors = append(l.actors, d.Actors[i].ID)
		}
	}
	l.nodeOf = nodeOf
	l.nodes = make([]Node, len(l.actors))
	for i, a := range l.actors {
		l.nodes[i] = Node{id: int64(i), actor: a}
	}
	for ci, ms := range members {
		if len(ms) == 0 {
			continue
		}
		k := len(ms)
		lc := LayerClub{Index: ci, ID: d.Clubs[ci].ID, Members: make([]int64, k)}
		for j, m := range ms {
			lc.Members[j] = nodeOf[m]
		}
		l.Clubs = append(l.Clubs, lc)
		if k < 2 {
			continue
		}
		share := 1 / float64(k-1)
		if o.Projection == Count {
			share = 1
		}
		for x := 0; x < k; x++ {
			for y := x + 1; y < k; y++ {
				add(ms[x], ms[y], 0, share)
			}
		}
	}

	// Merge the contributions per pair into a sorted edge list, then CSR. Node ids keep the
	// order of actor indexes, so sorting by actor-index key sorts by node ids too, and
	// walking the edges in (u, v) order appends every node's neighbours in ascending order.
	// Within a pair the contributions are summed in ascending order of value, so the sums do
	// not depend on the input order.
	slices.SortFunc(parts, func(a, b part) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		if a.bil != b.bil {
			return cmp.Compare(a.bil, b.bil)
		}
		return cmp.Compare(a.club, b.club)
	})
	var edges []edge
	for i := 0; i < len(parts); {
		e := edge{u: nodeOf[int(parts[i].key>>32)], v: nodeOf[int(parts[i].key&0xffffffff)]}
		j := i
		for ; j < len(parts) && parts[j].key == parts[i].key; j++ {
			e.bil += parts[j].bil
			e.club += parts[j].club
		}
		edges = append(edges, e)
		i = j
	}
	weight := func(e edge) float64 {
		switch o.Layer {
		case Bilateral:
			return e.bil
		case Clubs:
			return e.club
		default:
			return e.bil + o.ClubWeight*e.club
		}
	}
	n := len(l.actors)
	deg := make([]int, n+1)
	kept := edges[:0]
	for _, e := range edges {
		if weight(e) > 0 {
			kept = append(kept, e)
			deg[e.u]++
			deg[e.v]++
		}
	}
	l.off = make([]int, n+1)
	for i := 0; i < n; i++ {
		l.off[i+1] = l.off[i] + deg[i]
	}
	m2 := l.off[n]
	l.nbr = make([]int64, m2)
	l.w = make([]float64, m2)
	l.bil = make([]float64, m2)
	l.club = make([]float64, m2)
	pos := make([]int, n)
	copy(pos, l.off[:n])
	put := func(a, b int64, e edge, w float64) {
		p := pos[a]
		pos[a]++
		l.nbr[p], l.w[p], l.bil[p], l.club[p] = b, w, e.bil, e.club
	}
	for _, e := range kept {
		w := weight(e)
		put(e.u, e.v, e, w)
		put(e.v, e.u, e, w)
	}
	return l, nil
}

// TieEnds returns the node ids of the ends of row i of Data.Ties (an index from l.Ties).
func (l *Layer) TieEnds(i int) (u, v int64) {
	e := l.Data.tieEnds[i]
	return l.nodeOf[e[0]], l.nodeOf[e[1]]
}

// ExchangeEnds returns the node ids of the ends of row i of Data.Exchanges (an index from
// l.Exchanges).
func (l *Layer) ExchangeEnds(i int) (from, to int64) {
	e := l.Data.exchangeEnds[i]
	return l.nodeOf[e[0]], l.nodeOf[e[1]]
}

// Len is the number of nodes.
func (l *Layer) Len() int { return len(l.actors) }

// EdgeCount is the number of undirected edges.
func (l *Layer) EdgeCount() int { return len(l.nbr) / 2 }

// Actor returns the actor id of node id.
func (l *Layer) Actor(id int64) string { return l.actors[id] }

// Actors returns the actor ids of the nodes, indexed by node id. Do not modify it.
func (l *Layer) Actors() []string { return l.actors }

// NodeID returns the node id of an actor; ok is false when the actor is not in the layer.
func (l *Layer) NodeID(actor string) (id int64, ok bool) {
	id, ok = l.index[actor]
	return id, ok
}

// Adjacency returns node id's neighbours (ascending) and the weights of the edges to them,
// without copying. Do not modify them.
func (l *Layer) Adjacency(id int64) (nbrs []int64, weights []float64) {
	a, b := l.off[id], l.off[id+1]
	return l.nbr[a:b], l.w[a:b]
}

// AdjacencyParts is Adjacency with the bilateral and club parts of each edge's weight.
// Do not modify the slices.
func (l *Layer) AdjacencyParts(id int64) (nbrs []int64, bilateral, club []float64) {
	a, b := l.off[id], l.off[id+1]
	return l.nbr[a:b], l.bil[a:b], l.club[a:b]
}

// Parts returns the bilateral and club weight of the edge between x and y (0, 0 if none).
func (l *Layer) Parts(x, y int64) (bilateral, club float64) {
	if p, ok := l.find(x, y); ok {
		return l.bil[p], l.club[p]
	}
	return 0, 0
}

// TotalWeight is the sum of edge weights.
func (l *Layer) TotalWeight() float64 {
	s := 0.0
	for _, w := range l.w {
		s += w
	}
	return s / 2
}

// Density is 2m / (n(n−1)), 0 for fewer than two nodes.
func (l *Layer) Density() float64 {
	n := float64(l.Len())
	if n < 2 {
		return 0
	}
	return float64(len(l.nbr)) / (n * (n - 1))
}

// find returns the CSR position of y in x's adjacency.
func (l *Layer) find(x, y int64) (int, bool) {
	if x < 0 || y < 0 || x >= int64(len(l.actors)) || y >= int64(len(l.actors)) {
		return 0, false
	}
	a, b := l.off[x], l.off[x+1]
	i := sort.Search(b-a, func(i int) bool { return l.nbr[a+i] >= y })
	if i < b-a && l.nbr[a+i] == y {
		return a + i, true
	}
	return 0, false
}
