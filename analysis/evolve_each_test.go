package analysis_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// EvolveEach gives the same points as Evolve, and each year's result is Analyze's at that year.
func TestEvolveEachMatchesEvolve(t *testing.T) {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	lo := graphmodel.DefaultOptions()
	o := analysis.Options{Sample: 50}
	years := []int{1990, 2005}
	want, err := analysis.Evolve(context.Background(), d, lo, o, years, 3)
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	got, err := analysis.EvolveEach(context.Background(), d, lo, o, years, 3, func(y int, r *analysis.Result) error {
		seen = append(seen, y)
		lo.At = y
		l, err := d.Layer(lo)
		if err != nil {
			return err
		}
		ref, err := analysis.Analyze(context.Background(), l, o)
		if err != nil {
			return err
		}
		if len(ref.Ties) != len(r.Ties) || r.View.Options.At != y {
			t.Fatalf("%d: %d ties, Analyze at that year has %d", y, len(r.Ties), len(ref.Ties))
		}
		for i := range ref.Ties { // Factors hold NaN for abstentions: compare the calls
			a, b := ref.Ties[i], r.Ties[i]
			if a.Source != b.Source || a.Target != b.Target || a.Weight != b.Weight || a.Class != b.Class || a.PRelational != b.PRelational {
				t.Errorf("%d: tie %v, Analyze at that year gives %v", y, b, a)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(seen, years) {
		t.Errorf("EvolveEach = %v (years %v), Evolve = %v", got, seen, want)
	}
}
