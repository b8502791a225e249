package queries

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
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

// A push waits for the push lock held by another and fails with who holds it; once released
// (or expired), it pushes.
func TestPushLock(t *testing.T) {
	s := session(t)
	_, r := example(t, 0)
	ctx := context.Background()
	other, err := Open(ctx, s.Conn) // the other push's session
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	if err := other.claimLock(ctx, "other-push", time.Minute); err != nil {
		t.Fatal(err)
	}
	defer other.unlock("other-push")
	start := time.Now()
	_, err = s.Push(ctx, r, PushOptions{Batch: 500, LockWait: time.Second})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another push (owner other-push) holds the lock until ") {
		t.Fatalf("push while locked: %v", err)
	}
	if el := time.Since(start); el < time.Second || el > 10*time.Second {
		t.Errorf("waited %v for a lock wait of 1s", el)
	}
	if err := other.unlock("other-push"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Push(ctx, r, PushOptions{Batch: 500, LockWait: time.Second}); err != nil {
		t.Fatalf("push after the lock was released: %v", err)
	}
	if n := count(t, s, "MATCH (l:PushLock) RETURN count(l) AS n"); n != 0 {
		t.Errorf("%d lock nodes after a push", n)
	}
	// An expired lease is taken over.
	if err := other.claimLock(ctx, "dead-push", time.Millisecond); err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond)
	if _, err := s.Push(ctx, r, PushOptions{Batch: 500, LockWait: -1}); err != nil {
		t.Fatalf("push over an expired lock: %v", err)
	}
}
