package importer

import (
	"errors"
	"fmt"

	"github.com/liaison-net/liaison/graphmodel"
)

// Kinds of problem particular to importing; the others are graphmodel's (ErrMissingColumn,
// ErrFieldCount, ErrSyntax, ErrEncoding, ErrEmptyFile, ErrEmptyID, ErrDuplicateID,
// ErrBadTime, ErrUntilBefore).
var (
	// ErrUnknownSource: the source name is not one of Sources.
	ErrUnknownSource = errors.New("unknown import source")
	// ErrExists: the output folder exists and is not empty (and Force was not given), or
	// the output path is not a folder.
	ErrExists = errors.New("output exists")
	// ErrBadNumber: a field that must be an integer (a code, a year, a count, a 0/1 flag)
	// is not one, or is out of range.
	ErrBadNumber = errors.New("bad number")
	// ErrConflict: the state list gives one code two abbreviations, or one abbreviation to
	// two codes.
	ErrConflict = errors.New("conflicting entries")
)

// maxProblems caps the problems listed for one import; the rest are counted.
const maxProblems = 1000

// problem is a message that unwraps to its kind.
type problem struct {
	kind error
	msg  string
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.kind }

// problems collects the input problems of one import, in the order found.
type problems struct {
	list []*graphmodel.ParseError
	more int
}

func (p *problems) add(file string, line int, column string, kind error, format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.more++
		return
	}
	p.list = append(p.list, &graphmodel.ParseError{File: file, Line: line, Column: column,
		Err: &problem{kind: kind, msg: fmt.Sprintf(format, args...)}})
}

// err is nil without problems, else a *graphmodel.ValidationError for the input at path.
func (p *problems) err(path string) error {
	if len(p.list) == 0 {
		return nil
	}
	list := p.list
	if p.more > 0 {
		last := list[len(list)-1]
		list = append(list[:len(list):len(list)], &graphmodel.ParseError{File: last.File,
			Err: &problem{kind: last.Unwrap(), msg: fmt.Sprintf("%d more problems not listed", p.more)}})
	}
	return &graphmodel.ValidationError{Path: path, Problems: list}
}
