//go:build unix

package graphmodel

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadNamedPipe loads a data set whose ties.csv is a named pipe, which can be read only
// once: every row must arrive.
func TestLoadNamedPipe(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, TiesFile)
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	const body = "source,target,weight\nUSA,GBR,5\nUSA,PAK,2\nGBR,PAK,1\n"
	wrote := make(chan error, 1)
	go func() {
		w, err := os.OpenFile(pipe, os.O_WRONLY, 0) // blocks until the loader opens it
		if err == nil {
			_, err = w.WriteString(body)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
		}
		wrote <- err
	}()
	type result struct {
		d   *Dataset
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := Load(dir)
		done <- result{d, err}
	}()
	select {
	case r := <-done:
		if err := <-wrote; err != nil {
			t.Fatal(err)
		}
		if r.err != nil {
			t.Fatal(r.err)
		}
		if len(r.d.Ties) != 3 {
			t.Errorf("loaded %d ties, want 3", len(r.d.Ties))
		}
	case <-time.After(20 * time.Second):
		// A second open of the pipe waits for a writer that never comes: be one, so the
		// loader's goroutine ends.
		if w, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("Load of a named pipe did not return")
	}
}
