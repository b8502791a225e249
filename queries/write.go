package queries

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The write protocol of Push: nodes merged on their id in batched UNWIND transactions that
// return their element ids; relationships found by those element ids and created into a type
// the database does not have yet, merged otherwise; every batch checked to write all its rows;
// last, the sweep of what an earlier push left.

// writer writes rows in batches, each batch its own write transaction, writers batches at
// once (Neo4j retries the transient lock conflicts of concurrent batches; ExecuteWrite retries
// them too).
type writer struct {
	s              *Session
	batch, writers int
}

// writeRows runs cypher with each batch of the n rows row(0) … row(n-1) as $rows in its own
// write transaction: a batch is written whole or not at all. Rows are made batch by batch,
// by the writers, so row must be safe for concurrent use. The query returns either one count n or one record
// per row with the columns k and e (each gets them, in no particular order, once the batch is
// committed); a batch that writes fewer rows than it holds (an endpoint missing) is rolled
// back and fails. progress is told each committed batch's size.
func writeRows[T any](ctx context.Context, w writer, stage, cypher string, n int, row func(i int) T, each func(k, e string), progress func(stage string, n int)) error {
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
			sess := w.s.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: w.s.Conn.Database, AccessMode: neo4j.AccessModeWrite})
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
				chunk := make([]T, min(n, start+batch)-start)
				for i := range chunk {
					chunk[i] = row(start + i)
				}
				tctx, cancel := w.s.Conn.txContext(ctx)
				out, err := sess.ExecuteWrite(tctx, func(tx neo4j.ManagedTransaction) (any, error) {
					r, err := tx.Run(ctx, cypher, map[string]any{"rows": chunk})
					if err != nil {
						return nil, err
					}
					recs, err := r.Collect(ctx)
					if err != nil {
						return nil, err
					}
					n := int64(len(recs))
					if len(recs) == 1 {
						if c, ok := recs[0].Get("n"); ok {
							n, _ = c.(int64)
						}
					}
					if n < int64(len(chunk)) { // more: MERGE met a duplicate, which the sweep removes
						return nil, fmt.Errorf("a batch of %d rows wrote only %d (a node it refers to is missing: was the database changed during the push?)",
							len(chunk), n)
					}
					return recs, nil
				}, neo4j.WithTxTimeout(w.s.Conn.txTimeout()))
				err = timedOut(tctx, err)
				cancel()
				mu.Lock()
				switch {
				case err != nil && firstErr == nil:
					firstErr = fmt.Errorf("%s: %w", stage, classify(w.s.Conn, err))
				case err == nil:
					if each != nil {
						for _, rec := range out.([]*neo4j.Record) {
							k, _ := rec.Get("k")
							e, _ := rec.Get("e")
							ks, _ := k.(string)
							es, _ := e.(string)
							each(ks, es)
						}
					}
					if progress != nil {
						progress(stage, len(chunk))
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// sweep deletes the nodes or relationships of the kind k (as listCypher lists them) whose
// key is not in keep or repeats an earlier one, by element id.
func (w writer) sweep(ctx context.Context, k kind, keep map[string]bool) error {
	stage, list, del := k.stage, k.listCypher(), k.deleteCypher()
	sess := w.s.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: w.s.Conn.Database, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	tctx, cancel := w.s.Conn.txContext(ctx)
	defer cancel()
	out, err := sess.ExecuteRead(tctx, func(tx neo4j.ManagedTransaction) (any, error) {
		r, err := tx.Run(ctx, list, nil)
		if err != nil {
			return nil, err
		}
		var stale []string
		seen := map[string]bool{}
		var parts []string
		for r.Next(ctx) {
			k, _ := r.Record().Get("k")
			e, _ := r.Record().Get("e")
			parts = parts[:0]
			l, _ := k.([]any)
			for _, x := range l {
				s, _ := x.(string)
				parts = append(parts, s)
			}
			id := key(parts...)
			if !keep[id] || seen[id] {
				stale = append(stale, e.(string))
			}
			seen[id] = true
		}
		return stale, r.Err()
	}, neo4j.WithTxTimeout(w.s.Conn.txTimeout()))
	if err = timedOut(tctx, err); err != nil {
		return fmt.Errorf("%s: %w", stage, classify(w.s.Conn, err))
	}
	stale := out.([]string)
	return writeRows(ctx, w, stage, del+" RETURN count(*) AS n", len(stale), func(i int) string { return stale[i] }, nil, nil)
}

// nodeWrite is the Cypher that merges the rows of a node kind on their id and sets each
// node's properties whole (so stale ones go); it returns each row's id k and element id e.
func nodeWrite(k kind) string {
	return "UNWIND $rows AS row MERGE (x:" + k.label + " {" + propID + ": row." + propID + "}) SET x = row RETURN row." + propID +
		" AS k, elementId(x) AS e"
}

// relWrite is the Cypher that writes the rows of relSet.row: CREATE when the database has no
// relationship of the type (nothing to match), MERGE otherwise; merged on the property by when
// not empty. It returns one count per batch, checked against the batch's rows.
func relWrite(fresh bool, from, typ, to, by string) string {
	verb, pattern := "MERGE", "[x:"+typ+"]"
	if fresh {
		verb = "CREATE"
	}
	if by != "" {
		pattern = "[x:" + typ + " {" + by + ": row.props." + by + "}]"
	}
	return "UNWIND $rows AS row MATCH (a:" + from + ") WHERE elementId(a) = row.a MATCH (b:" + to + ") WHERE elementId(b) = row.b " +
		verb + " (a)-" + pattern + "->(b) SET x = row.props RETURN count(*) AS n"
}

// row returns relationship i as a row for relWrite, its endpoints as element ids (by
// position in from and to).
func (s relSet) row(from, to []string) func(i int) map[string]any {
	return func(i int) map[string]any {
		r := s.rels[i]
		p := r.props
		if p == nil {
			p = s.props(i)
		}
		return map[string]any{"a": from[r.ia], "b": to[r.ib], "props": p}
	}
}

// match is the pattern of the kind's nodes or relationships, as x.
func (k kind) match() string {
	if k.node() {
		return "(x:" + k.label + ")"
	}
	return "()-[x:" + k.label + "]->()"
}

// countCypher counts the kind's nodes or relationships, as n (a count-store lookup).
func (k kind) countCypher() string { return "MATCH " + k.match() + " RETURN count(x) AS n" }

// listCypher lists the kind's nodes or relationships as their key k (a node's id; a
// relationship's endpoints' ids, after its by property if any) and element id e.
func (k kind) listCypher() string {
	if k.node() {
		return "MATCH " + k.match() + " RETURN [x." + propID + "] AS k, elementId(x) AS e"
	}
	ends := "a." + propID + ", b." + propID
	if k.by != "" {
		ends = "toString(x." + k.by + "), " + ends
	}
	return "MATCH (a)-[x:" + k.label + "]->(b) RETURN [" + ends + "] AS k, elementId(x) AS e"
}

// deleteCypher deletes the kind's nodes (with their relationships) or relationships of the
// element ids $rows.
func (k kind) deleteCypher() string {
	del := "DELETE x"
	if k.node() {
		del = "DETACH DELETE x"
	}
	return "UNWIND $rows AS id MATCH " + k.match() + " WHERE elementId(x) = id " + del
}

// count runs a query returning one count n.
func (s *Session) count(ctx context.Context, cypher string) (int64, error) {
	rows, err := s.Run(ctx, cypher, nil)
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
func nodeKeys(rows []map[string]any) map[string]bool {
	m := make(map[string]bool, len(rows))
	for _, p := range rows {
		id, _ := p[propID].(string)
		m[key(id)] = true
	}
	return m
}

// relKeys are the keys of the written relationships of the kind k, as listCypher lists them
// (a relationship per row is keyed by its position, its by property, too).
func relKeys(k kind, set relSet) map[string]bool {
	m := make(map[string]bool, len(set.rels))
	for i, r := range set.rels {
		if k.by != "" {
			m[key(strconv.Itoa(i), r.a, r.b)] = true
		} else {
			m[key(r.a, r.b)] = true
		}
	}
	return m
}
