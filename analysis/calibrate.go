package analysis

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/optimize"
)

// Label is an expert's coding of one tie.
type Label struct {
	Source, Target string
	Relational     bool
	Line           int // the line in the labels file, for messages
}

// CalibrateOptions tune Calibrate.
type CalibrateOptions struct {
	// Folds is the number of cross-validation folds (default 5; the number of labels or more
	// gives leave-one-out).
	Folds int
	// Lambda is the ridge penalty on the log-weights, pulling every weight towards 1
	// (default 1).
	Lambda float64
	// Seed shuffles the labels into folds (default 1).
	Seed uint64
}

// Calibration is the result of Calibrate, as `liaison calibrate` prints it (contract §4).
type Calibration struct {
	Weights     map[string]float64 `json:"weights"`
	Threshold   float64            `json:"threshold"`
	CVAgreement float64            `json:"cv_agreement"`
	CVAUC       float64            `json:"cv_auc"`
	Folds       int                `json:"folds"`
	N           int                `json:"n"`
}

// Calibrate fits the tie factors' weights and the threshold to coded ties of an analysis
// (r.Ties, with their factors): a regularised logistic model
//
//	P(relational) = σ(k · (s_w(f) − t)),  s_w = Σ_i w_i f_i / Σ_i w_i over the factors with evidence,
//
// with w_i = exp(θ_i) > 0, k = exp(κ), minimising the negative log-likelihood plus
// Lambda · Σ θ_i² (BFGS on finite-difference gradients, gonum's optimize). Ties that the
// reciprocity decides keep their verdict; the fit uses every coded tie's factors. The
// weights are normalised to mean 1. CVAgreement and CVAUC are out of fold: each fold is
// predicted by a model fitted on the others (the full rule: a reciprocity verdict where there
// is one, else s_w ≥ t), so the numbers say how well the fitted rule carries to ties it
// has not seen.
func Calibrate(r *Result, labels []Label, o CalibrateOptions) (*Calibration, error) {
	if o.Folds <= 0 {
		o.Folds = 5
	}
	if o.Lambda <= 0 {
		o.Lambda = 1
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	type coded struct {
		tie *TieResult
		y   float64
	}
	var cs []coded
	seen := map[[2]string]int{}
	for _, lb := range labels {
		t, ok := r.Tie(lb.Source, lb.Target)
		if !ok {
			return nil, fmt.Errorf("line %d: no bilateral tie between %q and %q in this period", lb.Line, lb.Source, lb.Target)
		}
		k := [2]string{t.Source, t.Target}
		if first, dup := seen[k]; dup {
			return nil, fmt.Errorf("line %d: %s–%s coded twice (first on line %d)", lb.Line, t.Source, t.Target, first)
		}
		seen[k] = lb.Line
		y := 0.0
		if lb.Relational {
			y = 1
		}
		cs = append(cs, coded{t, y})
	}
	if len(cs) < 2 {
		return nil, fmt.Errorf("calibrate: %d coded ties; want at least 2", len(cs))
	}
	o.Folds = min(o.Folds, len(cs))
	nf := len(TieFactors)
	fit := func(train []coded) ([]float64, float64, error) {
		loss := func(x []float64) float64 {
			w := make([]float64, nf)
			pen := 0.0
			for i := range w {
				w[i] = math.Exp(x[i])
				pen += x[i] * x[i]
			}
			t, k := x[nf], math.Exp(x[nf+1])
			nll := 0.0
			for _, c := range train {
				z := k * (score(c.tie.Factors, w) - t)
				// −log σ(z) for y = 1, −log σ(−z) for y = 0, computed stably.
				if c.y == 1 {
					nll += softplus(-z)
				} else {
					nll += softplus(z)
				}
			}
			return nll + o.Lambda*pen
		}
		x0 := make([]float64, nf+2)
		x0[nf], x0[nf+1] = 0.5, math.Log(10)
		p := optimize.Problem{Func: loss, Grad: func(g, x []float64) { fd.Gradient(g, loss, x, nil) }}
		res, err := optimize.Minimize(p, x0, &optimize.Settings{MajorIterations: 500}, &optimize.BFGS{})
		if err != nil && res == nil {
			return nil, 0, fmt.Errorf("calibrate: %w", err)
		}
		w := make([]float64, nf)
		mean := 0.0
		for i := range w {
			w[i] = math.Exp(res.X[i])
			mean += w[i]
		}
		for i := range w {
			w[i] /= mean / float64(nf)
		}
		return w, res.X[nf], nil
	}
	predict := func(c coded, w []float64, t float64) (class bool, p float64) {
		if rc := c.tie.Reciprocity; rc != nil && rc.Verdict != "" && c.tie.DecidedBy == "reciprocity" {
			rel := rc.Verdict == relational[true]
			return rel, map[bool]float64{true: 1, false: 0}[rel]
		}
		s := score(c.tie.Factors, w)
		return s >= t, s - t
	}
	// Folds: the coded ties in pair order, shuffled by the seed, dealt round-robin.
	slices.SortFunc(cs, func(a, b coded) int {
		return cmp.Or(cmp.Compare(a.tie.Source, b.tie.Source), cmp.Compare(a.tie.Target, b.tie.Target))
	})
	order := rand.New(rand.NewPCG(o.Seed, 0x63616c6962726174)).Perm(len(cs))
	agree := 0
	scores := make([]float64, len(cs))
	for f := 0; f < o.Folds; f++ {
		var train, test []int
		for pos, i := range order {
			if pos%o.Folds == f {
				test = append(test, i)
			} else {
				train = append(train, i)
			}
		}
		tr := make([]coded, len(train))
		for j, i := range train {
			tr[j] = cs[i]
		}
		w, t, err := fit(tr)
		if err != nil {
			return nil, err
		}
		for _, i := range test {
			class, s := predict(cs[i], w, t)
			if class == (cs[i].y == 1) {
				agree++
			}
			scores[i] = s
		}
	}
	w, t, err := fit(cs)
	if err != nil {
		return nil, err
	}
	out := &Calibration{Weights: map[string]float64{}, Threshold: t, Folds: o.Folds, N: len(cs),
		CVAgreement: float64(agree) / float64(len(cs))}
	for i, n := range TieFactors {
		out.Weights[n] = w[i]
	}
	ys := make([]bool, len(cs))
	for i, c := range cs {
		ys[i] = c.y == 1
	}
	out.CVAUC = auc(scores, ys)
	return out, nil
}

func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}

// auc is the area under the ROC curve of scores for the positives ys: the probability that a
// random positive scores above a random negative, ties counting one half (Mann–Whitney).
// NaN without both classes.
func auc(scores []float64, ys []bool) float64 {
	var pos, neg []float64
	for i, s := range scores {
		if ys[i] {
			pos = append(pos, s)
		} else {
			neg = append(neg, s)
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				sum++
			case p == n:
				sum += 0.5
			}
		}
	}
	return sum / float64(len(pos)*len(neg))
}
