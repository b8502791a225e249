package graphmodel

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// Actor is a state, agency or organisation.
type Actor struct {
	ID     string
	Name   string
	Type   string
	Region string
	Extra  []string // values of the extra actors.csv columns, aligned with Dataset.Columns.Actors
	Line   int      // line in actors.csv; 0 when the actor is only referenced
}

// Tie is one row of ties.csv: one spell of an undirected bilateral tie. Several rows for the
// same unordered pair are one tie whose weights add up over the rows active in a period.
type Tie struct {
	Source, Target string
	Weight         float64 // > 0; 1 when the column is absent or empty
	Period
	Domains []string // the ;-separated domains, trimmed, duplicates removed, in input order
	Extra   []string
	Line    int
}

// Club is a multilateral club.
type Club struct {
	ID   string
	Name string
	Period
	Extra []string
	Line  int // line in clubs.csv; 0 when the club is only referenced
}

// Membership says an actor belongs to a club, and when.
type Membership struct {
	Club, Actor string
	Period
	Role  string
	Extra []string
	Line  int
}

// Exchange is one directed transfer of intelligence.
type Exchange struct {
	Date     Time
	From, To string
	Volume   float64 // > 0; 1 when absent or empty
	Domain   string
	Extra    []string
	Line     int
}

// Columns are the extra (non-contract) columns of each file, in input order, with their
// inferred types. Entity Extra slices are aligned with these.
type Columns struct {
	Actors, Ties, Clubs, Memberships, Exchanges []Column
	Rivalries                                   []Column // rivalries.csv (rivalries.go)
}

// Dataset is a validated liaison data set. Actors and Clubs are sorted by ID; Ties,
// Memberships and Exchanges keep the input order.
type Dataset struct {
	Path        string
	Actors      []Actor
	Clubs       []Club
	Ties        []Tie
	Memberships []Membership
	Exchanges   []Exchange
	Rivalries   []Rivalry // rivalries.csv: negative ties, in input order (rivalries.go)
	Columns     Columns
	// Files lists the data set files that were read (e.g. "actors.csv", "ties.csv").
	Files []string

	actorIndex map[string]int
	clubIndex  map[string]int
	// Positions in Actors (and Clubs) of each row's references, resolved once.
	tieEnds      [][2]int32 // source, target
	exchangeEnds [][2]int32 // from, to
	memberRefs   [][2]int32 // club, actor
	// The tie rows and the exchanges of each unordered pair of actors: the one grouping of
	// rows by pair, which every layer filters by its period.
	tiePairs, exchangePairs pairIndex
	// The span of the data set's times (since, until, exchange dates).
	first, last Time
	hasSpan     bool
	// For a data set loaded for one period (LoadOptions.At): the year, and the rows read of
	// each file (only those that can matter in the period are in the slices above).
	period   int
	rowsRead map[string]int
	// keptRows: what a layer kept of the tie rows when it released them (release.go).
	keptRows *keptRows
	// tiesRead is what Load saw of the tie rows as it read them in pieces (readChunks); nil
	// for a data set made otherwise, whose rows are looked at when needed.
	tiesRead *tiesRead
}

// tiesRead is what a pass over Dataset.Ties would find, seen as the rows were read.
type tiesRead struct {
	span spanAcc // of the rows' since and until
	unit bool    // every row's weight is 1: a pair's sum is its number of rows
}

// pairIndex groups the rows of one file by the unordered pair of actors they join: pair p
// joins the actors at positions keys[p]>>32 < keys[p]&0xffffffff and holds the rows
// rows[off[p]:off[p+1]], ascending (input order). Pairs are sorted by key.
type pairIndex struct {
	keys []uint64
	off  []int32
	rows []int32
}

func pairKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

// groupPairs builds the pair index of rows whose ends are ends[i], positions among n
// actors. The rows of a pair stay in input order. Files often hold the rows of a pair
// together (sorted by source and target, or by pair then year): the runs of consecutive rows
// of one pair are then sorted, stably, by pair, far fewer than the rows. Otherwise the rows
// are ordered with two stable counting sorts (by the greater end, then by the lesser):
// linear in the rows and actors, where a comparison sort of a million rows took a tenth of
// the load.
func groupPairs(ends [][2]int32, n int) pairIndex {
	type run struct {
		key      uint64
		start, k int32 // rows start…start+k−1
	}
	var runs []run
	for i, e := range ends {
		key := pairKey(e[0], e[1])
		if len(runs) > 0 && runs[len(runs)-1].key == key {
			runs[len(runs)-1].k++
			continue
		}
		if len(runs) > len(ends)/8 {
			runs = nil // too many: the counting sorts below
			break
		}
		runs = append(runs, run{key: key, start: int32(i), k: 1})
	}
	order := make([]int32, len(ends))
	if runs != nil || len(ends) == 0 {
		slices.SortStableFunc(runs, func(a, b run) int { return cmp.Compare(a.key, b.key) })
		x := pairIndex{rows: order, off: []int32{0}}
		k := int32(0)
		for _, r := range runs {
			if len(x.keys) == 0 || x.keys[len(x.keys)-1] != r.key {
				if len(x.keys) > 0 {
					x.off = append(x.off, k)
				}
				x.keys = append(x.keys, r.key)
			}
			for i := r.start; i < r.start+r.k; i++ {
				order[k] = i
				k++
			}
		}
		if len(order) > 0 {
			x.off = append(x.off, int32(len(order)))
		}
		return x
	}
	lo := func(i int32) int32 { return min(ends[i][0], ends[i][1]) }
	hi := func(i int32) int32 { return max(ends[i][0], ends[i][1]) }
	for i := range order {
		order[i] = int32(i)
	}
	tmp := make([]int32, len(ends))
	count := make([]int32, n+1)
	for _, end := range []func(int32) int32{hi, lo} {
		clear(count)
		for _, i := range order {
			count[end(i)+1]++
		}
		for a := 1; a <= n; a++ {
			count[a] += count[a-1]
		}
		for _, i := range order {
			e := end(i)
			tmp[count[e]] = i
			count[e]++
		}
		order, tmp = tmp, order
	}
	// The keys and offsets sized first: appending them allocated 5 times their size.
	pairs := 0
	for k, i := range order {
		if k == 0 || pairKey(ends[i][0], ends[i][1]) != pairKey(ends[order[k-1]][0], ends[order[k-1]][1]) {
			pairs++
		}
	}
	x := pairIndex{rows: order, off: make([]int32, 1, pairs+1), keys: make([]uint64, 0, pairs)}
	for k, i := range order {
		key := pairKey(ends[i][0], ends[i][1])
		if len(x.keys) == 0 || x.keys[len(x.keys)-1] != key {
			if len(x.keys) > 0 {
				x.off = append(x.off, int32(k))
			}
			x.keys = append(x.keys, key)
		}
	}
	if len(order) > 0 {
		x.off = append(x.off, int32(len(order)))
	}
	return x
}

// TiePair is the ties.csv rows of one unordered pair of actors.
type TiePair struct {
	A, B int     // positions in Dataset.Actors, A < B
	Rows []int32 // indexes into Dataset.Ties, in input order
}

// TiePairs returns every pair of actors with tie rows, in ascending order of (A, B), with
// all their rows whatever their times (none after Layer.ReleaseTieRows). Do not modify the
// rows.
func (d *Dataset) TiePairs() []TiePair {
	x := &d.tiePairs
	out := make([]TiePair, len(x.keys))
	for p, k := range x.keys {
		out[p] = TiePair{A: int(k >> 32), B: int(k & 0xffffffff), Rows: x.rows[x.off[p]:x.off[p+1]]}
	}
	return out
}

// ActorIndex returns the position of actor id in d.Actors.
func (d *Dataset) ActorIndex(id string) (int, bool) {
	i, ok := d.actorIndex[id]
	return i, ok
}

// ClubIndex returns the position of club id in d.Clubs.
func (d *Dataset) ClubIndex(id string) (int, bool) {
	i, ok := d.clubIndex[id]
	return i, ok
}

// Span returns the earliest and latest time given anywhere in the data set (since, until and
// exchange dates); ok is false when the data set has no times at all.
func (d *Dataset) Span() (first, last Time, ok bool) {
	return d.first, d.last, d.hasSpan
}

func (d *Dataset) span() (first, last Time, ok bool) {
	var s spanAcc
	if d.tiesRead != nil { // seen as the rows were read
		s = d.tiesRead.span
	} else {
		for i := range d.Ties {
			s.see(d.Ties[i].Since)
			s.see(d.Ties[i].Until)
		}
	}
	for i := range d.Clubs {
		s.see(d.Clubs[i].Since)
		s.see(d.Clubs[i].Until)
	}
	for i := range d.Memberships {
		s.see(d.Memberships[i].Since)
		s.see(d.Memberships[i].Until)
	}
	for i := range d.Exchanges {
		s.see(d.Exchanges[i].Date)
	}
	return s.first, s.last, s.ok
}

// spanAcc is the span of the times seen so far: the first time seen of those that begin
// earliest, and the first of those that end latest.
type spanAcc struct {
	first, last Time
	ok          bool
}

func (s *spanAcc) see(t Time) {
	if t.IsZero() {
		return
	}
	if !s.ok || t.first() < s.first.first() {
		s.first = t
	}
	if !s.ok || t.last() > s.last.last() {
		s.last = t
	}
	s.ok = true
}

// add sees the times u saw, after those s saw.
func (s *spanAcc) add(u spanAcc) {
	if !u.ok {
		return
	}
	if !s.ok || u.first.first() < s.first.first() {
		s.first = u.first
	}
	if !s.ok || u.last.last() > s.last.last() {
		s.last = u.last
	}
	s.ok = true
}

func (d *Dataset) index() {
	sort.Slice(d.Actors, func(i, j int) bool { return d.Actors[i].ID < d.Actors[j].ID })
	sort.Slice(d.Clubs, func(i, j int) bool { return d.Clubs[i].ID < d.Clubs[j].ID })
	d.actorIndex = make(map[string]int, len(d.Actors))
	for i := range d.Actors {
		d.actorIndex[d.Actors[i].ID] = i
	}
	d.clubIndex = make(map[string]int, len(d.Clubs))
	for i := range d.Clubs {
		d.clubIndex[d.Clubs[i].ID] = i
	}
	d.tieEnds = make([][2]int32, len(d.Ties))
	inParts(len(d.Ties), func(lo, hi int) { // a pass over a million rows: on every core
		src, dst := lookup(d.actorIndex), lookup(d.actorIndex)
		for i := lo; i < hi; i++ {
			d.tieEnds[i] = [2]int32{src(d.Ties[i].Source), dst(d.Ties[i].Target)}
		}
	})
	d.exchangeEnds = make([][2]int32, len(d.Exchanges))
	src, dst := lookup(d.actorIndex), lookup(d.actorIndex)
	for i := range d.Exchanges {
		d.exchangeEnds[i] = [2]int32{src(d.Exchanges[i].From), dst(d.Exchanges[i].To)}
	}
	d.memberRefs = make([][2]int32, len(d.Memberships))
	src, dst = lookup(d.clubIndex), lookup(d.actorIndex)
	for i := range d.Memberships {
		d.memberRefs[i] = [2]int32{src(d.Memberships[i].Club), dst(d.Memberships[i].Actor)}
	}
	d.tiePairs, d.exchangePairs = groupPairs(d.tieEnds, len(d.Actors)), groupPairs(d.exchangeEnds, len(d.Actors))
	if d.period == 0 { // a period's data set saw its span as its rows were read (see)
		d.first, d.last, d.hasSpan = d.span()
	}
}

// inParts calls f on the ranges of 0…n−1 cut in GOMAXPROCS parts, at once, when n is large
// (f may only write to what belongs to its range), and on the whole range otherwise.
func inParts(n int, f func(lo, hi int)) {
	parts := min(runtime.GOMAXPROCS(0), n>>16)
	if parts <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(p*n/parts, (p+1)*n/parts)
		}()
	}
	wg.Wait()
}

// lookup returns a function that gives the position of an id in index, remembering the id
// before: one column of a file sorted by it looks up each id once.
func lookup(index map[string]int) func(id string) int32 {
	var last string
	pos, ok := int32(0), false
	return func(id string) int32 {
		if !ok || id != last {
			last, pos, ok = id, int32(index[id]), true
		}
		return pos
	}
}

// Without returns a copy of d without the given actors and every tie, membership and
// exchange that involves them (clubs stay). An id that is not an actor is an error. A data
// set loaded for one period keeps its period, span and row counts.
func (d *Dataset) Without(ids ...string) (*Dataset, error) {
	if err := d.checkReleased("remove actors"); err != nil {
		return nil, err
	}
	drop := map[string]bool{}
	for _, id := range ids {
		if _, ok := d.actorIndex[id]; !ok {
			return nil, fmt.Errorf("remove %q: %w: no such actor", id, ErrUnknownRef)
		}
		drop[id] = true
	}
	out := &Dataset{Path: d.Path, Columns: d.Columns, Files: d.Files, period: d.period, rowsRead: d.rowsRead}
	if d.period != 0 { // the span of every row read, which are not all here
		out.first, out.last, out.hasSpan = d.first, d.last, d.hasSpan
	}
	for _, a := range d.Actors {
		if !drop[a.ID] {
			out.Actors = append(out.Actors, a)
		}
	}
	for _, t := range d.Ties {
		if !drop[t.Source] && !drop[t.Target] {
			out.Ties = append(out.Ties, t)
		}
	}
	for _, m := range d.Memberships {
		if !drop[m.Actor] {
			out.Memberships = append(out.Memberships, m)
		}
	}
	for _, e := range d.Exchanges {
		if !drop[e.From] && !drop[e.To] {
			out.Exchanges = append(out.Exchanges, e)
		}
	}
	for _, r := range d.Rivalries {
		if !drop[r.Source] && !drop[r.Target] {
			out.Rivalries = append(out.Rivalries, r)
		}
	}
	out.Clubs = slices.Clone(d.Clubs)
	out.index()
	return out, nil
}
