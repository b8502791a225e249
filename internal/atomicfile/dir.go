package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNotReplaceable is returned by WriteDir for a target folder holding a file it may not
// replace.
var ErrNotReplaceable = errors.New("holds files that are not ours to replace")

// WriteDir creates the folder path with the files that fill writes into the temporary folder
// it is given, whole: the temporary folder sits beside path and is renamed to path only when
// fill succeeded, so the folder never mixes files of two writes; on any error it is removed
// and path is left as it was. An existing path is replaced only when every file in it is one
// that replaceable accepts (nil: only an empty folder); otherwise the error wraps
// ErrNotReplaceable and names the file.
func WriteDir(path string, replaceable func(name string) bool, fill func(tmp string) error) (err error) {
	path = filepath.Clean(path)
	if err := checkDir(path, replaceable); err != nil {
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
	if _, statErr := os.Lstat(path); statErr != nil {
		if err = os.Rename(tmp, path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	old, err := os.MkdirTemp(parent, "."+base+".old-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	os.Remove(old) // only its unique name is wanted
	if err = os.Rename(path, old); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		os.Rename(old, path)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.RemoveAll(old)
}

func checkDir(path string, replaceable func(string) bool) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("write %s: not a folder", path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	for _, e := range entries {
		if e.IsDir() || replaceable == nil || !replaceable(e.Name()) {
			return fmt.Errorf("write %s: %w: %s", path, ErrNotReplaceable, e.Name())
		}
	}
	return nil
}
