package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// plantedLabels is a result of n ties whose every factor is uniform noise, coded relational
// exactly when the duration factor exceeds 0.6: the one factor that carries the coding.
func plantedLabels(n int, seed uint64) (*Result, []Label) {
	rng := rand.New(rand.NewPCG(seed, 1))
	r := &Result{}
	var labels []Label
	for i := 0; i < n; i++ {
		t := TieResult{Source: fmt.Sprintf("A%03d", i), Target: fmt.Sprintf("B%03d", i), Factors: newFactors(TieFactors)}
		for _, f := range TieFactors {
			t.Factors.Set(f, rng.Float64())
		}
		d, _ := t.Factors.Get("duration")
		r.Ties = append(r.Ties, t)
		labels = append(labels, Label{Source: t.Source, Target: t.Target, Relational: d > 0.6, Line: i + 2})
	}
	return r, labels
}

// TestCalibrateFindsThePlantedFactor: with the coding carried by duration alone, the fit
// gives duration the largest weight, and the out-of-fold agreement and AUC beat the
// default equal weights by a wide margin.
func TestCalibrateFindsThePlantedFactor(t *testing.T) {
	r, labels := plantedLabels(120, 3)
	c, err := Calibrate(r, labels, CalibrateOptions{Folds: 5, Lambda: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	best := slices.MaxFunc(TieFactors, func(a, b string) int {
		return cmpFloat(c.Weights[a], c.Weights[b])
	})
	if best != "duration" {
		t.Errorf("largest weight %s (%v), want duration", best, c.Weights)
	}
	// Equal weights and threshold ½ on the same ties, for comparison.
	agree := 0
	w := weightVector(map[string]float64{}, TieFactors)
	for i := range w {
		w[i] = 1
	}
	for i, lb := range labels {
		if (score(r.Ties[i].Factors, w) >= 0.5) == lb.Relational {
			agree++
		}
	}
	equal := float64(agree) / float64(len(labels))
	t.Logf("out-of-fold agreement %.3f, AUC %.3f; equal weights in-sample %.3f; weights %v, threshold %.3f", c.CVAgreement, c.CVAUC, equal, c.Weights, c.Threshold)
	if c.CVAgreement < 0.85 || c.CVAUC < 0.9 || c.CVAgreement < equal+0.2 {
		t.Errorf("out-of-fold agreement %.3f, AUC %.3f (equal weights %.3f)", c.CVAgreement, c.CVAUC, equal)
	}
	if c.N != 120 || c.Folds != 5 || math.Abs(mean(c.Weights)-1) > 1e-9 {
		t.Errorf("n %d folds %d mean weight %v", c.N, c.Folds, mean(c.Weights))
	}
	// Deterministic.
	c2, _ := Calibrate(r, labels, CalibrateOptions{Folds: 5, Lambda: 0.1})
	if c2.CVAgreement != c.CVAgreement || c2.Threshold != c.Threshold {
		t.Error("calibration not deterministic")
	}
}

func TestCalibrateErrors(t *testing.T) {
	r, labels := plantedLabels(10, 1)
	if _, err := Calibrate(r, append(labels, Label{Source: "X", Target: "Y", Line: 40}), CalibrateOptions{}); err == nil || err.Error() != `line 40: no bilateral tie between "X" and "Y" in this period` {
		t.Errorf("unknown tie: %v", err)
	}
	if _, err := Calibrate(r, append(labels, labels[0]), CalibrateOptions{}); err == nil {
		t.Error("no error for a tie coded twice")
	}
	if _, err := Calibrate(r, labels[:1], CalibrateOptions{}); err == nil {
		t.Error("no error for one label")
	}
}

func TestAUC(t *testing.T) {
	if a := auc([]float64{0.1, 0.4, 0.35, 0.8}, []bool{false, false, true, true}); a != 0.75 {
		t.Errorf("auc %v, want 0.75 (sklearn's roc_auc_score example)", a)
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func mean(m map[string]float64) float64 {
	s := 0.0
	for _, v := range m {
		s += v
	}
	return s / float64(len(m))
}
