package export

import (
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
// is a folder (created if needed) that receives nodes.csv and edges.csv, each written
// atomically; otherwise path is the file.
func WriteFile(path, format string, r *analysis.Result, o Options) error {
	if format == "csv" {
		if err := os.MkdirAll(path, 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		// Gather both tables with one pass of the model, then write each file atomically;
		// the edges table streams into its own temporary file.
		nodesPath, edgesPath := filepath.Join(path, NodesCSV), filepath.Join(path, EdgesCSV)
		return atomicfile.Write(nodesPath, func(nw io.Writer) error {
			return atomicfile.Write(edgesPath, func(ew io.Writer) error {
				return WriteCSV(nw, ew, r, o)
			})
		})
	}
	fn, ok := WriterFor(format)
	if !ok {
		return fmt.Errorf("export: format %q: want %s", format, strings.Join(Formats, ", "))
	}
	return atomicfile.Write(path, func(w io.Writer) error { return fn(w, r, o) })
}
