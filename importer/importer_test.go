package importer

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

const cowHeader = "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version\n"

// A small COW file with each case of the mapping: a left-censored alliance from 1386
// (membership from 1816), an asymmetric defence pact with a 0 end year, a bilateral
// alliance of two phases (Guinea–Liberia; Liberia not in the state list), and a
// three-state club with an impossible date, a repeated spell and an empty obligation.
const cowFile = cowHeader +
	`1,200,"United Kingdom",9,5,1386,,,,"Type I: Defense Pact",1,1,1816,,,,1,1,1,0,1,0,4.1
1,235,"Portugal",9,5,1386,,,,"Type I: Defense Pact",1,1,1816,,,,1,1,1,0,1,0,4.1
233,2,"United States of America",8,9,1951,,,,"Type I: Defense Pact",8,9,1951,,,,0,1,1,0,0,0,4.1
233,740,"Japan",8,9,1951,,,,"Type I: Defense Pact",8,9,1951,0,0,0,0,1,0,0,0,0,4.1
304,438,"Guinea",23,1,1979,,,,"Type IIb: Non-Aggression Pact",23,1,1979,31,3,1991,0,0,0,0,1,0,4.1
304,438,"Guinea",23,1,1979,,,,"Type IIb: Non-Aggression Pact",23,11,2004,,,,,1,0,0,1,0,4.1
304,450,"Liberia",23,1,1979,,,,"Type IIb: Non-Aggression Pact",23,1,1979,31,3,1991,0,0,0,0,1,0,4.1
304,450,"Liberia",23,1,1979,,,,"Type IIb: Non-Aggression Pact",23,11,2004,,,,,1,0,0,1,0,4.1
8,200,"United Kingdom",6,7,1815,14,9,1829,"Type III: Entente",1,1,1816,14,9,1829,1,0,0,0,,1,4.1
8,220,"France",6,7,1815,14,9,1829,"Type III: Entente",6,7,1827,14,9,1829,0,0,0,0,0,1,4.1
8,365,"Russia",6,7,1815,14,9,1829,"Type III: Entente",6,7,1827,30,2,1828,0,0,0,1,0,1,4.1
8,365,"Russia",6,7,1815,14,9,1829,"Type III: Entente",1,3,1829,14,9,1829,0,0,0,0,0,1,4.1
`

const statesFile = `"stateabb","ccode","statenme","styear"
"USA",2,"United States of America",1816
"UKG",200,"United Kingdom",1816
"FRN",220,"France",1816
"FRN",220,"France",1944
"POR",235,"Portugal",1816
"RUS",365,"Russia",1816
"GUI",438,"Guinea",1958
"JPN",740,"Japan",1816
`

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tableRows returns the rows of the output's table for file, as maps by column.
func tableRows(t *testing.T, out *Output, file string) []map[string]string {
	t.Helper()
	tb := out.Table(file)
	if tb == nil {
		t.Fatalf("no %s in the output (%v)", file, out.Files())
	}
	var rows []map[string]string
	if err := tb.Each(func(r []string) error {
		m := map[string]string{}
		for i, h := range tb.Header {
			m[h] = r[i]
		}
		rows = append(rows, m)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(rows) != tb.Rows {
		t.Fatalf("%s: %d rows, Rows says %d", file, len(rows), tb.Rows)
	}
	return rows
}

// writeAndLoad writes out into a fresh folder and loads it with the liaison loader.
func writeAndLoad(t *testing.T, out *Output) (*graphmodel.Dataset, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	if err := Write(dir, out, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err := graphmodel.Load(dir)
	if err != nil {
		t.Fatalf("the imported data set does not load: %v", err)
	}
	return d, dir
}

func TestCOWAllianceMapping(t *testing.T) {
	dir := t.TempDir()
	in := write(t, dir, "cow.csv", cowFile)
	states := write(t, dir, "states.csv", statesFile)
	out, rep, err := COWAlliance(in, Options{States: states})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := writeAndLoad(t, out)
	if len(d.Ties) != 4 || len(d.Clubs) != 1 || len(d.Memberships) != 4 || len(d.Actors) != 8 {
		t.Fatalf("got %d tie rows, %d clubs, %d memberships, %d actors; want 4, 1, 4, 8", len(d.Ties), len(d.Clubs), len(d.Memberships), len(d.Actors))
	}
	ties := tableRows(t, out, graphmodel.TiesFile)
	want := []map[string]string{
		{"source": "UKG", "target": "POR", "weight": "3", "since": "1816-01-01", "until": "", "domains": "DEFENSE;NONAGGRESSION", "version4id": "1",
			"source_obligations": "DEFENSE;NONAGGRESSION", "target_obligations": "DEFENSE;NONAGGRESSION", "asymmetric": "false", "left_censor": "1", "right_censor": "1", "ss_type": "Type I: Defense Pact",
			"defense": "1", "neutrality": "0", "nonaggression": "1", "entente": "0"},
		{"source": "USA", "target": "JPN", "weight": "3", "since": "1951-09-08", "until": "", "domains": "DEFENSE", "version4id": "233",
			"source_obligations": "DEFENSE", "target_obligations": "", "asymmetric": "true", "left_censor": "0", "right_censor": "1", "ss_type": "Type I: Defense Pact",
			"defense": "1", "neutrality": "0", "nonaggression": "0", "entente": "0"},
		{"source": "GUI", "target": "450", "weight": "2", "since": "1979-01-23", "until": "1991-03-31", "domains": "NONAGGRESSION", "version4id": "304",
			"source_obligations": "NONAGGRESSION", "target_obligations": "NONAGGRESSION", "asymmetric": "false", "left_censor": "0", "right_censor": "0", "ss_type": "Type IIb: Non-Aggression Pact",
			"defense": "0", "neutrality": "0", "nonaggression": "1", "entente": "0"},
		{"source": "GUI", "target": "450", "weight": "2", "since": "2004-11-23", "until": "", "domains": "NONAGGRESSION", "version4id": "304",
			"source_obligations": "NONAGGRESSION", "target_obligations": "NONAGGRESSION", "asymmetric": "false", "left_censor": "", "right_censor": "1", "ss_type": "Type IIb: Non-Aggression Pact",
			"defense": "0", "neutrality": "0", "nonaggression": "1", "entente": "0"},
	}
	if !reflect.DeepEqual(ties, want) {
		t.Errorf("tie rows:\n got %v\nwant %v", ties, want)
	}
	clubs := tableRows(t, out, graphmodel.ClubsFile)
	c := clubs[0]
	if c["id"] != "COW8" || c["name"] != "Entente: United Kingdom, France and Russia" || c["since"] != "1816-01-01" || c["until"] != "1829-09-14" ||
		c["alliance_since"] != "1815-07-06" || c["states"] != "3" || c["obligations"] != "NEUTRALITY;ENTENTE" || c["neutrality"] != "1" || c["left_censor"] != "1" {
		t.Errorf("club: %v", c)
	}
	mems := tableRows(t, out, graphmodel.MembershipsFile)
	if m := mems[2]; m["actor"] != "RUS" || m["since"] != "1827-07-06" || m["until"] != "1828" || m["obligations"] != "NEUTRALITY;ENTENTE" {
		t.Errorf("Russia's first spell (30 February 1828 is not a date: the year): %v", m)
	}
	if mems[3]["since"] != "1829-03-01" {
		t.Errorf("Russia's second spell: %v", mems[3])
	}
	actors := tableRows(t, out, graphmodel.ActorsFile)
	names := map[string]string{}
	for _, a := range actors {
		names[a["id"]] = a["name"]
	}
	if names["USA"] != "United States of America" || names["450"] != "Liberia" {
		t.Errorf("actor names: %v", names)
	}
	if !reflect.DeepEqual(rep.Unknown, []UnknownCode{{450, 2}}) {
		t.Errorf("unknown codes: %v", rep.Unknown)
	}
	for key, n := range map[string]int{"bilateral": 3, "clubs": 1, "memberships": 4, "asymmetric": 1, "year-only": 1, "empty-obligation": 1, "repeated": 3, "apart": 2, "clipped": 1} {
		if got := rep.Get(key); got != n {
			t.Errorf("report %s: %d, want %d", key, got, n)
		}
	}

	// --mapping clubs: every alliance a club, memberships one per member row.
	out, _, err = COWAlliance(in, Options{States: states, Mapping: MapClubs})
	if err != nil {
		t.Fatal(err)
	}
	d, _ = writeAndLoad(t, out)
	if len(d.Ties) != 0 || len(d.Clubs) != 4 || len(d.Memberships) != 12 || out.Table(graphmodel.TiesFile) != nil {
		t.Errorf("mapping clubs: %d ties, %d clubs, %d memberships; want 0, 4, 12", len(d.Ties), len(d.Clubs), len(d.Memberships))
	}
	if c := tableRows(t, out, graphmodel.ClubsFile)[0]; c["id"] != "COW1" || c["since"] != "1816-01-01" || c["alliance_since"] != "1386-05-09" || c["name"] != "Defense Pact: United Kingdom and Portugal" {
		t.Errorf("COW1 as a club: %v", c)
	}

	// Without a state list, ids are the codes.
	out, rep, err = COWAlliance(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ties := tableRows(t, out, graphmodel.TiesFile); ties[1]["source"] != "2" || ties[1]["target"] != "740" || len(rep.Unknown) != 0 || rep.Get("no-states") != 8 {
		t.Errorf("no state list: %v, unknown %v", ties[1], rep.Unknown)
	}
}

// problemLines returns the FILE:LINE: message lines of a *graphmodel.ValidationError, with
// FILE reduced to its base name.
func problemLines(t *testing.T, err error) []string {
	t.Helper()
	var ve *graphmodel.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *graphmodel.ValidationError, got %T: %v", err, err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, strings.TrimPrefix(p.Error(), filepath.Dir(p.File)+string(filepath.Separator)))
	}
	return out
}

func TestInputErrors(t *testing.T) {
	dir := t.TempDir()
	cow := func(rows string) string { return write(t, dir, "cow.csv", cowHeader+rows) }
	okRow := "2,2,USA,1,1,1950,,,,T,1,1,1950,,,,0,1,1,0,0,0,4.1\n"
	atopHeader := "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n"
	atop := func(content string) string { return write(t, dir, "atop.csv", content) }
	igo := func(content string) string { return write(t, dir, "igo.csv", content) }
	cases := []struct {
		name string
		run  func() error
		want []string
		kind error
	}{
		{"cow missing column", func() error {
			_, _, err := COWAlliance(write(t, dir, "cow.csv", strings.Replace(cowHeader, ",ccode,", ",code,", 1)+okRow), Options{})
			return err
		}, []string{`cow.csv:1: missing required column "ccode"`}, graphmodel.ErrMissingColumn},
		{"cow bad numbers, all reported", func() error {
			_, _, err := COWAlliance(cow(okRow+"2,abc,USA,1,1,1950,,,,T,1,1,1950,,,,0,1,1,0,0,0,4.1\n"+"2,20,CAN,1,1,1950,,,,T,1,1,19x0,,,,0,1,2,0,0,0,4.1\n"), Options{})
			return err
		}, []string{`cow.csv:3: ccode "abc" is not an integer`, `cow.csv:4: mem_st_year "19x0" is not an integer`, `cow.csv:4: defense "2" is not 0 or 1`}, ErrBadNumber},
		{"cow until before since", func() error {
			_, _, err := COWAlliance(cow("2,2,USA,1,1,1950,,,,T,1,1,1950,31,12,1949,0,0,1,0,0,0,4.1\n"), Options{})
			return err
		}, []string{`cow.csv:2: membership ends 1949-12-31, before it starts 1950-01-01`}, graphmodel.ErrUntilBefore},
		{"cow wrong field count", func() error {
			_, _, err := COWAlliance(cow(okRow+"2,20,CAN\n"), Options{})
			return err
		}, []string{`cow.csv:3: wrong number of fields: got 3, want 23`}, graphmodel.ErrFieldCount},
		{"cow unterminated quote", func() error {
			_, _, err := COWAlliance(cow(okRow+"2,20,\"CAN,1\n"), Options{})
			return err
		}, []string{`cow.csv:3: unterminated quoted field`}, graphmodel.ErrSyntax},
		{"cow empty file", func() error {
			_, _, err := COWAlliance(write(t, dir, "cow.csv", ""), Options{})
			return err
		}, []string{`cow.csv:1: empty file (no header row)`}, graphmodel.ErrEmptyFile},
		{"states conflict", func() error {
			_, _, err := COWAlliance(cow(okRow), Options{States: write(t, dir, "states.csv", "stateabb,ccode,statenme\nUSA,2,US\nUSA,20,Canada\nCAN,2,Canada\n")})
			return err
		}, []string{`states.csv:3: stateabb "USA" is ccode 20 here but 2 on line 2`, `states.csv:4: ccode 2 is "CAN" here but "USA" on line 2`}, ErrConflict},
		{"states missing column", func() error {
			_, _, err := COWAlliance(cow(okRow), Options{States: write(t, dir, "states.csv", "abb,ccode,statenme\nUSA,2,US\n")})
			return err
		}, []string{`states.csv:1: missing required column "stateabb"`}, graphmodel.ErrMissingColumn},
		{"atop missing column", func() error {
			_, _, err := ATOP(atop(strings.Replace(atopHeader, "yrexit", "yrex", 1)), Options{})
			return err
		}, []string{`atop.csv:1: missing required column "yrexit"`}, graphmodel.ErrMissingColumn},
		{"atop bad number", func() error {
			_, _, err := ATOP(atop(atopHeader+"1005,200,1815,1,3,1815,2,8,0,1,0,0,0,1\n1005,2x0,1815,1,3,1815,2,8,0,1,0,0,0,1\n"), Options{})
			return err
		}, []string{`atop.csv:3: member "2x0" is not an integer`}, ErrBadNumber},
		{"atop alliance file: missing column, then duplicate id and bad number", func() error {
			_, _, err := ATOP(atop(atopHeader+"1005,200,1815,1,3,1815,2,8,0,1,0,0,0,1\n"),
				Options{Alliances: write(t, dir, "level.csv", "atopid,milcon,intcom,base,milaid,subord,contrib,orgpurp1,orgpurp2,estmode,pubsecr,organ1\n1005,0,0,0,0,0,0,0,0,1,0,0\n")})
			return err
		}, []string{`level.csv:1: missing required column "organ2"`}, graphmodel.ErrMissingColumn},
		{"atop alliance file: duplicate id and bad number", func() error {
			_, _, err := ATOP(atop(atopHeader+"1005,200,1815,1,3,1815,2,8,0,1,0,0,0,1\n"),
				Options{Alliances: write(t, dir, "level.csv", "atopid,milcon,intcom,base,milaid,subord,contrib,orgpurp1,orgpurp2,estmode,pubsecr,organ1,organ2\n1005,0,0,0,0,0,0,0,0,1,0,0,0\n1005,0,0,0,0,0,0,0,0,1,0,0,0\n1010,x,0,0,0,0,0,0,0,1,0,0,0\n")})
			return err
		}, []string{`level.csv:3: duplicate atopid 1005 (first on line 2)`, `level.csv:4: milcon "x" is not an integer`}, graphmodel.ErrDuplicateID},
		{"igo missing column", func() error {
			_, _, err := COWIGO([]string{igo("ccode1,ccode2,year\n2,20,1920\n")}, Options{})
			return err
		}, []string{`igo.csv:1: missing required column "dyadigos"`}, graphmodel.ErrMissingColumn},
		{"igo bad numbers", func() error {
			_, _, err := COWIGO([]string{igo("ccode1,ccode2,year,dyadigos\n2,20,1920,7\n2,20,1921,seven\n2,,1922,3\n2,20,20000,1\n")}, Options{})
			return err
		}, []string{`igo.csv:3: dyadigos "seven" is not an integer`, `igo.csv:4: empty ccode2`, `igo.csv:5: year 20000 is not a year from 1 to 9999`}, ErrBadNumber},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			if err == nil {
				t.Fatal("no error")
			}
			if got := problemLines(t, err); !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, c.want)
			}
			if !errors.Is(err, c.kind) {
				t.Errorf("errors.Is(err, %v) is false: %v", c.kind, err)
			}
		})
	}
}

func TestUnknownSourceAndFiles(t *testing.T) {
	if _, _, err := Import("ucinet", []string{"x.dl"}, Options{}); !errors.Is(err, ErrUnknownSource) {
		t.Errorf("unknown source: %v", err)
	}
	if _, _, err := Import(CowAlliance, []string{"a.csv", "b.csv"}, Options{}); err == nil {
		t.Error("two files for cow-alliance: no error")
	}
	if _, _, err := Import(CowIGO, []string{"x.csv"}, Options{Mapping: MapClubs}); err == nil {
		t.Error("--mapping clubs for cow-igo: no error")
	}
	if _, _, err := Import(CowAlliance, []string{"x.csv"}, Options{Alliances: "y.csv"}); err == nil {
		t.Error("an alliance-level file for cow-alliance: no error")
	}
	if _, _, err := Import(CowAlliance, []string{filepath.Join(t.TempDir(), "missing.csv")}, Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing input: %v", err)
	}
}

func TestATOPMapping(t *testing.T) {
	dir := t.TempDir()
	// 1155: two states, two phases that meet on 3 September 1857 (the day is not a spell
	// of its own); 1287: three states, one of them (8152) not in the state list; 2000: in
	// force (yrexit 0), day unknown.
	in := write(t, dir, "atop.csv", `atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul
1155,140,1851,10,12,1857,9,3,1,1,0,0,0,1
1155,165,1851,10,12,1857,9,3,1,0,0,0,0,1
1155,140,1857,9,3,1859,1,2,2,0,0,0,0,1
1155,165,1857,9,3,1859,1,2,2,0,0,0,0,1
1287,255,1866,8,21,1867,4,17,0,0,1,1,0,0
1287,280,1866,8,21,1867,4,17,0,0,1,1,0,0
1287,8152,1866,8,21,1867,4,17,0,0,1,1,0,0
2000,2,1950,3,,0,0,0,0,1,0,0,0,0
2000,20,1950,3,,0,0,0,0,1,0,0,0,0
`)
	level := write(t, dir, "level.csv", `atopid,begyr,begmo,begday,endyr,endmo,endday,defense,milcon,intcom,base,milaid,subord,contrib,orgpurp1,orgpurp2,estmode,pubsecr,organ1,organ2,mem1,mem2,asymm
1155,1851,10,12,1859,1,2,1,0,0,0,3,0,0,0,0,1,0,0,0,140,165,1
1287,1866,8,21,1867,4,17,0,3,0,0,0,0,0,0,0,1,2,2,0,255,280,0
2000,1950,3,,0,0,0,1,,,,,,,,,,,,,2,20,0
3000,1990,1,1,0,0,0,1,0,0,0,0,0,0,0,0,1,0,0,0,2,20,0
`)
	states := write(t, dir, "states.csv", "stateabb,ccode,statenme\nUSA,2,United States of America\nCAN,20,Canada\nBRA,140,Brazil\nURU,165,Uruguay\nGMY,255,Germany\nMEC,280,Mecklenburg Schwerin\n")
	out, rep, err := ATOP(in, Options{States: states, Alliances: level})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := writeAndLoad(t, out)
	if len(d.Ties) != 3 || len(d.Clubs) != 1 || len(d.Memberships) != 3 {
		t.Fatalf("%d tie rows, %d clubs, %d memberships; want 3, 1, 3", len(d.Ties), len(d.Clubs), len(d.Memberships))
	}
	ties := tableRows(t, out, graphmodel.TiesFile)
	t0, t1, t2 := ties[0], ties[1], ties[2]
	if t0["source"] != "BRA" || t0["phase"] != "1" || t0["until"] != "1857-09-03" || t0["domains"] != "DEFENSE;CONSULTATION" || t0["weight"] != "3" ||
		t0["source_obligations"] != "DEFENSE;CONSULTATION" || t0["target_obligations"] != "CONSULTATION" || t0["asymmetric"] != "true" || t0["institution"] != "0.5" {
		t.Errorf("phase 1: %v", t0)
	}
	if t1["phase"] != "2" || t1["since"] != "1857-09-03" || t1["weight"] != "1" || t1["asymmetric"] != "false" {
		t.Errorf("phase 2: %v", t1)
	}
	if t2["source"] != "USA" || t2["since"] != "1950" || t2["until"] != "" || t2["institution"] != "" || t2["formality"] != "" {
		t.Errorf("in force, institution unknown: %v", t2)
	}
	c := tableRows(t, out, graphmodel.ClubsFile)[0]
	if c["id"] != "ATOP1287" || c["institution"] != "1" || c["formality"] != "0.5" || c["milcon"] != "3" || c["asymm"] != "0" || c["mem1"] != "" ||
		c["obligations"] != "OFFENSE;NEUTRALITY" || c["name"] != "Offense, neutrality: Germany, Mecklenburg Schwerin and 8152" {
		t.Errorf("club: %v", c)
	}
	if _, ok := c["mem1"]; ok {
		t.Error("the member list mem1… is a club column")
	}
	if !reflect.DeepEqual(rep.Unknown, []UnknownCode{{8152, 1}}) || rep.Get("alliance-only") != 1 || rep.Get("in-force") != 2 {
		t.Errorf("report: unknown %v, alliance-only %d, in-force %d", rep.Unknown, rep.Get("alliance-only"), rep.Get("in-force"))
	}
}

func TestLeedsAnac(t *testing.T) {
	cases := []struct {
		items      ATOPItems
		mil, form  int
		milK, frmK bool
	}{
		{ATOPItems{}, 0, 0, false, false},
		{ATOPItems{"milcon": 0, "intcom": 0, "base": 0}, 0, 0, true, false},
		{ATOPItems{"intcom": 1}, 2, 0, true, false},
		{ATOPItems{"base": 3, "milcon": 2}, 2, 0, true, false},
		{ATOPItems{"milcon": 3}, 2, 0, true, false},
		{ATOPItems{"milcon": 2}, 1, 0, true, false},
		{ATOPItems{"milaid": 2}, 0, 0, true, false},
		{ATOPItems{"milaid": 4}, 1, 0, true, false},
		{ATOPItems{"subord": 1}, 1, 0, true, false},
		{ATOPItems{"contrib": 1}, 1, 0, true, false},
		{ATOPItems{"orgpurp2": 4}, 1, 0, true, false},
		{ATOPItems{"orgpurp1": 3}, 0, 0, true, false},
		{ATOPItems{"estmode": 1, "pubsecr": 0, "organ1": 2}, 0, 2, false, true},
		{ATOPItems{"estmode": 1, "pubsecr": 2, "organ1": 3}, 0, 1, false, true},
		{ATOPItems{"estmode": 1, "organ1": 0}, 0, 1, false, true},
		{ATOPItems{"estmode": 1}, 0, 0, false, true}, // formal organisation unknown: 0, as the Stata code has it
		{ATOPItems{"organ2": 2, "pubsecr": 0}, 0, 1, false, true},
	}
	for _, c := range cases {
		m, mk := MilitaryInstitution(c.items)
		f, fk := Formality(c.items)
		if m != c.mil || mk != c.milK || f != c.form || fk != c.frmK {
			t.Errorf("%v: military %d %v, formality %d %v; want %d %v, %d %v", c.items, m, mk, f, fk, c.mil, c.milK, c.form, c.frmK)
		}
	}
}

func TestIGO(t *testing.T) {
	dir := t.TempDir()
	in := write(t, dir, "igo.csv", "\xef\xbb\xbf\"CCODE1\",\"ccode2\",\"year\",\"dyadigos\"\n2,20,1920,7\n2,20,1921,0\n2,20,1922,0\n2,20,1923,-9\n2,2,1924,3\n20,8152,1990,12\n")
	states := write(t, dir, "states.csv", statesFile+"CAN,20,Canada,1920\n")
	out, rep, err := COWIGO([]string{in}, Options{States: states})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := writeAndLoad(t, out)
	if len(d.Ties) != 2 || d.Ties[0].Weight != 7 || d.Ties[0].Since.String() != "1920" || d.Ties[0].Until.String() != "1920" || d.Ties[1].Target != "8152" {
		t.Fatalf("ties: %+v", d.Ties)
	}
	if rep.Get("zero-count") != 2 || rep.Get("negative-count") != 1 || rep.Get("self") != 1 || !reflect.DeepEqual(rep.Unknown, []UnknownCode{{8152, 1}}) {
		t.Errorf("report: %+v", rep)
	}
	var b strings.Builder
	if err := rep.Format(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n  2 dyad-years with 0 shared IGOs dropped\n") {
		t.Errorf("report:\n%s", b.String())
	}
}

func TestWriteAtomic(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	small := &Output{Tables: []*Table{rowsTable("ties.csv", []string{"source", "target"}, [][]string{{"A", "B"}})}}

	// A write that fails half-way leaves nothing: no folder, no temporary folder.
	failing := &Output{Tables: []*Table{small.Tables[0], {File: "memberships.csv", Header: []string{"club", "actor"}, Rows: 2,
		Each: func(emit func([]string) error) error {
			if err := emit([]string{"C", "A"}); err != nil {
				return err
			}
			return errors.New("disk on fire")
		}}}}
	if err := Write(dir, failing, WriteOptions{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("failing write: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Fatalf("a failed write left %v", entries)
	}

	// A missing or empty folder is written; a non-empty one only with Force.
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, small, WriteOptions{}); err != nil {
		t.Fatalf("into an empty folder: %v", err)
	}
	if err := Write(dir, small, WriteOptions{}); !errors.Is(err, ErrExists) {
		t.Fatalf("over a non-empty folder: %v", err)
	}
	write(t, dir, "stale.csv", "x\n")
	if err := Write(dir, small, WriteOptions{Force: true}); err != nil {
		t.Fatalf("with Force: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stale.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Error("Force kept a file of the old folder")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("the parent holds %v, want only out", entries)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("folder mode: %v %v", info.Mode(), err)
	}
	file := write(t, parent, "file", "")
	if err := Write(file, small, WriteOptions{Force: true}); !errors.Is(err, ErrExists) {
		t.Errorf("onto a file: %v", err)
	}
}

func TestNum(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 45276: "45,276", 917695: "917,695", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := Num(n); got != want {
			t.Errorf("Num(%d) = %q, want %q", n, got, want)
		}
	}
}
