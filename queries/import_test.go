package queries

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

// TestNeo4jAdminImport runs on a database that scripts/neo4j import loaded from `liaison export
// testdata/example --format neo4j-admin` (scripts/test does that, and sets
// LIAISON_NEO4J_IMPORTED=1): the constraints are there, the data set pulls back as the example,
// and a push of the same analysis over it changes nothing: the importer's files are the
// schema push writes.
func TestNeo4jAdminImport(t *testing.T) {
	if os.Getenv("LIAISON_NEO4J_IMPORTED") != "1" {
		t.Skip("needs a database loaded by scripts/neo4j import (LIAISON_NEO4J_IMPORTED=1; scripts/test does it)")
	}
	s := session(t)
	ctx := context.Background()
	rows, err := s.RunRead(ctx, "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names", nil)
	if err != nil {
		t.Fatal(err)
	}
	names := toStrings(rows[0]["names"], 0)
	for _, q := range constraints {
		found := false
		for _, n := range names {
			found = found || len(q) > 0 && contains(q, "CONSTRAINT "+n+" ")
		}
		if !found {
			t.Errorf("constraint %q missing after the import (have %v)", q, names)
		}
	}
	imported := dump(t, s)
	dir := t.TempDir()
	if err := s.Pull(ctx, dir); err != nil {
		t.Fatal(err)
	}
	p, err := graphmodel.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, r := example(t, 0)
	if !reflect.DeepEqual(canonical(d), canonical(p)) {
		t.Error("the imported data set does not pull back as the example")
	}
	push(t, s, d, r)
	if pushed := dump(t, s); !reflect.DeepEqual(imported, pushed) {
		for i := range imported {
			if i >= len(pushed) || imported[i] != pushed[i] {
				t.Fatalf("a push over the import changed it at %d (%d vs %d items):\nimported %s\npushed   %s", i, len(imported), len(pushed), imported[i], pushed[min(i, len(pushed)-1)])
			}
		}
		t.Fatalf("a push over the import has %d items, the import %d", len(pushed), len(imported))
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
