package graphmodel

import (
	"os"
	"os/exec"
	"testing"
)

// TestClassicDatasetsReproducible checks that the classic data sets in testdata are exactly
// what scripts/classic_datasets.py writes from NetworkX and ../shared/data.
func TestClassicDatasetsReproducible(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is required in CI")
		}
		t.Skip("no python3")
	}
	cmd := exec.Command(py, "../scripts/classic_datasets.py", "--check", "--shared", "../../shared", "--out", "../testdata")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("classic_datasets.py --check: %v\n%s", err, out)
	}
}
