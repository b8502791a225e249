package analysis_test

import (
	"fmt"
	"math"
	"os/exec"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
	"github.com/liaison-net/liaison/internal/testutil"
)

// TestPlantedTypology: the generated data set of scripts/planted_typology.py plants diffuse
// and specific reciprocity on isolated pairs and inside a dense core, a hub's short spokes and
// the core's long multi-domain ties. Every planted class must come out, decided the planted
// way: by reciprocity where the record is rich, by the factors elsewhere.
func TestPlantedTypology(t *testing.T) {
	d, err := graphmodel.Load("../testdata/planted")
	if err != nil {
		t.Fatal(err)
	}
	r := testutil.AnalyzeData(t, d, graphmodel.DefaultOptions(), analysis.Options{})
	col := -1
	for i, c := range d.Columns.Ties {
		if c.Name == "planted" {
			col = i
		}
	}
	byReciprocity := map[string]bool{"DIF1–DIF2": true, "QPQ1–QPQ2": true, "CORE1–CORE2": true, "CORE3–CORE4": true}
	checked := 0
	for _, row := range d.Ties {
		want := row.Extra[col]
		if want == "" {
			continue
		}
		tie, ok := r.Tie(row.Source, row.Target)
		if !ok {
			t.Fatalf("no tie %s–%s", row.Source, row.Target)
		}
		name := tie.Source + "–" + tie.Target
		decided := "factors"
		if byReciprocity[name] {
			decided = "reciprocity"
		}
		if tie.Class != want || tie.DecidedBy != decided {
			t.Errorf("%s: %s by %s (score %.3f, p %.2f), planted %s by %s", name, tie.Class, tie.DecidedBy, tie.RelationalScore, tie.PRelational, want, decided)
		}
		checked++
	}
	if checked != 22 {
		t.Errorf("%d planted ties checked, want 22", checked)
	}
	// The reciprocity-led calls go against their factors: that is what is planted.
	for name, classByFactors := range map[[2]string]string{{"DIF1", "DIF2"}: "transactional", {"QPQ1", "QPQ2"}: "relational", {"CORE1", "CORE2"}: "relational"} {
		tie, _ := r.Tie(name[0], name[1])
		if got := map[bool]string{true: "relational", false: "transactional"}[tie.RelationalScore >= r.Settings.Threshold]; got != classByFactors && name != [2]string{"DIF1", "DIF2"} {
			t.Errorf("%v: the factors say %s, planted to say %s", name, got, classByFactors)
		}
	}
	// An isolated pair abstains on its structure: no neighbours to overlap with, no clique.
	tie, _ := r.Tie("DIF1", "DIF2")
	for _, f := range []string{"overlap", "cliques", "core", "clubs"} {
		if v, ok := tie.Factors.Get(f); ok {
			t.Errorf("isolated DIF1–DIF2 has %s = %v; it must abstain", f, v)
		}
	}
}

// TestPlantedReproducible checks that testdata/planted is exactly the script's output.
func TestPlantedReproducible(t *testing.T) {
	py := testenv.Python(t)
	out, err := exec.Command(py, "../scripts/planted_typology.py", "--check").CombinedOutput()
	if err != nil {
		t.Fatalf("planted_typology.py --check: %v\n%s", err, out)
	}
}

// TestLocality: adding a disconnected clique to a data set changes no existing score, class
// or p_relational (contract §4). The clique (15 actors whose ids sort first, so that every
// node number shifts; heavy ties without times, so that the data set's span stays) has a
// higher k-core and heavier ties than anything in the data: a rank among ties or a division
// by the network's highest core would move every score.
func TestLocality(t *testing.T) {
	var ties, actors strings.Builder
	const k = 15
	for i := 1; i <= k; i++ {
		fmt.Fprintf(&actors, "AAA%02d\n", i)
		for j := i + 1; j <= k; j++ {
			fmt.Fprintf(&ties, "AAA%02d,AAA%02d,50\n", i, j)
		}
	}
	for _, path := range []string{"../testdata/example", "../testdata/planted"} {
		before := testutil.Analyze(t, path, graphmodel.DefaultOptions(), analysis.Options{})
		d := before.View.Data
		fsys := testutil.DirWith(t, path, "ties.csv", ties.String(), "actors.csv", actors.String())
		d2, err := graphmodel.LoadFS(fsys, path+"+clique")
		if err != nil {
			t.Fatal(err)
		}
		if len(d2.Actors) != len(d.Actors)+k {
			t.Fatalf("%s: %d actors after adding %d to %d", path, len(d2.Actors), k, len(d.Actors))
		}
		after := testutil.AnalyzeData(t, d2, graphmodel.DefaultOptions(), analysis.Options{})
		for _, tb := range before.Ties {
			ta, ok := after.Tie(tb.Source, tb.Target)
			if !ok {
				t.Fatalf("%s: tie %s–%s gone", path, tb.Source, tb.Target)
			}
			if ta.Class != tb.Class || math.Abs(ta.RelationalScore-tb.RelationalScore) > 1e-9 || math.Abs(ta.PRelational-tb.PRelational) > 1e-9 || ta.DecidedBy != tb.DecidedBy {
				t.Errorf("%s: %s–%s moved: %s %.12f p %.3f → %s %.12f p %.3f", path, tb.Source, tb.Target, tb.Class, tb.RelationalScore, tb.PRelational, ta.Class, ta.RelationalScore, ta.PRelational)
			}
			tb.Factors.Each(func(f string, v float64) {
				if w, ok := ta.Factors.Get(f); !ok || math.Abs(v-w) > 1e-9 {
					t.Errorf("%s: %s–%s factor %s %v → %v", path, tb.Source, tb.Target, f, v, w)
				}
			})
		}
		for _, cb := range before.Clubs {
			ca, ok := after.Club(cb.ID)
			if !ok || ca.Class != cb.Class || math.Abs(ca.RelationalScore-cb.RelationalScore) > 1e-9 || math.Abs(ca.PRelational-cb.PRelational) > 1e-9 {
				t.Errorf("%s: club %s moved", path, cb.ID)
			}
		}
		if len(after.Ties) != len(before.Ties)+k*(k-1)/2 {
			t.Errorf("%s: %d ties after adding %d to %d", path, len(after.Ties), k*(k-1)/2, len(before.Ties))
		}
	}
}
