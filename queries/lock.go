package queries

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

// The push lock: a lease node (:PushLock {id: DATASET, owner, expires}), one per data set, claimed by MERGE in
// its own transaction, renewed while the push runs and deleted at its end, so that two pushes
// cannot interleave (their sweeps would delete each other's data).

// lockLease is how long a claim lasts unless renewed (a push renews it every third of it): a
// push killed without releasing the lock blocks the next one for at most this long.
const lockLease = 60 * time.Second

// ErrLocked is Push's error when another push holds the lock for longer than it waits.
var ErrLocked = errors.New("another push holds the lock")

// lockedError says who holds the lock and until when.
type lockedError struct{ owner, until string }

func (e lockedError) Error() string {
	return fmt.Sprintf("another push (owner %s) holds the lock until %s", e.owner, e.until)
}
func (e lockedError) Unwrap() error { return ErrLocked }

// claimLock takes the lock for owner for lease, when it is free (absent, expired or owner's
// already); otherwise it returns a lockedError. The _lock write takes the node's write lock
// before its owner and expiry are read, so two claims cannot both see it free.
func (s *Session) claimLock(ctx context.Context, owner string, lease time.Duration) error {
	rows, err := s.Run(ctx, `MERGE (l:`+labelPushLock+` {`+propID+`: $dataset})
		SET l._lock = true
		WITH l, (l.`+propOwner+` IS NULL OR l.`+propOwner+` = $owner OR l.`+propExpires+` < datetime()) AS free
		FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
			SET l.`+propOwner+` = $owner, l.`+propExpires+` = datetime() + duration({milliseconds: $lease}))
		REMOVE l._lock
		RETURN free, l.`+propOwner+` AS owner, toString(l.`+propExpires+`) AS expires`,
		map[string]any{"owner": owner, "lease": lease.Milliseconds(), propDataset: s.dataset()})
	if err != nil {
		return err
	}
	if len(rows) != 1 {
		return fmt.Errorf("push lock: %d rows", len(rows))
	}
	if free, _ := rows[0]["free"].(bool); !free {
		return lockedError{str(rows[0]["owner"]), str(rows[0]["expires"])}
	}
	return nil
}

// lock claims the push lock, trying again until wait has passed.
func (s *Session) lock(ctx context.Context, owner string, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := s.claimLock(ctx, owner, lockLease)
		var le lockedError
		if !errors.As(err, &le) || !time.Now().Before(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(min(250*time.Millisecond, time.Until(deadline))):
		}
	}
}

// renewLock extends owner's lease every third of it until ctx is done; it calls lost when the
// lock is no longer owner's.
func (s *Session) renewLock(ctx context.Context, owner string, lost func(error)) {
	t := time.NewTicker(lockLease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.claimLock(ctx, owner, lockLease); err != nil && ctx.Err() == nil {
				lost(fmt.Errorf("push lost its lock: %w", err))
				return
			}
		}
	}
}

// unlock releases owner's lock (with its own deadline: ctx may be cancelled already).
func (s *Session) unlock(owner string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := s.Run(ctx, "MATCH (l:"+labelPushLock+" {"+propID+": $dataset, "+propOwner+": $owner}) DELETE l",
		map[string]any{"owner": owner, propDataset: s.dataset()})
	return err
}

// lockOwner names this push: host, process and a random suffix.
func lockOwner() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
}
