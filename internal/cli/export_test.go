package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"gexf", "graphml", "dot"} {
		out := filepath.Join(dir, "x."+f)
		if code, _, stderr := run(t, "export", example, "--format", f, "-o", out); code != 0 {
			t.Fatalf("%s: %d %s", f, code, stderr)
		}
		if b, err := os.ReadFile(out); err != nil || len(b) < 1000 {
			t.Errorf("%s: %v, %d bytes", f, err, len(b))
		}
	}
	if code, _, stderr := run(t, "export", "../../testdata/florentine", "--format", "csv", "-o", filepath.Join(dir, "tables")); code != 0 {
		t.Fatalf("csv: %d %s", code, stderr)
	}
	nodes, _ := os.ReadFile(filepath.Join(dir, "tables", "nodes.csv"))
	if !strings.HasPrefix(string(nodes), "Id,Label,") || strings.Count(string(nodes), "\n") != 17 {
		t.Errorf("nodes.csv: %.60q", nodes)
	}
	code, out, _ := run(t, "export", "../../testdata/florentine", "--format", "dot", "-o", "-")
	if code != 0 || !strings.HasPrefix(out, "graph") {
		t.Errorf("dot to stdout: %d %.40q", code, out)
	}
	if code, _, _ := run(t, "export", example, "--format", "pdf", "-o", "x"); code != ExitInvalid {
		t.Errorf("pdf: exit %d", code)
	}
	if code, _, _ := run(t, "export", example, "--format", "csv", "-o", "-"); code != ExitInvalid {
		t.Errorf("csv to stdout: exit %d", code)
	}
}
