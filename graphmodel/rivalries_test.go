package graphmodel

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

// TestRivalriesErrors checks that rivalries.csv is validated like ties.csv: every problem,
// each as FILE:LINE, in one run.
func TestRivalriesErrors(t *testing.T) {
	files := map[string]string{
		"actors.csv": actorsOK,
		"ties.csv":   "source,target\nUSA,GBR\n",
		"rivalries.csv": "source,target,weight,since,until\n" +
			"USA,XXX,1,,\n" + // line 2: unknown actor
			"PAK,PAK,1,,\n" + // line 3: self-rivalry
			"USA,PAK,abc,,\n" + // line 4: weight not a number
			"USA,PAK,0,,\n" + // line 5: weight 0
			"USA,PAK,1,1990,1980\n" + // line 6: until before since
			"USA,PAK,1,19x0,\n" + // line 7: bad date
			"USA,PAK\n", // line 8: wrong field count
	}
	_, err := LoadFS(fsOf(files), "x")
	got := problems(t, err)
	want := []string{
		`rivalries.csv:2: unknown actor "XXX" in target (not in actors.csv)`,
		`rivalries.csv:3: self-rivalry: source and target are both "PAK"`,
		`rivalries.csv:4: weight "abc" is not a number`,
		`rivalries.csv:5: weight 0 must be greater than 0`,
		`rivalries.csv:6: until 1980 is before since 1990`,
	}
	if len(got) != 7 || !reflect.DeepEqual(got[:5], want) {
		t.Fatalf("problems:\n%q\nwant the first five\n%q\nand two more (lines 7 and 8)", got, want)
	}
	var ve *ValidationError
	errors.As(err, &ve)
	for i, p := range ve.Problems {
		if p.File != RivalriesFile || p.Line != i+2 {
			t.Errorf("problem %d at %s:%d, want %s:%d", i, p.File, p.Line, RivalriesFile, i+2)
		}
	}
	if !errors.Is(ve.Problems[0], ErrUnknownRef) || !errors.Is(ve.Problems[1], ErrSelfTie) || !errors.Is(ve.Problems[2], ErrBadWeight) {
		t.Errorf("problem kinds: %v", ve.Problems[:3])
	}

	_, err = LoadFS(fsOf(map[string]string{"rivalries.csv": "source,weight\nUSA,1\n"}), "x")
	if got := problems(t, err); !slices.Equal(got, []string{`rivalries.csv:1: missing required column "target"`}) {
		t.Errorf("missing column: %q", got)
	}
}

// TestRivalriesNeverPositive checks that rivalries are negative ties only: the layers of a
// data set are the same with and without rivalries.csv (with actors.csv listing every actor),
// and Negative and ActiveRivalries follow the time rule and the layer's nodes.
func TestRivalriesNeverPositive(t *testing.T) {
	base := map[string]string{
		"actors.csv": "id\nA\nB\nC\nD\n",
		"ties.csv":   "source,target,weight,since,until\nA,B,2,1900,1910\nB,C,1,1900,\n",
	}
	with := map[string]string{
		"rivalries.csv": "source,target,weight,since,until,kind\n" +
			"A,C,1,1905,1906,spatial\n" + // active 1905–1906
			"C,A,2.5,1950,,positional\n" + // the same pair again: weights add up
			"A,B,1,,,\n" + // a pair that is also allied
			"C,D,1,,,\n", // D has no tie: not a node with --at
	}
	for k, v := range base {
		with[k] = v
	}
	d0, err := LoadFS(fsOf(base), "x")
	if err != nil {
		t.Fatal(err)
	}
	d1, err := LoadFS(fsOf(with), "x")
	if err != nil {
		t.Fatal(err)
	}
	if len(d1.Rivalries) != 4 || d1.Rivalries[1].Weight != 2.5 || d1.Columns.Rivalries[0].Name != "kind" || d1.Rivalries[0].Extra[0] != "spatial" {
		t.Fatalf("rivalries %+v, columns %+v", d1.Rivalries, d1.Columns.Rivalries)
	}
	for _, at := range []int{0, 1905, 1950} {
		for _, kind := range []LayerKind{Bilateral, Clubs, Combined} {
			o := DefaultOptions()
			o.At, o.Layer = at, kind
			l0, err0 := d0.Layer(o)
			l1, err1 := d1.Layer(o)
			if err0 != nil || err1 != nil {
				t.Fatal(err0, err1)
			}
			if !reflect.DeepEqual(l0.Actors(), l1.Actors()) || !reflect.DeepEqual(l0.Pairs(), l1.Pairs()) {
				t.Errorf("at %d %s: rivalries changed the layer", at, kind)
			}
		}
	}
	pairs := func(ps []RivalPair) [][3]any {
		var out [][3]any
		for _, p := range ps {
			out = append(out, [3]any{d1.Actors[p.A].ID, d1.Actors[p.B].ID, p.Weight})
		}
		return out
	}
	if got, want := pairs(d1.ActiveRivalries(0)), [][3]any{{"A", "B", 1.0}, {"A", "C", 3.5}, {"C", "D", 1.0}}; !reflect.DeepEqual(got, want) {
		t.Errorf("all time: %v, want %v", got, want)
	}
	if got, want := pairs(d1.ActiveRivalries(1905)), [][3]any{{"A", "B", 1.0}, {"A", "C", 1.0}, {"C", "D", 1.0}}; !reflect.DeepEqual(got, want) {
		t.Errorf("1905: %v, want %v", got, want)
	}
	o := DefaultOptions()
	o.At = 1905
	l, err := d1.Layer(o)
	if err != nil {
		t.Fatal(err)
	}
	neg := l.Negative()
	if len(neg) != 2 || l.Actor(int64(neg[1].U)) != "A" || l.Actor(int64(neg[1].V)) != "C" {
		t.Errorf("1905 negative ties %+v: want A–B and A–C (D is not a node)", neg)
	}
	w, err := d1.Without("C")
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Rivalries) != 1 {
		t.Errorf("Without(C) kept %d rivalry rows, want 1 (A–B)", len(w.Rivalries))
	}
}

// FuzzLoadRivalries feeds arbitrary actors.csv and rivalries.csv (beside a fixed ties.csv):
// no panic, either a data set whose rivalries are valid or problems that each name a file
// and a line; and the active rivalries and negative ties of any period are well formed.
func FuzzLoadRivalries(f *testing.F) {
	f.Add([]byte("id\nA\nB\nC\n"), []byte("source,target,weight,since,until\nA,B,2,1990,\nC,A,1,,1995\n"))
	f.Add([]byte(""), []byte("source,target\nA,A\nA,\"B\n"))
	f.Add([]byte("id\nA\n"), []byte("SOURCE,Target,weight\nA,X,NaN\nA,B,-1\n"))
	f.Fuzz(func(t *testing.T, actors, rivalries []byte) {
		files := map[string]string{"ties.csv": "source,target,since\nA,B,1990\nB,C,\n", "rivalries.csv": string(rivalries)}
		if len(actors) > 0 {
			files["actors.csv"] = string(actors)
		}
		d, err := LoadFS(fsOf(files), "fuzz")
		if (d == nil) == (err == nil) {
			t.Fatalf("data set %v with error %v", d != nil, err)
		}
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error is not a non-empty *ValidationError: %v", err)
			}
			for _, p := range ve.Problems {
				if p.Line < 1 || p.File == "" || p.Err == nil {
					t.Fatalf("problem without file or line: %#v", p)
				}
			}
			return
		}
		for _, r := range d.Rivalries {
			_, okA := d.ActorIndex(r.Source)
			_, okB := d.ActorIndex(r.Target)
			if !okA || !okB || r.Source == r.Target || !(r.Weight > 0) || !r.Period.valid() {
				t.Fatalf("bad rivalry %+v", r)
			}
		}
		for _, at := range []int{0, 1990} {
			o := DefaultOptions()
			o.At = at
			l, err := d.Layer(o)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range l.Negative() {
				if p.U >= p.V || int(p.V) >= l.Len() || !(p.Weight > 0) || len(p.Rows) == 0 {
					t.Fatalf("bad negative tie %+v", p)
				}
			}
		}
	})
}
