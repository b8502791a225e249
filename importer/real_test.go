package importer

// Tests on the real data sets of ../shared/data (skipped without them, failed under
// CI=true): every count in the imported folders is checked against a count taken here,
// independently, from the raw CSV files with encoding/csv.

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// rawRows reads a CSV file as maps by (lower-case) column name.
func rawRows(t testing.TB, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[strings.ToLower(h)] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// rawDay turns day, month, year fields into a comparable day number: the date when it is a
// calendar date, else the first (start) or last (end) day of the year; ok is false for an
// empty or 0 year (open).
func rawDay(y, m, d string, end bool) (int64, bool) {
	yy, _ := strconv.Atoi(y)
	if yy == 0 {
		return 0, false
	}
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if tm := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC); mm >= 1 && mm <= 12 && dd >= 1 && tm.Day() == dd && int(tm.Month()) == mm {
		return int64(yy*10000 + mm*100 + dd), true
	}
	if end {
		return int64(yy*10000 + 1231), true
	}
	return int64(yy*10000 + 101), true
}

// overlap reports whether two member rows' periods (start and end days, ok false = open)
// overlap.
func overlap(s1 int64, ok1 bool, e1 int64, ok2 bool, s2 int64, ok3 bool, e2 int64, ok4 bool) bool {
	start, end := int64(-1<<62), int64(1<<62)
	for _, s := range []struct {
		v  int64
		ok bool
	}{{s1, ok1}, {s2, ok3}} {
		if s.ok && s.v > start {
			start = s.v
		}
	}
	for _, e := range []struct {
		v  int64
		ok bool
	}{{e1, ok2}, {e2, ok4}} {
		if e.ok && e.v < end {
			end = e.v
		}
	}
	return start <= end
}

// extra returns the value of the extra column name of a row, given the file's columns.
func extra(cols []graphmodel.Column, vals []string, name string) string {
	for i, c := range cols {
		if c.Name == name {
			return vals[i]
		}
	}
	return "\x00missing column " + name
}

// importTo runs an import and writes it, then loads the folder (which must be valid).
func importTo(t testing.TB, source string, files []string, o Options) (*graphmodel.Dataset, *Report) {
	t.Helper()
	out, rep, err := Import(source, files, o)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir() + "/out"
	if err := Write(dir, out, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err := graphmodel.Load(dir)
	if err != nil {
		t.Fatalf("imported %s does not load: %v", source, err)
	}
	return d, rep
}

type rawAlliance struct {
	rows  []map[string]string
	codes map[string]bool
}

func groupBy(rows []map[string]string, id, code string) (map[string]*rawAlliance, []string) {
	by := map[string]*rawAlliance{}
	var order []string
	for _, r := range rows {
		a := by[r[id]]
		if a == nil {
			a = &rawAlliance{codes: map[string]bool{}}
			by[r[id]] = a
			order = append(order, r[id])
		}
		a.rows = append(a.rows, r)
		a.codes[r[code]] = true
	}
	return by, order
}

func TestRealCOWAlliance(t *testing.T) {
	file := testenv.SharedData(t, "cow-alliance-4.1/alliance_v4.1_by_member.csv")
	states := testenv.SharedData(t, "cow-states-2016/cow_states.csv")
	raw := rawRows(t, file)
	by, order := groupBy(raw, "version4id", "ccode")

	// Independent counts from the raw file.
	var two, clubs, clubRows, tieRows, asymAlliances int
	used := map[string]bool{}
	obl := func(r map[string]string) string {
		var b strings.Builder
		for _, c := range []string{"defense", "neutrality", "nonaggression", "entente"} {
			v := r[c]
			if v == "" {
				v = "0"
			}
			b.WriteString(v)
		}
		return b.String()
	}
	for _, id := range order {
		a := by[id]
		if len(a.codes) < 2 {
			continue
		}
		for c := range a.codes {
			used[c] = true
		}
		if len(a.codes) >= 3 {
			clubs++
			clubRows += len(a.rows)
			continue
		}
		two++
		asym := false
		for i, x := range a.rows {
			for _, y := range a.rows[i+1:] {
				if x["ccode"] == y["ccode"] {
					continue
				}
				s1, ok1 := rawDay(x["mem_st_year"], x["mem_st_month"], x["mem_st_day"], false)
				e1, ok2 := rawDay(x["mem_end_year"], x["mem_end_month"], x["mem_end_day"], true)
				s2, ok3 := rawDay(y["mem_st_year"], y["mem_st_month"], y["mem_st_day"], false)
				e2, ok4 := rawDay(y["mem_end_year"], y["mem_end_month"], y["mem_end_day"], true)
				if overlap(s1, ok1, e1, ok2, s2, ok3, e2, ok4) {
					tieRows++
					asym = asym || obl(x) != obl(y)
				}
			}
		}
		if asym {
			asymAlliances++
		}
	}
	t.Logf("raw: %d rows, %d alliances: %d of two states (%d spells), %d of three or more (%d member rows); %d states",
		len(raw), len(order), two, tieRows, clubs, clubRows, len(used))

	d, rep := importTo(t, CowAlliance, []string{file}, Options{States: states})
	tieAlliances, asymTies := map[string]bool{}, map[string]bool{}
	for _, tr := range d.Ties {
		id := extra(d.Columns.Ties, tr.Extra, "version4id")
		tieAlliances[id] = true
		if extra(d.Columns.Ties, tr.Extra, "asymmetric") == "true" {
			asymTies[id] = true
		}
	}
	check := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %d in the import, %d in the raw file", what, got, want)
		}
	}
	check("tie rows (overlapping spells of two-state alliances)", len(d.Ties), tieRows)
	check("two-state alliances", len(tieAlliances), two)
	check("clubs (alliances of three or more)", len(d.Clubs), clubs)
	check("memberships (member rows of those)", len(d.Memberships), clubRows)
	check("actors", len(d.Actors), len(used))
	check("two-state alliances with asymmetric obligations", len(asymTies), asymAlliances)
	if len(rep.Unknown) != 0 {
		t.Errorf("codes not in the state list: %v", rep.Unknown)
	}

	// Names from the state list; the cases the mapping is about.
	names := map[string]string{}
	for _, s := range rawRows(t, states) {
		names[s["stateabb"]] = s["statenme"]
	}
	for _, a := range d.Actors {
		if names[a.ID] == "" || a.Name != names[a.ID] {
			t.Errorf("actor %s: name %q, the state list has %q", a.ID, a.Name, names[a.ID])
		}
	}
	for _, tr := range d.Ties {
		id := extra(d.Columns.Ties, tr.Extra, "version4id")
		switch {
		case id == "1" && (tr.Since.String() != "1816-01-01" || !tr.Until.IsZero() || extra(d.Columns.Ties, tr.Extra, "left_censor") != "1"):
			t.Errorf("COW 1 (UK–Portugal, from 1386, membership from 1816): %+v", tr)
		case id == "233" && (tr.Source != "USA" || tr.Target != "JPN" || extra(d.Columns.Ties, tr.Extra, "source_obligations") != "DEFENSE" ||
			extra(d.Columns.Ties, tr.Extra, "target_obligations") != "" || tr.Weight != 3):
			t.Errorf("COW 233 (US–Japan, the US owes defence): %+v %v", tr, tr.Extra)
		}
	}
	if i, ok := d.ClubIndex("COW3"); !ok || d.Clubs[i].Since.Year != 1816 {
		t.Errorf("COW3 (German Confederation, 1815; first membership 1816): %+v", d.Clubs[i])
	}

	d, _ = importTo(t, CowAlliance, []string{file}, Options{States: states, Mapping: MapClubs})
	check("clubs with --mapping clubs", len(d.Clubs), len(order))
	check("memberships with --mapping clubs", len(d.Memberships), len(raw))
	check("tie rows with --mapping clubs", len(d.Ties), 0)
}

func TestRealATOP(t *testing.T) {
	file := testenv.SharedData(t, "atop-4.01/atop-member-level.csv")
	level := testenv.SharedData(t, "atop-4.01/atop-alliance-level.csv")
	states := testenv.SharedData(t, "cow-states-2016/cow_states.csv")
	raw := rawRows(t, file)
	by, order := groupBy(raw, "atopid", "member")
	milinst := map[string]string{}
	for _, r := range rawRows(t, level) {
		milinst[r["atopid"]] = r["milinst"]
	}
	scaledRaw := func(v string) string {
		return map[string]string{"": "", "0": "0", "1": "0.5", "2": "1"}[v]
	}

	var two, clubs, clubRows, tieRows, openRows int
	for _, id := range order {
		a := by[id]
		if len(a.codes) >= 3 {
			clubs++
			clubRows += len(a.rows)
			for _, r := range a.rows {
				if r["yrexit"] == "0" {
					openRows++
				}
			}
			continue
		}
		two++
		for i, x := range a.rows {
			for _, y := range a.rows[i+1:] {
				if x["member"] == y["member"] || (x["phase"] != y["phase"] && x["phase"] != "0" && y["phase"] != "0") {
					continue
				}
				s1, ok1 := rawDay(x["yrent"], x["moent"], x["dayent"], false)
				e1, ok2 := rawDay(x["yrexit"], x["moexit"], x["dayexit"], true)
				s2, ok3 := rawDay(y["yrent"], y["moent"], y["dayent"], false)
				e2, ok4 := rawDay(y["yrexit"], y["moexit"], y["dayexit"], true)
				if overlap(s1, ok1, e1, ok2, s2, ok3, e2, ok4) {
					tieRows++
				}
			}
		}
	}
	t.Logf("raw: %d rows, %d alliances: %d of two states (%d spells), %d of three or more (%d member rows)", len(raw), len(order), two, tieRows, clubs, clubRows)

	d, rep := importTo(t, ATOPSource, []string{file}, Options{States: states, Alliances: level})
	check := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %d in the import, %d in the raw file", what, got, want)
		}
	}
	tieAlliances := map[string]bool{}
	for _, tr := range d.Ties {
		id := extra(d.Columns.Ties, tr.Extra, "atopid")
		tieAlliances[id] = true
		if got, want := extra(d.Columns.Ties, tr.Extra, "institution"), scaledRaw(milinst[id]); got != want {
			t.Errorf("tie %s–%s of ATOP %s: institution %q, the alliance-level file's milinst/2 is %q", tr.Source, tr.Target, id, got, want)
		}
	}
	open := 0
	for _, m := range d.Memberships {
		if m.Until.IsZero() {
			open++
		}
	}
	check("tie rows (overlapping spells of two-state alliances, phase by phase)", len(d.Ties), tieRows)
	check("two-state alliances", len(tieAlliances), two)
	check("clubs", len(d.Clubs), clubs)
	check("memberships", len(d.Memberships), clubRows)
	check("memberships still in force (yrexit 0)", open, openRows)
	known := 0
	for _, c := range d.Clubs {
		id := extra(d.Columns.Clubs, c.Extra, "atopid")
		got := extra(d.Columns.Clubs, c.Extra, "institution")
		if want := scaledRaw(milinst[id]); got != want {
			t.Errorf("club %s: institution %q, the alliance-level file's milinst/2 is %q", c.ID, got, want)
		}
		if got != "" {
			known++
		}
	}
	if known == 0 {
		t.Error("no club has an institution")
	}
	if _, ok := d.ActorIndex("8152"); !ok || len(rep.Unknown) != 1 || rep.Unknown[0].Code != 8152 {
		t.Errorf("code 8152 (not in the state list): reported %v, kept as an actor: %v", rep.Unknown, ok)
	}
}

// TestRealLeedsAnac checks MilitaryInstitution and Formality against the milinst and
// formal columns that ATOP 4.01 ships, on every alliance.
func TestRealLeedsAnac(t *testing.T) {
	level := testenv.SharedData(t, "atop-4.01/atop-alliance-level.csv")
	for _, r := range rawRows(t, level) {
		it := ATOPItems{}
		for _, c := range atopItemColumns {
			if v := r[c]; v != "" {
				n, err := strconv.Atoi(v)
				if err != nil {
					t.Fatal(err)
				}
				it[c] = n
			}
		}
		for _, m := range []struct {
			col string
			fn  func(ATOPItems) (int, bool)
		}{{"milinst", MilitaryInstitution}, {"formal", Formality}} {
			n, ok := m.fn(it)
			got := ""
			if ok {
				got = strconv.Itoa(n)
			}
			if got != r[m.col] {
				t.Errorf("ATOP %s: %s %q, the file has %q (items %v)", r["atopid"], m.col, got, r[m.col], it)
			}
		}
	}
}

func TestRealIGO(t *testing.T) {
	file := testenv.SharedData(t, "cow-igo-3.0/cow_igo_ndy.csv")
	states := testenv.SharedData(t, "cow-states-2016/cow_states.csv")
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	var rows, nonzero, zero int
	var sum float64
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		rows++
		n, err := strconv.Atoi(rec[3])
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			zero++
		} else {
			nonzero++
			sum += float64(n)
		}
	}
	f.Close()
	t.Logf("raw: %d dyad-years, %d with shared IGOs, %d without", rows, nonzero, zero)

	out, rep, err := COWIGO([]string{file}, Options{States: states})
	if err != nil {
		t.Fatal(err)
	}
	// The rows as written, then (but under the race detector) as the loader reads them.
	n, got := 0, 0.0
	if err := out.Table(graphmodel.TiesFile).Each(func(r []string) error {
		w, err := strconv.Atoi(r[2])
		if err != nil || r[3] != r[4] || r[0] == r[1] {
			return fmt.Errorf("row %d: %v (%v)", n+1, r, err)
		}
		n++
		got += float64(w)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !raceEnabled {
		dir := t.TempDir() + "/out"
		if err := Write(dir, out, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		d, err := graphmodel.Load(dir)
		if err != nil {
			t.Fatalf("imported cow-igo does not load: %v", err)
		}
		n, got = len(d.Ties), 0
		for i := range d.Ties {
			got += d.Ties[i].Weight
			if d.Ties[i].Since != d.Ties[i].Until {
				t.Fatalf("tie row %d: since %s, until %s", i, d.Ties[i].Since, d.Ties[i].Until)
			}
		}
	}
	if n != nonzero {
		t.Errorf("tie rows: %d, the raw file has %d dyad-years with shared IGOs", n, nonzero)
	}
	if got != sum {
		t.Errorf("total weight %v, the raw file's dyadigos sum to %v", got, sum)
	}
	if rep.Get("rows") != rows || rep.Get("zero-count") != zero || len(rep.Dropped) != 1 {
		t.Errorf("report: %d rows, %d zero, dropped %v", rep.Get("rows"), rep.Get("zero-count"), rep.Dropped)
	}
	var b strings.Builder
	if err := rep.Format(&b); err != nil {
		t.Fatal(err)
	}
	if line := fmt.Sprintf("  %s dyad-years with 0 shared IGOs dropped\n", Num(zero)); strings.Count(b.String(), line) != 1 {
		t.Errorf("the report does not say %q once:\n%s", line, b.String())
	}
}
