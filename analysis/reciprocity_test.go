package analysis

import (
	"math"
	"math/rand/v2"
	"testing"
)

// plantedSpecific is quid pro quo: a few episodes over ten years; in each, one side sends and
// the other answers within days to weeks with a similar volume, several rounds.
func plantedSpecific(rng *rand.Rand) []transfer {
	var ts []transfer
	episodes := 2 + rng.IntN(8)
	for e := 0; e < episodes; e++ {
		day := rng.Float64() * 3650
		for round := 1 + rng.IntN(4); round > 0; round-- {
			fromA := rng.IntN(2) == 0
			v := math.Exp(rng.NormFloat64())
			ts = append(ts, transfer{day: day, fromA: fromA, volume: v})
			lag := 1 + rng.Float64()*25
			ts = append(ts, transfer{day: day + lag, fromA: !fromA, volume: v * (0.7 + 0.6*rng.Float64())})
			day += lag + 30 + rng.Float64()*60
		}
	}
	return ts
}

// plantedDiffuse is two independent streams, one each way, at similar long-run rates
// (2 to 40 a year) and volumes, over ten years: balanced in the long run, not answered.
func plantedDiffuse(rng *rand.Rand) []transfer {
	var ts []transfer
	rate := 2 + rng.Float64()*38
	for _, fromA := range []bool{true, false} {
		r := rate * (0.8 + 0.4*rng.Float64())
		for day := rng.ExpFloat64() * 365 / r; day < 3650; day += rng.ExpFloat64() * 365 / r {
			ts = append(ts, transfer{day: day, fromA: fromA, volume: math.Exp(rng.NormFloat64())})
		}
	}
	return ts
}

// TestReciprocityRecoversPlantedPatterns requires at least 95% of generated exchange streams
// with planted specific and diffuse reciprocity to be recognised as such.
func TestReciprocityRecoversPlantedPatterns(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 11))
	const trials = 500
	for _, c := range []struct {
		want string
		gen  func(*rand.Rand) []transfer
	}{{"specific", plantedSpecific}, {"diffuse", plantedDiffuse}} {
		hits := 0
		var spec float64
		for i := 0; i < trials; i++ {
			r := pairReciprocity(c.gen(rng), ReciprocityOptions{})
			if r.Pattern == c.want {
				hits++
			}
			spec += r.Specificity
		}
		rate := float64(hits) / trials
		t.Logf("%s: %.1f%% recovered, mean specificity %.3f", c.want, 100*rate, spec/trials)
		if rate < 0.95 {
			t.Errorf("%s: only %.1f%% recovered", c.want, 100*rate)
		}
	}
}

func TestReciprocityOneSidedAndLag(t *testing.T) {
	one := []transfer{{day: 0, fromA: true, volume: 1}, {day: 100, fromA: true, volume: 1}, {day: 200, fromA: true, volume: 2}}
	if r := pairReciprocity(one, ReciprocityOptions{}); r.Pattern != "one-sided" || r.Balance != 0 || r.Diffuse != 0 {
		t.Errorf("one-way stream: %+v", r)
	}
	qpq := []transfer{{day: 0, fromA: true, volume: 1}, {day: 10, fromA: false, volume: 1}, {day: 1000, fromA: false, volume: 3}, {day: 1004, fromA: true, volume: 2.5}}
	r := pairReciprocity(qpq, ReciprocityOptions{})
	if r.Answered != 1 || r.MedianLag != 7 || r.Pattern != "specific" || r.Balance != 1-0.5/7.5 {
		t.Errorf("quid pro quo: %+v", r)
	}
	// A larger window makes chance answers likelier.
	wide := pairReciprocity(qpq, ReciprocityOptions{Window: 2000})
	if !(wide.Chance > r.Chance) {
		t.Errorf("window 2000: chance %v, not above %v", wide.Chance, r.Chance)
	}
}
