package importer

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const statesSmall = "stateabb,ccode,statenme\nUKG,200,United Kingdom\nFRN,220,France\nGMY,255,Germany\nRUS,365,Russia\n"

func rivalryRows(d *graphmodel.Dataset) []string {
	var out []string
	for _, r := range d.Rivalries {
		out = append(out, r.Source+"-"+r.Target+" "+strconv.FormatFloat(r.Weight, 'g', -1, 64)+" "+r.Since.String()+".."+r.Until.String())
	}
	return out
}

func TestTDRivalriesMapping(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "td.csv", "rivalryno,rivalryname,ccode1,ccode2,styear,endyear,region,type1,type2,type3\n"+
		"3,Britain-France 1,200,220,1494,1716,European GPs,spatial,positional,\n"+
		"9,Britain-France 2,220,200,1793,1904,European GPs,positional,positional,\n"+ // reversed codes, repeated type
		"8,France-Germany,220,255,1830,1945,European GPs,spatial,positional,ideological\n"+
		"99,Nobody,255,255,1900,1910,,,,\n"+ // a state with itself
		"12,Russia-Unknown,365,999,1900,,Asia,spatial,,\n") // 999 not in the state list; open end
	states := writeFile(t, dir, "states.csv", statesSmall)
	d, rep := importTo(t, TDRivalries, []string{in}, Options{States: states})
	want := []string{"UKG-FRN 1 1494..1716", "UKG-FRN 1 1793..1904", "FRN-GMY 1 1830..1945", "RUS-999 1 1900.."}
	if got := rivalryRows(d); !reflect.DeepEqual(got, want) {
		t.Errorf("rivalries %q, want %q", got, want)
	}
	if got := extra(d.Columns.Rivalries, d.Rivalries[1].Extra, "types"); got != "positional" {
		t.Errorf("types %q, want the repeated type once", got)
	}
	if got := extra(d.Columns.Rivalries, d.Rivalries[2].Extra, "rivalryname"); got != "France-Germany" {
		t.Errorf("rivalryname %q", got)
	}
	if rep.Get("self") != 1 || rep.Get("rivalries") != 4 || len(rep.Unknown) != 1 || rep.Unknown[0].Code != 999 {
		t.Errorf("report: self %d, rivalries %d, unknown %+v", rep.Get("self"), rep.Get("rivalries"), rep.Unknown)
	}
	if len(d.Ties) != 0 || len(d.Actors) != 5 {
		t.Errorf("%d ties, %d actors: want only rivalries and their 5 states", len(d.Ties), len(d.Actors))
	}
}

func TestCOWMIDMapping(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "mid.csv", "dispnum,ccode1,ccode2,year,hostlev,fatality\n"+
		"10,200,220,1900,3,0\n10,220,200,1900,3,0\n"+ // both directions of one dyad-year
		"10,200,220,1901,4,1\n10,220,200,1901,4,1\n"+ // the next year: the same spell, hostlev rises
		"10,200,220,1903,2,0\n"+ // a gap: a second spell of the same dispute
		"11,200,220,1901,5,6\n"+ // another dispute in the same year: its own row (weights add up)
		"12,255,365,1914,-9,-9\n"+ // no hostility level: dropped
		"13,365,365,1914,4,0\n") // self
	states := writeFile(t, dir, "states.csv", statesSmall)
	d, rep := importTo(t, CowMID, []string{in}, Options{States: states})
	want := []string{"UKG-FRN 4 1900..1901", "UKG-FRN 5 1901..1901", "UKG-FRN 2 1903..1903"}
	if got := rivalryRows(d); !reflect.DeepEqual(got, want) {
		t.Errorf("rivalries %q, want %q", got, want)
	}
	if rep.Get("folded") != 2 || rep.Get("no-hostility") != 1 || rep.Get("self") != 1 {
		t.Errorf("report: folded %d, no-hostility %d, self %d", rep.Get("folded"), rep.Get("no-hostility"), rep.Get("self"))
	}
	// In 1901 the pair's rivalry weighs 4 + 5: both disputes.
	if got := d.ActiveRivalries(1901); len(got) != 1 || got[0].Weight != 9 {
		t.Errorf("1901: %+v, want one pair of weight 9", got)
	}
}

func TestRivalryInputErrors(t *testing.T) {
	dir := t.TempDir()
	td := writeFile(t, dir, "td.csv", "ccode1,ccode2,styear,endyear\n200,x,1900,\n200,220,1900,1800\n200,220,,\n")
	_, _, err := Import(TDRivalries, []string{td}, Options{})
	var ve *graphmodel.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("td-rivalries: %v, want a *graphmodel.ValidationError", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Error())
	}
	want := []string{
		td + `:2: ccode2 "x" is not an integer`,
		td + `:3: endyear 1800 is before styear 1900`,
		td + `:4: empty styear`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n%q\nwant\n%q", got, want)
	}
	mid := writeFile(t, dir, "mid.csv", "dispnum,ccode1,ccode2,year\n1,2,20,1990\n")
	if _, _, err := Import(CowMID, []string{mid}, Options{}); err == nil || !strings.Contains(err.Error(), `mid.csv:1: missing required column "hostlev"`) {
		t.Errorf("cow-mid without hostlev: %v", err)
	}
	if _, _, err := Import(CowIGO, []string{mid}, Options{With: dir}); err == nil || !strings.Contains(err.Error(), "--with applies to") {
		t.Errorf("--with on cow-igo: %v", err)
	}
}

// TestWith adds rivalries to a data set: its files are copied, actors.csv gains the
// rivalries' states it lacks, and the result loads with both kinds of ties.
func TestWith(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base")
	os.Mkdir(base, 0o755)
	writeFile(t, base, "actors.csv", "id,name,type,ccode,note\nUKG,United Kingdom,state,200,x\nFRN,France,state,220,\n")
	writeFile(t, base, "ties.csv", "source,target,weight,since,until\nUKG,FRN,3,1904,\n")
	in := writeFile(t, dir, "td.csv", "ccode1,ccode2,styear,endyear\n200,220,1494,1716\n220,255,1830,1945\n")
	states := writeFile(t, dir, "states.csv", statesSmall)
	d, rep := importTo(t, TDRivalries, []string{in}, Options{States: states, With: base})
	if !slices.Equal(d.Files, []string{"actors.csv", "ties.csv", "rivalries.csv"}) || len(d.Ties) != 1 || len(d.Rivalries) != 2 {
		t.Fatalf("files %v, %d ties, %d rivalries", d.Files, len(d.Ties), len(d.Rivalries))
	}
	i, ok := d.ActorIndex("GMY")
	if !ok || d.Actors[i].Name != "Germany" || d.Actors[i].Type != "state" || extra(d.Columns.Actors, d.Actors[i].Extra, "ccode") != "255" {
		t.Errorf("GMY added as %+v", d.Actors[i])
	}
	if u, _ := d.ActorIndex("UKG"); extra(d.Columns.Actors, d.Actors[u].Extra, "note") != "x" {
		t.Errorf("an existing actor's extra column was not kept: %+v", d.Actors)
	}
	if rep.Get("with") != 1 {
		t.Errorf("report says %d actors added, want 1", rep.Get("with"))
	}
	signed := filepath.Join(dir, "signed")
	out, _, err := Import(TDRivalries, []string{in}, Options{States: states, With: base})
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(signed, out, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Import(TDRivalries, []string{in}, Options{States: states, With: signed}); !errors.Is(err, ErrExists) {
		t.Errorf("--with a data set that has rivalries.csv: %v, want ErrExists", err)
	}
}

// TestRealRivalries imports the Thompson–Dreyer rivalries and the COW MID dyad-years and
// checks the counts against the raw files, counted here independently.
func TestRealRivalries(t *testing.T) {
	states := testenv.SharedData(t, "cow-states-2016/cow_states.csv")
	tdPath := testenv.SharedData(t, "td-rivalries/td_rivalries.csv")
	raw := rawRows(t, tdPath)
	d, _ := importTo(t, TDRivalries, []string{tdPath}, Options{States: states})
	tdRows := len(d.Rivalries)
	if len(d.Rivalries) != len(raw) {
		t.Errorf("td-rivalries: %d rows, raw %d", len(d.Rivalries), len(raw))
	}
	// Rivalries active in 1914, by the raw years.
	n1914 := map[string]bool{}
	for _, r := range raw {
		st, _ := strconv.Atoi(r["styear"])
		end, _ := strconv.Atoi(r["endyear"])
		if st <= 1914 && 1914 <= end {
			a, b := r["ccode1"], r["ccode2"]
			if a > b {
				a, b = b, a
			}
			n1914[a+"-"+b] = true
		}
	}
	if got := len(d.ActiveRivalries(1914)); got != len(n1914) {
		t.Errorf("td-rivalries: %d pairs active in 1914, raw %d", got, len(n1914))
	}

	midPath := testenv.SharedData(t, "cow-mid-ddy/cow_mid_ddydisps.csv")
	raw = rawRows(t, midPath)
	years := map[string][]int{} // dispute and unordered pair -> its years
	hostSum := map[int]float64{}
	for _, r := range raw {
		a, _ := strconv.Atoi(r["ccode1"])
		b, _ := strconv.Atoi(r["ccode2"])
		y, _ := strconv.Atoi(r["year"])
		k := r["dispnum"] + ":" + strconv.Itoa(min(a, b)) + "-" + strconv.Itoa(max(a, b))
		if !slices.Contains(years[k], y) {
			years[k] = append(years[k], y)
		}
	}
	spells := 0
	for _, ys := range years {
		sort.Ints(ys)
		spells++
		for i := 1; i < len(ys); i++ {
			if ys[i] > ys[i-1]+1 {
				spells++
			}
		}
	}
	d, _ = importTo(t, CowMID, []string{midPath}, Options{States: states})
	if len(d.Rivalries) != spells {
		t.Errorf("cow-mid: %d spells, raw %d", len(d.Rivalries), spells)
	}
	for _, r := range d.Rivalries {
		hostSum[int(r.Weight)]++
	}
	t.Logf("td-rivalries: %d rows, %d pairs active in 1914; cow-mid: %d spells, by hostility %v", tdRows, len(n1914), spells, hostSum)
}
