package analysis

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"gonum.org/v1/gonum/graph/topo"

	"github.com/liaison-net/liaison/graphmodel"
)

// layerOf builds the bilateral layer of a ties.csv body ("source,target,weight" rows).
func layerOf(t testing.TB, ties string) *graphmodel.Layer {
	t.Helper()
	return layerOfTiesIn(t, []byte("source,target,weight\n"+ties), graphmodel.Bilateral)
}

// Small named graphs with values worked out by hand.
var named = map[string]string{
	"path3":    "a,b,1\nb,c,1\n",
	"star4":    "h,a,1\nh,b,1\nh,c,1\nh,d,1\n",
	"triangle": "a,b,1\nb,c,1\na,c,1\n",
	// Two triangles joined by the bridge c–d.
	"bowtie": "a,b,1\nb,c,1\na,c,1\nc,d,1\nd,e,1\ne,f,1\nd,f,1\n",
	// b lies on a second shortest a–c path whose float length 1/3+1/6 is not exactly 1/2.
	"near-tie": "a,b,3\nb,c,6\na,c,2\n",
	// Two components and an isolate-free pair.
	"split": "a,b,1\nc,d,2\nd,e,2\n",
}

func TestMeasuresOnNamedGraphs(t *testing.T) {
	tests := []struct {
		graph, actor string
		field        string
		want         float64
	}{
		{"path3", "b", "betweenness", 1},
		{"path3", "a", "betweenness", 0},
		{"path3", "a", "closeness", 2.0 / 3}, // (2/2)·(2/(1+2))
		{"path3", "b", "harmonic", 2},
		{"path3", "a", "harmonic", 1.5},
		{"star4", "h", "betweenness", 1}, // 6 pairs · 2/(4·3)
		{"star4", "h", "constraint", 0.25},
		{"star4", "a", "constraint", 1},
		{"star4", "h", "effective_size", 4},
		{"star4", "h", "core", 1},
		{"star4", "h", "clustering", 0},
		{"triangle", "a", "clustering", 1},
		{"triangle", "a", "core", 2},
		{"triangle", "a", "eigenvector", 1 / math.Sqrt(3)},
		{"triangle", "a", "pagerank", 1.0 / 3},
		{"triangle", "a", "effective_size", 1}, // 2 − 2·(1/2)
		{"bowtie", "c", "betweenness", 0.6},    // c is on the 2·3 = 6 paths from a, b to d, e, f: 6 · 2/(5·4)
		{"near-tie", "b", "betweenness", 0.5},
		{"near-tie", "a", "betweenness", 0},
		{"split", "d", "betweenness", 1.0 / 6}, // pair c–e: 1 · 2/(4·3)
		{"split", "a", "closeness", 0.25},      // r = 1: (1/4)·(1/1)
		{"split", "c", "harmonic", 3},          // 1/(1/2) + 1/1
	}
	results := map[string]map[string]ActorMetrics{}
	for name, ties := range named {
		r, err := Analyze(context.Background(), layerOf(t, ties), Options{})
		if err != nil {
			t.Fatal(err)
		}
		results[name] = map[string]ActorMetrics{}
		for _, a := range r.Actors {
			results[name][a.ID] = a
		}
	}
	for _, tt := range tests {
		a := results[tt.graph][tt.actor]
		got := map[string]float64{
			"betweenness": a.Betweenness, "closeness": *a.Closeness, "harmonic": *a.Harmonic,
			"constraint": a.Constraint, "effective_size": a.EffectiveSize, "core": float64(a.Core),
			"clustering": a.Clustering, "eigenvector": a.Eigenvector, "pagerank": a.PageRank,
		}[tt.field]
		if math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s %s %s = %v, want %v", tt.graph, tt.actor, tt.field, got, tt.want)
		}
	}
}

func TestCliquesAndCommunitiesOnNamedGraphs(t *testing.T) {
	r, err := Analyze(context.Background(), layerOf(t, named["bowtie"]), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"a", "b", "c"}, {"d", "e", "f"}}; !reflect.DeepEqual(r.Cliques, want) {
		t.Errorf("cliques %v, want %v", r.Cliques, want)
	}
	if want := [][]string{{"a", "b", "c"}, {"d", "e", "f"}}; !reflect.DeepEqual(r.Communities.Groups, want) {
		t.Errorf("communities %v, want %v", r.Communities.Groups, want)
	}
	// Q = Σ_c in_c/2m − (tot_c/2m)² with m = 7: 2·(6/14 − (7/14)²) = 5/14.
	if q := r.Communities.Modularity; math.Abs(q-5.0/14) > 1e-12 {
		t.Errorf("modularity %v, want 5/14", q)
	}
	for _, a := range r.Actors {
		if want := map[string]int{"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1}[a.ID]; a.Cliques != want {
			t.Errorf("%s in %v cliques", a.ID, a.Cliques)
		}
	}
}

// TestCliquesMatchGonum checks the Bron–Kerbosch on the index against gonum's
// topo.BronKerbosch on seeded random graphs of several densities.
func TestCliquesMatchGonum(t *testing.T) {
	for _, c := range []struct{ n, m int }{{30, 200}, {200, 2000}, {60, 1200}} {
		l := randomLayer(t, c.n, c.m, uint64(c.n+c.m))
		x := NewIndex(l)
		gonum := topo.BronKerbosch(l) // once per graph: it is the slow side
		for _, minSize := range []int{1, 3, 4} {
			got := MaximalCliques(x, minSize)
			var want [][]int32
			for _, cl := range gonum {
				if len(cl) < minSize {
					continue
				}
				ids := make([]int32, len(cl))
				for i, nd := range cl {
					ids[i] = int32(nd.ID())
				}
				slices.Sort(ids)
				want = append(want, ids)
			}
			slices.SortFunc(want, slices.Compare)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("n=%d m=%d min=%d: %d cliques, gonum %d", c.n, c.m, minSize, len(got), len(want))
			}
		}
	}
}

// TestCoresMatchGonum checks core numbers against gonum's degeneracy ordering.
func TestCoresMatchGonum(t *testing.T) {
	l := randomLayer(t, 300, 3000, 7)
	x := NewIndex(l)
	got := CoreNumbers(x)
	_, cores := topo.DegeneracyOrdering(l)
	for k, nodes := range cores {
		for _, nd := range nodes {
			if got[nd.ID()] != k {
				t.Fatalf("node %d: core %d, gonum %d", nd.ID(), got[nd.ID()], k)
			}
		}
	}
}

// TestDeterministic checks that the worker count and scheduling change nothing, to the bit.
func TestDeterministic(t *testing.T) {
	l := randomLayer(t, 400, 3000, 3)
	var first []byte
	for _, workers := range []int{1, 2, 5, 1} {
		r, err := Analyze(context.Background(), l, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b
			continue
		}
		if !bytes.Equal(b, first) {
			t.Fatalf("result with %d workers differs", workers)
		}
	}
}

func TestSampledBetweenness(t *testing.T) {
	l := randomLayer(t, 300, 2000, 5)
	x := NewIndex(l)
	exact, err := ShortestPaths(context.Background(), x, PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	all := make([]int32, x.N)
	for i := range all {
		all[i] = int32(i)
	}
	every, err := ShortestPaths(context.Background(), x, PathOptions{Sources: all})
	if err != nil {
		t.Fatal(err)
	}
	for v := range exact.Betweenness {
		if math.Abs(every.Betweenness[v]-exact.Betweenness[v]) > 1e-12 {
			t.Fatalf("sampling every source differs at %d", v)
		}
	}
	src := SampleSources(x.N, 150, 9)
	if len(src) != 150 || !slices.IsSorted(src) || len(slices.Compact(slices.Clone(src))) != 150 {
		t.Fatalf("bad sample %v", src)
	}
	half, err := ShortestPaths(context.Background(), x, PathOptions{Sources: src})
	if err != nil {
		t.Fatal(err)
	}
	if half.Closeness != nil {
		t.Error("closeness computed from a sample")
	}
	var sumExact, sumHalf float64
	for v := range exact.Betweenness {
		sumExact += exact.Betweenness[v]
		sumHalf += half.Betweenness[v]
	}
	// The estimator is unbiased; summed over all nodes, half the sources is within a few %.
	if math.Abs(sumHalf-sumExact) > 0.05*sumExact {
		t.Errorf("sampled total %v, exact %v", sumHalf, sumExact)
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, randomLayer(t, 200, 1000, 1), Options{}); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("err = %v", err)
	}
}

func TestEmptyAndEdgeless(t *testing.T) {
	d, err := graphmodel.LoadFS(fstest.MapFS{"actors.csv": {Data: []byte("id\na\nb\n")}}, "t")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyze(context.Background(), l, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Actors {
		if a.Degree != 0 || a.Betweenness != 0 || *a.Closeness != 0 || a.Constraint != 0 || a.EffectiveSize != 0 || a.PageRank != 0.5 {
			t.Errorf("edgeless actor %+v", a)
		}
	}
}

// TestWriteJSON checks that the streamed document decodes to the same values as
// encoding/json's encoding of the result, and that the hand-written string quoting agrees
// with encoding/json's.
func TestWriteJSON(t *testing.T) {
	r := analyzeFiles(t, coreAndSpokes, graphmodel.DefaultOptions(), Options{})
	r.Actors[0].ID = "a \"quoted\" <id> & \u2028 tab\t nl\n \x01 bad\xff é"
	var streamed bytes.Buffer
	if err := r.WriteJSON(&streamed); err != nil {
		t.Fatal(err)
	}
	whole, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal(streamed.Bytes(), &a); err != nil {
		t.Fatalf("streamed JSON does not decode: %v\n%s", err, streamed.Bytes())
	}
	if err := json.Unmarshal(whole, &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("streamed JSON differs from encoding/json:\n%s\n---\n%s", streamed.Bytes(), whole)
	}
	for _, s := range []string{r.Actors[0].ID, "plain", "", "\u00e9\u4e2d\U0001F600"} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
	for _, f := range []float64{0, 1, -2.5, 1e-7, 123456789e20, 0.1 + 0.2, 1e21, 5e-324} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f); !bytes.Equal(got, want) {
			t.Errorf("appendFloat(%v) = %s, want %s", f, got, want)
		}
	}
}
