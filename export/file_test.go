package export

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
)

// The CSV folder appears whole (issue 16, item 6): a failed write leaves an earlier export as
// it was, a successful one replaces both files, and a folder with other files is refused.
func TestCSVFolderWhole(t *testing.T) {
	_, r := analysed(t, cases[1])
	dir := filepath.Join(t.TempDir(), "tables")
	if err := WriteFile(dir, "csv", r, Options{}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, EdgesCSV))
	// A failing write (no layer) leaves the old pair and nothing beside it.
	if err := WriteFile(dir, "csv", &analysis.Result{}, Options{}); err == nil {
		t.Fatal("no error for a result without its layer")
	}
	after, _ := os.ReadFile(filepath.Join(dir, EdgesCSV))
	if string(before) != string(after) || len(before) == 0 {
		t.Error("a failed export changed the folder")
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("left beside the folder: %v", entries)
	}
	// Replacing an earlier export works.
	if err := WriteFile(dir, "csv", r, Options{}); err != nil {
		t.Fatalf("replacing an export: %v", err)
	}
	// A folder with other files is not ours to replace.
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dir, "csv", r, Options{}); err == nil || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("a folder with other files: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); errors.Is(err, os.ErrNotExist) {
		t.Error("the refused folder lost a file")
	}
}
