package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fake records how a helper ended a test: "skip", "fatal" or "" (it returned).
type fake struct {
	testing.TB
	how, msg string
}

type stop struct{}

func (f *fake) Helper() {}
func (f *fake) Skip(args ...any) {
	f.how, f.msg = "skip", fmt.Sprint(args...)
	panic(stop{})
}
func (f *fake) Skipf(format string, args ...any) { f.Skip(fmt.Sprintf(format, args...)) }
func (f *fake) Fatal(args ...any) {
	f.how, f.msg = "fatal", fmt.Sprint(args...)
	panic(stop{})
}
func (f *fake) Fatalf(format string, args ...any) { f.Fatal(fmt.Sprintf(format, args...)) }

func outcome(fn func(t testing.TB)) (f *fake) {
	f = &fake{}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stop); !ok {
				panic(r)
			}
		}
	}()
	fn(f)
	return f
}

func TestRule(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no program at all
	t.Setenv("NEO4J_URI", "")
	for _, c := range []struct {
		external, ci string
		want         string
	}{
		{"", "", "skip"},
		{"", "true", "skip"}, // the switch off: skipped even on CI
		{"1", "", "skip"},
		{"1", "true", "fatal"},
	} {
		t.Setenv(Var, c.external)
		t.Setenv("CI", c.ci)
		for name, fn := range map[string]func(testing.TB){
			"Tool":   func(tb testing.TB) { Tool(tb, "liaison-no-such-program") },
			"Python": func(tb testing.TB) { Python(tb, "networkx") },
			"Neo4j":  func(tb testing.TB) { Neo4j(tb) },
		} {
			f := outcome(fn)
			if f.how != c.want {
				t.Errorf("%s with %s=%q CI=%q: %q (%s), want %q", name, Var, c.external, c.ci, f.how, f.msg, c.want)
			}
			if c.external == "" && !strings.Contains(f.msg, "set LIAISON_EXTERNAL=1 (scripts/test does)") {
				t.Errorf("%s: skip message %q does not name the switch", name, f.msg)
			}
		}
	}
}

func TestShared(t *testing.T) {
	r, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(r, "go.mod")); err != nil {
		t.Fatal(err)
	}
	t.Setenv(Var, "1") // the switch does not matter for data
	for ci, want := range map[string]string{"": "skip", "true": "fatal"} {
		t.Setenv("CI", ci)
		f := outcome(func(tb testing.TB) { SharedData(tb, "liaison-no-such-data-set") })
		if f.how != want {
			t.Errorf("SharedData of a missing file with CI=%q: %q (%s), want %q", ci, f.how, f.msg, want)
		}
	}
	t.Setenv(Var, "")
	t.Setenv("CI", "")
	want := filepath.Join(filepath.Dir(r), "shared")
	var got string
	f := outcome(func(tb testing.TB) { got = Shared(tb, ".") })
	if _, err := os.Stat(want); err == nil && (f.how != "" || got != want) {
		t.Errorf("Shared(.) = %q (%s %s), want %s", got, f.how, f.msg, want)
	}
}
