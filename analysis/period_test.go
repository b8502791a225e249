package analysis_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// TestAnalyzePeriodLoad checks that a data set loaded for one year
// (graphmodel.LoadOptions.At, what analyze --at does) gives byte for byte the JSON document
// of the whole data set's layer of that year, for every layer and several years of the
// example, whose ties, memberships and exchanges span 1946–2023.
func TestAnalyzePeriodLoad(t *testing.T) {
	full, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int{1950, 1990, 2005, 2015} {
		part, err := graphmodel.LoadWith("../testdata/example", graphmodel.LoadOptions{At: at})
		if err != nil {
			t.Fatal(err)
		}
		if len(part.Ties) >= len(full.Ties) && len(part.Exchanges) >= len(full.Exchanges) {
			t.Fatalf("at %d: %d of %d tie rows, %d of %d exchanges kept: nothing dropped", at,
				len(part.Ties), len(full.Ties), len(part.Exchanges), len(full.Exchanges))
		}
		for _, k := range graphmodel.LayerKinds {
			t.Run(fmt.Sprint(at, k), func(t *testing.T) {
				o := graphmodel.DefaultOptions()
				o.At, o.Layer = at, k
				var docs [2][]byte
				for i, d := range []*graphmodel.Dataset{full, part} {
					l, err := d.Layer(o)
					if err != nil {
						t.Fatal(err)
					}
					r, err := analysis.Analyze(context.Background(), l, analysis.Options{Seed: 1})
					if err != nil {
						t.Fatal(err)
					}
					var b bytes.Buffer
					if err := r.WriteJSON(&b); err != nil {
						t.Fatal(err)
					}
					docs[i] = b.Bytes()
				}
				if !bytes.Equal(docs[0], docs[1]) {
					t.Errorf("the JSON differs (%d and %d bytes)", len(docs[0]), len(docs[1]))
				}
			})
		}
	}
}
