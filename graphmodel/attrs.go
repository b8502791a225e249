package graphmodel

import (
	"strconv"
	"strings"
)

// AttrType is the type of an extra column, inferred from its values.
type AttrType uint8

// Attribute types, from the narrowest to the widest.
const (
	AttrInteger AttrType = iota // every non-empty value is an integer
	AttrFloat                   // every non-empty value is a finite number
	AttrBoolean                 // every non-empty value is true or false
	AttrString                  // anything else (also a column with no values)
)

func (t AttrType) String() string {
	switch t {
	case AttrInteger:
		return "integer"
	case AttrFloat:
		return "float"
	case AttrBoolean:
		return "boolean"
	default:
		return "string"
	}
}

// Column is an extra column of an input file, kept as a typed attribute.
type Column struct {
	Name string   // header name as written (case kept)
	Type AttrType // inferred over all rows
}

// Value converts a raw field of a column of type t: int64, float64, bool or string, and nil
// for an empty field.
func (t AttrType) Value(raw string) any {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil
	}
	switch t {
	case AttrInteger:
		if v, err := strconv.ParseInt(s, 10, 64); err == nil {
			return v
		}
	case AttrFloat:
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			return v
		}
	case AttrBoolean:
		if v, err := strconv.ParseBool(strings.ToLower(s)); err == nil {
			return v
		}
	}
	return raw
}

// Attr is one named, typed attribute value.
type Attr struct {
	Name  string
	Type  AttrType
	Value any // int64, float64, bool, string, or nil when empty
}

// Attrs pairs extra values with their columns.
func Attrs(cols []Column, extra []string) []Attr {
	out := make([]Attr, len(cols))
	for i, c := range cols {
		var raw string
		if i < len(extra) {
			raw = extra[i]
		}
		out[i] = Attr{Name: c.Name, Type: c.Type, Value: c.Type.Value(raw)}
	}
	return out
}

// typer infers a column type from the values it sees.
type typer struct {
	notInt, notFloat, notBool, any bool
}

func (t *typer) see(raw string) {
	s := trimField(raw)
	if s == "" {
		return
	}
	t.any = true
	if !t.notInt {
		if isInt(s) {
			t.notBool = true // an integer is a finite decimal number, never true or false
			return
		}
		t.notInt = true
	}
	if !t.notFloat {
		if _, err := parseFinite(s); err != nil {
			t.notFloat = true
		}
	}
	if !t.notBool {
		switch strings.ToLower(s) {
		case "true", "false":
		default:
			t.notBool = true
		}
	}
}

// merge adds what u saw to t: the type of a column read in pieces is the type of the whole
// (each flag says that some value ruled a type out, whatever came before it).
func (t *typer) merge(u typer) {
	t.notInt, t.notFloat, t.notBool, t.any = t.notInt || u.notInt, t.notFloat || u.notFloat, t.notBool || u.notBool, t.any || u.any
}

func (t *typer) result() AttrType {
	switch {
	case !t.any:
		return AttrString
	case !t.notInt:
		return AttrInteger
	case !t.notFloat:
		return AttrFloat
	case !t.notBool:
		return AttrBoolean
	default:
		return AttrString
	}
}
