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
// choices: the cost grows with the number of properties (a list is one), and finding the
// endpoints by element id, in node order, beats a lookup in the id index.
//
//	go test -run '^$' -bench TieWrite -benchtime 3x ./queries
func BenchmarkTieWrite(b *testing.B) {
	s := session(b)
	ctx := context.Background()
	const nActors, nTies = 4000, 20000
	if _, err := s.Run(ctx, "MATCH (n) DETACH DELETE n", nil); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Run(ctx, "CREATE CONSTRAINT liaison_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE", nil); err != nil {
		b.Fatal(err)
	}
	w := writer{s: s, batch: 2000, writers: 2}
	actors := make([]map[string]any, nActors)
	for i := range actors {
		actors[i] = map[string]any{"id": fmt.Sprintf("a%d", i)}
	}
	eid := make([]string, nActors)
	err := writeRows(ctx, w, "actors", "UNWIND $rows AS row MERGE (a:Actor {id: row.id}) RETURN row.id AS k, elementId(a) AS e",
		len(actors), func(i int) map[string]any { return actors[i] },
		func(k, e string) {
			var i int
			fmt.Sscanf(k, "a%d", &i)
			eid[i] = e
		}, nil)
	if err != nil {
		b.Fatal(err)
	}

	// Random distinct pairs, in random order.
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
	sorted := append([][2]int(nil), pairs...)
	slicesSortPairs(sorted)

	one := func(int) map[string]any { return map[string]any{"weight": 3.0} }
	three := func(int) map[string]any {
		return map[string]any{"weight": 3.0, "class": "transactional", "relational_score": rng.Float64()}
	}
	named := func(i int) map[string]any { // the analysis with one property per factor
		p := three(i)
		p["spell_line"], p["spell_weight"] = []int64{int64(i)}, []float64{3}
		for _, f := range []string{"overlap", "cliques", "core", "clubs", "duration", "continuity", "multiplexity", "weight", "reciprocity"} {
			p["factor_"+f] = rng.Float64()
		}
		return p
	}
	list := func(i int) map[string]any { // the schema: the factors as one list
		p := three(i)
		p["spell_line"], p["spell_weight"] = []int64{int64(i)}, []float64{3}
		f := make([]float64, 9)
		for j := range f {
			f[j] = rng.Float64()
		}
		p["factors"] = f
		return p
	}
	byIndex := "UNWIND $rows AS row MATCH (a:Actor {id: row.aid}), (b:Actor {id: row.bid}) CREATE (a)-[x:TIE]->(b) SET x = row.props RETURN count(*) AS n"
	byEID := relWrite(true, "Actor", "TIE", "Actor", "")
	rows := func(ps [][2]int, props func(int) map[string]any) []map[string]any {
		out := make([]map[string]any, len(ps))
		for i, p := range ps {
			out[i] = map[string]any{"a": eid[p[0]], "b": eid[p[1]], "aid": fmt.Sprintf("a%d", p[0]), "bid": fmt.Sprintf("a%d", p[1]), "props": props(i)}
		}
		return out
	}
	for _, v := range []struct {
		name, cypher string
		rows         []map[string]any
	}{
		{"index/1-property", byIndex, rows(pairs, one)},
		{"index/3-properties", byIndex, rows(pairs, three)},
		{"index/named-factors-14-properties", byIndex, rows(pairs, named)},
		{"index/factor-list-6-properties", byIndex, rows(pairs, list)},
		{"element-id/factor-list-6-properties", byEID, rows(pairs, list)},
		{"element-id-sorted/factor-list-6-properties", byEID, rows(sorted, list)},
	} {
		b.Run(v.name, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				if _, err := s.Run(ctx, "MATCH ()-[x:TIE]->() DELETE x", nil); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := writeRows(ctx, w, "ties", v.cypher, len(v.rows), func(i int) map[string]any { return v.rows[i] }, nil, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(nTies*b.N)/b.Elapsed().Seconds(), "ties/s")
		})
	}
}

func slicesSortPairs(p [][2]int) {
	slices.SortFunc(p, func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
}
