package inference

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

func analyse(t testing.TB, l *graphmodel.Layer) *analysis.Result {
	t.Helper()
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func jsonOf(t testing.TB, r *analysis.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWithRowsSame: a data set rebuilt from its own rows analyses to the same bytes (so a
// null draw differs from the data only by what it moves).
func TestWithRowsSame(t *testing.T) {
	l := layerOf(t, "testdata/example", graphmodel.Combined, 2005)
	d2, err := l.Data.WithRows(slices.Clone(l.Data.Ties), slices.Clone(l.Data.Memberships), slices.Clone(l.Data.Exchanges))
	if err != nil {
		t.Fatal(err)
	}
	l2, err := d2.Layer(l.Options)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := jsonOf(t, analyse(t, l)), jsonOf(t, analyse(t, l2)); !bytes.Equal(a, b) {
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Errorf("the rebuilt data set analyses differently: %q vs %q", a[max(0, i-200):min(len(a), i+100)], b[max(0, i-200):min(len(b), i+100)])
	}
	bad := slices.Clone(l.Data.Ties)
	bad[0].Target = bad[0].Source
	if _, err := l.Data.WithRows(bad, nil, nil); err == nil {
		t.Error("a self-tie was accepted")
	}
}

// TestNullKeepsMargins: a draw keeps every node's bilateral degree, every club's size and
// every actor's number of clubs (in the period), the nodes and the bilateral weights (as a
// multiset), and it does move edges and memberships.
func TestNullKeepsMargins(t *testing.T) {
	for _, at := range []int{0, 2005} {
		l := layerOf(t, "testdata/example", graphmodel.Combined, at)
		nm := newNullModel(l)
		d, ts, ms, err := nm.draw(rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		if ts == 0 || ms == 0 {
			t.Errorf("at %d: %d edge and %d membership swaps", at, ts, ms)
		}
		l2, err := d.Layer(l.Options)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(l.Actors(), l2.Actors()) {
			t.Fatalf("at %d: the nodes changed", at)
		}
		b1, b2 := as(t, l, graphmodel.Bilateral), as(t, l2, graphmodel.Bilateral)
		var w1, w2 []float64
		same := 0
		for u := range l.Actors() {
			n1, x1 := b1.Adjacency(int64(u))
			n2, x2 := b2.Adjacency(int64(u))
			if len(n1) != len(n2) {
				t.Errorf("at %d: %s has degree %d, %d in the draw", at, l.Actor(int64(u)), len(n1), len(n2))
			}
			if slices.Equal(n1, n2) {
				same++
			}
			w1, w2 = append(w1, x1...), append(w2, x2...)
		}
		slices.Sort(w1)
		slices.Sort(w2)
		if !slices.Equal(w1, w2) {
			t.Errorf("at %d: the bilateral weights changed", at)
		}
		if same == len(l.Actors()) {
			t.Errorf("at %d: no neighbourhood changed", at)
		}
		size := func(l *graphmodel.Layer) (map[string]int, map[string]int) {
			clubs, actors := map[string]int{}, map[string]int{}
			for _, c := range l.Clubs {
				clubs[c.ID] = len(c.Members)
				for _, u := range c.Members {
					actors[l.Actor(int64(u))]++
				}
			}
			return clubs, actors
		}
		c1, a1 := size(l)
		c2, a2 := size(l2)
		for k, v := range c1 {
			if c2[k] != v {
				t.Errorf("at %d: club %s has %d members, %d in the draw", at, k, v, c2[k])
			}
		}
		for k, v := range a1 {
			if a2[k] != v {
				t.Errorf("at %d: %s is in %d clubs, %d in the draw", at, k, v, a2[k])
			}
		}
	}
}

// TestSignificanceDeterministic: the same seed gives the same result with 1 and 3 workers;
// p-values are in (0, 1]; the observed statistics are the analysis' own.
func TestSignificanceDeterministic(t *testing.T) {
	l := layerOf(t, "testdata/example", graphmodel.Combined, 2005)
	r := analyse(t, l)
	ctx := context.Background()
	a, err := Significance(ctx, r, SignificanceOptions{Reps: 8, Seed: 3, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Significance(ctx, r, SignificanceOptions{Reps: 8, Seed: 3, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Hubs, b.Hubs) || !slices.Equal(a.Typology, b.Typology) || !slices.Equal(a.Centralization, b.Centralization) {
		t.Errorf("1 worker: %+v\n3 workers: %+v", a, b)
	}
	if len(a.Hubs) != len(r.Hubs) {
		t.Errorf("%d hubs tested, %d listed", len(a.Hubs), len(r.Hubs))
	}
	for _, h := range a.Hubs {
		if !(h.PScore > 0 && h.PScore <= 1 && h.PRank > 0 && h.PRank <= 1) {
			t.Errorf("hub %+v", h)
		}
	}
	if a.Typology[1].Observed != float64(r.Typology.RelationalBilateral) {
		t.Errorf("typology %+v, analysis %+v", a.Typology, r.Typology)
	}
}

// TestCentralization: Freeman's degree centralisation is 1 for a star and 0 for a cycle.
func TestCentralization(t *testing.T) {
	n := 6
	star := []float64{5, 1, 1, 1, 1, 1}
	if c := Centralization(star, float64((n-1)*(n-2))); c != 1 {
		t.Errorf("star: %v", c)
	}
	if c := Centralization([]float64{2, 2, 2, 2, 2, 2}, float64((n-1)*(n-2))); c != 0 {
		t.Errorf("cycle: %v", c)
	}
}

// TestSignificancePlanted: two 6-cliques joined by one bridge. Rewiring with the same degrees
// breaks the cliques and makes short cuts, so the bridge's betweenness centralisation is
// higher than in every draw: p(≥) is the smallest possible, 1/(reps+1).
func TestSignificancePlanted(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	b.WriteString("source,target\n")
	for _, side := range []string{"a", "b"} {
		for i := 0; i < 6; i++ {
			for j := i + 1; j < 6; j++ {
				fmt.Fprintf(&b, "%s%d,%s%d\n", side, i, side, j)
			}
		}
	}
	b.WriteString("a0,b0\n")
	if err := os.WriteFile(filepath.Join(dir, "ties.csv"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := graphmodel.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s, err := Significance(context.Background(), analyse(t, l), SignificanceOptions{Reps: 19})
	if err != nil {
		t.Fatal(err)
	}
	bc := s.Centralization[1]
	if bc.Name != "betweenness" || bc.PGreater != 1.0/20 || !(bc.NullMean < bc.Observed) {
		t.Errorf("betweenness centralisation %+v: want the data above every draw", bc)
	}
	if dc := s.Centralization[0]; dc.NullSD > 1e-12 || dc.PGreater != 1 || dc.PLess != 1 {
		t.Errorf("degree centralisation %+v: the null keeps the degrees, so it never changes", dc)
	}
}
