package analysis

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// The Monte Carlo draws around the settings behind p_relational: in each draw every factor
// weight is multiplied by a factor drawn uniformly from [1 − weightSpread, 1 + weightSpread]
// and the threshold moved by a shift drawn uniformly from [−thresholdSpread,
// thresholdSpread]; a pair (club) with exchanges also draws a bootstrap resample of its
// record, which may decide the draw by its reciprocity or change its reciprocity factor.
// p_relational is the share of draws in which the call is relational. The draws of the
// settings are shared by all ties and clubs (seeded by the analysis seed), so p_relational
// reads "under how many plausible settings is this relational"; the bootstrap is per pair,
// seeded by the seed and the pair.
const (
	weightSpread    = 0.5
	thresholdSpread = 0.05
)

// mcDraws are the draws of the settings.
type mcDraws struct {
	n     int
	nf    int
	scale []float64 // scale[k*nf+i]: the multiplier of factor i's weight in draw k
	shift []float64 // shift[k]: the threshold's shift in draw k
}

func newDraws(o TypologyOptions, seed uint64) *mcDraws {
	rng := rand.New(rand.NewPCG(seed, 0x6d6f6e746563726c))
	nf := max(len(TieFactors), len(ClubFactors))
	m := &mcDraws{n: o.Draws, nf: nf, scale: make([]float64, o.Draws*nf), shift: make([]float64, o.Draws)}
	for k := 0; k < m.n; k++ {
		for i := 0; i < nf; i++ {
			m.scale[k*nf+i] = 1 + weightSpread*(2*rng.Float64()-1)
		}
		m.shift[k] = thresholdSpread * (2*rng.Float64() - 1)
	}
	return m
}

// p is the share of draws in which factors vals (NaN: absent) weighed by w give a relational
// call against threshold (shifted in each draw). boot, when not empty, are the bootstrap
// resamples of the exchange record: draw k uses boot[k mod len(boot)], which may decide the
// draw by its reciprocity or replace the reciprocity factor (at position recipAt of vals).
func (m *mcDraws) p(vals, w []float64, boot []resample, recipAt int, threshold float64) float64 {
	if m.n == 0 {
		return math.NaN()
	}
	// The factors with evidence, once; the reciprocity factor, if resampled, apart.
	var idx [16]int
	var xs, ws [16]float64
	nx := 0
	for i, x := range vals {
		if math.IsNaN(x) || (i == recipAt && len(boot) > 0) || w[i] == 0 {
			continue
		}
		idx[nx], xs[nx], ws[nx] = i, x, w[i]
		nx++
	}
	// Without a bootstrap the draws can only move the score between the bounds of the weighted
	// mean with each weight scaled within [1 − spread, 1 + spread]: when even those cannot cross
	// the shifted threshold, every draw agrees and none needs computing.
	if len(boot) == 0 {
		lo, hi := meanBounds(xs[:nx], ws[:nx])
		switch {
		case nx == 0:
			return 0
		case lo >= threshold+thresholdSpread:
			return 1
		case hi < threshold-thresholdSpread:
			return 0
		}
	}
	rel := 0
	for k := 0; k < m.n; k++ {
		thr := threshold + m.shift[k]
		sc := m.scale[k*m.nf : (k+1)*m.nf]
		num, den := 0.0, 0.0
		if len(boot) > 0 {
			b := boot[k%len(boot)]
			if b.verdict != "" {
				if b.verdict == relational[true] {
					rel++
				}
				continue
			}
			if recipAt >= 0 && !math.IsNaN(b.diffuse) && w[recipAt] > 0 {
				ww := w[recipAt] * sc[recipAt]
				num, den = ww*b.diffuse, ww
			}
		}
		for j := 0; j < nx; j++ {
			ww := ws[j] * sc[idx[j]]
			num += ww * xs[j]
			den += ww
		}
		if den > 0 && num/den >= thr {
			rel++
		}
	}
	return float64(rel) / float64(m.n)
}

// meanBounds are the least and greatest weighted mean of xs with each weight ws[i] scaled by a
// factor within [1 − weightSpread, 1 + weightSpread]. The greatest puts the high factor on
// the largest values and the low one on the rest, at some cut of the values sorted in
// descending order (the least likewise, ascending): every cut is tried.
func meanBounds(xs, ws []float64) (lo, hi float64) {
	n := len(xs)
	if n == 0 {
		return 0, 0
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(xs[b], xs[a]) })
	up, down := 1+weightSpread, 1-weightSpread
	best := func(desc bool) float64 {
		out := math.NaN()
		for cut := 0; cut <= n; cut++ {
			num, den := 0.0, 0.0
			for r, i := range order {
				c := down
				if (r < cut) == desc {
					c = up
				}
				num += c * ws[i] * xs[i]
				den += c * ws[i]
			}
			if den == 0 {
				continue
			}
			m := num / den
			if math.IsNaN(out) || (desc && m > out) || (!desc && m < out) {
				out = m
			}
		}
		return out
	}
	return best(false), best(true)
}

// Leverage ranks the factors with evidence by how much they move a score: for factor f,
// w_f·(x_f − s)/Σw, the change of the score s when f's weight grows by a factor e (to first
// order; d s / d ln w_f). Positive leverage pulls the score up. Largest magnitude first.
func Leverage(factors Factors, weights map[string]float64) []FactorShare {
	den, num := 0.0, 0.0
	factors.Each(func(k string, v float64) { den += weights[k]; num += weights[k] * v })
	if den == 0 {
		return nil
	}
	s := num / den
	var out []FactorShare
	factors.Each(func(k string, v float64) {
		out = append(out, FactorShare{Name: k, Value: v, Weight: weights[k], Contribution: weights[k] * (v - s) / den, Available: true})
	})
	slices.SortStableFunc(out, func(a, b FactorShare) int { return cmp.Compare(math.Abs(b.Contribution), math.Abs(a.Contribution)) })
	return out
}
