package graphmodel

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrTieRowsReleased is the error of building a layer (or a data set without some actors)
// from a data set whose tie rows a layer released (Layer.ReleaseTieRows).
var ErrTieRowsReleased = errors.New("the data set's tie rows were released (Layer.ReleaseTieRows)")

// keptRows is what ReleaseTieRows keeps of the data set's tie rows: the since and until of
// every row (nil when no row has one) and its domains (a number into domainSets, 0 for none;
// nil when no row has domains), by row index.
type keptRows struct {
	periods    []Period
	domainOf   []int32
	domainSets [][]string
	count      int // len(Data.Ties) before the release
}

// ReleaseTieRows lets the data set's tie rows go (Data.Ties becomes nil) for a caller that
// reads nothing more of the data set than this period view: the view keeps of each row the
// since, until and domains (TieRowPeriod, TieRowDomains), which is all an analysis reads of
// them, in about a twentieth of the memory (none when the rows have no years and no
// domains). The layer, the layers of As and the data set's counts (RowCounts) work as
// before; building another layer (Dataset.Layer) or Dataset.Without is then an error
// (ErrTieRowsReleased), and what else reads Data.Ties (ActiveSpan, Summary, TiePairs) sees
// no rows.
// Calling it again does nothing.
func (l *Layer) ReleaseTieRows() {
	d := l.Data
	if d.keptRows != nil {
		l.period.kept = d.keptRows
		return
	}
	k := &keptRows{count: len(d.Ties)}
	sets := map[string]int32{}
	for i := range d.Ties {
		t := &d.Ties[i]
		if t.Period != (Period{}) && k.periods == nil {
			k.periods = make([]Period, len(d.Ties))
		}
		if k.periods != nil {
			k.periods[i] = t.Period
		}
		if len(t.Domains) == 0 {
			continue
		}
		if k.domainOf == nil {
			k.domainOf = make([]int32, len(d.Ties))
			k.domainSets = [][]string{nil}
		}
		key := strings.Join(t.Domains, "\x00")
		n, ok := sets[key]
		if !ok {
			n = int32(len(k.domainSets))
			sets[key] = n
			k.domainSets = append(k.domainSets, slices.Clip(t.Domains))
		}
		k.domainOf[i] = n
	}
	d.keptRows, l.period.kept = k, k
	// The rows' ends and their grouping by pair serve only to build layers (24 bytes a row).
	d.Ties, d.tieEnds, d.tiePairs = nil, nil, pairIndex{}
}

// TieRowPeriod returns the since and until of tie row i (an index from TieRows), also after
// ReleaseTieRows.
func (l *Layer) TieRowPeriod(i int32) Period {
	if k := l.period.kept; k != nil {
		if k.periods == nil {
			return Period{}
		}
		return k.periods[i]
	}
	return l.Data.Ties[i].Period
}

// TieRowDomains returns the domains of tie row i (an index from TieRows), also after
// ReleaseTieRows. Do not modify them.
func (l *Layer) TieRowDomains(i int32) []string {
	if k := l.period.kept; k != nil {
		if k.domainOf == nil {
			return nil
		}
		return k.domainSets[k.domainOf[i]]
	}
	return l.Data.Ties[i].Domains
}

// tieCount is the number of tie rows held, or held before ReleaseTieRows.
func (d *Dataset) tieCount() int {
	if d.keptRows != nil {
		return d.keptRows.count
	}
	return len(d.Ties)
}

// checkReleased is the error of a data set whose tie rows were released.
func (d *Dataset) checkReleased(what string) error {
	if d.keptRows != nil {
		return fmt.Errorf("%s: %w", what, ErrTieRowsReleased)
	}
	return nil
}
