package provenance

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/liaison-net/liaison/graphmodel"
)

// ErrNoProvenance is returned by Analyze for a data set whose exchanges.csv has none of the
// provenance columns.
var ErrNoProvenance = errors.New("no provenance columns in exchanges.csv (report, origin, derived_from, assessment, caveat)")

// Has reports whether d has a provenance record (any of the provenance columns).
func Has(d *graphmodel.Dataset) bool {
	_, ok := d.ProvenanceColumns()
	return ok
}

// report is one item of the record: every row with its id carries it.
type report struct {
	id      string
	origin  int32   // actor position; the origin column, or the sender of its earliest row
	sources []int32 // derived_from, as report positions
	caveat  graphmodel.Caveat
	line    int // first row
	// Derived once, in topological order: the root origins (sorted actor positions), the
	// origins of every report it derives from, itself included (sorted), and those of its
	// ancestors, itself included, whose caveat restricts release.
	roots, origins, caveated []int32
}

// transfer is one exchange row that carries a report, in the period.
type transfer struct {
	row      int32 // index into Dataset.Exchanges
	rep      int32
	from, to int32
	assess   int32 // -1: none
	first    int64 // first and last day of the date (yyyymmdd)
	last     int64
}

// record is the provenance graph: reports as nodes, derivations (sources) and transfers as
// arcs.
type record struct {
	d           *graphmodel.Dataset
	reports     []report
	assessments []string // sorted
	xs          []transfer
	untracked   int
	// received: the transfers sorted by (rep, to, first, row); the search looks up a
	// report's receipts by an actor there.
	received []int32
}

func dayKeys(t graphmodel.Time) (first, last int64) {
	y := int64(t.Year) * 10000
	if t.IsDate() {
		k := y + int64(t.Month)*100 + int64(t.Day)
		return k, k
	}
	return y + 101, y + 1231
}

// build reads d's provenance columns into a record of the transfers up to year at (all
// when at is 0). The data set is one Load has validated.
func build(d *graphmodel.Dataset, at int) (*record, error) {
	pc, ok := d.ProvenanceColumns()
	if !ok {
		return nil, ErrNoProvenance
	}
	r := &record{d: d}
	repIndex := map[string]int32{}
	assessIndex := map[string]int32{}
	type rowProv struct {
		rep    int32
		assess string
	}
	rows := make([]rowProv, len(d.Exchanges))
	firstRow := []int32{} // per report: the earliest row (by date, then line), for a default origin
	derived := map[int32][]string{}
	for i := range d.Exchanges {
		x := &d.Exchanges[i]
		p := pc.Provenance(x)
		rows[i].rep = -1
		if p.Report == "" {
			continue
		}
		k, ok := repIndex[p.Report]
		if !ok {
			k = int32(len(r.reports))
			repIndex[p.Report] = k
			r.reports = append(r.reports, report{id: p.Report, origin: -1, line: x.Line})
			firstRow = append(firstRow, int32(i))
		}
		rep := &r.reports[k]
		if p.Origin != "" && rep.origin < 0 {
			// Load has checked the origins; in a data set derived from a loaded one
			// (Dataset.Without) an origin may be gone: the report then has the default.
			if o, ok := d.ActorIndex(p.Origin); ok {
				rep.origin = int32(o)
			}
		}
		if len(p.DerivedFrom) > 0 && derived[k] == nil {
			derived[k] = p.DerivedFrom
		}
		if p.Caveat != "" && !rep.caveat.Restricted() && len(rep.caveat.Other) == 0 {
			rep.caveat = graphmodel.ParseCaveat(p.Caveat)
		}
		if f := &d.Exchanges[firstRow[k]]; earlier(x, f) {
			firstRow[k] = int32(i)
		}
		rows[i] = rowProv{rep: k, assess: p.Assessment}
		if p.Assessment != "" {
			if _, ok := assessIndex[p.Assessment]; !ok {
				assessIndex[p.Assessment] = int32(len(r.assessments))
				r.assessments = append(r.assessments, p.Assessment)
			}
		}
	}
	for k := range r.reports {
		rep := &r.reports[k]
		if rep.origin < 0 {
			o, _ := d.ExchangeActors(int(firstRow[k]))
			rep.origin = int32(o)
		}
		for _, s := range derived[int32(k)] {
			// Likewise a source whose every row is gone is left out.
			if j, ok := repIndex[s]; ok {
				rep.sources = append(rep.sources, j)
			}
		}
	}
	// Assessments in sorted order, renumbered.
	renum := make([]int32, len(r.assessments))
	sorted := slices.Clone(r.assessments)
	slices.Sort(sorted)
	for i, a := range r.assessments {
		j, _ := slices.BinarySearch(sorted, a)
		renum[i] = int32(j)
	}
	r.assessments = sorted
	for i := range d.Exchanges {
		x := &d.Exchanges[i]
		if rows[i].rep < 0 {
			r.untracked++
			continue
		}
		if at != 0 && int(x.Date.Year) > at {
			continue
		}
		from, to := d.ExchangeActors(i)
		a := int32(-1)
		if rows[i].assess != "" {
			a = renum[assessIndex[rows[i].assess]]
		}
		f, l := dayKeys(x.Date)
		r.xs = append(r.xs, transfer{row: int32(i), rep: rows[i].rep, from: int32(from), to: int32(to), assess: a, first: f, last: l})
	}
	if err := r.derive(); err != nil {
		return nil, err
	}
	r.received = bucketSort(len(r.xs), len(r.reports), func(i int32) int32 { return r.xs[i].rep }, func(a, b int32) int {
		x, y := &r.xs[a], &r.xs[b]
		return cmp.Or(cmp.Compare(x.to, y.to), cmp.Compare(x.first, y.first), cmp.Compare(x.row, y.row))
	})
	return r, nil
}

// earlier orders exchange rows by date (first day), then line.
func earlier(x, y *graphmodel.Exchange) bool {
	fx, _ := dayKeys(x.Date)
	fy, _ := dayKeys(y.Date)
	if fx != fy {
		return fx < fy
	}
	return x.Line < y.Line
}

// derive computes each report's roots, origins and caveated ancestors, sources first.
func (r *record) derive() error {
	n := len(r.reports)
	state := make([]uint8, n) // 0 new, 1 on the stack, 2 done
	type frame struct {
		k    int32
		next int
	}
	var stack []frame
	for start := range n {
		if state[start] != 0 {
			continue
		}
		stack = append(stack[:0], frame{k: int32(start)})
		state[start] = 1
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			rep := &r.reports[f.k]
			if f.next < len(rep.sources) {
				s := rep.sources[f.next]
				f.next++
				switch state[s] {
				case 0:
					state[s] = 1
					stack = append(stack, frame{k: s})
				case 1:
					return fmt.Errorf("provenance: report %q is in a derived_from cycle (the data set was not validated)", rep.id)
				}
				continue
			}
			r.finishReport(f.k)
			state[f.k] = 2
			stack = stack[:len(stack)-1]
		}
	}
	return nil
}

func (r *record) finishReport(k int32) {
	rep := &r.reports[k]
	rep.origins = []int32{rep.origin}
	if rep.caveat.Restricted() {
		rep.caveated = []int32{k}
	}
	if len(rep.sources) == 0 {
		rep.roots = []int32{rep.origin}
		return
	}
	for _, s := range rep.sources {
		src := &r.reports[s]
		rep.roots = append(rep.roots, src.roots...)
		rep.origins = append(rep.origins, src.origins...)
		rep.caveated = append(rep.caveated, src.caveated...)
	}
	rep.roots = sortedSet(rep.roots)
	rep.origins = sortedSet(rep.origins)
	rep.caveated = sortedSet(rep.caveated)
	if len(rep.sources) == 1 { // share the source's slices when nothing was added
		src := &r.reports[rep.sources[0]]
		if slices.Equal(rep.roots, src.roots) {
			rep.roots = src.roots
		}
		if slices.Equal(rep.caveated, src.caveated) {
			rep.caveated = src.caveated
		}
	}
}

func sortedSet(s []int32) []int32 {
	if len(s) < 2 {
		return s
	}
	slices.Sort(s)
	return slices.Compact(s)
}

func hasRoot(roots []int32, o int32) bool {
	_, ok := slices.BinarySearch(roots, o)
	return ok
}

// receipts returns the transfers of report rep to actor a (positions in r.received).
func (r *record) receipts(rep, a int32) []int32 {
	lo, _ := slices.BinarySearchFunc(r.received, [2]int32{rep, a}, func(i int32, k [2]int32) int {
		x := &r.xs[i]
		return cmp.Or(cmp.Compare(x.rep, k[0]), cmp.Compare(x.to, k[1]))
	})
	hi := lo
	for hi < len(r.received) && r.xs[r.received[hi]].rep == rep && r.xs[r.received[hi]].to == a {
		hi++
	}
	return r.received[lo:hi]
}

func (r *record) actor(a int32) string { return r.d.Actors[a].ID }

// reportRanks returns each report's place in the order of report ids.
func (r *record) reportRanks() []int32 {
	order := make([]int32, len(r.reports))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(r.reports[a].id, r.reports[b].id) })
	rank := make([]int32, len(r.reports))
	for i, k := range order {
		rank[k] = int32(i)
	}
	return rank
}

// bucketSort returns 0…n-1 ordered by bucket (0…buckets-1), then within a bucket by less:
// a counting sort, then a sort of each (small) bucket.
func bucketSort(n, buckets int, bucket func(int32) int32, less func(a, b int32) int) []int32 {
	off := make([]int32, buckets+1)
	for i := range n {
		off[bucket(int32(i))+1]++
	}
	for b := range buckets {
		off[b+1] += off[b]
	}
	out := make([]int32, n)
	next := slices.Clone(off[:buckets])
	for i := range n {
		b := bucket(int32(i))
		out[next[b]] = int32(i)
		next[b]++
	}
	for b := range buckets {
		if seg := out[off[b]:off[b+1]]; len(seg) > 1 {
			slices.SortFunc(seg, less)
		}
	}
	return out
}
