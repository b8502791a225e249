package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// One early row (a 1386 alliance before a data set that begins in 1816) does not stretch the
// series: it starts at the year by which 1% of the dated rows have begun; --from overrides.
func TestSeriesStartSkipsALoneEarlyRow(t *testing.T) {
	var ties strings.Builder
	ties.WriteString("source,target,since,until\nPOR,UKG,1386,\n")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&ties, "S%d,S%d,%d,%d\n", i, i+1, 1816+i/2, 1816+i/2+10)
	}
	dir := writeFiles(t, map[string]string{"ties.csv": ties.String()})
	d, err := graphmodel.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	// 201 dated rows: the 1% point is the third earliest since (index 2), 1816.
	if s, ok := SeriesStart(d); !ok || s != 1816 {
		t.Errorf("SeriesStart = %d, %v; want 1816", s, ok)
	}
	if ys := SeriesYears(l, 0, 0, 0); len(ys) == 0 || ys[0] != 1816 {
		t.Errorf("SeriesYears starts at %v, want 1816", ys)
	}
	if ys := SeriesYears(l, 1386, 0, 0); len(ys) == 0 || ys[0] != 1386 {
		t.Errorf("SeriesYears with --from 1386 = %v", ys)
	}
}

// A combined-layer core that is one club's membership is marked club-made; the bilateral
// core is taken on the ties alone.
func TestCoresBilateralAndClubMade(t *testing.T) {
	var m strings.Builder
	m.WriteString("club,actor\n")
	for _, a := range []string{"A", "B", "C", "D", "E", "F"} {
		fmt.Fprintf(&m, "BIG,%s\n", a)
	}
	dir := writeFiles(t, map[string]string{
		"ties.csv":        "source,target\nA,B\nB,C\nA,C\nC,G\nG,H\n",
		"memberships.csv": m.String(),
	})
	rep := buildPath(t, dir, graphmodel.DefaultOptions(), Options{})
	cores := rep.Cores()
	if len(cores) != 2 {
		t.Fatalf("cores %+v", cores)
	}
	bil, comb := cores[0], cores[1]
	if bil.Layer != "bilateral" || bil.K != 2 || strings.Join(bil.Members, ",") != "A,B,C" || bil.ClubMade != "" {
		t.Errorf("bilateral core %+v, want k = 2 of A, B, C, not club-made", bil)
	}
	if comb.Layer != "combined" || comb.ClubMade != "BIG" || !strings.Contains(comb.Text(), "club-made") {
		t.Errorf("combined core %+v, want club-made by BIG", comb)
	}
}

// Every list of the body is complete or cut with a pointer to the appendix, which lists every
// tie, club, actor and uncertain call.
func TestAppendixComplete(t *testing.T) {
	rep := build(t, graphmodel.DefaultOptions())
	var b bytes.Buffer
	if err := rep.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	tables := map[string]Table{}
	for _, tb := range rep.Appendix() {
		tables[tb.ID] = tb
		if !strings.Contains(page, `<h3 id="`+tb.ID+`">`) {
			t.Errorf("no appendix table %s", tb.ID)
		}
	}
	r := rep.Result
	for id, want := range map[string]int{"appendix-ties": len(r.Ties), "appendix-clubs": len(r.Clubs), "appendix-actors": len(r.Actors),
		"appendix-uncertain": len(r.TypologyLists.Uncertain), "appendix-cliques": len(r.Cliques)} {
		if got := len(tables[id].Rows); got != want {
			t.Errorf("%s has %d rows, want %d", id, got, want)
		}
	}
	// The example's 79 relational ties are cut at 25 firm calls with a pointer to the appendix.
	cl := rep.ClassLists()[0]
	if len(cl.Firm.Shown) != ListCut || cl.Firm.Rest+ListCut+cl.Uncertain != len(r.TypologyLists.RelationalBilateral) {
		t.Errorf("relational bilateral list: %d shown, %d more, %d uncertain of %d", len(cl.Firm.Shown), cl.Firm.Rest, cl.Uncertain, len(r.TypologyLists.RelationalBilateral))
	}
	if !strings.Contains(page, `more (<a href="#appendix-ties">appendix</a>)`) {
		t.Error("the cut tie list does not point to the appendix")
	}
	for _, x := range r.TypologyLists.Uncertain {
		for _, f := range rep.Firm(r.TypologyLists.RelationalBilateral) {
			if f == x {
				t.Errorf("uncertain call %s among the firm calls", x)
			}
		}
	}
	var md bytes.Buffer
	p := func(f string, a ...any) { fmt.Fprintf(&md, f, a...) }
	rep.markdownAppendix(p)
	for _, tie := range r.Ties {
		if !strings.Contains(md.String(), "| "+mdCell(tie.Source)+" | "+mdCell(tie.Target)+" | ") {
			t.Errorf("Markdown appendix lacks the tie %s–%s", tie.Source, tie.Target)
		}
	}
}

// Above the byte budget of the year frames the slider keeps every other (third, …) year and
// the page says so.
func TestYearFramesWithinBudget(t *testing.T) {
	rep := buildPath(t, "../testdata/example", graphmodel.DefaultOptions(), Options{})
	full := len(rep.yearResults)
	if full < 4 {
		t.Fatalf("%d years", full)
	}
	defer func(b int) { yearBudget = b }(yearBudget)
	index := map[string]int32{}
	for u := 0; u < rep.Layer.Len(); u++ {
		index[rep.Layer.Actor(int64(u))] = int32(u)
	}
	var frames int
	for _, yr := range rep.yearResults {
		fw := &jw{}
		frameOf(yr, yr.View.Options.At, index, nil).write(fw, false)
		frames += len(fw.b)
	}
	yearBudget = (frames + 1) / 2 // room for half of them: every other year
	v := rep.Viewer()
	if len(v.Years) != (full+1)/2 || v.AllYears != full || v.Years[1]-v.Years[0] != 2*(rep.Series[1].Year-rep.Series[0].Year) {
		t.Errorf("slider years %v of %d, want every other one", v.Years, full)
	}
	var b bytes.Buffer
	if err := rep.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), fmt.Sprintf("%d years of its %d: every other one", len(v.Years), full)) {
		t.Error("the page does not say that the slider skips years")
	}
}
