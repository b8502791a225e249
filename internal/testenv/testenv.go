// Package testenv decides whether a test that needs something outside Go runs, is skipped or
// fails.
//
// Checks that need outside programs (Python with the pinned packages of
// scripts/requirements.txt, xmllint, Graphviz, Java and Maven, Chromium) or a Neo4j server
// run only when the switch LIAISON_EXTERNAL=1 is set; scripts/test sets it. Without it they
// are skipped, so a plain `go test ./...` needs nothing but Go. With the switch on, a missing
// program or server skips the check too, except under CI=true (.ci/run), where it fails it.
//
// Data from ../shared (next to the repository) is not behind the switch: a test that needs it
// runs when it is there, and is skipped without it, or fails under CI=true.
package testenv

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Var is the switch: checks that need outside programs or services run when it is "1".
const Var = "LIAISON_EXTERNAL"

// On reports whether the switch is on.
func On() bool { return os.Getenv(Var) == "1" }

// CI reports whether the tests run on CI (CI=true), where nothing may be missing.
func CI() bool { return os.Getenv("CI") == "true" }

// Missing reports that something a test needs is not there: the test fails under CI=true and
// is skipped otherwise.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if CI() {
		t.Fatalf("%s (required with CI=true)", msg)
	}
	t.Skip(msg)
}

// needs skips the test unless the switch is on.
func needs(t testing.TB, what string) {
	t.Helper()
	if !On() {
		t.Skipf("needs %s; set %s=1 (scripts/test does)", what, Var)
	}
}

// Tool is for a check that needs the outside programs names (looked up in PATH): without the
// switch it is skipped; with it, a missing program fails it under CI=true and skips it
// otherwise.
func Tool(t testing.TB, names ...string) {
	t.Helper()
	needs(t, strings.Join(names, ", "))
	var missing []string
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		Missing(t, "%s not found in PATH (bash scripts/setup installs it)", strings.Join(missing, ", "))
	}
}

// Python is for a check that runs a script of scripts/ with python3 and the given packages
// (their import names, e.g. "networkx", "igraph"). It applies Tool's rule to python3 and to
// the packages: each must import and, when scripts/requirements.txt pins it, have the pinned
// version. It returns the path of python3.
func Python(t testing.TB, packages ...string) string {
	t.Helper()
	what := "python3"
	if len(packages) > 0 {
		what += " with " + strings.Join(packages, ", ")
	}
	needs(t, what)
	py, err := exec.LookPath("python3")
	if err != nil {
		Missing(t, "python3 not found in PATH (bash scripts/setup installs it)")
	}
	if len(packages) == 0 {
		return py
	}
	pins, err := requirements()
	if err != nil {
		t.Fatal(err)
	}
	// Prints one line per package that is wrong: "name: why".
	var script strings.Builder
	script.WriteString("import importlib, importlib.metadata as m\n")
	for _, p := range packages {
		fmt.Fprintf(&script, "try:\n    importlib.import_module(%q)\n", p)
		if v, ok := pins[p]; ok {
			fmt.Fprintf(&script, "    v = m.version(%q)\n    if v != %q: print(%q + v + %q)\n",
				p, v, p+" ", " installed, scripts/requirements.txt pins "+v)
		}
		fmt.Fprintf(&script, "except Exception as e:\n    print(%q, type(e).__name__, e)\n", p+":")
	}
	out, err := exec.Command(py, "-c", script.String()).CombinedOutput()
	if msg := strings.TrimSpace(string(out)); err != nil || msg != "" {
		if err != nil {
			msg = fmt.Sprintf("%v: %s", err, msg)
		}
		Missing(t, "Python packages: %s (bash scripts/setup installs scripts/requirements.txt)", strings.ReplaceAll(msg, "\n", "; "))
	}
	return py
}

// requirements reads the pins name==version of scripts/requirements.txt.
func requirements() (map[string]string, error) {
	root, err := Root()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(root, "scripts", "requirements.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pins := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if name, v, ok := strings.Cut(line, "=="); ok && !strings.HasPrefix(line, "#") {
			pins[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(v)
		}
	}
	return pins, sc.Err()
}

// Neo4j is for a test against the Neo4j server named by NEO4J_URI (scripts/neo4j start runs
// one and prints the variables): without the switch it is skipped; with it, an unset NEO4J_URI
// or a server that does not answer on its address fails the test under CI=true and skips it
// otherwise. The caller then connects; a failure to connect should go to Missing too.
func Neo4j(t testing.TB) {
	t.Helper()
	needs(t, "a Neo4j server (NEO4J_URI)")
	raw := os.Getenv("NEO4J_URI")
	if raw == "" {
		Missing(t, "NEO4J_URI is not set (eval \"$(bash scripts/neo4j start)\" sets it)")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		t.Fatalf("NEO4J_URI=%q: not a URI with a host", raw)
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "7687")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		Missing(t, "no Neo4j server at NEO4J_URI=%s: %v", raw, err)
	}
	c.Close()
}

var root struct {
	once sync.Once
	dir  string
	err  error
}

// Root is the module's root: the nearest folder above the working directory with a go.mod.
func Root() (string, error) {
	root.once.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			root.err = err
			return
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				root.dir = dir
				return
			}
			up := filepath.Dir(dir)
			if up == dir {
				root.err = fmt.Errorf("testenv: no go.mod above the working directory")
				return
			}
			dir = up
		}
	})
	return root.dir, root.err
}

// Shared is the path of ../shared/<rel> (next to the repository's root). When it is missing
// the test fails under CI=true and is skipped otherwise; it is not behind the switch.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	r, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(filepath.Dir(r), "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Missing(t, "shared data missing: %v", err)
	}
	return p
}

// SharedData is the path of ../shared/data/<rel>, with Shared's rule when it is missing.
func SharedData(t testing.TB, rel string) string {
	t.Helper()
	return Shared(t, "data/"+rel)
}
