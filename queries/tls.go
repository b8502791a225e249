package queries

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Errors that say what is wrong with the TLS of a connection (Open returns them instead of
// ErrUnreachable when the server answers but the TLS does not work out).
var (
	// ErrCertificate: a bolt+s:// or neo4j+s:// server's certificate does not verify against
	// the trusted authorities (the system's, or Conn.CAFile's); the error wraps the
	// *tls.CertificateVerificationError, so errors.As finds the x509 error in it.
	ErrCertificate = errors.New("Neo4j server's TLS certificate is not trusted")
	// ErrTLSRequired: a plain bolt:// or neo4j:// connection was refused by a server that
	// speaks TLS (server.bolt.tls_level=REQUIRED, as on Aura).
	ErrTLSRequired = errors.New("Neo4j server requires TLS")
)

// probeTLS explains a failed connection when TLS is the cause: for a +s scheme it redoes the
// TLS handshake with the host of c.URI and the same trusted authorities, and reports a
// certificate that does not verify as ErrCertificate; for a plain scheme it tries a TLS
// handshake without checking the certificate and, when the server completes it, reports
// ErrTLSRequired. Otherwise (or when the probe itself fails) it returns nil. Each probe is one
// connection bounded by the connect and acquisition timeouts.
func probeTLS(ctx context.Context, c Conn, cfg *tls.Config) error {
	u, err := url.Parse(c.URI)
	if err != nil || u.Hostname() == "" {
		return nil
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "7687")
	}
	var probe *tls.Config
	switch u.Scheme {
	case "bolt+s", "neo4j+s":
		if cfg != nil {
			probe = cfg.Clone()
		} else {
			probe = &tls.Config{MinVersion: tls.VersionTLS12} // the system's authorities
		}
		probe.ServerName = u.Hostname()
	case "bolt", "neo4j":
		probe = &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12} // only: does it speak TLS?
	default:
		return nil
	}
	connect, acquire, _ := c.timeouts()
	pctx, cancel := context.WithTimeout(ctx, acquire)
	defer cancel()
	conn, err := (&net.Dialer{Timeout: connect}).DialContext(pctx, "tcp", addr)
	if err != nil {
		return nil
	}
	defer conn.Close()
	err = tls.Client(conn, probe).HandshakeContext(pctx)
	var verr *tls.CertificateVerificationError
	switch {
	case strings.HasSuffix(u.Scheme, "+s") && errors.As(err, &verr):
		how := "the system's authorities"
		if c.CAFile != "" {
			how = "the authorities of --ca-file " + c.CAFile
		}
		return fmt.Errorf("%w: %s: checked against %s: %w (--ca-file FILE.pem trusts another authority; %s+ssc:// connects without checking)",
			ErrCertificate, RedactURI(c.URI), how, verr, strings.TrimSuffix(u.Scheme, "+s"))
	case !strings.Contains(u.Scheme, "+") && err == nil:
		return fmt.Errorf("%w: %s: the server answered a TLS handshake, not plain Bolt: use %s+s:// (with --ca-file FILE.pem for a private authority)",
			ErrTLSRequired, RedactURI(c.URI), u.Scheme)
	}
	return nil
}
