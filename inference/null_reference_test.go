package inference

import (
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

// TestNullAgainstNetworkX: liaison's null (the rewiring of Significance) gives the same
// distribution of Freeman's betweenness centralisation as NetworkX's double_edge_swap, from
// testdata/null-reference (scripts/null_reference.py; 400 draws each). The observed values
// agree to 1e-9; the null means within 4.5 standard errors of their difference,
// 4.5·√(sd₁²/R₁ + sd₂²/R₂); the null standard deviations within 4.5·s̄/√(R − 1) (the standard
// error of a difference of two sample standard deviations of normal data). With
// LIAISON_EXTERNAL=1 the script is rerun first.
func TestNullAgainstNetworkX(t *testing.T) {
	if testing.Short() {
		t.Skip("800 analyses")
	}
	dir := "../testdata/null-reference"
	if testenv.On() {
		py := testenv.Python(t, "networkx")
		out := t.TempDir()
		cmd := exec.Command(py, "scripts/null_reference.py", "--out", out)
		cmd.Dir = ".."
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("scripts/null_reference.py: %v\n%s", err, b)
		}
		for _, f := range []string{"reference.csv", "planted/ties.csv", "random/ties.csv"} {
			a, _ := os.ReadFile(filepath.Join(out, f))
			b, _ := os.ReadFile(filepath.Join(dir, f))
			if string(a) != string(b) {
				t.Errorf("scripts/null_reference.py writes another %s: rerun it", f)
			}
		}
	}
	f, err := os.Open(filepath.Join(dir, "reference.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		num := func(i int) float64 {
			v, err := strconv.ParseFloat(r[i], 64)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		obs, mean, sd, draws := num(1), num(2), num(3), num(4)
		d, err := graphmodel.Load(filepath.Join(dir, r[0]))
		if err != nil {
			t.Fatal(err)
		}
		l, err := d.Layer(graphmodel.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		reps := int(draws)
		s, err := Significance(context.Background(), analyse(t, l), SignificanceOptions{Reps: reps, Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		bc := s.Centralization[1]
		if math.Abs(bc.Observed-obs) > 1e-9 {
			t.Errorf("%s: observed %v, NetworkX %v", r[0], bc.Observed, obs)
		}
		if bound := 4.5 * math.Sqrt(bc.NullSD*bc.NullSD/float64(reps)+sd*sd/draws); math.Abs(bc.NullMean-mean) > bound {
			t.Errorf("%s: null mean %.5f, NetworkX %.5f: more than %.5f apart", r[0], bc.NullMean, mean, bound)
		}
		if bound := 4.5 * (bc.NullSD + sd) / 2 / math.Sqrt(draws-1); math.Abs(bc.NullSD-sd) > bound {
			t.Errorf("%s: null sd %.5f, NetworkX %.5f: more than %.5f apart", r[0], bc.NullSD, sd, bound)
		}
		t.Logf("%s: observed %.4f; null mean %.4f ± %.4f (NetworkX %.4f ± %.4f)", r[0], bc.Observed, bc.NullMean, bc.NullSD, mean, sd)
	}
}
