package graphmodel

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ErrUnknownColumn is the kind of the error of a Where condition on a column no input file
// has (or one it cannot filter on).
var ErrUnknownColumn = errors.New("unknown column")

// Condition keeps the rows whose input column Column has the value Value (Options.Where).
// Column is a column of actors.csv, ties.csv, clubs.csv, memberships.csv or exchanges.csv:
// an extra column or one of the contract's text columns (actors: id, name, type, region;
// ties: source, target, domains; clubs: id, name; memberships: club, actor, role;
// exchanges: from, to, domain). It applies to every file that has the column; FILE.COLUMN
// (such as clubs.name) restricts it to one. Values match when they are equal after trimming,
// equal without regard to case, or equal as numbers ("1" and "1.0"); domains matches when the
// row lists the value among its domains.
type Condition struct {
	Column, Value string
}

func (c Condition) String() string { return c.Column + "=" + c.Value }

// ParseCondition reads COLUMN=VALUE.
func ParseCondition(s string) (Condition, error) {
	k, v, ok := strings.Cut(s, "=")
	k = strings.TrimSpace(k)
	if !ok || k == "" {
		return Condition{}, fmt.Errorf("where %q: want COLUMN=VALUE", s)
	}
	return Condition{Column: k, Value: strings.TrimSpace(v)}, nil
}

// sameValue reports whether the raw field v matches the condition's value w.
func sameValue(v, w string) bool {
	v = strings.TrimSpace(v)
	if v == w || strings.EqualFold(v, w) {
		return true
	}
	a, errA := strconv.ParseFloat(v, 64)
	b, errB := strconv.ParseFloat(w, 64)
	return errA == nil && errB == nil && a == b
}

// rowTest is one file's part of the filter: for each column, the values of which the row
// must match one (the conditions on different columns must all hold).
type rowTest[T any] struct {
	cols [][]string // per column: the values
	get  []func(*T) []string
}

func (t *rowTest[T]) keep(r *T) bool {
	for i, vals := range t.cols {
		got := t.get[i](r)
		if !slices.ContainsFunc(vals, func(w string) bool {
			return slices.ContainsFunc(got, func(v string) bool { return sameValue(v, w) })
		}) {
			return false
		}
	}
	return true
}

func (t *rowTest[T]) add(get func(*T) []string, value string, key string, keys *[]string) {
	if i := slices.Index(*keys, key); i >= 0 {
		t.cols[i] = append(t.cols[i], value)
		return
	}
	*keys = append(*keys, key)
	t.cols = append(t.cols, []string{value})
	t.get = append(t.get, get)
}

// filter is Options.Where compiled against a data set.
type filter struct {
	actors      rowTest[Actor]
	ties        rowTest[Tie]
	clubs       rowTest[Club]
	memberships rowTest[Membership]
	exchanges   rowTest[Exchange]
}

func one(s string) []string { return []string{s} }

// column finds a column by name (case-insensitive) among a file's text columns and extra
// columns and returns the getter of its values.
func findColumn[T any](name string, text map[string]func(*T) []string, extra []Column, extraOf func(*T) []string) (func(*T) []string, bool) {
	if g, ok := text[name]; ok {
		return g, true
	}
	for i, c := range extra {
		if strings.EqualFold(c.Name, name) {
			return func(r *T) []string { return one(extraOf(r)[i]) }, true
		}
	}
	return nil, false
}

// compileWhere checks the conditions against the data set's columns.
func (d *Dataset) compileWhere(where []Condition) (*filter, error) {
	if len(where) == 0 {
		return nil, nil
	}
	f := &filter{}
	actorText := map[string]func(*Actor) []string{
		"id": func(a *Actor) []string { return one(a.ID) }, "name": func(a *Actor) []string { return one(a.Name) },
		"type": func(a *Actor) []string { return one(a.Type) }, "region": func(a *Actor) []string { return one(a.Region) },
	}
	tieText := map[string]func(*Tie) []string{
		"source": func(t *Tie) []string { return one(t.Source) }, "target": func(t *Tie) []string { return one(t.Target) },
		"domains": func(t *Tie) []string { return t.Domains },
	}
	clubText := map[string]func(*Club) []string{
		"id": func(c *Club) []string { return one(c.ID) }, "name": func(c *Club) []string { return one(c.Name) },
	}
	memberText := map[string]func(*Membership) []string{
		"club": func(m *Membership) []string { return one(m.Club) }, "actor": func(m *Membership) []string { return one(m.Actor) },
		"role": func(m *Membership) []string { return one(m.Role) },
	}
	exchangeText := map[string]func(*Exchange) []string{
		"from": func(x *Exchange) []string { return one(x.From) }, "to": func(x *Exchange) []string { return one(x.To) },
		"domain": func(x *Exchange) []string { return one(x.Domain) },
	}
	var keys [5][]string
	for _, c := range where {
		name := strings.ToLower(strings.TrimSpace(c.Column))
		only := ""
		if file, col, ok := strings.Cut(name, "."); ok {
			if f, c, ok := strings.Cut(col, "."); ok && f == "csv" { // ties.csv.defense
				col = c
			}
			if d.has(file) {
				only, name = file, col
			}
		}
		in := func(file string) bool { return (only == "" || only == file) && d.has(file) }
		found := false
		if in("actors") {
			if g, ok := findColumn(name, actorText, d.Columns.Actors, func(a *Actor) []string { return a.Extra }); ok {
				f.actors.add(g, c.Value, name, &keys[0])
				found = true
			}
		}
		if in("ties") {
			if g, ok := findColumn(name, tieText, d.Columns.Ties, func(t *Tie) []string { return t.Extra }); ok {
				f.ties.add(g, c.Value, name, &keys[1])
				found = true
			}
		}
		if in("clubs") {
			if g, ok := findColumn(name, clubText, d.Columns.Clubs, func(c *Club) []string { return c.Extra }); ok {
				f.clubs.add(g, c.Value, name, &keys[2])
				found = true
			}
		}
		if in("memberships") {
			if g, ok := findColumn(name, memberText, d.Columns.Memberships, func(m *Membership) []string { return m.Extra }); ok {
				f.memberships.add(g, c.Value, name, &keys[3])
				found = true
			}
		}
		if in("exchanges") {
			if g, ok := findColumn(name, exchangeText, d.Columns.Exchanges, func(x *Exchange) []string { return x.Extra }); ok {
				f.exchanges.add(g, c.Value, name, &keys[4])
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("where %s: %w %q: %s", c, ErrUnknownColumn, c.Column, d.whereColumns())
		}
	}
	return f, nil
}

// has reports whether the data set has rows of the file (actors, ties, clubs, memberships or
// exchanges): listed actors or clubs, any tie, membership or exchange.
func (d *Dataset) has(file string) bool {
	switch file {
	case "actors":
		return slices.ContainsFunc(d.Actors, func(a Actor) bool { return a.Line > 0 })
	case "clubs":
		return slices.ContainsFunc(d.Clubs, func(c Club) bool { return c.Line > 0 })
	}
	n := d.RowCounts() // every row read, also of a data set loaded for one period
	switch file {
	case "ties":
		return n.Ties > 0
	case "memberships":
		return n.Memberships > 0
	case "exchanges":
		return n.Exchanges > 0
	}
	return false
}

// whereColumns lists the columns a condition can name, for the error of an unknown one.
func (d *Dataset) whereColumns() string {
	var parts []string
	list := func(file string, text []string, extra []Column) {
		if !d.has(strings.TrimSuffix(file, ".csv")) {
			return
		}
		for _, c := range extra {
			text = append(text, c.Name)
		}
		parts = append(parts, file+": "+strings.Join(text, ", "))
	}
	list(ActorsFile, []string{"id", "name", "type", "region"}, d.Columns.Actors)
	list(TiesFile, []string{"source", "target", "domains"}, d.Columns.Ties)
	list(ClubsFile, []string{"id", "name"}, d.Columns.Clubs)
	list(MembershipsFile, []string{"club", "actor", "role"}, d.Columns.Memberships)
	list(ExchangesFile, []string{"from", "to", "domain"}, d.Columns.Exchanges)
	return "want a text column of " + strings.Join(parts, "; ") + " (times: --at; weights: --min-weight)"
}
