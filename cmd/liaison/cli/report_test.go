package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "r.html")
	if code, _, stderr := run(t, "report", example, "-o", html); code != 0 {
		t.Fatalf("report html: %d %s", code, stderr)
	}
	b, err := os.ReadFile(html)
	if err != nil || !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), "Alliance hubs") {
		t.Errorf("report html: %v %.80q", err, b)
	}
	md := filepath.Join(dir, "r.md")
	if code, _, stderr := run(t, "report", example, "--format", "md", "-o", md, "--at", "2005"); code != 0 {
		t.Fatalf("report md: %d %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "r-network.svg")); err != nil {
		t.Error(err)
	}
	if code, _, stderr := run(t, "report", example, "--format", "md", "-o", filepath.Join(dir, "r.html")); code != ExitInvalid || !strings.Contains(stderr, ".md") {
		t.Errorf("md to .html: %d %s", code, stderr)
	}
}
