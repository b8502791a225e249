package inference

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
)

// benchRelations are 200 actors: y a sparse 0/1 relation (density 0.05, like a bilateral
// layer), and three dense xs (a count, a continuous value, a 0/1 indicator).
func benchRelations() (Matrix, []Matrix) {
	rng := rand.New(rand.NewPCG(1, 1))
	n := 200
	y := randomMatrix("y", n, rng, func() float64 {
		if rng.Float64() < 0.05 {
			return 1
		}
		return 0
	})
	x1 := randomMatrix("x1", n, rng, func() float64 { return float64(rng.IntN(4)) })
	x2 := randomMatrix("x2", n, rng, rng.NormFloat64)
	x3 := randomMatrix("x3", n, rng, func() float64 { return float64(rng.IntN(2)) })
	return y, []Matrix{x1, x2, x3}
}

// BenchmarkQAP: 1,000 permutations on 200 actors (19,900 pairs), on one worker and on every
// CPU: the QAP correlation, and the MRQAP regression on three xs (four terms, so 4,000
// permutation fits).
func BenchmarkQAP(b *testing.B) {
	y, xs := benchRelations()
	ctx := context.Background()
	for _, w := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("correlation/workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				if _, err := Correlate(ctx, y, xs[0], Options{Reps: 1000, Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("mrqap-3x/workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				if _, err := Regress(ctx, y, xs, Options{Reps: 1000, Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
