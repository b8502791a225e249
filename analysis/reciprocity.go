package analysis

import (
	"math"
	"sort"

	"github.com/liaison-net/liaison/graphmodel"
)

// ReciprocityOptions tune the reading of exchange streams.
type ReciprocityOptions struct {
	// Window is how many days after a transfer a transfer the other way counts as its answer
	// (default 30).
	Window int
	// VolumeRatio is how far an answer's volume may be from the transfer's, as a factor
	// (default 2: between half and twice).
	VolumeRatio float64
}

func (o ReciprocityOptions) withDefaults() ReciprocityOptions {
	if o.Window <= 0 {
		o.Window = 30
	}
	if o.VolumeRatio <= 1 {
		o.VolumeRatio = 2
	}
	return o
}

// Reciprocity describes the exchanges of one pair of actors.
//
//   - Balance is 1 − |V_ab − V_ba| / (V_ab + V_ba): 1 when the volumes each way are equal over
//     the whole record (the long run), 0 when everything flows one way.
//   - Answered is the share of transfers that are matched: a transfer and the first transfer
//     the other way within the window and of a similar volume form a pair (pairs disjoint,
//     earliest first), so a strict quid pro quo has Answered = 1.
//   - Chance is the share expected to be matched by chance: with c the fraction of the
//     pair's span of time from which the other side transfers (any volume) within the
//     window, 1 − (1 − c)² (the other side transferring just after or just before).
//   - Specificity is the excess of Answered over Chance, (Answered − Chance)/(1 − Chance),
//     floored at 0: 1 for quid pro quo (every transfer promptly repaid in kind), about 0 for
//     streams that are independent of each other.
//   - Regularity is (1 − B)/2 for the burstiness B = (σ − μ)/(σ + μ) of the gaps between
//     successive exchanges (Goh and Barabási 2008): 1 for a steady rhythm, ½ for random
//     (Poisson) timing, near 0 for a few bursts.
//   - Pattern is "specific" when Specificity ≥ ½, "diffuse" when not but Balance ≥ ½, and
//     "one-sided" otherwise.
//   - Diffuse is the reciprocity factor of the tie score: Balance × (1 − Specificity), high for
//     balanced, not one-for-one exchange.
type Reciprocity struct {
	Transfers   int     `json:"transfers"`
	VolumeAB    float64 `json:"volume_ab"` // from the lesser id to the greater
	VolumeBA    float64 `json:"volume_ba"`
	Balance     float64 `json:"balance"`
	Answered    float64 `json:"answered"`
	Chance      float64 `json:"chance"`
	Specificity float64 `json:"specificity"`
	MedianLag   float64 `json:"median_lag_days"` // of the matched answers; 0 when none
	Regularity  float64 `json:"regularity"`
	Pattern     string  `json:"pattern"`
	Diffuse     float64 `json:"diffuse"`
}

// transfer is one exchange as a day number and a direction.
type transfer struct {
	day    float64 // days since year 0 (a year-only date is placed on 1 July)
	fromA  bool    // from the lesser actor id
	volume float64
}

func dayOf(t graphmodel.Time) float64 {
	if !t.IsDate() {
		return float64(t.Year)*365.2425 + 181
	}
	// Days from 0000-03-01 (a proleptic Gregorian day count).
	y, m := int(t.Year), int(t.Month)
	if m <= 2 {
		y--
		m += 12
	}
	return float64(365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + int(t.Day) - 1)
}

// pairReciprocity reads the exchanges between two actors (a < b by id).
func pairReciprocity(ts []transfer, o ReciprocityOptions) Reciprocity {
	o = o.withDefaults()
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].day < ts[j].day })
	r := Reciprocity{Transfers: len(ts)}
	for _, t := range ts {
		if t.fromA {
			r.VolumeAB += t.volume
		} else {
			r.VolumeBA += t.volume
		}
	}
	if tot := r.VolumeAB + r.VolumeBA; tot > 0 {
		r.Balance = 1 - math.Abs(r.VolumeAB-r.VolumeBA)/tot
	}
	w := float64(o.Window)
	// Answers: each transfer, in time order, not yet matched, is matched with the earliest
	// unmatched transfer the other way within the window and of a similar volume. Pairs are
	// disjoint, so a strict quid pro quo has every transfer matched.
	matched := make([]bool, len(ts))
	pairs := 0
	var lags []float64
	for i, t := range ts {
		if matched[i] {
			continue
		}
		for j := i + 1; j < len(ts) && ts[j].day-t.day <= w; j++ {
			u := ts[j]
			if matched[j] || u.fromA == t.fromA || u.day <= t.day {
				continue
			}
			if ratio := u.volume / t.volume; ratio > o.VolumeRatio || ratio < 1/o.VolumeRatio {
				continue
			}
			matched[i], matched[j] = true, true
			pairs++
			lags = append(lags, u.day-t.day)
			break
		}
	}
	if len(ts) > 0 {
		r.Answered = float64(2*pairs) / float64(len(ts))
	}
	if len(lags) > 0 {
		sort.Float64s(lags)
		r.MedianLag = lags[len(lags)/2]
		if len(lags)%2 == 0 {
			r.MedianLag = (lags[len(lags)/2-1] + lags[len(lags)/2]) / 2
		}
	}
	// Chance: the share of the span covered by the windows before transfers the other way,
	// averaged over the transfers' directions.
	if len(ts) > 1 {
		start, end := ts[0].day, ts[len(ts)-1].day+w
		span := end - start
		cover := func(fromA bool) float64 {
			covered, last := 0.0, math.Inf(-1)
			for _, u := range ts {
				if u.fromA != fromA {
					continue
				}
				lo, hi := math.Max(u.day-w, math.Max(last, start)), u.day
				if hi > lo {
					covered += hi - lo
				}
				last = math.Max(last, hi)
			}
			return covered / span
		}
		// A transfer from A is matched by chance when B happens to transfer within the window
		// after it or before it: probability 1 − (1 − c)², c the coverage of B's windows.
		byA, byB := cover(true), cover(false)
		nA := 0
		for _, t := range ts {
			if t.fromA {
				nA++
			}
		}
		pA, pB := 1-(1-byB)*(1-byB), 1-(1-byA)*(1-byA)
		r.Chance = (float64(nA)*pA + float64(len(ts)-nA)*pB) / float64(len(ts))
	}
	if r.Chance < 1 {
		r.Specificity = math.Max(0, (r.Answered-r.Chance)/(1-r.Chance))
	}
	// Burstiness of the gaps between successive exchanges.
	if len(ts) >= 3 {
		var gaps []float64
		for i := 1; i < len(ts); i++ {
			gaps = append(gaps, ts[i].day-ts[i-1].day)
		}
		mu, sd := meanStd(gaps)
		if mu+sd > 0 {
			r.Regularity = (1 - (sd-mu)/(sd+mu)) / 2
		}
	}
	switch {
	case r.Specificity >= 0.5:
		r.Pattern = "specific"
	case r.Balance >= 0.5:
		r.Pattern = "diffuse"
	default:
		r.Pattern = "one-sided"
	}
	r.Diffuse = r.Balance * (1 - r.Specificity)
	return r
}

func meanStd(xs []float64) (float64, float64) {
	mu := 0.0
	for _, x := range xs {
		mu += x
	}
	mu /= float64(len(xs))
	v := 0.0
	for _, x := range xs {
		v += (x - mu) * (x - mu)
	}
	return mu, math.Sqrt(v / float64(len(xs)))
}

// exchangeReciprocity reads the exchanges rows (of one pair, in input order; see
// graphmodel.Layer.History) of data set d.
func exchangeReciprocity(d *graphmodel.Dataset, rows []int32, o ReciprocityOptions) Reciprocity {
	ts := make([]transfer, len(rows))
	for k, i := range rows {
		e := &d.Exchanges[i]
		ts[k] = transfer{day: dayOf(e.Date), fromA: e.From < e.To, volume: e.Volume}
	}
	return pairReciprocity(ts, o)
}
