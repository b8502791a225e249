package graphmodel

import (
	"container/heap"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strings"
)

// This file is the streaming check of a data set (Validate): the rows are read, checked
// against the contract exactly as Load checks them, counted and dropped, so that memory
// grows with the ids of the data set (interned, for the reference and duplicate checks),
// not with its rows.

// DefaultKeepProblems is how many problems Validate keeps when ValidateOptions.KeepProblems
// is 0.
const DefaultKeepProblems = 1000

// ValidateOptions tune Validate.
type ValidateOptions struct {
	// KeepProblems is how many problems the *ValidationError keeps: the first ones in file
	// and line order (0: DefaultKeepProblems; negative: every one, memory then grows with
	// the problems). Every problem is still counted (ValidationError.Total) and summarised
	// by kind (ValidationError.Summary).
	KeepProblems int
}

// Counts are the valid rows of each file of a data set: what Validate found.
type Counts struct {
	Actors      int // listed in actors.csv, or referenced when there is none
	Clubs       int // listed in clubs.csv, or referenced when there is none
	Ties        int // rows of ties.csv
	Memberships int
	Exchanges   int
	Rivalries   int      // rows of rivalries.csv (0 without it)
	Files       []string // the files read, as Dataset.Files
}

// Validate checks the data set at path (a folder or a single .csv file, as Load) against
// the contract without keeping its rows: every problem Load reports, Validate reports (the
// first o.KeepProblems of them kept, all counted and summarised) as a *ValidationError;
// on valid input it returns the counts. Memory grows with the distinct ids (actors, clubs,
// domains), not with the rows.
//
// One check differs in form: a pair of actors whose weights and volumes add up to more
// than 1.8e308 is found from its rows of 1e270 or more (the only ones that can reach the
// limit with fewer than 1e15 rows), and the problem names those rows, at the first of them;
// Load names every row of the pair. Within a few units in the last place of the limit, where
// the rows below 1e270 could just tip the sum over, Validate reports the pair too.
func Validate(path string, o ValidateOptions) (*Counts, error) {
	fsys, names, err := source(path)
	if err != nil {
		return nil, err
	}
	return validate(fsys, path, names, o)
}

// ValidateFS is Validate for a data set folder at the root of fsys; path names it in errors.
func ValidateFS(fsys fs.FS, path string, o ValidateOptions) (*Counts, error) {
	return validate(fsys, path, nil, o)
}

func validate(fsys fs.FS, path string, names map[string]string, o ValidateOptions) (*Counts, error) {
	keep := o.KeepProblems
	if keep == 0 {
		keep = DefaultKeepProblems
	}
	s := &stream{keep: keep, rows: map[string]int{}}
	l, err := newLoader(fsys, path, names, s)
	if err != nil {
		return nil, err
	}
	if err := l.readAll(); err != nil {
		return nil, err
	}
	if s.total == 0 {
		s.sums.check(l)
	}
	if s.total == 0 && l.d.hasProvenance() {
		// The provenance checks (report ids, derived_from cycles, origins) read the whole
		// exchange record: a data set with provenance columns is loaded whole to run them.
		if _, err := loadWith(fsys, path, names, LoadOptions{}); err != nil {
			return nil, err
		}
	}
	if s.total > 0 {
		ps := make([]*ParseError, len(s.kept))
		slices.SortFunc(s.kept, func(a, b kept) int {
			if a.o.less(b.o) {
				return -1
			}
			return 1
		})
		for i, k := range s.kept {
			ps[i] = k.p
		}
		ve := &ValidationError{Path: path, Problems: ps}
		if s.total > len(ps) {
			ve.Total = s.total
			ve.groups = s.summary.result()
		}
		return nil, ve
	}
	c := &Counts{
		Ties: s.rows[TiesFile], Memberships: s.rows[MembershipsFile], Exchanges: s.rows[ExchangesFile],
		Rivalries: s.rows[RivalriesFile], Files: l.d.Files,
	}
	if ids := l.ids[ActorsFile]; ids != nil {
		c.Actors = len(ids.line)
	}
	if ids := l.ids[ClubsFile]; ids != nil {
		c.Clubs = len(ids.line)
	}
	return c, nil
}

// heavyAmount is the least weight or volume that Validate follows row by row: the rows of
// a pair below it add up to less than 1e285 when there are fewer than 1e15 of them, far
// below one unit in the last place of the 1.8e308 limit (2e292).
const heavyAmount = 1e270

// stream is Validate's state: the problems kept and counted, the rows counted, and the
// rows that could make a pair's sum overflow.
type stream struct {
	keep    int // problems kept (negative: all)
	total   int // problems found
	kept    keptHeap
	summary summarizer
	rows    map[string]int // valid rows of each contract file
	sums    sumCheck
}

// sumCheck finds the pairs whose rows add up to more than 1.8e308 without keeping the rows:
// it holds the rows of heavyAmount or more, by pair (the two actor ids in byte order), and
// the sum of every other amount.
type sumCheck struct {
	heavy    map[[2]string]*heavyPair
	smallSum float64
}

type heavyRow struct {
	w    float64
	file string
	o    order
}

type heavyPair struct{ rows []heavyRow }

// kept is a problem kept, with its place in file and line order.
type kept struct {
	p *ParseError
	o order
}

// keptHeap holds the first problems found in file and line order, the last of them on top.
type keptHeap []kept

func (h keptHeap) Len() int           { return len(h) }
func (h keptHeap) Less(i, j int) bool { return h[j].o.less(h[i].o) }
func (h keptHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *keptHeap) Push(x any)        { *h = append(*h, x.(kept)) }
func (h *keptHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (s *stream) add(p *ParseError, rank int) {
	o := order{rank: rank, line: p.Line, seq: s.total}
	s.total++
	s.summary.add(p, o)
	switch {
	case s.keep < 0 || len(s.kept) < s.keep:
		heap.Push(&s.kept, kept{p, o})
	case o.less(s.kept[0].o):
		s.kept[0] = kept{p, o}
		heap.Fix(&s.kept, 0)
	}
}

// amount sees a valid row of file adding w to the pair a–b.
func (s *sumCheck) amount(file string, rank, line int, a, b string, w float64) {
	if w < heavyAmount {
		s.smallSum += w
		return
	}
	if b < a {
		a, b = b, a
	}
	k := [2]string{a, b}
	if s.heavy == nil {
		s.heavy = map[[2]string]*heavyPair{}
	}
	hp := s.heavy[k]
	if hp == nil {
		hp = &heavyPair{}
		s.heavy[k] = hp
	}
	hp.rows = append(hp.rows, heavyRow{w: w, file: file, o: order{rank: rank, line: line}})
}

// check reports to l the pairs whose rows add up to +Inf (see Validate and
// loader.checkSums): when the sum of the heavy rows alone, in ascending order, overflows,
// so does the pair's; when it stays finite even after adding twice the sum of all the other
// rows of the data set (a bound on this pair's share, with room for rounding), the pair's
// does too.
func (s *sumCheck) check(l *loader) {
	keys := make([][2]string, 0, len(s.heavy))
	for k := range s.heavy {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	var vals []float64
	for _, k := range keys {
		rows := s.heavy[k].rows // in file and line order
		vals = vals[:0]
		for _, r := range rows {
			vals = append(vals, r.w)
		}
		slices.Sort(vals)
		low, high := 0.0, 2*s.smallSum
		for _, v := range vals {
			low += v
			high += v
		}
		if !math.IsInf(low, 0) && !math.IsInf(high, 0) {
			continue
		}
		names := make([]string, 0, min(len(rows), maxRowsNamed+1))
		for i, r := range rows {
			if i == maxRowsNamed {
				names = append(names, fmt.Sprintf("and %d more", len(rows)-maxRowsNamed))
				break
			}
			names = append(names, fmt.Sprintf("%s:%d", r.file, r.o.line))
		}
		l.addf(rows[0].file, rows[0].o.line, "", ErrBadWeight, "the weights and volumes of the pair %q–%q add up to more than 1.8e308 (rows %s)",
			k[0], k[1], strings.Join(names, ", "))
	}
}
