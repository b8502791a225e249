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
	// Progress goes to a terminal only: with stderr a buffer, nothing is printed.
	if code, _, stderr := run(t, "report", example, "-o", html); code != 0 || stderr != "" {
		t.Fatalf("report html: %d %q", code, stderr)
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

// TestProgressOnTerminalOnly checks the progress line: drawn on a terminal, absent otherwise.
func TestProgressOnTerminalOnly(t *testing.T) {
	var b strings.Builder
	quiet := newStages(&b, false)
	quiet.begin("load")
	quiet.progress("shortest paths", 5, 10)
	quiet.finish()
	if b.Len() != 0 {
		t.Errorf("progress written off a terminal: %q", b.String())
	}
	b.Reset()
	tty := newStages(&b, false)
	tty.tty = true // as for a character device
	tty.progress("shortest paths", 5, 10)
	tty.finish()
	if !strings.Contains(b.String(), "shortest paths 5/10 (50%)") {
		t.Errorf("no progress on a terminal: %q", b.String())
	}
	b.Reset()
	timed := newStages(&b, true)
	timed.begin("load")
	timed.finish()
	if !strings.HasPrefix(b.String(), "timing: load") || !strings.Contains(b.String(), "timing: total") {
		t.Errorf("timings: %q", b.String())
	}
}
