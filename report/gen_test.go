package report

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// genDataset writes a seeded, generated (not real) data set of n actors, m distinct tie pairs
// and n/25 clubs over the years 1950–2020 into dir: ties attach preferentially (a few hubs,
// many small actors), each with a spell of 5–40 years, a weight 1–5 and one or two domains;
// each club has 3–12 members with their own spells.
func genDataset(t testing.TB, dir string, n, m int, seed uint64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 0x67656e))
	var actors, ties, clubs, members strings.Builder
	actors.WriteString("id,name\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&actors, "A%d,Actor %d\n", i, i)
	}
	domains := []string{"SIGINT", "HUMINT", "CT", "CYBER", "IMINT"}
	ties.WriteString("source,target,weight,since,until,domains\n")
	seen := map[[2]int]bool{}
	var ends []int // preferential attachment: an actor appears once per tie end
	for len(seen) < m {
		a := rng.IntN(n)
		b := rng.IntN(n)
		if len(ends) > 0 && rng.Float64() < 0.6 {
			b = ends[rng.IntN(len(ends))]
		}
		if a == b {
			continue
		}
		k := [2]int{min(a, b), max(a, b)}
		if seen[k] {
			continue
		}
		seen[k] = true
		ends = append(ends, a, b)
		since := 1950 + rng.IntN(60)
		until := min(2020, since+5+rng.IntN(36))
		d := domains[rng.IntN(len(domains))]
		if rng.IntN(2) == 0 {
			if e := domains[rng.IntN(len(domains))]; e != d {
				d += ";" + e
			}
		}
		fmt.Fprintf(&ties, "A%d,A%d,%d,%d,%d,%s\n", k[0], k[1], 1+rng.IntN(5), since, until, d)
	}
	clubs.WriteString("id,name,since,until\n")
	members.WriteString("club,actor,since,until\n")
	for c := 0; c < max(1, n/25); c++ {
		since := 1950 + rng.IntN(50)
		fmt.Fprintf(&clubs, "C%d,Club %d,%d,\n", c, c, since)
		got := map[int]bool{}
		for len(got) < 3+rng.IntN(10) {
			a := rng.IntN(n)
			if got[a] {
				continue
			}
			got[a] = true
			fmt.Fprintf(&members, "C%d,A%d,%d,\n", c, a, since+rng.IntN(10))
		}
	}
	for name, b := range map[string]*strings.Builder{"actors.csv": &actors, "ties.csv": &ties, "clubs.csv": &clubs, "memberships.csv": &members} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// buildPath makes the report of the data set at path as the CLI does: the analysis, the
// series and its per-year analyses.
func buildPath(t testing.TB, path string, lo graphmodel.Options, o Options) *Report {
	t.Helper()
	d, err := graphmodel.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(lo)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var series []analysis.YearPoint
	if years := SeriesYears(l, 0, 0, 0); len(years) > 0 {
		keep := func(_ int, yr *analysis.Result) error { o.YearResults = append(o.YearResults, yr); return nil }
		if series, err = analysis.EvolveEach(context.Background(), d, lo, SeriesOptions(analysis.Options{}), years, 3, keep); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Build(r, series, o)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}
