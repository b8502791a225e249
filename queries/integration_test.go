package queries

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// These tests run against a real Neo4j server named by NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD
// and NEO4J_DATABASE (scripts/neo4j start runs one), with LIAISON_EXTERNAL=1 (testenv.Neo4j).
// Without a server they are skipped, except in CI (CI=true), where a missing server is a failure.
func session(t testing.TB) *Session {
	t.Helper()
	testenv.Neo4j(t)
	s, err := Open(context.Background(), ConnFromEnv())
	if err != nil {
		testenv.Missing(t, "Neo4j (scripts/neo4j start): %v", err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

func example(t *testing.T, at int) (*graphmodel.Dataset, *analysis.Result) {
	t.Helper()
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	return d, analyzeAt(t, d, at)
}

// analyzeAt analyses the combined layer of d at year at (0: all time).
func analyzeAt(t *testing.T, d *graphmodel.Dataset, at int) *analysis.Result {
	t.Helper()
	o := graphmodel.DefaultOptions()
	o.At = at
	l, err := d.Layer(o)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func push(t *testing.T, s *Session, d *graphmodel.Dataset, r *analysis.Result) {
	t.Helper()
	if _, err := s.Push(context.Background(), r, PushOptions{Batch: 37}); err != nil {
		t.Fatal(err)
	}
}

// dump lists every node and relationship with its properties, sorted.
func dump(t *testing.T, s *Session) []string {
	t.Helper()
	rows, err := s.Run(context.Background(), `
		MATCH (n) RETURN labels(n)[0] AS x, properties(n) AS p
		UNION ALL
		MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id AS x, properties(r) AS p`, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if p, ok := r["p"].(map[string]any); ok { // the times of the push differ from push to push
			delete(p, propPushStarted)
			delete(p, propPushFinished)
		}
		b, err := json.Marshal(jsonSafe(r["p"])) // maps marshal with sorted keys
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r["x"].(string)+" "+string(b))
	}
	sort.Strings(out)
	return out
}

// jsonSafe replaces the NaNs (factors without data) in a property map with "NaN".
func jsonSafe(v any) any {
	switch x := v.(type) {
	case dbtype.Date:
		return "date " + time.Time(x).Format("2006-01-02")
	case float64:
		if math.IsNaN(x) {
			return "NaN"
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonSafe(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonSafe(e)
		}
		return out
	}
	return v
}

func count(t *testing.T, s *Session, cypher string) int64 {
	t.Helper()
	rows, err := s.Run(context.Background(), cypher, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rows[0]["n"].(int64)
}

func TestPushIdempotentAndStaleReplaced(t *testing.T) {
	s := session(t)
	d, r := example(t, 0)
	push(t, s, d, r)
	first := dump(t, s)
	push(t, s, d, r)
	if second := dump(t, s); !reflect.DeepEqual(first, second) {
		t.Error("pushing twice changed the database")
	}
	pairs := map[[2]string]bool{}
	for _, tie := range d.Ties {
		a, b := tie.Source, tie.Target
		if a > b {
			a, b = b, a
		}
		pairs[[2]string{a, b}] = true
	}
	for _, tie := range r.Ties {
		pairs[[2]string{tie.Source, tie.Target}] = true
	}
	for q, want := range map[string]int{
		"MATCH (a:Actor) RETURN count(a) AS n":                           len(d.Actors),
		"MATCH (c:Club) RETURN count(c) AS n":                            len(d.Clubs),
		"MATCH ()-[t:TIE]->() RETURN count(t) AS n":                      len(pairs),
		"MATCH ()-[t:TIE]->() RETURN sum(size(t.spellLines)) AS n":       len(d.Ties),
		"MATCH ()-[e:EXCHANGE]->() RETURN count(e) AS n":                 len(d.Exchanges),
		"MATCH ()-[m:MEMBER_OF]->() RETURN sum(size(m.spellLines)) AS n": len(d.Memberships),
	} {
		if got := count(t, s, q); got != int64(want) {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
	// The 2005 analysis has no Ethiopia (no active tie): pushing it removes ETH's metrics.
	d5, r5 := example(t, 2005)
	push(t, s, d5, r5)
	if got := count(t, s, "MATCH (a:Actor {dataset: 'liaison', id: 'ETH'}) WHERE a.betweenness IS NULL AND a.name IS NOT NULL RETURN count(a) AS n"); got != 1 {
		t.Error("ETH keeps stale analysis properties after the 2005 push")
	}
	push(t, s, d, r)
	if got := dump(t, s); !reflect.DeepEqual(first, got) {
		t.Error("pushing the all-time analysis again does not restore the database")
	}
}

// TestPushFreshEqualsMerged pushes into an empty database (relationships created) and over
// another data set and stray edits (relationships merged, the rest swept away): both must
// leave the same database.
func TestPushFreshEqualsMerged(t *testing.T) {
	s := session(t)
	ctx := context.Background()
	if _, err := s.Run(ctx, "MATCH (n) DETACH DELETE n", nil); err != nil {
		t.Fatal(err)
	}
	d, r := example(t, 0)
	push(t, s, d, r)
	fresh := dump(t, s)

	// Another data set: Pakistan gone, with its ties, memberships and exchanges (so the
	// exchanges after its first one change seq and endpoints).
	other, err := d.Without("PAK")
	if err != nil {
		t.Fatal(err)
	}
	push(t, s, other, analyzeAt(t, other, 0))
	if got := count(t, s, "MATCH (a:Actor {id: 'PAK'}) RETURN count(a) AS n"); got != 0 {
		t.Error("PAK not swept away")
	}
	// Stray edits: a second and a reversed TIE, an actor, a membership, an exchange.
	for _, q := range []string{
		"MATCH (a:Actor {id: 'GBR'}), (b:Actor {id: 'USA'}) CREATE (a)-[:TIE {weight: 1}]->(b), (b)-[:TIE]->(a)",
		"CREATE (:Actor {dataset: 'liaison', id: 'ZZZ'})",
		"MATCH (a:Actor {id: 'USA'}), (c:Club {id: 'FVEY'}) CREATE (a)-[:MEMBER_OF]->(c)",
		"MATCH (a:Actor {id: 'USA'}), (b:Actor {id: 'GBR'}) CREATE (a)-[:EXCHANGE {seq: 0}]->(b), (a)-[:EXCHANGE]->(b)",
		"MATCH (a:Actor {id: 'USA'}), (b:Actor {id: 'CAN'}) CREATE (a)-[:TIE {weight: 1}]->(b)",
	} {
		if _, err := s.Run(ctx, q, nil); err != nil {
			t.Fatal(err)
		}
	}
	push(t, s, d, r)
	merged := dump(t, s)
	if !reflect.DeepEqual(fresh, merged) {
		for i := range fresh {
			if i >= len(merged) || fresh[i] != merged[i] {
				t.Fatalf("merged push differs from fresh push at %d (%d vs %d items):\n%s\n%s", i, len(fresh), len(merged), fresh[i], merged[min(i, len(merged)-1)])
			}
		}
		t.Fatalf("merged push has %d items, fresh %d", len(merged), len(fresh))
	}
}

func TestPushPullRoundTrip(t *testing.T) {
	s := session(t)
	d, r := example(t, 0)
	push(t, s, d, r)
	dir := t.TempDir()
	if err := s.Pull(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	p, err := graphmodel.Load(dir)
	if err != nil {
		t.Fatalf("pulled data set is invalid: %v", err)
	}
	if !reflect.DeepEqual(canonical(d), canonical(p)) {
		a, b := canonical(d), canonical(p)
		for i := range a {
			if i >= len(b) || a[i] != b[i] {
				t.Fatalf("pulled data set differs at %d:\n%v\n%v", i, a[i], b[min(i, len(b)-1)])
			}
		}
		t.Fatalf("pulled data set differs in length: %d vs %d", len(a), len(b))
	}
	files, _ := os.ReadDir(dir)
	if len(files) != len(d.Files) {
		t.Errorf("pulled %d files, pushed %d", len(files), len(d.Files))
	}
}

// canonical renders a data set's content (not its line numbers) as lines.
func canonical(d *graphmodel.Dataset) []string {
	var out []string
	add := func(f string, args ...any) { out = append(out, fmtSprint(f, args...)) }
	for _, a := range d.Actors {
		add("actor %s %q %q %q %v", a.ID, a.Name, a.Type, a.Region, graphmodel.Attrs(d.Columns.Actors, a.Extra))
	}
	for _, c := range d.Clubs {
		add("club %s %q %v %v", c.ID, c.Name, c.Period, graphmodel.Attrs(d.Columns.Clubs, c.Extra))
	}
	for _, t := range d.Ties {
		add("tie %s %s %v %v %v %v", t.Source, t.Target, t.Weight, t.Period, t.Domains, graphmodel.Attrs(d.Columns.Ties, t.Extra))
	}
	for _, m := range d.Memberships {
		add("member %s %s %v %q %v", m.Club, m.Actor, m.Period, m.Role, graphmodel.Attrs(d.Columns.Memberships, m.Extra))
	}
	for _, e := range d.Exchanges {
		add("exchange %v %s %s %v %q %v", e.Date, e.From, e.To, e.Volume, e.Domain, graphmodel.Attrs(d.Columns.Exchanges, e.Extra))
	}
	return out
}

func TestConnectionErrors(t *testing.T) {
	s := session(t) // a server is there
	ctx := context.Background()
	c := s.Conn
	bad := c
	bad.Password = "not-the-password"
	if _, err := Open(ctx, bad); !errors.Is(err, ErrUnauthorized) {
		t.Errorf("wrong password: %v", err)
	}
	bad = c
	bad.Database = "nosuchdatabase"
	if _, err := Open(ctx, bad); !errors.Is(err, ErrNoSuchDatabase) {
		t.Errorf("missing database: %v", err)
	}
	bad = c
	bad.URI = "bolt://127.0.0.1:1"
	if _, err := Open(ctx, bad); !errors.Is(err, ErrUnreachable) {
		t.Errorf("unreachable: %v", err)
	}
}

// TestNamedQueries runs every query of the library on the example data set and checks its
// rows against the analysis computed in Go.
func TestNamedQueries(t *testing.T) {
	s := session(t)
	d, r := example(t, 0)
	push(t, s, d, r)
	ctx := context.Background()
	run := func(name string, params map[string]string) []map[string]any {
		t.Helper()
		q, err := Get(name)
		if err != nil {
			t.Fatal(err)
		}
		bound, err := q.Bind(params)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.Run(ctx, q.Text, bound)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, row := range rows {
			for _, c := range q.Columns {
				if _, ok := row[c]; !ok {
					t.Fatalf("%s: no column %s in %v", name, c, row)
				}
			}
		}
		return rows
	}
	// hubs: the first three as analysis ranks them.
	rows := run("hubs", map[string]string{"limit": "3"})
	if len(rows) != 3 {
		t.Fatalf("hubs: %v", rows)
	}
	for i, row := range rows {
		if row["id"] != r.Hubs[i].ID || row["why"] != r.Hubs[i].Why {
			t.Errorf("hub %d = %v, want %v", i+1, row, r.Hubs[i])
		}
	}
	// typology: the four counts.
	got := map[string]int64{}
	for _, row := range run("typology", nil) {
		got[row["parties"].(string)+" "+row["class"].(string)] = row["count"].(int64)
	}
	want := map[string]int64{
		"bilateral relational": int64(r.Typology.RelationalBilateral), "bilateral transactional": int64(r.Typology.TransactionalBilateral),
		"multilateral relational": int64(r.Typology.RelationalMultilateral), "multilateral transactional": int64(r.Typology.TransactionalMultilateral),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("typology %v, want %v", got, want)
	}
	// partners: USA's bilateral ties, most relational first.
	rows = run("partners", map[string]string{"actor": "USA"})
	var usa []analysis.TieResult
	for _, tie := range r.Ties {
		if tie.Source == "USA" || tie.Target == "USA" {
			usa = append(usa, tie)
		}
	}
	if len(rows) != len(usa) || rows[0]["class"] != "relational" || rows[len(rows)-1]["relationalScore"].(float64) > rows[0]["relationalScore"].(float64) {
		t.Errorf("partners of USA: %d rows, want %d", len(rows), len(usa))
	}
	// club: the Five Eyes, every member tied relationally to the four others.
	rows = run("club", map[string]string{"club": "FVEY"})
	if len(rows) != 5 {
		t.Fatalf("FVEY members: %v", rows)
	}
	for _, row := range rows {
		if row["relationalTies"] != int64(4) || row["transactionalTies"] != int64(0) {
			t.Errorf("FVEY member %v", row)
		}
	}
	// relational-core: the actors of the highest core.
	k, members := 0, []string{}
	for _, a := range r.Actors {
		k = max(k, a.Core)
	}
	for _, a := range r.Actors {
		if a.Core == k {
			members = append(members, a.ID)
		}
	}
	rows = run("relational-core", nil)
	var ids []string
	for _, row := range rows {
		ids = append(ids, row["id"].(string))
	}
	slices.Sort(ids)
	if !reflect.DeepEqual(ids, members) {
		t.Errorf("relational core %v, want %v", ids, members)
	}
	// brokers: the top broker as analysis counts it.
	rows = run("brokers", map[string]string{"limit": "1"})
	best, bestTotal := "", 0
	for _, a := range r.Actors {
		b := a.Brokerage
		if t := b.Coordinator + b.Itinerant + b.Gatekeeper + b.Liaison; t > bestTotal || (t == bestTotal && a.ID < best) {
			best, bestTotal = a.ID, t
		}
	}
	if len(rows) != 1 || rows[0]["id"] != best || rows[0]["brokerage"] != int64(bestTotal) {
		t.Errorf("top broker %v, want %s (%v)", rows, best, bestTotal)
	}
	// trusted-path: over relational ties only, checked edge by edge.
	class := map[[2]string]string{}
	for _, tie := range r.Ties {
		class[[2]string{tie.Source, tie.Target}] = tie.Class
	}
	rel := func(a, b string) bool {
		if a > b {
			a, b = b, a
		}
		return class[[2]string{a, b}] == "relational"
	}
	rows = run("trusted-path", map[string]string{"from": "NZL", "to": "NOR"})
	if len(rows) != 1 {
		t.Fatalf("trusted path NZL–NOR: %v", rows)
	}
	path := toStrings(rows[0]["path"], 0)
	if path[0] != "NZL" || path[len(path)-1] != "NOR" || int64(len(path)-1) != rows[0]["hops"] {
		t.Errorf("path %v", rows[0])
	}
	for i := 1; i < len(path); i++ {
		if !rel(path[i-1], path[i]) {
			t.Errorf("path %v uses a non-relational tie %s–%s", path, path[i-1], path[i])
		}
	}
	// tie-factors: every tie's factors in report order, those without data (NaN) left out.
	partial := 0
	for _, tie := range r.Ties {
		var want []string
		tie.Factors.Each(func(f string, v float64) { want = append(want, fmt.Sprintf("%s=%v", f, v)) })
		if len(want) < len(analysis.TieFactors) {
			partial++
		}
		var got []string
		for _, row := range run("tie-factors", map[string]string{"a": tie.Target, "b": tie.Source}) {
			got = append(got, fmt.Sprintf("%s=%v", row["factor"], row["value"]))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("tie-factors %s–%s: %v, want %v", tie.Source, tie.Target, got, want)
		}
	}
	if partial == 0 {
		t.Error("no tie lacks a factor: the NaN case is not exercised")
	}
	// third-party-reach: breadth-first search over relational ties in Go.
	reach := map[string]int64{"GBR": 0}
	frontier := []string{"GBR"}
	for hop := int64(1); hop <= 2; hop++ {
		var next []string
		for _, u := range frontier {
			for _, tie := range r.Ties {
				if tie.Class != "relational" {
					continue
				}
				var v string
				switch u {
				case tie.Source:
					v = tie.Target
				case tie.Target:
					v = tie.Source
				default:
					continue
				}
				if _, seen := reach[v]; !seen {
					reach[v] = hop
					next = append(next, v)
				}
			}
		}
		frontier = next
	}
	delete(reach, "GBR")
	rows = run("third-party-reach", map[string]string{"actor": "GBR", "k": "2"})
	gotReach := map[string]int64{}
	for _, row := range rows {
		gotReach[row["id"].(string)] = row["hops"].(int64)
	}
	if !reflect.DeepEqual(gotReach, reach) {
		t.Errorf("reach of GBR in 2 relational hops: %v, want %v", gotReach, reach)
	}
}

func fmtSprint(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// A pull into a folder used before leaves no stale file (issue 16, item 14): it replaces the
// folder whole. A folder holding anything but .csv files is refused and left as it was.
func TestPullReplacesFolderWhole(t *testing.T) {
	s := session(t)
	d, r := example(t, 0)
	push(t, s, d, r)
	dir := filepath.Join(t.TempDir(), "pulled")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// A stale file of an earlier data set: before this fix it survived the pull and failed
	// validation (682 problems in the case).
	if err := os.WriteFile(filepath.Join(dir, "rivalries.csv"), []byte("source,target\nX,Y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Pull(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "rivalries.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale file is still there: %v", err)
	}
	if _, err := graphmodel.Load(dir); err != nil {
		t.Errorf("pulled folder invalid: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the folder: %v", entries)
	}
	other := t.TempDir()
	notes := filepath.Join(other, "notes.txt")
	if err := os.WriteFile(notes, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Pull(context.Background(), other); err == nil || !strings.Contains(err.Error(), "not only .csv files") {
		t.Errorf("pull into a folder with other files: %v", err)
	}
	if b, err := os.ReadFile(notes); err != nil || string(b) != "mine" {
		t.Errorf("the refused folder was touched: %v", err)
	}
}
