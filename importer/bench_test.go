package importer

import (
	"path/filepath"
	"testing"

	"github.com/liaison-net/liaison/internal/testenv"
)

// BenchmarkImportIGO imports the 917,695 COW IGO dyad-years with the state list and writes
// the data set folder (atomically, synced), as `liaison import cow-igo` does.
func BenchmarkImportIGO(b *testing.B) {
	file := testenv.SharedData(b, "cow-igo-3.0/cow_igo_ndy.csv")
	states := testenv.SharedData(b, "cow-states-2016/cow_states.csv")
	dir := filepath.Join(b.TempDir(), "igo")
	b.ReportAllocs()
	rows := 0
	for b.Loop() {
		out, rep, err := COWIGO([]string{file}, Options{States: states})
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(dir, out, WriteOptions{Force: true}); err != nil {
			b.Fatal(err)
		}
		rows = rep.Get("rows")
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
