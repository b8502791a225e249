package graphmodel

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// samePeriod checks that the data set of fsys loaded for year at gives the view that Load
// and Layer give for that year: the same summary, warnings, pairs and rows; or the same
// problems.
func samePeriod(t *testing.T, fsys fstest.MapFS, at int) (valid bool) {
	t.Helper()
	full, ferr := LoadFS(fsys, "in")
	part, perr := LoadFSWith(fsys, "in", LoadOptions{At: at})
	if (ferr == nil) != (perr == nil) {
		t.Fatalf("Load error %v, LoadWith(At %d) error %v", ferr, at, perr)
	}
	if ferr != nil {
		var fv, pv *ValidationError
		if !errors.As(ferr, &fv) || !errors.As(perr, &pv) {
			t.Fatalf("Load error %v, LoadWith error %v", ferr, perr)
		}
		// The sums' problems are found as Validate finds them (named by their heavy rows).
		drop := func(ps []string) []string {
			return slices.DeleteFunc(ps, func(s string) bool { return strings.Contains(s, "add up to more than") })
		}
		if f, p := drop(problemTexts(fv)), drop(problemTexts(pv)); !reflect.DeepEqual(f, p) {
			t.Fatalf("problems differ:\n  Load     %q\n  LoadWith %q", f, p)
		}
		return false
	}
	if part.Period() != at || len(part.Ties) > len(full.Ties) {
		t.Fatalf("period %d, %d of %d tie rows", part.Period(), len(part.Ties), len(full.Ties))
	}
	for _, k := range LayerKinds {
		o := DefaultOptions()
		o.At, o.Layer = at, k
		lf, err1 := full.Layer(o)
		lp, err2 := part.Layer(o)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("layer errors %v, %v", err1, err2)
		}
		if err1 != nil {
			continue
		}
		sf, _ := Summarize(lf)
		sp, _ := Summarize(lp)
		if !reflect.DeepEqual(sf, sp) {
			t.Fatalf("at %d %s: summaries differ:\n  %+v\n  %+v", at, k, sf, sp)
		}
		if !reflect.DeepEqual(lf.Warnings(), lp.Warnings()) {
			t.Fatalf("warnings differ: %q, %q", lf.Warnings(), lp.Warnings())
		}
		if !reflect.DeepEqual(edgesOf(lf), edgesOf(lp)) {
			t.Fatalf("edges differ")
		}
		pf, pp := lf.Pairs(), lp.Pairs()
		if len(pf) != len(pp) {
			t.Fatalf("%d pairs, %d", len(pf), len(pp))
		}
		for i := range pf {
			if pf[i] != pp[i] || !sameRows(full.Ties, lf.TieRows(i), part.Ties, lp.TieRows(i)) ||
				!sameRows(full.Exchanges, lf.History(i), part.Exchanges, lp.History(i)) ||
				!sameRows(full.Exchanges, lf.Exchanges(i), part.Exchanges, lp.Exchanges(i)) {
				t.Fatalf("pair %d differs", i)
			}
		}
	}
	o := DefaultOptions()
	if _, err := part.Layer(o); err == nil && at != 0 {
		t.Fatalf("a layer of all time from a data set loaded for %d", at)
	}
	return true
}

func sameRows[E any](a []E, ra []int32, b []E, rb []int32) bool {
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if !reflect.DeepEqual(a[ra[i]], b[rb[i]]) {
			return false
		}
	}
	return true
}

// TestLoadPeriodSameView checks LoadOptions.At against Load on the bundled data sets in
// several years and on 2,000 random mutations of a small data set.
func TestLoadPeriodSameView(t *testing.T) {
	for _, dir := range []string{"../testdata/example", "../testdata/karate"} {
		fsys := fstest.MapFS{}
		for _, f := range []string{ActorsFile, ClubsFile, TiesFile, MembershipsFile, ExchangesFile} {
			if b, err := os.ReadFile(dir + "/" + f); err == nil {
				fsys[f] = &fstest.MapFile{Data: b}
			}
		}
		for _, at := range []int{1950, 1990, 2001, 2005, 2020, 2100} {
			if !samePeriod(t, fsys, at) {
				t.Fatalf("%s invalid", dir)
			}
		}
	}
	bad := []string{"", "x", "0", "1990", "2005", "1985", "2012", "A", "Z", "K", "L", "1e308", "2001-03-01"}
	rng := rand.New(rand.NewPCG(3, 4))
	var valid int
	for i := range 2000 {
		files := maps.Clone(smallWorld)
		if rng.IntN(3) == 0 {
			delete(files, ActorsFile)
		}
		names := slices.Sorted(maps.Keys(files))
		for k := rng.IntN(4); k > 0; k-- {
			name := names[rng.IntN(len(names))]
			lines := strings.SplitAfter(files[name], "\n")
			j := 1 + rng.IntN(len(lines)-1)
			if lines[j] == "" {
				continue
			}
			fields := strings.Split(strings.TrimSuffix(lines[j], "\n"), ",")
			fields[rng.IntN(len(fields))] = bad[rng.IntN(len(bad))]
			lines = append(lines, strings.Join(fields, ",")+"\n")
			files[name] = strings.Join(lines, "")
		}
		at := []int{1985, 1990, 1995, 2001, 2005, 2011, 2030}[rng.IntN(7)]
		t.Run(fmt.Sprint("mutation ", i), func(t *testing.T) {
			if samePeriod(t, fsOf(files), at) {
				valid++
			}
		})
	}
	if valid < 500 {
		t.Errorf("only %d of the mutations are valid", valid)
	}
}
