package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// igoRow is one dyad-year kept: actor positions, year and shared-IGO count.
type igoRow struct {
	a, b int32
	year int16
	n    int32
}

// COWIGO imports COW IGO non-directed dyad-year files (3.0: cow_igo_ndy.csv; columns
// ccode1, ccode2, year, dyadigos): each dyad-year with shared IGOs is a tie row with since =
// until = year and weight = dyadigos, the number of IGOs both states belong to. Dyad-years
// with 0 shared IGOs are dropped and counted (one report line, not one problem each), as
// are negative counts (COW's missing-value codes) and pairs of a state with itself. Rows are
// held compactly (16 bytes each) and written as they are formatted.
func COWIGO(paths []string, o Options) (*Output, *Report, error) {
	o, err := o.check(CowIGO)
	if err != nil {
		return nil, nil, err
	}
	var probs problems
	states, err := o.loadStates(&probs)
	if err != nil {
		return nil, nil, err
	}
	actors := newActorSet(states)
	var (
		rows            []igoRow
		codes           []int // actor position -> code
		small           = make([]int32, 1000)
		large           = map[int]int32{}
		read, zero, neg int
		self            int
		firstYr, lastYr = 1 << 30, -1
		pathsRead       []string
	)
	for i := range small {
		small[i] = -1
	}
	pos := func(code int) int32 {
		if code >= 0 && code < len(small) {
			if p := small[code]; p >= 0 {
				return p
			}
		} else if p, ok := large[code]; ok {
			return p
		}
		p := int32(len(codes))
		codes = append(codes, code)
		if code >= 0 && code < len(small) {
			small[code] = p
		} else {
			large[code] = p
		}
		return p
	}
	for _, path := range paths {
		c, ok, err := openCSV(path, &probs, "ccode1", "ccode2", "year", "dyadigos")
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			continue
		}
		pathsRead = append(pathsRead, path)
		i1, i2, iy, in := c.col["ccode1"], c.col["ccode2"], c.col["year"], c.col["dyadigos"]
		if rows == nil {
			if info, err := c.f.Stat(); err == nil {
				rows = make([]igoRow, 0, info.Size()/17) // about 16 bytes a line
			}
		}
		var readErr error
		for rec, line := range c.records(&readErr) {
			read++
			num := func(i int, col string) (int, bool) {
				v := rec[i]
				n, ok := atoi(v)
				if !ok {
					if v = strings.TrimSpace(v); v == "" {
						probs.add(path, line, col, graphmodel.ErrEmptyID, "empty %s", col)
						return 0, false
					}
					if n, ok = atoi(v); !ok {
						probs.add(path, line, col, ErrBadNumber, "%s %q is not an integer", col, v)
					}
				}
				return n, ok
			}
			c1, ok1 := num(i1, "ccode1")
			c2, ok2 := num(i2, "ccode2")
			y, ok3 := num(iy, "year")
			n, ok4 := num(in, "dyadigos")
			if !(ok1 && ok2 && ok3 && ok4) {
				continue
			}
			if !yearOK(y) {
				probs.add(path, line, "year", ErrBadNumber, "year %d is not a year from 1 to 9999", y)
				continue
			}
			if n > 1<<30 {
				probs.add(path, line, "dyadigos", ErrBadNumber, "dyadigos %d is out of range", n)
				continue
			}
			switch {
			case n == 0:
				zero++
				continue
			case n < 0:
				neg++
				continue
			case c1 == c2:
				self++
				continue
			}
			rows = append(rows, igoRow{a: pos(c1), b: pos(c2), year: int16(y), n: int32(n)})
			firstYr, lastYr = min(firstYr, y), max(lastYr, y)
		}
		if readErr != nil {
			c.close()
			return nil, nil, readErr
		}
		c.close()
	}
	if err := probs.err(paths[0]); err != nil {
		return nil, nil, err
	}
	ids := make([]string, len(codes))
	for p, code := range codes {
		ids[p] = actors.id(code)
		if _, ok := states.Lookup(code); !ok && states != nil {
			actors.unknown[code] = 0
		}
	}
	if len(actors.unknown) > 0 { // rows per unknown code, counted only when there are any
		for _, r := range rows {
			for _, p := range [2]int32{r.a, r.b} {
				if _, ok := actors.unknown[codes[p]]; ok {
					actors.unknown[codes[p]]++
				}
			}
		}
	}
	rep := &Report{Source: CowIGO, Inputs: o.inputs(pathsRead...)}
	rep.read("rows", read, "dyad-years (ccode1, ccode2, year, dyadigos)")
	span := ""
	if lastYr >= 0 {
		span = fmt.Sprintf(", %d–%d", firstYr, lastYr)
	}
	rep.mapped("ties", len(rows), "dyad-years with shared IGOs → %s tie rows (%s: since = until = year, weight = dyadigos%s)", Num(len(rows)), graphmodel.TiesFile, span)
	rep.mapped("actors", len(codes), "states → %s actors (%s)", Num(len(codes)), graphmodel.ActorsFile)
	rep.dropped("zero-count", zero, "dyad-years with 0 shared IGOs dropped")
	rep.dropped("negative-count", neg, "dyad-years with a negative (missing) dyadigos dropped")
	rep.dropped("self", self, "dyad-years of a state with itself dropped")
	o.noteStates(rep, actors)

	ties := &Table{File: graphmodel.TiesFile, Header: []string{"source", "target", "weight", "since", "until"}, Rows: len(rows)}
	ties.Each = func(emit func([]string) error) error {
		var years, counts numbers
		row := make([]string, 5)
		for _, r := range rows {
			yr := years.get(int(r.year))
			row[0], row[1], row[2], row[3], row[4] = ids[r.a], ids[r.b], counts.get(int(r.n)), yr, yr
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	}
	return &Output{Tables: []*Table{actors.table(), ties}}, rep, nil
}

// numbers formats small non-negative integers once each.
type numbers struct{ s []string }

func (x *numbers) get(n int) string {
	if n >= 1<<16 {
		return strconv.Itoa(n)
	}
	if n >= len(x.s) {
		x.s = append(x.s, make([]string, n+1-len(x.s))...)
	}
	if x.s[n] == "" {
		x.s[n] = strconv.Itoa(n)
	}
	return x.s[n]
}
