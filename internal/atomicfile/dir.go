package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotReplaceable is returned by WriteDir for a target folder holding an entry it may not
// replace.
var ErrNotReplaceable = errors.New("holds files that are not ours to replace")

// WriteDir creates the folder path with the files that fill writes into the temporary folder
// it is given, whole: the temporary folder sits beside path, is synced, and is renamed to
// path only when fill succeeded, so the folder never mixes files of two writes; on any error
// it is removed and path is left as it was. An existing path is replaced only when every
// entry in it is one that replaceable accepts (nil: only an empty folder); otherwise the
// error wraps ErrNotReplaceable and names the entry. The check is repeated on the old folder
// after it is moved aside, so entries added meanwhile are never deleted: the old folder is
// then put back.
func WriteDir(path string, replaceable func(fs.DirEntry) bool, fill func(tmp string) error) (err error) {
	path = filepath.Clean(path)
	if err := checkDir(path, path, replaceable); err != nil {
		return err
	}
	parent, base := filepath.Split(path)
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	track(tmp)
	defer func() {
		untrack(tmp)
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = syncDir(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = swapIn(tmp, path, parent, base, replaceable); err != nil {
		return err
	}
	syncDir(parent) // the rename is done; a failure to sync the parent is not the data's
	return nil
}

// swapIn renames the complete folder tmp to path, moving an existing path aside first and
// removing it once the new one is in place.
func swapIn(tmp, path, parent, base string, replaceable func(fs.DirEntry) bool) error {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	old, err := os.MkdirTemp(parent, "."+base+".old-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	os.Remove(old) // only its unique name is wanted
	if err := os.Rename(path, old); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Filled since the first check? Then it is not ours to replace: put it back.
	if err := checkDir(old, path, replaceable); err != nil {
		os.Rename(old, path)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Rename(old, path)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.RemoveAll(old)
}

// checkDir checks that dir (named path in messages) is missing, or a folder whose every
// entry replaceable accepts.
func checkDir(dir, path string, replaceable func(fs.DirEntry) bool) error {
	fi, err := os.Lstat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("write %s: not a folder", path)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	for _, e := range entries {
		if replaceable == nil || !replaceable(e) {
			return fmt.Errorf("write %s: %w: %s", path, ErrNotReplaceable, e.Name())
		}
	}
	return nil
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
