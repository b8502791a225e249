package graphmodel

import (
	"errors"
	"fmt"
	"slices"
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
// Load returns it (and no data set) when the input is invalid. Validate may keep only the
// first problems: Total then counts them all, and Summary still groups them all.
type ValidationError struct {
	Path     string        // the data set's path as given
	Problems []*ParseError // never empty
	// Total is the number of problems found when it is more than len(Problems) (Validate
	// with a cap on the problems kept); 0 otherwise.
	Total int

	groups []ProblemGroup // Summary of every problem, when not all are in Problems
}

// Count returns the number of problems found: Total, or len(Problems) when every problem
// was kept.
func (e *ValidationError) Count() int {
	return max(e.Total, len(e.Problems))
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	n := e.Count()
	fmt.Fprintf(&b, "%s: %d problem", e.Path, n)
	if n != 1 {
		b.WriteByte('s')
	}
	for _, p := range e.Problems {
		b.WriteString("\n")
		b.WriteString(p.Error())
	}
	if rest := n - len(e.Problems); rest > 0 {
		fmt.Fprintf(&b, "\n… and %d more", rest)
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
	File string // the file the problems are in
	// Message is the group's message: the parts in which its problems differ are generalised,
	// a quoted value to "…" and a number to N ("weight N must be greater than 0").
	Message string
	Count   int         // how many problems
	First   *ParseError // the first of them, in file and line order
}

func (g ProblemGroup) String() string {
	return fmt.Sprintf("%s: %s × %s", g.File, thousands(g.Count), g.Message)
}

// Summary groups the problems by kind: by file and by the message with its quoted values
// (ids, raw fields) generalised to "…" and its numbers (lines, years, weights, counts) to N,
// so "weight 0 must be greater than 0" on 45,276 rows is one group, and "unknown actor "FRA"
// in target" and "unknown actor "XXX" in target" another. A group's Message keeps the parts
// its problems share. Groups come in descending order of count, ties in the order of their
// first problem.
func (e *ValidationError) Summary() []ProblemGroup {
	if e.groups != nil {
		return slices.Clone(e.groups)
	}
	var g summarizer
	for i, p := range e.Problems {
		g.add(p, order{line: p.Line, seq: i})
	}
	return g.result()
}

// order is a problem's place in file and line order: the file's rank among the data set's
// files, the line, and the order in which the problems were found.
type order struct{ rank, line, seq int }

func (a order) less(b order) bool {
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	if a.line != b.line {
		return a.line < b.line
	}
	return a.seq < b.seq
}

// summarizer groups problems by kind as they come (see Summary), in any order.
type summarizer struct {
	at     map[[2]string]int
	groups []ProblemGroup
	first  []order
	parts  [][]string // the message parts of each group, generalised where they differ
}

func (g *summarizer) add(p *ParseError, o order) {
	toks := tokens(p.Err.Error())
	var key strings.Builder
	for _, t := range toks {
		key.WriteString(t.gen)
	}
	k := [2]string{p.File, key.String()}
	if g.at == nil {
		g.at = map[[2]string]int{}
	}
	i, ok := g.at[k]
	if !ok {
		i = len(g.groups)
		g.at[k] = i
		g.groups = append(g.groups, ProblemGroup{File: p.File, First: p})
		g.first = append(g.first, o)
		ps := make([]string, len(toks))
		for j, t := range toks {
			ps[j] = t.raw
		}
		g.parts = append(g.parts, ps)
	}
	g.groups[i].Count++
	if o.less(g.first[i]) {
		g.groups[i].First, g.first[i] = p, o
	}
	for j, t := range toks {
		if g.parts[i][j] != t.raw {
			g.parts[i][j] = t.gen
		}
	}
}

// result returns the groups in descending order of count, ties in the order of their first
// problem.
func (g *summarizer) result() []ProblemGroup {
	idx := make([]int, len(g.groups))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return g.first[idx[a]].less(g.first[idx[b]]) })
	sort.SliceStable(idx, func(a, b int) bool { return g.groups[idx[a]].Count > g.groups[idx[b]].Count })
	out := make([]ProblemGroup, len(idx))
	for k, i := range idx {
		out[k] = g.groups[i]
		out[k].Message = strings.Join(g.parts[i], "")
	}
	return out
}

// token is a part of a message: text, a quoted value or a number, as written (raw) and
// generalised (gen: "…" for a quoted value, N for a number, the text itself otherwise).
type token struct{ raw, gen string }

// tokens splits a message into text, quoted values and numbers.
func tokens(msg string) []token {
	var out []token
	text := 0 // start of the pending text
	flush := func(i int) {
		if i > text {
			out = append(out, token{msg[text:i], msg[text:i]})
		}
	}
	for i := 0; i < len(msg); {
		c := msg[i]
		switch {
		case c == '"':
			j := strings.IndexByte(msg[i+1:], '"')
			if j < 0 {
				i = len(msg)
				continue
			}
			flush(i)
			out = append(out, token{msg[i : i+j+2], `"…"`})
			i += j + 2
			text = i
		case isDigit(c) || (c == '-' || c == '+') && i+1 < len(msg) && isDigit(msg[i+1]) && (i == 0 || msg[i-1] == ' '):
			j := i + 1
			for j < len(msg) && (isDigit(msg[j]) || (msg[j] == '.' || msg[j] == 'e' || msg[j] == '-') && j+1 < len(msg) && isDigit(msg[j+1])) {
				j++
			}
			inWord := i > 0 && (isLetter(msg[i-1]) || msg[i-1] == '-' && i > 1 && isLetter(msg[i-2])) || j < len(msg) && isLetter(msg[j])
			if !inWord { // not part of a word such as UTF-8
				flush(i)
				out = append(out, token{msg[i:j], "N"})
				text = j
			}
			i = j
		default:
			i++
		}
	}
	flush(len(msg))
	return out
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// thousands writes n with commas between groups of three digits: 45,276.
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := fmt.Sprint(n)
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
