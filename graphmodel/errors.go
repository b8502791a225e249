package graphmodel

import (
	"errors"
	"fmt"
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
