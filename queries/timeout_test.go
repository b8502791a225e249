package queries

import (
	"context"
	"errors"
	"net"
	"os"
	"strings"
	"testing"
	"time"
)

// A server that accepts connections and never answers: Open fails within the acquisition
// timeout, with an error that names it.
func TestTimeoutSilentServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never answered
		}
	}()
	c := Conn{URI: "bolt://" + ln.Addr().String(), User: "neo4j", Password: "x", Database: "neo4j",
		ConnectTimeout: time.Second, AcquireTimeout: time.Second, TxTimeout: time.Second}
	start := time.Now()
	_, err = Open(context.Background(), c)
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("Open took %v with 1 s timeouts", el)
	}
	if !errors.Is(err, ErrAcquireTimeout) || !strings.Contains(err.Error(), "--acquire-timeout") {
		t.Errorf("silent server: %v", err)
	}
}

// A transaction that outlasts the transaction timeout fails, naming it.
func TestTimeoutTransaction(t *testing.T) {
	s := session(t)
	c := s.Conn
	c.TxTimeout = 500 * time.Millisecond
	short, err := Open(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	defer short.Close(context.Background())
	start := time.Now()
	_, err = short.Run(context.Background(), "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n", nil)
	if !errors.Is(err, ErrTxTimeout) || !strings.Contains(err.Error(), "--tx-timeout") {
		t.Errorf("long transaction: %v", err)
	}
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v with a 0.5 s transaction timeout", el)
	}
}

// --ca-file: a missing file, a file without a PEM certificate and a CA for a scheme without
// TLS are refused before anything is sent.
func TestCAFile(t *testing.T) {
	dir := t.TempDir()
	notPEM := dir + "/ca.txt"
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o644); err != nil {
		t.Fatal(err)
	}
	pem := dir + "/ca.pem"
	if err := os.WriteFile(pem, []byte(testCA), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ uri, file, want string }{
		{"neo4j+s://127.0.0.1:1", dir + "/missing.pem", "CA file"},
		{"neo4j+s://127.0.0.1:1", notPEM, "no PEM certificate"},
		{"bolt://127.0.0.1:1", pem, "not bolt://"},
		{"neo4j+ssc://127.0.0.1:1", pem, "not neo4j+ssc://"},
	} {
		_, err := Open(context.Background(), Conn{URI: c.uri, User: "neo4j", Password: "x", CAFile: c.file, AcquireTimeout: time.Second})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s with %s: %v, want %q", c.uri, c.file, err, c.want)
		}
	}
	// A good CA file and a +s scheme: the connection itself fails (nothing listens), not the CA.
	_, err := Open(context.Background(), Conn{URI: "neo4j+s://127.0.0.1:1", User: "neo4j", Password: "x", CAFile: pem, AcquireTimeout: time.Second})
	if !errors.Is(err, ErrUnreachable) {
		t.Errorf("neo4j+s with a CA file, nothing listening: %v", err)
	}
}

// testCA is a self-signed certificate made for this test (openssl req -x509, P-256).
const testCA = `-----BEGIN CERTIFICATE-----
MIIBjDCCATGgAwIBAgIUO3IWRV9E1yGj5ljTqCLaD3nzenYwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPbGlhaXNvbi10ZXN0LWNhMCAXDTI2MTIwMjAwMjgxNFoYDzIx
MjYxMTA4MDAyODE0WjAaMRgwFgYDVQQDDA9saWFpc29uLXRlc3QtY2EwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAATiqUrJjKHOwzmtBc6LjRfyGSZXIIUGNs2U+h8v
a26RRh56SGknAQRB4G7T7LzJLML8XHTWcMjbuSmof4AOadp7o1MwUTAdBgNVHQ4E
FgQUCzmRR0tretMWWwJ1+lJo4eZxb7UwHwYDVR0jBBgwFoAUCzmRR0tretMWWwJ1
+lJo4eZxb7UwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA89iS
ntfclazxsEdSCbYS8k8/UT4LK1fBpAEkTdZd6NwCIQDN5tgarxTzVfq0CC04dEKR
MKhOYr+qF2Xk+4BrqA3U4Q==
-----END CERTIFICATE-----
`
