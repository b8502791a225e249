package graphmodel

import (
	"cmp"
	"fmt"
	"math"
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
	// Where keeps only the rows that meet every condition (see Condition): a condition on a
	// column of actors.csv keeps those actors, and the tie rows, memberships and exchanges
	// that touch only them; one on ties.csv, memberships.csv, exchanges.csv or clubs.csv keeps
	// those rows (a club's memberships go with the club). Conditions on the same column are
	// alternatives. With any filter (Where or MinWeight), the nodes are the actors that a
	// kept row references, as with At.
	Where []Condition
	// MinWeight drops the tie rows of weight below it (0: none).
	MinWeight float64
}

// filtered reports whether rows are filtered by Where or MinWeight.
func (o Options) filtered() bool { return len(o.Where) > 0 || o.MinWeight > 0 }

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
	if !(o.MinWeight >= 0) || o.MinWeight > 1e300 {
		return fmt.Errorf("min weight %v: want a finite number ≥ 0", o.MinWeight)
	}
	return nil
}

// The time rules of a period, in one place. With At = 0 everything counts.
//
//   - A row with a period (tie, club, membership) is active when the year of since ≤ At ≤ the
//     year of until (open ends always match).
//   - An exchange adds its volume to the layer in the year of its date.
//   - An exchange is part of a pair's history (the record the typology reads) when its date
//     is in At or before.
func (o Options) active(p Period) bool          { return o.At == 0 || p.ActiveIn(o.At) }
func (o Options) exchangeInPeriod(t Time) bool  { return o.At == 0 || int(t.Year) == o.At }
func (o Options) exchangeInHistory(t Time) bool { return o.At == 0 || int(t.Year) <= o.At }

// weight is the layer's weight of a pair with the given parts.
func (o Options) weight(bilateral, club float64) float64 {
	switch o.Layer {
	case Bilateral:
		return bilateral
	case Clubs:
		return club
	default:
		return bilateral + o.ClubWeight*club
	}
}

// part is one contribution to the weight of a pair of actors (by actor index).
type part struct {
	key       uint64 // a<<32 | b with a < b
	bil, club float64
}

// Pair is a pair of nodes joined in the period by any relation: an active tie row, an
// exchange in the period, or a shared active club. Its two parts are the bilateral weight
// (the active tie rows' weights plus the exchanges' volumes) and the club weight (the
// projection); the layer's weight is made from them (Options.Layer). U < V.
type Pair struct {
	U, V      int32
	Bilateral float64
	Club      float64
}

// LayerClub is a club active in the layer's period with its active members.
type LayerClub struct {
	Index   int     // position in Dataset.Clubs
	ID      string  // club id
	Members []int32 // node ids of the distinct active members, ascending
	Rows    []int32 // the active membership rows (indexes into Dataset.Memberships), input order
}

// Layer is the period view of a data set: everything the analysis and every output need about
// one period, built once, in one pass, on node indices. It is one weighted, undirected graph
// (the layer chosen by Options.Layer) and implements gonum's graph.Undirected and
// graph.Weighted. Node ids are 0…n−1 in ascending order of actor id; Nodes, From and Edges
// iterate in ascending id order, so every walk over a Layer is deterministic.
//
// Besides the graph it holds every Pair of the period with both parts of its weight (so the
// other layers of the same period are one call away: As), the active tie rows and the
// exchanges of each pair (those in the period and its history up to the period), and the
// active clubs with their members and membership rows. Edges of weight 0 are left out of
// the graph (e.g. club-only pairs in the bilateral layer).
type Layer struct {
	Options Options
	Data    *Dataset

	actors []string // node id -> actor id
	index  map[string]int64
	nodes  []Node
	nodeOf []int32 // actor index -> node id (meaningful for actors in the layer)

	*period

	// The graph of the chosen layer in compressed sparse rows: the neighbours of u are
	// nbr[off[u]:off[u+1]], ascending, with weights w and path lengths length = 1/w; pairAt
	// is the pair of each position.
	off    []int32
	nbr    []int32
	w      []float64
	length []float64
	pairAt []int32

	// Clubs are the clubs active in the period with at least one active member.
	Clubs []LayerClub
}

// period is what every layer of one period shares.
type period struct {
	pairs []Pair
	// The rows of each pair: tie rows active in the period, exchanges in the period, and the
	// exchange history up to the period (indexes into Data.Ties and Data.Exchanges).
	ties, exchanges, history rowSets
	// kept is what ReleaseTieRows kept of the tie rows (nil before: read Data.Ties).
	kept *keptRows
}

// rowSets holds one list of rows per pair: rows[off[p]:off[p+1]].
type rowSets struct {
	off  []int32
	rows []int32
}

func (r *rowSets) of(p int) []int32 {
	if r.off == nil { // no rows at all (mergePairs)
		return nil
	}
	return r.rows[r.off[p]:r.off[p+1]]
}

// add appends the rows that keep picks from in as the next pair's rows.
func (r *rowSets) add(in []int32, keep func(int32) bool) {
	if r.off == nil {
		r.off = []int32{0}
	}
	for _, i := range in {
		if keep(i) {
			r.rows = append(r.rows, i)
		}
	}
	r.off = append(r.off, int32(len(r.rows)))
}

// Layer builds the period view chosen by o: the layer's graph and everything about its period.
func (d *Dataset) Layer(o Options) (*Layer, error) {
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("build layer: %w", err)
	}
	if err := d.checkPeriod(o.At); err != nil {
		return nil, fmt.Errorf("build layer: %w", err)
	}
	if err := d.checkReleased("build layer"); err != nil {
		return nil, err
	}
	f, err := d.compileWhere(o.Where)
	if err != nil {
		return nil, fmt.Errorf("build layer: %w", err)
	}
	l := &Layer{Options: o, Data: d, period: &period{}}
	used := make([]bool, len(d.Actors))
	mark := func(i int32) int {
		used[i] = true
		return int(i)
	}
	// What the filter keeps, whatever the period: the rows of the files it names, and the
	// tie rows of at least MinWeight.
	var actorOK, clubOK []bool
	keepTie := func(int32) bool { return true }
	keepExchange := func(int32) bool { return true }
	keepMember := func(int) bool { return true }
	if f != nil || o.MinWeight > 0 {
		if f == nil {
			f = &filter{}
		}
		actorOK = make([]bool, len(d.Actors))
		for i := range d.Actors {
			actorOK[i] = f.actors.keep(&d.Actors[i])
		}
		clubOK = make([]bool, len(d.Clubs))
		for i := range d.Clubs {
			clubOK[i] = f.clubs.keep(&d.Clubs[i])
		}
		tieOK := make([]bool, len(d.Ties))
		for i := range d.Ties {
			t := &d.Ties[i]
			tieOK[i] = t.Weight >= o.MinWeight && actorOK[d.tieEnds[i][0]] && actorOK[d.tieEnds[i][1]] && f.ties.keep(t)
		}
		exchangeOK := make([]bool, len(d.Exchanges))
		for i := range d.Exchanges {
			exchangeOK[i] = actorOK[d.exchangeEnds[i][0]] && actorOK[d.exchangeEnds[i][1]] && f.exchanges.keep(&d.Exchanges[i])
		}
		keepTie = func(i int32) bool { return tieOK[i] }
		keepExchange = func(i int32) bool { return exchangeOK[i] }
		keepMember = func(i int) bool {
			return clubOK[d.memberRefs[i][0]] && actorOK[d.memberRefs[i][1]] && f.memberships.keep(&d.Memberships[i])
		}
	}
	// The actors of the active rows, and how many rows are active: over all time and without
	// a filter, every row, and every actor is in the layer (below).
	ties, exchanges := len(d.Ties), len(d.Exchanges)
	if o.At != 0 || o.filtered() {
		ties, exchanges = 0, 0
		for i := range d.Ties {
			if o.active(d.Ties[i].Period) && keepTie(int32(i)) {
				mark(d.tieEnds[i][0])
				mark(d.tieEnds[i][1])
				ties++
			}
		}
		for i := range d.Exchanges {
			if o.exchangeInPeriod(d.Exchanges[i].Date) && keepExchange(int32(i)) {
				mark(d.exchangeEnds[i][0])
				mark(d.exchangeEnds[i][1])
				exchanges++
			}
		}
	}
	members := make([][]int, len(d.Clubs))
	memberRows := make([][]int32, len(d.Clubs))
	for i := range d.Memberships {
		m := &d.Memberships[i]
		ci := d.memberRefs[i][0]
		if !o.active(m.Period) || !o.active(d.Clubs[ci].Period) || !keepMember(i) {
			continue
		}
		members[ci] = append(members[ci], mark(d.memberRefs[i][1]))
		memberRows[ci] = append(memberRows[ci], int32(i))
	}
	clubPairs := 0
	for ci, ms := range members {
		sort.Ints(ms)
		members[ci] = slices.Compact(ms)
		k := len(members[ci])
		clubPairs += k * (k - 1) / 2
	}
	// The club layer's contributions are listed as (pair key, 0, share), sorted and merged
	// with the data set's grouping of tie rows and exchanges by pair (mergePairs).
	parts := make([]part, 0, clubPairs)
	add := func(a, b int, bil, club float64) {
		parts = append(parts, part{key: pairKey(int32(a), int32(b)), bil: bil, club: club})
	}
	if o.At == 0 && !o.filtered() {
		for i := range used {
			used[i] = true
		}
	}
	// Dense node ids over the actors in the layer, in actor id order.
	nodeOf := make([]int32, len(d.Actors))
	l.index = make(map[string]int64)
	for i := range d.Actors {
		if used[i] {
			nodeOf[i] = int32(len(l.actors))
			l.index[d.Actors[i].ID] = int64(nodeOf[i])
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
		lc := LayerClub{Index: ci, ID: d.Clubs[ci].ID, Members: make([]int32, k), Rows: memberRows[ci]}
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

	slices.SortFunc(parts, func(a, b part) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return cmp.Compare(a.club, b.club)
	})
	l.mergePairs(parts, ties, exchanges, keepTie, keepExchange)
	l.buildGraph()
	if err := l.checkWeights(); err != nil {
		return nil, err
	}
	return l, nil
}

// As returns the layer of kind k of the same period: it shares the pairs, rows and clubs and
// builds only the graph. (With k = l.Options.Layer it returns l.)
func (l *Layer) As(k LayerKind) (*Layer, error) {
	if k == l.Options.Layer {
		return l, nil
	}
	o := l.Options
	o.Layer = k
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("build layer: %w", err)
	}
	ll := *l
	ll.Options = o
	ll.buildGraph()
	if err := ll.checkWeights(); err != nil {
		return nil, err
	}
	return &ll, nil
}

// checkWeights makes sure that every weight of the graph is finite, and so is twice their sum
// (2m: every node's strength and the modularity's denominator are at most that). Load
// rejects a pair whose rows add up to +Inf, so a weight can overflow only here, from a large
// club weight; 2m can overflow from a few large pairs. The error wraps ErrBadWeight.
func (l *Layer) checkWeights() error {
	total := 0.0
	for q, w := range l.w {
		if math.IsInf(w, 0) || math.IsNaN(w) {
			e := l.pairs[l.pairAt[q]]
			return fmt.Errorf("build layer: %w: the %s weight of %q–%q is %v (bilateral %g, club %g, club weight %g)",
				ErrBadWeight, l.Options.Layer, l.actors[e.U], l.actors[e.V], w, e.Bilateral, e.Club, l.Options.ClubWeight)
		}
		total += w
	}
	if math.IsInf(total, 0) {
		return fmt.Errorf("build layer: %w: twice the sum of the %s layer's weights is more than 1.8e308 (strengths and modularity would be infinite)",
			ErrBadWeight, l.Options.Layer)
	}
	return nil
}

// buildGraph builds the CSR of the chosen layer from the pairs: the pairs of weight > 0.
// Walking the pairs in (u, v) order appends every node's neighbours in ascending order.
func (l *Layer) buildGraph() {
	n := len(l.actors)
	deg := make([]int32, n+1)
	for _, e := range l.pairs {
		if l.Options.weight(e.Bilateral, e.Club) > 0 {
			deg[e.U]++
			deg[e.V]++
		}
	}
	l.off = make([]int32, n+1)
	for i := 0; i < n; i++ {
		l.off[i+1] = l.off[i] + deg[i]
	}
	m2 := l.off[n]
	l.nbr = make([]int32, m2)
	l.w = make([]float64, m2)
	l.length = make([]float64, m2)
	l.pairAt = make([]int32, m2)
	pos := slices.Clone(l.off[:n])
	put := func(a, b int32, p int, w float64) {
		q := pos[a]
		pos[a]++
		l.nbr[q], l.w[q], l.length[q], l.pairAt[q] = b, w, 1/w, int32(p)
	}
	for p, e := range l.pairs {
		if w := l.Options.weight(e.Bilateral, e.Club); w > 0 {
			put(e.U, e.V, p, w)
			put(e.V, e.U, p, w)
		}
	}
}

// Pairs returns every pair of the period, in ascending (U, V) order. Do not modify it.
func (l *Layer) Pairs() []Pair { return l.pairs }

// PairOf returns the number of the pair of nodes x and y (in either order).
func (l *Layer) PairOf(x, y int32) (int, bool) {
	if x > y {
		x, y = y, x
	}
	return slices.BinarySearchFunc(l.pairs, [2]int32{x, y}, func(e Pair, k [2]int32) int {
		return cmp.Or(cmp.Compare(e.U, k[0]), cmp.Compare(e.V, k[1]))
	})
}

// TieRows returns the tie rows of pair p active in the period (indexes into Data.Ties, input
// order). Do not modify it.
func (l *Layer) TieRows(p int) []int32 { return l.ties.of(p) }

// Exchanges returns the exchanges of pair p in the period: those whose volumes are part of
// the bilateral weight (indexes into Data.Exchanges, input order). Do not modify it.
func (l *Layer) Exchanges(p int) []int32 { return l.exchanges.of(p) }

// History returns the exchanges of pair p up to and including the period: the exchange record
// the typology reads (indexes into Data.Exchanges, input order). Do not modify it.
func (l *Layer) History(p int) []int32 { return l.history.of(p) }

// CSR returns the graph in compressed sparse rows, without copying: the neighbours of node u
// are nbr[off[u]:off[u+1]] (ascending) with edge weights w and path lengths length = 1/w at
// the same positions. Do not modify them.
func (l *Layer) CSR() (off, nbr []int32, w, length []float64) {
	return l.off, l.nbr, l.w, l.length
}

// PairAt returns the pair of the CSR position q.
func (l *Layer) PairAt(q int) int { return int(l.pairAt[q]) }

// Len is the number of nodes.
func (l *Layer) Len() int { return len(l.actors) }

// EdgeCount is the number of undirected edges.
func (l *Layer) EdgeCount() int { return len(l.nbr) / 2 }

// Actor returns the actor id of node id.
func (l *Layer) Actor(id int64) string { return l.actors[id] }

// Actors returns the actor ids of the nodes, indexed by node id. Do not modify it.
func (l *Layer) Actors() []string { return l.actors }

// ActorOf returns the data set's actor of node id.
func (l *Layer) ActorOf(id int64) *Actor {
	i := l.Data.actorIndex[l.actors[id]]
	return &l.Data.Actors[i]
}

// NodeID returns the node id of an actor; ok is false when the actor is not in the layer.
func (l *Layer) NodeID(actor string) (id int64, ok bool) {
	id, ok = l.index[actor]
	return id, ok
}

// Adjacency returns node id's neighbours (ascending) and the weights of the edges to them,
// without copying. Do not modify them.
func (l *Layer) Adjacency(id int64) (nbrs []int32, weights []float64) {
	a, b := l.off[id], l.off[id+1]
	return l.nbr[a:b], l.w[a:b]
}

// Parts returns the bilateral and club weight of the pair of x and y (0, 0 if none).
func (l *Layer) Parts(x, y int64) (bilateral, club float64) {
	if x < 0 || y < 0 || x >= int64(len(l.actors)) || y >= int64(len(l.actors)) {
		return 0, 0
	}
	if p, ok := l.PairOf(int32(x), int32(y)); ok {
		return l.pairs[p].Bilateral, l.pairs[p].Club
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
	i, ok := slices.BinarySearch(l.nbr[a:b], int32(y))
	return int(a) + i, ok
}

// ActiveSpan returns the first and last year in which some tie row, membership or exchange
// can be active: the years of the ties' since and until, of the exchanges' dates, and of the
// memberships' since and until clipped to their club's period (a membership is active only
// while its club is). A club's own dates before its first membership or after its last (the
// left-censored history of an alliance founded in 1386 whose members are recorded from 1816)
// do not count, as no layer has anything in those years. Open ends set no bound; ok is false
// when nothing has a year.
func (d *Dataset) ActiveSpan() (first, last int, ok bool) {
	see := func(y int32) {
		if y == 0 {
			return
		}
		if !ok || int(y) < first {
			first = int(y)
		}
		if !ok || int(y) > last {
			last = int(y)
		}
		ok = true
	}
	for i := range d.Ties {
		see(d.Ties[i].Since.Year)
		see(d.Ties[i].Until.Year)
	}
	for i := range d.Exchanges {
		see(d.Exchanges[i].Date.Year)
	}
	for i := range d.Memberships {
		m, c := &d.Memberships[i], &d.Clubs[d.memberRefs[i][0]]
		since, until := m.Since.Year, m.Until.Year
		if cs := c.Since.Year; cs != 0 && (since == 0 || cs > since) {
			since = cs
		}
		if cu := c.Until.Year; cu != 0 && (until == 0 || cu < until) {
			until = cu
		}
		see(since)
		see(until)
	}
	return first, last, ok
}
