package cli

import (
	"slices"
	"strings"
	"testing"
)

func TestNaturalCompare(t *testing.T) {
	got := []string{"A10", "B1", "A2", "A1", "A02", "A", "A10b", "A10a", "10", "9"}
	slices.SortFunc(got, naturalCompare)
	want := []string{"9", "10", "A", "A1", "A02", "A2", "A10", "A10a", "A10b", "B1"}
	if !slices.Equal(got, want) {
		t.Errorf("natural order %v, want %v", got, want)
	}
}

func TestAnalyzeSortTop(t *testing.T) {
	code, out, _ := run(t, "analyze", example, "--sort", "degree", "--top", "3")
	if code != 0 || len(strings.Split(strings.TrimSpace(out), "\n")) != 3+3 || !strings.Contains(out, "\n  USA ") {
		t.Errorf("analyze --sort degree --top 3: exit %d\n%s", code, out)
	}
	if code, _, stderr := run(t, "analyze", example, "--sort", "fame"); code != ExitInvalid || !strings.Contains(stderr, "want a measure: degree") {
		t.Errorf("--sort fame: exit %d %s", code, stderr)
	}
}
