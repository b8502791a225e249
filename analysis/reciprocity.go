package analysis

import (
	"cmp"

	"math"
	"math/rand/v2"
	"slices"
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
	// MinEach is the number of transfers each way from which a pair's record is rich enough
	// for its reciprocity to decide the class (default 5).
	MinEach int
	// Alpha is the significance of the specificity test against the timing-shuffled null
	// (default 0.05).
	Alpha float64
	// NullDraws is the number of timing-shuffled draws of the null (default 99).
	NullDraws int
}

func (o ReciprocityOptions) withDefaults() ReciprocityOptions {
	if o.Window <= 0 {
		o.Window = 30
	}
	if o.VolumeRatio <= 1 {
		o.VolumeRatio = 2
	}
	if o.MinEach <= 0 {
		o.MinEach = 5
	}
	if !(o.Alpha > 0 && o.Alpha < 1) {
		o.Alpha = 0.05
	}
	if o.NullDraws <= 0 {
		o.NullDraws = 99
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
	TransfersAB int     `json:"transfers_ab"` // from the lesser id to the greater
	TransfersBA int     `json:"transfers_ba"`
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
	// Asymmetry is (V_ab − V_ba)/(V_ab + V_ba): +1 when everything flows from the lesser id to
	// the greater, −1 the other way, 0 when balanced; its sign says which side depends on the
	// other for intelligence (the net receiver), its size how much (Walsh's hierarchy).
	Asymmetry float64 `json:"asymmetry"`
	// Rich is true when each side made at least MinEach transfers: then the test below is run
	// and the reciprocity decides the class (see Verdict).
	Rich bool `json:"rich"`
	// NullAnswered is the mean share answered over NullDraws timing-shuffled draws (one side's
	// stream shifted by a random offset, circularly within the pair's span, which keeps each
	// side's rhythm and breaks their timing relative to each other), and PSpecific the
	// one-sided permutation p-value of the observed Answered against them,
	// (1 + #{null ≥ observed}) / (1 + draws). Both only for a rich record.
	NullAnswered float64 `json:"null_answered,omitempty"`
	PSpecific    float64 `json:"p_specific,omitempty"`
	// Verdict is the class the record decides: "transactional" for significant specific
	// reciprocity, "relational" for a rich, balanced record that is not specific (diffuse),
	// "" when the record does not decide (thin, or one-sided).
	Verdict string `json:"verdict,omitempty"`

	nullCut float64 // the (1 − Alpha) quantile of the null: the bootstrap's critical value
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
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].day < ts[j].day })
	return readStream(ts, o.withDefaults(), false)
}

// readStream reads a record sorted by day. lean leaves out what a bootstrap draw does not
// need: the lags, the regularity and the pattern.
func readStream(ts []transfer, o ReciprocityOptions, lean bool) Reciprocity {
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
		r.Asymmetry = (r.VolumeAB - r.VolumeBA) / tot
	}
	for _, t := range ts {
		if t.fromA {
			r.TransfersAB++
		} else {
			r.TransfersBA++
		}
	}
	w := float64(o.Window)
	pairs, lags := match(ts, o, !lean)
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
	if lean {
		r.Diffuse = r.Balance * (1 - r.Specificity)
		return r
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

// match pairs transfers with their answers: each transfer, in time order (ts sorted by day),
// not yet matched, is matched with the earliest unmatched transfer the other way within the
// window and of a similar volume. Pairs are disjoint, so a strict quid pro quo has every
// transfer matched. It returns the number of pairs and, when lagsToo, their lags.
func match(ts []transfer, o ReciprocityOptions, lagsToo bool) (pairs int, lags []float64) {
	w := float64(o.Window)
	matched := make([]bool, len(ts))
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
			if lagsToo {
				lags = append(lags, u.day-t.day)
			}
			break
		}
	}
	return pairs, lags
}

// decide runs, for a rich record, the specificity test against the timing-shuffled null and
// sets Pattern and Verdict from it (see Reciprocity). ts is the record sorted by day; rng
// draws the shifts.
func (r *Reciprocity) decide(ts []transfer, o ReciprocityOptions, rng *rand.Rand) {
	r.Rich = min(r.TransfersAB, r.TransfersBA) >= o.MinEach
	if !r.Rich {
		return
	}
	sh := newShifter(ts)
	null := make([]float64, 0, o.NullDraws)
	above := 0
	for k := 0; k < o.NullDraws; k++ {
		x := sh.answered(o, rng)
		null = append(null, x)
		r.NullAnswered += x
		if x >= r.Answered {
			above++
		}
	}
	r.NullAnswered /= float64(len(null))
	r.PSpecific = float64(1+above) / float64(1+len(null))
	// The bootstrap's critical value: the null's empirical (1 − Alpha) quantile.
	sort.Float64s(null)
	r.nullCut = null[min(len(null)-1, int(math.Ceil((1-o.Alpha)*float64(len(null))))-1)]
	r.setVerdict(o, "diffuse")
}

// setVerdict decides a rich record from its test: significantly specific, transactional;
// else balanced, relational (pattern balanced: "diffuse" for a pair, "generalised" for a
// club); else one-sided, no verdict.
func (r *Reciprocity) setVerdict(o ReciprocityOptions, balanced string) {
	switch {
	case r.PSpecific < o.Alpha:
		r.Pattern, r.Verdict = "specific", relational[false]
	case r.Balance >= 0.5:
		r.Pattern, r.Verdict = balanced, relational[true]
	default:
		r.Pattern = "one-sided"
	}
}

// shifter draws the timing-shuffled null of one record (sorted by day): the transfers of the
// greater id shifted by a random offset, circularly within the record's span.
type shifter struct {
	fixed, moving []transfer // from the lesser id (kept), from the greater (shifted)
	start, span   float64
	buf           []transfer
}

func newShifter(ts []transfer) *shifter {
	s := &shifter{start: ts[0].day, span: ts[len(ts)-1].day - ts[0].day + 1, buf: make([]transfer, 0, len(ts))}
	for _, t := range ts {
		if t.fromA {
			s.fixed = append(s.fixed, t)
		} else {
			s.moving = append(s.moving, t)
		}
	}
	return s
}

// answered is the answered share of one draw. The shifted side stays sorted but for one wrap
// (its transfers past the end come back, in order, at the start), so the shifted record is a
// merge of the fixed side with two sorted runs: O(n), no sort, no allocation.
func (s *shifter) answered(o ReciprocityOptions, rng *rand.Rand) float64 {
	off := rng.Float64() * s.span
	// moving[w:] wrap: t − start + off ≥ span.
	w := sort.Search(len(s.moving), func(i int) bool { return s.moving[i].day-s.start+off >= s.span })
	at := func(j int) transfer { // the j-th shifted transfer, in time order
		var t transfer
		if j < len(s.moving)-w {
			t = s.moving[w+j]
			t.day += off - s.span
		} else {
			t = s.moving[j-(len(s.moving)-w)]
			t.day += off
		}
		return t
	}
	buf := s.buf[:0]
	i, j := 0, 0
	for i < len(s.fixed) || j < len(s.moving) {
		// A fixed transfer first on equal days.
		if j == len(s.moving) {
			buf = append(buf, s.fixed[i])
			i++
			continue
		}
		m := at(j)
		if i < len(s.fixed) && s.fixed[i].day <= m.day {
			buf = append(buf, s.fixed[i])
			i++
		} else {
			buf = append(buf, m)
			j++
		}
	}
	s.buf = buf
	pairs, _ := match(buf, o, false)
	return float64(2*pairs) / float64(len(buf))
}

// clubReciprocity reads the generalised reciprocity of a club from its active members'
// exchanges with each other up to the period (nil when they have none). Balance is taken
// around the club, not pair by pair: 1 − Σ_i |out_i − in_i| / Σ_i (out_i + in_i) over the
// members, so a ring A→B→C→A is balanced although no pair is. Answered, Chance and
// Specificity pool the member pairs (weighted by their transfers), and the null shifts each
// pair's stream as for a tie. The record is rich when at least three members exchange and
// the pool holds at least 2·MinEach transfers; then the verdict follows the tie's rules
// (significantly specific: transactional; else balanced: relational, pattern "generalised").
func clubReciprocity(l *graphmodel.Layer, lc graphmodel.LayerClub, o ReciprocityOptions, rng *rand.Rand) *Reciprocity {
	d := l.Data
	var streams [][]transfer
	flow := map[string][2]float64{} // member id → out, in
	for i, u := range lc.Members {
		for _, v := range lc.Members[i+1:] {
			p, ok := l.PairOf(u, v)
			if !ok || len(l.History(p)) == 0 {
				continue
			}
			for _, row := range l.History(p) {
				e := &d.Exchanges[row]
				f, t := flow[e.From], flow[e.To]
				f[0] += e.Volume
				t[1] += e.Volume
				flow[e.From], flow[e.To] = f, t
			}
			streams = append(streams, transfers(d, l.History(p)))
		}
	}
	if len(streams) == 0 {
		return nil
	}
	r := &Reciprocity{}
	gap, tot := 0.0, 0.0
	// Sum in member-id order: a map's order changes from run to run, and so would the
	// last bits of the sums (and the JSON).
	ids := make([]string, 0, len(flow))
	for id := range flow {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		f := flow[id]
		gap += math.Abs(f[0] - f[1])
		tot += f[0] + f[1]
	}
	if tot > 0 {
		r.Balance = 1 - gap/tot
	}
	for _, ts := range streams {
		pr := pairReciprocity(ts, o)
		n := float64(len(ts))
		r.Transfers += len(ts)
		r.Answered += pr.Answered * n
		r.Chance += pr.Chance * n
		r.VolumeAB += pr.VolumeAB
		r.VolumeBA += pr.VolumeBA
	}
	n := float64(r.Transfers)
	r.Answered /= n
	r.Chance /= n
	if r.Chance < 1 {
		r.Specificity = math.Max(0, (r.Answered-r.Chance)/(1-r.Chance))
	}
	r.Diffuse = r.Balance * (1 - r.Specificity)
	r.Pattern = "generalised"
	if r.Specificity >= 0.5 {
		r.Pattern = "specific"
	} else if r.Balance < 0.5 {
		r.Pattern = "one-sided"
	}
	r.Rich = len(flow) >= 3 && r.Transfers >= 2*o.MinEach
	if !r.Rich {
		return r
	}
	above := 0
	shifters := make([]*shifter, len(streams))
	for i, ts := range streams {
		shifters[i] = newShifter(ts)
	}
	for range o.NullDraws {
		pooled := 0.0
		for i, ts := range streams {
			if len(ts) > 1 {
				pooled += shifters[i].answered(o, rng) * float64(len(ts))
			}
		}
		pooled /= n
		r.NullAnswered += pooled
		if pooled >= r.Answered {
			above++
		}
	}
	r.NullAnswered /= float64(o.NullDraws)
	r.PSpecific = float64(1+above) / float64(1+o.NullDraws)
	r.setVerdict(o, "generalised")
	return r
}

// relational names the class: relational[true] is "relational".
var relational = map[bool]string{true: "relational", false: "transactional"}

// Resamples is the number of block-bootstrap resamples of a pair's exchange record behind
// p_relational; the Monte Carlo draws of the settings cycle through them (draw k uses resample
// k mod Resamples).
const Resamples = 25

// resample is what one bootstrap resample of a record decides: the class its reciprocity
// decides ("" when it does not) and its reciprocity factor.
type resample struct {
	verdict string
	diffuse float64
}

// resamples draws Resamples block-bootstrap resamples of the record ts (sorted by day).
// Single transfers cannot be resampled on their own without breaking every answer from its
// transfer, so the record's span is cut into blocks of max(4 × window, span / 20) days and as
// many blocks are drawn with replacement and laid end to end (a moving-block bootstrap of a
// point process). A resample's specificity test compares its answered share with the null's
// critical value of the original record (nullCut), so that it costs one matching, not a null.
func (r *Reciprocity) resamples(ts []transfer, o ReciprocityOptions, rng *rand.Rand) []resample {
	start, span := ts[0].day, ts[len(ts)-1].day-ts[0].day+1
	size := math.Max(4*float64(o.Window), span/20)
	nb := int(math.Ceil(span / size))
	// first[b]: the first transfer of block b (first[nb] = len(ts)).
	first := make([]int, nb+1)
	for b, i := 0, 0; b <= nb; b++ {
		for i < len(ts) && ts[i].day < start+float64(b)*size {
			i++
		}
		first[b] = i
	}
	first[nb] = len(ts)
	out := make([]resample, Resamples)
	buf := make([]transfer, 0, len(ts)*2)
	for k := range out {
		buf = buf[:0]
		for slot := 0; slot < nb; slot++ {
			b := rng.IntN(nb)
			shift := float64(slot-b) * size
			for _, t := range ts[first[b]:first[b+1]] {
				t.day += shift
				buf = append(buf, t)
			}
		}
		if len(buf) == 0 {
			out[k].diffuse = math.NaN() // only empty blocks drawn: no evidence in this resample
			continue
		}
		x := readStream(buf, o, true) // the blocks are laid in order: buf is sorted
		out[k].diffuse = x.Diffuse
		if r.Rich && min(x.TransfersAB, x.TransfersBA) >= o.MinEach {
			switch {
			case x.Answered > r.nullCut:
				out[k].verdict = relational[false]
			case x.Balance >= 0.5:
				out[k].verdict = relational[true]
			}
		}
	}
	return out
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

// transfers reads the exchange rows (of one pair, in input order; see
// graphmodel.Layer.History) of data set d, sorted by day.
func transfers(d *graphmodel.Dataset, rows []int32) []transfer {
	ts := make([]transfer, len(rows))
	for k, i := range rows {
		e := &d.Exchanges[i]
		ts[k] = transfer{day: dayOf(e.Date), fromA: e.From < e.To, volume: e.Volume}
	}
	slices.SortStableFunc(ts, func(a, b transfer) int { return cmp.Compare(a.day, b.day) })
	return ts
}
