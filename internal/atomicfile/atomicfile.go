// Package atomicfile writes files atomically: into a temporary file beside the target,
// renamed over it only when everything was written.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// Write creates path with the content that fn writes. On any error from fn, from writing or
// from syncing, the temporary file is removed and path is left as it was.
//
// A path that names a symbolic link writes the file the link points to (the link stays),
// creating it when the link dangles, as a shell's > does.
// A path that names something other than a regular file (a device such as /dev/null or
// /dev/stdout, a named pipe) is written directly, never replaced: there is nothing to
// rename over. A file replaced keeps its permission bits; a new file gets 0666 less the
// umask, as any program's output does.
func Write(path string, fn func(io.Writer) error) (err error) {
	target, err := resolve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	mode := fs.FileMode(0)
	if info, err := os.Stat(target); err == nil {
		if !info.Mode().IsRegular() {
			if info.IsDir() {
				return fmt.Errorf("write %s: is a folder", path)
			}
			return writeDirect(path, target, fn)
		}
		mode = info.Mode().Perm()
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	f, tmp, err := createTemp(dir, base)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	track(tmp)
	defer func() {
		untrack(tmp)
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = fn(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if mode != 0 {
		if err = os.Chmod(tmp, mode); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err = os.Rename(tmp, target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// The temporary files being written, so that a program stopped by a signal can remove them
// (Cleanup) instead of leaving a hidden .NAME.tmp-* of hundreds of MB behind.
var (
	inFlightMu sync.Mutex
	inFlight   = map[string]bool{}
)

func track(tmp string) {
	inFlightMu.Lock()
	inFlight[tmp] = true
	inFlightMu.Unlock()
}

func untrack(tmp string) {
	inFlightMu.Lock()
	delete(inFlight, tmp)
	inFlightMu.Unlock()
}

// Cleanup removes the temporary files of the writes in progress (their targets are left as
// they were) and returns their names. A program calls it when it is stopped (SIGINT,
// SIGTERM) before it exits; the writes then fail, and no temporary file is left.
func Cleanup() []string {
	inFlightMu.Lock()
	defer inFlightMu.Unlock()
	var out []string
	for tmp := range inFlight {
		os.RemoveAll(tmp) // a file, or a folder of WriteDir
		out = append(out, tmp)
		delete(inFlight, tmp)
	}
	return out
}

// createTemp creates a new hidden file .BASE.tmp-RANDOM in dir with mode 0666, which the
// umask reduces (os.CreateTemp's 0600 would ignore it).
func createTemp(dir, base string) (*os.File, string, error) {
	for range 100 {
		var b [6]byte
		_, _ = rand.Read(b[:])
		name := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", fmt.Errorf("no free temporary name in %s", dir)
}

// writeDirect writes to a non-regular file in place.
func writeDirect(path, target string, fn func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := fn(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// resolve follows path while it is a symbolic link and returns the path it ends at, which
// need not exist (a dangling link's target is where the new file goes). A loop, or more than
// 40 links, is an error (ELOOP, as the system gives).
func resolve(path string) (string, error) {
	for range 40 {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("too many levels of symbolic links: %w", syscall.ELOOP)
}
