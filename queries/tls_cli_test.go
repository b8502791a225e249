package queries_test

import (
	"context"
	"encoding/csv"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/cli"
	"github.com/liaison-net/liaison/internal/testenv"
	"github.com/liaison-net/liaison/queries"
)

// The command line against the TLS server of NEO4J_TLS=1 scripts/neo4j start (see tlsServer
// in tls_test.go; LIAISON_NEO4J_TLS=1): liaison neo4j push, neo4j pull and query with
// --uri neo4j+s://… --ca-file; the pulled folder summarises as the example does, the hubs are
// the analysis's; without --ca-file the command fails naming the certificate and the flag;
// --ca-file with neo4j+ssc:// is an invalid command line; plain neo4j:// is refused.
func TestTLSCommandLine(t *testing.T) {
	if os.Getenv("LIAISON_NEO4J_TLS") != "1" {
		t.Skip("needs the TLS server of NEO4J_TLS=1 scripts/neo4j start (LIAISON_NEO4J_TLS=1; scripts/test does it)")
	}
	testenv.Neo4j(t)
	u, err := url.Parse(os.Getenv("NEO4J_URI"))
	ca := os.Getenv("NEO4J_CA_FILE")
	if err != nil || u.Scheme != "neo4j+s" || ca == "" {
		t.Fatalf("LIAISON_NEO4J_TLS=1 needs NEO4J_URI=neo4j+s://… and NEO4J_CA_FILE of NEO4J_TLS=1 scripts/neo4j start (have %q, %q)", os.Getenv("NEO4J_URI"), ca)
	}
	uri := "neo4j+s://localhost:" + u.Port()
	conn := []string{"--uri", uri, "--ca-file", ca, "--dataset", "tls-cli"}
	if code, out, stderr := run(append([]string{"neo4j", "push", "../testdata/example"}, conn...)...); code != 0 || !strings.Contains(out, uri) {
		t.Fatalf("neo4j push over %s: %d %s %s", uri, code, out, stderr)
	}
	t.Cleanup(func() {
		c := queries.ConnFromEnv()
		c.CAFile = ca
		s, err := queries.Open(context.Background(), c)
		if err != nil {
			t.Error(err)
			return
		}
		defer s.Close(context.Background())
		if _, err := s.Run(context.Background(), "MATCH (d:Dataset {id: 'tls-cli'}) OPTIONAL MATCH (d)-[:CONTAINS]->(x) DETACH DELETE d, x", nil); err != nil {
			t.Error(err)
		}
	})
	dir := filepath.Join(t.TempDir(), "pulled")
	if code, _, stderr := run(append([]string{"neo4j", "pull", "-o", dir}, conn...)...); code != 0 {
		t.Fatalf("neo4j pull over %s: %d %s", uri, code, stderr)
	}
	// The summary but its first line (the folder's path).
	_, want, _ := run("summary", "../testdata/example")
	code, got, stderr := run("summary", dir)
	_, want, _ = strings.Cut(want, "\n")
	if _, got, _ = strings.Cut(got, "\n"); code != 0 || got != want || !strings.Contains(want, "actors        53") {
		t.Errorf("summary of the folder pulled over %s: %d %s\n%s\nwant\n%s", uri, code, stderr, got, want)
	}

	code, hubs, stderr := run(append([]string{"query", "hubs", "--param", "limit=3", "--format", "csv"}, conn...)...)
	if code != 0 {
		t.Fatalf("query hubs over %s: %d %s", uri, code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(hubs)).ReadAll()
	if err != nil || len(rows) != 4 || strings.Join(rows[0], ",") != "rank,id,score,why" {
		t.Fatalf("query hubs over %s: %q %v", uri, hubs, err)
	}
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows[1:] {
		if row[1] != r.Hubs[i].ID || row[3] != r.Hubs[i].Why {
			t.Errorf("hub %d over %s: %v, want %s %q", i+1, uri, row, r.Hubs[i].ID, r.Hubs[i].Why)
		}
	}

	// Without --ca-file: the certificate is not trusted, and the message says what to do.
	code, _, stderr = run("query", "hubs", "--uri", uri, "--dataset", "tls-cli")
	if code != cli.ExitFailure || !strings.Contains(stderr, "certificate is not trusted") || !strings.Contains(stderr, "--ca-file") {
		t.Errorf("query over %s without --ca-file: %d %s", uri, code, stderr)
	}
	// --ca-file where it has no use: an invalid command line, nothing sent.
	code, _, stderr = run("query", "hubs", "--uri", "neo4j+ssc://localhost:"+u.Port(), "--ca-file", ca)
	if code != cli.ExitInvalid || !strings.Contains(stderr, "--ca-file") {
		t.Errorf("--ca-file with neo4j+ssc://: %d %s", code, stderr)
	}
	// neo4j+ssc:// without it: the same rows.
	if code, out, stderr := run("query", "hubs", "--uri", "neo4j+ssc://localhost:"+u.Port(), "--dataset", "tls-cli", "--param", "limit=3", "--format", "csv"); code != 0 || out != hubs {
		t.Errorf("query over neo4j+ssc://: %d %q %s, want %q", code, out, stderr, hubs)
	}
	// Plain Bolt to the TLS-only server (scripts/test starts it with the default tls_level REQUIRED).
	if os.Getenv("NEO4J_TLS_LEVEL") != "OPTIONAL" {
		code, _, stderr = run("query", "hubs", "--uri", "neo4j://localhost:"+u.Port())
		if code != cli.ExitFailure || !strings.Contains(stderr, "requires TLS") || !strings.Contains(stderr, "neo4j+s://") {
			t.Errorf("query over plain neo4j:// to a TLS-only server: %d %s", code, stderr)
		}
	}
}
