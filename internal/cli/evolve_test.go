package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvolveDefaultSpan: without --from/--to the series covers the data's years in at most 50
// rows; with --from alone it runs to the last year, a year a row.
func TestEvolveDefaultSpan(t *testing.T) {
	code, out, stderr := run(t, "evolve", example, "--format", "csv")
	if code != 0 {
		t.Fatalf("evolve: %d %s", code, stderr)
	}
	rows := strings.Split(strings.TrimSpace(out), "\n")[1:]
	if len(rows) == 0 || len(rows) > 50 {
		t.Fatalf("evolve: %d rows, want 1…50", len(rows))
	}
	last := rows[len(rows)-1][:4]
	code, out, stderr = run(t, "evolve", example, "--format", "csv", "--from", "2000")
	if code != 0 {
		t.Fatalf("evolve --from 2000: %d %s", code, stderr)
	}
	rows2 := strings.Split(strings.TrimSpace(out), "\n")[1:]
	if !strings.HasPrefix(rows2[0], "2000,") || !strings.HasPrefix(rows2[1], "2001,") || rows2[len(rows2)-1][:4] < last {
		t.Errorf("evolve --from 2000: rows %q … %q", rows2[0], rows2[len(rows2)-1])
	}
}

func TestReportTitleAndBounds(t *testing.T) {
	md := filepath.Join(t.TempDir(), "r.md")
	code, _, stderr := run(t, "report", example, "--format", "md", "-o", md, "--title", "Liaison 2000–2004", "--from", "2000", "--to", "2004")
	if code != 0 {
		t.Fatalf("report: %d %s", code, stderr)
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.HasPrefix(s, "# Liaison 2000–2004\n") {
		t.Errorf("report title: %.60q", s)
	}
	i := strings.Index(s, "Change over time")
	if i < 0 || !strings.Contains(s[i:], "2004") || strings.Contains(s[i:], "| 2005") || strings.Contains(s[i:], "| 1999") {
		t.Errorf("change over time not bounded by 2000–2004")
	}
	if code, _, _ := run(t, "report", example, "--from", "2005", "--to", "2000"); code != ExitInvalid {
		t.Errorf("report --from 2005 --to 2000: exit %d, want 2", code)
	}
}
