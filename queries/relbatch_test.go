package queries

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// relCreate, the first load's relationship write, on the real server: endpoints that repeat
// within a batch (as source, as target and as both), rows whose endpoints were looked up in an
// earlier batch, batches of one row and of every row, one writer and three; every
// relationship must join the nodes its row names and carry its row's properties. A batch with
// an endpoint that is not there writes nothing, and a property outside the list is refused.
func TestRelCreate(t *testing.T) {
	s := session(t)
	ctx := context.Background()
	wipe := func() {
		if _, err := s.Run(ctx, "MATCH (n) DETACH DELETE n", nil); err != nil {
			t.Fatal(err)
		}
	}
	wipe()
	t.Cleanup(wipe) // the other data set's actors would count in the tests after this one
	for _, q := range slices.Concat(obsolete, constraints) {
		if _, err := s.Run(ctx, q, nil); err != nil {
			t.Fatal(err)
		}
	}
	// Actors a0 … a5 of this data set, and a0 and z0 of another data set that must never be used.
	for _, q := range []string{
		"CREATE " + datasetNode + " WITH d UNWIND range(0, 5) AS i CREATE (d)-[:" + typeContains + "]->(:Actor {dataset: $dataset, id: 'a' + i})",
		"CREATE (:Actor {dataset: 'other', id: 'a0'}), (:Actor {dataset: 'other', id: 'z0'})",
	} {
		if _, err := s.Run(ctx, q, map[string]any{propDataset: DefaultDataset}); err != nil {
			t.Fatal(err)
		}
	}
	pairs := [][2]string{{"a0", "a1"}, {"a0", "a2"}, {"a1", "a2"}, {"a2", "a0"}, {"a0", "a1"}, {"a3", "a3"}, {"a5", "a4"}, {"a1", "a5"}, {"a0", "a5"}}
	set := relSet{rels: make([]rel, len(pairs))}
	for i, p := range pairs {
		props := map[string]any{propLine: int64(i), propDomain: "d" + p[0] + p[1]}
		if i%2 == 0 {
			props[propVolume] = float64(i) / 2
		}
		set.rels[i] = rel{a: p[0], b: p[1], props: props}
	}
	keys := relProps(exchangeKind, nil)
	want := make([]string, len(pairs))
	for i, p := range pairs {
		vol := "null"
		if i%2 == 0 {
			vol = fmt.Sprint(float64(i) / 2)
		}
		want[i] = fmt.Sprintf("%s>%s line=%d domain=d%s%s volume=%s", p[0], p[1], i, p[0], p[1], vol)
	}
	slices.Sort(want)
	read := func() []string {
		rows, err := s.Run(ctx, "MATCH (a:Actor)-[x:"+exchangeKind.label+"]->(b:Actor) RETURN a.dataset + ':' + a.id AS a, b.dataset + ':' + b.id AS b, "+
			"x.line AS line, x.domain AS domain, x.volume AS volume, size(keys(x)) AS nkeys", nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			vol := "null"
			if v, ok := r["volume"].(float64); ok {
				vol = fmt.Sprint(v)
			}
			a, b := strings.TrimPrefix(r["a"].(string), DefaultDataset+":"), strings.TrimPrefix(r["b"].(string), DefaultDataset+":")
			out = append(out, fmt.Sprintf("%s>%s line=%d domain=%s volume=%s", a, b, r["line"], r["domain"], vol))
			if n, nk := int64(2), r["nkeys"].(int64); vol != "null" && nk != n+1 || vol == "null" && nk != n {
				t.Errorf("%s>%s has %d properties", a, b, nk)
			}
		}
		slices.Sort(out)
		return out
	}
	clear := func() {
		if _, err := s.Run(ctx, "MATCH ()-[x:"+exchangeKind.label+"]->() DELETE x", nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ batch, writers int }{{1, 1}, {2, 1}, {4, 3}, {len(pairs), 1}, {100, 2}} {
		clear()
		w := writer{s: s, batch: c.batch, writers: c.writers}
		if err := writeBatches(ctx, w, "exchanges", relCreate(exchangeKind, keys), len(set.rels), set.batch(keys), nil); err != nil {
			t.Fatalf("batch %d, writers %d: %v", c.batch, c.writers, err)
		}
		if got := read(); !slices.Equal(got, want) {
			t.Errorf("batch %d, writers %d: wrote\n%s\nwant\n%s", c.batch, c.writers, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}

	// An endpoint missing from the data set (a9 nowhere, z0 only in another data set), as
	// source and as target: its batch writes nothing and fails.
	for _, miss := range [][2]string{{"a1", "a9"}, {"z0", "a1"}} {
		clear()
		bad := relSet{rels: []rel{{a: "a0", b: "a1", props: map[string]any{propLine: int64(0)}}, {a: miss[0], b: miss[1], props: map[string]any{propLine: int64(1)}}}}
		err := writeBatches(ctx, writer{s: s, batch: 10, writers: 1}, "exchanges", relCreate(exchangeKind, keys), 2, bad.batch(keys), nil)
		if err == nil || !strings.Contains(err.Error(), "wrote only 0") {
			t.Errorf("missing endpoint %v: err = %v, want a batch that wrote only 0", miss, err)
		}
		if got := read(); len(got) != 0 {
			t.Errorf("missing endpoint %v: the batch wrote %v", miss, got)
		}
	}
	// A property the list does not have.
	odd := relSet{rels: []rel{{a: "a0", b: "a1", props: map[string]any{"unlisted": int64(0)}}}}
	err := writeBatches(ctx, writer{s: s, batch: 10, writers: 1}, "exchanges", relCreate(exchangeKind, keys), 1, odd.batch(keys), nil)
	if err == nil || !strings.Contains(err.Error(), `"unlisted"`) {
		t.Errorf("unlisted property: err = %v", err)
	}
	if got := read(); len(got) != 0 {
		t.Errorf("unlisted property: wrote %v", got)
	}
}
