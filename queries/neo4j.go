package queries

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Conn names a Neo4j server, database and data set.
type Conn struct {
	URI, User, Password, Database string
	// Dataset names the data set within the database (default DefaultDataset): Push writes
	// it, Pull reads it and the named queries get it as $dataset.
	Dataset string
	// CAFile is a PEM file of the certificate authorities to trust for bolt+s:// and neo4j+s://
	// (default: the system's); with bolt+ssc:// and neo4j+ssc:// the certificate is not checked.
	CAFile string
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

// dataset is the session's data set name.
func (s *Session) dataset() string {
	if s.Conn.Dataset == "" {
		return DefaultDataset
	}
	return s.Conn.Dataset
}

// session opens a driver session on the database in the access mode (reads are routed to
// readers by a neo4j:// URI), sharing the driver's bookmark manager with Run and RunRead: a
// read after a write sees it, whichever cluster member serves it.
func (s *Session) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.Conn.Database, AccessMode: mode,
		BookmarkManager: s.Driver.ExecuteQueryBookmarkManager()})
}

// txContext bounds one transaction on the client as well (a paused server never answers):
// the transaction timeout plus the acquisition of its connection; it expires with
// ErrTxTimeout as its cause.
func (c Conn) txContext(ctx context.Context) (context.Context, context.CancelFunc) {
	_, acquire, tx := c.timeouts()
	return context.WithTimeoutCause(ctx, tx+acquire, fmt.Errorf("%w (%v, --tx-timeout)", ErrTxTimeout, tx))
}

// ConnFromEnv reads NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USERNAME or NEO4J_USER
// (neo4j), NEO4J_PASSWORD and NEO4J_DATABASE (neo4j). Without NEO4J_PASSWORD the password is
// the one scripts/neo4j sets, but only for the local server it starts (LocalPassword).
func ConnFromEnv() Conn {
	get := func(def string, keys ...string) string {
		for _, k := range keys {
			if v := os.Getenv(k); v != "" {
				return v
			}
		}
		return def
	}
	c := Conn{
		URI:      get("bolt://127.0.0.1:7687", "NEO4J_URI"),
		User:     get("neo4j", "NEO4J_USERNAME", "NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: get("neo4j", "NEO4J_DATABASE"),
	}
	if c.Password == "" {
		c.Password = LocalPassword(c.URI)
	}
	return c
}

// LocalPassword is the password scripts/neo4j gives its server when uri names that server:
// bolt:// or neo4j:// on 127.0.0.1 or localhost at the scripts' port (NEO4J_PORT, default
// 7687), with no credentials in it. For any other server it is "": no built-in password is
// sent elsewhere.
func LocalPassword(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User != nil || (u.Scheme != "bolt" && u.Scheme != "neo4j") {
		return ""
	}
	port := os.Getenv("NEO4J_PORT")
	if port == "" {
		port = "7687"
	}
	if h := u.Hostname(); (h == "127.0.0.1" || h == "localhost") && u.Port() == port {
		return "liaison-test-password"
	}
	return ""
}

// RedactURI returns uri without the credentials it may hold (user:password@).
func RedactURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		if i, j := strings.Index(uri, "://"), strings.LastIndex(uri, "@"); i >= 0 && j > i {
			return uri[:i+3] + "REDACTED@" + uri[j+1:]
		}
		return uri
	}
	if u.User == nil {
		return uri
	}
	u.User = url.User("REDACTED")
	return u.String()
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
		return redact(c, err)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "TransactionTimedOut"):
		return fmt.Errorf("%w (%v, --tx-timeout): %v", ErrTxTimeout, tx, redact(c, err))
	case errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, ErrTxTimeout):
		return fmt.Errorf("%w (%v, --acquire-timeout): %s: %v", ErrAcquireTimeout, acquire, RedactURI(c.URI), redact(c, err))
	case errors.As(err, &ne) && strings.Contains(ne.Code, "Security.Unauthorized"):
		return fmt.Errorf("%w: user %q at %s: %v", ErrUnauthorized, c.User, RedactURI(c.URI), redact(c, err))
	case errors.As(err, &ne) && strings.Contains(ne.Code, "DatabaseNotFound"):
		return fmt.Errorf("%w: %q at %s: %v", ErrNoSuchDatabase, c.Database, RedactURI(c.URI), redact(c, err))
	case neo4j.IsConnectivityError(err):
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, RedactURI(c.URI), redact(c, err))
	}
	return redact(c, err)
}

// timedOut names the timeout that expired when ctx ended with its own cause (one of the
// timeout errors) and err is what the driver made of it.
func timedOut(ctx context.Context, err error) error {
	if c := context.Cause(ctx); ctx.Err() != nil && c != nil && c != ctx.Err() && !errors.Is(err, c) {
		return fmt.Errorf("%w: %v", c, err)
	}
	return err
}

// redact removes c's URI, if it holds credentials, and its password from err's text.
func redact(c Conn, err error) error {
	msg := err.Error()
	if r := RedactURI(c.URI); r != c.URI {
		msg = strings.ReplaceAll(msg, c.URI, r)
	}
	if c.Password != "" {
		msg = strings.ReplaceAll(msg, c.Password, "REDACTED")
	}
	if msg == err.Error() {
		return err
	}
	return redactedError{msg, err}
}

type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }

// Session is an open connection to one database.
type Session struct {
	Conn   Conn
	Driver neo4j.DriverWithContext
}

// Open connects and checks that the server answers, the credentials are right and the
// database exists; each failure is reported as ErrUnreachable, ErrUnauthorized or
// ErrNoSuchDatabase, or, when TLS is the cause, as ErrCertificate or ErrTLSRequired.
func Open(ctx context.Context, c Conn) (*Session, error) {
	connect, acquire, _ := c.timeouts()
	var tlsConfig *tls.Config
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("neo4j: CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("neo4j: CA file %s: no PEM certificate in it", c.CAFile)
		}
		if u, err := url.Parse(c.URI); err == nil && !strings.HasSuffix(u.Scheme, "+s") {
			return nil, fmt.Errorf("neo4j: a CA file is for bolt+s:// or neo4j+s://, not %s://", u.Scheme)
		}
		tlsConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	drv, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.User, c.Password, ""), func(cfg *config.Config) {
		cfg.SocketConnectTimeout = connect
		cfg.ConnectionAcquisitionTimeout = acquire
		if tlsConfig != nil {
			cfg.TlsConfig = tlsConfig
		}
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %v", RedactURI(c.URI), redact(c, err))
	}
	s := &Session{Conn: c, Driver: drv}
	vctx, cancel := context.WithTimeoutCause(ctx, acquire, fmt.Errorf("%w (%v, --acquire-timeout)", ErrAcquireTimeout, acquire))
	defer cancel()
	if err := drv.VerifyConnectivity(vctx); err != nil {
		drv.Close(ctx)
		if neo4j.IsConnectivityError(err) && vctx.Err() == nil {
			if terr := probeTLS(ctx, c, tlsConfig); terr != nil { // a certificate or a plain connection to TLS
				return nil, terr
			}
		}
		return nil, classify(c, timedOut(vctx, err))
	}
	if _, err := s.RunRead(ctx, "RETURN 1 AS ok", nil); err != nil {
		drv.Close(ctx)
		return nil, err
	}
	return s, nil
}

// Close closes the connection.
func (s *Session) Close(ctx context.Context) error { return s.Driver.Close(ctx) }

// Run runs one query in a write transaction (on the leader of a cluster) and returns its
// records as maps (column → value). $dataset is the session's data set unless params sets it.
func (s *Session) Run(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	res, err := s.execute(ctx, cypher, params, false)
	if err != nil {
		return nil, err
	}
	return res.maps(), nil
}

// RunRead runs one query in a read transaction, routed to a reader of a cluster with a
// neo4j:// URI; a write in it fails.
func (s *Session) RunRead(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	res, err := s.execute(ctx, cypher, params, true)
	if err != nil {
		return nil, err
	}
	return res.maps(), nil
}

// Rows are a query's records, their columns in RETURN order.
type Rows struct {
	Columns []string
	Values  [][]any
}

func (r Rows) maps() []map[string]any {
	out := make([]map[string]any, len(r.Values))
	for i, v := range r.Values {
		m := make(map[string]any, len(r.Columns))
		for j, c := range r.Columns {
			m[c] = v[j]
		}
		out[i] = m
	}
	return out
}

// Query runs one query in a read transaction (RunRead) and returns its records with the
// columns in the order of its RETURN.
func (s *Session) Query(ctx context.Context, cypher string, params map[string]any) (Rows, error) {
	return s.execute(ctx, cypher, params, true)
}

func (s *Session) execute(ctx context.Context, cypher string, params map[string]any, read bool) (Rows, error) {
	_, _, txt := s.Conn.timeouts()
	tctx, cancel := s.Conn.txContext(ctx)
	defer cancel()
	if _, ok := params[propDataset]; !ok && strings.Contains(cypher, "$"+propDataset) {
		p := make(map[string]any, len(params)+1)
		for k, v := range params {
			p[k] = v
		}
		p[propDataset] = s.dataset()
		params = p
	}
	opts := []neo4j.ExecuteQueryConfigurationOption{neo4j.ExecuteQueryWithDatabase(s.Conn.Database),
		neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(txt))}
	if read {
		opts = append(opts, neo4j.ExecuteQueryWithReadersRouting())
	}
	res, err := neo4j.ExecuteQuery(tctx, s.Driver, cypher, params, neo4j.EagerResultTransformer, opts...)
	if err != nil {
		return Rows{}, classify(s.Conn, timedOut(tctx, err))
	}
	out := Rows{Columns: res.Keys, Values: make([][]any, len(res.Records))}
	for i, r := range res.Records {
		out.Values[i] = r.Values
	}
	return out, nil
}
