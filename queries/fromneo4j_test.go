package queries_test

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/liaison-net/liaison/internal/cli"
	"github.com/liaison-net/liaison/internal/testenv"
	"github.com/liaison-net/liaison/queries"
)

// run calls the command line as main does. (In this package, so that it never runs at the same
// time as the other tests that use the one database.)
func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := cli.Do(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// The commands that read a data set take --from-neo4j: after a push of the example, typology,
// explain and analyze read it back from the server and print what they print from the files.
func TestFromNeo4j(t *testing.T) {
	testenv.Neo4j(t)
	const example = "../testdata/example"
	if code, _, stderr := run("neo4j", "push", example); code != 0 {
		t.Fatalf("push: %d %s", code, stderr)
	}
	for _, c := range [][]string{
		{"typology"},
		{"explain", "USA", "GBR"},
		{"explain", "fvey"},
		{"analyze", "--format", "json"},
	} {
		code, fromDB, stderr := run(append([]string{c[0], "--from-neo4j"}, c[1:]...)...)
		if code != 0 {
			t.Fatalf("%v --from-neo4j: %d %s", c, code, stderr)
		}
		code, fromFiles, _ := run(append([]string{c[0], example}, c[1:]...)...)
		if code != 0 || fromDB != fromFiles {
			t.Errorf("%v: --from-neo4j differs from the files", c)
		}
	}
	if code, out, stderr := run("summary", "--from-neo4j"); code != 0 || !strings.Contains(out, "actors        53") {
		t.Errorf("summary --from-neo4j: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := run("explain", "--from-neo4j", example, "USA", "GBR"); code != cli.ExitInvalid {
		t.Errorf("explain --from-neo4j with a PATH: %d %s", code, stderr)
	}
}

// --from-neo4j and neo4j pull refuse a data set whose push did not finish (exit 1).
func TestFromNeo4jIncompletePush(t *testing.T) {
	testenv.Neo4j(t)
	const example = "../testdata/example"
	s, err := queries.Open(context.Background(), queries.ConnFromEnv())
	if err != nil {
		testenv.Missing(t, "Neo4j: %v", err)
	}
	defer s.Close(context.Background())
	if code, _, stderr := run("neo4j", "push", example); code != 0 {
		t.Fatalf("push: %d %s", code, stderr)
	}
	defer run("neo4j", "push", example)
	if _, err := s.Run(context.Background(), "MATCH (d:Dataset {id: 'liaison'}) SET d.complete = false", nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][]string{{"summary", "--from-neo4j"}, {"neo4j", "pull", "-o", t.TempDir()}} {
		code, _, stderr := run(c...)
		if code != 1 || !strings.Contains(stderr, "the last push did not finish; push again") {
			t.Errorf("%v after an unfinished push: %d %s", c, code, stderr)
		}
	}
}

// A push with a short --lock-wait fails while another push holds the lock, and pushes once it
// is released.
func TestPushLockWaitFlag(t *testing.T) {
	testenv.Neo4j(t)
	const example = "../testdata/example"
	s, err := queries.Open(context.Background(), queries.ConnFromEnv())
	if err != nil {
		testenv.Missing(t, "Neo4j: %v", err)
	}
	defer s.Close(context.Background())
	if _, err := s.Run(context.Background(), "MERGE (l:PushLock {id: 'liaison'}) SET l.owner = 'cli-test', l.expires = datetime() + duration('PT1M')", nil); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run("neo4j", "push", example, "--lock-wait", "500ms")
	if code != 1 || !strings.Contains(stderr, "another push (owner cli-test) holds the lock until ") {
		t.Errorf("push while locked: %d %s", code, stderr)
	}
	if _, err := s.Run(context.Background(), "MATCH (l:PushLock {owner: 'cli-test'}) DELETE l", nil); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run("neo4j", "push", example, "--lock-wait", "500ms"); code != 0 {
		t.Errorf("push after release: %d %s", code, stderr)
	}
}

// query against a server that accepts and never answers fails within --acquire-timeout,
// naming it.
func TestQuerySilentServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	start := time.Now()
	code, _, stderr := run("query", "hubs", "--uri", "bolt://"+ln.Addr().String(), "--acquire-timeout", "1s", "--connect-timeout", "1s", "--tx-timeout", "1s")
	if code != 1 || !strings.Contains(stderr, "acquisition timeout expired") || !strings.Contains(stderr, "--acquire-timeout") {
		t.Errorf("query against a silent server: %d %s", code, stderr)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("query took %v with 1 s timeouts", el)
	}
}

// No secret is printed: the password is not a flag default in --help, and a URI with
// credentials is redacted in errors.
func TestNoSecretsPrinted(t *testing.T) {
	t.Setenv("NEO4J_PASSWORD", "s3cret-pw")
	for _, c := range [][]string{{"neo4j", "push", "--help"}, {"neo4j", "pull", "--help"}, {"query", "--help"}, {"analyze", "--help"}} {
		_, out, _ := run(c...)
		if strings.Contains(out, "s3cret-pw") || strings.Contains(out, "liaison-test-password") || !strings.Contains(out, "(from NEO4J_PASSWORD)") {
			t.Errorf("%v shows the password or not where it comes from:\n%s", c, out)
		}
	}
	code, _, stderr := run("query", "hubs", "--uri", "bolt://neo4j:hunter2@127.0.0.1:1", "--acquire-timeout", "1s")
	if code != 1 || strings.Contains(stderr, "hunter2") || !strings.Contains(stderr, "REDACTED@127.0.0.1:1") {
		t.Errorf("an unreachable URI with credentials: %d %s", code, stderr)
	}
	if p := queries.LocalPassword("bolt://db.example.org:7687"); p != "" {
		t.Errorf("the built-in password for another server: %q", p)
	}
	t.Setenv("NEO4J_PASSWORD", "")
	t.Setenv("NEO4J_USER", "")
	t.Setenv("NEO4J_USERNAME", "someone")
	t.Setenv("NEO4J_URI", "bolt://db.example.org:7687")
	if c := queries.ConnFromEnv(); c.User != "someone" || c.Password != "" {
		t.Errorf("ConnFromEnv for another server: user %q, password set: %v", c.User, c.Password != "")
	}
}
