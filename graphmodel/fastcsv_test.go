package graphmodel

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// csvRecords splits text with encoding/csv as csvFile sets it up (any number of fields), with
// the line of each record: the reference for fastRows.
func csvRecords(text string) (recs [][]string, lines []int, err error) {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, lines, nil
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ := r.FieldPos(0)
		recs, lines = append(recs, rec), append(lines, line)
	}
}

// fastRecords splits text with fastRows, checking its ASCII flag on the way.
func fastRecords(t *testing.T, text string) (recs [][]string, lines []int) {
	t.Helper()
	r := &fastRows{text: text, line: 1}
	for {
		rec, line, ascii, ok := r.next()
		if !ok {
			return recs, lines
		}
		all := true
		for _, f := range rec {
			for i := 0; i < len(f); i++ {
				all = all && f[i] < utf8.RuneSelf
			}
		}
		if ascii && !all {
			t.Fatalf("line %d %q said ASCII", line, rec)
		}
		recs, lines = append(recs, slices.Clone(rec)), append(lines, line)
	}
}

// sameSplit checks that fastRows splits text, which holds no quote, as encoding/csv does.
func sameSplit(t *testing.T, text string) {
	t.Helper()
	want, wantLines, err := csvRecords(text)
	if err != nil {
		t.Fatalf("encoding/csv on %q: %v", text, err)
	}
	got, gotLines := fastRecords(t, text)
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotLines, wantLines) {
		t.Fatalf("split of %q:\n  fastRows     %q at %v\n  encoding/csv %q at %v", text, got, gotLines, want, wantLines)
	}
}

var splitSeeds = []string{
	"", "\n", "\r", "\r\n", "\n\n\r\n\n", "a", "a\n", "a\r", "a\r\r", "a\r\r\n", "a\rb\n", "\ra\n",
	"a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,b\nc,d", ",\n,,\n", "a,\r\n", ",\r", " a , b \n\t\n",
	"x\n\ny\n\n\nz", "é,\xff\n\xc2\x85,\u00a0\n", "\ufeffa,b\n", "a\x00b,\x7f\n",
}

// TestFastSplit compares fastRows with encoding/csv on the seeds and on random texts of the
// bytes that matter without quotes (commas, line ends, carriage returns, spaces, non-ASCII
// and invalid UTF-8).
func TestFastSplit(t *testing.T) {
	for _, s := range splitSeeds {
		sameSplit(t, s)
	}
	alphabet := []string{"a", "b", ",", ",", "\n", "\n", "\r", "\r\n", " ", "\t", "é", "\xff", "\u0085"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		sameSplit(t, b.String())
	}
}

// FuzzSplit compares fastRows with encoding/csv on any text without a quote character (the
// fast path is taken only then).
func FuzzSplit(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sameSplit(t, string(bytes.ReplaceAll(b, []byte(`"`), []byte("q"))))
	})
}

// TestFastSplitPieces checks that the pieces of a text, split at line ends, give the rows of
// the whole with the same line numbers, and that lines counts the non-empty lines.
func TestFastSplitPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	alphabet := []string{"a", ",", "\n", "\n", "\r\n", "\r", "bb"}
	for range 3000 {
		var b strings.Builder
		for n := rng.IntN(60); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		want, wantLines := fastRecords(t, text)
		whole := &fastRows{text: text, line: 1}
		if n := whole.lines(); n < len(want) {
			t.Fatalf("%q: lines %d, rows %d", text, n, len(want))
		}
		var got [][]string
		var gotLines []int
		total := 0
		for _, p := range whole.split(1 + rng.IntN(8)) {
			total += p.lines()
			for {
				rec, line, _, ok := p.next()
				if !ok {
					break
				}
				got, gotLines = append(got, slices.Clone(rec)), append(gotLines, line)
			}
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotLines, wantLines) {
			t.Fatalf("pieces of %q:\n  %q at %v\n  want %q at %v", text, got, gotLines, want, wantLines)
		}
		if wantTotal := (&fastRows{text: text, line: 1}).lines(); total != wantTotal {
			t.Fatalf("%q: the pieces count %d lines, the whole %d", text, total, wantTotal)
		}
	}
}

// loadPaths loads fsys three ways: serially through encoding/csv, by the fast path in pieces
// of the usual size, and by the fast path in pieces of chunk bytes (on every core); it fails
// the test unless the three agree: the same problems in the same order, or the same data set,
// span, columns and layers. It returns whether fsys is valid.
func loadPaths(t *testing.T, files map[string]string, chunk int) bool {
	t.Helper()
	load := func(fast bool, size int) (*Dataset, error) {
		defer func(f bool, c int) { fastLoad, fastChunk = f, c }(fastLoad, fastChunk)
		fastLoad, fastChunk = fast, size
		return LoadFS(fsOf(files), "in")
	}
	serial, serr := load(false, fastChunk)
	for _, size := range []int{fastChunk, chunk} {
		d, err := load(true, size)
		if (err == nil) != (serr == nil) || err != nil && err.Error() != serr.Error() {
			t.Fatalf("chunk %d: Load error\n  fast   %v\n  serial %v", size, err, serr)
		}
		if err == nil {
			sameDataset(t, d, serial)
		}
	}
	return serr == nil
}

// sameDataset fails the test unless a and b hold the same rows, columns, span and layers.
func sameDataset(t *testing.T, a, b *Dataset) {
	t.Helper()
	if !reflect.DeepEqual(a.Actors, b.Actors) || !reflect.DeepEqual(a.Clubs, b.Clubs) || !reflect.DeepEqual(a.Ties, b.Ties) ||
		!reflect.DeepEqual(a.Memberships, b.Memberships) || !reflect.DeepEqual(a.Exchanges, b.Exchanges) ||
		!reflect.DeepEqual(a.Rivalries, b.Rivalries) || !reflect.DeepEqual(a.Columns, b.Columns) || !reflect.DeepEqual(a.Files, b.Files) {
		t.Fatalf("data sets differ:\n  %+v\n  %+v", a, b)
	}
	f1, l1, ok1 := a.Span()
	f2, l2, ok2 := b.Span()
	if f1 != f2 || l1 != l2 || ok1 != ok2 {
		t.Fatalf("spans differ: %v–%v %v, %v–%v %v", f1, l1, ok1, f2, l2, ok2)
	}
	if !reflect.DeepEqual(a.TiePairs(), b.TiePairs()) {
		t.Fatalf("tie pairs differ")
	}
	for _, at := range []int{0, 1990, 2001} {
		o := DefaultOptions()
		o.At = at
		la, errA := a.Layer(o)
		lb, errB := b.Layer(o)
		if (errA == nil) != (errB == nil) {
			t.Fatalf("at %d: layer errors %v, %v", at, errA, errB)
		}
		if errA != nil {
			continue
		}
		sameLayer(t, la, lb)
	}
}

// sameLayer fails the test unless two layers have the same pairs, rows of each pair, graph and
// summary.
func sameLayer(t *testing.T, la, lb *Layer) {
	t.Helper()
	if !reflect.DeepEqual(la.Pairs(), lb.Pairs()) {
		t.Fatalf("at %d: pairs differ:\n  %v\n  %v", la.Options.At, la.Pairs(), lb.Pairs())
	}
	for p := range la.Pairs() {
		if !slices.Equal(la.TieRows(p), lb.TieRows(p)) || !slices.Equal(la.Exchanges(p), lb.Exchanges(p)) || !slices.Equal(la.History(p), lb.History(p)) {
			t.Fatalf("at %d: the rows of pair %d differ", la.Options.At, p)
		}
	}
	if !reflect.DeepEqual(la.off, lb.off) || !reflect.DeepEqual(la.nbr, lb.nbr) || !reflect.DeepEqual(la.w, lb.w) {
		t.Fatalf("at %d: graphs differ", la.Options.At)
	}
	sa, errA := Summarize(la)
	sb, errB := Summarize(lb)
	if errA != nil || errB != nil || !reflect.DeepEqual(sa, sb) {
		t.Fatalf("at %d: summaries differ: %+v (%v), %+v (%v)", la.Options.At, sa, errA, sb, errB)
	}
}

// TestLoadPaths checks the fast path against the serial one on the example data sets and on
// mutations of a small world and of a larger generated ties.csv: bad values, deleted,
// repeated and cut rows, blank lines, CRLF line ends, a byte-order mark, non-ASCII and
// invalid UTF-8, and quotes (which send a file the serial way).
func TestLoadPaths(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	var big strings.Builder
	big.WriteString("source,target,weight,since,until,domains,note\n")
	for i := range 400 {
		fmt.Fprintf(&big, "A%d,A%d,%d,%d,%d,CT;SIGINT,n%d\n", i%17, (i*7+3)%17, 1+i%3, 1980+i%30, 1990+i%30, i%5)
	}
	worlds := []map[string]string{smallWorld, {"ties.csv": big.String()}, {"ties.csv": strings.ReplaceAll(big.String(), ",1,", ",")}}
	for _, dir := range []string{"../testdata/example", "../testdata/karate", "../testdata/florentine"} {
		w := map[string]string{}
		for _, name := range []string{ActorsFile, ClubsFile, TiesFile, MembershipsFile, ExchangesFile, RivalriesFile} {
			if b, err := readFile(dir + "/" + name); err == nil {
				w[name] = b
			}
		}
		worlds = append(worlds, w)
	}
	bad := []string{"", " ", "x", "-1", "0", "NaN", "1e400", "1990", "2000-02-30", "A", "Z", "\"", "\"q\"", "a\x01b",
		"\xff", "é", " A0 ", "1e308", "FVEY", ";", "CT;CT", "A0\r"}
	var valid, invalid int
	for i := range 1500 {
		files := maps.Clone(worlds[i%len(worlds)])
		names := slices.Sorted(maps.Keys(files))
		for k := rng.IntN(4); k > 0; k-- {
			name := names[rng.IntN(len(names))]
			files[name] = mutate(rng, files[name], bad, 8)
		}
		if loadPaths(t, files, 1+rng.IntN(300)) {
			valid++
		} else {
			invalid++
		}
	}
	t.Logf("%d valid, %d invalid data sets", valid, invalid)
	if valid < 200 || invalid < 500 {
		t.Errorf("%d valid and %d invalid data sets: too few of one kind", valid, invalid)
	}
}

// TestLayerWithoutReadFacts checks the layers of a data set Load read in pieces, which knows
// its ties' span and whether every weight is 1 (tiesRead), against those of the same rows
// given to WithRows, which looks at the rows instead.
func TestLayerWithoutReadFacts(t *testing.T) {
	var b strings.Builder
	b.WriteString("source,target,since,until\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "%d,%d,%d,%d\n", i/40, 100+i%37, 1950+i%60, 1950+i%60+i%3)
	}
	for _, files := range []map[string]string{
		{"ties.csv": b.String()},
		{"ties.csv": b.String(), "exchanges.csv": "date,from,to,volume\n1990,0,100,0.5\n1991,1,101,3\n2001,5,120,1\n"},
		{"ties.csv": b.String(), "memberships.csv": "club,actor\nK,0\nK,100\nK,3\n"},
	} {
		defer func(c int) { fastChunk = c }(fastChunk)
		fastChunk = 5000
		d, err := LoadFS(fsOf(files), "in")
		if err != nil {
			t.Fatal(err)
		}
		if d.tiesRead == nil || !d.tiesRead.unit {
			t.Fatalf("tiesRead %+v", d.tiesRead)
		}
		e, err := d.WithRows(d.Ties, d.Memberships, d.Exchanges)
		if err != nil {
			t.Fatal(err)
		}
		if e.tiesRead != nil {
			t.Fatal("WithRows kept tiesRead")
		}
		sameDataset(t, d, e)
	}
}

func readFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}

// TestAbsentColumns checks that the columns a file does not have (parsed once, into the
// template each row starts from) give the rows what empty fields give them row by row.
func TestAbsentColumns(t *testing.T) {
	for _, files := range [][2]map[string]string{
		{{"ties.csv": "source,target\nA,B\nB,C\n"}, {"ties.csv": "source,target,weight,since,until,domains\nA,B,,,,\nB,C,,,,\n"}},
		{{"ties.csv": "source,target,since\nA,B,1990\n"}, {"ties.csv": "source,target,since,until,weight\nA,B,1990,,\n"}},
		{{"memberships.csv": "club,actor\nK,A\n", "exchanges.csv": "date,from,to\n2001,A,B\n"},
			{"memberships.csv": "club,actor,since,until,role\nK,A,,,\n", "exchanges.csv": "date,from,to,volume,domain\n2001,A,B,,\n"}},
	} {
		a, errA := LoadFS(fsOf(files[0]), "in")
		b, errB := LoadFS(fsOf(files[1]), "in")
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if !reflect.DeepEqual(a.Ties, b.Ties) || !reflect.DeepEqual(a.Memberships, b.Memberships) || !reflect.DeepEqual(a.Exchanges, b.Exchanges) {
			t.Errorf("absent and empty columns differ:\n  %+v %+v %+v\n  %+v %+v %+v", a.Ties, a.Memberships, a.Exchanges, b.Ties, b.Memberships, b.Exchanges)
		}
		for _, tie := range a.Ties {
			if tie.Weight != 1 {
				t.Errorf("weight %v, want 1", tie.Weight)
			}
		}
	}
}
