package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// copyData copies the CSV files of the data set src into dir/data.
func copyData(t *testing.T, src, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(src, "*.csv"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "data", filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// roundTrip exports the data set src as format, imports the file, exports the import, and
// returns both exports. Both data sets are named "data" (the export names its input).
func roundTrip(t *testing.T, src, format string) (first, second string) {
	t.Helper()
	a, b := t.TempDir(), t.TempDir()
	copyData(t, src, a)
	exp := filepath.Join(t.TempDir(), "x."+format)
	exp2 := filepath.Join(t.TempDir(), "y."+format)
	t.Chdir(a)
	if code, _, stderr := run(t, "export", "data", "--format", format, "-o", exp); code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	t.Chdir(b)
	if code, _, stderr := run(t, "import", format, exp, "-o", "data"); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "export", "data", "--format", format, "-o", exp2); code != ExitOK {
		t.Fatalf("export of the import: exit %d: %s", code, stderr)
	}
	x, err := os.ReadFile(exp)
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadFile(exp2)
	if err != nil {
		t.Fatal(err)
	}
	return string(x), string(y)
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range la {
		if i >= len(lb) || la[i] != lb[i] {
			other := ""
			if i < len(lb) {
				other = lb[i]
			}
			return "line " + strconv.Itoa(i+1) + ":\n  " + la[i] + "\n  " + other
		}
	}
	return "the second is longer"
}

// TestImportRoundTrip: export → import → export gives the same file, byte for byte, for
// GraphML and GEXF on the Florentine families and the karate club.
func TestImportRoundTrip(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range []string{"florentine", "karate"} {
		for _, format := range []string{"graphml", "gexf"} {
			t.Run(ds+"/"+format, func(t *testing.T) {
				x, y := roundTrip(t, filepath.Join(root, "testdata", ds), format)
				if x != y {
					t.Errorf("export → import → export differs: %s", firstDiff(x, y))
				}
			})
		}
	}
}

// computedLine matches the lines of a GEXF that the analysis computes (measures, scores,
// colours and sizes, the per-year weights), which depend on how a tie's weight is spread over its rows.
var computedLine = regexp.MustCompile(`<viz:|attvalue for="(degree|strength|betweenness|closeness|harmonic|eigenvector|pagerank|core|clustering|constraint|effective_size|community|cliques|clubs|club_ids|brokerage_\w+|hub_score|hub_rank|bilateral|club|class|relational_score|p_relational|decided_by|asymmetry|factor_\w+|weight)"`)

// TestImportRoundTripDynamic: a dynamic GEXF (several spells per edge, years) keeps its nodes,
// edges, weights and spells through import and export.
func TestImportRoundTripDynamic(t *testing.T) {
	src := t.TempDir()
	ties := "source,target,weight,since,until,domains,agreement\nA,B,2,1950,1960,SIGINT,x\nA,B,3,1970,,HUMINT,x\nB,C,1,1955,1990,,\nC,D,1.5,1980,1985,CT;HUMINT,y\n"
	if err := os.WriteFile(filepath.Join(src, "ties.csv"), []byte(ties), 0o644); err != nil {
		t.Fatal(err)
	}
	x, y := roundTrip(t, src, "gexf")
	keep := func(s string) string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if !computedLine.MatchString(l) {
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
	if !strings.Contains(x, `<spell start="1970" end="1990"/>`) || !strings.Contains(x, `weight="5"`) {
		t.Fatalf("the export lacks the spells or the summed weight:\n%s", x)
	}
	if kx, ky := keep(x), keep(y); kx != ky {
		t.Errorf("nodes, edges, weights or spells differ: %s", firstDiff(kx, ky))
	}
}
