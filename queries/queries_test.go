package queries

import (
	"strings"
	"testing"
)

func TestLibrary(t *testing.T) {
	qs, err := All()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"brokers", "circular-reporting", "club", "hubs", "partners", "relational-core", "third-party-reach", "tie-factors", "ties-in-year", "trusted-path", "typology"}
	var got []string
	for _, q := range qs {
		got = append(got, q.Name)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("queries %v, want %v", got, want)
	}
}

func TestParseRejects(t *testing.T) {
	base := "// name: x\n// params: a string\n// columns: y\n// purpose: p\nRETURN $a AS y; // done\n"
	if _, err := Parse(base); err != nil {
		t.Fatalf("good query: %v", err)
	}
	if _, err := Parse("// name: x\n// params: a string\n// columns: y\n// purpose: p\nRETURN $a + ';' + \"x;\" AS y /* ; */;\n"); err != nil {
		t.Errorf("a ; in a string or comment: %v", err)
	}
	for name, text := range map[string]string{
		"no purpose":        "// name: x\n// params: a string\n// columns: y\nRETURN $a AS y\n",
		"undeclared param":  "// name: x\n// params:\n// columns: y\n// purpose: p\nRETURN $a AS y\n",
		"unused param":      "// name: x\n// params: a string, b int\n// columns: y\n// purpose: p\nRETURN $a AS y\n",
		"column not return": "// name: x\n// params: a string\n// columns: y, z\n// purpose: p\nRETURN $a AS y\n",
		"bad type":          "// name: x\n// params: a date\n// columns: y\n// purpose: p\nRETURN $a AS y\n",
		"bad default":       "// name: x\n// params: a int ten\n// columns: y\n// purpose: p\nRETURN $a AS y;\n",
		"no semicolon":      "// name: x\n// params: a string\n// columns: y\n// purpose: p\nRETURN $a AS y\n",
		"two statements":    "// name: x\n// params: a string\n// columns: y\n// purpose: p\nRETURN $a AS y;\nRETURN 1 AS y;\n",
		"text after":        "// name: x\n// params: a string\n// columns: y\n// purpose: p\nRETURN $a AS y; RETURN 2\n",
	} {
		if _, err := Parse(text); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestBind(t *testing.T) {
	q, err := Get("third-party-reach")
	if err != nil {
		t.Fatal(err)
	}
	v, err := q.Bind(map[string]string{"actor": "USA"})
	if err != nil || v["actor"] != "USA" || v["k"] != int64(2) {
		t.Errorf("Bind = %v, %v", v, err)
	}
	if _, err := q.Bind(map[string]string{}); err == nil || !strings.Contains(err.Error(), "--param actor=STRING") {
		t.Errorf("missing param: %v", err)
	}
	if _, err := q.Bind(map[string]string{"actor": "USA", "k": "two"}); err == nil {
		t.Error("bad int accepted")
	}
	if _, err := q.Bind(map[string]string{"actor": "USA", "depth": "2"}); err == nil {
		t.Error("unknown param accepted")
	}
	if _, err := Get("nope"); err == nil {
		t.Error("unknown query")
	}
}
