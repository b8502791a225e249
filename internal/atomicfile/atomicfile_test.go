//go:build unix

package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func write(t *testing.T, path, body string) error {
	t.Helper()
	return Write(path, func(w io.Writer) error { _, err := io.WriteString(w, body); return err })
}

// TestModes checks that a replaced file keeps its mode and a new one honours the umask.
func TestModes(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	p := filepath.Join(dir, "new.txt")
	if err := write(t, p, "a"); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o640 {
		t.Errorf("new file mode %v, want 0640 (umask 027)", info.Mode().Perm())
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := write(t, p, "b"); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode %v, want 0600", info.Mode().Perm())
	}
	if b, _ := os.ReadFile(p); string(b) != "b" {
		t.Errorf("content %q", b)
	}
}

// TestDanglingLink: a dangling link (to a file not yet there, through a second link) gets its
// target created and the links stay links; a loop of links is an error and nothing is
// written.
func TestDanglingLink(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("sub/new.txt", filepath.Join(dir, "hop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.txt")
	if err := os.Symlink("hop", dangling); err != nil {
		t.Fatal(err)
	}
	if err := write(t, dangling, "created"); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{dangling, filepath.Join(dir, "hop")} {
		if info, err := os.Lstat(l); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s was replaced: %v %v", filepath.Base(l), info, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "sub", "new.txt")); err != nil || string(b) != "created" {
		t.Errorf("dangling link's target holds %q, %v", b, err)
	}
	loop := filepath.Join(dir, "loop")
	if err := os.Symlink("loop", loop); err != nil {
		t.Fatal(err)
	}
	if err := write(t, loop, "x"); !errors.Is(err, syscall.ELOOP) {
		t.Errorf("a loop of links: %v, want ELOOP", err)
	}
	if info, err := os.Lstat(loop); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the loop was replaced: %v %v", info, err)
	}

	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("files: %v", entries)
	}
}

// TestNonRegular checks that a symlink keeps pointing at the file written, and that a named
// pipe is written into, not replaced.
func TestNonRegular(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.txt")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("real.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := write(t, link, "new"); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("link target holds %q", b)
	}
	if info, _ := os.Stat(real); info.Mode().Perm() != 0o600 {
		t.Errorf("link target mode %v", info.Mode().Perm())
	}

	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(pipe)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := write(t, pipe, "through the pipe"); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("the pipe's reader got %q", s)
	}
	if info, err := os.Lstat(pipe); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", info, err)
	}
	if err := write(t, "/dev/null", "x"); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&os.ModeDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", info, err)
	}
	if err := write(t, dir, "x"); err == nil {
		t.Error("writing over a folder: no error")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("left-over files: %v", entries)
	}
	if err := Write(filepath.Join(dir, "fail.txt"), func(io.Writer) error { return errors.New("boom") }); err == nil {
		t.Error("fn's error is lost")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("left-over files after a failure: %v", entries)
	}
}

// Cleanup removes the temporary file of a write in progress, and the target stays as it was
// (issue 16, item 6: a killed run left a hidden .*.tmp-* behind).
func TestCleanupMidWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- Write(path, func(w io.Writer) error {
			if _, err := w.Write([]byte("half of the new")); err != nil {
				return err
			}
			close(started)
			<-release
			_, err := w.Write([]byte(" content"))
			return err
		})
	}()
	<-started
	removed := Cleanup()
	if len(removed) != 1 || !strings.HasPrefix(filepath.Base(removed[0]), ".out.json.tmp-") {
		t.Fatalf("Cleanup removed %v", removed)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after Cleanup the folder holds %v", entries)
	}
	close(release)
	if err := <-done; err == nil {
		t.Error("the interrupted write reported success")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("target %q, want the old content", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after the write the folder holds %v", entries)
	}
}
