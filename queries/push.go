package queries

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/liaison-net/liaison/analysis"
)

// PushOptions tune Push.
type PushOptions struct {
	Batch    int                                 // nodes or relationships per write transaction (default 2,000)
	Writers  int                                 // batches written at once (default 2)
	Progress func(stage string, done, total int) // told each stage's nodes or relationships written
	// LockWait is how long to wait for another push to release the push lock (default 30 s;
	// negative: do not wait).
	LockWait time.Duration
	// Owner names the push in the lock (default host/pid/random).
	Owner string
}

// PushStats counts what Push wrote.
type PushStats struct {
	Actors, Clubs, Ties, Memberships, Exchanges int
}

func (s PushStats) Rows() int { return s.Actors + s.Clubs + s.Ties + s.Memberships + s.Exchanges }

// Push writes the analysis r and its data set (r.View.Data, every row whatever the period) into
// the database: constraints
// first, then batched UNWIND writes, each batch a transaction written whole or not at all. It
// replaces what a previous push wrote (properties are set whole; nodes and relationships the
// data set no longer has are deleted), so pushing twice changes nothing. Relationships are
// created outright when the database has none of their type and merged otherwise. One push at
// a time per data set (the sweep of one would delete the other's writes): a push takes the
// lock node (:PushLock {id: DATASET}) first and waits up to o.LockWait for another to release
// it. The data set is the session's (Conn.Dataset); other data sets in the database are left
// alone.
func (s *Session) Push(ctx context.Context, r *analysis.Result, o PushOptions) (st PushStats, err error) {
	if r == nil || r.View == nil {
		return st, fmt.Errorf("push: no analysed layer")
	}
	d := r.View.Data
	if err := checkDatasetName(s.dataset()); err != nil {
		return st, fmt.Errorf("push: %w", err)
	}
	for _, c := range d.Columns.Actors {
		if slices.Contains(analysisProps, c.Name) || slices.Contains(actorKind.columns, c.Name) {
			return st, fmt.Errorf("push: actors.csv column %q clashes with a property of the schema", c.Name)
		}
	}
	if o.Batch <= 0 {
		o.Batch = 2000
	}
	if o.Writers <= 0 {
		o.Writers = 2
	}
	for _, q := range slices.Concat(obsolete, constraints) {
		if _, err := s.Run(ctx, q, nil); err != nil {
			return st, fmt.Errorf("push: constraints: %w", err)
		}
	}
	// One push at a time: the lock, renewed while the push runs, released at its end.
	if o.LockWait == 0 {
		o.LockWait = 30 * time.Second
	}
	if o.Owner == "" {
		o.Owner = lockOwner()
	}
	if err := s.lock(ctx, o.Owner, max(0, o.LockWait)); err != nil {
		return st, fmt.Errorf("push: %w", err)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	go s.renewLock(ctx, o.Owner, cancel)
	defer func() {
		cancel(nil)
		if uerr := s.unlock(o.Owner); uerr != nil && err == nil {
			err = fmt.Errorf("push: release the lock: %w", uerr)
		}
	}()
	defer func() {
		if c := context.Cause(ctx); err != nil && c != nil && !errors.Is(c, context.Canceled) {
			err = fmt.Errorf("%w (%v)", err, c)
		}
	}()
	// What is there already: relationships of a type the data set does not have yet are
	// created, the others merged. A count-store lookup first; the data set's own count only
	// when the database has some.
	counts := func(scoped bool) (map[string]int64, error) {
		out := map[string]int64{}
		for _, k := range kinds {
			q := k.countCypher()
			if scoped {
				q = k.scopedCount()
			}
			n, err := s.count(ctx, q)
			if err != nil {
				return nil, err
			}
			out[k.stage] = n
		}
		return out, nil
	}
	before, err := counts(false)
	if err != nil {
		return st, fmt.Errorf("push: %w", err)
	}
	for _, n := range before {
		if n > 0 {
			if before, err = counts(true); err != nil {
				return st, fmt.Errorf("push: %w", err)
			}
			break
		}
	}
	// The data set node says the push is under way until its last step.
	name := s.dataset()
	if _, err := s.Run(ctx, "MERGE "+datasetNode+" SET d = $meta, d."+propComplete+" = false, d."+propPushStarted+" = datetime()",
		map[string]any{"meta": datasetRow(name, d, r)}); err != nil {
		return st, fmt.Errorf("push: data set: %w", err)
	}

	// Everything to write, then the writes in order: nodes first, the relationships' endpoints.
	actors, clubs := actorRows(name, d, r), clubRows(name, d, r)
	// The relationships are built while the nodes are written.
	var ties, mems relSet
	built := make(chan struct{})
	go func() {
		defer close(built)
		ties, mems = tieRows(d, r), memberRows(d)
	}()
	exs := exchangeRows(d)
	nodes := map[string][]map[string]any{actorKind.stage: actors, clubKind.stage: clubs}
	rels := map[string]*relSet{tieKind.stage: &ties, memberKind.stage: &mems, exchangeKind.stage: &exs}

	// Progress is per stage: the nodes or relationships of the stage written so far.
	done, total := 0, 0
	progress := func(stage string, n int) {
		done += n
		if o.Progress != nil {
			o.Progress(stage, done, total)
		}
	}
	w := writer{s: s, batch: o.Batch, writers: o.Writers}
	for _, k := range kinds {
		var n int
		var params func(lo, hi int) (map[string]any, error)
		var cypher string
		fresh := before[k.stage] == 0
		switch {
		case k.node():
			rows := nodes[k.stage]
			n, params, cypher = len(rows), func(lo, hi int) (map[string]any, error) { return map[string]any{"rows": rows[lo:hi]}, nil }, nodeWrite(fresh, k)
		case fresh: // the fast form: endpoints sought once per batch, rows as lists
			<-built
			set, keys := rels[k.stage], relProps(k, k.cols(&d.Columns))
			n, params, cypher = len(set.rels), set.batch(keys), relCreate(k, keys)
		default:
			<-built
			set := rels[k.stage]
			n, cypher = len(set.rels), relWrite(false, k, nil)
			params = func(lo, hi int) (map[string]any, error) {
				rows := make([]map[string]any, hi-lo)
				for i := range rows {
					rows[i] = set.row(lo + i)
				}
				return map[string]any{"rows": rows}, nil
			}
		}
		done, total = 0, n
		progress(k.stage, 0)
		if err := writeBatches(ctx, w, k.stage, cypher, n, params, progress); err != nil {
			return st, fmt.Errorf("push: %w", err)
		}
	}
	st = PushStats{Actors: len(d.Actors), Clubs: len(d.Clubs), Ties: len(d.Ties), Memberships: len(d.Memberships), Exchanges: len(d.Exchanges)}

	// What an earlier push wrote and this data set no longer has (a second relationship for
	// one key included). Every node and relationship written is there, so a count equal to
	// what was written means there is nothing else: only then is nothing read back. The
	// database's count first (a count-store lookup), then the data set's.
	for _, k := range kinds {
		want, keep, rewrite := len(nodes[k.stage]), func() map[string]int { return nodeKeys(nodes[k.stage]) }, func(int) map[string]any { return nil }
		if !k.node() {
			set := rels[k.stage]
			want, keep, rewrite = len(set.rels), func() map[string]int { return relKeys(k, *set) }, set.row
		}
		n, err := s.count(ctx, k.countCypher())
		if err == nil && n != int64(want) {
			n, err = s.count(ctx, k.scopedCount())
		}
		if err != nil {
			return st, fmt.Errorf("push: clean up: %w", err)
		}
		if n == int64(want) {
			continue
		}
		if o.Progress != nil {
			o.Progress("clean up", 0, 0)
		}
		if err := w.sweep(ctx, k, keep(), rewrite); err != nil {
			return st, fmt.Errorf("push: clean up: %w", err)
		}
	}
	if err := s.pushProvenance(ctx, w, d, o.Progress); err != nil {
		return st, fmt.Errorf("push: %w", err)
	}
	if _, err := s.Run(ctx, "MATCH "+datasetNode+" SET d."+propComplete+" = true, d."+propPushFinished+" = datetime()", nil); err != nil {
		return st, fmt.Errorf("push: finish: %w", err)
	}
	return st, nil
}

// checkDatasetName refuses an empty data set name or one with control characters.
func checkDatasetName(name string) error {
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("empty data set name")
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return fmt.Errorf("data set name %q has a control character", name)
		}
	}
	return nil
}
