package export

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// The neo4j-admin folder of the example: one file per label and type with the importer's
// typed headers, the arguments and the constraints; the values as the importer reads them.
// (That the importer loads them into the schema push writes is TestNeo4jAdminImport's, in
// queries, on a real server.)
func TestNeo4jAdmin(t *testing.T) {
	_, r := analysed(t, cases[4]) // the example
	dir := filepath.Join(t.TempDir(), "admin")
	if err := WriteFile(dir, "neo4j-admin", r, Options{Dataset: "ex"}); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	actors := read("actor.csv")
	for _, h := range []string{"id:ID(Actor)", ":LABEL", "dataset", "degree:long", "effectiveSize:double", "hubScore:double"} {
		if !slices.Contains(actors[0], h) {
			t.Errorf("actor.csv header %v lacks %s", actors[0], h)
		}
	}
	if len(actors) != 1+53 {
		t.Errorf("actor.csv: %d rows", len(actors)-1)
	}
	ties := read("tie.csv")
	col := func(name string) int { return slices.Index(ties[0], name) }
	for _, h := range []string{":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "spellSinces:date[]", "spellLines:long[]", "spellReversed:boolean[]", "factorOverlap:double", "pRelational:double"} {
		if col(h) < 0 {
			t.Errorf("tie.csv header %v lacks %s", ties[0], h)
		}
	}
	found := false
	for _, rec := range ties[1:] {
		if rec[0] == "NZL" && rec[1] == "USA" {
			found = true
			if got := rec[col("spellUntils:date[]")]; got != "1984-12-31\x1f+999999999-12-31" {
				t.Errorf("NZL–USA spellUntils %q", got)
			}
			if got := rec[col("spellUntilYears:boolean[]")]; got != "true\x1ffalse" {
				t.Errorf("NZL–USA spellUntilYears %q", got)
			}
		}
	}
	if !found {
		t.Error("no NZL–USA tie")
	}
	args, err := os.ReadFile(filepath.Join(dir, Neo4jAdminArgs))
	if err != nil || !strings.Contains(string(args), "--nodes=actor.csv\n") || !strings.Contains(string(args), "--relationships=tie.csv\n") ||
		!strings.Contains(string(args), "--array-delimiter=U+001F\n") {
		t.Errorf("import.args: %q %v", args, err)
	}
	if ds := read("dataset.csv"); ds[1][0] != "ex" {
		t.Errorf("dataset.csv %v", ds)
	}
	// Written again over itself: replaced whole; a folder with other files is refused.
	if err := WriteFile(dir, "neo4j-admin", r, Options{Dataset: "ex"}); err != nil {
		t.Errorf("rewrite: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dir, "neo4j-admin", r, Options{}); err == nil {
		t.Error("a folder with notes.txt was replaced")
	}
}

func TestNeo4jAdminCells(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{float64(1) / float64(3), "0.3333333333333333"},
		{int64(-3), "-3"},
		{dbtype.Date(time.Date(-999999999, 1, 1, 0, 0, 0, 0, time.UTC)), "-999999999-01-01"},
		{dbtype.Date(time.Date(1946, 3, 5, 0, 0, 0, 0, time.UTC)), "1946-03-05"},
		{[]string{"SIGINT;HUMINT", ""}, "SIGINT;HUMINT\x1f"},
		{[]bool{true, false}, "true\x1ffalse"},
		{nil, ""},
	} {
		if got, err := cell(c.v); err != nil || got != c.want {
			t.Errorf("cell(%v) = %q, %v; want %q", c.v, got, err, c.want)
		}
	}
	for _, bad := range []any{"", []string{""}, []string{"a\x1fb"}, struct{}{}} {
		if _, err := cell(bad); err == nil {
			t.Errorf("cell(%q) accepted", bad)
		}
	}
}
