package analysis_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

func analyzeJSON(t *testing.T, l *graphmodel.Layer, metrics []string) map[string]any {
	t.Helper()
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{Metrics: metrics})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestMetricsSubset checks Options.Metrics: for each metric alone and for a few sets, the
// document has "metrics" (what was asked and what it needs), every value computed equals the
// full analysis' value, and the values of the other metrics are absent.
func TestMetricsSubset(t *testing.T) {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.At = 2005
	l, err := d.Layer(o)
	if err != nil {
		t.Fatal(err)
	}
	full := analyzeJSON(t, l, nil)
	if _, ok := full["metrics"]; ok {
		t.Fatal(`the full analysis has "metrics"`)
	}
	sets := [][]string{{"typology", "degree"}, {"closeness", "harmonic"}, {"constraint"}, {"cliques", "community"}}
	for _, m := range analysis.Metrics {
		sets = append(sets, []string{m})
	}
	for _, set := range sets {
		t.Run(strings.Join(set, ","), func(t *testing.T) {
			doc := analyzeJSON(t, l, set)
			var computed []string
			for _, v := range doc["metrics"].([]any) {
				computed = append(computed, v.(string))
			}
			for _, m := range set {
				if !slices.Contains(computed, m) {
					t.Errorf("metrics %v lacks %s", computed, m)
				}
			}
			if slices.Contains(set, "typology") {
				for _, dep := range []string{"eigenvector", "betweenness"} {
					if !slices.Contains(computed, dep) {
						t.Errorf("typology without %s", dep)
					}
				}
			} else if len(computed) != len(set) {
				t.Errorf("asked %v, computed %v", set, computed)
			}
			has := func(m string) bool { return slices.Contains(computed, m) }
			for key, v := range full {
				want := map[string]bool{"cliques": has("cliques"), "communities": has("community"), "ties": has("typology"),
					"clubs": has("typology"), "typology": has("typology"), "typology_lists": has("typology"), "hubs": has("typology"),
					"settings": has("typology"), "core_periphery": has("core_periphery")}
				got, ok := doc[key]
				if w, listed := want[key]; listed && !w {
					if ok {
						t.Errorf("section %q present without its metric", key)
					}
					continue
				}
				if key == "actors" {
					continue
				}
				if !reflect.DeepEqual(got, v) {
					t.Errorf("section %q differs from the full analysis", key)
				}
			}
			actors, fullActors := doc["actors"].([]any), full["actors"].([]any)
			for i, a := range actors {
				am, fm := a.(map[string]any), fullActors[i].(map[string]any)
				for key, v := range fm {
					metric := key
					if key == "clubs" || key == "brokerage" {
						metric = "typology"
					}
					got, ok := am[key]
					switch {
					case key == "id" || has(metric):
						if !reflect.DeepEqual(got, v) {
							t.Fatalf("actor %v: %s = %v, full analysis %v", fm["id"], key, got, v)
						}
					case ok:
						t.Fatalf("actor %v: %s present, not computed", fm["id"], key)
					}
				}
			}
		})
	}
	if _, err := analysis.Analyze(context.Background(), l, analysis.Options{Metrics: []string{"nope"}}); err == nil {
		t.Error("an unknown metric is accepted")
	}
	if _, err := analysis.ParseMetrics("degree, PageRank ,degree"); err != nil {
		t.Error(err)
	}
	if _, err := analysis.ParseMetrics("degree,"); err == nil {
		t.Error(`ParseMetrics("degree,") accepted`)
	}
}
