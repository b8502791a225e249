package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/cli (stdout, stderr, exit)")

// goldenDir holds the end-to-end cases, relative to the repository root.
const goldenDir = "testdata/cli"

// TestGolden runs every case of testdata/cli through Do, from the repository root, and
// compares stdout, stderr and the exit status with the case's files exactly. A case is a
// folder with an args file (one argument a line) and the expected stdout, stderr and exit.
// With -update the expected files are rewritten from what the command does.
func TestGolden(t *testing.T) {
	t.Chdir("../..") // the cases name their paths from the repository root
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(goldenDir, e.Name())
		if _, err := os.Stat(filepath.Join(dir, "args")); err != nil {
			t.Errorf("%s: no args file: %v", dir, err)
			continue
		}
		n++
		t.Run(e.Name(), func(t *testing.T) { runGolden(t, dir) })
	}
	if n == 0 {
		t.Fatalf("no cases in %s", goldenDir)
	}
}

func runGolden(t *testing.T, dir string) {
	args, err := readArgs(filepath.Join(dir, "args"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := Do(args, strings.NewReader(""), &stdout, &stderr)
	got := map[string]string{
		"stdout": stdout.String(),
		"stderr": stderr.String(),
		"exit":   strconv.Itoa(code) + "\n",
	}
	for _, name := range []string{"stdout", "stderr", "exit"} {
		path := filepath.Join(dir, name)
		if *update {
			if err := os.WriteFile(path, []byte(got[name]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run with -update to create it)", err)
			continue
		}
		if d := firstDifference(string(want), got[name]); d != "" {
			t.Errorf("liaison %s: %s differs from %s: %s", quoteArgs(args), name, path, d)
		}
	}
}

// readArgs reads an args file: one argument a line (so an argument may hold spaces), the
// last line ending with a newline or not. An empty file is no arguments; an empty line
// within the file is an empty argument.
func readArgs(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := strings.TrimSuffix(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if s == "" {
		return []string{}, nil
	}
	return strings.Split(s, "\n"), nil
}

// firstDifference describes where got first differs from want, or returns "".
func firstDifference(want, got string) string {
	if want == got {
		return ""
	}
	wl, gl := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d: got %q, want %q (%d lines, want %d)", i+1, g, w, lines(got), lines(want))
		}
	}
	return "they differ" // not reached: equal lines make equal strings
}

// lines counts the lines of s, a last line without a newline included.
func lines(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

func quoteArgs(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = a
		if a == "" || strings.ContainsAny(a, " \t\"'") {
			q[i] = strconv.Quote(a)
		}
	}
	return strings.Join(q, " ")
}
