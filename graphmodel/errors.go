package graphmodel

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Kinds of input problem. Every ParseError wraps one of them, so callers can test with
// errors.Is(err, graphmodel.ErrBadWeight) and so on.
var (
	ErrEmptyFile      = errors.New("empty file")
	ErrSyntax         = errors.New("CSV syntax error")
	ErrFieldCount     = errors.New("wrong number of fields")
	ErrEncoding       = errors.New("invalid UTF-8")
	ErrMissingColumn  = errors.New("missing required column")
	ErrDuplicateCol   = errors.New("duplicate column")
	ErrDelimiter      = errors.New("not comma-separated")
	ErrEmptyID        = errors.New("empty id")
	ErrDuplicateID    = errors.New("duplicate id")
	ErrUnknownRef     = errors.New("unknown reference")
	ErrSelfTie        = errors.New("self-tie")
	ErrBadWeight      = errors.New("bad weight")
	ErrBadTime        = errors.New("bad time")
	ErrUntilBefore    = errors.New("until before since")
	ErrNoData         = errors.New("no data set files")
	ErrUnreadableFile = errors.New("unreadable file")
)

// ParseError is one problem in one input file, in the spirit of encoding/csv.ParseError.
// Its message is "FILE:LINE: message".
type ParseError struct {
	File   string // file name within the data set, e.g. "ties.csv"
	Line   int    // 1-based line number in File (0 when the problem is not on a line)
	Column string // column name, when the problem is in one field
	Err    error  // the problem; wraps one of the Err… kinds above
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// problem is a message that unwraps to its kind without repeating the kind's text.
type problem struct {
	kind error
	msg  string
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.kind }

func newProblem(kind error, format string, args ...any) error {
	return &problem{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// ValidationError lists every problem found in a data set, in file and line order.
// Load returns it (and no data set) when the input is invalid.
type ValidationError struct {
	Path     string        // the data set's path as given
	Problems []*ParseError // never empty
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d problem", e.Path, len(e.Problems))
	if len(e.Problems) != 1 {
		b.WriteByte('s')
	}
	for _, p := range e.Problems {
		b.WriteString("\n")
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap gives the individual problems, so errors.Is and errors.As see each of them.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// ProblemGroup is one kind of problem in a ValidationError's summary: the problems of one
// file whose messages are the same once quoted values and numbers are generalised.
type ProblemGroup struct {
	File    string      // the file the problems are in
	Message string      // the message when every problem of the group has the same one, else Pattern
	Pattern string      // the message with each quoted value as "…" and each number as N
	Count   int         // how many problems
	First   *ParseError // the first of them, in file and line order
}

func (g ProblemGroup) String() string {
	return fmt.Sprintf("%s: %s × %s", g.File, thousands(g.Count), g.Message)
}

// Summary groups the problems by kind: by file and by the message with its quoted values
// (ids, raw fields) generalised to "…" and its numbers (lines, years, weights, counts) to N,
// so "weight 0 must be greater than 0" on 45,276 rows is one group, and "unknown actor "FRA"
// in target" and "unknown actor "XXX" in target" another. A group whose problems all have the
// same message keeps it; otherwise it shows the pattern. Groups come in descending order of
// count, ties in the order of their first problem.
func (e *ValidationError) Summary() []ProblemGroup {
	var groups []ProblemGroup
	at := map[[2]string]int{}
	for _, p := range e.Problems {
		msg := p.Err.Error()
		pat := generalise(msg)
		k := [2]string{p.File, pat}
		i, ok := at[k]
		if !ok {
			at[k] = len(groups)
			groups = append(groups, ProblemGroup{File: p.File, Message: msg, Pattern: pat, First: p})
			i = len(groups) - 1
		}
		g := &groups[i]
		g.Count++
		if g.Message != msg {
			g.Message = pat
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Count > groups[j].Count })
	return groups
}

// generalise replaces the quoted values of a message with "…" and its numbers with N.
func generalise(msg string) string {
	var b strings.Builder
	for i := 0; i < len(msg); {
		c := msg[i]
		switch {
		case c == '"':
			j := strings.IndexByte(msg[i+1:], '"')
			if j < 0 {
				b.WriteString(msg[i:])
				return b.String()
			}
			b.WriteString(`"…"`)
			i += j + 2
		case isDigit(c) || (c == '-' || c == '+') && i+1 < len(msg) && isDigit(msg[i+1]) && (i == 0 || msg[i-1] == ' '):
			j := i + 1
			for j < len(msg) && (isDigit(msg[j]) || msg[j] == '.' && j+1 < len(msg) && isDigit(msg[j+1]) ||
				(msg[j] == 'e' || msg[j] == 'E' || msg[j] == '-') && j+1 < len(msg) && isDigit(msg[j+1])) {
				j++
			}
			if i > 0 && (isLetter(msg[i-1]) || msg[i-1] == '-' && i > 1 && isLetter(msg[i-2])) || j < len(msg) && isLetter(msg[j]) {
				b.WriteString(msg[i:j]) // part of a word, such as UTF-8
			} else {
				b.WriteByte('N')
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// thousands writes n with commas between groups of three digits: 45,276.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Problem returns an error with the message of format that unwraps to kind (one of the Err…
// kinds above) without repeating the kind's text: for readers of other input files (labels,
// importers) that report in the loader's style.
func Problem(kind error, format string, args ...any) error {
	return newProblem(kind, format, args...)
}
