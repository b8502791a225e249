package analysis

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestLeidenAgainstIgraph checks Leiden on every reference case: the modularity of the best
// of 10 runs is at least igraph's best community_leiden over 10 seeds (written by
// scripts/reference.py), every community is connected (the guarantee of Traag et al.), the
// modularity reported is that of the partition, and the result does not depend on workers.
func TestLeidenAgainstIgraph(t *testing.T) {
	for _, ref := range loadReferences(t) {
		t.Run(ref.Case, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("../testdata/reference", ref.Case+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var want struct {
				Q float64 `json:"leiden_igraph_best_modularity"`
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			x := NewIndex(ref.layer(t))
			c := LeidenParallel(x, 1, 10, 2)
			if c.Modularity < want.Q-1e-12 {
				t.Errorf("Leiden modularity %.6f < igraph's best %.6f", c.Modularity, want.Q)
			}
			labels := make([]int32, x.N)
			for v, g := range c.Of {
				labels[v] = int32(g)
			}
			if q := Modularity(x, labels); q != c.Modularity {
				t.Errorf("reported modularity %v, partition's %v", c.Modularity, q)
			}
			checkConnected(t, x, c)
			if one := LeidenParallel(x, 1, 10, 1); one.Modularity != c.Modularity || one.Seed != c.Seed {
				t.Errorf("1 worker: modularity %v seed %d, 2 workers: %v seed %d", one.Modularity, one.Seed, c.Modularity, c.Seed)
			}
			lv := Louvain(x, 1, 10)
			t.Logf("Leiden %.6f (%d communities), igraph best %.6f, Louvain %.6f", c.Modularity, len(c.Groups), want.Q, lv.Modularity)
		})
	}
}

// TestLeidenConnected checks the connectivity guarantee on graphs where Louvain is known to
// leave disconnected communities more often: sparse random and power-law graphs.
func TestLeidenConnected(t *testing.T) {
	for _, x := range []*Index{NewIndex(randomLayer(t, 2000, 5000, 12)), NewIndex(powerLawLayer(t, 3000, 13))} {
		c := Leiden(x, 1, 3)
		checkConnected(t, x, c)
		lv := Louvain(x, 1, 3)
		t.Logf("n %d: Leiden Q %.6f (%d communities), Louvain Q %.6f", x.N, c.Modularity, len(c.Groups), lv.Modularity)
		if c.Modularity < lv.Modularity-0.01 {
			t.Errorf("Leiden modularity %.6f far below Louvain's %.6f", c.Modularity, lv.Modularity)
		}
	}
}

func checkConnected(t *testing.T, x *Index, c Communities) {
	t.Helper()
	for g, members := range c.Groups {
		seen := map[int32]bool{members[0]: true}
		queue := []int32{members[0]}
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, w := range x.Nbr[x.Off[v]:x.Off[v+1]] {
				if c.Of[w] == g && !seen[w] {
					seen[w] = true
					queue = append(queue, w)
				}
			}
		}
		if len(seen) != len(members) {
			t.Errorf("community %d of %d nodes is not connected (%d reached)", g, len(members), len(seen))
		}
	}
}
