package queries

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// An interrupted push leaves the data set marked incomplete, and Pull refuses it; a push that
// finishes pulls.
func TestPullRefusesIncompletePush(t *testing.T) {
	s := session(t)
	d, r := example(t, 0)
	// Cancelled midway: after the first batch of ties.
	ctx, cancel := context.WithCancel(context.Background())
	_, err := s.Push(ctx, r, PushOptions{Batch: 37, Progress: func(stage string, done, _ int) {
		if stage == "ties" && done > 0 {
			cancel()
		}
	}})
	cancel()
	if err == nil {
		t.Fatal("a cancelled push succeeded")
	}
	if err := s.Pull(context.Background(), t.TempDir()); !errors.Is(err, ErrIncompletePush) ||
		!strings.Contains(err.Error(), "the last push did not finish; push again") {
		t.Fatalf("pull after an interrupted push: %v", err)
	}
	push(t, s, d, r)
	if err := s.Pull(context.Background(), t.TempDir()); err != nil {
		t.Fatalf("pull after a complete push: %v", err)
	}
	// The marker set back by hand, as a push killed before its last step leaves it.
	if _, err := s.Run(context.Background(), "MATCH "+datasetNode+" SET d."+propComplete+" = false", nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Pull(context.Background(), t.TempDir()); !errors.Is(err, ErrIncompletePush) {
		t.Fatalf("pull of a data set marked incomplete: %v", err)
	}
	push(t, s, d, r)
}
