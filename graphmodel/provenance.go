package graphmodel

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file gives meaning to five optional exchanges.csv columns, the provenance of what was
// transferred (README, "Provenance"): report (the id of the item), origin (the actor that
// first collected it), derived_from (the ;-separated reports it was built from), assessment
// (a label of the judgement it supports) and caveat (its release markings). They stay extra
// columns (Columns.Exchanges, Exchange.Extra), so every export keeps carrying them; this
// file finds them, reads them and checks them across rows (checkProvenance, run by Load).

// Kinds of provenance problem (besides ErrUnknownRef, ErrEmptyID and ErrControlChar).
var (
	ErrCycle    = errors.New("derived_from cycle")
	ErrConflict = errors.New("conflicting provenance")
)

// The provenance columns of exchanges.csv (lower case; the header matches without regard
// to case).
const (
	ColReport      = "report"
	ColOrigin      = "origin"
	ColDerivedFrom = "derived_from"
	ColAssessment  = "assessment"
	ColCaveat      = "caveat"
)

// ProvenanceColumns are the positions of the provenance columns in Columns.Exchanges (and
// so in each Exchange.Extra); -1 for a column the file does not have.
type ProvenanceColumns struct {
	Report, Origin, DerivedFrom, Assessment, Caveat int
}

// ProvenanceColumns finds the provenance columns among the extra exchange columns; ok is
// false when there is none of them (the data set has no provenance record).
func (d *Dataset) ProvenanceColumns() (c ProvenanceColumns, ok bool) {
	return provenanceColumns(d.Columns.Exchanges)
}

// hasProvenance says whether the exchanges carry provenance columns.
func (d *Dataset) hasProvenance() bool {
	_, ok := d.ProvenanceColumns()
	return ok
}

func provenanceColumns(cols []Column) (c ProvenanceColumns, ok bool) {
	c = ProvenanceColumns{-1, -1, -1, -1, -1}
	for i, col := range cols {
		var at *int
		switch strings.ToLower(col.Name) {
		case ColReport:
			at = &c.Report
		case ColOrigin:
			at = &c.Origin
		case ColDerivedFrom:
			at = &c.DerivedFrom
		case ColAssessment:
			at = &c.Assessment
		case ColCaveat:
			at = &c.Caveat
		default:
			continue
		}
		*at, ok = i, true
	}
	return c, ok
}

// ExchangeProvenance is the provenance of one exchange row, as written (trimmed).
type ExchangeProvenance struct {
	Report      string
	Origin      string   // "" when the row does not say
	DerivedFrom []string // trimmed, blanks and repeats dropped, in input order
	Assessment  string
	Caveat      string
}

// Provenance returns the provenance fields of exchange row x (columns from
// Dataset.ProvenanceColumns).
func (c ProvenanceColumns) Provenance(x *Exchange) ExchangeProvenance {
	get := func(i int) string {
		if i < 0 || i >= len(x.Extra) {
			return ""
		}
		return strings.TrimSpace(x.Extra[i])
	}
	p := ExchangeProvenance{Report: get(c.Report), Origin: get(c.Origin), Assessment: get(c.Assessment), Caveat: get(c.Caveat)}
	if s := get(c.DerivedFrom); s != "" {
		for _, part := range strings.Split(s, ";") {
			if part = strings.TrimSpace(part); part != "" && !slices.Contains(p.DerivedFrom, part) {
				p.DerivedFrom = append(p.DerivedFrom, part)
			}
		}
	}
	return p
}

// Caveat is a parsed caveat field: its release markings. Markings are separated by ";" or
// "//" and matched without regard to case; a marking that is none of these (a
// classification such as SECRET) has no release rule and is kept in Other.
type Caveat struct {
	NoForn bool     // NOFORN: releasable to no one but the originator
	OrCon  bool     // ORCON: only the originator may disseminate it
	RelTo  []string // REL TO X, Y: releasable to these actors or groups (and the originator)
	Other  []string

	emptyRelTo bool // a REL TO without a name (a validation problem)
}

// Restricted reports whether the caveat limits who may receive the report.
func (c Caveat) Restricted() bool { return c.NoForn || c.OrCon || len(c.RelTo) > 0 }

// ParseCaveat reads a caveat field, e.g. "SECRET//REL TO USA, GBR" or "NOFORN;ORCON".
func ParseCaveat(s string) Caveat {
	var c Caveat
	for _, part := range strings.FieldsFunc(strings.ReplaceAll(s, "//", ";"), func(r rune) bool { return r == ';' }) {
		part = strings.TrimSpace(part)
		up := strings.ToUpper(part)
		switch {
		case part == "":
		case up == "NOFORN":
			c.NoForn = true
		case up == "ORCON":
			c.OrCon = true
		case strings.HasPrefix(up, "REL TO ") || up == "REL TO":
			named := false
			for _, id := range strings.Split(part[len("REL TO"):], ",") {
				if id = strings.TrimSpace(id); id != "" {
					named = true
					if !slices.Contains(c.RelTo, id) {
						c.RelTo = append(c.RelTo, id)
					}
				}
			}
			c.emptyRelTo = c.emptyRelTo || !named
		default:
			c.Other = append(c.Other, part)
		}
	}
	return c
}

// NamedGroups are the release groups a REL TO may name besides actors and clubs: a club of
// the same id, when clubs.csv has one, takes precedence (its members at the transfer's
// year).
var NamedGroups = map[string][]string{
	"FVEY": {"AUS", "CAN", "GBR", "NZL", "USA"},
}

// checkProvenance checks the provenance columns across the exchange rows: a row with
// provenance but no report, an origin that is not an actor, rows of one report that
// disagree on its origin, derived_from or caveat, a derived_from naming no report, a cycle
// of derivations, a REL TO naming no actor, club or group, and control characters.
func (l *loader) checkProvenance() {
	l.problems = append(l.problems, ProvenanceProblems(l.d, l.names[ExchangesFile])...)
}

// ProvenanceProblems returns the problems of d's provenance columns (see the README's
// "Provenance"), as FILE:LINE problems in line order; file is exchanges.csv's name. Load
// runs it; a data set built otherwise (pulled from Neo4j) can be checked with it.
func ProvenanceProblems(d *Dataset, file string) []*ParseError {
	pc, ok := d.ProvenanceColumns()
	if !ok {
		return nil
	}
	var out []*ParseError
	add := func(line int, column string, kind error, format string, args ...any) {
		out = append(out, &ParseError{File: file, Line: line, Column: column, Err: newProblem(kind, format, args...)})
	}
	actor := func(id string) bool { _, ok := d.actorIndex[id]; return ok }
	if d.actorIndex == nil {
		ids := map[string]bool{}
		for i := range d.Actors {
			ids[d.Actors[i].ID] = true
		}
		actor = func(id string) bool { return ids[id] }
	}
	club := func(id string) bool {
		_, ok := slices.BinarySearchFunc(d.Clubs, id, func(c Club, id string) int { return strings.Compare(c.ID, id) })
		return ok
	}
	actorsIn := "actors.csv"
	if !slices.Contains(d.Files, ActorsFile) {
		actorsIn = "no file references it"
	} else {
		actorsIn = "not in " + actorsIn
	}
	type report struct {
		line                    int // first row
		origin, derived, caveat string
		oLine, dLine, cLine     int
		sources                 []string
		originSeen, derivedSeen bool
		caveatSeen              bool
	}
	reports := map[string]*report{}
	var order []string // report ids in order of first row
	for i := range d.Exchanges {
		x := &d.Exchanges[i]
		p := pc.Provenance(x)
		bad := false
		for _, f := range []struct{ col, v string }{{ColReport, p.Report}, {ColOrigin, p.Origin}, {ColDerivedFrom, strings.Join(p.DerivedFrom, ";")}, {ColAssessment, p.Assessment}, {ColCaveat, p.Caveat}} {
			if j := strings.IndexFunc(f.v, unicode.IsControl); j >= 0 {
				r, _ := utf8.DecodeRuneInString(f.v[j:])
				add(x.Line, f.col, ErrControlChar, "control character %U in %s", r, f.col)
				bad = true
			}
		}
		if bad {
			continue
		}
		if p.Report == "" {
			for _, f := range []struct{ col, v string }{{ColOrigin, p.Origin}, {ColDerivedFrom, strings.Join(p.DerivedFrom, ";")}, {ColAssessment, p.Assessment}, {ColCaveat, p.Caveat}} {
				if f.v != "" {
					add(x.Line, f.col, ErrEmptyID, "%s %q given without a report", f.col, f.v)
					break
				}
			}
			continue
		}
		if p.Origin != "" && !actor(p.Origin) {
			add(x.Line, ColOrigin, ErrUnknownRef, "origin %q is not an actor (%s)", p.Origin, actorsIn)
		}
		if p.Caveat != "" {
			c := ParseCaveat(p.Caveat)
			if c.emptyRelTo {
				add(x.Line, ColCaveat, ErrEmptyID, "caveat %q: REL TO names no actor or group", p.Caveat)
			}
			for _, id := range c.RelTo {
				if !actor(id) && !club(id) && NamedGroups[id] == nil {
					add(x.Line, ColCaveat, ErrUnknownRef, "caveat %q: %q is not an actor, a club or a named group (%s)", p.Caveat, id, groupNames())
				}
			}
		}
		r := reports[p.Report]
		if r == nil {
			r = &report{line: x.Line}
			reports[p.Report] = r
			order = append(order, p.Report)
		}
		agree := func(col, v string, seen *bool, have *string, at *int) {
			if v == "" {
				return
			}
			if !*seen {
				*seen, *have, *at = true, v, x.Line
				return
			}
			if v != *have {
				add(x.Line, col, ErrConflict, "report %q has %s %q here but %q on line %d", p.Report, col, v, *have, *at)
			}
		}
		agree(ColOrigin, p.Origin, &r.originSeen, &r.origin, &r.oLine)
		if len(p.DerivedFrom) > 0 {
			set := slices.Clone(p.DerivedFrom)
			slices.Sort(set)
			joined := strings.Join(set, ";")
			if !r.derivedSeen {
				r.sources = p.DerivedFrom
			}
			agree(ColDerivedFrom, joined, &r.derivedSeen, &r.derived, &r.dLine)
		}
		agree(ColCaveat, p.Caveat, &r.caveatSeen, &r.caveat, &r.cLine)
	}
	// Unknown sources, then cycles among the known ones.
	for _, id := range order {
		r := reports[id]
		for _, s := range r.sources {
			if reports[s] == nil {
				add(r.dLine, ColDerivedFrom, ErrUnknownRef, "unknown report %q in derived_from (no exchange has report %q)", s, s)
			}
		}
	}
	const (
		white = iota
		grey
		black
	)
	colour := make(map[string]uint8, len(reports))
	var stack []string
	var visit func(id string)
	visit = func(id string) {
		colour[id] = grey
		stack = append(stack, id)
		for _, s := range reports[id].sources {
			if reports[s] == nil {
				continue
			}
			switch colour[s] {
			case white:
				visit(s)
			case grey:
				k := slices.Index(stack, s)
				cycle := append(slices.Clone(stack[k:]), s)
				line := reports[s].dLine
				quoted := make([]string, len(cycle))
				for j, c := range cycle {
					quoted[j] = fmt.Sprintf("%q", c)
					if reports[c].dLine < line && j < len(cycle)-1 {
						line = reports[c].dLine
					}
				}
				add(line, ColDerivedFrom, ErrCycle, "derived_from cycle: %s", strings.Join(quoted, " → "))
			}
		}
		stack = stack[:len(stack)-1]
		colour[id] = black
	}
	for _, id := range order {
		if colour[id] == white {
			visit(id)
		}
	}
	slices.SortStableFunc(out, func(a, b *ParseError) int { return a.Line - b.Line })
	return out
}

func groupNames() string {
	var names []string
	for k := range NamedGroups {
		names = append(names, k)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// ExchangeActors returns the positions in d.Actors of exchange row i's sender and recipient
// (resolved once, at load).
func (d *Dataset) ExchangeActors(i int) (from, to int) {
	if i < len(d.exchangeEnds) {
		e := d.exchangeEnds[i]
		return int(e[0]), int(e[1])
	}
	f, _ := d.ActorIndex(d.Exchanges[i].From)
	t, _ := d.ActorIndex(d.Exchanges[i].To)
	return f, t
}
