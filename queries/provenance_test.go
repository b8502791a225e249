package queries

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/provenance"
)

// TestProvenanceRows: the rows written for the stylised example, without a server.
func TestProvenanceRows(t *testing.T) {
	d, err := graphmodel.Load("../testdata/provenance")
	if err != nil {
		t.Fatal(err)
	}
	reports, exchanges := provenanceRows(d)
	if len(reports) != 8 || len(exchanges) != 11 {
		t.Fatalf("%d reports, %d exchange rows; want 8 and 11", len(reports), len(exchanges))
	}
	byID := map[string]reportRow{}
	for _, r := range reports {
		byID[r.props[propID].(string)] = r
	}
	if r := byID["ONA-3"]; r.origin != "AUS" || !slices.Equal(r.props["roots"].([]string), []string{"DEU"}) || !slices.Equal(r.sources, []string{"UK-7"}) {
		t.Errorf("ONA-3: %+v", r)
	}
	if r := byID["UK-7"]; r.props["caveat"] != "REL TO FVEY" || r.props["line"] != int64(5) {
		t.Errorf("UK-7: %+v", r.props)
	}
	if r, _ := provenanceRows(mustLoad(t, "../testdata/example")); r != nil {
		t.Error("the example without provenance columns has reports")
	}
}

func mustLoad(t *testing.T, path string) *graphmodel.Dataset {
	t.Helper()
	d, err := graphmodel.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestProvenancePush pushes the stylised example and checks the provenance graph, the named
// query circular-reporting against provenance.Analyze (its corroboration findings and the
// returns of a consumer's own collection: the query reads root origins), a pull that gives
// the same findings, and a push of a data set without provenance that removes the reports.
func TestProvenancePush(t *testing.T) {
	s := session(t)
	ctx := context.Background()
	d := mustLoad(t, "../testdata/provenance")
	push(t, s, d, analyzeAt(t, d, 0))
	count := func(q string) int64 {
		rows, err := s.Run(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rows[0]["n"].(int64)
	}
	for q, want := range map[string]int64{
		"MATCH (p:Report) RETURN count(p) AS n":                                                                                                      8,
		"MATCH (:Report)-[r:DERIVED_FROM]->(:Report) RETURN count(r) AS n":                                                                           3,
		"MATCH (:Actor)-[r:ORIGINATED]->(:Report) RETURN count(r) AS n":                                                                              8,
		"MATCH ()-[x:EXCHANGE]->() WHERE x.report IS NOT NULL RETURN count(x) AS n":                                                                  11,
		"MATCH (:Actor {id: 'AUS'})-[:ORIGINATED]->(:Report {id: 'ONA-3', origin: 'AUS'}) RETURN count(*) AS n":                                      1,
		"MATCH ()-[x:EXCHANGE {line: 7}]->() WHERE x.report = 'ONA-3' AND x.origin = 'AUS' AND x.assessment = 'MOBILE-BW-LABS' RETURN count(x) AS n": 1,
	} {
		if n := count(q); n != want {
			t.Errorf("%s: %d, want %d", q, n, want)
		}
	}
	q, err := Get("circular-reporting")
	if err != nil {
		t.Fatal(err)
	}
	params, err := q.Bind(map[string]string{"limit": "50"})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Run(ctx, q.Text, params)
	if err != nil {
		t.Fatal(err)
	}
	r, err := provenance.Analyze(d, provenance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, row := range rows {
		got = append(got, fmt.Sprintf("%v %v %v %v", row["consumer"], row["assessment"], row["origin"], row["lines"]))
	}
	for _, c := range r.Circular {
		if c.Kind == "corroboration" || c.Origin == c.Consumer && slices.ContainsFunc(c.Lines, func(l provenance.Line) bool { return len(l.Paths) > 0 && l.Paths[0].Steps[0].Kind == "collect" }) {
			want = append(want, fmt.Sprintf("%s %s %s %d", c.Consumer, c.Assessment, c.Origin, len(c.Lines)))
		}
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("circular-reporting: %v, want %v", got, want)
	}
	if len(rows) > 0 {
		chains := fmt.Sprint(rows[0]["chains"])
		if !strings.Contains(chains, "ONA-3 from AUS: DEU > CB-01 > DIA-1 > UK-7 > ONA-3") {
			t.Errorf("chains %s", chains)
		}
	}
	dir := t.TempDir()
	if err := s.Pull(ctx, dir); err != nil {
		t.Fatal(err)
	}
	back, err := provenance.Analyze(mustLoad(t, dir), provenance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(back.Circular, back.Breaches, back.Dependence, back.Convergence) != fmt.Sprint(r.Circular, r.Breaches, r.Dependence, r.Convergence) {
		t.Error("the pulled data set gives other provenance findings")
	}
	e, ex := example(t, 0)
	push(t, s, e, ex)
	if n := count("MATCH (p:Report) RETURN count(p) AS n"); n != 0 {
		t.Errorf("%d reports left after pushing a data set without provenance", n)
	}
}
