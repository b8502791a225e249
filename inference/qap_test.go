package inference

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// randomMatrix is a symmetric relation over n actors with values drawn by f.
func randomMatrix(name string, n int, rng *rand.Rand, f func() float64) Matrix {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = string(rune('A'+i/26)) + string(rune('a'+i%26))
	}
	m := newMatrix(name, ids)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			m.set(i, j, f())
		}
	}
	return m
}

// TestDSPIdentity: the fast statistic of a permutation (block inverse, one pass) at the
// identity permutation is the t-value of the ordinary fit, for every term.
func TestDSPIdentity(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 25
	y := randomMatrix("y", n, rng, rng.NormFloat64)
	x1 := randomMatrix("x1", n, rng, func() float64 { return float64(rng.IntN(3)) })
	x2 := randomMatrix("x2", n, rng, rng.ExpFloat64)
	cols := [][]float64{make([]float64, n*(n-1)/2), x1.Pairs(), x2.Pairs()}
	for i := range cols[0] {
		cols[0][i] = 1
	}
	fit, err := ols(cols, y.Pairs())
	if err != nil {
		t.Fatal(err)
	}
	id := make([]int, n)
	for i := range id {
		id[i] = i
	}
	for k := range cols {
		stat, err := dspStat(n, cols, y.Pairs(), k)
		if err != nil {
			t.Fatal(err)
		}
		want := fit.beta[k] / fit.se[k]
		if got := stat(id); math.Abs(got-want) > 1e-9*math.Abs(want) {
			t.Errorf("term %d: t at the identity %v, the fit's %v", k, got, want)
		}
	}
}

// TestSeedAndWorkers: the same seed gives the same p-values with 1 or 4 workers; another seed
// gives other draws.
func TestSeedAndWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	y := randomMatrix("y", 30, rng, rng.NormFloat64)
	x := randomMatrix("x", 30, rng, rng.NormFloat64)
	ctx := context.Background()
	a, err := Regress(ctx, y, []Matrix{x}, Options{Reps: 300, Seed: 9, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Regress(ctx, y, []Matrix{x}, Options{Reps: 300, Seed: 9, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	for k := range a.Coefficients {
		if a.Coefficients[k] != b.Coefficients[k] {
			t.Errorf("term %d: %+v with 1 worker, %+v with 4", k, a.Coefficients[k], b.Coefficients[k])
		}
	}
	c, _ := Regress(ctx, y, []Matrix{x}, Options{Reps: 300, Seed: 10, Workers: 4})
	if c.Coefficients[1].NullMean == a.Coefficients[1].NullMean {
		t.Errorf("seeds 9 and 10 drew the same null")
	}
}

// TestDegenerate: a constant relation or a collinear term is an ErrDegenerate, not NaN.
func TestDegenerate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	y := randomMatrix("y", 10, rng, rng.NormFloat64)
	flat := randomMatrix("flat", 10, rng, func() float64 { return 2 })
	ctx := context.Background()
	if _, err := Correlate(ctx, y, flat, Options{Reps: 10}); !errors.Is(err, ErrDegenerate) {
		t.Errorf("constant x: %v", err)
	}
	x := randomMatrix("x", 10, rng, rng.NormFloat64)
	twice := x
	twice.Name, twice.V = "2x", make([]float64, len(x.V))
	for i, v := range x.V {
		twice.V[i] = 2 * v
	}
	if _, err := Regress(ctx, y, []Matrix{x, twice}, Options{Reps: 10}); !errors.Is(err, ErrDegenerate) {
		t.Errorf("collinear xs: %v", err)
	}
	if _, err := Regress(ctx, x, []Matrix{twice}, Options{Reps: 10}); !errors.Is(err, ErrDegenerate) {
		t.Errorf("a perfect fit: %v", err)
	}
}

// TestNullCalibrated: for independent random relations, the two-sided QAP p-value of the
// correlation is uniform: over 200 pairs of relations, the share with p ≤ 0.1 is within
// 4.5 binomial standard errors of 0.1 (a permutation test that is too liberal or too
// conservative fails).
func TestNullCalibrated(t *testing.T) {
	if testing.Short() {
		t.Skip("200 tests")
	}
	rng := rand.New(rand.NewPCG(11, 12))
	hits, trials := 0, 200
	for i := 0; i < trials; i++ {
		y := randomMatrix("y", 15, rng, func() float64 { return float64(rng.IntN(2)) })
		x := randomMatrix("x", 15, rng, rng.NormFloat64)
		c, err := Correlate(context.Background(), y, x, Options{Reps: 199, Seed: uint64(i + 1)})
		if err != nil {
			t.Fatal(err)
		}
		if c.PAbs <= 0.1 {
			hits++
		}
	}
	share := float64(hits) / float64(trials)
	if se := math.Sqrt(0.1 * 0.9 / float64(trials)); math.Abs(share-0.1) > 4.5*se {
		t.Errorf("%d of %d p-values ≤ 0.1 under the null", hits, trials)
	}
}
