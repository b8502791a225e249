package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/liaison-net/liaison/graphmodel"
)

// csvIn reads one input CSV file: a header row (names matched without regard to case, a
// byte-order mark tolerated) and records, reporting problems as FILE:LINE.
type csvIn struct {
	path  string // as given; the FILE of its problems
	f     *os.File
	r     *csv.Reader
	col   map[string]int // lower-case column name -> field index
	probs *problems
	done  bool
}

// openCSV opens path and reads its header. ok is false (with the problems recorded) when
// the file is empty or lacks a required column; err is for a file that cannot be read.
func openCSV(path string, probs *problems, required ...string) (c *csvIn, ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, fmt.Errorf("read %w", err)
	}
	br := bufio.NewReaderSize(f, 1<<16)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	r.ReuseRecord = true
	c = &csvIn{path: path, f: f, r: r, probs: probs}
	head, err := r.Read()
	if err == io.EOF {
		probs.add(path, 1, "", graphmodel.ErrEmptyFile, "empty file (no header row)")
		f.Close()
		return nil, false, nil
	}
	if err != nil {
		c.syntax(err)
		f.Close()
		return nil, false, c.ioErr(err)
	}
	c.col = make(map[string]int, len(head))
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := c.col[h]; !dup && h != "" {
			c.col[h] = i
		}
	}
	ok = true
	for _, name := range required {
		if _, has := c.col[name]; !has {
			probs.add(path, 1, name, graphmodel.ErrMissingColumn, "missing required column %q", name)
			ok = false
		}
	}
	if !ok {
		f.Close()
		return nil, false, nil
	}
	return c, true, nil
}

func (c *csvIn) close() { c.f.Close() }

// has reports whether the file has the column.
func (c *csvIn) has(name string) bool { _, ok := c.col[name]; return ok }

// next returns the next record and its line (1-based, where the record starts), or nil at
// the end of the file. A record with the wrong number of fields is reported and skipped; a
// quoting error is reported and ends the file. err is for a file that cannot be read.
func (c *csvIn) next() (rec []string, line int, err error) {
	for !c.done {
		rec, err := c.r.Read()
		if err == io.EOF {
			c.done = true
			return nil, 0, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				line, _ := c.r.FieldPos(0)
				c.probs.add(c.path, line, "", graphmodel.ErrFieldCount, "wrong number of fields: got %d, want %d", len(rec), c.r.FieldsPerRecord)
				continue
			}
			c.done = true
			c.syntax(err)
			return nil, 0, c.ioErr(err)
		}
		line, _ := c.r.FieldPos(0)
		return rec, line, nil
	}
	return nil, 0, nil
}

// records yields next's records and their lines until the end of the file; a read error ends
// them and is left in *err.
func (c *csvIn) records(err *error) iter.Seq2[[]string, int] {
	return func(yield func([]string, int) bool) {
		for {
			rec, line, rerr := c.next()
			if rerr != nil {
				*err = rerr
				return
			}
			if rec == nil || !yield(rec, line) {
				return
			}
		}
	}
}

// syntax reports a CSV quoting error.
func (c *csvIn) syntax(err error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		c.probs.add(c.path, pe.StartLine, "", graphmodel.ErrSyntax, "unterminated quoted field")
	case errors.Is(pe.Err, csv.ErrBareQuote):
		c.probs.add(c.path, pe.Line, "", graphmodel.ErrSyntax, `bare " in unquoted field (quote the field and double the ")`)
	default:
		c.probs.add(c.path, pe.Line, "", graphmodel.ErrSyntax, "%v", pe.Err)
	}
}

// ioErr is err unless it is a CSV syntax error (already reported).
func (c *csvIn) ioErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil
	}
	return fmt.Errorf("read %s: %w", c.path, err)
}

// field is the trimmed value of column name in rec ("" when the file has no such column).
func (c *csvIn) field(rec []string, name string) string {
	i, ok := c.col[name]
	if !ok {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// text is field, checked to be valid UTF-8.
func (c *csvIn) text(rec []string, line int, name string) string {
	v := c.field(rec, name)
	if !utf8.ValidString(v) {
		c.probs.add(c.path, line, name, graphmodel.ErrEncoding, "invalid UTF-8 in column %q", name)
		return strings.ToValidUTF8(v, "\uFFFD")
	}
	return v
}

// integer parses column name of rec as an integer; an empty field gives empty (and ok).
// A field that is not an integer is reported; ok is then false.
func (c *csvIn) integer(rec []string, line int, name string, empty int) (int, bool) {
	v := c.field(rec, name)
	if v == "" {
		return empty, true
	}
	n, ok := atoi(v)
	if !ok {
		c.probs.add(c.path, line, name, ErrBadNumber, "%s %q is not an integer", name, v)
	}
	return n, ok
}

// required is integer for a field that may not be empty.
func (c *csvIn) required(rec []string, line int, name string) (int, bool) {
	if c.field(rec, name) == "" {
		c.probs.add(c.path, line, name, graphmodel.ErrEmptyID, "empty %s", name)
		return 0, false
	}
	return c.integer(rec, line, name, 0)
}

// flag parses a 0/1 column; empty reads as 0 and is counted in *empty.
func (c *csvIn) flag(rec []string, line int, name string, empty *int) (bool, bool) {
	v := c.field(rec, name)
	switch v {
	case "0":
		return false, true
	case "1":
		return true, true
	case "":
		*empty++
		return false, true
	}
	c.probs.add(c.path, line, name, ErrBadNumber, "%s %q is not 0 or 1", name, v)
	return false, false
}

// atoi parses a decimal integer with an optional sign, without allocating; more than 18
// digits are out of range.
func atoi(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" || len(s) > 18 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch < '0' || ch > '9' {
			return 0, false
		}
		n = n*10 + int(ch-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}
