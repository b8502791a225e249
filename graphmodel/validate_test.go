package graphmodel

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// sameVerdict checks that Validate of fsys says what Load says: the same problems, in the
// same order, or the same counts of a valid data set.
func sameVerdict(t *testing.T, fsys fs.FS) (valid bool) {
	t.Helper()
	return compareValidate(t, fsys, true)
}

// compareValidate is sameVerdict; without exactSums the problems of pairs whose rows add up
// to more than 1.8e308 are left out of the comparison (Validate names only their rows of
// 1e270 or more, Load every row).
func compareValidate(t *testing.T, fsys fs.FS, exactSums bool) (valid bool) {
	t.Helper()
	d, lerr := LoadFS(fsys, "in")
	c, verr := ValidateFS(fsys, "in", ValidateOptions{KeepProblems: -1})
	if (lerr == nil) != (verr == nil) {
		t.Fatalf("Load error %v, Validate error %v", lerr, verr)
	}
	if lerr != nil {
		var lv, vv *ValidationError
		if errors.As(lerr, &lv) != errors.As(verr, &vv) {
			t.Fatalf("Load error %v, Validate error %v", lerr, verr)
		}
		if lv == nil {
			if lerr.Error() != verr.Error() {
				t.Fatalf("Load error %v, Validate error %v", lerr, verr)
			}
			return false
		}
		lp, vp := problemTexts(lv), problemTexts(vv)
		if !exactSums {
			sums := func(s string) bool { return strings.Contains(s, "add up to more than 1.8e308") }
			lp, vp = slices.DeleteFunc(lp, sums), slices.DeleteFunc(vp, sums)
		}
		if !reflect.DeepEqual(lp, vp) || vv.Count() != len(lv.Problems) {
			t.Fatalf("problems differ:\n  Load     %q\n  Validate %q", lp, vp)
		}
		if !exactSums {
			return false
		}
		if !reflect.DeepEqual(groupTexts(lv.Summary()), groupTexts(vv.Summary())) {
			t.Fatalf("summaries differ:\n  Load     %q\n  Validate %q", groupTexts(lv.Summary()), groupTexts(vv.Summary()))
		}
		return false
	}
	want := Counts{Actors: len(d.Actors), Clubs: len(d.Clubs), Ties: len(d.Ties), Memberships: len(d.Memberships),
		Exchanges: len(d.Exchanges), Files: d.Files}
	if !reflect.DeepEqual(*c, want) {
		t.Fatalf("Validate counts %+v, Load %+v", *c, want)
	}
	return true
}

func problemTexts(ve *ValidationError) []string {
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Error())
	}
	return out
}

func groupTexts(gs []ProblemGroup) []string {
	var out []string
	for _, g := range gs {
		out = append(out, fmt.Sprintf("%s @%s", g, g.First))
	}
	return out
}

// TestValidateMatchesLoad compares Validate with Load on the bundled data sets, on the broken
// ones, on the overflow cases and on 3,000 random mutations of a small data set (fields
// swapped for bad values, lines dropped, repeated or cut, quotes and BOMs added).
func TestValidateMatchesLoad(t *testing.T) {
	for _, dir := range []string{"../testdata/karate", "../testdata/florentine", "../testdata/example", "testdata/broken", "testdata/semicolon"} {
		t.Run(dir, func(t *testing.T) { sameVerdict(t, os.DirFS(dir)) })
	}
	const max = "1.7976931348623157e308"
	for name, files := range map[string]map[string]string{
		"overflow ties":      {"ties.csv": "source,target,weight\nA,B," + max + "\nB,A," + max + "\n"},
		"overflow exchanges": {"ties.csv": "source,target,weight\nA,C,1\nA,B," + max + "\n", "exchanges.csv": "date,from,to,volume\n2001,B,A,1e300\n2002,C,A,1\n"},
		"overflow many":      {"ties.csv": "source,target,weight\n" + strings.Repeat("A,B,1e308\nC,D,1\n", 12)},
		"finite":             {"ties.csv": "source,target,weight\nA,B,4e307\nA,B,4e307\nA,B,1\n"},
		"no actors file":     {"memberships.csv": "club,actor\nK,A\nK,B\nL,A\n", "exchanges.csv": "date,from,to\n2001,C,D\n"},
	} {
		t.Run(name, func(t *testing.T) { sameVerdict(t, fsOf(files)) })
	}
	bad := []string{"", " ", "x", "-1", "0", "NaN", "1e400", "1_000", "0x1p4", "1990", "2000-02-30", "A", "Z", "\"", "\"q", "a\x01b", "\xff", "\ufeffid", "1e308", "FVEY", ";", "CT;CT"}
	rng := rand.New(rand.NewPCG(1, 2))
	var valid, invalid int
	defer func() {
		t.Logf("mutations: %d valid, %d invalid", valid, invalid)
		if valid < 100 || invalid < 1000 {
			t.Errorf("the mutations give %d valid and %d invalid data sets: too few of one kind to compare", valid, invalid)
		}
	}()
	for i := range 3000 {
		files := map[string]string{}
		for name, body := range smallWorld {
			if rng.IntN(10) > 0 {
				files[name] = body
			}
		}
		names := slices.Sorted(maps.Keys(files))
		for k := rng.IntN(3); k > 0 && len(names) > 0; k-- {
			name := names[rng.IntN(len(names))]
			files[name] = mutate(rng, files[name], bad, 5)
		}
		if len(files) == 0 {
			continue
		}
		t.Run(fmt.Sprint("mutation ", i), func(t *testing.T) {
			if sameVerdict(t, fsOf(files)) {
				valid++
			} else {
				invalid++
			}
		})
	}
}

// TestValidateKeepsFirstProblems checks the cap on the problems kept: the first N in file and
// line order, every one counted and summarised.
func TestValidateKeepsFirstProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("source,target,weight\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "A%d,B,%d\n", i, -i) // weight 0 then negatives: 5,000 problems
	}
	// An unterminated quote on line 2 of memberships.csv is reported when the file ends, after
	// the rows of ties.csv were reported: it must still come after them.
	fsys := fsOf(map[string]string{"ties.csv": b.String(), "memberships.csv": "club,actor\n\"K,A\n"})
	_, lerr := LoadFS(fsys, "in")
	var lv *ValidationError
	if !errors.As(lerr, &lv) || len(lv.Problems) != 5001 {
		t.Fatalf("Load: %v", lerr)
	}
	for _, keep := range []int{1, 10, 4999, 5001, 6000} {
		_, err := ValidateFS(fsys, "in", ValidateOptions{KeepProblems: keep})
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("keep %d: %v", keep, err)
		}
		n := min(keep, 5001)
		if got, want := problemTexts(ve), problemTexts(lv)[:n]; !reflect.DeepEqual(got, want) {
			t.Errorf("keep %d: kept %d problems, want the first %d of Load's", keep, len(got), n)
		}
		if ve.Count() != 5001 {
			t.Errorf("keep %d: Count %d, want 5001", keep, ve.Count())
		}
		if !reflect.DeepEqual(groupTexts(ve.Summary()), groupTexts(lv.Summary())) {
			t.Errorf("keep %d: summary %q, want %q", keep, groupTexts(ve.Summary()), groupTexts(lv.Summary()))
		}
		if keep < 5001 && !strings.HasSuffix(ve.Error(), fmt.Sprintf("… and %d more", 5001-keep)) {
			t.Errorf("keep %d: error ends %q", keep, ve.Error()[len(ve.Error())-40:])
		}
	}
}

// rowsFile is a ties.csv of n generated rows over 1,000 actors, made as it is read, and
// the live heap after a collection each time another quarter of it has been read.
type rowsFile struct {
	n, i    int
	buf     []byte
	heaps   []uint64
	measure bool // collect and record the live heap (TestValidateStreams)
}

func (f *rowsFile) Read(p []byte) (int, error) {
	for len(f.buf) < len(p) && f.i < f.n {
		if f.i == 0 {
			f.buf = append(f.buf, "source,target,weight,since,until,domains\n"...)
		}
		if f.measure && f.i%(f.n/4) == 0 && f.i > 0 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			f.heaps = append(f.heaps, m.HeapAlloc)
		}
		f.buf = fmt.Appendf(f.buf, "A%d,B%d,%d,19%02d,20%02d,SIGINT;CT\n", f.i%1000, (f.i*7)%1000, 1+f.i%9, f.i%100, f.i%30)
		f.i++
	}
	n := copy(p, f.buf)
	f.buf = f.buf[:copy(f.buf, f.buf[n:])]
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func (f *rowsFile) Stat() (fs.FileInfo, error) { return fstest.MapFS{"x": {}}.Stat("x") }
func (f *rowsFile) Close() error               { return nil }

type oneFile struct{ f *rowsFile }

func (o oneFile) Open(name string) (fs.File, error) {
	if name == TiesFile {
		return o.f, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// TestValidateStreams checks that Validate's memory does not grow with the rows: the live
// heap after a quarter and after three quarters of a 400,000-row ties.csv (1,000 actors)
// differ by less than 256 KiB (Load holds about 100 bytes a row: 30 MB here).
func TestValidateStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 400,000 rows")
	}
	start := time.Now()
	f := &rowsFile{n: 400_000, measure: true}
	c, err := ValidateFS(oneFile{f}, "gen", ValidateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Ties != 400_000 || c.Actors != 2000 {
		t.Fatalf("counts %+v", c)
	}
	if len(f.heaps) != 3 {
		t.Fatalf("heaps %v", f.heaps)
	}
	grow := int64(f.heaps[2]) - int64(f.heaps[0])
	t.Logf("live heap after 100k, 200k, 300k rows: %v bytes (%.1fs)", f.heaps, time.Since(start).Seconds())
	if grow > 256<<10 {
		t.Errorf("the live heap grew by %d bytes between 100,000 and 300,000 rows", grow)
	}
}

// BenchmarkValidate streams 200,000 generated tie rows (1,000 actors) through Validate,
// against Load of the same rows; it reports rows per second. Memory: -benchmem's B/op counts
// what is allocated, not what is held (see TestValidateStreams and scripts/bench_memory.py).
func BenchmarkValidate(b *testing.B) {
	const n = 200_000
	for _, name := range []string{"Validate", "Load"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f := &rowsFile{n: n}
				var err error
				if name == "Validate" {
					_, err = ValidateFS(oneFile{f}, "gen", ValidateOptions{})
				} else {
					_, err = LoadFS(oneFile{f}, "gen")
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// TestValidateSumsNearLimit checks the sums' check of Validate on the rows below 1e270 it
// does not keep: beside a row at the largest float64 they cannot tip the sum over (Load
// agrees), and a pair overflowing by its large rows is named by those rows only.
func TestValidateSumsNearLimit(t *testing.T) {
	const max = "1.7976931348623157e308"
	fsys := fsOf(map[string]string{"ties.csv": "source,target,weight\nA,B,1\nA,B," + max + "\nA,B,2\nC,D,5\n"})
	if _, err := LoadFS(fsys, "in"); err != nil {
		t.Fatalf("Load: %v", err)
	}
	if c, err := ValidateFS(fsys, "in", ValidateOptions{}); err != nil || c.Ties != 4 {
		t.Fatalf("Validate: %v, %+v", err, c)
	}
	fsys = fsOf(map[string]string{"ties.csv": "source,target,weight\nB,A,1\nA,B," + max + "\nA,B,1e300\nA,B,9e307\n"})
	_, err := ValidateFS(fsys, "in", ValidateOptions{})
	want := []string{`ties.csv:3: the weights and volumes of the pair "A"–"B" add up to more than 1.8e308 (rows ties.csv:3, ties.csv:4, ties.csv:5)`}
	if got := problems(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("Validate: %q, want %q", got, want)
	}
	_, err = LoadFS(fsys, "in")
	want = []string{`ties.csv:2: the weights and volumes of the pair "A"–"B" add up to more than 1.8e308 (rows ties.csv:2, ties.csv:3, ties.csv:4, ties.csv:5)`}
	if got := problems(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("Load: %q, want %q", got, want)
	}
}
