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
	scale [][]float64 // scale[k][i]: the multiplier of factor i's weight in draw k
	shift []float64   // shift[k]: the threshold's shift in draw k
}

func newDraws(o TypologyOptions, seed uint64) *mcDraws {
	rng := rand.New(rand.NewPCG(seed, 0x6d6f6e746563726c))
	nf := max(len(TieFactors), len(ClubFactors))
	m := &mcDraws{scale: make([][]float64, o.Draws), shift: make([]float64, o.Draws)}
	for k := range m.scale {
		m.scale[k] = make([]float64, nf)
		for i := range m.scale[k] {
			m.scale[k][i] = 1 + weightSpread*(2*rng.Float64()-1)
		}
		m.shift[k] = thresholdSpread * (2*rng.Float64() - 1)
	}
	return m
}

// p is the share of draws in which factors vals (NaN: absent) weighed by w give a relational
// call against the threshold threshold (shifted in each draw). boot, when not nil, is draw k's bootstrap of the exchange record: a class it decides
// ("" for none) and the reciprocity factor of the resample (at position recipAt of vals).
func (m *mcDraws) p(vals, w []float64, boot func(k int) (string, float64), recipAt int, threshold float64) float64 {
	if len(m.shift) == 0 {
		return math.NaN()
	}
	rel := 0
	for k, shift := range m.shift {
		thr := threshold + shift
		rv := math.NaN()
		if boot != nil {
			verdict, x := boot(k)
			if verdict != "" {
				if verdict == relational[true] {
					rel++
				}
				continue
			}
			rv = x
		}
		num, den := 0.0, 0.0
		for i, x := range vals {
			if i == recipAt && boot != nil {
				x = rv
			}
			if math.IsNaN(x) {
				continue
			}
			ww := w[i] * m.scale[k][i]
			num += ww * x
			den += ww
		}
		if den > 0 && num/den >= thr {
			rel++
		}
	}
	return float64(rel) / float64(len(m.shift))
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
