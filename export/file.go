package export

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/internal/atomicfile"
)

// Formats are the export formats, as the CLI names them.
var Formats = []string{"gexf", "graphml", "csv", "dot"}

// Writer is the shape of WriteGEXF, WriteGraphML and WriteDOT.
type Writer func(w io.Writer, r *analysis.Result, o Options) error

// WriterFor returns the writer of a single-file format (gexf, graphml, dot); ok is false for
// csv (two files: see WriteCSV) and unknown formats.
func WriterFor(format string) (Writer, bool) {
	switch format {
	case "gexf":
		return WriteGEXF, true
	case "graphml":
		return WriteGraphML, true
	case "dot":
		return WriteDOT, true
	}
	return nil, false
}

// WriteFile writes the export in format (one of Formats) to path, atomically: for csv, path
// is a folder that receives nodes.csv and edges.csv, written whole (both into a temporary
// folder beside path, renamed into place when complete, so the pair never ends half old,
// half new; an existing path is replaced only when it holds nothing but those two files);
// otherwise path is the file.
func WriteFile(path, format string, r *analysis.Result, o Options) (err error) {
	if format == "csv" {
		path = filepath.Clean(path)
		if err := csvTarget(path); err != nil {
			return err
		}
		parent, base := filepath.Split(path)
		if parent == "" {
			parent = "."
		}
		tmp, err := os.MkdirTemp(parent, "."+base+".tmp-*")
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer func() {
			if err != nil {
				os.RemoveAll(tmp)
			}
		}()
		// Both tables with one pass of the model; the edges table streams into its own file.
		err = atomicfile.Write(filepath.Join(tmp, NodesCSV), func(nw io.Writer) error {
			return atomicfile.Write(filepath.Join(tmp, EdgesCSV), func(ew io.Writer) error {
				return WriteCSV(nw, ew, r, o)
			})
		})
		if err != nil {
			return err
		}
		if err = os.Chmod(tmp, 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if _, statErr := os.Lstat(path); statErr == nil {
			old, err := os.MkdirTemp(parent, "."+base+".old-*")
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			os.Remove(old) // only its unique name is wanted
			if err = os.Rename(path, old); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err = os.Rename(tmp, path); err != nil {
				os.Rename(old, path)
				return fmt.Errorf("export: %w", err)
			}
			return os.RemoveAll(old)
		}
		if err = os.Rename(tmp, path); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	fn, ok := WriterFor(format)
	if !ok {
		return fmt.Errorf("export: format %q: want %s", format, strings.Join(Formats, ", "))
	}
	return atomicfile.Write(path, func(w io.Writer) error { return fn(w, r, o) })
}

// csvTarget checks that path may receive the CSV tables: missing, or a folder holding
// nothing but nodes.csv and edges.csv (an earlier export).
func csvTarget(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("export: %s is not a folder (the csv format writes a folder of two tables)", path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, e := range entries {
		if n := e.Name(); n != NodesCSV && n != EdgesCSV {
			return fmt.Errorf("export: %s holds %s: the csv format replaces a folder of only %s and %s; name a new or empty folder", path, n, NodesCSV, EdgesCSV)
		}
	}
	return nil
}
