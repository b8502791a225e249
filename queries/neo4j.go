package queries

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Conn names a Neo4j server and database.
type Conn struct {
	URI, User, Password, Database string
}

// ConnFromEnv reads NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USER (neo4j),
// NEO4J_PASSWORD and NEO4J_DATABASE (neo4j).
func ConnFromEnv() Conn {
	get := func(k, def string) string {
		if v := os.Getenv(k); v != "" {
			return v
		}
		return def
	}
	return Conn{
		URI:      get("NEO4J_URI", "bolt://127.0.0.1:7687"),
		User:     get("NEO4J_USER", "neo4j"),
		Password: get("NEO4J_PASSWORD", "liaison-test-password"),
		Database: get("NEO4J_DATABASE", "neo4j"),
	}
}

// Errors that say what is wrong with a connection.
var (
	ErrUnreachable    = errors.New("Neo4j server unreachable")
	ErrUnauthorized   = errors.New("Neo4j authentication failed (wrong user or password)")
	ErrNoSuchDatabase = errors.New("Neo4j database not found")
)

// classify wraps a driver error with one of the connection errors when it is one.
func classify(c Conn, err error) error {
	if err == nil {
		return nil
	}
	var ne *neo4j.Neo4jError
	switch {
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Security.Unauthorized"):
		return fmt.Errorf("%w: user %q at %s: %v", ErrUnauthorized, c.User, c.URI, err)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "DatabaseNotFound"):
		return fmt.Errorf("%w: %q at %s: %v", ErrNoSuchDatabase, c.Database, c.URI, err)
	case neo4j.IsConnectivityError(err):
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, c.URI, err)
	}
	return err
}

// Session is an open connection to one database.
type Session struct {
	Conn   Conn
	Driver neo4j.DriverWithContext
}

// Open connects and checks that the server answers, the credentials are right and the
// database exists; each failure is reported as ErrUnreachable, ErrUnauthorized or
// ErrNoSuchDatabase.
func Open(ctx context.Context, c Conn) (*Session, error) {
	drv, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.User, c.Password, ""), func(cfg *config.Config) {
		cfg.SocketConnectTimeout = 5 * time.Second
		cfg.ConnectionAcquisitionTimeout = 15 * time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %w", c.URI, err)
	}
	s := &Session{Conn: c, Driver: drv}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		drv.Close(ctx)
		return nil, classify(c, err)
	}
	if _, err := s.Run(ctx, "RETURN 1 AS ok", nil); err != nil {
		drv.Close(ctx)
		return nil, err
	}
	return s, nil
}

// Close closes the connection.
func (s *Session) Close(ctx context.Context) error { return s.Driver.Close(ctx) }

// Run runs one read or write query and returns its records as maps (column → value).
func (s *Session) Run(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.Driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.Conn.Database))
	if err != nil {
		return nil, classify(s.Conn, err)
	}
	out := make([]map[string]any, len(res.Records))
	for i, r := range res.Records {
		out[i] = r.AsMap()
	}
	return out, nil
}

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
				out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
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
				})
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

// sweep deletes what list returns (columns k: a list of strings, e: an element id) when its
// key is not in keep or repeats an earlier one; del deletes the element ids $rows.
func (w writer) sweep(ctx context.Context, stage, list, del string, keep map[string]bool) error {
	sess := w.s.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: w.s.Conn.Database, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
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
	})
	if err != nil {
		return fmt.Errorf("%s: %w", stage, classify(w.s.Conn, err))
	}
	stale := out.([]string)
	return writeRows(ctx, w, stage, del+" RETURN count(*) AS n", len(stale), func(i int) string { return stale[i] }, nil, nil)
}
