package graphmodel

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// This file holds the CSV mechanics of reading a data set file, whatever it describes: the
// byte-order mark, the header row and how its names are matched, quoting errors, UTF-8
// checks, line numbers and field counts. What the columns mean is in files.go.

// problemAt records one problem at a line of the file being read; column is "" when the
// problem is not in one field.
type problemAt func(line int, column string, kind error, format string, args ...any)

// csvFile reads the rows of one CSV file, reporting malformed ones and skipping them.
type csvFile struct {
	name   string // the file's name, for errors
	r      *csv.Reader
	report problemAt

	fields int      // number of header fields: every row must have as many
	names  []string // the header names, trimmed, for problems in a field
	quote  int      // line where a quoted field opened that ran on into later rows; 0 if none
	// fast splits the rows instead of r when the whole file is in memory and its rows hold
	// no quote character (fastcsv.go); nil otherwise.
	fast *fastRows

	// For sizing the slices the rows go to (room): the file's size when known (a regular
	// file), and the input offset where the rows start.
	size, start int64
}

// newCSVFile reads the CSV text of r, a file of size bytes (0 when unknown), skipping a
// byte-order mark.
func newCSVFile(name string, r io.Reader, size int64, report problemAt) *csvFile {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(&lineCap{r: br, line: 1})
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvFile{name: name, r: cr, report: report, size: size}
}

// headerColumn is a column a file's header is searched for: a lower-case name.
type headerColumn struct {
	name     string
	required bool
}

// header says where a file's columns are.
type header struct {
	pos        []int    // for each column searched for, its field index; -1 when absent
	extra      []int    // the field indexes of the other columns, in input order
	extraNames []string // their names as written (trimmed)
}

// readHeader reads the header row and finds cols in it. Names are matched without regard
// to case or surrounding spaces. It reports an empty file, a malformed header, invalid
// UTF-8, empty and duplicate names, and missing required columns; ok is false after any of
// them, and then the rows must not be read. err is set only when the file cannot be read.
func (c *csvFile) readHeader(cols []headerColumn) (h header, ok bool, err error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		c.report(1, "", ErrEmptyFile, "empty file (no header row)")
		return h, false, nil
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.syntaxProblem(pe, false)
			return h, false, nil
		}
		var long *lineTooLong
		if errors.As(err, &long) {
			c.report(long.line, "", ErrSyntax, "line longer than %d bytes (the most a line may hold)", MaxLine)
			return h, false, nil
		}
		return h, false, c.unreadable(err)
	}
	line, _ := c.r.FieldPos(0)
	c.fields = len(rec)
	c.names = make([]string, len(rec))
	h.pos = make([]int, len(cols))
	for i := range h.pos {
		h.pos[i] = -1
	}
	ok = true
	c.delimiterHint(line, rec)
	seen := map[string]int{}
	for i, raw := range rec {
		name := strings.TrimSpace(raw)
		c.names[i] = name
		if !utf8.ValidString(raw) {
			c.report(line, "", ErrEncoding, "invalid UTF-8 in header field %d", i+1)
			ok = false
			continue
		}
		if strings.ContainsRune(raw, '\ufeff') {
			// Only the file's first bytes may be a byte-order mark (skipped by newCSVFile);
			// one anywhere else, say after a concatenation, would make a column of its own.
			c.report(line, "", ErrEncoding, "byte-order mark (U+FEFF) in header field %d (only the file may begin with one)", i+1)
			ok = false
			continue
		}
		key := strings.ToLower(name)
		if key == "" {
			c.report(line, "", ErrMissingColumn, "empty column name in header field %d", i+1)
			ok = false
			continue
		}
		if j, dup := seen[key]; dup {
			c.report(line, raw, ErrDuplicateCol, "duplicate column %q (fields %d and %d)", name, j+1, i+1)
			ok = false
			continue
		}
		seen[key] = i
		k := -1
		for j := range cols {
			if cols[j].name == key {
				k = j
				break
			}
		}
		if k >= 0 {
			h.pos[k] = i
		} else {
			h.extra = append(h.extra, i)
			h.extraNames = append(h.extraNames, c.names[i])
		}
	}
	for k, col := range cols {
		if col.required && h.pos[k] < 0 {
			c.report(line, col.name, ErrMissingColumn, "missing required column %q", col.name)
			ok = false
		}
	}
	c.start = c.r.InputOffset()
	return h, ok, nil
}

// delimiterHint reports a header of one field that holds semicolons or tabs: the file is
// probably not comma-separated.
func (c *csvFile) delimiterHint(line int, rec []string) {
	if len(rec) != 1 {
		return
	}
	for _, d := range []struct{ sep, name, short string }{{";", "semicolon", ";"}, {"\t", "tab", "tab"}} {
		if n := strings.Count(rec[0], d.sep); n > 0 {
			name := d.name
			if n > 1 {
				name += "s"
			}
			c.report(line, "", ErrDelimiter, "the header has no comma but %d %s: is the file %s-delimited? liaison reads comma-separated files", n, name, d.short)
			return
		}
	}
}

// next returns the next well-formed row and its line, or io.EOF after the last. Rows with
// a CSV syntax error, the wrong number of fields or invalid UTF-8 are reported and skipped.
// Any other error means the file cannot be read. The row is only valid until the next call.
func (c *csvFile) next() (rec []string, line int, err error) {
	if c.fast != nil {
		return c.fast.nextRow(c)
	}
	for {
		rec, err := c.r.Read()
		if err == io.EOF {
			if c.quote != 0 {
				c.report(c.quote, "", ErrSyntax, "unterminated quoted field")
				c.quote = 0
			}
			return nil, 0, io.EOF
		}
		if c.quote != 0 {
			c.report(c.quote, "", ErrSyntax, `extraneous or missing " in quoted field`)
			c.quote = 0
		}
		if err != nil {
			var long *lineTooLong
			if errors.As(err, &long) {
				// The rest of the file cannot be read in bounded memory: report and stop.
				c.report(long.line, "", ErrSyntax, "line longer than %d bytes (the most a line may hold)", MaxLine)
				c.quote = 0
				return nil, 0, io.EOF
			}
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, 0, c.unreadable(err)
			}
			if errors.Is(pe.Err, csv.ErrQuote) {
				// Either the quote is never closed (reported at the end of the file) or it
				// is closed later with text after it (reported when the next row is read).
				c.quote = pe.StartLine
				continue
			}
			c.syntaxProblem(pe, true)
			continue
		}
		line, _ := c.r.FieldPos(0)
		if !c.check(rec, line, false) {
			continue
		}
		return rec, line, nil
	}
}

// check reports a row with the wrong number of fields or invalid UTF-8 (unless ascii: the
// row is all ASCII) and says whether it is well-formed.
func (c *csvFile) check(rec []string, line int, ascii bool) bool {
	if len(rec) != c.fields {
		c.report(line, "", ErrFieldCount, "wrong number of fields: got %d, want %d", len(rec), c.fields)
		return false
	}
	if ascii {
		return true
	}
	bad := false
	for i, v := range rec {
		if !utf8.ValidString(v) {
			c.report(line, c.names[i], ErrEncoding, "invalid UTF-8 in column %q", c.names[i])
			bad = true
		}
	}
	return !bad
}

// room says how many more rows to make room for when n rows have filled the slice they go
// to: as many as the rest of the file probably holds, from the bytes per row so far, with a
// little to spare (so a large file's slice grows a few times, not some fifty times as with
// append), but at most 32 times n, so that blank lines or rows that fail validation cannot
// make it reserve much more than the file holds. When the file's size is unknown, 1: append
// decides.
func (c *csvFile) room(n int) int {
	if c.fast != nil {
		return 1 // the rows were sized from the file's lines
	}
	off := c.r.InputOffset()
	if n == 0 || c.size <= off || off <= c.start {
		return 1
	}
	rest := float64(n) * float64(c.size-off) / float64(off-c.start)
	return int(min(rest*1.02, 32*float64(n))) + 16
}

// syntaxProblem reports a CSV syntax error; body is false in the header row.
func (c *csvFile) syntaxProblem(pe *csv.ParseError, body bool) {
	line := pe.StartLine
	if line == 0 {
		line = pe.Line
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		c.report(line, "", ErrSyntax, `bare " in unquoted field (quote the field and double the ")`)
	case errors.Is(pe.Err, csv.ErrQuote) && !body:
		c.report(line, "", ErrSyntax, "unterminated or malformed quoted field in header")
	default:
		c.report(line, "", ErrSyntax, "%v", pe.Err)
	}
}

func (c *csvFile) unreadable(err error) error {
	return fmt.Errorf("%s: %w: %w", c.name, ErrUnreadableFile, err)
}

// MaxLine is the most bytes a line of an input file may hold (1 MiB): a longer one is a
// FILE:LINE problem, so that a file without line ends (ties.csv → /dev/zero) cannot grow
// the loader's memory without bound.
const MaxLine = 1 << 20

// lineCap passes its reader's bytes on and fails, with the line's number, once a line runs
// past MaxLine bytes.
type lineCap struct {
	r           io.Reader
	line, since int
}

type lineTooLong struct{ line int }

func (e *lineTooLong) Error() string {
	return fmt.Sprintf("line %d longer than %d bytes", e.line, MaxLine)
}

func (c *lineCap) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			c.line++
			c.since = 0
			continue
		}
		if c.since++; c.since > MaxLine {
			return i, &lineTooLong{c.line}
		}
	}
	return n, err
}
