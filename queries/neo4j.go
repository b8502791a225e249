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
