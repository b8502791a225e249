package graphmodel

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Load reads and validates the data set at path: a folder holding some of actors.csv,
// ties.csv, clubs.csv, memberships.csv and exchanges.csv, or a single .csv file, which is
// read as ties.csv. On invalid input it returns a *ValidationError listing every problem
// and no data set.
func Load(path string) (*Dataset, error) {
	fsys, names, err := source(path)
	if err != nil {
		return nil, err
	}
	return load(fsys, path, names)
}

// LoadFS reads and validates a data set folder at the root of fsys. path names the data set
// in errors and in Dataset.Path.
func LoadFS(fsys fs.FS, path string) (*Dataset, error) {
	return load(fsys, path, nil)
}

// loader collects the data set and every problem found.
type loader struct {
	fsys     fs.FS
	names    map[string]string // contract file -> file name in fsys
	d        *Dataset
	problems []*ParseError
	fileRank map[string]int

	ids  map[string]*idSet // the ids of each file with an id column, by contract name
	strs map[string]string // interned ids

	stream *stream // when validating only: the rows are checked, counted and dropped

	// When loading one period (LoadOptions.At): the year, the rows read of each file, and
	// the check of the pairs' sums over every row, kept or not.
	at       int
	rowsRead map[string]int
	sums     sumCheck
}

// idSet holds the ids listed in a file, which other files' references are checked against.
type idSet struct {
	listed bool           // the file was read, with a usable header
	line   map[string]int // id -> line of its row
}

func load(fsys fs.FS, path string, names map[string]string) (*Dataset, error) {
	return loadWith(fsys, path, names, LoadOptions{})
}

func loadWith(fsys fs.FS, path string, names map[string]string, o LoadOptions) (*Dataset, error) {
	l, err := newLoader(fsys, path, names, nil)
	if err != nil {
		return nil, err
	}
	if o.At != 0 {
		l.at, l.rowsRead, l.d.period = o.At, map[string]int{}, o.At
	}
	if err := l.readAll(); err != nil {
		return nil, err
	}
	if len(l.problems) == 0 {
		l.finish()
		if l.at != 0 {
			l.sums.check(l)
		} else {
			l.checkSums()
		}
		l.checkProvenance()
	}
	if len(l.problems) > 0 {
		sort.SliceStable(l.problems, func(i, j int) bool {
			a, b := l.problems[i], l.problems[j]
			if ra, rb := l.fileRank[a.File], l.fileRank[b.File]; ra != rb {
				return ra < rb
			}
			return a.Line < b.Line
		})
		return nil, &ValidationError{Path: path, Problems: l.problems}
	}
	l.strs = nil
	l.d.rowsRead = l.rowsRead
	return l.d, nil
}

// source says where the data set at path is: the file system of its folder and, for a
// single .csv file, the name of the file read as ties.csv (names; nil for a folder).
func source(path string) (fsys fs.FS, names map[string]string, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("load data set: %w", err)
	}
	if info.IsDir() {
		return os.DirFS(path), nil, nil
	}
	if !strings.EqualFold(filepath.Ext(path), ".csv") {
		return nil, nil, fmt.Errorf("load data set %s: %w: a data set is a folder or a .csv file", path, ErrNoData)
	}
	return os.DirFS(filepath.Dir(path)), map[string]string{TiesFile: filepath.Base(path)}, nil
}

// newLoader prepares the reading of the data set in fsys (names: see source; nil to look
// for every contract file). With s, the rows are checked and dropped (Validate).
func newLoader(fsys fs.FS, path string, names map[string]string, s *stream) (*loader, error) {
	l := &loader{
		fsys:     fsys,
		names:    names,
		d:        &Dataset{Path: path},
		fileRank: map[string]int{},
		ids:      map[string]*idSet{},
		strs:     map[string]string{},
		stream:   s,
	}
	if l.names == nil {
		l.names = map[string]string{}
		for _, f := range files {
			if _, err := fs.Stat(fsys, f.contract()); err == nil {
				l.names[f.contract()] = f.contract()
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("load data set %s: %w", path, err)
			}
		}
	}
	if len(l.names) == 0 {
		all := make([]string, len(files))
		for i, f := range files {
			all[i] = f.contract()
		}
		return nil, fmt.Errorf("load data set %s: %w: none of %s", path, ErrNoData, strings.Join(all, ", "))
	}
	for i, f := range files {
		if n, ok := l.names[f.contract()]; ok {
			l.fileRank[n] = i
		}
		if f.keyed() {
			l.ids[f.contract()] = &idSet{line: map[string]int{}}
		}
	}
	return l, nil
}

// readAll reads every file of the data set, in the order of files.
func (l *loader) readAll() error {
	for _, f := range files {
		if _, ok := l.names[f.contract()]; !ok {
			continue
		}
		if err := l.readFile(f); err != nil {
			return fmt.Errorf("load data set %s: %w", l.d.Path, err)
		}
	}
	return nil
}

func (l *loader) addf(file string, line int, column string, kind error, format string, args ...any) {
	p := &ParseError{File: file, Line: line, Column: column, Err: newProblem(kind, format, args...)}
	if l.stream != nil {
		l.stream.add(p, l.fileRank[file])
		return
	}
	l.problems = append(l.problems, p)
}

func (l *loader) intern(s string) string {
	if v, ok := l.strs[s]; ok {
		return v
	}
	s = strings.Clone(s)
	l.strs[s] = s
	return s
}

// readFile reads one file of the data set, once. It returns an error only when the file
// cannot be read at all; problems in it are collected.
func (l *loader) readFile(f dataFile) error {
	name := l.names[f.contract()]
	in, err := l.fsys.Open(name)
	if err != nil {
		return fmt.Errorf("%s: %w: %w", name, ErrUnreadableFile, err)
	}
	defer in.Close()
	var size int64 // to size the data set's slices; unknown for a pipe
	if info, err := in.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	// Load reads a regular file whole, for the fast split of its rows (fastcsv.go); Validate
	// and a load of one period stream it, so as not to hold it all.
	var r io.Reader = in
	var text string
	whole := false
	if size > 0 && l.stream == nil && l.at == 0 && fastLoad {
		var rest io.Reader
		text, rest, err = readWhole(in, size)
		if err != nil {
			return fmt.Errorf("%s: %w: %w", name, ErrUnreadableFile, err)
		}
		if r, whole = rest, rest == nil; whole {
			r = strings.NewReader(text)
		}
	}
	c := newCSVFile(name, r, size, func(line int, column string, kind error, format string, args ...any) {
		l.addf(name, line, column, kind, format, args...)
	})
	h, ok, err := c.readHeader(f.headerColumns())
	if err != nil {
		return err
	}
	if ok && whole {
		c.fast = c.fastBody(text)
	}
	if ids := l.ids[f.contract()]; ids != nil {
		ids.listed = ok
	}
	if !ok {
		return nil
	}
	if err := f.read(l, c, h); err != nil {
		return err
	}
	l.d.Files = append(l.d.Files, name)
	return nil
}

// finish adds the actors and clubs that are only referenced (when there is no actors.csv
// or clubs.csv), and indexes the data set.
func (l *loader) finish() {
	for _, f := range files {
		if !f.keyed() || l.ids[f.contract()].listed {
			continue
		}
		// The ids referenced were recorded as the rows were read (ref in files.go).
		ids := slices.Sorted(maps.Keys(l.ids[f.contract()].line))
		f.addReferenced(l.d, ids)
	}
	l.d.index()
}

// maxRowsNamed is how many rows a problem about a pair's sum names before "and N more".
const maxRowsNamed = 10

// checkSums reports every pair of actors whose tie weights and exchange volumes, all of
// them, add up to a number too large for a float64 (+Inf): in no layer or period may a
// weight be infinite. The rows are summed in ascending order of value, as Dataset.Layer
// sums them; a period's rows are a subset of these, and adding positive numbers in
// ascending order is monotone, so when the sum of every row is finite so is the sum of any
// period's. The problem is reported at the pair's first row and names every row.
func (l *loader) checkSums() {
	d := l.d
	ties, xs := &d.tiePairs, &d.exchangePairs
	var vals []float64
	check := func(key uint64, trows, xrows []int32) {
		quick := 0.0
		if d.tiesRead != nil && d.tiesRead.unit {
			quick = float64(len(trows))
		} else {
			for _, r := range trows {
				quick += d.Ties[r].Weight
			}
		}
		for _, r := range xrows {
			quick += d.Exchanges[r].Volume
		}
		if quick <= 1e300 { // far from overflow in any order of summation
			return
		}
		vals = vals[:0]
		for _, r := range trows {
			vals = append(vals, d.Ties[r].Weight)
		}
		for _, r := range xrows {
			vals = append(vals, d.Exchanges[r].Volume)
		}
		slices.Sort(vals)
		sum := 0.0
		for _, v := range vals {
			sum += v
		}
		if !math.IsInf(sum, 0) {
			return
		}
		var rows []string
		var file string
		var line int
		for _, r := range trows {
			rows = append(rows, fmt.Sprintf("%s:%d", l.names[TiesFile], d.Ties[r].Line))
		}
		for _, r := range xrows {
			rows = append(rows, fmt.Sprintf("%s:%d", l.names[ExchangesFile], d.Exchanges[r].Line))
		}
		if len(trows) > 0 {
			file, line = l.names[TiesFile], d.Ties[trows[0]].Line
		} else {
			file, line = l.names[ExchangesFile], d.Exchanges[xrows[0]].Line
		}
		if len(rows) > maxRowsNamed {
			rows = append(rows[:maxRowsNamed], fmt.Sprintf("and %d more", len(rows)-maxRowsNamed))
		}
		a, b := d.Actors[key>>32].ID, d.Actors[key&0xffffffff].ID
		l.addf(file, line, "", ErrBadWeight, "the weights and volumes of the pair %q–%q add up to more than 1.8e308 (rows %s)",
			a, b, strings.Join(rows, ", "))
	}
	// Walk the two pair indexes (both sorted by key) together.
	i, j := 0, 0
	for i < len(ties.keys) || j < len(xs.keys) {
		switch {
		case j == len(xs.keys) || (i < len(ties.keys) && ties.keys[i] < xs.keys[j]):
			check(ties.keys[i], ties.rows[ties.off[i]:ties.off[i+1]], nil)
			i++
		case i == len(ties.keys) || xs.keys[j] < ties.keys[i]:
			check(xs.keys[j], nil, xs.rows[xs.off[j]:xs.off[j+1]])
			j++
		default:
			check(ties.keys[i], ties.rows[ties.off[i]:ties.off[i+1]], xs.rows[xs.off[j]:xs.off[j+1]])
			i++
			j++
		}
	}
}
