package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/internal/atomicfile"
)

// Formats are the export formats, as the CLI names them.
var Formats = []string{"gexf", "graphml", "csv", "dot", "node-link", "neo4j-admin"}

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
	case "node-link":
		return WriteNodeLink, true
	}
	return nil, false
}

// WriteFile writes the export in format (one of Formats) to path, atomically: for csv, path
// is a folder that receives nodes.csv and edges.csv, written whole (both into a temporary
// folder beside path, renamed into place when complete, so the pair never ends half old,
// half new; an existing path is replaced only when it holds nothing but those two files);
// otherwise path is the file.
func WriteFile(path, format string, r *analysis.Result, o Options) error {
	if format == "neo4j-admin" { // a folder: see WriteNeo4jAdmin
		return WriteNeo4jAdmin(path, r, o)
	}
	if format == "csv" {
		err := atomicfile.WriteDir(path, func(e fs.DirEntry) bool { return !e.IsDir() && (e.Name() == NodesCSV || e.Name() == EdgesCSV) },
			func(tmp string) error {
				// Both tables with one pass of the model; the edges table streams into its own file.
				return atomicfile.Write(filepath.Join(tmp, NodesCSV), func(nw io.Writer) error {
					return atomicfile.Write(filepath.Join(tmp, EdgesCSV), func(ew io.Writer) error {
						return WriteCSV(nw, ew, r, o)
					})
				})
			})
		if errors.Is(err, atomicfile.ErrNotReplaceable) {
			return fmt.Errorf("export: %w (the csv format replaces a folder of only %s and %s; name a new or empty folder)", err, NodesCSV, EdgesCSV)
		}
		return err
	}
	fn, ok := WriterFor(format)
	if !ok {
		return fmt.Errorf("export: format %q: want %s", format, strings.Join(Formats, ", "))
	}
	return atomicfile.Write(path, func(w io.Writer) error { return fn(w, r, o) })
}
