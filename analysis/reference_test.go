package analysis

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// reference is a golden file written by scripts/reference.py from NetworkX and exact
// arithmetic.
type reference struct {
	Case    string `json:"case"`
	Dataset string `json:"dataset"`
	Options struct {
		Layer      string  `json:"layer"`
		At         *int    `json:"at"`
		ClubWeight float64 `json:"club_weight"`
		Projection string  `json:"projection"`
	} `json:"options"`
	Nodes  []string             `json:"nodes"`
	Edges  [][3]json.RawMessage `json:"edges"`
	Actors []map[string]any     `json:"actors"`
	// Cliques are the maximal cliques of ≥ 3 actors.
	Cliques  [][]string `json:"cliques"`
	BestQ    float64    `json:"louvain_best_modularity"`
	NXBCDiff float64    `json:"max_betweenness_networkx_error"`
}

func loadReferences(t *testing.T) []reference {
	t.Helper()
	files, err := filepath.Glob("../testdata/reference/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no reference files: %v", err)
	}
	var refs []reference
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var r reference
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		refs = append(refs, r)
	}
	return refs
}

func (r reference) layer(t *testing.T) *graphmodel.Layer {
	t.Helper()
	d, err := graphmodel.Load(filepath.Join("..", r.Dataset))
	if err != nil {
		t.Fatal(err)
	}
	o := graphmodel.Options{Layer: graphmodel.LayerKind(r.Options.Layer), ClubWeight: r.Options.ClubWeight, Projection: graphmodel.Projection(r.Options.Projection)}
	if r.Options.At != nil {
		o.At = *r.Options.At
	}
	l, err := d.Layer(o)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// close reports whether got is within rel of want (relative, with an absolute floor of rel
// for values near zero).
func close(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want))
}

// TestAgainstReferences compares every measure with the reference values: relative 1e-9
// (1e-6 for the iterative eigenvector and PageRank), cliques exactly, and Louvain modularity
// at least NetworkX's best over 10 seeds minus 0.01.
func TestAgainstReferences(t *testing.T) {
	tolerance := map[string]float64{
		"degree": 1e-9, "strength": 1e-9, "betweenness": 1e-9, "closeness": 1e-9, "harmonic": 1e-9,
		"eigenvector": 1e-6, "pagerank": 1e-6, "core": 1e-9, "clustering": 1e-9,
		"constraint": 1e-9, "effective_size": 1e-9,
	}
	for _, ref := range loadReferences(t) {
		t.Run(ref.Case, func(t *testing.T) {
			l := ref.layer(t)
			if !reflect.DeepEqual(l.Actors(), ref.Nodes) {
				t.Fatalf("nodes %v, want %v", l.Actors(), ref.Nodes)
			}
			if l.EdgeCount() != len(ref.Edges) {
				t.Errorf("%d edges, want %d", l.EdgeCount(), len(ref.Edges))
			}
			for _, e := range ref.Edges {
				var u, v string
				var w float64
				_ = json.Unmarshal(e[0], &u)
				_ = json.Unmarshal(e[1], &v)
				_ = json.Unmarshal(e[2], &w)
				x, _ := l.NodeID(u)
				y, _ := l.NodeID(v)
				if got, ok := l.Weight(x, y); !ok || !close(got, w, 1e-12) {
					t.Errorf("edge %s–%s weight %v, want %v", u, v, got, w)
				}
			}
			r, err := Analyze(context.Background(), l, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]map[string]float64{}
			for _, a := range r.Actors {
				b, _ := json.Marshal(a)
				var m map[string]float64
				dec := map[string]any{}
				_ = json.Unmarshal(b, &dec)
				m = map[string]float64{}
				for k, v := range dec {
					if f, ok := v.(float64); ok {
						m[k] = f
					}
				}
				got[a.ID] = m
			}
			worst := map[string]float64{}
			for _, want := range ref.Actors {
				id := want["id"].(string)
				for field, tol := range tolerance {
					w := want[field].(float64)
					g, ok := got[id][field]
					if !ok {
						t.Errorf("%s: no %s", id, field)
						continue
					}
					worst[field] = math.Max(worst[field], math.Abs(g-w))
					if !close(g, w, tol) {
						t.Errorf("%s %s = %.17g, want %.17g", id, field, g, w)
					}
				}
			}
			t.Logf("largest absolute differences: %v", worst)
			if !reflect.DeepEqual(r.Cliques, ref.Cliques) && !(len(r.Cliques) == 0 && len(ref.Cliques) == 0) {
				t.Errorf("cliques\n got %v\nwant %v", r.Cliques, ref.Cliques)
			}
			if q := r.Communities.Modularity; q < ref.BestQ-0.01 {
				t.Errorf("modularity %v < NetworkX best %v − 0.01", q, ref.BestQ)
			} else {
				t.Logf("modularity %.6f, NetworkX best of 10 seeds %.6f", q, ref.BestQ)
			}
		})
	}
}

// TestReferencesReproducible checks that the golden files are exactly what
// scripts/reference.py writes (so none was typed in or edited by hand).
func TestReferencesReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs NetworkX")
	}
	py := testenv.Python(t, "networkx", "numpy", "igraph")
	out, err := exec.Command(py, "../scripts/reference.py", "--check").CombinedOutput()
	if err != nil {
		t.Fatalf("reference.py --check: %v\n%s", err, out)
	}
}
