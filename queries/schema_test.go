package queries

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// one runs a query that returns one row.
func one(t *testing.T, s *Session, cypher string, params map[string]any) map[string]any {
	t.Helper()
	rows, err := s.RunRead(context.Background(), cypher, params)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("%s: %d rows", cypher, len(rows))
	}
	return rows[0]
}

func date(y int, m time.Month, d int) dbtype.Date {
	return dbtype.Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// TestSchema checks the schema of CONTRACT §6 on the example as pushed: types, names and
// the absent properties, against the data set and analysis computed in Go.
func TestSchema(t *testing.T) {
	s := session(t)
	d, r := example(t, 0)
	push(t, s, d, r)
	p := map[string]any{"dataset": DefaultDataset}

	// The data set node: no at for the whole time, the factor names.
	ds := props(one(t, s, "MATCH (d:Dataset {id: $dataset}) RETURN d", p)["d"])
	if _, ok := ds["at"]; ok {
		t.Errorf("Dataset.at = %v for an all-time push", ds["at"])
	}
	if !reflect.DeepEqual(toStrings(ds["tieFactors"], 0), analysis.TieFactors) || ds["complete"] != true || ds["layer"] != "combined" {
		t.Errorf("Dataset %v", ds)
	}
	// Actors: counts are integers, measures camelCase.
	usa := props(one(t, s, "MATCH (a:Actor {dataset: $dataset, id: 'USA'}) RETURN a", p)["a"])
	var m analysis.ActorMetrics
	for _, a := range r.Actors {
		if a.ID == "USA" {
			m = a
		}
	}
	if usa["degree"] != int64(m.Degree) || usa["core"] != int64(m.Core) || usa["effectiveSize"] != m.EffectiveSize ||
		usa["brokerageLiaison"] != int64(m.Brokerage.Liaison) || usa["hubRank"] != int64(1) {
		t.Errorf("USA %v", usa)
	}
	for k := range usa {
		if strings.Contains(k, "_") {
			t.Errorf("property %s is not camelCase", k)
		}
	}
	// Clubs: dates with their precision; FVEY since 1946-03-05 (a date), NINE_EYES 2009–2014 (years).
	fvey := props(one(t, s, "MATCH (c:Club {dataset: $dataset, id: 'FVEY'}) RETURN c", p)["c"])
	if fvey["since"] != date(1946, 3, 5) || fvey["sinceYear"] != false || fvey["until"] != nil || fvey["untilYear"] != nil {
		t.Errorf("FVEY since %v (%v), until %v", fvey["since"], fvey["sinceYear"], fvey["until"])
	}
	nine := props(one(t, s, "MATCH (c:Club {dataset: $dataset, id: 'NINE_EYES'}) RETURN c", p)["c"])
	if nine["since"] != date(2009, 1, 1) || nine["sinceYear"] != true || nine["until"] != date(2014, 12, 31) || nine["untilYear"] != true {
		t.Errorf("NINE_EYES since %v (%v), until %v (%v)", nine["since"], nine["sinceYear"], nine["until"], nine["untilYear"])
	}
	if fvey["xBasis"] == nil || fvey["activeMembers"] != int64(5) {
		t.Errorf("FVEY %v", fvey)
	}
	// Ties: USA–GBR since 1946-03-05 (a date), open until; USA–NZL 1956–1984 (years), then
	// 1985 to now (an open end: Neo4j's latest date).
	tie := props(one(t, s, "MATCH (:Actor {dataset: $dataset, id: 'GBR'})-[t:TIE]->(:Actor {dataset: $dataset, id: 'USA'}) RETURN t", p)["t"])
	if !reflect.DeepEqual(tie["spellSinces"], []any{date(1946, 3, 5)}) || !reflect.DeepEqual(tie["spellSinceYears"], []any{false}) ||
		tie["spellUntils"] != nil || !reflect.DeepEqual(tie["spellReversed"], []any{true}) {
		t.Errorf("GBR–USA spells %v", tie)
	}
	nzl := props(one(t, s, "MATCH (:Actor {dataset: $dataset, id: 'NZL'})-[t:TIE]->(:Actor {dataset: $dataset, id: 'USA'}) RETURN t", p)["t"])
	if !reflect.DeepEqual(nzl["spellUntils"], []any{date(1984, 12, 31), date(999999999, 12, 31)}) || !reflect.DeepEqual(nzl["spellUntilYears"], []any{true, false}) ||
		!reflect.DeepEqual(nzl["spellSinces"], []any{date(1956, 1, 1), date(1985, 1, 1)}) {
		t.Errorf("NZL–USA spells %v", nzl)
	}
	// Factors: each with evidence a property of its value, the others absent, per tie.
	rows, err := s.RunRead(context.Background(), "MATCH (a:Actor {dataset: $dataset})-[t:TIE]->(b:Actor) WHERE t.class IS NOT NULL RETURN a.id AS a, b.id AS b, t", p)
	if err != nil {
		t.Fatal(err)
	}
	byPair := map[[2]string]map[string]any{}
	for _, row := range rows {
		byPair[[2]string{row["a"].(string), row["b"].(string)}] = props(row["t"])
	}
	abstained := 0
	for _, tr := range r.Ties {
		got := byPair[[2]string{tr.Source, tr.Target}]
		if got["pRelational"] != tr.PRelational || got["decidedBy"] != tr.DecidedBy {
			t.Errorf("%s–%s: pRelational %v decidedBy %v, want %v %v", tr.Source, tr.Target, got["pRelational"], got["decidedBy"], tr.PRelational, tr.DecidedBy)
		}
		for _, f := range analysis.TieFactors {
			v, ok := tr.Factors.Get(f)
			g, present := got[factorProp(f)]
			if !ok {
				abstained++
			}
			if present != ok || ok && g != v {
				t.Errorf("%s–%s: %s = %v (present %v), want %v (%v)", tr.Source, tr.Target, factorProp(f), g, present, v, ok)
			}
		}
	}
	if abstained == 0 {
		t.Error("no factor abstains: the absent case is not exercised")
	}
	// Exchanges: a date, dateYear false, the note an extra column.
	ex := props(one(t, s, "MATCH (:Actor {dataset: $dataset})-[e:EXCHANGE {seq: 0}]->() RETURN e", p)["e"])
	if ex["date"] != date(1982, 7, 3) || ex["dateYear"] != false || ex["xNote"] == nil || ex["volume"] != 0.22 {
		t.Errorf("exchange 0: %v", ex)
	}
	// Every node of the data set is reachable from its data set node.
	if n := one(t, s, "MATCH (x) WHERE (x:Actor OR x:Club) AND x.dataset = $dataset AND NOT EXISTS { (:Dataset {id: $dataset})-[:CONTAINS]->(x) } RETURN count(x) AS n", p)["n"]; n != int64(0) {
		t.Errorf("%v nodes of the data set not reachable from its Dataset node", n)
	}
	if n := one(t, s, "MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(x) RETURN count(x) AS n", p)["n"]; n != int64(len(d.Actors)+len(d.Clubs)) {
		t.Errorf("Dataset contains %v nodes, want %d", n, len(d.Actors)+len(d.Clubs))
	}
	// A push at a year says so.
	_, r5 := example(t, 2005)
	push(t, s, d, r5)
	if at := one(t, s, "MATCH (d:Dataset {id: $dataset}) RETURN d.at AS at", p)["at"]; at != int64(2005) {
		t.Errorf("Dataset.at = %v after a 2005 push", at)
	}
	push(t, s, d, r)
}

// TestTiesInYear checks the year filter of the spells (the named query ties-in-year) against
// the data set's own time rule (graphmodel.Period.ActiveIn), for years with open, year and
// date ends.
func TestTiesInYear(t *testing.T) {
	s := session(t)
	d, r := example(t, 0)
	push(t, s, d, r)
	q, err := Get("ties-in-year")
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{1946, 1960, 1984, 1985, 2005, 2024} {
		want := map[string]float64{}
		spells := map[string]int64{}
		for _, tie := range d.Ties {
			if !tie.Period.ActiveIn(year) {
				continue
			}
			a, b := tie.Source, tie.Target
			if a > b {
				a, b = b, a
			}
			want[a+"-"+b] += tie.Weight
			spells[a+"-"+b]++
		}
		bound, err := q.Bind(map[string]string{"year": fmt.Sprint(year)})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.Query(context.Background(), q.Text, bound)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		var order []string
		for _, row := range rows.maps() {
			k := row["source"].(string) + "-" + row["target"].(string)
			got[k] = row["weight"].(float64)
			order = append(order, k)
			if row["spells"] != spells[k] {
				t.Errorf("%d: %s spells %v, want %d", year, k, row["spells"], spells[k])
			}
		}
		if !sort.StringsAreSorted(order) {
			t.Errorf("%d: rows not ordered by source, target", year)
		}
		if len(got) != len(want) {
			t.Errorf("%d: %d ties, want %d", year, len(got), len(want))
		}
		for k, w := range want {
			if g, ok := got[k]; !ok || g-w > 1e-9 || w-g > 1e-9 {
				t.Errorf("%d: %s weight %v, want %v", year, k, g, w)
			}
		}
	}
}

// TestDatasets pushes two data sets into one database: each pulls back as it was, the
// queries see only their own, and pushing one leaves the other as it was.
func TestDatasets(t *testing.T) {
	s := session(t)
	ctx := context.Background()
	d, r := example(t, 0)
	push(t, s, d, r)
	other, err := d.Without("PAK")
	if err != nil {
		t.Fatal(err)
	}
	c := s.Conn
	c.Dataset = "without-pak"
	s2, err := Open(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close(ctx)
	defer s2.Run(ctx, "MATCH (d:Dataset {id: $dataset}) OPTIONAL MATCH (d)-[:CONTAINS]->(x) DETACH DELETE d, x", nil)
	before := datasetDump(t, s, DefaultDataset)
	if _, err := s2.Push(ctx, analyzeAt(t, other, 0), PushOptions{Batch: 37}); err != nil {
		t.Fatal(err)
	}
	if after := datasetDump(t, s, DefaultDataset); !reflect.DeepEqual(before, after) {
		t.Error("pushing another data set changed the default one")
	}
	for _, x := range []struct {
		s *Session
		d *graphmodel.Dataset
	}{{s, d}, {s2, other}} {
		dir := t.TempDir()
		if err := x.s.Pull(ctx, dir); err != nil {
			t.Fatal(err)
		}
		p, err := graphmodel.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(canonical(x.d), canonical(p)) {
			t.Errorf("data set %s does not pull back as pushed", x.s.dataset())
		}
	}
	q, _ := Get("partners")
	for _, x := range []struct {
		s    *Session
		want bool
	}{{s, true}, {s2, false}} {
		b, _ := q.Bind(map[string]string{"actor": "PAK", "dataset": x.s.dataset()})
		rows, err := x.s.Query(ctx, q.Text, b)
		if err != nil {
			t.Fatal(err)
		}
		if (len(rows.Values) > 0) != x.want {
			t.Errorf("partners of PAK in %s: %d rows", x.s.dataset(), len(rows.Values))
		}
	}
	// The same actor id in both data sets: two nodes.
	if n := one(t, s, "MATCH (a:Actor {id: 'USA'}) RETURN count(a) AS n", nil)["n"]; n != int64(2) {
		t.Errorf("%v USA nodes, want one per data set", n)
	}
}

// datasetDump lists the data set's nodes and their relationships with their properties.
func datasetDump(t *testing.T, s *Session, name string) []string {
	t.Helper()
	rows, err := s.RunRead(context.Background(), `
		MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(x) RETURN labels(x)[0] + ' ' + x.id AS x, properties(x) AS p
		UNION ALL
		MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id AS x, properties(r) AS p`,
		map[string]any{"dataset": name})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprint(r["x"], " ", jsonSafe(r["p"])))
	}
	sort.Strings(out)
	return out
}
