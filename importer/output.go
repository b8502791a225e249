package importer

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/liaison-net/liaison/internal/atomicfile"
)

// Output is a data set to write: one table per contract file.
type Output struct {
	Tables []*Table
}

// Table is one CSV file of a data set: its header and its rows, produced on demand so that
// a large table is never held as text.
type Table struct {
	File   string   // contract file name, e.g. "ties.csv"
	Header []string // column names
	Rows   int      // number of rows
	// Each calls emit with every row in order; emit's slice is only valid during the call.
	// Each stops at, and returns, the first error of emit.
	Each func(emit func(row []string) error) error
}

// Table returns the table of the file name, or nil.
func (o *Output) Table(file string) *Table {
	for _, t := range o.Tables {
		if t.File == file {
			return t
		}
	}
	return nil
}

// Files lists the file names of the tables, in order.
func (o *Output) Files() []string {
	out := make([]string, len(o.Tables))
	for i, t := range o.Tables {
		out[i] = t.File
	}
	return out
}

// rowsTable is a table over rows held in memory.
func rowsTable(file string, header []string, rows [][]string) *Table {
	return &Table{File: file, Header: header, Rows: len(rows), Each: func(emit func([]string) error) error {
		for _, r := range rows {
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	}}
}

// WriteOptions control Write.
type WriteOptions struct {
	// Force replaces an existing non-empty folder (it is swapped out only once the new one
	// is complete).
	Force bool
}

// CheckTarget returns an error wrapping ErrExists when dir cannot receive a data set: it
// is not a folder, or (unless force) a folder that is not empty. A missing dir is fine.
func CheckTarget(dir string, force bool) error {
	info, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("output %s: %w and is not a folder", dir, ErrExists)
	}
	if force {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); err == nil {
		return fmt.Errorf("output folder %s: %w and is not empty (--force replaces it)", dir, ErrExists)
	} else if err != io.EOF {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	return nil
}

// Write writes out as the data set folder dir, atomically (atomicfile.WriteDir): every file
// is written into a temporary folder beside dir, which is renamed to dir only when all of it
// is written and synced. On any error the temporary folder is removed and dir is left as it
// was. An existing empty dir is replaced; a non-empty one only with Force.
func Write(dir string, out *Output, o WriteOptions) error {
	dir = filepath.Clean(dir)
	if err := CheckTarget(dir, o.Force); err != nil {
		return err
	}
	var replaceable func(fs.DirEntry) bool // without Force: only an empty folder
	if o.Force {
		replaceable = func(fs.DirEntry) bool { return true }
	}
	err := atomicfile.WriteDir(dir, replaceable, func(tmp string) error {
		for _, t := range out.Tables {
			if err := writeTable(filepath.Join(tmp, t.File), t); err != nil {
				return fmt.Errorf("write %s: %w", filepath.Join(dir, t.File), err)
			}
		}
		return nil
	})
	if errors.Is(err, atomicfile.ErrNotReplaceable) {
		return fmt.Errorf("output folder %s: %w and is not empty (--force replaces it): %w", dir, ErrExists, err)
	}
	return err
}

func writeTable(path string, t *Table) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	w := csv.NewWriter(bw)
	if err := w.Write(t.Header); err != nil {
		return err
	}
	n := 0
	if err := t.Each(func(row []string) error {
		n++
		return w.Write(row)
	}); err != nil {
		return err
	}
	if n != t.Rows {
		return fmt.Errorf("%d rows written, %d announced", n, t.Rows)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Sync()
}
