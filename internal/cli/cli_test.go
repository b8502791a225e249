package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

// run calls Do as main does and returns the exit status, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Do(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestValidate(t *testing.T) {
	for _, dir := range []string{"karate", "florentine", "southern-women", "example"} {
		code, out, stderr := run(t, "validate", "../../testdata/"+dir)
		if code != ExitOK || !strings.Contains(out, ": valid: ") || stderr != "" {
			t.Errorf("validate %s: exit %d, out %q, err %q", dir, code, out, stderr)
		}
	}
}

func TestValidateBroken(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("actors.csv", "id,name\nUSA,United States\nGBR,United Kingdom\nUSA,again\n")
	write("ties.csv", "source,target,weight,since,until\nUSA,GBR,x,1946,\nUSA,FRA,1,2001,1990\n")
	write("memberships.csv", "club,actor\nFVEY,USA\nFVEY\n")
	code, out, stderr := run(t, "validate", dir)
	want := "liaison: invalid data set " + dir + ": 5 problems\n" +
		"actors.csv:4: duplicate id \"USA\" (first on line 2)\n" +
		"ties.csv:2: weight \"x\" is not a number\n" +
		"ties.csv:3: unknown actor \"FRA\" in target (not in actors.csv)\n" +
		"ties.csv:3: until 1990 is before since 2001\n" +
		"memberships.csv:3: wrong number of fields: got 1, want 2\n"
	if code != ExitInvalid || out != "" || stderr != want {
		t.Errorf("exit %d\nstdout %q\nstderr:\n%s\nwant:\n%s", code, out, stderr, want)
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"validate"}, ExitInvalid, "accepts 1 arg(s), received 0"},
		{[]string{"summary", "../../testdata/karate", "--layer", "trust"}, ExitInvalid, `layer "trust"`},
		{[]string{"analyze", "../../testdata/karate", "--format", "xml"}, ExitInvalid, `format "xml"`},
		{[]string{"analyze", "../../testdata/karate", "--no-such-flag"}, ExitInvalid, "unknown flag"},
		{[]string{"summary", "../../testdata/karate", "--at", "x"}, ExitInvalid, "invalid argument"},
		{[]string{"frobnicate"}, ExitInvalid, "unknown command"},
		{[]string{"validate", "../../testdata/no-such-folder"}, ExitFailure, "no such file"},
		{[]string{"analyze", "../../testdata/karate", "-o", "/no/such/dir/out.json"}, ExitFailure, "no such file"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.err)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	if code, out, _ := run(t, "version"); code != 0 || out != "liaison "+Version+"\n" {
		t.Errorf("version: %d %q", code, out)
	}
	for _, cmd := range []string{"validate", "summary", "analyze", "typology", "explain", "evolve", "whatif", "report", "export", "version"} {
		code, out, _ := run(t, cmd, "--help")
		if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "liaison "+cmd) {
			t.Errorf("%s --help: exit %d, no examples:\n%s", cmd, code, out)
		}
	}
}

func TestSummaryJSON(t *testing.T) {
	code, out, stderr := run(t, "summary", "../../testdata/southern-women", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s graphmodel.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	// Davis's women: 18 actors, 14 events, 89 attendances; the women-projection has 139 pairs.
	if s.Actors != 18 || s.Clubs != 14 || s.Memberships != 89 || s.Layers[1].Edges != 139 || s.Components != 1 {
		t.Errorf("summary %+v", s)
	}
	if s.LargestClub == nil || s.LargestClub.ID != "E8" || s.LargestClub.Members != 14 {
		t.Errorf("largest club %+v", s.LargestClub)
	}
	code, out, _ = run(t, "summary", "../../testdata/example", "--at", "1950")
	if code != 0 || !strings.Contains(out, "at 1950") {
		t.Errorf("summary --at: %d\n%s", code, out)
	}
}

func TestAnalyzeJSONStableAndAtomic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, p := range []string{a, b} {
		if code, _, stderr := run(t, "analyze", "../../testdata/example", "--format", "json", "-o", p); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	ja, _ := os.ReadFile(a)
	jb, _ := os.ReadFile(b)
	if !bytes.Equal(ja, jb) || len(ja) == 0 {
		t.Error("analyze JSON differs between runs")
	}
	var doc struct {
		Actors []struct {
			ID       string  `json:"id"`
			Degree   float64 `json:"degree"`
			Strength float64 `json:"strength"`
		} `json:"actors"`
	}
	if err := json.Unmarshal(ja, &doc); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(doc.Actors); i++ {
		if doc.Actors[i-1].ID >= doc.Actors[i].ID {
			t.Fatalf("actors not sorted at %d", i)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestAnalyzeKarateStrength(t *testing.T) {
	code, out, _ := run(t, "analyze", "../../testdata/karate", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var doc struct {
		Actors []struct {
			ID       string  `json:"id"`
			Degree   float64 `json:"degree"`
			Strength float64 `json:"strength"`
		} `json:"actors"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for _, a := range doc.Actors {
		total += a.Strength
		if a.ID == "33" && a.Degree != 17 {
			t.Errorf("member 33 has degree %v, want 17", a.Degree)
		}
		if a.ID == "0" && a.Degree != 16 {
			t.Errorf("member 0 has degree %v, want 16", a.Degree)
		}
	}
	if total != 2*231 {
		t.Errorf("total strength %v, want 2 × 231", total)
	}
}
