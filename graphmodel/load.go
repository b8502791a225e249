package graphmodel

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The files of a data set folder, in the order they are read.
const (
	ActorsFile      = "actors.csv"
	ClubsFile       = "clubs.csv"
	TiesFile        = "ties.csv"
	MembershipsFile = "memberships.csv"
	ExchangesFile   = "exchanges.csv"
)

var fileOrder = []string{ActorsFile, ClubsFile, TiesFile, MembershipsFile, ExchangesFile}

// table describes the contract columns of one file.
type table struct {
	required []string
	optional []string
}

var tables = map[string]table{
	ActorsFile:      {required: []string{"id"}, optional: []string{"name", "type", "region"}},
	ClubsFile:       {required: []string{"id"}, optional: []string{"name", "since", "until"}},
	TiesFile:        {required: []string{"source", "target"}, optional: []string{"weight", "since", "until", "domains"}},
	MembershipsFile: {required: []string{"club", "actor"}, optional: []string{"since", "until", "role"}},
	ExchangesFile:   {required: []string{"date", "from", "to"}, optional: []string{"volume", "domain"}},
}

// Load reads and validates the data set at path: a folder holding some of actors.csv,
// ties.csv, clubs.csv, memberships.csv and exchanges.csv, or a single .csv file, which is
// read as ties.csv. On invalid input it returns a *ValidationError listing every problem
// and no data set.
func Load(path string) (*Dataset, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load data set: %w", err)
	}
	if info.IsDir() {
		return load(os.DirFS(path), path, nil)
	}
	if !strings.EqualFold(filepath.Ext(path), ".csv") {
		return nil, fmt.Errorf("load data set %s: %w: a data set is a folder or a .csv file", path, ErrNoData)
	}
	base := filepath.Base(path)
	return load(os.DirFS(filepath.Dir(path)), path, map[string]string{TiesFile: base})
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

	actorsListed, clubsListed bool // the file exists with a usable id column
	actorLine, clubLine       map[string]int
	strs                      map[string]string // interned ids
}

func load(fsys fs.FS, path string, names map[string]string) (*Dataset, error) {
	l := &loader{
		fsys:      fsys,
		names:     names,
		d:         &Dataset{Path: path},
		fileRank:  map[string]int{},
		actorLine: map[string]int{},
		clubLine:  map[string]int{},
		strs:      map[string]string{},
	}
	if l.names == nil {
		l.names = map[string]string{}
		for _, f := range fileOrder {
			if _, err := fs.Stat(fsys, f); err == nil {
				l.names[f] = f
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("load data set %s: %w", path, err)
			}
		}
	}
	if len(l.names) == 0 {
		return nil, fmt.Errorf("load data set %s: %w: none of %s", path, ErrNoData, strings.Join(fileOrder, ", "))
	}
	for i, f := range fileOrder {
		if n, ok := l.names[f]; ok {
			l.fileRank[n] = i
		}
	}
	for _, f := range fileOrder {
		if _, ok := l.names[f]; !ok {
			continue
		}
		if err := l.readFile(f); err != nil {
			return nil, fmt.Errorf("load data set %s: %w", path, err)
		}
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
	l.finish()
	return l.d, nil
}

func (l *loader) addf(file string, line int, column string, kind error, format string, args ...any) {
	l.problems = append(l.problems, &ParseError{File: file, Line: line, Column: column, Err: newProblem(kind, format, args...)})
}

func (l *loader) intern(s string) string {
	if v, ok := l.strs[s]; ok {
		return v
	}
	s = strings.Clone(s)
	l.strs[s] = s
	return s
}

// row gives access to one record's fields by contract column.
type row struct {
	rec  []string
	idx  map[string]int
	file string
	line int
}

func (r *row) get(col string) string {
	if i, ok := r.idx[col]; ok {
		return strings.TrimSpace(r.rec[i])
	}
	return ""
}

// readFile reads one contract file, calling the file's row handler for every well-formed
// record. It returns an error only when the file cannot be read at all.
func (l *loader) readFile(contract string) error {
	name := l.names[contract]
	f, err := l.fsys.Open(name)
	if err != nil {
		return fmt.Errorf("%s: %w: %w", name, ErrUnreadableFile, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		l.addf(name, 1, "", ErrEmptyFile, "empty file (no header row)")
		return nil
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			l.csvProblem(name, pe, false)
			return nil
		}
		return fmt.Errorf("%s: %w: %w", name, ErrUnreadableFile, err)
	}
	header = slices.Clone(header) // the reader reuses its record slice
	headerLine, _ := cr.FieldPos(0)
	spec := tables[contract]
	idx := map[string]int{}
	known := map[string]bool{}
	for _, c := range spec.required {
		known[c] = true
	}
	for _, c := range spec.optional {
		known[c] = true
	}
	var extraIdx []int
	var extraCols []Column
	seen := map[string]int{}
	headerOK := true
	for i, h := range header {
		if !utf8.ValidString(h) {
			l.addf(name, headerLine, "", ErrEncoding, "invalid UTF-8 in header field %d", i+1)
			headerOK = false
			continue
		}
		key := strings.ToLower(strings.TrimSpace(h))
		if key == "" {
			l.addf(name, headerLine, "", ErrMissingColumn, "empty column name in header field %d", i+1)
			headerOK = false
			continue
		}
		if j, dup := seen[key]; dup {
			l.addf(name, headerLine, h, ErrDuplicateCol, "duplicate column %q (fields %d and %d)", strings.TrimSpace(h), j+1, i+1)
			headerOK = false
			continue
		}
		seen[key] = i
		if known[key] {
			idx[key] = i
		} else {
			extraIdx = append(extraIdx, i)
			extraCols = append(extraCols, Column{Name: strings.TrimSpace(h)})
		}
	}
	for _, c := range spec.required {
		if _, ok := idx[c]; !ok {
			l.addf(name, headerLine, c, ErrMissingColumn, "missing required column %q", c)
			headerOK = false
		}
	}
	switch contract {
	case ActorsFile:
		l.actorsListed = headerOK
	case ClubsFile:
		l.clubsListed = headerOK
	}
	if !headerOK {
		return nil
	}
	if rows, err := l.countLines(name); err == nil {
		l.reserve(contract, rows)
	}
	handle := l.handler(contract)
	typers := make([]typer, len(extraIdx))
	r := &row{idx: idx, file: name}
	pendingQuote := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if pendingQuote != 0 {
			l.addf(name, pendingQuote, "", ErrSyntax, `extraneous or missing " in quoted field`)
			pendingQuote = 0
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return fmt.Errorf("%s: %w: %w", name, ErrUnreadableFile, err)
			}
			if errors.Is(pe.Err, csv.ErrQuote) {
				pendingQuote = pe.StartLine
				continue
			}
			l.csvProblem(name, pe, true)
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			l.addf(name, line, "", ErrFieldCount, "wrong number of fields: got %d, want %d", len(rec), len(header))
			continue
		}
		bad := false
		for i, v := range rec {
			if !utf8.ValidString(v) {
				l.addf(name, line, strings.TrimSpace(header[i]), ErrEncoding, "invalid UTF-8 in column %q", strings.TrimSpace(header[i]))
				bad = true
			}
		}
		if bad {
			continue
		}
		r.rec, r.line = rec, line
		var extra []string
		if len(extraIdx) > 0 {
			extra = make([]string, len(extraIdx))
			for k, i := range extraIdx {
				extra[k] = strings.Clone(rec[i])
				typers[k].see(rec[i])
			}
		}
		handle(r, extra)
	}
	if pendingQuote != 0 {
		l.addf(name, pendingQuote, "", ErrSyntax, "unterminated quoted field")
	}
	for k := range extraCols {
		extraCols[k].Type = typers[k].result()
	}
	switch contract {
	case ActorsFile:
		l.d.Columns.Actors = extraCols
	case ClubsFile:
		l.d.Columns.Clubs = extraCols
	case TiesFile:
		l.d.Columns.Ties = extraCols
	case MembershipsFile:
		l.d.Columns.Memberships = extraCols
	case ExchangesFile:
		l.d.Columns.Exchanges = extraCols
	}
	l.d.Files = append(l.d.Files, name)
	return nil
}

// countLines counts the newlines of a file: an upper bound on its number of records, used
// to size the slices once instead of growing them row by row.
func (l *loader) countLines(name string) (int, error) {
	f, err := l.fsys.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	buf := make([]byte, 1<<16)
	n := 0
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err == io.EOF {
			return n + 1, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

func (l *loader) reserve(contract string, rows int) {
	switch contract {
	case ActorsFile:
		l.d.Actors = slices.Grow(l.d.Actors, rows)
	case ClubsFile:
		l.d.Clubs = slices.Grow(l.d.Clubs, rows)
	case TiesFile:
		l.d.Ties = slices.Grow(l.d.Ties, rows)
	case MembershipsFile:
		l.d.Memberships = slices.Grow(l.d.Memberships, rows)
	case ExchangesFile:
		l.d.Exchanges = slices.Grow(l.d.Exchanges, rows)
	}
}

func (l *loader) csvProblem(name string, pe *csv.ParseError, body bool) {
	line := pe.StartLine
	if line == 0 {
		line = pe.Line
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		l.addf(name, line, "", ErrSyntax, `bare " in unquoted field (quote the field and double the ")`)
	case errors.Is(pe.Err, csv.ErrQuote) && !body:
		l.addf(name, line, "", ErrSyntax, "unterminated or malformed quoted field in header")
	default:
		l.addf(name, line, "", ErrSyntax, "%v", pe.Err)
	}
}

func (l *loader) handler(contract string) func(*row, []string) {
	switch contract {
	case ActorsFile:
		return l.actorRow
	case ClubsFile:
		return l.clubRow
	case TiesFile:
		return l.tieRow
	case MembershipsFile:
		return l.membershipRow
	default:
		return l.exchangeRow
	}
}

func (l *loader) actorRow(r *row, extra []string) {
	id := r.get("id")
	if id == "" {
		l.addf(r.file, r.line, "id", ErrEmptyID, "empty id")
		return
	}
	if first, dup := l.actorLine[id]; dup {
		l.addf(r.file, r.line, "id", ErrDuplicateID, "duplicate id %q (first on line %d)", id, first)
		return
	}
	l.actorLine[id] = r.line
	l.d.Actors = append(l.d.Actors, Actor{ID: l.intern(id), Name: r.get("name"), Type: r.get("type"), Region: r.get("region"), Extra: extra, Line: r.line})
}

func (l *loader) clubRow(r *row, extra []string) {
	id := r.get("id")
	if id == "" {
		l.addf(r.file, r.line, "id", ErrEmptyID, "empty id")
		return
	}
	if first, dup := l.clubLine[id]; dup {
		l.addf(r.file, r.line, "id", ErrDuplicateID, "duplicate id %q (first on line %d)", id, first)
		return
	}
	l.clubLine[id] = r.line
	p, ok := l.period(r)
	if !ok {
		return
	}
	l.d.Clubs = append(l.d.Clubs, Club{ID: l.intern(id), Name: r.get("name"), Period: p, Extra: extra, Line: r.line})
}

func (l *loader) tieRow(r *row, extra []string) {
	src, ok1 := l.actorRef(r, "source")
	dst, ok2 := l.actorRef(r, "target")
	ok := ok1 && ok2
	if ok && src == dst {
		l.addf(r.file, r.line, "target", ErrSelfTie, "self-tie: source and target are both %q", src)
		ok = false
	}
	w, okw := l.positive(r, "weight")
	p, okp := l.period(r)
	if !ok || !okw || !okp {
		return
	}
	l.d.Ties = append(l.d.Ties, Tie{Source: src, Target: dst, Weight: w, Period: p, Domains: l.domains(r.get("domains")), Extra: extra, Line: r.line})
}

func (l *loader) membershipRow(r *row, extra []string) {
	club, ok1 := l.clubRef(r)
	actor, ok2 := l.actorRef(r, "actor")
	p, okp := l.period(r)
	if !ok1 || !ok2 || !okp {
		return
	}
	l.d.Memberships = append(l.d.Memberships, Membership{Club: club, Actor: actor, Period: p, Role: r.get("role"), Extra: extra, Line: r.line})
}

func (l *loader) exchangeRow(r *row, extra []string) {
	from, ok1 := l.actorRef(r, "from")
	to, ok2 := l.actorRef(r, "to")
	ok := ok1 && ok2
	if ok && from == to {
		l.addf(r.file, r.line, "to", ErrSelfTie, "self-exchange: from and to are both %q", from)
		ok = false
	}
	v, okv := l.positive(r, "volume")
	raw := r.get("date")
	var date Time
	okd := true
	if raw == "" {
		l.addf(r.file, r.line, "date", ErrBadTime, "empty date")
		okd = false
	} else if t, err := ParseTime(raw); err != nil {
		l.addf(r.file, r.line, "date", ErrBadTime, "date %v", err)
		okd = false
	} else {
		date = t
	}
	if !ok || !okv || !okd {
		return
	}
	l.d.Exchanges = append(l.d.Exchanges, Exchange{Date: date, From: from, To: to, Volume: v, Domain: r.get("domain"), Extra: extra, Line: r.line})
}

// actorRef reads an actor id column and checks it against actors.csv when that exists.
func (l *loader) actorRef(r *row, col string) (string, bool) {
	id := r.get(col)
	if id == "" {
		l.addf(r.file, r.line, col, ErrEmptyID, "empty %s", col)
		return "", false
	}
	if l.actorsListed {
		if _, ok := l.actorLine[id]; !ok {
			l.addf(r.file, r.line, col, ErrUnknownRef, "unknown actor %q in %s (not in %s)", id, col, l.names[ActorsFile])
			return "", false
		}
	}
	return l.intern(id), true
}

func (l *loader) clubRef(r *row) (string, bool) {
	id := r.get("club")
	if id == "" {
		l.addf(r.file, r.line, "club", ErrEmptyID, "empty club")
		return "", false
	}
	if l.clubsListed {
		if _, ok := l.clubLine[id]; !ok {
			l.addf(r.file, r.line, "club", ErrUnknownRef, "unknown club %q (not in %s)", id, l.names[ClubsFile])
			return "", false
		}
	}
	return l.intern(id), true
}

// positive reads a weight or volume: empty means 1, otherwise a finite number > 0.
func (l *loader) positive(r *row, col string) (float64, bool) {
	raw := r.get(col)
	if raw == "" {
		return 1, true
	}
	v, err := strconv.ParseFloat(raw, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		l.addf(r.file, r.line, col, ErrBadWeight, "%s %q is not a number", col, raw)
	case err != nil || math.IsInf(v, 0) || math.IsNaN(v):
		l.addf(r.file, r.line, col, ErrBadWeight, "%s %q is not a finite number", col, raw)
	case v <= 0:
		l.addf(r.file, r.line, col, ErrBadWeight, "%s %s must be greater than 0", col, raw)
	default:
		return v, true
	}
	return 0, false
}

func (l *loader) period(r *row) (Period, bool) {
	var p Period
	ok := true
	for _, c := range [...]string{"since", "until"} {
		raw := r.get(c)
		t, err := ParseTime(raw)
		if err != nil {
			l.addf(r.file, r.line, c, ErrBadTime, "%s %v", c, err)
			ok = false
			continue
		}
		if c == "since" {
			p.Since = t
		} else {
			p.Until = t
		}
	}
	if ok && !p.valid() {
		l.addf(r.file, r.line, "until", ErrUntilBefore, "until %s is before since %s", p.Until, p.Since)
		ok = false
	}
	return p, ok
}

func (l *loader) domains(raw string) []string {
	if raw == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(raw, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		dup := false
		for _, d := range out {
			if d == part {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, l.intern(part))
		}
	}
	return out
}

// finish adds the actors and clubs that are only referenced, and indexes the data set.
func (l *loader) finish() {
	d := l.d
	if !l.actorsListed {
		seen := map[string]bool{}
		add := func(id string) {
			if !seen[id] {
				seen[id] = true
				d.Actors = append(d.Actors, Actor{ID: id})
			}
		}
		for i := range d.Ties {
			add(d.Ties[i].Source)
			add(d.Ties[i].Target)
		}
		for i := range d.Memberships {
			add(d.Memberships[i].Actor)
		}
		for i := range d.Exchanges {
			add(d.Exchanges[i].From)
			add(d.Exchanges[i].To)
		}
	}
	if !l.clubsListed {
		seen := map[string]bool{}
		for i := range d.Memberships {
			if id := d.Memberships[i].Club; !seen[id] {
				seen[id] = true
				d.Clubs = append(d.Clubs, Club{ID: id})
			}
		}
	}
	d.index()
	l.strs = nil
}

// parseFinite parses a finite float.
func parseFinite(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%q is not finite", s)
	}
	return v, nil
}
