package structure

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// reference is testdata/structure/reference.json, written by scripts/structure_reference.py.
type reference struct {
	Coreness      map[string]float64 `json:"coreness"`
	ContinuousFit *float64           `json:"continuous_fit"`
	DiscreteFit   *float64           `json:"discrete_fit"`
	Triads        *Triads            `json:"triads"`
	Balanced      float64            `json:"balanced"`
	Ambivalent    int                `json:"ambivalent"`
	MinErrorK2    float64            `json:"min_error_k2"`
	MinErrorK3    float64            `json:"min_error_k3"`
}

func loadReference(t *testing.T) map[string]reference {
	t.Helper()
	b, err := os.ReadFile("../testdata/structure/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref map[string]reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

// layerOf loads a data set and returns its bilateral layer over all time.
func layerOf(t *testing.T, dir string) *graphmodel.Layer {
	t.Helper()
	d, err := graphmodel.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.Layer = graphmodel.Bilateral
	l, err := d.Layer(o)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func graphOf(l *graphmodel.Layer) Graph {
	off, nbr, w, _ := l.CSR()
	return Graph{N: l.Len(), Off: off, Nbr: nbr, W: w}
}

func caseDir(name string) string {
	if name == "karate" {
		return "../testdata/karate"
	}
	return filepath.Join("../testdata/structure", name)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*max(1, math.Abs(b)) }

// TestCorePeripheryReference compares the continuous coreness and both fits with the
// script's Newton solution and exhaustive search.
func TestCorePeripheryReference(t *testing.T) {
	for name, ref := range loadReference(t) {
		if ref.ContinuousFit == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			l := layerOf(t, caseDir(name))
			g := graphOf(l)
			if err := g.Check(); err != nil {
				t.Fatal(err)
			}
			cp := CorePeripheryOf(g)
			worst := 0.0
			for u, id := range l.Actors() {
				want, ok := ref.Coreness[id]
				if !ok {
					t.Fatalf("no reference coreness for %s", id)
				}
				worst = max(worst, math.Abs(cp.Coreness[u]-want))
			}
			if worst > 1e-9 {
				t.Errorf("coreness differs from the reference by up to %g", worst)
			}
			t.Logf("coreness within %.1e of the reference; continuous fit %.1e, discrete fit %.1e", worst,
				math.Abs(cp.ContinuousFit-*ref.ContinuousFit), math.Abs(cp.DiscreteFit-ptrOr(ref.DiscreteFit, cp.DiscreteFit)))
			if !near(cp.ContinuousFit, *ref.ContinuousFit, 1e-9) {
				t.Errorf("continuous fit %.15g, reference %.15g", cp.ContinuousFit, *ref.ContinuousFit)
			}
			if ref.DiscreteFit != nil && !near(cp.DiscreteFit, *ref.DiscreteFit, 1e-9) {
				t.Errorf("discrete fit %.15g, exhaustive best %.15g", cp.DiscreteFit, *ref.DiscreteFit)
			}
			// The fit reported is the fit of the partition reported (recomputed cell by cell).
			if f := directDiscreteFit(g, cp.Core); !near(cp.DiscreteFit, f, 1e-12) {
				t.Errorf("discrete fit %.15g, but its partition's fit is %.15g", cp.DiscreteFit, f)
			}
		})
	}
}

func ptrOr(p *float64, v float64) float64 {
	if p == nil {
		return v
	}
	return *p
}

// directDiscreteFit is the discrete fit of a partition by the definition, pair by pair.
func directDiscreteFit(g Graph, core []bool) float64 {
	adj := map[[2]int]bool{}
	for u := 0; u < g.N; u++ {
		for _, v := range g.nbrs(u) {
			adj[[2]int{u, int(v)}] = true
		}
	}
	var x, y []float64
	for i := 0; i < g.N; i++ {
		for j := i + 1; j < g.N; j++ {
			if core[i] != core[j] {
				continue
			}
			a := 0.0
			if adj[[2]int{i, j}] {
				a = 1
			}
			d := 0.0
			if core[i] {
				d = 1
			}
			x, y = append(x, a), append(y, d)
		}
	}
	var sx, sy, sxx, syy, sxy float64
	for k := range x {
		sx, sy, sxx, syy, sxy = sx+x[k], sy+y[k], sxx+x[k]*x[k], syy+y[k]*y[k], sxy+x[k]*y[k]
	}
	return pearson(float64(len(x)), sx, sxx, sy, syy, sxy)
}

// TestBalanceReference compares the triad counts with the script's count over every triple
// and the partition's error with the exhaustive minimum over every partition.
func TestBalanceReference(t *testing.T) {
	for name, ref := range loadReference(t) {
		if ref.Triads == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			l := layerOf(t, caseDir(name))
			var neg [][2]int32
			for _, p := range l.Negative() {
				neg = append(neg, [2]int32{p.U, p.V})
			}
			s := SignedOf(graphOf(l), neg)
			if got := s.Triads(); got != *ref.Triads {
				t.Errorf("triads %+v, reference %+v", got, *ref.Triads)
			}
			if got := s.Triads().Balanced(); !near(got, ref.Balanced, 1e-12) {
				t.Errorf("balanced share %v, reference %v", got, ref.Balanced)
			}
			if s.Ambivalent != ref.Ambivalent {
				t.Errorf("ambivalent pairs %d, reference %d", s.Ambivalent, ref.Ambivalent)
			}
			for k, want := range map[int]float64{2: ref.MinErrorK2, 3: ref.MinErrorK3} {
				p := s.BalancePartition(PartitionOptions{Clusters: k, Seed: 7})
				if !near(p.Error, want, 1e-12) {
					t.Errorf("k=%d: error %v, exhaustive minimum %v", k, p.Error, want)
				}
				nw, pb := s.errorsOf(p.Of)
				if nw != p.NegativeWithin || pb != p.PositiveBetween || !near(p.Error, 0.5*float64(nw+pb), 1e-12) {
					t.Errorf("k=%d: reported N=%d P=%d error %v, the partition has N=%d P=%d", k, p.NegativeWithin, p.PositiveBetween, p.Error, nw, pb)
				}
			}
		})
	}
}

// TestStructureReferenceReproducible reruns the script: the reference files are its output.
func TestStructureReferenceReproducible(t *testing.T) {
	py := testenv.Python(t, "numpy")
	out, err := exec.Command(py, "../scripts/structure_reference.py", "--check").CombinedOutput()
	if err != nil {
		t.Fatalf("structure_reference.py --check: %v\n%s", err, out)
	}
}

// TestBalancePartitionMonotone checks that more clusters never give a larger error (the best
// partition into k−1 is a start for k), on the signed cases.
func TestBalancePartitionMonotone(t *testing.T) {
	for name, ref := range loadReference(t) {
		if ref.Triads == nil {
			continue
		}
		l := layerOf(t, caseDir(name))
		var neg [][2]int32
		for _, p := range l.Negative() {
			neg = append(neg, [2]int32{p.U, p.V})
		}
		s := SignedOf(graphOf(l), neg)
		last := math.Inf(1)
		for k := 1; k <= 5; k++ {
			p := s.BalancePartition(PartitionOptions{Clusters: k, Starts: 3})
			if p.Error > last {
				t.Errorf("%s: k=%d error %v above k=%d's %v", name, k, p.Error, k-1, last)
			}
			last = p.Error
		}
	}
}
