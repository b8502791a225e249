package inference

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Options tune the permutation tests.
type Options struct {
	// Reps is the number of permutations (default 1000).
	Reps int
	// Seed seeds them (default 1): permutation r is drawn from PCG(Seed, r), so the result
	// does not depend on Workers.
	Seed uint64
	// Workers run permutations in parallel (default: one per CPU).
	Workers int
}

func (o Options) withDefaults() Options {
	if o.Reps <= 0 {
		o.Reps = 1000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// ErrDegenerate says a relation cannot be tested: it is constant over the pairs, or (in a
// regression) a linear combination of the others.
var ErrDegenerate = errors.New("degenerate relation")

// PValues are the permutation p-values of a statistic, as sna's qaptest and netlm report
// them: the share of the Reps permutations whose statistic is ≥ the observed one (PGreater),
// ≤ it (PLess), and ≥ it in absolute value (PAbs, two-sided). Values within a relative 1e-9
// of the observed count as equal (so that float rounding cannot split exact ties).
type PValues struct {
	PGreater float64 `json:"p_greater"`
	PLess    float64 `json:"p_less"`
	PAbs     float64 `json:"p_two_sided"`
	NullMean float64 `json:"null_mean"`
	NullSD   float64 `json:"null_sd"`
}

func pvalues(obs float64, dist []float64) PValues {
	tol := 1e-9 * math.Max(1, math.Abs(obs))
	var ge, le, abs int
	for _, d := range dist {
		if d >= obs-tol {
			ge++
		}
		if d <= obs+tol {
			le++
		}
		if math.Abs(d) >= math.Abs(obs)-tol {
			abs++
		}
	}
	r := float64(len(dist))
	mean, sd := meanSD(dist)
	return PValues{PGreater: float64(ge) / r, PLess: float64(le) / r, PAbs: float64(abs) / r, NullMean: mean, NullSD: sd}
}

func meanSD(xs []float64) (float64, float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	m := 0.0
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	s := 0.0
	for _, x := range xs {
		s += (x - m) * (x - m)
	}
	if len(xs) < 2 {
		return m, 0
	}
	return m, math.Sqrt(s / float64(len(xs)-1))
}

// permute runs stat for permutations 0…reps−1 on o.Workers goroutines; permutation r is a
// uniform random permutation of n drawn from PCG(seed, stream<<32 | r).
func permute(ctx context.Context, n int, o Options, stream uint64, stat func(perm []int) float64) ([]float64, error) {
	dist := make([]float64, o.Reps)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(o.Workers, o.Reps); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			perm := make([]int, n)
			for {
				r := int(next.Add(1) - 1)
				if r >= o.Reps || ctx.Err() != nil {
					return
				}
				rng := rand.New(rand.NewPCG(o.Seed, stream<<32|uint64(r)))
				for i := range perm {
					perm[i] = i
				}
				rng.Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
				dist[r] = stat(perm)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return dist, nil
}

// Correlation is a QAP correlation test.
type Correlation struct {
	Y     string  `json:"y"`
	X     string  `json:"x"`
	R     float64 `json:"r"`
	Pairs int     `json:"pairs"`
	Reps  int     `json:"reps"`
	Seed  uint64  `json:"seed"`
	PValues
}

// Correlate is the QAP correlation test of y and x (sna's qaptest with gcor, mode "graph"):
// r is Pearson's correlation of the two relations over the n(n−1)/2 unordered pairs, and its
// null distribution is that of r between y and x with x's rows and columns permuted by the
// same random permutation of the actors (which keeps the structure of each relation).
func Correlate(ctx context.Context, y, x Matrix, o Options) (*Correlation, error) {
	o = o.withDefaults()
	if err := sameActors(y, x); err != nil {
		return nil, err
	}
	n := y.N()
	yv, xv := y.Pairs(), x.Pairs()
	m := len(yv)
	res := &Correlation{Y: y.Name, X: x.Name, Pairs: m, Reps: o.Reps, Seed: o.Seed}
	my, syy := centred(yv)
	mx, sxx := centred(xv)
	if syy == 0 || sxx == 0 {
		which := y.Name
		if syy != 0 {
			which = x.Name
		}
		return nil, fmt.Errorf("QAP correlation: %w: %s is the same for every pair of the %d actors", ErrDegenerate, which, n)
	}
	sxy := 0.0
	for k := range yv {
		sxy += (yv[k] - my) * (xv[k] - mx)
	}
	res.R = sxy / math.Sqrt(sxx*syy)
	// Under a permutation only Σ x_π y changes: walk the pairs where y ≠ 0.
	type entry struct {
		i, j int
		v    float64
	}
	var nz []entry
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if v := y.V[i*n+j]; v != 0 {
				nz = append(nz, entry{i, j, v})
			}
		}
	}
	fm := float64(m)
	sumY := my * fm
	denom := math.Sqrt(sxx * syy)
	dist, err := permute(ctx, n, o, 0, func(p []int) float64 {
		s := 0.0
		for _, e := range nz {
			s += x.V[p[e.i]*n+p[e.j]] * e.v
		}
		return (s - mx*sumY) / denom
	})
	if err != nil {
		return nil, fmt.Errorf("QAP correlation: %w", err)
	}
	res.PValues = pvalues(res.R, dist)
	return res, nil
}

func centred(v []float64) (mean, ss float64) {
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	for _, x := range v {
		ss += (x - mean) * (x - mean)
	}
	return mean, ss
}

func sameActors(ms ...Matrix) error {
	for _, m := range ms[1:] {
		if len(m.Actors) != len(ms[0].Actors) {
			return fmt.Errorf("QAP: %s has %d actors, %s %d", m.Name, len(m.Actors), ms[0].Name, len(ms[0].Actors))
		}
		for i := range m.Actors {
			if m.Actors[i] != ms[0].Actors[i] {
				return fmt.Errorf("QAP: %s and %s are over different actors", m.Name, ms[0].Name)
			}
		}
	}
	if len(ms[0].Actors) < 3 {
		return fmt.Errorf("QAP: %w: %d actors, at least 3 needed", ErrDegenerate, len(ms[0].Actors))
	}
	return nil
}

// Coefficient is one term of an MRQAP regression.
type Coefficient struct {
	Name     string  `json:"name"`
	Estimate float64 `json:"estimate"`
	StdErr   float64 `json:"std_error"`
	T        float64 `json:"t"`
	PValues
}

// Regression is an MRQAP regression with Dekker's double semi-partialling.
type Regression struct {
	Y            string        `json:"y"`
	Pairs        int           `json:"pairs"`
	Actors       int           `json:"actors"`
	Coefficients []Coefficient `json:"coefficients"` // the intercept first, then the xs in order
	R2           float64       `json:"r2"`
	AdjR2        float64       `json:"adj_r2"`
	Reps         int           `json:"reps"`
	Seed         uint64        `json:"seed"`
	Null         string        `json:"null"`
}

// Regress is the MRQAP regression of y on the xs with an intercept, over the unordered pairs
// (sna's netlm, mode "graph", nullhyp "qapspp", test statistic the t-value). Each
// coefficient's null is Dekker's double semi-partialling: the term (the intercept too, as in
// sna) is regressed on the other terms, its residual matrix is permuted (rows and columns by
// one permutation of the actors) and y is regressed on the other terms and the permuted
// residual; the statistic is that residual's t-value.
func Regress(ctx context.Context, y Matrix, xs []Matrix, o Options) (*Regression, error) {
	o = o.withDefaults()
	if len(xs) == 0 {
		return nil, fmt.Errorf("MRQAP: no x")
	}
	if err := sameActors(append([]Matrix{y}, xs...)...); err != nil {
		return nil, err
	}
	n := y.N()
	yv := y.Pairs()
	m := len(yv)
	p := len(xs) + 1
	if m <= p {
		return nil, fmt.Errorf("MRQAP: %w: %d pairs for %d terms", ErrDegenerate, m, p)
	}
	cols := make([][]float64, p)
	names := make([]string, p)
	cols[0], names[0] = make([]float64, m), "(intercept)"
	for k := range cols[0] {
		cols[0][k] = 1
	}
	for i, x := range xs {
		cols[i+1], names[i+1] = x.Pairs(), x.Name
	}
	fit, err := ols(cols, yv)
	if err != nil {
		return nil, fmt.Errorf("MRQAP: %w (%s)", err, names[fit.bad])
	}
	_, syy := centred(yv)
	if syy == 0 {
		return nil, fmt.Errorf("MRQAP: %w: %s is the same for every pair", ErrDegenerate, y.Name)
	}
	if fit.rss <= 1e-20*syy {
		return nil, fmt.Errorf("MRQAP: %w: %s is an exact linear function of the terms (R² = 1), so no t-value is defined", ErrDegenerate, y.Name)
	}
	res := &Regression{Y: y.Name, Pairs: m, Actors: n, Reps: o.Reps, Seed: o.Seed, Null: "qapspp (Dekker's double semi-partialling)"}
	res.R2 = 1 - fit.rss/syy
	res.AdjR2 = 1 - (1-res.R2)*float64(m-1)/float64(m-p)
	for k := 0; k < p; k++ {
		c := Coefficient{Name: names[k], Estimate: fit.beta[k], StdErr: fit.se[k], T: fit.beta[k] / fit.se[k]}
		dist, err := dspNull(ctx, n, cols, yv, k, o)
		if err != nil {
			return nil, fmt.Errorf("MRQAP: %s: %w", names[k], err)
		}
		c.PValues = pvalues(c.T, dist)
		res.Coefficients = append(res.Coefficients, c)
	}
	return res, nil
}

type olsFit struct {
	beta, se, resid []float64
	rss             float64
	bad             int // the first column found collinear with the ones before it
}

// ols fits y on the columns by QR (Householder, gonum): the coefficients, their standard
// errors and the residuals. A column whose R diagonal is below 1e-7 of the largest (sna's
// tolerance) makes the fit degenerate.
func ols(cols [][]float64, y []float64) (olsFit, error) {
	m, p := len(y), len(cols)
	x := mat.NewDense(m, p, nil)
	for k, c := range cols {
		for i, v := range c {
			x.Set(i, k, v)
		}
	}
	var qr mat.QR
	qr.Factorize(x)
	var r mat.Dense
	qr.RTo(&r)
	big := 0.0
	for k := 0; k < p; k++ {
		big = math.Max(big, math.Abs(r.At(k, k)))
	}
	for k := 0; k < p; k++ {
		if !(math.Abs(r.At(k, k)) > 1e-7*big) {
			return olsFit{bad: k}, fmt.Errorf("%w: a term is constant or a linear combination of the others", ErrDegenerate)
		}
	}
	var b mat.Dense
	if err := qr.SolveTo(&b, false, mat.NewDense(m, 1, cloneFloats(y))); err != nil {
		return olsFit{}, fmt.Errorf("%w: %v", ErrDegenerate, err)
	}
	f := olsFit{beta: make([]float64, p), se: make([]float64, p), resid: make([]float64, m)}
	for k := range f.beta {
		f.beta[k] = b.At(k, 0)
	}
	for i := range y {
		fitted := 0.0
		for k, c := range cols {
			fitted += c[i] * f.beta[k]
		}
		f.resid[i] = y[i] - fitted
		f.rss += f.resid[i] * f.resid[i]
	}
	// diag((XᵀX)⁻¹) = diag(R⁻¹R⁻ᵀ): the squared norms of the rows of R⁻¹.
	var rinv mat.Dense
	if err := rinv.Inverse(r.Slice(0, p, 0, p)); err != nil {
		return olsFit{}, fmt.Errorf("%w: %v", ErrDegenerate, err)
	}
	s2 := f.rss / float64(m-p)
	for k := 0; k < p; k++ {
		ss := 0.0
		for j := 0; j < p; j++ {
			ss += rinv.At(k, j) * rinv.At(k, j)
		}
		f.se[k] = math.Sqrt(ss * s2)
	}
	return f, nil
}

func cloneFloats(y []float64) []float64 { return append([]float64(nil), y...) }

// dspNull is the null distribution of term k's t-value by double semi-partialling. With O
// the other terms and e the residual of term k on O, the fit of y on [O, e_π] has, by the
// block inverse (Schur complement s = eᵀe − cᵀG⁻¹c with G = OᵀO, c = Oᵀe_π):
//
//	b = (e_πᵀy − cᵀG⁻¹Oᵀy) / s,  RSS = RSS_O − b²s,  t = b / √(RSS/(m−p) / s)
//
// where RSS_O is the residual sum of squares of y on O, and eᵀe does not change under a
// permutation. So a permutation costs one pass over the pairs (p dot products), not a QR.
func dspNull(ctx context.Context, n int, cols [][]float64, y []float64, k int, o Options) ([]float64, error) {
	stat, err := dspStat(n, cols, y, k)
	if err != nil {
		return nil, err
	}
	return permute(ctx, n, o, uint64(k)+1, stat)
}

// dspStat is term k's t-value in the fit of y on the other terms and term k's residual
// permuted by perm (see dspNull).
func dspStat(n int, cols [][]float64, y []float64, k int) (func(perm []int) float64, error) {
	m, p := len(y), len(cols)
	others := make([][]float64, 0, p-1)
	for j, c := range cols {
		if j != k {
			others = append(others, c)
		}
	}
	ek, err := ols(others, cols[k])
	if err != nil {
		return nil, err
	}
	fy, err := ols(others, y)
	if err != nil {
		return nil, err
	}
	q := p - 1
	g := mat.NewSymDense(q, nil)
	oy := make([]float64, q)
	for a := 0; a < q; a++ {
		for b := a; b < q; b++ {
			s := 0.0
			for i := 0; i < m; i++ {
				s += others[a][i] * others[b][i]
			}
			g.SetSym(a, b, s)
		}
		for i := 0; i < m; i++ {
			oy[a] += others[a][i] * y[i]
		}
	}
	var chol mat.Cholesky
	if !chol.Factorize(g) {
		return nil, fmt.Errorf("%w: the other terms are collinear", ErrDegenerate)
	}
	var ginv mat.SymDense
	if err := chol.InverseTo(&ginv); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDegenerate, err)
	}
	ee := 0.0
	for _, v := range ek.resid {
		ee += v * v
	}
	// The residual as a symmetric matrix.
	e := make([]float64, n*n)
	idx := 0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			e[i*n+j], e[j*n+i] = ek.resid[idx], ek.resid[idx]
			idx++
		}
	}
	gi := make([]float64, q*q)
	for a := 0; a < q; a++ {
		for b := 0; b < q; b++ {
			gi[a*q+b] = ginv.At(a, b)
		}
	}
	df := float64(m - p)
	return func(perm []int) float64 {
		// Row by row: gather the permuted residual of the pairs (i, j > i), then dot it with
		// the same stretch of y and of each other term (SIMD dot products).
		c := make([]float64, q)
		buf := make([]float64, n)
		ey := 0.0
		at := 0
		for i := 0; i < n; i++ {
			row := e[perm[i]*n : perm[i]*n+n]
			rest := perm[i+1:]
			b := buf[:len(rest)]
			for t, j := range rest {
				b[t] = row[j]
			}
			ey += floats.Dot(b, y[at:at+len(b)])
			for a := 0; a < q; a++ {
				c[a] += floats.Dot(b, others[a][at:at+len(b)])
			}
			at += len(b)
		}
		// u = G⁻¹c; s = eᵀe − cᵀu; b = (eᵀy − uᵀOᵀy)/s.
		s, uy := ee, 0.0
		for a := 0; a < q; a++ {
			u := 0.0
			for b := 0; b < q; b++ {
				u += gi[a*q+b] * c[b]
			}
			s -= c[a] * u
			uy += u * oy[a]
		}
		if !(s > 1e-12*ee) {
			return 0 // the permuted residual lies in the span of the other terms
		}
		b := (ey - uy) / s
		rss := math.Max(fy.rss-b*b*s, 0)
		if rss == 0 {
			return math.Copysign(math.Inf(1), b)
		}
		return b / math.Sqrt(rss/df/s)
	}, nil
}
