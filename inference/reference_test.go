package inference

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// refFile is written by scripts/sna_qap.R from R's sna package.
const refFile = "../testdata/sna/qap.csv"

// readRefs reads the reference numbers: case → "quantity/term" → value.
func readRefs(t *testing.T, path string) map[string]map[string]float64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]float64{}
	for _, r := range rows[1:] {
		v, err := strconv.ParseFloat(r[3], 64)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if out[r[0]] == nil {
			out[r[0]] = map[string]float64{}
		}
		out[r[0]][r[1]+"/"+r[2]] = v
	}
	return out
}

func layerOf(t testing.TB, dir string, k graphmodel.LayerKind, at int) *graphmodel.Layer {
	t.Helper()
	d, err := graphmodel.Load(filepath.Join("..", dir))
	if err != nil {
		t.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.Layer, o.At = k, at
	l, err := d.Layer(o)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func as(t testing.TB, l *graphmodel.Layer, k graphmodel.LayerKind) *graphmodel.Layer {
	t.Helper()
	x, err := l.As(k)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func lmat(t testing.TB, name string, l *graphmodel.Layer, ids []string) Matrix {
	t.Helper()
	m, err := LayerMatrix(name, l, ids)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func tmat(t testing.TB, name string, l *graphmodel.Layer, col string, ids []string) Matrix {
	t.Helper()
	m, err := TieColumnMatrix(name, l, col, ids)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// goCases computes with this package what scripts/sna_qap.R computes with sna, case by case.
func goCases(t *testing.T, reps int) map[string]map[string]float64 {
	ctx := context.Background()
	o := Options{Reps: reps, Seed: 7}
	out := map[string]map[string]float64{}
	corr := func(name string, y, x Matrix) {
		c, err := Correlate(ctx, y, x, o)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = map[string]float64{"r/": c.R, "p_greater/": c.PGreater, "p_less/": c.PLess, "p_two_sided/": c.PAbs}
	}
	reg := func(name string, y Matrix, xs ...Matrix) {
		r, err := Regress(ctx, y, xs, o)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		m := map[string]float64{"r2/": r.R2, "adj_r2/": r.AdjR2}
		for _, c := range r.Coefficients {
			m["estimate/"+c.Name], m["std_error/"+c.Name], m["t/"+c.Name] = c.Estimate, c.StdErr, c.T
			m["p_greater/"+c.Name], m["p_less/"+c.Name], m["p_two_sided/"+c.Name] = c.PGreater, c.PLess, c.PAbs
		}
		out[name] = m
	}

	ex := layerOf(t, "testdata/example", graphmodel.Bilateral, 0)
	ids := ex.Actors()
	yb := lmat(t, "bilateral", ex, ids)
	xc := lmat(t, "clubs", as(t, ex, graphmodel.Clubs), ids)
	corr("example bilateral~clubs", yb, xc)
	reg("example bilateral~clubs+ties:sigint", yb, xc, tmat(t, "ties:sigint", ex, "sigint", ids))
	ex05 := layerOf(t, "testdata/example", graphmodel.Bilateral, 2005)
	reg("example 2005 bilateral~clubs", lmat(t, "bilateral", ex05, ex05.Actors()),
		lmat(t, "clubs", as(t, ex05, graphmodel.Clubs), ex05.Actors()))

	rn := layerOf(t, "testdata/qap-random", graphmodel.Bilateral, 0)
	ids = rn.Actors()
	yr := lmat(t, "bilateral", rn, ids)
	rc := lmat(t, "clubs", as(t, rn, graphmodel.Clubs), ids)
	def := tmat(t, "ties:defense", rn, "defense", ids)
	corr("random bilateral~clubs", yr, rc)
	corr("random bilateral~ties:defense", yr, def)
	reg("random bilateral~clubs+ties:defense+ties:humint", yr, rc, def, tmat(t, "ties:humint", rn, "humint", ids))
	l10 := layerOf(t, "testdata/qap-random", graphmodel.Bilateral, 2010)
	l00 := layerOf(t, "testdata/qap-random", graphmodel.Bilateral, 2000)
	ids = UnionActors(l10, l00)
	y10 := lmat(t, "bilateral@2010", l10, ids)
	b00 := lmat(t, "bilateral@2000", l00, ids)
	corr("random bilateral@2010~bilateral@2000", y10, b00)
	reg("random bilateral@2010~bilateral@2000+clubs@2000", y10, b00, lmat(t, "clubs@2000", as(t, l00, graphmodel.Clubs), ids))
	return out
}

// TestAgainstSNA compares the QAP correlations and MRQAP regressions with R's sna (gcor,
// qaptest, netlm with nullhyp "qapspp"), from testdata/sna/qap.csv, at the same number of
// permutations. Deterministic numbers (r, coefficients, standard errors, t, R²) agree to 1e-9
// (relative). A permutation p-value is a binomial proportion: the two estimates p̂₁, p̂₂ from R
// permutations each (independent streams) differ by at most
//
//	4.5 · √(2 p̄(1 − p̄)/R) + 2/R,   p̄ = (p̂₁ + p̂₂)/2
//
// (4.5 standard errors of the difference, and two permutations for the discreteness): under
// the hypothesis that both estimate the same p, one comparison fails with probability below
// 1e-5. With LIAISON_EXTERNAL=1 the script is rerun first and its output must be unchanged.
func TestAgainstSNA(t *testing.T) {
	if testenv.On() {
		testenv.Tool(t, "Rscript")
		out := filepath.Join(t.TempDir(), "qap.csv")
		cmd := exec.Command("Rscript", "scripts/sna_qap.R", out)
		cmd.Dir = ".."
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("scripts/sna_qap.R: %v\n%s", err, b)
		}
		fresh, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		old, err := os.ReadFile(refFile)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fresh, old) {
			t.Errorf("Rscript scripts/sna_qap.R writes something else than %s: rerun it and review the diff", refFile)
		}
	}
	refs := readRefs(t, refFile)
	reps := 0
	for _, m := range refs {
		reps = int(m["reps/"])
	}
	if reps <= 0 {
		t.Fatal("no reps in the reference")
	}
	got := goCases(t, reps)
	if len(got) != len(refs) {
		t.Errorf("%d cases here, %d in %s", len(got), len(refs), refFile)
	}
	checked := 0
	for name, want := range refs {
		g, ok := got[name]
		if !ok {
			t.Errorf("case %q of the reference is not computed here", name)
			continue
		}
		for key, w := range want {
			if key == "reps/" {
				continue
			}
			v, ok := g[key]
			if !ok {
				t.Errorf("%s: %s not computed", name, key)
				continue
			}
			checked++
			if isP(key) {
				pbar := (v + w) / 2
				bound := 4.5*math.Sqrt(2*pbar*(1-pbar)/float64(reps)) + 2/float64(reps)
				if math.Abs(v-w) > bound {
					t.Errorf("%s: %s = %.4f, sna %.4f: differ by more than %.4f", name, key, v, w, bound)
				}
				continue
			}
			if math.Abs(v-w) > 1e-9*math.Max(1, math.Abs(w)) {
				t.Errorf("%s: %s = %.12g, sna %.12g", name, key, v, w)
			}
		}
	}
	t.Logf("%d numbers of %d cases checked against sna at %d permutations", checked, len(refs), reps)
}

func isP(key string) bool {
	for _, p := range []string{"p_greater/", "p_less/", "p_two_sided/"} {
		if len(key) >= len(p) && key[:len(p)] == p {
			return true
		}
	}
	return false
}
