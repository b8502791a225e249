package graphmodel

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/internal/testenv"
)

// igoTies converts the COW IGO dyad-years (../shared/data/cow-igo-3.0) into a contract
// ties.csv in dir: source = ccode1, target = ccode2, since = until = year, and dyadigos kept
// as an extra (integer) column. It returns the file's path and its number of rows.
func igoTies(tb testing.TB, dir string) (string, int) {
	tb.Helper()
	src := testenv.SharedData(tb, "cow-igo-3.0/cow_igo_ndy.csv")
	in, err := os.Open(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	r := csv.NewReader(bufio.NewReader(in))
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "ties.csv")
	out, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "source,target,since,until,dyadigos")
	rows := 0
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		fmt.Fprintf(w, "%s,%s,%s,%s,%s\n", rec[0], rec[1], rec[2], rec[2], rec[3])
		rows++
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return path, rows
}

// BenchmarkLoadIGO loads, validates and builds the combined layer of the 917,695 COW IGO
// dyad-years. It reports rows per second.
func BenchmarkLoadIGO(b *testing.B) {
	path, rows := igoTies(b, b.TempDir())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d, err := Load(path)
		if err != nil {
			b.Fatal(err)
		}
		l, err := d.Layer(DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		if l.Len() == 0 {
			b.Fatal("empty layer")
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkLayer builds the combined layer of a random data set of 100,000 actors and
// 1,000,000 ties.
func BenchmarkLayer(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("source,target,weight\n")
	for i := 0; i < 1000000; i++ {
		u, v := (i*7919)%100000, (i*104729+13)%100000
		if u == v {
			v = (v + 1) % 100000
		}
		fmt.Fprintf(&sb, "a%d,a%d,%d\n", u, v, 1+i%10)
	}
	d, err := LoadFS(fstest.MapFS{"ties.csv": {Data: []byte(sb.String())}}, "random")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := d.Layer(DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}
