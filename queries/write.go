package queries

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The write protocol of Push: nodes merged on their key (dataset, id) in batched UNWIND
// transactions, each linked to its data set node; relationships whose endpoints are found by
// the same keys (an index seek: element ids are not stable across transactions), created
// into a data set that has none of their type yet, merged otherwise; every batch checked to
// write all its rows; last, the sweep of what an earlier push left, by key too.

// writer writes rows in batches, each batch its own write transaction, writers batches at
// once (Neo4j retries the transient lock conflicts of concurrent batches; ExecuteWrite retries
// them too).
type writer struct {
	s              *Session
	batch, writers int
}

// writeRows runs cypher with each batch of the n rows row(0) … row(n-1) as $rows (and the data
// set's name as $dataset) in its own write transaction: a batch is written whole or not at
// all. Rows are made batch by batch, by the writers, so row must be safe for concurrent use.
// The query returns one count n; a batch that writes fewer rows than it holds (an endpoint
// missing) is rolled back and fails. progress is told each committed batch's size. The
// sessions share the driver's bookmark manager with Run, so what is read next sees the writes.
func writeRows[T any](ctx context.Context, w writer, stage, cypher string, n int, row func(i int) T, progress func(stage string, n int)) error {
	return writeBatches(ctx, w, stage, cypher, n, func(lo, hi int) (map[string]any, error) {
		chunk := make([]T, hi-lo)
		for i := range chunk {
			chunk[i] = row(lo + i)
		}
		return map[string]any{"rows": chunk}, nil
	}, progress)
}

// writeBatches is writeRows with the parameters of each batch, rows lo … hi-1, made by
// params (which must be safe for concurrent use); $dataset is added to them.
func writeBatches(ctx context.Context, w writer, stage, cypher string, n int, params func(lo, hi int) (map[string]any, error), progress func(stage string, n int)) error {
	batch := w.batch
	if batch <= 0 {
		batch = 2000
	}
	var mu sync.Mutex
	var firstErr error
	next := 0
	var wg sync.WaitGroup
	for range max(1, w.writers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sess := w.s.session(ctx, neo4j.AccessModeWrite)
			defer sess.Close(ctx)
			for {
				mu.Lock()
				if firstErr != nil || next >= n {
					mu.Unlock()
					return
				}
				start := next
				next += batch
				mu.Unlock()
				end := min(n, start+batch)
				p, err := params(start, end)
				if err == nil {
					p[propDataset] = w.s.dataset()
					tctx, cancel := w.s.Conn.txContext(ctx)
					_, err = sess.ExecuteWrite(tctx, func(tx neo4j.ManagedTransaction) (any, error) {
						r, err := tx.Run(ctx, cypher, p)
						if err != nil {
							return nil, err
						}
						rec, err := r.Single(ctx)
						if err != nil {
							return nil, err
						}
						c, _ := rec.Get("n")
						got, _ := c.(int64)
						if got < int64(end-start) { // more: MERGE met a duplicate, which the sweep removes
							return nil, fmt.Errorf("a batch of %d rows wrote only %d (a node it refers to is missing: was the database changed during the push?)",
								end-start, got)
						}
						return nil, nil
					}, neo4j.WithTxTimeout(w.s.Conn.txTimeout()))
					err = classify(w.s.Conn, timedOut(tctx, err))
					cancel()
				}
				mu.Lock()
				switch {
				case err != nil && firstErr == nil:
					firstErr = fmt.Errorf("%s: %w", stage, err)
				case err == nil && progress != nil:
					progress(stage, end-start)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// sweep deletes the nodes or relationships of the kind k (as listCypher lists them) whose
// key is not among the keys written; a relationship key that repeats is rewritten whole from
// its row (rewrite: the index of the key's row, and the rows).
func (w writer) sweep(ctx context.Context, k kind, keep map[string]int, rewrite func(i int) map[string]any) error {
	stage := k.stage
	rows, err := w.s.RunRead(ctx, k.listCypher(), nil)
	if err != nil {
		return fmt.Errorf("%s: %w", stage, err)
	}
	var stale []map[string]any
	var dup []int
	seen := map[string]int{}
	for _, r := range rows {
		a, b, seq := str(r["a"]), str(r["b"]), r["s"]
		id := key(a, b)
		if k.by != "" {
			id = key(str(seq), a, b)
		}
		seen[id]++
		i, ok := keep[id]
		switch {
		case !ok && seen[id] == 1:
			stale = append(stale, map[string]any{"a": a, "b": b, "s": seq})
		case ok && seen[id] == 2:
			dup = append(dup, i)
		}
	}
	if err := writeRows(ctx, w, stage, k.deleteCypher(), len(stale), func(i int) map[string]any { return stale[i] }, nil); err != nil {
		return err
	}
	if k.node() || len(dup) == 0 {
		return nil
	}
	return writeRows(ctx, w, stage, k.rewriteCypher(), len(dup), func(i int) map[string]any { return rewrite(dup[i]) }, nil)
}

// endpoint matches a node of the data set by its id, given as the expression id.
func endpoint(v, label, id string) string {
	return "(" + v + ":" + label + " {" + propDataset + ": $" + propDataset + ", " + propID + ": " + id + "})"
}

// nodeWrite is the Cypher that merges the rows of a node kind on their key and sets each
// node's properties whole (so stale ones go), linked to the data set node; into a data set
// without nodes of the kind (fresh), it creates them and their links outright (the
// constraint still refuses a duplicate).
func nodeWrite(fresh bool, k kind) string {
	if fresh {
		return "MATCH " + datasetNode + " UNWIND $rows AS row CREATE (x:" + k.label + ") SET x = row CREATE (d)-[:" + typeContains + "]->(x) RETURN count(*) AS n"
	}
	return "MATCH " + datasetNode + " UNWIND $rows AS row MERGE " + endpoint("x", k.label, "row."+propID) +
		" SET x = row MERGE (d)-[:" + typeContains + "]->(x) RETURN count(*) AS n"
}

// relWrite is the Cypher that writes the rows of relSet.row: CREATE when the data set has no
// relationship of the type (nothing to match), MERGE otherwise; merged on the property by when
// not empty. It returns one count per batch, checked against the batch's rows.
func relWrite(fresh bool, k kind, keys []string) string {
	verb, pattern := "MERGE", "[x:"+k.label+"]"
	if fresh && len(keys) > 0 {
		// Each property by name (a missing one is null: no property), not SET x = row.props,
		// which makes Neo4j plan an Eager (it cannot tell the map's keys from the endpoints'
		// properties read by the MATCH).
		var ps []string
		for _, key := range keys {
			q := "`" + strings.ReplaceAll(key, "`", "``") + "`"
			ps = append(ps, q+": row.props."+q)
		}
		return "UNWIND $rows AS row MATCH " + endpoint("a", k.from, "row.a") + " MATCH " + endpoint("b", k.to, "row.b") +
			" CREATE (a)-[x:" + k.label + " {" + strings.Join(ps, ", ") + "}]->(b) RETURN count(*) AS n"
	}
	if fresh {
		verb = "CREATE"
	}
	if k.by != "" {
		pattern = "[x:" + k.label + " {" + k.by + ": row.props." + k.by + "}]"
	}
	return "UNWIND $rows AS row MATCH " + endpoint("a", k.from, "row.a") + " MATCH " + endpoint("b", k.to, "row.b") + " " +
		verb + " (a)-" + pattern + "->(b) SET x = row.props RETURN count(*) AS n"
}

// row returns relationship i as a row for relWrite: its endpoints' ids and its properties.
func (s relSet) row(i int) map[string]any {
	r := s.rels[i]
	p := r.props
	if p == nil {
		p = s.props(i)
	}
	return map[string]any{"a": r.a, "b": r.b, "props": p}
}

// scope matches the kind's nodes of the data set, or its relationships from them, as x.
func (k kind) scope() string {
	if k.node() {
		return "MATCH (x:" + k.label + ") WHERE x." + propDataset + " = $" + propDataset
	}
	return "MATCH (a:" + k.from + ")-[x:" + k.label + "]->(b:" + k.to + ") WHERE a." + propDataset + " = $" + propDataset
}

// countCypher counts the kind's nodes or relationships in the database, as n (a count-store
// lookup); scopedCount those of the data set.
func (k kind) countCypher() string {
	if k.node() {
		return "MATCH (x:" + k.label + ") RETURN count(x) AS n"
	}
	return "MATCH ()-[x:" + k.label + "]->() RETURN count(x) AS n"
}
func (k kind) scopedCount() string { return k.scope() + " RETURN count(x) AS n" }

// listCypher lists the keys of the kind's nodes (a: the id) or relationships (a, b: the
// endpoints' ids; s: the by property, -1 when missing) in the data set.
func (k kind) listCypher() string {
	if k.node() {
		return k.scope() + " AND x." + propID + " IS NOT NULL RETURN x." + propID + " AS a, '' AS b, null AS s"
	}
	seq := "null"
	if k.by != "" {
		seq = "coalesce(x." + k.by + ", -1)"
	}
	return k.scope() + " AND b." + propDataset + " = $" + propDataset + " RETURN a." + propID + " AS a, b." + propID + " AS b, " + seq + " AS s"
}

// deleteCypher deletes the kind's nodes (with their relationships) or relationships of the
// keys $rows (as listCypher lists them).
func (k kind) deleteCypher() string {
	if k.node() {
		return "UNWIND $rows AS row MATCH " + endpoint("x", k.label, "row.a") + " DETACH DELETE x RETURN count(*) AS n"
	}
	where := ""
	if k.by != "" {
		where = " WHERE coalesce(x." + k.by + ", -1) = row.s"
	}
	return "UNWIND $rows AS row MATCH " + endpoint("a", k.from, "row.a") + "-[x:" + k.label + "]->" + endpoint("b", k.to, "row.b") + where +
		" DELETE x RETURN count(*) AS n"
}

// rewriteCypher replaces every relationship of a row's key by one written from the row (a
// key that repeats), in one transaction.
func (k kind) rewriteCypher() string {
	where, pattern := "", "[y:"+k.label+"]"
	if k.by != "" {
		where = " WHERE x." + k.by + " = row.props." + k.by
	}
	return "UNWIND $rows AS row MATCH " + endpoint("a", k.from, "row.a") + "-[x:" + k.label + "]->" + endpoint("b", k.to, "row.b") + where +
		" WITH a, b, row, collect(x) AS xs FOREACH (z IN xs | DELETE z) CREATE (a)-" + pattern + "->(b) SET y = row.props RETURN count(*) AS n"
}

// count runs a query returning one count n.
func (s *Session) count(ctx context.Context, cypher string) (int64, error) {
	rows, err := s.RunRead(ctx, cypher, nil)
	if err != nil {
		return 0, err
	}
	if len(rows) != 1 {
		return 0, fmt.Errorf("%s: %d rows", cypher, len(rows))
	}
	n, _ := rows[0]["n"].(int64)
	return n, nil
}

// key joins the parts of a key (ids may hold any character but NUL).
func key(parts ...string) string { return strings.Join(parts, "\x00") }

// nodeKeys are the keys of written node rows, as listCypher lists them.
func nodeKeys(rows []map[string]any) map[string]int {
	m := make(map[string]int, len(rows))
	for i, p := range rows {
		id, _ := p[propID].(string)
		m[key(id, "")] = i
	}
	return m
}

// relKeys are the keys of the written relationships of the kind k, as listCypher lists them
// (a relationship per row is keyed by its position, its by property, too), each with its
// index in set.
func relKeys(k kind, set relSet) map[string]int {
	m := make(map[string]int, len(set.rels))
	for i, r := range set.rels {
		if k.by != "" {
			m[key(strconv.Itoa(i), r.a, r.b)] = i
		} else {
			m[key(r.a, r.b)] = i
		}
	}
	return m
}
