package analysis

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The bounds of the weighted mean hold every draw's mean, and are reached at a corner.
func TestMeanBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for trial := 0; trial < 2000; trial++ {
		n := 1 + rng.IntN(9)
		xs, ws := make([]float64, n), make([]float64, n)
		for i := range xs {
			xs[i], ws[i] = rng.Float64(), 0.1+rng.Float64()*3
		}
		lo, hi := meanBounds(xs, ws)
		for k := 0; k < 200; k++ {
			num, den := 0.0, 0.0
			for i := range xs {
				c := 1 + weightSpread*(2*rng.Float64()-1)
				if k%2 == 0 { // corners too
					c = 1 - weightSpread
					if rng.IntN(2) == 0 {
						c = 1 + weightSpread
					}
				}
				num += c * ws[i] * xs[i]
				den += c * ws[i]
			}
			if m := num / den; m < lo-1e-12 || m > hi+1e-12 {
				t.Fatalf("xs %v ws %v: mean %v outside [%v, %v]", xs, ws, m, lo, hi)
			}
		}
	}
}

// p with the bounds' shortcut equals p computed draw by draw.
func TestDrawsShortcutExact(t *testing.T) {
	o, _ := TypologyOptions{}.withDefaults()
	m := newDraws(o, 9)
	rng := rand.New(rand.NewPCG(6, 6))
	w := weightVector(o.TieWeights, TieFactors)
	for trial := 0; trial < 3000; trial++ {
		vals := make([]float64, len(TieFactors))
		for i := range vals {
			vals[i] = rng.Float64()
			if rng.IntN(4) == 0 {
				vals[i] = math.NaN()
			}
		}
		thr := 0.3 + 0.4*rng.Float64()
		got := m.p(vals, w, nil, -1, thr)
		rel := 0
		for k := 0; k < m.n; k++ {
			num, den := 0.0, 0.0
			for i, x := range vals {
				if !math.IsNaN(x) {
					num += w[i] * m.scale[k*m.nf+i] * x
					den += w[i] * m.scale[k*m.nf+i]
				}
			}
			if den > 0 && num/den >= thr+m.shift[k] {
				rel++
			}
		}
		if want := float64(rel) / float64(m.n); got != want {
			t.Fatalf("vals %v thr %v: p %v, draw by draw %v", vals, thr, got, want)
		}
	}
}
