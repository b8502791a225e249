package report

import (
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

func TestSeriesYearsBounds(t *testing.T) {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	first, last, ok := d.ActiveSpan()
	if !ok {
		t.Fatal("the example has no years")
	}
	all := SeriesYears(l, 0, 0, 0)
	if len(all) == 0 || len(all) > 25 || all[0] != first || all[len(all)-1] > last {
		t.Errorf("SeriesYears(0, 0) = %v, want at most 25 years from %d to %d", all, first, last)
	}
	got := SeriesYears(l, 2000, 2010, 0)
	if len(got) != 11 || got[0] != 2000 || got[10] != 2010 {
		t.Errorf("SeriesYears(2000, 2010) = %v, want 2000…2010", got)
	}
	if got := SeriesYears(l, 2000, 0, 5); len(got) == 0 || got[0] != 2000 || got[len(got)-1] > last || len(got) > 5 {
		t.Errorf("SeriesYears(2000, 0, 5) = %v, want at most 5 years from 2000 to %d", got, last)
	}
	if got := SeriesYears(l, 2010, 2000, 0); got != nil {
		t.Errorf("SeriesYears(2010, 2000) = %v, want none", got)
	}
}
