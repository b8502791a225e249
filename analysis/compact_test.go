package analysis

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testgen"
)

// analyzeJSON analyses the layer of o of the data set at path (loaded anew), with the ties in
// columns and the tie rows released when lean; it returns the result and its JSON.
func analyzeJSON(t *testing.T, path string, o graphmodel.Options, lean bool) (*Result, []byte) {
	t.Helper()
	d, err := graphmodel.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(o)
	if err != nil {
		t.Fatal(err)
	}
	if lean {
		l.ReleaseTieRows()
	}
	r, err := Analyze(context.Background(), l, Options{CompactTies: lean})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return r, b.Bytes()
}

// TestCompactTiesSameResult: with the ties in columns and the data set's tie rows released,
// the JSON document is the same byte for byte, and every tie read back (TieAt, Tie) is the
// TieResult of the plain analysis, on data sets with years, domains, exchanges and clubs.
func TestCompactTiesSameResult(t *testing.T) {
	layer := func(k graphmodel.LayerKind, at int) graphmodel.Options {
		o := graphmodel.DefaultOptions()
		o.Layer, o.At = k, at
		return o
	}
	for _, c := range []struct {
		path string
		o    graphmodel.Options
	}{
		{"../testdata/example", layer(graphmodel.Combined, 0)},
		{"../testdata/example", layer(graphmodel.Bilateral, 2005)},
		{"../testdata/example", layer(graphmodel.Clubs, 1995)},
		{"../testdata/provenance", layer(graphmodel.Combined, 0)},
		{"../testdata/planted", layer(graphmodel.Combined, 0)},
		{"../testdata/karate", layer(graphmodel.Combined, 0)},
	} {
		t.Run(fmt.Sprintf("%s-%s-%d", filepath.Base(c.path), c.o.Layer, c.o.At), func(t *testing.T) {
			plain, want := analyzeJSON(t, c.path, c.o, false)
			lean, got := analyzeJSON(t, c.path, c.o, true)
			if !bytes.Equal(got, want) {
				t.Fatalf("the JSON differs with the ties in columns (%d bytes, want %d)", len(got), len(want))
			}
			if lean.Ties != nil || lean.NumTies() != len(plain.Ties) || plain.NumTies() != len(plain.Ties) {
				t.Fatalf("Ties %v, NumTies %d, want nil and %d", lean.Ties != nil, lean.NumTies(), len(plain.Ties))
			}
			for i := range plain.Ties {
				w, g := &plain.Ties[i], lean.TieAt(i)
				if err := sameTie(g, w); err != nil {
					t.Fatalf("tie %d: %v", i, err)
				}
				for _, ab := range [][2]string{{w.Source, w.Target}, {w.Target, w.Source}} {
					if g, ok := lean.Tie(ab[0], ab[1]); !ok || sameTie(g, w) != nil {
						t.Fatalf("Tie(%s, %s) = %v, %v", ab[0], ab[1], g, ok)
					}
				}
			}
			if _, ok := lean.Tie("no such", "actor"); ok {
				t.Error("Tie of unknown actors found")
			}
		})
	}
}

func sameTie(g, w *TieResult) error {
	gj, _ := json.Marshal(g)
	wj, _ := json.Marshal(w)
	if !bytes.Equal(gj, wj) {
		return fmt.Errorf("got %s, want %s", gj, wj)
	}
	if len(g.Factors.Names()) != len(w.Factors.Names()) || g.Factors.Len() != w.Factors.Len() {
		return fmt.Errorf("factors %v, want %v", g.Factors.Map(), w.Factors.Map())
	}
	return nil
}

// TestWriteTypologyListsLikeMarshalIndent: the streamed lists are encoding/json's bytes,
// escapes (HTML, U+2028, invalid UTF-8), empty and nil lists included.
func TestWriteTypologyListsLikeMarshalIndent(t *testing.T) {
	for _, l := range []TypologyLists{
		{},
		{TransactionalBilateral: []string{}, RelationalBilateral: []string{"a–b"}, Uncertain: []string{}},
		{
			TransactionalBilateral:    []string{"<x>&y", "q\"uote\\", "tab\there", "\u2028\u2029", "bad\xffutf8", "é–ü"},
			RelationalBilateral:       []string{"A2–A10", "\x01ctl"},
			TransactionalMultilateral: []string{"NATO"},
			RelationalMultilateral:    []string{},
			Uncertain:                 []string{"A2–A10", "NATO", ""},
		},
	} {
		want, err := json.MarshalIndent(l, "  ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		bw := bufio.NewWriter(&b)
		if err := writeTypologyLists(bw, &l, nil); err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("got\n%s\nwant\n%s", b.Bytes(), want)
		}
	}
}

// TestReleasedRowsAnalyzeOnly: once a layer released the tie rows, building another layer
// from the data set is an error, and the counts stay those of the rows read.
func TestReleasedRowsAnalyzeOnly(t *testing.T) {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	counts := d.RowCounts()
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var periods []graphmodel.Period
	var domains [][]string
	for p := range l.Pairs() {
		for _, i := range l.TieRows(p) {
			periods = append(periods, d.Ties[i].Period)
			domains = append(domains, d.Ties[i].Domains)
		}
	}
	l.ReleaseTieRows()
	l.ReleaseTieRows() // twice: nothing more
	if d.Ties != nil || fmt.Sprint(d.RowCounts()) != fmt.Sprint(counts) {
		t.Fatalf("after the release: %d rows, counts %+v, want none and %+v", len(d.Ties), d.RowCounts(), counts)
	}
	k := 0
	for p := range l.Pairs() {
		for _, i := range l.TieRows(p) {
			if l.TieRowPeriod(i) != periods[k] || fmt.Sprint(l.TieRowDomains(i)) != fmt.Sprint(domains[k]) {
				t.Fatalf("row %d: %v %v, want %v %v", i, l.TieRowPeriod(i), l.TieRowDomains(i), periods[k], domains[k])
			}
			k++
		}
	}
	if _, err := d.Layer(graphmodel.DefaultOptions()); !errors.Is(err, graphmodel.ErrTieRowsReleased) {
		t.Errorf("Layer after the release: %v, want ErrTieRowsReleased", err)
	}
	if _, err := d.Without("FR"); !errors.Is(err, graphmodel.ErrTieRowsReleased) {
		t.Errorf("Without after the release: %v, want ErrTieRowsReleased", err)
	}
	if _, err := l.As(graphmodel.Bilateral); err != nil {
		t.Errorf("As after the release: %v", err)
	}
}

// liveAfterAnalyze is the live heap, in bytes, held by the data set, layer and result of an
// analysis of path (Sample sources), lean or not (see analyzeJSON).
func liveAfterAnalyze(t *testing.T, path string, lean bool) float64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := graphmodel.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if lean {
		l.ReleaseTieRows()
	}
	r, err := Analyze(context.Background(), l, Options{Sample: 10, LouvainRuns: 1, CompactTies: lean})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	runtime.KeepAlive(r)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc)
}

// TestLiveHeapPerTie guards the memory of analyze (compact ties, released rows) on a seeded
// G(n, m) of 10,000 actors and 100,000 ties, weights 1–10 (bench_analysis.py's shape, ten
// times smaller): the live heap after Analyze per tie stays under a bound, and under 60% of
// the plain analysis' (TieResults and the data set's rows held). Measured here: about 240
// bytes a tie lean, 565 plain.
func TestLiveHeapPerTie(t *testing.T) {
	if testing.Short() {
		t.Skip("an analysis of 100,000 ties")
	}
	const n, m = 10000, 100000
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ties.csv"), testgen.GNMTies(n, m, 42, 18, 10, true), 0o644); err != nil {
		t.Fatal(err)
	}
	plain := liveAfterAnalyze(t, dir, false) / m
	lean := liveAfterAnalyze(t, dir, true) / m
	t.Logf("live heap after Analyze: %.0f bytes a tie lean, %.0f plain", lean, plain)
	const bound = 240 // 205 measured (241 before the rows' ends and pairs went with them)
	if lean > bound {
		t.Errorf("lean analysis holds %.0f bytes a tie, want at most %d", lean, bound)
	}
	if lean > 0.6*plain {
		t.Errorf("lean analysis holds %.0f bytes a tie, more than 60%% of the plain %.0f", lean, plain)
	}
}
