package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

const importCOW = `version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version
233,2,"United States of America",8,9,1951,,,,"Type I: Defense Pact",8,9,1951,,,,0,1,1,0,0,0,4.1
233,740,"Japan",8,9,1951,,,,"Type I: Defense Pact",8,9,1951,,,,0,1,0,0,0,0,4.1
8,200,"United Kingdom",6,7,1827,14,9,1829,"Type III: Entente",6,7,1827,14,9,1829,0,0,0,0,0,1,4.1
8,220,"France",6,7,1827,14,9,1829,"Type III: Entente",6,7,1827,14,9,1829,0,0,0,0,0,1,4.1
8,365,"Russia",6,7,1827,14,9,1829,"Type III: Entente",6,7,1827,14,9,1829,0,0,0,0,0,1,4.1
`

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "cow.csv")
	if err := os.WriteFile(in, []byte(importCOW), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "import", "cow-alliance", in, "-o", out)
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"mapped:\n", "1 two-state alliances → 1 tie rows", "1 alliances of three or more states → 1 clubs", "dropped:\n  nothing\n", "1 tie rows with asymmetric obligations", "wrote " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	d, err := graphmodel.Load(out)
	if err != nil || len(d.Ties) != 1 || len(d.Clubs) != 1 || len(d.Memberships) != 3 {
		t.Fatalf("the folder: %v", err)
	}

	// The output exists: exit 1, and --force replaces it.
	if code, _, stderr := run(t, "import", "cow-alliance", in, "-o", out); code != ExitFailure || !strings.Contains(stderr, "--force") {
		t.Errorf("existing output: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "import", "cow-alliance", in, "-o", out, "--force", "--mapping", "clubs"); code != ExitOK {
		t.Errorf("--force: exit %d, %q", code, stderr)
	} else if d, err := graphmodel.Load(out); err != nil || len(d.Clubs) != 2 || len(d.Ties) != 0 {
		t.Errorf("--force --mapping clubs: %v", err)
	}

	// Invalid input: exit 2, FILE:LINE problems, and no folder.
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte(strings.Replace(importCOW, `233,740,`, `233,7x0,`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	none := filepath.Join(dir, "none")
	code, _, stderr = run(t, "import", "cow-alliance", bad, "-o", none)
	if code != ExitInvalid || !strings.Contains(stderr, bad+`:3: ccode "7x0" is not an integer`) {
		t.Errorf("invalid input: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(none); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed import left %s", none)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("the folder holds %d entries, want cow.csv, bad.csv, out", len(entries))
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "ucinet", in, "-o", none}, ExitInvalid, `unknown import source "ucinet"`},
		{[]string{"import", "cow-alliance"}, ExitInvalid, "import needs a SOURCE"},
		{[]string{"import", "cow-alliance", in}, ExitInvalid, "-o DIR"},
		{[]string{"import", "cow-alliance", in, "-o", none, "--mapping", "pairs"}, ExitInvalid, `--mapping "pairs"`},
		{[]string{"import", "cow-igo", in, "-o", none, "--mapping", "clubs"}, ExitInvalid, "--mapping applies"},
		{[]string{"import", "cow-alliance", in, "-o", none, "--alliances", in}, ExitInvalid, "--alliances applies to atop"},
		{[]string{"import", "cow-alliance", in, in, "-o", none}, ExitInvalid, "reads one input file, got 2"},
		{[]string{"import", "cow-alliance", filepath.Join(dir, "missing.csv"), "-o", none}, ExitFailure, "no such file"},
	} {
		code, _, stderr := run(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("liaison %s: exit %d, stderr %q; want %d and %q", strings.Join(c.args, " "), code, stderr, c.code, c.want)
		}
	}
	if _, err := os.Stat(none); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed import left %s", none)
	}
}

// TestImportRealData runs the three importers of ../shared/data through the command line
// and validates each folder.
func TestImportRealData(t *testing.T) {
	states := testenv.SharedData(t, "cow-states-2016/cow_states.csv")
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		args []string
	}{
		{"cow", []string{"cow-alliance", testenv.SharedData(t, "cow-alliance-4.1/alliance_v4.1_by_member.csv")}},
		{"atop", []string{"atop", testenv.SharedData(t, "atop-4.01/atop-member-level.csv"), "--alliances", testenv.SharedData(t, "atop-4.01/atop-alliance-level.csv")}},
	} {
		out := filepath.Join(dir, c.name)
		args := append(append([]string{"import"}, c.args...), "--states", states, "-o", out)
		code, stdout, stderr := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", c.name, code, stderr)
		}
		if code, vout, verr := run(t, "validate", out); code != ExitOK {
			t.Errorf("%s: validate: %s%s", c.name, vout, verr)
		}
		t.Logf("%s:\n%s", c.name, stdout)
	}
}
