package queries_test

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/internal/cli"
	"github.com/liaison-net/liaison/internal/testenv"
	"github.com/liaison-net/liaison/queries"
)

// A user's .cypher file runs with the checked header; JSON keeps the RETURN order of the
// columns, CSV every digit; a bad header is an invalid command line naming the file; a write
// fails (queries run in read transactions).
func TestQueryUserFile(t *testing.T) {
	testenv.Neo4j(t)
	if code, _, stderr := run("neo4j", "push", "../testdata/example"); code != 0 {
		t.Fatalf("push: %d %s", code, stderr)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.cypher")
	text := `// name: mine
// params: dataset string liaison, actor string, share float 0.5
// columns: zeta, alpha, third
// purpose: A user's query.
MATCH (a:Actor {dataset: $dataset, id: $actor})
RETURN a.id AS zeta, 1.0 / 3 * $share * 2 AS alpha, a.degree AS third;
`
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run("query", file, "--param", "actor=USA", "--param", "share=0.5", "--format", "json")
	if code != 0 {
		t.Fatalf("query FILE: %d %s", code, stderr)
	}
	if z, a := strings.Index(out, `"zeta"`), strings.Index(out, `"alpha"`); z < 0 || a < z || strings.Index(out, `"third"`) < a {
		t.Errorf("JSON columns not in RETURN order:\n%s", out)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 || rows[0]["zeta"] != "USA" || rows[0]["third"] != float64(45) {
		t.Errorf("JSON %v %v", rows, err)
	}
	code, out, _ = run("query", file, "--param", "actor=USA", "--format", "csv")
	if code != 0 || out != "zeta,alpha,third\nUSA,0.3333333333333333,45\n" {
		t.Errorf("CSV: %d %q", code, out)
	}
	// A bad header: exit 2, the file named.
	bad := filepath.Join(dir, "bad.cypher")
	if err := os.WriteFile(bad, []byte(strings.Replace(text, ";\n", "\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run("query", bad, "--param", "actor=USA"); code != cli.ExitInvalid || !strings.Contains(stderr, "bad.cypher") || !strings.Contains(stderr, `";"`) {
		t.Errorf("a file without ;: %d %s", code, stderr)
	}
	// A write in a read transaction fails.
	write := filepath.Join(dir, "write.cypher")
	if err := os.WriteFile(write, []byte("// name: write\n// params:\n// columns: n\n// purpose: p\nCREATE (x:Scratch) RETURN count(x) AS n;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run("query", write); code != 1 || !strings.Contains(strings.ToLower(stderr), "read") {
		t.Errorf("a write: %d %s", code, stderr)
	}
}

// Every read path runs with the neo4j:// scheme (routing: reads to readers, the bookmarks
// shared): push, pull, every named query and --from-neo4j.
func TestNeo4jScheme(t *testing.T) {
	testenv.Neo4j(t)
	u, err := url.Parse(queries.ConnFromEnv().URI)
	if err != nil {
		t.Fatal(err)
	}
	u.Scheme = "neo4j"
	t.Setenv("NEO4J_URI", u.String())
	if code, out, stderr := run("neo4j", "push", "../testdata/example", "--dataset", "routed"); code != 0 || !strings.Contains(out, "neo4j://") {
		t.Fatalf("push over neo4j://: %d %s %s", code, out, stderr)
	}
	t.Cleanup(func() { dropDataset(t, "routed") })
	dir := filepath.Join(t.TempDir(), "pulled")
	if code, _, stderr := run("neo4j", "pull", "-o", dir, "--dataset", "routed"); code != 0 {
		t.Fatalf("pull over neo4j://: %d %s", code, stderr)
	}
	if code, _, stderr := run("validate", dir); code != 0 {
		t.Errorf("pulled over neo4j://: %d %s", code, stderr)
	}
	params := map[string][]string{
		"club": {"club=FVEY"}, "partners": {"actor=USA"}, "third-party-reach": {"actor=NZL"}, "tie-factors": {"a=USA", "b=GBR"},
		"trusted-path": {"from=NZL", "to=NOR"}, "ties-in-year": {"year=2005"},
	}
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		args := []string{"query", q.Name, "--dataset", "routed", "--format", "csv"}
		for _, p := range params[q.Name] {
			args = append(args, "--param", p)
		}
		if q.Name == "circular-reporting" {
			continue // the example has no provenance record: run on testdata/provenance below
		}
		code, out, stderr := run(args...)
		if code != 0 || strings.Count(out, "\n") < 2 {
			t.Errorf("%s over neo4j://: %d %q %s", q.Name, code, out, stderr)
		}
	}
	if code, out, stderr := run("summary", "--from-neo4j", "--dataset", "routed"); code != 0 || !strings.Contains(out, "actors        53") {
		t.Errorf("summary --from-neo4j over neo4j://: %d %s %s", code, out, stderr)
	}
	if code, out, stderr := run("neo4j", "push", "../testdata/provenance", "--dataset", "routed-provenance"); code != 0 {
		t.Fatalf("push over neo4j://: %d %s %s", code, out, stderr)
	}
	t.Cleanup(func() { dropDataset(t, "routed-provenance") })
	if code, out, stderr := run("query", "circular-reporting", "--dataset", "routed-provenance", "--format", "csv"); code != 0 || strings.Count(out, "\n") < 2 {
		t.Errorf("circular-reporting over neo4j://: %d %q %s", code, out, stderr)
	}
}

// dropDataset deletes a data set and its nodes.
func dropDataset(t *testing.T, name string) {
	s, err := queries.Open(context.Background(), queries.ConnFromEnv())
	if err != nil {
		t.Error(err)
		return
	}
	defer s.Close(context.Background())
	if _, err := s.Run(context.Background(), "MATCH (d:Dataset {id: $name}) OPTIONAL MATCH (d)-[:CONTAINS]->(x) DETACH DELETE d, x",
		map[string]any{"name": name}); err != nil {
		t.Error(err)
	}
}

// third-party-reach has an APOC variant: with APOC (NEO4J_PLUGINS=apoc; scripts/test starts
// one server so, and sets LIAISON_NEO4J_APOC=1) it runs and gives the rows of the plain
// query, for every k; without, the command says it runs the plain one.
func TestAPOCVariant(t *testing.T) {
	testenv.Neo4j(t)
	ctx := context.Background()
	s, err := queries.Open(ctx, queries.ConnFromEnv())
	if err != nil {
		testenv.Missing(t, "Neo4j: %v", err)
	}
	defer s.Close(ctx)
	has, err := s.HasAPOC(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("LIAISON_NEO4J_APOC") == "1" && !has {
		t.Fatal("LIAISON_NEO4J_APOC=1 but the server has no APOC")
	}
	if code, _, stderr := run("neo4j", "push", "../testdata/example"); code != 0 {
		t.Fatalf("push: %d %s", code, stderr)
	}
	q, err := queries.Get("third-party-reach")
	if err != nil || q.APOC == nil {
		t.Fatalf("third-party-reach has no APOC variant: %v", err)
	}
	code, out, stderr := run("query", "third-party-reach", "--param", "actor=NZL", "--format", "csv")
	want := "APOC is not loaded"
	if has {
		want = "with APOC"
	}
	if code != 0 || !strings.Contains(stderr, want) || !strings.Contains(out, "AUS,1\n") {
		t.Errorf("query third-party-reach (APOC %v): %d %q %s", has, code, out, stderr)
	}
	if !has {
		return
	}
	for _, k := range []string{"0", "1", "2", "3", "15"} {
		b, err := q.Bind(map[string]string{"actor": "GBR", "k": k})
		if err != nil {
			t.Fatal(err)
		}
		plain, err := s.Query(ctx, q.Text, b)
		if err != nil {
			t.Fatal(err)
		}
		apoc, err := s.Query(ctx, q.APOC.Text, b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(plain, apoc) {
			t.Errorf("k=%s: APOC variant %v, plain %v", k, apoc.Values, plain.Values)
		}
		if k == "2" && len(plain.Values) == 0 {
			t.Error("k=2: no rows")
		}
	}
}
