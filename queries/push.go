package queries

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

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
// a time per database (Push relies on the element ids of the nodes it has just written): a push
// takes the lock node (:PushLock) first and waits up to o.LockWait for another to release it.
func (s *Session) Push(ctx context.Context, r *analysis.Result, o PushOptions) (st PushStats, err error) {
	if r == nil || r.View == nil {
		return st, fmt.Errorf("push: no analysed layer")
	}
	d := r.View.Data
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
	for _, q := range constraints {
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
	// What is there already (count-store lookups): relationships of a type the database does
	// not have yet are created, the others merged.
	before := map[string]int64{}
	for _, k := range kinds {
		n, err := s.count(ctx, k.countCypher())
		if err != nil {
			return st, fmt.Errorf("push: %w", err)
		}
		before[k.stage] = n
	}
	// The data set node says the push is under way until its last step.
	if _, err := s.Run(ctx, "MERGE "+datasetNode+" SET d = $meta, d."+propComplete+" = false, d."+propPushStarted+" = datetime()",
		map[string]any{"meta": datasetRow(d, r)}); err != nil {
		return st, fmt.Errorf("push: data set: %w", err)
	}

	// Everything to write, then the writes in order: nodes first, their element ids locating
	// the relationships' endpoints.
	actors, clubs := actorRows(d, r), clubRows(d, r)
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
	// The nodes' element ids and positions, by label: as in d.Actors (d.Clubs).
	eids := map[string][]string{labelActor: make([]string, len(actors)), labelClub: make([]string, len(clubs))}
	index := map[string]func(id string) (int, bool){labelActor: d.ActorIndex, labelClub: d.ClubIndex}

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
		var row func(i int) map[string]any
		var each func(id, e string)
		var cypher string
		if k.node() {
			rows, eid, at := nodes[k.stage], eids[k.label], index[k.label]
			n, row, cypher = len(rows), func(i int) map[string]any { return rows[i] }, nodeWrite(k)
			each = func(id, e string) {
				if i, ok := at(id); ok {
					eid[i] = e
				}
			}
		} else { // endpoints are known once the nodes are written
			<-built
			set := rels[k.stage]
			n, row, cypher = len(set.rels), set.row(eids[k.from], eids[k.to]), relWrite(before[k.stage] == 0, k.from, k.label, k.to, k.by)
		}
		done, total = 0, n
		progress(k.stage, 0)
		if err := writeRows(ctx, w, k.stage, cypher, n, row, each, progress); err != nil {
			return st, fmt.Errorf("push: %w", err)
		}
	}
	st = PushStats{Actors: len(d.Actors), Clubs: len(d.Clubs), Ties: len(d.Ties), Memberships: len(d.Memberships), Exchanges: len(d.Exchanges)}

	// What an earlier push wrote and this data set no longer has (a second relationship for
	// one key included). Every node and relationship written is there, so a count equal to
	// what was written means there is nothing else: only then is nothing read back.
	for _, k := range kinds {
		want, keep := len(nodes[k.stage]), func() map[string]bool { return nodeKeys(nodes[k.stage]) }
		if !k.node() {
			set := rels[k.stage]
			want, keep = len(set.rels), func() map[string]bool { return relKeys(k, *set) }
		}
		n, err := s.count(ctx, k.countCypher())
		if err != nil {
			return st, fmt.Errorf("push: clean up: %w", err)
		}
		if n == int64(want) {
			continue
		}
		if o.Progress != nil {
			o.Progress("clean up", 0, 0)
		}
		if err := w.sweep(ctx, k, keep()); err != nil {
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
