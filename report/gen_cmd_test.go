package report

import (
	"os"
	"testing"
)

// TestWriteGenerated writes the generated data set of the benchmark to $LIAISON_GEN_DIR (for
// timing the command line by hand: scripts/bench-report); skipped without it.
func TestWriteGenerated(t *testing.T) {
	dir := os.Getenv("LIAISON_GEN_DIR")
	if dir == "" {
		t.Skip("LIAISON_GEN_DIR not set")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	genDataset(t, dir, 1000, 10000, 11)
}
