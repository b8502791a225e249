package analysis

import (
	"context"
	"math"
	"testing"
)

// TestKernelBitIdentical checks that relabelling the nodes for locality, and packing the arcs,
// change no bit of any shortest-path measure, exact or sampled, on the reference layers and on random graphs.
func TestKernelBitIdentical(t *testing.T) {
	var xs []*Index
	var names []string
	for _, ref := range loadReferences(t) {
		xs = append(xs, NewIndex(ref.layer(t)))
		names = append(names, ref.Case)
	}
	xs = append(xs, NewIndex(randomLayer(t, 600, 3000, 3)), NewIndex(randomLayer(t, 400, 500, 4)))
	names = append(names, "random 600/3000", "random 400/500 (disconnected)")
	for i, x := range xs {
		for _, o := range []PathOptions{{}, {Sources: SampleSources(x.N, max(1, x.N/3), 5), SampledCloseness: true}} {
			a, err := ShortestPaths(context.Background(), x, o)
			if err != nil {
				t.Fatal(err)
			}
			// The layer's numbering, and the 16-byte arcs instead of packed ones (these
			// layers' integer weights pack).
			for _, form := range []struct{ identity, wide bool }{{true, false}, {false, true}, {true, true}} {
				o.identity, o.wideArcs = form.identity, form.wide
				b, err := ShortestPaths(context.Background(), x, o)
				if err != nil {
					t.Fatal(err)
				}
				for name, pair := range map[string][2][]float64{
					"betweenness": {a.Betweenness, b.Betweenness},
					"closeness":   {a.Closeness, b.Closeness},
					"harmonic":    {a.Harmonic, b.Harmonic},
				} {
					for v := range pair[0] {
						if math.Float64bits(pair[0][v]) != math.Float64bits(pair[1][v]) {
							t.Errorf("%s (sampled %v): %s of %s: relabelled packed %v, identity %v wide %v: %v",
								names[i], o.Sources != nil, name, x.IDs[v], pair[0][v], form.identity, form.wide, pair[1][v])
						}
					}
				}
			}
			o.identity, o.wideArcs = false, false
		}
	}
}
