package queries

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Conn names a Neo4j server and database.
type Conn struct {
	URI, User, Password, Database string
	// Timeouts (0: the defaults DefaultConnectTimeout, DefaultAcquireTimeout, DefaultTxTimeout):
	// of the TCP connect, of acquiring a connection (connect and handshake, or a free one
	// from the pool), and of each transaction (on the server, and bounding the client's wait).
	ConnectTimeout, AcquireTimeout, TxTimeout time.Duration
}

// The default timeouts.
const (
	DefaultConnectTimeout = 5 * time.Second
	DefaultAcquireTimeout = 15 * time.Second
	DefaultTxTimeout      = 120 * time.Second
)

// Errors that say which timeout expired.
var (
	ErrConnectTimeout = errors.New("Neo4j connect timeout expired")
	ErrAcquireTimeout = errors.New("Neo4j connection acquisition timeout expired (connected but no answer)")
	ErrTxTimeout      = errors.New("Neo4j transaction timeout expired")
)

func (c Conn) timeouts() (connect, acquire, tx time.Duration) {
	pick := func(v, def time.Duration) time.Duration {
		if v > 0 {
			return v
		}
		return def
	}
	return pick(c.ConnectTimeout, DefaultConnectTimeout), pick(c.AcquireTimeout, DefaultAcquireTimeout), pick(c.TxTimeout, DefaultTxTimeout)
}

func (c Conn) txTimeout() time.Duration { _, _, tx := c.timeouts(); return tx }

// txContext bounds one transaction on the client as well (a paused server never answers):
// the transaction timeout plus the acquisition of its connection; it expires with
// ErrTxTimeout as its cause.
func (c Conn) txContext(ctx context.Context) (context.Context, context.CancelFunc) {
	_, acquire, tx := c.timeouts()
	return context.WithTimeoutCause(ctx, tx+acquire, fmt.Errorf("%w (%v, --tx-timeout)", ErrTxTimeout, tx))
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
	_, acquire, tx := c.timeouts()
	switch {
	case errors.Is(err, ErrTxTimeout), errors.Is(err, ErrAcquireTimeout), errors.Is(err, ErrConnectTimeout):
		return err
	case errors.As(err, &ne) && strings.Contains(ne.Code, "TransactionTimedOut"):
		return fmt.Errorf("%w (%v, --tx-timeout): %v", ErrTxTimeout, tx, err)
	case errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, ErrTxTimeout):
		return fmt.Errorf("%w (%v, --acquire-timeout): %s: %v", ErrAcquireTimeout, acquire, c.URI, err)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Security.Unauthorized"):
		return fmt.Errorf("%w: user %q at %s: %v", ErrUnauthorized, c.User, c.URI, err)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "DatabaseNotFound"):
		return fmt.Errorf("%w: %q at %s: %v", ErrNoSuchDatabase, c.Database, c.URI, err)
	case neo4j.IsConnectivityError(err):
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, c.URI, err)
	}
	return err
}

// timedOut names the timeout that expired when ctx ended with its own cause (one of the
// timeout errors) and err is what the driver made of it.
func timedOut(ctx context.Context, err error) error {
	if c := context.Cause(ctx); ctx.Err() != nil && c != nil && c != ctx.Err() && !errors.Is(err, c) {
		return fmt.Errorf("%w: %v", c, err)
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
	connect, acquire, _ := c.timeouts()
	drv, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.User, c.Password, ""), func(cfg *config.Config) {
		cfg.SocketConnectTimeout = connect
		cfg.ConnectionAcquisitionTimeout = acquire
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %w", c.URI, err)
	}
	s := &Session{Conn: c, Driver: drv}
	vctx, cancel := context.WithTimeoutCause(ctx, acquire, fmt.Errorf("%w (%v, --acquire-timeout)", ErrAcquireTimeout, acquire))
	defer cancel()
	if err := drv.VerifyConnectivity(vctx); err != nil {
		drv.Close(ctx)
		return nil, classify(c, timedOut(vctx, err))
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
	_, _, txt := s.Conn.timeouts()
	tctx, cancel := s.Conn.txContext(ctx)
	defer cancel()
	res, err := neo4j.ExecuteQuery(tctx, s.Driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.Conn.Database), neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(txt)))
	if err != nil {
		return nil, classify(s.Conn, timedOut(tctx, err))
	}
	out := make([]map[string]any, len(res.Records))
	for i, r := range res.Records {
		out[i] = r.AsMap()
	}
	return out, nil
}
