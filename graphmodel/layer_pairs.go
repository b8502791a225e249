package graphmodel

import (
	"math"
	"slices"
)

// mergePairs lists the pairs of the period, in ascending order of key, with their rows:
// it walks the data set's tie rows and exchanges grouped by pair (Dataset.tiePairs,
// exchangePairs) and the club contributions clubs (sorted by key, then share) together. A
// pair is in the period when it has an active tie row, an exchange in the period or a club
// contribution. Within a pair the bilateral amounts are summed in ascending order of value,
// and so are the club shares, so the sums do not depend on the input order. ties and
// exchanges are the numbers of active rows, to size the lists.
func (l *Layer) mergePairs(clubs []part, ties, exchanges int, keepTie, keepExchange func(int32) bool) {
	d, o, pr := l.Data, l.Options, l.period
	tp, xp := &d.tiePairs, &d.exchangePairs
	pr.ties.rows = make([]int32, 0, ties)
	pr.exchanges.rows = make([]int32, 0, exchanges)
	// Over all time, unfiltered, with tie weights all 1: a pair's tie rows are all active and
	// their sum is their number (exact in float64), which needs no look at the rows.
	whole := o.At == 0 && !o.filtered() && d.tiesRead != nil && d.tiesRead.unit
	// The lists of pairs sized first, for the most pairs there can be (all, over all time):
	// appending them allocated about 5 times their size (135 MB for 1,000,000 pairs).
	// With no exchange at all the exchange and history lists stay nil (of returns nil):
	// their offsets were zeros, 4 bytes a pair each.
	withExchanges := len(xp.keys) > 0
	sets := []*rowSets{&pr.ties}
	if withExchanges {
		sets = append(sets, &pr.exchanges, &pr.history)
	}
	if n := unionPairs(tp.keys, xp.keys, clubs); n > 0 {
		pr.pairs = make([]Pair, 0, n)
		for _, r := range sets {
			r.off = make([]int32, 1, n+1)
		}
	}
	defer func() { // a period's few pairs do not keep the room of all
		if cap(pr.pairs) > 2*len(pr.pairs)+1024 {
			pr.pairs = slices.Clone(pr.pairs)
			for _, r := range sets {
				r.off = slices.Clone(r.off)
			}
		}
	}()
	var vals []float64
	i, j, c := 0, 0, 0
	for i < len(tp.keys) || j < len(xp.keys) || c < len(clubs) {
		key := uint64(math.MaxUint64)
		if i < len(tp.keys) {
			key = tp.keys[i]
		}
		if j < len(xp.keys) {
			key = min(key, xp.keys[j])
		}
		if c < len(clubs) {
			key = min(key, clubs[c].key)
		}
		var trows, xrows []int32
		if i < len(tp.keys) && tp.keys[i] == key {
			trows = tp.rows[tp.off[i]:tp.off[i+1]]
			i++
		}
		if j < len(xp.keys) && xp.keys[j] == key {
			xrows = xp.rows[xp.off[j]:xp.off[j+1]]
			j++
		}
		vals = vals[:0]
		t0, x0 := len(pr.ties.rows), len(pr.exchanges.rows)
		ones := 0 // tie rows of weight 1 not in vals (whole)
		if whole {
			pr.ties.rows = append(pr.ties.rows, trows...)
			ones = len(trows)
		} else {
			for _, r := range trows {
				if o.active(d.Ties[r].Period) && keepTie(r) {
					pr.ties.rows = append(pr.ties.rows, r)
					vals = append(vals, d.Ties[r].Weight)
				}
			}
		}
		for _, r := range xrows {
			if o.exchangeInPeriod(d.Exchanges[r].Date) && keepExchange(r) {
				pr.exchanges.rows = append(pr.exchanges.rows, r)
				vals = append(vals, d.Exchanges[r].Volume)
			}
		}
		club, inClub := 0.0, false
		for ; c < len(clubs) && clubs[c].key == key; c++ {
			club += clubs[c].club
			inClub = true
		}
		if len(vals) == 0 && ones == 0 && !inClub { // no row of the pair counts in the period
			pr.ties.rows, pr.exchanges.rows = pr.ties.rows[:t0], pr.exchanges.rows[:x0]
			continue
		}
		if ones > 0 && len(vals) > 0 { // with exchanges: the ones take their place in the order
			vals = slices.Grow(vals, ones)
			for range ones {
				vals = append(vals, 1)
			}
			ones = 0
		}
		if !slices.IsSorted(vals) {
			slices.Sort(vals)
		}
		e := Pair{U: l.nodeOf[key>>32], V: l.nodeOf[key&0xffffffff], Club: club, Bilateral: float64(ones)}
		for _, v := range vals {
			e.Bilateral += v
		}
		pr.pairs = append(pr.pairs, e)
		pr.ties.close()
		if withExchanges {
			pr.exchanges.close()
			pr.history.add(xrows, func(r int32) bool { return o.exchangeInHistory(d.Exchanges[r].Date) && keepExchange(r) })
		}
	}
}

// close ends the rows of the next pair: those appended since the pair before.
func (r *rowSets) close() {
	if r.off == nil {
		r.off = []int32{0}
	}
	r.off = append(r.off, int32(len(r.rows)))
}

// unionPairs counts the distinct keys of ties, exchanges and clubs, each sorted.
func unionPairs(ties, exchanges []uint64, clubs []part) int {
	n, i, j, c := 0, 0, 0, 0
	for i < len(ties) || j < len(exchanges) || c < len(clubs) {
		key := uint64(math.MaxUint64)
		if i < len(ties) {
			key = ties[i]
		}
		if j < len(exchanges) {
			key = min(key, exchanges[j])
		}
		if c < len(clubs) {
			key = min(key, clubs[c].key)
		}
		for i < len(ties) && ties[i] == key {
			i++
		}
		for j < len(exchanges) && exchanges[j] == key {
			j++
		}
		for c < len(clubs) && clubs[c].key == key {
			c++
		}
		n++
	}
	return n
}
