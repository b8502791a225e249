package graphmodel

import (
	"os/exec"
	"testing"

	"github.com/liaison-net/liaison/internal/testenv"
)

// TestClassicDatasetsReproducible checks that the classic data sets in testdata are exactly
// what scripts/classic_datasets.py writes from NetworkX and ../shared/data.
func TestClassicDatasetsReproducible(t *testing.T) {
	py := testenv.Python(t, "networkx")
	testenv.SharedData(t, "padgett-florentine/Padgett.paj")
	cmd := exec.Command(py, "../scripts/classic_datasets.py", "--check", "--shared", "../../shared", "--out", "../testdata")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("classic_datasets.py --check: %v\n%s", err, out)
	}
}
