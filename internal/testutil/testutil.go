// Package testutil holds the one test helper that loads a data set, builds its period view and
// analyses it, shared by the tests of every package.
package testutil

import (
	"context"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// Analyze loads the data set at path, builds the period view lo and analyses it with ao,
// failing the test on any error.
func Analyze(t testing.TB, path string, lo graphmodel.Options, ao analysis.Options) *analysis.Result {
	t.Helper()
	d, err := graphmodel.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return AnalyzeData(t, d, lo, ao)
}

// AnalyzeData is Analyze of a loaded data set.
func AnalyzeData(t testing.TB, d *graphmodel.Dataset, lo graphmodel.Options, ao analysis.Options) *analysis.Result {
	t.Helper()
	l, err := d.Layer(lo)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, ao)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
