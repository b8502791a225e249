package queries

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// BenchmarkTieWrite measures what writing tie relationships costs on the real server of
// NEO4J_URI (with LIAISON_EXTERNAL=1): 20,000 ties among 4,000 actors per operation, from no ties,
// in batches of 2,000 with two writers, as Push writes them. The variants back the schema's
// choices: the spells as lists on the one TIE per pair (the schema) against a TIE_SPELL
// relationship per row beside it; named factor properties against one list; and the
// endpoints found by (dataset, id) (the schema: element ids are not stable across
// transactions) against element ids.
//
//	go test -run '^$' -bench TieWrite -benchtime 3x ./queries
func BenchmarkTieWrite(b *testing.B) {
	s := session(b)
	ctx := context.Background()
	const nActors, nTies = 4000, 20000
	if _, err := s.Run(ctx, "MATCH (n) DETACH DELETE n", nil); err != nil {
		b.Fatal(err)
	}
	for _, q := range slices.Concat(obsolete, constraints) {
		if _, err := s.Run(ctx, q, nil); err != nil {
			b.Fatal(err)
		}
	}
	w := writer{s: s, batch: 2000, writers: 2}
	actors := make([]map[string]any, nActors)
	for i := range actors {
		actors[i] = map[string]any{"id": fmt.Sprintf("a%d", i), "dataset": DefaultDataset}
	}
	if _, err := s.Run(ctx, "CREATE "+datasetNode, map[string]any{"dataset": DefaultDataset}); err != nil {
		b.Fatal(err)
	}
	if err := writeRows(ctx, w, "actors", nodeWrite(true, actorKind), len(actors), func(i int) map[string]any { return actors[i] }, nil); err != nil {
		b.Fatal(err)
	}
	eids := map[string]string{}
	rows0, err := s.Run(ctx, "MATCH (a:Actor) RETURN a.id AS id, elementId(a) AS e", nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range rows0 {
		eids[r["id"].(string)] = r["e"].(string)
	}

	// Random distinct pairs, in node order.
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[[2]int]bool{}
	var pairs [][2]int
	for len(pairs) < nTies {
		p := [2]int{rng.IntN(nActors), rng.IntN(nActors)}
		if p[0] >= p[1] || seen[p] {
			continue
		}
		seen[p] = true
		pairs = append(pairs, p)
	}
	slicesSortPairs(pairs)

	analysisProps := func(p map[string]any) {
		p["weight"], p["class"], p["relationalScore"], p["pRelational"], p["decidedBy"] = 3.0, "transactional", rng.Float64(), rng.Float64(), "factors"
	}
	named := func(i int) map[string]any { // the schema: factors by name (4 with evidence here), spells as lists
		p := map[string]any{"spellLines": []int64{int64(i)}, "spellWeights": []float64{3}}
		analysisProps(p)
		for _, f := range []string{"Overlap", "Cliques", "Core", "Weight"} {
			p["factor"+f] = rng.Float64()
		}
		return p
	}
	list := func(i int) map[string]any { // the factors as one list (the schema of issue 16)
		p := map[string]any{"spellLines": []int64{int64(i)}, "spellWeights": []float64{3}}
		analysisProps(p)
		f := make([]float64, 9)
		for j := range f {
			f[j] = rng.Float64()
		}
		p["factors"] = f
		return p
	}
	spell := func(i int) map[string]any { // the analysis on TIE, the row on a TIE_SPELL beside it
		p := map[string]any{}
		analysisProps(p)
		for _, f := range []string{"Overlap", "Cliques", "Core", "Weight"} {
			p["factor"+f] = rng.Float64()
		}
		return p
	}
	byKey := relWrite(true, tieKind, relProps(tieKind, nil))
	byKeySet := relWrite(true, tieKind, nil) // SET x = row.props: an Eager in the plan
	byEID := "UNWIND $rows AS row MATCH (a:Actor) WHERE elementId(a) = row.ea MATCH (b:Actor) WHERE elementId(b) = row.eb CREATE (a)-[x:TIE]->(b) SET x = row.props RETURN count(*) AS n"
	withSpell := "UNWIND $rows AS row MATCH " + endpoint("a", labelActor, "row.a") + " MATCH " + endpoint("b", labelActor, "row.b") +
		" CREATE (a)-[x:TIE]->(b) SET x = row.props CREATE (a)-[y:TIE_SPELL]->(b) SET y = row.spell RETURN count(*) AS n"
	rows := func(props func(int) map[string]any) []map[string]any {
		out := make([]map[string]any, len(pairs))
		for i, p := range pairs {
			a, b := fmt.Sprintf("a%d", p[0]), fmt.Sprintf("a%d", p[1])
			out[i] = map[string]any{"a": a, "b": b, "ea": eids[a], "eb": eids[b], "props": props(i),
				"spell": map[string]any{"line": int64(i), "weight": 3.0}}
		}
		return out
	}
	for _, v := range []struct {
		name, cypher string
		rows         []map[string]any
	}{
		{"key/named-factors/spell-lists", byKey, rows(named)},
		{"key/named-factors/spell-lists/set-map", byKeySet, rows(named)},
		{"key/named-factors/spell-relationships", withSpell, rows(spell)},
		{"key/factor-list/spell-lists", byKey, rows(list)},
		{"element-id/named-factors/spell-lists", byEID, rows(named)},
	} {
		b.Run(v.name, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				if _, err := s.Run(ctx, "MATCH ()-[x:TIE|TIE_SPELL]->() DELETE x", nil); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := writeRows(ctx, w, "ties", v.cypher, len(v.rows), func(i int) map[string]any { return v.rows[i] }, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(nTies*b.N)/b.Elapsed().Seconds(), "ties/s")
		})
	}
	if _, err := s.Run(ctx, "MATCH (n) DETACH DELETE n", nil); err != nil {
		b.Fatal(err)
	}
}

func slicesSortPairs(p [][2]int) {
	slices.SortFunc(p, func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
}
