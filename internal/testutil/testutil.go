// Package testutil holds the one test helper that loads a data set, builds its period view and
// analyses it, shared by the tests of every package.
package testutil

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

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

// DirWith returns the data set folder at path as an fs.FS in memory, with lines appended to
// some of its files (name, lines, name, lines…), each padded with empty fields to the file's
// header. A ties.csv the folder lacks is made with the header source,target; appends to other
// missing files are dropped (without actors.csv the actors are the ids used).
func DirWith(t testing.TB, path string, appends ...string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := os.ReadDir(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".csv") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(path, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: b}
	}
	for i := 0; i+1 < len(appends); i += 2 {
		name, lines := appends[i], appends[i+1]
		f, ok := m[name]
		if !ok {
			if name != "ties.csv" {
				continue // e.g. no actors.csv: the actors are the ids used
			}
			f = &fstest.MapFile{Data: []byte("source,target\n")}
			m[name] = f
		}
		data := f.Data
		if len(data) > 0 && data[len(data)-1] != '\n' {
			data = append(data, '\n')
		}
		// Each appended line gets the header's number of fields (the rest empty).
		header, _, _ := strings.Cut(string(data), "\n")
		fields := strings.Count(header, ",") + 1
		for _, line := range strings.SplitAfter(lines, "\n") {
			if line = strings.TrimSuffix(line, "\n"); line == "" {
				continue
			}
			data = append(data, line+strings.Repeat(",", max(0, fields-1-strings.Count(line, ",")))+"\n"...)
		}
		f.Data = data
	}
	return m
}
