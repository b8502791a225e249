package graphmodel

import (
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// This file describes the files of a data set (CONTRACT.md §1): for each, its contract
// columns and how each column's field goes into the entity a row is. Reading CSV is in
// csvread.go; which files are read and the checks across them are in load.go.

// ErrControlChar is the kind of a problem with a control character (C0, DEL or C1) in an id,
// a name or another contract text column; like the kinds in errors.go, every such ParseError
// wraps it.
var ErrControlChar = errors.New("control character")

// The files of a data set folder, in the order they are read.
const (
	ActorsFile      = "actors.csv"
	ClubsFile       = "clubs.csv"
	TiesFile        = "ties.csv"
	MembershipsFile = "memberships.csv"
	ExchangesFile   = "exchanges.csv"
)

// files describes every file of a data set, in the order they are read: a reference is
// checked against a file read before it. Columns are listed in the contract's order (so
// are missing required columns reported); the other columns of a file are kept as typed
// attributes (Columns, Extra).
var files = []dataFile{
	&file[Actor]{
		name: ActorsFile, noun: "actor",
		rows:  func(d *Dataset) *[]Actor { return &d.Actors },
		extra: func(c *Columns) *[]Column { return &c.Actors },
		row:   func(a *Actor, extra []string, line int) { a.Extra, a.Line = extra, line },
		columns: []column[Actor]{
			{name: "id", required: true, parse: id(func(a *Actor) *string { return &a.ID })},
			{name: "name", parse: text(func(a *Actor) *string { return &a.Name })},
			{name: "type", parse: text(func(a *Actor) *string { return &a.Type })},
			{name: "region", parse: text(func(a *Actor) *string { return &a.Region })},
		},
	},
	&file[Club]{
		name: ClubsFile, noun: "club",
		rows:  func(d *Dataset) *[]Club { return &d.Clubs },
		extra: func(c *Columns) *[]Column { return &c.Clubs },
		row:   func(c *Club, extra []string, line int) { c.Extra, c.Line = extra, line },
		times: func(c *Club, see func(Time)) { see(c.Since); see(c.Until) },
		columns: []column[Club]{
			{name: "id", required: true, parse: id(func(c *Club) *string { return &c.ID })},
			{name: "name", parse: text(func(c *Club) *string { return &c.Name })},
			{name: "since", parse: since(func(c *Club) *Period { return &c.Period })},
			{name: "until", parse: until(func(c *Club) *Period { return &c.Period })},
		},
	},
	&file[Tie]{
		name: TiesFile, noun: "tie",
		rows:  func(d *Dataset) *[]Tie { return &d.Ties },
		extra: func(c *Columns) *[]Column { return &c.Ties },
		row:   func(t *Tie, extra []string, line int) { t.Extra, t.Line = extra, line },
		pair:  func(t *Tie) (a, b string, w float64) { return t.Source, t.Target, t.Weight },
		keep:  func(t *Tie, at int) bool { return t.ActiveIn(at) },
		times: func(t *Tie, see func(Time)) { see(t.Since); see(t.Until) },
		columns: []column[Tie]{
			{name: "source", required: true, parse: actorRef(func(t *Tie) *string { return &t.Source })},
			{name: "target", required: true, parse: actorRef(func(t *Tie) *string { return &t.Target }), unlike: "source"},
			{name: "weight", parse: amount(func(t *Tie) *float64 { return &t.Weight })},
			{name: "since", parse: since(func(t *Tie) *Period { return &t.Period })},
			{name: "until", parse: until(func(t *Tie) *Period { return &t.Period })},
			{name: "domains", parse: list(func(t *Tie) *[]string { return &t.Domains })},
		},
	},
	&file[Membership]{
		name: MembershipsFile, noun: "membership",
		rows:  func(d *Dataset) *[]Membership { return &d.Memberships },
		extra: func(c *Columns) *[]Column { return &c.Memberships },
		row:   func(m *Membership, extra []string, line int) { m.Extra, m.Line = extra, line },
		keep:  func(m *Membership, at int) bool { return m.ActiveIn(at) },
		times: func(m *Membership, see func(Time)) { see(m.Since); see(m.Until) },
		columns: []column[Membership]{
			{name: "club", required: true, parse: clubRef(func(m *Membership) *string { return &m.Club })},
			{name: "actor", required: true, parse: actorRef(func(m *Membership) *string { return &m.Actor })},
			{name: "since", parse: since(func(m *Membership) *Period { return &m.Period })},
			{name: "until", parse: until(func(m *Membership) *Period { return &m.Period })},
			{name: "role", parse: text(func(m *Membership) *string { return &m.Role })},
		},
	},
	&file[Exchange]{
		name: ExchangesFile, noun: "exchange",
		rows:  func(d *Dataset) *[]Exchange { return &d.Exchanges },
		extra: func(c *Columns) *[]Column { return &c.Exchanges },
		row:   func(x *Exchange, extra []string, line int) { x.Extra, x.Line = extra, line },
		pair:  func(x *Exchange) (a, b string, w float64) { return x.From, x.To, x.Volume },
		keep:  func(x *Exchange, at int) bool { return int(x.Date.Year) <= at }, // the history up to the period
		times: func(x *Exchange, see func(Time)) { see(x.Date) },
		columns: []column[Exchange]{
			{name: "date", required: true, parse: date(func(x *Exchange) *Time { return &x.Date })},
			{name: "from", required: true, parse: actorRef(func(x *Exchange) *string { return &x.From })},
			{name: "to", required: true, parse: actorRef(func(x *Exchange) *string { return &x.To }), unlike: "from"},
			{name: "volume", parse: amount(func(x *Exchange) *float64 { return &x.Volume })},
			{name: "domain", parse: text(func(x *Exchange) *string { return &x.Domain })},
		},
	},
	rivalriesFile, // rivalries.go
}

func init() {
	keyed := map[string]bool{} // the files so far with an id column
	for _, f := range files {
		f.prepare(keyed)
	}
}

// A column is one contract column of a file of E rows.
type column[E any] struct {
	name     string // lower case; the header matches it without regard to case
	required bool   // the header must have it (its field may still be empty, if parse allows)
	parse    parser[E]
	// unlike names an earlier column that this one's value must differ from: a row whose
	// two values are the same is a self-tie ("self-" + the file's noun).
	unlike string
}

// stage orders the problems of one row: identity (ids, references, self-ties) first, then
// amounts, then times, whatever the order of the columns; columns of one stage in the
// table's order.
type stage uint8

const (
	stageIdentity stage = iota
	stageAmount
	stageTime
	stageText // no problems
)

// A parser puts one field into an entity E, reporting its problems.
type parser[E any] struct {
	stage stage
	parse func(f *field, e *E) bool // false after reporting a problem
	// For an id (refers == "") or a reference to another file's ids (refers names the
	// file): where the id goes in E.
	id     func(*E) *string
	refers string
	// stop: after a problem here, the rest of the row is not checked (a row with a bad id).
	stop bool
}

// field is the field being parsed, with what a parser needs to report a problem.
type field struct {
	l *loader
	// For an id, the ids of the file being read; for a reference, those of the file
	// referred to.
	ids    *idSet
	file   string // the file's name in the data set
	line   int
	column string
	v      string // the field, trimmed; "" when the file has no such column
	memo   *memo  // the column's last valid reference, in the rows parsed by this goroutine
}

// memo is a column's last valid reference and its interned string: the next row's same
// value (files are often sorted by source) needs no map lookup, as its checks would pass again.
type memo struct{ s string }

func (f *field) problem(kind error, format string, args ...any) {
	f.l.addf(f.file, f.line, f.column, kind, format, args...)
}

// id is the entity's id: not empty, and unique in its file. Other files' references are
// checked against the ids.
func id[E any](to func(*E) *string) parser[E] {
	return parser[E]{stage: stageIdentity, id: to, stop: true, parse: func(f *field, e *E) bool {
		if f.v == "" {
			f.problem(ErrEmptyID, "empty %s", f.column)
			return false
		}
		if f.control() {
			return false
		}
		if first, dup := f.ids.line[f.v]; dup {
			f.problem(ErrDuplicateID, "duplicate %s %q (first on line %d)", f.column, f.v, first)
			return false
		}
		s := f.l.intern(f.v)
		f.ids.line[s] = f.line
		*to(e) = s
		return true
	}}
}

// actorRef is an actor id; when actors.csv lists the actors, one of them.
func actorRef[E any](to func(*E) *string) parser[E] {
	return ref(ActorsFile, to, func(f *field, in string) {
		f.problem(ErrUnknownRef, "unknown actor %q in %s (not in %s)", f.v, f.column, in)
	})
}

// clubRef is a club id; when clubs.csv lists the clubs, one of them.
func clubRef[E any](to func(*E) *string) parser[E] {
	return ref(ClubsFile, to, func(f *field, in string) {
		f.problem(ErrUnknownRef, "unknown club %q (not in %s)", f.v, in)
	})
}

// ref is a non-empty id of an entity of file refers, which must be there when that file
// is read; unknown reports one that is not, in is the file's name.
func ref[E any](refers string, to func(*E) *string, unknown func(f *field, in string)) parser[E] {
	return parser[E]{stage: stageIdentity, id: to, refers: refers, parse: func(f *field, e *E) bool {
		if f.memo != nil && f.memo.s == f.v && f.v != "" {
			*to(e) = f.memo.s
			return true
		}
		if f.v == "" {
			f.problem(ErrEmptyID, "empty %s", f.column)
			return false
		}
		if f.control() {
			return false
		}
		if f.ids.listed {
			if _, ok := f.ids.line[f.v]; !ok {
				unknown(f, f.l.names[refers])
				return false
			}
		}
		s := f.l.intern(f.v)
		if !f.ids.listed {
			// The referenced ids are the file's entities (counted by Validate, added by
			// finish), whether their rows are kept or not.
			if _, ok := f.ids.line[s]; !ok {
				f.ids.line[s] = 0
			}
		}
		*to(e) = s
		if f.memo != nil {
			f.memo.s = s
		}
		return true
	}}
}

// amount is a weight or volume: a finite number greater than 0; 1 when empty.
func amount[E any](to func(*E) *float64) parser[E] {
	return parser[E]{stage: stageAmount, parse: func(f *field, e *E) bool {
		if f.v == "" {
			*to(e) = 1
			return true
		}
		v, err := strconv.ParseFloat(f.v, 64)
		switch {
		case goSyntax(f.v) || err != nil && !errors.Is(err, strconv.ErrRange):
			f.problem(ErrBadWeight, "%s %q is not a number", f.column, f.v)
		case err != nil || math.IsInf(v, 0) || math.IsNaN(v):
			f.problem(ErrBadWeight, "%s %q is not a finite number", f.column, f.v)
		case v <= 0:
			f.problem(ErrBadWeight, "%s %s must be greater than 0", f.column, f.v)
		default:
			*to(e) = v
			return true
		}
		return false
	}}
}

// since is the start of a period: a year or an ISO date; empty for "always was".
func since[E any](to func(*E) *Period) parser[E] {
	return parser[E]{stage: stageTime, parse: func(f *field, e *E) bool {
		t, ok := f.time()
		to(e).Since = t
		return ok
	}}
}

// until is the (inclusive) end of a period: a year or an ISO date, not before since, which
// must come before it in the table; empty for "still is".
func until[E any](to func(*E) *Period) parser[E] {
	return parser[E]{stage: stageTime, parse: func(f *field, e *E) bool {
		t, ok := f.time()
		if !ok {
			return false
		}
		p := to(e)
		p.Until = t
		if !p.valid() { // a since that did not parse is zero, hence valid
			f.problem(ErrUntilBefore, "until %s is before since %s", p.Until, p.Since)
			return false
		}
		return true
	}}
}

// date is a point in time that must be given: a year or an ISO date.
func date[E any](to func(*E) *Time) parser[E] {
	return parser[E]{stage: stageTime, parse: func(f *field, e *E) bool {
		if f.v == "" {
			f.problem(ErrBadTime, "empty %s", f.column)
			return false
		}
		t, ok := f.time()
		*to(e) = t
		return ok
	}}
}

func (f *field) time() (Time, bool) {
	t, err := ParseTime(f.v)
	if err != nil {
		f.problem(ErrBadTime, "%s %v", f.column, err)
		return Time{}, false
	}
	return t, true
}

// text is free text (a name, a role): any text without control characters.
func text[E any](to func(*E) *string) parser[E] {
	return parser[E]{stage: stageText, parse: func(f *field, e *E) bool {
		if f.control() {
			return false
		}
		*to(e) = f.v
		return true
	}}
}

// control reports the first control character in the field (C0, DEL or C1: unicode.IsControl,
// which includes tab and line breaks), if any. Ids, names and the other contract text columns
// may not have them: XML cannot hold most of them (GEXF and GraphML readers would merge ids
// that differ only there), and a terminal or a renderer would act on them.
func (f *field) control() bool {
	i := strings.IndexFunc(f.v, unicode.IsControl)
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f.v[i:])
	f.problem(ErrControlChar, "control character %U in %s", r, f.column)
	return true
}

// list is a ;-separated list (domains): items trimmed, blanks and repeats dropped, in
// input order; nil when empty.
func list[E any](to func(*E) *[]string) parser[E] {
	return parser[E]{stage: stageText, parse: func(f *field, e *E) bool {
		if f.control() {
			return false
		}
		*to(e) = f.l.list(f.v)
		return true
	}}
}

func (l *loader) list(raw string) []string {
	if raw == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(raw, ";") {
		part = strings.TrimSpace(part)
		if part != "" && !slices.Contains(out, part) {
			out = append(out, l.intern(part))
		}
	}
	return out
}

// goSyntax says whether s, which strconv.ParseFloat may accept, uses Go's number syntax
// beyond the decimal numbers of data files: digit separators (1_000) or hexadecimal (0x1p4).
// Such a text is not a number in a data set.
func goSyntax(s string) bool { return strings.ContainsAny(s, "_xXpP") }

// parseFinite parses a finite decimal float (not Go's 1_000 or 0x1p4: goSyntax).
func parseFinite(s string) (float64, error) {
	if goSyntax(s) {
		return 0, fmt.Errorf("%q is not a decimal number", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%q is not finite", s)
	}
	return v, nil
}

// dataFile is what the loader needs of a file description, whatever its entity type.
type dataFile interface {
	contract() string // the file's contract name, e.g. "ties.csv"
	headerColumns() []headerColumn
	keyed() bool // the file has an id column
	// read reads the rows after the header into the data set.
	read(l *loader, c *csvFile, h header) error
	// addReferenced adds an entity with only an id for each of ids (a keyed file's
	// entities that are referenced but not listed).
	addReferenced(d *Dataset, ids []string)
	// prepare derives what reading needs from the description, and checks that its
	// references are to keyed files before it, adding it to them if it is keyed.
	prepare(keyed map[string]bool)
}

// file describes a file whose rows are E entities.
type file[E any] struct {
	name    string // contract name
	noun    string // what a row is, e.g. "tie" (for "self-tie")
	columns []column[E]
	rows    func(*Dataset) *[]E                  // where the entities go
	extra   func(*Columns) *[]Column             // where the other columns are described
	row     func(e *E, extra []string, line int) // sets an entity's other values and line
	// pair gives the two actors of a row that adds an amount to a pair's weight, and the
	// amount (ties and exchanges; nil for the other files): what Validate checks the sums on.
	pair func(e *E) (a, b string, w float64)
	// For a data set loaded for one period (LoadOptions.At): keep says whether a row can
	// matter in year at (nil: every row is kept), times gives its times (for Dataset.Span).
	keep  func(e *E, at int) bool
	times func(e *E, see func(Time))

	// Derived by prepare.
	header []headerColumn
	order  []int // column indexes in problem order (by stage)
	unlike []int // for each column, the index of its unlike column; -1 if none
	key    int   // the id column; -1 if none
}

func (f *file[E]) prepare(keyed map[string]bool) {
	if len(f.columns) > 64 {
		panic("graphmodel: " + f.name + ": more than 64 columns")
	}
	f.key = -1
	for i, c := range f.columns {
		if c.name == "" || c.name != strings.ToLower(c.name) || slices.ContainsFunc(f.columns[:i], func(d column[E]) bool { return d.name == c.name }) {
			panic("graphmodel: " + f.name + ": column name " + strconv.Quote(c.name) + " empty, not lower case or repeated")
		}
		f.header = append(f.header, headerColumn{name: c.name, required: c.required})
		f.order = append(f.order, i)
		u := -1
		if c.unlike != "" {
			u = slices.IndexFunc(f.columns[:i], func(d column[E]) bool { return d.name == c.unlike })
			if u < 0 || f.columns[u].parse.stage > c.parse.stage {
				panic("graphmodel: " + f.name + ": column " + c.name + " unlike an unknown, later or later-checked column")
			}
		}
		f.unlike = append(f.unlike, u)
		if c.parse.refers != "" && !keyed[c.parse.refers] {
			panic("graphmodel: " + f.name + ": column " + c.name + " refers to " + c.parse.refers + ", not an earlier file with ids")
		}
		if c.parse.id != nil && c.parse.refers == "" {
			f.key = i
		}
	}
	if f.key >= 0 {
		keyed[f.name] = true
	}
	slices.SortStableFunc(f.order, func(a, b int) int { return int(f.columns[a].parse.stage) - int(f.columns[b].parse.stage) })
}

func (f *file[E]) contract() string              { return f.name }
func (f *file[E]) headerColumns() []headerColumn { return f.header }
func (f *file[E]) keyed() bool                   { return f.key >= 0 }

func (f *file[E]) read(l *loader, c *csvFile, h header) error {
	rows := f.rows(l.d)
	if *rows == nil {
		*rows = []E{} // a file read, even without rows, gives a non-nil slice
	}
	// Loading one period keeps every exchange row when they carry provenance columns: the
	// provenance checks (report ids, derived_from cycles) read the whole record.
	keepAll := false
	if f.name == ExchangesFile {
		cols := make([]Column, len(h.extraNames))
		for k, n := range h.extraNames {
			cols[k].Name = n
		}
		_, keepAll = provenanceColumns(cols)
	}
	w := f.work(l, c.name, h)
	if c.fast != nil {
		if l.stream == nil && l.at == 0 && f.key < 0 {
			f.readChunks(l, c, w, rows)
			return nil
		}
		*rows = slices.Grow(*rows, c.fast.lines())
	}
	for {
		rec, line, err := c.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		e := &w.e
		if !w.parse(rec, line, e) {
			continue
		}
		if s := l.stream; s != nil { // validating only: count the row and drop it
			s.rows[f.name]++
			if f.pair != nil {
				a, b, wt := f.pair(e)
				s.sums.amount(c.name, l.fileRank[c.name], line, a, b, wt)
			}
			continue
		}
		if l.at != 0 { // loading one period: the rows that cannot matter in it are dropped
			l.rowsRead[f.name]++
			if f.times != nil {
				f.times(e, l.d.see)
			}
			if f.pair != nil {
				a, b, wt := f.pair(e)
				l.sums.amount(c.name, l.fileRank[c.name], line, a, b, wt)
			}
			if f.keep != nil && !f.keep(e, l.at) && !keepAll {
				continue
			}
		}
		w.keep(rec, line, e)
		if len(*rows) == cap(*rows) && l.at == 0 {
			// Sized from the rest of the file, but not when loading one period: its rows
			// are not spread evenly over the file (append decides then).
			*rows = slices.Grow(*rows, c.room(len(*rows)))
		}
		*rows = append(*rows, *e)
	}
	*f.extra(&l.d.Columns) = w.columns(h)
	return nil
}

// rowWork is what parsing the rows of one file needs, for one goroutine.
type rowWork[E any] struct {
	f      *file[E]
	h      header
	fl     field
	ids    []*idSet // each column's fl.ids
	memo   []memo   // each column's last id (see ref)
	vals   []string
	typers []typer
	e      E      // the row being read, serially: an E per row would go to the heap
	tmpl   E      // every row's start: the columns in done parsed from their empty field
	done   uint64 // the columns absent from the file that need no parsing row by row
	store  stringStore
	// The span of the times of the rows kept (when the file has times and its rows are read
	// in pieces), and span.see as a func value, made once.
	span spanAcc
	see  func(Time)
	// unit: the amount (f.pair) of every row kept was 1.
	unit bool
}

func (f *file[E]) work(l *loader, name string, h header) *rowWork[E] {
	w := &rowWork[E]{f: f, h: h, fl: field{l: l, file: name}, ids: make([]*idSet, len(f.columns)),
		memo: make([]memo, len(f.columns)), vals: make([]string, len(f.columns)), typers: make([]typer, len(h.extra))}
	w.see = w.span.see
	for k, col := range f.columns {
		switch {
		case col.parse.refers != "":
			w.ids[k] = l.ids[col.parse.refers]
		case col.parse.id != nil:
			w.ids[k] = l.ids[f.name]
		}
	}
	// A column the file does not have gives every row the same empty field. When its parser
	// takes it without a problem (a weight of 1, no domains, an open since), it is parsed
	// once, into the template every row starts from, and not again (done). Parsers of an
	// empty field do not look at the rest of the entity.
	scratch := &loader{names: l.names, ids: l.ids, strs: map[string]string{}}
	for k, col := range f.columns {
		if h.pos[k] >= 0 || k >= 64 {
			continue
		}
		var e E
		fl := field{l: scratch, file: name, line: 1, column: col.name, ids: w.ids[k], memo: &memo{}}
		if col.parse.parse(&fl, &e) && len(scratch.problems) == 0 {
			fl.memo = &memo{}
			col.parse.parse(&fl, &w.tmpl)
			w.done |= 1 << k
		}
		scratch.problems = nil
	}
	return w
}

// parse parses a well-formed row into e; false after reporting problems.
func (w *rowWork[E]) parse(rec []string, line int, e *E) bool {
	for k, i := range w.h.pos {
		w.vals[k] = ""
		if i >= 0 {
			w.vals[k] = trimField(rec[i])
		}
	}
	w.fl.line = line
	*e = w.tmpl
	return w.f.parse(&w.fl, w.vals, w.ids, w.memo, w.done, e)
}

// keep sets the other values and the line of the row just parsed, for keeping it.
func (w *rowWork[E]) keep(rec []string, line int, e *E) {
	var extra []string
	if len(w.h.extra) > 0 {
		extra = w.store.strings(len(w.h.extra))
		for k, i := range w.h.extra {
			extra[k] = w.store.clone(rec[i])
			w.typers[k].see(rec[i])
		}
	}
	w.f.row(e, extra, line)
}

// columns describes the other columns, with the types their values had.
func (w *rowWork[E]) columns(h header) []Column {
	var cols []Column
	for k, name := range h.extraNames {
		cols = append(cols, Column{Name: name, Type: w.typers[k].result()})
	}
	return cols
}

// fastChunk is the size of the pieces of a file whose rows are parsed in parallel (a
// variable for the tests).
var fastChunk = 1 << 20

// readChunks parses the rows that c.fast splits in pieces of about fastChunk bytes, on up
// to GOMAXPROCS goroutines, and appends the rows to *rows in file order. It is Load's read
// of a file without an id column: the parsers then only read the loader's state (the ids of
// earlier files), and each goroutine has its own problems, interned strings and column types.
// Problems are appended piece by piece in file order, so they are those of the serial read,
// in its order.
func (f *file[E]) readChunks(l *loader, c *csvFile, w0 *rowWork[E], rows *[]E) {
	pieces := c.fast.split(fastChunk)
	if len(pieces) == 0 {
		*f.extra(&l.d.Columns) = w0.columns(w0.h)
		return
	}
	type result struct {
		rows     []E
		problems []*ParseError
		span     spanAcc
	}
	res := make([]result, len(pieces))
	workers := min(runtime.GOMAXPROCS(0), len(pieces))
	w0.unit = true
	// Each piece's rows go to its own window of *rows, as long as its non-empty lines (at
	// most one row each), counted first.
	starts := make([]int, len(pieces)+1)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := int(next.Add(1)) - 1; k < len(pieces); k = int(next.Add(1)) - 1 {
				starts[k+1] = pieces[k].lines()
			}
		}()
	}
	wg.Wait()
	for k := range pieces {
		starts[k+1] += starts[k]
	}
	*rows = slices.Grow(*rows, starts[len(pieces)])
	all := (*rows)[len(*rows):cap(*rows)]
	works := make([]*rowWork[E], workers)
	works[0] = w0
	next.Store(0)
	for g := range workers {
		if g > 0 {
			// The ids of the files listed are only read; those referenced in files not
			// listed are recorded by each goroutine, and merged below.
			wl := &loader{fsys: l.fsys, names: l.names, d: l.d, fileRank: l.fileRank, ids: map[string]*idSet{}, strs: map[string]string{}}
			for name, ids := range l.ids {
				if !ids.listed {
					ids = &idSet{line: map[string]int{}}
				}
				wl.ids[name] = ids
			}
			works[g] = f.work(wl, c.name, w0.h)
			works[g].unit = true
		}
		wg.Add(1)
		go func(w *rowWork[E]) {
			defer wg.Done()
			wl := w.fl.l
			cc := *c // the piece's own splitter and reports; the header is shared
			cc.report = func(line int, column string, kind error, format string, args ...any) {
				wl.addf(c.name, line, column, kind, format, args...)
			}
			for {
				k := int(next.Add(1)) - 1
				if k >= len(pieces) {
					return
				}
				cc.fast = pieces[k]
				out := all[starts[k]:starts[k]:starts[k+1]]
				saved := wl.problems
				wl.problems = nil
				for {
					rec, line, _ := cc.next() // only io.EOF: the text is in memory
					if rec == nil {
						break
					}
					// The row is parsed in its place.
					if len(out) == cap(out) {
						out = slices.Grow(out, 1)
					}
					out = out[:len(out)+1]
					e := &out[len(out)-1]
					if !w.parse(rec, line, e) {
						out = out[:len(out)-1]
						continue
					}
					w.keep(rec, line, e)
					if f.times != nil {
						f.times(e, w.see)
					}
					if f.pair != nil {
						_, _, amount := f.pair(e)
						w.unit = w.unit && amount == 1
					}
				}
				res[k] = result{rows: out, problems: wl.problems, span: w.span}
				w.span = spanAcc{}
				wl.problems = saved
			}
		}(works[g])
	}
	wg.Wait()
	n := len(*rows)
	var span spanAcc
	for _, r := range res {
		// A piece's rows move down only after pieces with fewer rows than lines.
		if len(r.rows) > 0 && &r.rows[0] != &(*rows)[:n+1][n] {
			copy((*rows)[n:n+len(r.rows)], r.rows)
		}
		n += len(r.rows)
		l.problems = append(l.problems, r.problems...)
		span.add(r.span)
	}
	*rows = (*rows)[:n]
	unit := true
	for _, w := range works {
		unit = unit && w.unit
	}
	if f.name == TiesFile {
		l.d.tiesRead = &tiesRead{span: span, unit: unit}
	}
	for _, w := range works[1:] {
		for k := range w0.typers {
			w0.typers[k].merge(w.typers[k])
		}
		for name, ids := range w.fl.l.ids {
			if main := l.ids[name]; !main.listed {
				for id := range ids.line {
					if _, ok := main.line[id]; !ok {
						main.line[id] = 0
					}
				}
			}
		}
	}
	*f.extra(&l.d.Columns) = w0.columns(w0.h)
}

// parse fills e from a row's trimmed values, reporting every problem, in problem order.
// The columns in done (absent from the file, their empty field parsed once into e's
// template: see work) are not parsed again.
func (f *file[E]) parse(fl *field, vals []string, ids []*idSet, memos []memo, done uint64, e *E) bool {
	ok := true
	var parsed uint64 // the columns that parsed
	for _, k := range f.order {
		c := &f.columns[k]
		fl.column, fl.v, fl.ids, fl.memo = c.name, vals[k], ids[k], &memos[k]
		if done&(1<<k) == 0 && !c.parse.parse(fl, e) {
			if c.parse.stop {
				return false
			}
			ok = false
			continue
		}
		parsed |= 1 << k
		if u := f.unlike[k]; u >= 0 && parsed&(1<<u) != 0 && vals[u] == vals[k] {
			fl.problem(ErrSelfTie, "self-%s: %s and %s are both %q", f.noun, f.columns[u].name, c.name, vals[k])
			ok = false
		}
	}
	return ok
}

func (f *file[E]) addReferenced(d *Dataset, ids []string) {
	rows := f.rows(d)
	*rows = slices.Grow(*rows, len(ids)) // one allocation: appending grew it 5 times over
	for _, id := range ids {
		var e E
		*f.columns[f.key].parse.id(&e) = id
		*rows = append(*rows, e)
	}
}
