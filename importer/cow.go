package importer

import (
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

var cowScheme = scheme{
	source:    CowAlliance,
	prefix:    "COW",
	idColumn:  "version4id",
	domains:   []string{"DEFENSE", "NEUTRALITY", "NONAGGRESSION", "ENTENTE"},
	columns:   []string{"defense", "neutrality", "nonaggression", "entente"},
	weights:   []int{3, 2, 2, 1},
	unit:      "member rows",
	censoring: true,
	tieExtra:  []string{"ss_type"},
	clubExtra: []string{"ss_type"},
}

// COWAlliance imports the COW Formal Alliances member-level file (v4.1:
// alliance_v4.1_by_member.csv, one row per state per alliance and spell). See the package
// documentation for the mapping.
func COWAlliance(path string, o Options) (*Output, *Report, error) {
	o, err := o.check(CowAlliance)
	if err != nil {
		return nil, nil, err
	}
	var probs problems
	states, err := o.loadStates(&probs)
	if err != nil {
		return nil, nil, err
	}
	c, ok, err := openCSV(path, &probs, "version4id", "ccode",
		"all_st_day", "all_st_month", "all_st_year", "all_end_day", "all_end_month", "all_end_year",
		"mem_st_day", "mem_st_month", "mem_st_year", "mem_end_day", "mem_end_month", "mem_end_year",
		"defense", "neutrality", "nonaggression", "entente")
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, probs.err(path)
	}
	defer c.close()
	s := &cowScheme
	actors := newActorSet(states)
	byID := map[int]*alliance{}
	var alls []*alliance
	rows, emptyObl, yearOnly := 0, 0, 0
	var readErr error
	for rec, line := range c.records(&readErr) {
		rows++
		id, ok1 := c.required(rec, line, "version4id")
		code, ok2 := c.required(rec, line, "ccode")
		name := c.text(rec, line, "state_name")
		typ := c.text(rec, line, "ss_type")
		allSt, ok3 := c.date(rec, line, "all_st", &yearOnly)
		allEnd, ok4 := c.date(rec, line, "all_end", &yearOnly)
		memSt, ok5 := c.date(rec, line, "mem_st", &yearOnly)
		memEnd, ok6 := c.date(rec, line, "mem_end", &yearOnly)
		var obl obligations
		okObl := true
		for i, col := range s.columns {
			v, ok := c.flag(rec, line, col, &emptyObl)
			okObl = okObl && ok
			if v {
				obl |= 1 << i
			}
		}
		lc, ok7 := c.censor(rec, line, "left_censor")
		rc, ok8 := c.censor(rec, line, "right_censor")
		if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7 && ok8 && okObl) {
			continue
		}
		mem := period{memSt, memEnd}
		if !mem.valid() {
			probs.add(path, line, "mem_end_year", graphmodel.ErrUntilBefore, "membership ends %s, before it starts %s", memEnd, memSt)
			continue
		}
		if p := (period{allSt, allEnd}); !p.valid() {
			probs.add(path, line, "all_end_year", graphmodel.ErrUntilBefore, "alliance ends %s, before it starts %s", allEnd, allSt)
			continue
		}
		actors.see(code, name)
		al := byID[id]
		if al == nil {
			al = &alliance{id: strconv.Itoa(id), dates: period{allSt, allEnd}, hasDates: true,
				kind: cowKind(typ), tieExtra: []string{typ}, clubExtra: []string{typ}}
			byID[id] = al
			alls = append(alls, al)
		}
		al.spells = append(al.spells, spell{code: code, period: mem, obl: obl, lc: lc, rc: rc})
	}
	if readErr != nil {
		return nil, nil, readErr
	}
	if err := probs.err(path); err != nil {
		return nil, nil, err
	}
	rep := &Report{Source: CowAlliance, Inputs: o.inputs(path)}
	rep.read("rows", rows, "member rows: %s alliances, %s states", Num(len(alls)), Num(len(actors.names)))
	out := build(s, alls, actors, o.Mapping, rep)
	rep.note("empty-obligation", emptyObl, "empty obligation fields (defense, neutrality, nonaggression, entente) read as 0")
	rep.note("year-only", yearOnly, "dates without a complete day and month, kept as the year")
	o.noteStates(rep, actors)
	return out, rep, nil
}

// cowKind is the COW type without its number: "Type I: Defense Pact" → "Defense Pact".
func cowKind(t string) string {
	if _, after, ok := strings.Cut(t, ": "); ok {
		return after
	}
	return t
}

// date reads the columns PREFIX_day, PREFIX_month and PREFIX_year as a time: a calendar
// date when complete, the year otherwise (counted in yearOnly); an empty or 0 year is open.
func (c *csvIn) date(rec []string, line int, prefix string, yearOnly *int) (graphmodel.Time, bool) {
	return c.dateOf(rec, line, prefix+"_year", prefix+"_month", prefix+"_day", yearOnly)
}

func (c *csvIn) dateOf(rec []string, line int, yc, mc, dc string, yearOnly *int) (graphmodel.Time, bool) {
	y, ok1 := c.integer(rec, line, yc, 0)
	m, ok2 := c.integer(rec, line, mc, 0)
	d, ok3 := c.integer(rec, line, dc, 0)
	if !(ok1 && ok2 && ok3) {
		return graphmodel.Time{}, false
	}
	if y != 0 && !yearOK(y) {
		c.probs.add(c.path, line, yc, ErrBadNumber, "%s %d is not a year from 1 to 9999", yc, y)
		return graphmodel.Time{}, false
	}
	t, yo := ymd(y, m, d)
	if yo {
		*yearOnly++
	}
	return t, true
}

// censor reads a 0/1 censoring flag, which may be empty.
func (c *csvIn) censor(rec []string, line int, col string) (string, bool) {
	v := c.field(rec, col)
	if v == "" || v == "0" || v == "1" {
		return v, true
	}
	c.probs.add(c.path, line, col, ErrBadNumber, "%s %q is not 0 or 1", col, v)
	return "", false
}
