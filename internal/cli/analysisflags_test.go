package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestFlagRanges runs typology with each numeric flag out of range on a path that does not
// exist: the flag must be refused first (exit 2, its name and its range in the message),
// before anything is loaded. Values at the edge of the range must pass the check (the run
// then fails on the missing path instead).
func TestFlagRanges(t *testing.T) {
	bad := []struct{ flag, value, want string }{
		{"--saturation", "-1", "> 0"},
		{"--saturation", "0", "> 0"},
		{"--saturation", "+Inf", "> 0"},
		{"--window", "-1", "> 0"},
		{"--small-club", "-5", "> 0"},
		{"--volume-ratio", "0", "> 1"},
		{"--volume-ratio", "1", "> 1"},
		{"--hubs", "-1", "> 0"},
		{"--threshold", "-1", "(0, 1]"},
		{"--threshold", "0", "(0, 1]"},
		{"--threshold", "1.5", "(0, 1]"},
		{"--threshold", "NaN", "(0, 1]"},
		{"--weight-scale", "0", "> 0"},
		{"--core-scale", "-2", "> 0"},
		{"--min-each", "0", "> 0"},
		{"--alpha", "0", "(0, 1)"},
		{"--alpha", "1", "(0, 1)"},
		{"--alpha", "NaN", "(0, 1)"},
		{"--null-draws", "0", "> 0"},
		{"--draws", "-3", "> 0"},
		{"--sample", "-1", "0: exact"},
		{"--louvain-runs", "-1", "0: auto"},
		{"--club-weight", "-1", "≥ 0"},
		{"--club-weight", "NaN", "≥ 0"},
		{"--at", "-2000", "0: all time"},
		{"--min-weight", "-1", "≥ 0"},
		{"--min-weight", "Inf", "≥ 0"},
		{"--epsilon", "1", "[0, 1)"},
		{"--epsilon", "-0.1", "[0, 1)"},
		{"--delta", "0", "(0, 1)"},
		{"--delta", "1", "(0, 1)"},
	}
	for _, c := range bad {
		t.Run(c.flag+"="+c.value, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Do([]string{"typology", "no/such/data-set", c.flag, c.value}, strings.NewReader(""), &stdout, &stderr)
			if code != ExitInvalid {
				t.Errorf("exit %d, want %d; stderr %q", code, ExitInvalid, stderr.String())
			}
			if msg := stderr.String(); !strings.Contains(msg, c.flag+" ") || !strings.Contains(msg, c.want) {
				t.Errorf("stderr %q: want the flag %s and its range %q", msg, c.flag, c.want)
			}
		})
	}
	good := []struct{ flag, value string }{
		{"--threshold", "1"}, {"--alpha", "0.5"}, {"--volume-ratio", "1.01"},
		{"--sample", "0"}, {"--louvain-runs", "0"}, {"--at", "0"}, {"--club-weight", "0"},
		{"--min-weight", "0"}, {"--saturation", "0.5"}, {"--epsilon", "0"}, {"--delta", "0.5"},
	}
	for _, c := range good {
		t.Run(c.flag+"="+c.value, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			Do([]string{"typology", "no/such/data-set", c.flag, c.value}, strings.NewReader(""), &stdout, &stderr)
			if msg := stderr.String(); strings.Contains(msg, c.flag+" ") || !strings.Contains(msg, "no/such/data-set") {
				t.Errorf("stderr %q: want the missing path, not a flag error", msg)
			}
		})
	}
}

// TestFlagRulesComplete checks that every rule names a registered flag of an analysis
// command, so a renamed flag cannot leave its rule behind.
func TestFlagRulesComplete(t *testing.T) {
	root := newRoot(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
	cmd, _, err := root.Find([]string{"typology"})
	if err != nil {
		t.Fatal(err)
	}
	for name := range flagRules {
		if cmd.Flags().Lookup(name) == nil && cmd.InheritedFlags().Lookup(name) == nil {
			t.Errorf("rule for --%s: no such flag on typology", name)
		}
	}
}
