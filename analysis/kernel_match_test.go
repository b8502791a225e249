package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testgen"
)

// weightedLayer builds, through the loader, the combined layer of n actors and m distinct random
// ties, each weighted by weight(rng).
func weightedLayer(tb testing.TB, n, m int, seed uint64, weight func(*rand.Rand) string) *graphmodel.Layer {
	tb.Helper()
	return layerOfTies(tb, testgen.GNM(n, m, seed, 7, true, weight))
}

// TestKernelMatchesReference checks that the kernel's pass from every source gives, bit for
// bit, what the reference kernel (kernel_ref_test.go: the plain 4-ary heap and one state
// record per node) gives: dependencies, reach, distance sums, the sampled closeness sums and
// the sampled paths of the guaranteed estimate. The graphs have many exactly equal distances
// (unit and integer weights), near-ties within the tolerance (weights whose reciprocals add up
// to nearly equal sums, and near-zero lengths, lengths that differ by about the tolerance), several components, and target weights.
func TestKernelMatchesReference(t *testing.T) {
	unit := func(*rand.Rand) string { return "1" }
	integer := func(r *rand.Rand) string { return fmt.Sprint(1 + r.IntN(10)) }
	// 1/2 = 1/3 + 1/6 = 1/4 + 1/4 …: sums of reciprocals that are equal in exact arithmetic
	// differ in the last bits in floating point.
	nearTie := func(r *rand.Rand) string { return fmt.Sprint([]int{1, 2, 3, 4, 6, 12}[r.IntN(6)]) }
	real := func(r *rand.Rand) string { return fmt.Sprintf("%.4f", 0.5+9.5*r.Float64()) }
	// Lengths of 1e-12 next to lengths near 1 tie within the tolerance.
	tiny := func(r *rand.Rand) string {
		if r.IntN(4) == 0 {
			return "1e12"
		}
		return fmt.Sprint(1 + r.IntN(3))
	}
	// Lengths that differ by about the tolerance: chains of near-ties that are not transitive.
	edge := func(r *rand.Rand) string {
		return []string{"1", "1.0000000008", "1.0000000016", "0.9999999992", "2"}[r.IntN(5)]
	}
	type tcase struct {
		name string
		x    *Index
	}
	cases := []tcase{
		{"unit 300/900", NewIndex(weightedLayer(t, 300, 900, 1, unit))},
		{"integer 400/2400", NewIndex(weightedLayer(t, 400, 2400, 2, integer))},
		{"integer 300/280 (disconnected)", NewIndex(weightedLayer(t, 300, 280, 3, integer))},
		{"near ties 400/2000", NewIndex(weightedLayer(t, 400, 2000, 4, nearTie))},
		{"real 300/1500", NewIndex(weightedLayer(t, 300, 1500, 5, real))},
		{"tiny lengths 300/1200", NewIndex(weightedLayer(t, 300, 1200, 6, tiny))},
		{"tolerance edge 300/1500", NewIndex(weightedLayer(t, 300, 1500, 8, edge))},
		{"dense unit 60/1200", NewIndex(weightedLayer(t, 60, 1200, 7, unit))},
	}
	for _, ref := range loadReferences(t) {
		cases = append(cases, tcase{ref.Case, NewIndex(ref.layer(t))})
	}
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
	for _, c0 := range cases {
		for _, form := range []struct {
			relabel, pack bool
		}{{true, true}, {false, true}, {true, false}, {false, false}} {
			relabel := form.relabel
			k := newKernelForm(c0.x, relabel, form.pack)
			c := tcase{fmt.Sprintf("%s (packed %v)", c0.name, k.packed != nil), c0.x}
			switch {
			case form.pack && (strings.HasPrefix(c0.name, "unit") || strings.HasPrefix(c0.name, "integer")) && k.packed == nil:
				t.Errorf("%s: integer lengths not packed", c0.name)
			case strings.HasPrefix(c0.name, "real") && k.packed != nil:
				t.Errorf("%s: random real lengths packed", c0.name)
			}
			weighted := false
		again:
			n := k.n
			nb, rb := newBrandes(k), newRefBrandes(k)
			accN, accR := make([]float64, n), make([]float64, n)
			dsN := &distSums{reach: make([]float64, n), sum: make([]float64, n), harm: make([]float64, n)}
			dsR := &distSums{reach: make([]float64, n), sum: make([]float64, n), harm: make([]float64, n)}
			bad := 0
			for s := range int32(n) {
				sw := 1 + float64(s%3)
				r1, s1, h1 := nb.run(s, sw, accN, dsN)
				r2, s2, h2 := rb.run(s, sw, accR, dsR)
				if r1 != r2 || !same(s1, s2) || !same(h1, h2) {
					t.Errorf("%s (relabel %v, weighted %v): source %d: reach, sum, harm %d %v %v, reference %d %v %v",
						c.name, relabel, weighted, s, r1, s1, h1, r2, s2, h2)
					bad++
				}
				if bad > 5 {
					t.FailNow()
				}
			}
			for v := range n {
				if !same(accN[v], accR[v]) || !same(dsN.sum[v], dsR.sum[v]) || !same(dsN.harm[v], dsR.harm[v]) || dsN.reach[v] != dsR.reach[v] {
					t.Errorf("%s (relabel %v, weighted %v): node %d: dependency %v, sums %v %v, reference %v, %v %v",
						c.name, relabel, weighted, v, accN[v], dsN.sum[v], dsN.harm[v], accR[v], dsR.sum[v], dsR.harm[v])
					break
				}
			}
			if n >= 2 {
				cN, cR := make([]int64, n), make([]int64, n)
				for i := range 200 {
					s, t := int32((i*7)%n), int32((i*13+1)%n)
					if s == t {
						continue
					}
					nb.samplePath(s, t, rand.New(rand.NewPCG(9, uint64(i))), cN)
					rb.samplePath(s, t, rand.New(rand.NewPCG(9, uint64(i))), cR)
				}
				for v := range n {
					if cN[v] != cR[v] {
						t.Errorf("%s (relabel %v): sampled paths through node %d: %d, reference %d", c.name, relabel, v, cN[v], cR[v])
						break
					}
				}
			}
			if !weighted {
				// Target weights, as the reductions use.
				k.weight = make([]float64, n)
				for v := range k.weight {
					k.weight[v] = float64(1 + v%4)
				}
				weighted = true
				goto again
			}
		}
	}
}
