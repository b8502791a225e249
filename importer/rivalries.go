package importer

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// The sources of negative ties (CONTRACT §5): they write rivalries.csv.
const (
	TDRivalries = "td-rivalries" // Thompson–Dreyer strategic rivalries
	CowMID      = "cow-mid"      // COW Militarized Interstate Disputes, dyad-years
)

// rivalryRow is one row of rivalries.csv to write, by actor code.
type rivalryRow struct {
	a, b         int // codes, a < b
	weight       int
	since, until int
	extra        []string
}

// TDRivalriesImport imports Thompson and Dreyer's strategic rivalries (td_rivalries.csv:
// rivalryno, rivalryname, ccode1, ccode2, styear, endyear, region, type1–type3): each rivalry
// becomes one row of rivalries.csv, since = styear, until = endyear (a rivalry still running
// when the data end, 2010, ends there as coded), weight 1, with rivalryno, rivalryname, region
// and the types (type1–type3 as a ;-separated list) as extra columns. A pair with two
// rivalries (Britain–France 1 and 2) has two rows: two spells of one rivalry.
func TDRivalriesImport(path string, o Options) (*Output, *Report, error) {
	o, err := o.check(TDRivalries)
	if err != nil {
		return nil, nil, err
	}
	var probs problems
	states, err := o.loadStates(&probs)
	if err != nil {
		return nil, nil, err
	}
	c, ok, err := openCSV(path, &probs, "ccode1", "ccode2", "styear", "endyear")
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, probs.err(path)
	}
	defer c.close()
	actors := newActorSet(states)
	var rows []rivalryRow
	read, self := 0, 0
	var readErr error
	for rec, line := range c.records(&readErr) {
		read++
		c1, ok1 := c.required(rec, line, "ccode1")
		c2, ok2 := c.required(rec, line, "ccode2")
		st, ok3 := c.required(rec, line, "styear")
		end, ok4 := c.integer(rec, line, "endyear", 0)
		if !(ok1 && ok2 && ok3 && ok4) {
			continue
		}
		if !yearOK(st) || end != 0 && !yearOK(end) {
			probs.add(path, line, "styear", ErrBadNumber, "year %d or %d is not a year from 1 to 9999", st, end)
			continue
		}
		if end != 0 && end < st {
			probs.add(path, line, "endyear", graphmodel.ErrUntilBefore, "endyear %d is before styear %d", end, st)
			continue
		}
		if c1 == c2 {
			self++
			continue
		}
		var types []string
		for _, col := range []string{"type1", "type2", "type3"} {
			if t := strings.TrimSpace(c.text(rec, line, col)); t != "" && !slices.Contains(types, t) {
				types = append(types, t)
			}
		}
		actors.see(c1, "")
		actors.see(c2, "")
		a, b := min(c1, c2), max(c1, c2)
		rows = append(rows, rivalryRow{a: a, b: b, weight: 1, since: st, until: end, extra: []string{
			c.field(rec, "rivalryno"), c.text(rec, line, "rivalryname"), c.text(rec, line, "region"), strings.Join(types, ";")}})
	}
	if readErr != nil {
		return nil, nil, readErr
	}
	if err := probs.err(path); err != nil {
		return nil, nil, err
	}
	rep := &Report{Source: TDRivalries, Inputs: o.inputs(path)}
	rep.read("rows", read, "strategic rivalries (ccode1, ccode2, styear, endyear)")
	return rivalryOutput(rows, []string{"rivalryno", "rivalryname", "region", "types"}, actors, o, rep,
		"rivalries → %s rows of %s (since = styear, until = endyear, weight 1)", self, "rivalries of a state with itself dropped")
}

// COWMIDImport imports the COW MID dyad-years (cow_mid_ddydisps.csv, peacesciencer's form:
// dispnum, ccode1, ccode2, year, hostlev, fatality, …; each dyad is listed in both
// directions). Each dispute's consecutive years for one pair become one spell, a row of
// rivalries.csv with since and until the first and last year and weight the highest
// hostility level in the spell (hostlev: 2 threat, 3 display, 4 use of force, 5 war; the
// weight of a pair in a year adds up over its disputes), with dispnum, hostlev and fatality
// (the highest level, −9 unknown) as extra columns. The second direction of a dyad-year is
// folded into the first; rows without a hostility level of 1–5 are dropped and counted.
func COWMIDImport(path string, o Options) (*Output, *Report, error) {
	o, err := o.check(CowMID)
	if err != nil {
		return nil, nil, err
	}
	var probs problems
	states, err := o.loadStates(&probs)
	if err != nil {
		return nil, nil, err
	}
	c, ok, err := openCSV(path, &probs, "dispnum", "ccode1", "ccode2", "year", "hostlev")
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, probs.err(path)
	}
	defer c.close()
	type dyadYear struct{ disp, a, b, year, host, fatal int }
	var dys []dyadYear
	read, self, noHost := 0, 0, 0
	var readErr error
	for rec, line := range c.records(&readErr) {
		read++
		disp, ok1 := c.required(rec, line, "dispnum")
		c1, ok2 := c.required(rec, line, "ccode1")
		c2, ok3 := c.required(rec, line, "ccode2")
		yr, ok4 := c.required(rec, line, "year")
		host, ok5 := c.integer(rec, line, "hostlev", 0)
		fatal, ok6 := c.integer(rec, line, "fatality", -9)
		if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) {
			continue
		}
		if !yearOK(yr) {
			probs.add(path, line, "year", ErrBadNumber, "year %d is not a year from 1 to 9999", yr)
			continue
		}
		switch {
		case c1 == c2:
			self++
			continue
		case host < 1 || host > 5:
			noHost++
			continue
		}
		dys = append(dys, dyadYear{disp: disp, a: min(c1, c2), b: max(c1, c2), year: yr, host: host, fatal: fatal})
	}
	if readErr != nil {
		return nil, nil, readErr
	}
	if err := probs.err(path); err != nil {
		return nil, nil, err
	}
	slices.SortFunc(dys, func(x, y dyadYear) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b), cmp.Compare(x.disp, y.disp), cmp.Compare(x.year, y.year))
	})
	actors := newActorSet(states)
	var rows []rivalryRow
	folded := 0
	for i := 0; i < len(dys); {
		d := dys[i]
		host, fatal, last := d.host, d.fatal, d.year
		j := i + 1
		for ; j < len(dys) && dys[j].a == d.a && dys[j].b == d.b && dys[j].disp == d.disp && dys[j].year <= last+1; j++ {
			if dys[j].year == last {
				folded++
			}
			host, fatal, last = max(host, dys[j].host), max(fatal, dys[j].fatal), dys[j].year
		}
		actors.see(d.a, "")
		actors.see(d.b, "")
		rows = append(rows, rivalryRow{a: d.a, b: d.b, weight: host, since: d.year, until: last,
			extra: []string{strconv.Itoa(d.disp), strconv.Itoa(host), strconv.Itoa(fatal)}})
		i = j
	}
	rep := &Report{Source: CowMID, Inputs: o.inputs(path)}
	rep.read("rows", read, "dyad-years of disputes (dispnum, ccode1, ccode2, year, hostlev)")
	rep.note("folded", folded, "dyad-years listed in both directions folded into one")
	rep.dropped("no-hostility", noHost, "dyad-years without a hostility level of 1–5 dropped")
	return rivalryOutput(rows, []string{"dispnum", "hostlev", "fatality"}, actors, o, rep,
		"dispute spells (a dispute's consecutive years of one pair) → %s rows of %s (weight = highest hostlev)", self, "dyad-years of a state with itself dropped")
}

// rivalryOutput is actors.csv and rivalries.csv of rows (or, with Options.With, the data set
// there with rivalries.csv added and actors.csv extended).
func rivalryOutput(rows []rivalryRow, extra []string, actors *actorSet, o Options, rep *Report, mappedText string, self int, selfText string) (*Output, *Report, error) {
	slices.SortStableFunc(rows, func(x, y rivalryRow) int {
		return cmp.Or(cmp.Compare(x.since, y.since), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	first, last := 0, 0
	for i, r := range rows {
		if i == 0 || r.since < first {
			first = r.since
		}
		last = max(last, r.since, r.until)
	}
	span := ""
	if len(rows) > 0 {
		span = fmt.Sprintf(", %d–%d", first, last)
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		until := ""
		if r.until != 0 {
			until = strconv.Itoa(r.until)
		}
		out[i] = append([]string{actors.id(r.a), actors.id(r.b), strconv.Itoa(r.weight), strconv.Itoa(r.since), until}, r.extra...)
	}
	rep.mapped("rivalries", len(rows), mappedText+span, Num(len(rows)), graphmodel.RivalriesFile)
	rep.dropped("self", self, "%s", selfText)
	o.noteStates(rep, actors)
	riv := rowsTable(graphmodel.RivalriesFile, append([]string{"source", "target", "weight", "since", "until"}, extra...), out)
	rep.mapped("actors", len(actors.ids), "states → %s actors (%s)", Num(len(actors.ids)), graphmodel.ActorsFile)
	if o.With == "" {
		return &Output{Tables: []*Table{actors.table(), riv}}, rep, nil
	}
	tables, added, err := withDataset(o.With, actors)
	if err != nil {
		return nil, nil, err
	}
	rep.note("with", added, "states of the rivalries not in %s added to its actors.csv", filepath.Join(o.With, graphmodel.ActorsFile))
	return &Output{Tables: append(tables, riv)}, rep, nil
}

// withDataset returns the tables of the data set folder dir (validated first) to write
// unchanged beside the rivalries, except actors.csv, which gains a row for each state of the
// rivalries that it does not list (id, and name, type and ccode where it has those columns).
// A rivalries.csv already there is an error: the import would replace it.
func withDataset(dir string, actors *actorSet) ([]*Table, int, error) {
	d, err := graphmodel.Load(dir)
	if err != nil {
		return nil, 0, fmt.Errorf("--with: %w", err)
	}
	var tables []*Table
	added := 0
	for _, name := range d.Files {
		if name == graphmodel.RivalriesFile {
			return nil, 0, fmt.Errorf("--with %s: %w: it has %s already", dir, ErrExists, graphmodel.RivalriesFile)
		}
		if !slices.Contains([]string{graphmodel.ActorsFile, graphmodel.TiesFile, graphmodel.ClubsFile, graphmodel.MembershipsFile, graphmodel.ExchangesFile}, name) {
			return nil, 0, fmt.Errorf("--with %s: %s is not a data set folder's file", dir, name)
		}
		recs, err := readAll(filepath.Join(dir, name))
		if err != nil {
			return nil, 0, fmt.Errorf("--with: %w", err)
		}
		if name == graphmodel.ActorsFile && len(recs) > 0 {
			head := recs[0]
			col := func(c string) int {
				return slices.IndexFunc(head, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), c) })
			}
			codes := make([]int, 0, len(actors.ids))
			for code := range actors.ids {
				codes = append(codes, code)
			}
			slices.Sort(codes)
			for _, code := range codes {
				id := actors.ids[code]
				if _, ok := d.ActorIndex(id); ok {
					continue
				}
				row := make([]string, len(head))
				row[col("id")] = id
				for c, v := range map[string]string{"name": actors.name(code), "type": "state", "ccode": strconv.Itoa(code)} {
					if i := col(c); i >= 0 {
						row[i] = v
					}
				}
				recs = append(recs, row)
				added++
			}
		}
		tables = append(tables, rowsTable(name, recs[0], recs[1:]))
	}
	if !slices.Contains(d.Files, graphmodel.ActorsFile) {
		added = 0 // the rivalries' states are then only referenced, like the others
	}
	return tables, added, nil
}

// readAll reads a CSV file whole (a validated data set file: small enough, well formed).
func readAll(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	var out [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, rec)
	}
	if len(out) > 0 && len(out[0]) > 0 {
		out[0][0] = strings.TrimPrefix(out[0][0], "\ufeff")
	}
	return out, nil
}
