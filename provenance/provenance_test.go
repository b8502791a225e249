package provenance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/provenance"
)

func loadRecord(t *testing.T, exchanges string) *graphmodel.Dataset {
	t.Helper()
	d, err := graphmodel.LoadFS(fstest.MapFS{"exchanges.csv": &fstest.MapFile{Data: []byte(exchanges)}}, "mem")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dense is a record in which one report circulates among k partners, each passing it to
// every other, before two of them send it to the consumer C: the chains of custody from
// the origin O to C grow as k!, so the search must stop at its bounds.
func dense(k int) string {
	var b strings.Builder
	b.WriteString("date,from,to,report,origin,assessment\n")
	for i := 1; i <= k; i++ {
		fmt.Fprintf(&b, "2000,O,X%d,R,O,\n", i)
	}
	for i := 1; i <= k; i++ {
		for j := 1; j <= k; j++ {
			if i != j {
				fmt.Fprintf(&b, "2001,X%d,X%d,R,,\n", i, j)
			}
		}
	}
	b.WriteString("2002,X1,C,R,,A\n2002,X2,C,R,,A\n")
	return b.String()
}

// TestPathBounds: the path search stops at PathCap paths and StepCap steps a line, and at
// TotalSteps in all, and says so.
func TestPathBounds(t *testing.T) {
	d := loadRecord(t, dense(9))
	r, err := provenance.Analyze(d, provenance.Options{PathCap: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Circular) != 1 || len(r.Circular[0].Lines) != 2 {
		t.Fatalf("findings %+v", r.Circular)
	}
	for _, l := range r.Circular[0].Lines {
		if len(l.Paths) != 5 || !l.Capped {
			t.Errorf("line %s from %s: %d paths, capped %v; want 5, capped", l.Report, l.Partner, len(l.Paths), l.Capped)
		}
		for _, p := range l.Paths {
			if p.Steps[0].Kind != "collect" || p.Steps[0].Actor != "O" || p.Steps[len(p.Steps)-1].To != "C" {
				t.Errorf("path %s does not run from O to C", p)
			}
		}
	}
	if r.Capped != 2 {
		t.Errorf("Capped %d, want 2", r.Capped)
	}
	// A step cap below what one path needs leaves the line without paths, capped.
	r, _ = provenance.Analyze(d, provenance.Options{StepCap: 1})
	if l := r.Circular[0].Lines[0]; len(l.Paths) != 0 || !l.Capped {
		t.Errorf("StepCap 1: %d paths, capped %v", len(l.Paths), l.Capped)
	}
	// A total budget spent on the first line leaves the second unsearched.
	r, _ = provenance.Analyze(d, provenance.Options{TotalSteps: 3})
	if r.Unsearched != 1 || len(r.Circular[0].Lines[1].Paths) != 0 {
		t.Errorf("TotalSteps 3: unsearched %d", r.Unsearched)
	}
	// Unbounded enough, the two lines (through X1 and X2) have every simple chain: for X1,
	// O→X1 directly or through any ordered selection of the other 8 partners before it,
	// Σ_{m=0..8} 8!/(8-m)! = 109,601 chains; the cap keeps 20.
	r, _ = provenance.Analyze(d, provenance.Options{PathCap: 20, StepCap: 1 << 30, TotalSteps: 1 << 30})
	if n := len(r.Circular[0].Lines[0].Paths); n != 20 {
		t.Errorf("%d paths, want the cap of 20", n)
	}
	if p := r.Circular[0].Lines[0].Paths[0]; p.Hops() != 2 {
		t.Errorf("shortest path first: got %s", p)
	}
}

// TestNoProvenance: a data set without the columns has no record.
func TestNoProvenance(t *testing.T) {
	d := loadRecord(t, "date,from,to,note\n2000,A,B,x\n")
	if provenance.Has(d) {
		t.Error("Has is true without provenance columns")
	}
	if _, err := provenance.Analyze(d, provenance.Options{}); !errors.Is(err, provenance.ErrNoProvenance) {
		t.Errorf("got %v, want ErrNoProvenance", err)
	}
}

// TestAt: with At the record ends with that year; transfers after it do not count.
func TestAt(t *testing.T) {
	d := loadRecord(t, "date,from,to,report,origin,assessment\n2000,O,P,R,O,\n2000,O,C,R,,A\n2003,P,C,R,,A\n")
	all, _ := provenance.Analyze(d, provenance.Options{})
	early, _ := provenance.Analyze(d, provenance.Options{At: 2002})
	if len(all.Circular) != 1 || len(early.Circular) != 0 || early.Transfers != 2 {
		t.Errorf("all %d findings, at 2002 %d findings and %d transfers", len(all.Circular), len(early.Circular), early.Transfers)
	}
}

// TestGapAndTiming: a partner that passes on a report the record never shows it receiving
// gives a path with a gap; a receipt dated after the onward transfer is no part of a path.
func TestGapAndTiming(t *testing.T) {
	d := loadRecord(t, "date,from,to,report,origin,assessment\n"+
		"2000,O,C,R,O,A\n"+
		"2001,P,C,R,,A\n"+ // P never received R before
		"2005,O,P,R,,\n") // ...only after
	r, _ := provenance.Analyze(d, provenance.Options{})
	if len(r.Circular) != 1 {
		t.Fatalf("findings %+v", r.Circular)
	}
	l := r.Circular[0].Lines[1]
	if l.Partner != "P" || len(l.Paths) != 1 || l.Paths[0].String() != "O:R ⇢(unrecorded) P →(l.3) C" {
		t.Errorf("line %+v", l)
	}
}

// TestExample checks the bundled stylised record (testdata/provenance) against what it was
// written to show (its SOURCES.md).
func TestExample(t *testing.T) {
	d, err := graphmodel.Load("../testdata/provenance")
	if err != nil {
		t.Fatal(err)
	}
	r, err := provenance.Analyze(d, provenance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, c := range r.Circular {
		kinds = append(kinds, fmt.Sprintf("%s %s %s %s %d", c.Consumer, c.Assessment, c.Origin, c.Kind, len(c.Lines)))
	}
	want := []string{"USA MOBILE-BW-LABS DEU corroboration 4", "USA MOBILE-BW-LABS USA returned 2"}
	if strings.Join(kinds, "; ") != strings.Join(want, "; ") {
		t.Errorf("circular: %v, want %v", kinds, want)
	}
	worst := r.Circular[0].Lines[2] // ONA-3 from AUS: the longest chain
	if worst.Report != "ONA-3" || worst.Paths[0].String() != "DEU:CB-01 →(l.2) USA ⇒DIA-1 →(l.3) GBR ⇒UK-7 →(l.5) AUS ⇒ONA-3 →(l.7) USA" {
		t.Errorf("ONA-3 line: %+v", worst)
	}
	has := func(line int, rule, source string) bool {
		for _, b := range r.Breaches {
			if b.Line == line && b.Rule == rule && b.Source == source {
				return true
			}
		}
		return false
	}
	for _, b := range []struct {
		line         int
		rule, source string
	}{{3, "ORCON", "CB-01"}, {8, "REL TO", "UK-7"}, {8, "REL TO", "DIA-1"}, {5, "third-party", "CB-01"}} {
		if !has(b.line, b.rule, b.source) {
			t.Errorf("no %s breach of %s on line %d", b.rule, b.source, b.line)
		}
	}
	for _, b := range r.Breaches {
		if b.Line >= 9 {
			t.Errorf("breach on the clean rows: %+v", b)
		}
	}
	for _, c := range r.Convergence {
		if flagged := c.Assessment == "MOBILE-BW-LABS"; c.Flagged != flagged {
			t.Errorf("convergence %+v", c)
		}
	}
}

// TestWriteJSON: the streamed document decodes to the same values as encoding/json's.
func TestWriteJSON(t *testing.T) {
	for _, path := range []string{"../testdata/provenance", "../testdata/provenance-planted"} {
		d, err := graphmodel.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, at := range []int{0, 2001} {
			r, err := provenance.Analyze(d, provenance.Options{At: at})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := r.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(r)
			var x, y any
			if err := json.Unmarshal(b.Bytes(), &x); err != nil {
				t.Fatalf("%s: %v\n%s", path, err, b.String())
			}
			json.Unmarshal(want, &y)
			if !reflect.DeepEqual(x, y) {
				t.Errorf("%s at %d: WriteJSON differs from json.Marshal", path, at)
			}
		}
	}
}

// TestWithout: a data set without an actor (what-if) keeps a consistent record: reports of
// the removed actor's rows are gone, their derivations and origins fall back.
func TestWithout(t *testing.T) {
	d, err := graphmodel.Load("../testdata/provenance")
	if err != nil {
		t.Fatal(err)
	}
	w, err := d.Without("DEU")
	if err != nil {
		t.Fatal(err)
	}
	r, err := provenance.Analyze(w, provenance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Circular {
		if c.Origin == "DEU" {
			t.Errorf("a finding from the removed DEU: %+v", c)
		}
	}
}
