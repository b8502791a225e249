package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteDir(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	put := func(name, body string) func(string) error {
		return func(tmp string) error { return os.WriteFile(filepath.Join(tmp, name), []byte(body), 0o644) }
	}
	if err := WriteDir(dir, nil, put("a.csv", "1")); err != nil {
		t.Fatal(err)
	}
	// A failing fill leaves the folder as it was and nothing beside it.
	boom := errors.New("boom")
	if err := WriteDir(dir, func(fs.DirEntry) bool { return true }, func(tmp string) error {
		_ = put("b.csv", "2")(tmp)
		return boom
	}); !errors.Is(err, boom) {
		t.Fatalf("failing fill: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 || entries[0].Name() != "a.csv" {
		t.Errorf("after a failed write: %v", entries)
	}
	// Replacing whole: the old file goes.
	if err := WriteDir(dir, func(e fs.DirEntry) bool { return e.Name() == "a.csv" }, put("c.csv", "3")); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 || entries[0].Name() != "c.csv" {
		t.Errorf("after replacing: %v", entries)
	}
	// A file the caller may not replace: refused, untouched.
	if err := WriteDir(dir, func(e fs.DirEntry) bool { return e.Name() == "a.csv" }, put("d.csv", "4")); !errors.Is(err, ErrNotReplaceable) {
		t.Errorf("not replaceable: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left beside the folder: %v", entries)
	}
}
