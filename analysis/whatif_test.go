package analysis_test

import (
	"context"
	"math"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testutil"
)

func loadFiles(t *testing.T, files map[string]string) *graphmodel.Dataset {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	d, err := graphmodel.LoadFS(fsys, "planted")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A planted what-if: A–B and B–C are relational (four domains; only multiplexity is weighed),
// A–C, B–D and C–D transactional (one domain). Removing B cuts A and C's relational path.
// Efficiency by hand: before, distances A–B, A–C, B–C, B–D, C–D are 1 and A–D is 2, so
// Σ 1/d over ordered pairs is 2 × 5.5 and the efficiency 11/12; after, A–C and C–D are 1 and
// A–D is 2: 2 × 2.5 / 6 = 5/6.
func TestWhatIfPlanted(t *testing.T) {
	d := loadFiles(t, map[string]string{"ties.csv": "source,target,domains\n" +
		"A,B,SIGINT;HUMINT;CT;CYBER\nB,C,SIGINT;HUMINT;CT;CYBER\nA,C,CT\nB,D,CT\nC,D,CT\n"})
	o := analysis.Options{Typology: analysis.TypologyOptions{TieWeights: map[string]float64{}}}
	for _, f := range analysis.TieFactors {
		o.Typology.TieWeights[f] = 0
	}
	o.Typology.TieWeights["multiplexity"] = 1
	lo := graphmodel.DefaultOptions()
	lo.Layer = graphmodel.Bilateral
	before := testutil.AnalyzeData(t, d, lo, o)
	for _, tc := range []struct {
		a, b, class string
	}{{"A", "B", "relational"}, {"B", "C", "relational"}, {"A", "C", "transactional"}, {"C", "D", "transactional"}} {
		if tr, ok := before.Tie(tc.a, tc.b); !ok || tr.Class != tc.class {
			t.Fatalf("planted class of %s–%s: %+v", tc.a, tc.b, tr)
		}
	}
	wi, err := analysis.WhatIf(context.Background(), before, []string{"B"}, o)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(wi.LostPaths, [][]string{{"A", "C"}}) {
		t.Errorf("lost relational paths %v, want [[A C]]", wi.LostPaths)
	}
	if wi.ComponentsBefore != 1 || wi.ComponentsAfter != 1 {
		t.Errorf("components %d → %d, want 1 → 1", wi.ComponentsBefore, wi.ComponentsAfter)
	}
	if math.Abs(wi.EfficiencyBefore-11.0/12) > 1e-12 || math.Abs(wi.EfficiencyAfter-5.0/6) > 1e-12 {
		t.Errorf("efficiency %v → %v, want 11/12 → 5/6", wi.EfficiencyBefore, wi.EfficiencyAfter)
	}
	// Removing D instead cuts nothing relational and splits nothing.
	wi, err = analysis.WhatIf(context.Background(), before, []string{"D"}, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(wi.LostPaths) != 0 || wi.ComponentsAfter != 1 || len(wi.CutOff) != 0 {
		t.Errorf("without D: %+v", wi)
	}
	// Heavier ties: efficiency is divided by the heaviest weight, so doubling every weight
	// leaves it as it was (the distances halve, 1/d doubles).
	d2 := loadFiles(t, map[string]string{"ties.csv": "source,target,weight,domains\n" +
		"A,B,2,SIGINT;HUMINT;CT;CYBER\nB,C,2,SIGINT;HUMINT;CT;CYBER\nA,C,2,CT\nB,D,2,CT\nC,D,2,CT\n"})
	wi2, err := analysis.WhatIf(context.Background(), testutil.AnalyzeData(t, d2, lo, o), []string{"B"}, o)
	if err != nil || math.Abs(wi2.EfficiencyBefore-11.0/12) > 1e-12 || math.Abs(wi2.EfficiencyAfter-5.0/6) > 1e-12 {
		t.Errorf("weights 2: efficiency %v → %v, want 11/12 → 5/6 (%v)", wi2.EfficiencyBefore, wi2.EfficiencyAfter, err)
	}
	// Removing B and C leaves A and D apart: two components, and D (after A, the first of two
	// components of one) is cut off from the main component.
	if wi, err = analysis.WhatIf(context.Background(), before, []string{"C", "B"}, o); err != nil || wi.ComponentsAfter != 2 || !reflect.DeepEqual(wi.CutOff, []string{"D"}) {
		t.Errorf("without B, C: %+v, %v", wi, err)
	}
	if _, err := analysis.WhatIf(context.Background(), before, []string{"Z"}, o); err == nil {
		t.Error("no error for an unknown actor")
	}
}

// Hub scores of a star of four (centre C, leaves L1–L3, no clubs), by hand: the eigenvector is
// 1/√2 at the centre and 1/√6 at each leaf; the centre's normalised betweenness is 1 and the
// leaves' 0; no actor is in a club. So the centre scores (1 + 1 + 0)/3 = 2/3 and each leaf
// ((1/√6)/(1/√2))/3 = 1/(3√3).
func TestHubScoresStar(t *testing.T) {
	d := loadFiles(t, map[string]string{"ties.csv": "source,target\nC,L1\nC,L2\nC,L3\n"})
	r := testutil.AnalyzeData(t, d, graphmodel.DefaultOptions(), analysis.Options{})
	want := map[string]float64{"C": 2.0 / 3, "L1": 1 / (3 * math.Sqrt(3)), "L2": 1 / (3 * math.Sqrt(3)), "L3": 1 / (3 * math.Sqrt(3))}
	if len(r.Hubs) != 4 || r.Hubs[0].ID != "C" {
		t.Fatalf("hubs %+v", r.Hubs)
	}
	for _, h := range r.Hubs {
		if math.Abs(h.Score-want[h.ID]) > 1e-9 {
			t.Errorf("hub %s score %v, want %v", h.ID, h.Score, want[h.ID])
		}
	}
	for i, s := range analysis.HubScores(r) {
		if id := r.Actors[i].ID; math.Abs(s-want[id]) > 1e-9 {
			t.Errorf("HubScores %s = %v, want %v", id, s, want[id])
		}
	}
}
