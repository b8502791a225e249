package graphmodel

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestProvenanceProblems checks every provenance problem's FILE:LINE message and kind.
func TestProvenanceProblems(t *testing.T) {
	const actors = "id\nA\nB\nC\nD\n"
	const head = "date,from,to,report,origin,derived_from,assessment,caveat\n"
	cases := []struct {
		name, exchanges string
		noActors        bool
		want            []string
		kind            error
	}{
		{"unknown derived_from", head + "2000,A,B,R1,A,,,\n2001,B,C,R2,B,R9,,\n",
			false, []string{`exchanges.csv:3: unknown report "R9" in derived_from (no exchange has report "R9")`}, ErrUnknownRef},
		{"self-derivation", head + "2000,A,B,R1,A,R1,,\n",
			false, []string{`exchanges.csv:2: derived_from cycle: "R1" → "R1"`}, ErrCycle},
		{"cycle of three", head + "2000,A,B,R1,A,R3,,\n2000,B,C,R2,B,R1,,\n2000,C,D,R3,C,R2,,\n2000,D,A,R4,D,R1,,\n",
			false, []string{`exchanges.csv:2: derived_from cycle: "R1" → "R3" → "R2" → "R1"`}, ErrCycle},
		{"origin not in actors.csv", head + "2000,A,B,R1,ZZZ,,,\n",
			false, []string{`exchanges.csv:2: origin "ZZZ" is not an actor (not in actors.csv)`}, ErrUnknownRef},
		{"origin not referenced", head + "2000,A,B,R1,ZZZ,,,\n",
			true, []string{`exchanges.csv:2: origin "ZZZ" is not an actor (no file references it)`}, ErrUnknownRef},
		{"provenance without a report", head + "2000,A,B,,A,,X,\n",
			false, []string{`exchanges.csv:2: origin "A" given without a report`}, ErrEmptyID},
		{"origins disagree", head + "2000,A,B,R1,A,,,\n2001,B,C,R1,B,,,\n",
			false, []string{`exchanges.csv:3: report "R1" has origin "B" here but "A" on line 2`}, ErrConflict},
		{"derived_from disagree", head + "2000,A,B,R1,A,,,\n2000,A,B,R2,A,,,\n2000,A,B,R3,A,R1,,\n2001,B,C,R3,,R2,,\n",
			false, []string{`exchanges.csv:5: report "R3" has derived_from "R2" here but "R1" on line 4`}, ErrConflict},
		{"caveats disagree", head + "2000,A,B,R1,A,,,NOFORN\n2001,B,C,R1,,,,ORCON\n",
			false, []string{`exchanges.csv:3: report "R1" has caveat "ORCON" here but "NOFORN" on line 2`}, ErrConflict},
		{"REL TO unknown", head + "2000,A,B,R1,A,,,\"REL TO B, XYZ\"\n",
			false, []string{`exchanges.csv:2: caveat "REL TO B, XYZ": "XYZ" is not an actor, a club or a named group (FVEY)`}, ErrUnknownRef},
		{"REL TO without a name", head + "2000,A,B,R1,A,,,REL TO\n",
			false, []string{`exchanges.csv:2: caveat "REL TO": REL TO names no actor or group`}, ErrEmptyID},
		{"control character", head + "2000,A,B,\"R\x01\",A,,,\n",
			false, []string{`exchanges.csv:2: control character U+0001 in report`}, ErrControlChar},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"exchanges.csv": c.exchanges}
			if !c.noActors {
				files["actors.csv"] = actors
			}
			_, err := LoadFS(fsOf(files), "x")
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Error())
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if !errors.Is(err, c.kind) {
				t.Errorf("error does not wrap %v", c.kind)
			}
		})
	}
}

// TestProvenanceValid loads a record that uses every column correctly (a REL TO naming an
// actor, a club and a named group; a report repeated with its fields given once) and reads
// its fields back.
func TestProvenanceValid(t *testing.T) {
	files := map[string]string{
		"actors.csv":      "id\nA\nB\nC\nUSA\n",
		"clubs.csv":       "id\nK\n",
		"memberships.csv": "club,actor\nK,A\nK,B\n",
		"exchanges.csv": "date,from,to,Report,origin,derived_from,assessment,caveat,note\n" +
			"2000,A,B,R1,A,,X,\"SECRET//REL TO B, K, FVEY\",n\n" +
			"2001,B,C,R1,,,X,,n\n" +
			"2001,B,C,R2,B, R1 ; R1 ,Y,NOFORN;orcon,n\n" +
			"2002,C,A,,,,,,n\n",
	}
	d, err := LoadFS(fsOf(files), "x")
	if err != nil {
		t.Fatal(err)
	}
	pc, ok := d.ProvenanceColumns()
	if !ok || pc.Report != 0 || pc.Caveat != 4 {
		t.Fatalf("columns %+v %v", pc, ok)
	}
	p := pc.Provenance(&d.Exchanges[2])
	want := ExchangeProvenance{Report: "R2", Origin: "B", DerivedFrom: []string{"R1"}, Assessment: "Y", Caveat: "NOFORN;orcon"}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("got %+v, want %+v", p, want)
	}
	c := ParseCaveat("SECRET//REL TO B, K, FVEY")
	if !reflect.DeepEqual(c, Caveat{RelTo: []string{"B", "K", "FVEY"}, Other: []string{"SECRET"}}) {
		t.Errorf("caveat %+v", c)
	}
	if c := ParseCaveat(p.Caveat); !c.NoForn || !c.OrCon || !c.Restricted() {
		t.Errorf("caveat %+v", c)
	}
	for i := range d.Exchanges {
		f, to := d.ExchangeActors(i)
		if d.Actors[f].ID != d.Exchanges[i].From || d.Actors[to].ID != d.Exchanges[i].To {
			t.Errorf("ExchangeActors(%d) = %d, %d", i, f, to)
		}
	}
	if _, ok := (&Dataset{}).ProvenanceColumns(); ok {
		t.Error("a data set without exchanges has provenance columns")
	}
}

// TestValidateProvenance: validate (the streaming check) reports the provenance problems that
// Load reports, and loading one period keeps the exchanges a derivation refers to.
func TestValidateProvenance(t *testing.T) {
	fsys := fstest.MapFS{
		"ties.csv": {Data: []byte("source,target\nA,B\nB,C\n")},
		"exchanges.csv": {Data: []byte("date,from,to,report,origin,derived_from\n" +
			"2001,A,B,R1,A,R2\n" +
			"2003,B,C,R2,B,R1\n")},
	}
	_, lerr := LoadFS(fsys, "in")
	_, verr := ValidateFS(fsys, "in", ValidateOptions{})
	for name, err := range map[string]error{"Load": lerr, "Validate": verr} {
		if !errors.Is(err, ErrCycle) {
			t.Errorf("%s: %v, want a derived_from cycle", name, err)
		}
	}
	fsys["exchanges.csv"] = &fstest.MapFile{Data: []byte("date,from,to,report,origin,derived_from\n" +
		"2001,A,B,R1,A,R2\n" +
		"2003,B,C,R2,B,\n")}
	if _, err := ValidateFS(fsys, "in", ValidateOptions{}); err != nil {
		t.Errorf("Validate: %v", err)
	}
	d, err := LoadFSWith(fsys, "in", LoadOptions{At: 2001})
	if err != nil {
		t.Fatalf("LoadWith 2001 (R1 derives from R2, sent in 2003): %v", err)
	}
	if len(d.Exchanges) != 2 {
		t.Errorf("LoadWith 2001 kept %d exchanges, want both", len(d.Exchanges))
	}
}
