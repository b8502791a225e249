package queries

import (
	"context"
	"crypto/x509"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// tlsServer is the server of `NEO4J_TLS=1 scripts/neo4j start`: Bolt over TLS with a
// certificate of a test CA for localhost and 127.0.0.1, its environment (NEO4J_URI=neo4j+s://…,
// NEO4J_CA_FILE) set. scripts/test starts it and sets LIAISON_NEO4J_TLS=1; without that switch
// the TLS tests are skipped (the plain server of the other tests does not speak TLS). It
// returns the connection of the environment and the server's port.
func tlsServer(t *testing.T) (Conn, string) {
	t.Helper()
	if os.Getenv("LIAISON_NEO4J_TLS") != "1" {
		t.Skip("needs the TLS server of NEO4J_TLS=1 scripts/neo4j start (LIAISON_NEO4J_TLS=1; scripts/test does it)")
	}
	testenv.Neo4j(t)
	c := ConnFromEnv()
	u, err := url.Parse(c.URI)
	if err != nil || u.Scheme != "neo4j+s" || u.Port() == "" {
		t.Fatalf("LIAISON_NEO4J_TLS=1 but NEO4J_URI=%q is not the neo4j+s://HOST:PORT of NEO4J_TLS=1 scripts/neo4j start", c.URI)
	}
	if c.CAFile = os.Getenv("NEO4J_CA_FILE"); c.CAFile == "" {
		t.Fatal("LIAISON_NEO4J_TLS=1 but NEO4J_CA_FILE is not set (NEO4J_TLS=1 scripts/neo4j start prints it)")
	}
	return c, u.Port()
}

// Push, pull and a named query over neo4j+s:// (routing; the certificate checked for the IP
// address 127.0.0.1) and bolt+s:// (direct; checked for the name localhost) with the CA file:
// the pulled data set is the example, the hubs are the analysis's.
func TestTLSPushPullQuery(t *testing.T) {
	base, port := tlsServer(t)
	ctx := context.Background()
	d, r := example(t, 0)
	for _, uri := range []string{"neo4j+s://127.0.0.1:" + port, "bolt+s://localhost:" + port} {
		t.Run(strings.SplitN(uri, ":", 2)[0], func(t *testing.T) {
			c := base
			c.URI = uri
			c.Dataset = "tls-" + strings.SplitN(uri, ":", 2)[0]
			s, err := Open(ctx, c)
			if err != nil {
				t.Fatalf("%s with --ca-file %s: %v", uri, c.CAFile, err)
			}
			defer s.Close(ctx)
			defer func() {
				if _, err := s.Run(ctx, "MATCH (d:Dataset {id: $name}) OPTIONAL MATCH (d)-[:CONTAINS]->(x) DETACH DELETE d, x",
					map[string]any{"name": c.Dataset}); err != nil {
					t.Error(err)
				}
			}()
			if _, err := s.Push(ctx, r, PushOptions{Batch: 37}); err != nil {
				t.Fatalf("push over %s: %v", uri, err)
			}
			dir := filepath.Join(t.TempDir(), "pulled")
			if err := s.Pull(ctx, dir); err != nil {
				t.Fatalf("pull over %s: %v", uri, err)
			}
			p, err := graphmodel.Load(dir)
			if err != nil {
				t.Fatalf("pulled over %s: %v", uri, err)
			}
			if !reflect.DeepEqual(canonical(d), canonical(p)) {
				t.Errorf("pulled over %s: not the example", uri)
			}
			q, err := Get("hubs")
			if err != nil {
				t.Fatal(err)
			}
			b, err := q.Bind(map[string]string{"limit": "3"})
			if err != nil {
				t.Fatal(err)
			}
			b["dataset"] = c.Dataset
			rows, err := s.Query(ctx, q.Text, b)
			if err != nil {
				t.Fatalf("hubs over %s: %v", uri, err)
			}
			if len(rows.Values) != 3 {
				t.Fatalf("hubs over %s: %v", uri, rows.Values)
			}
			for i, row := range rows.maps() {
				if row["id"] != r.Hubs[i].ID || row["why"] != r.Hubs[i].Why {
					t.Errorf("hub %d over %s = %v, want %v", i+1, uri, row, r.Hubs[i])
				}
			}
		})
	}
}

// neo4j+ssc:// and bolt+ssc:// connect without a CA file (the certificate is not checked);
// the server refuses plain Bolt, so the connection is encrypted.
func TestTLSSelfSignedScheme(t *testing.T) {
	base, port := tlsServer(t)
	ctx := context.Background()
	for _, uri := range []string{"neo4j+ssc://127.0.0.1:" + port, "bolt+ssc://localhost:" + port} {
		c := base
		c.URI, c.CAFile = uri, ""
		s, err := Open(ctx, c)
		if err != nil {
			t.Errorf("%s without a CA file: %v", uri, err)
			continue
		}
		rows, err := s.RunRead(ctx, "RETURN 41 + 1 AS n", nil)
		if err != nil || len(rows) != 1 || rows[0]["n"] != int64(42) {
			t.Errorf("%s: %v %v", uri, rows, err)
		}
		s.Close(ctx)
	}
}

// The failures: neo4j+s:// and bolt+s:// without the CA file (the system's authorities do not
// know the test CA) and with the wrong CA file fail at once with ErrCertificate, the x509
// error in it; a plain neo4j:// or bolt:// to the TLS-only server fails with ErrTLSRequired,
// naming the scheme to use (with NEO4J_TLS_LEVEL=OPTIONAL it connects instead).
func TestTLSFailures(t *testing.T) {
	base, port := tlsServer(t)
	ctx := context.Background()
	wrong := filepath.Join(t.TempDir(), "other-ca.pem")
	if err := os.WriteFile(wrong, []byte(testCA), 0o644); err != nil { // a CA that signed nothing here
		t.Fatal(err)
	}
	open := func(uri, ca string) error {
		c := base
		c.URI, c.CAFile = uri, ca
		c.AcquireTimeout = 30 * time.Second // a failure must be the certificate's, not this timeout's
		s, err := Open(ctx, c)
		if err == nil {
			s.Close(ctx)
		}
		return err
	}
	for _, c := range []struct{ uri, ca, want string }{
		{"neo4j+s://127.0.0.1:" + port, "", "the system's authorities"},
		{"bolt+s://localhost:" + port, "", "the system's authorities"},
		{"neo4j+s://127.0.0.1:" + port, wrong, "--ca-file " + wrong},
		{"bolt+s://127.0.0.1:" + port, wrong, "--ca-file " + wrong},
	} {
		err := open(c.uri, c.ca)
		var unknown x509.UnknownAuthorityError
		if !errors.Is(err, ErrCertificate) || !errors.As(err, &unknown) || errors.Is(err, ErrAcquireTimeout) {
			t.Errorf("%s, CA file %q: %v; want ErrCertificate with an x509.UnknownAuthorityError", c.uri, c.ca, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, c.want) || !strings.Contains(msg, "+ssc://") || !strings.Contains(msg, c.uri) {
			t.Errorf("%s, CA file %q: the message does not say what was checked and what to do: %v", c.uri, c.ca, err)
		}
	}
	for _, scheme := range []string{"neo4j", "bolt"} {
		uri := scheme + "://127.0.0.1:" + port
		err := open(uri, "")
		if os.Getenv("NEO4J_TLS_LEVEL") == "OPTIONAL" {
			if err != nil {
				t.Errorf("%s to a server with tls_level OPTIONAL: %v", uri, err)
			}
			continue
		}
		if !errors.Is(err, ErrTLSRequired) || !strings.Contains(err.Error(), scheme+"+s://") {
			t.Errorf("%s to a TLS-only server: %v; want ErrTLSRequired naming %s+s://", uri, err, scheme)
		}
	}
}

// The other way round, on the plain server of the other tests (scripts/neo4j start without
// NEO4J_TLS): bolt+s:// and neo4j+ssc:// to a server that does not speak TLS fail at once as
// unreachable, the message saying to check that TLS is enabled.
func TestTLSToPlainServer(t *testing.T) {
	if os.Getenv("LIAISON_NEO4J_TLS") == "1" {
		t.Skip("for the plain server; LIAISON_NEO4J_TLS=1 names the TLS one")
	}
	testenv.Neo4j(t)
	c := ConnFromEnv()
	u, err := url.Parse(c.URI)
	if err != nil || strings.Contains(u.Scheme, "+") {
		t.Skipf("NEO4J_URI=%s is not a plain bolt:// or neo4j:// server", c.URI)
	}
	if c.Password == "" {
		c.Password = LocalPassword(c.URI)
	}
	for _, scheme := range []string{"bolt+s", "neo4j+ssc"} {
		cc := c
		cc.URI = scheme + "://" + u.Host
		cc.AcquireTimeout = 30 * time.Second
		_, err := Open(context.Background(), cc)
		if !errors.Is(err, ErrUnreachable) || errors.Is(err, ErrAcquireTimeout) || !strings.Contains(err.Error(), "TLS is enabled") {
			t.Errorf("%s to a plain server: %v; want ErrUnreachable saying to check TLS", cc.URI, err)
		}
	}
}
