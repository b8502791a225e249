package provenance_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
	"github.com/liaison-net/liaison/provenance"
)

const plantedDir = "../testdata/provenance-planted"

// expected is testdata/provenance-planted/expected.json, written by
// scripts/provenance_planted.py from the cases it planted.
type expected struct {
	Circular []struct {
		Consumer, Assessment, Origin, Kind string
		Lines                              []struct {
			Report, Partner string
			Chain           []string
		}
	}
	Breaches []struct {
		Line         int
		Rule, Source string
	}
	Dependence []struct {
		Consumer string
		share
		Assessments []struct {
			Assessment string
			share
		}
	}
	Convergence []struct {
		Assessment        string
		Partners, Origins []string
		Flagged           bool
	}
}

type share struct {
	Items           int
	HHIOrigin       float64 `json:"hhi_origin"`
	HHIPartner      float64 `json:"hhi_partner"`
	TopOrigin       string  `json:"top_origin"`
	TopOriginShare  float64 `json:"top_origin_share"`
	TopPartner      string  `json:"top_partner"`
	TopPartnerShare float64 `json:"top_partner_share"`
}

func loadPlanted(t *testing.T) (*provenance.Result, *expected) {
	t.Helper()
	d, err := graphmodel.Load(plantedDir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := provenance.Analyze(d, provenance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(plantedDir + "/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want expected
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	return r, &want
}

// chain is the actors a path passes, in order, once each step to a new actor.
func chain(p provenance.Path) []string {
	var out []string
	for _, s := range p.Steps {
		switch s.Kind {
		case "collect", "author":
			out = append(out, s.Actor)
		case "transfer", "gap":
			out = append(out, s.To)
		}
	}
	return out
}

// TestPlantedCircular: every planted circular case is found, with its lines exactly and a
// path along the planted chain of each line; nothing else is found (the clean cases — a
// report sent twice by one partner, independent origins, a report derived from two origins
// — give no finding).
func TestPlantedCircular(t *testing.T) {
	r, want := loadPlanted(t)
	if len(want.Circular) < 10 {
		t.Fatalf("only %d planted cases", len(want.Circular))
	}
	key := func(consumer, assessment, origin, kind string) string {
		return consumer + "|" + assessment + "|" + origin + "|" + kind
	}
	got := map[string]provenance.Circular{}
	for _, c := range r.Circular {
		got[key(c.Consumer, c.Assessment, c.Origin, c.Kind)] = c
	}
	for _, w := range want.Circular {
		k := key(w.Consumer, w.Assessment, w.Origin, w.Kind)
		c, ok := got[k]
		if !ok {
			t.Errorf("planted %s not found", k)
			continue
		}
		delete(got, k)
		if len(c.Lines) != len(w.Lines) {
			t.Errorf("%s: %d lines, planted %d", k, len(c.Lines), len(w.Lines))
			continue
		}
		for i, wl := range w.Lines {
			l := c.Lines[i]
			if l.Report != wl.Report || l.Partner != wl.Partner {
				t.Errorf("%s: line %d is %s from %s, planted %s from %s", k, i, l.Report, l.Partner, wl.Report, wl.Partner)
				continue
			}
			if !slices.ContainsFunc(l.Paths, func(p provenance.Path) bool { return slices.Equal(chain(p), wl.Chain) }) {
				var paths []string
				for _, p := range l.Paths {
					paths = append(paths, p.String())
				}
				t.Errorf("%s: line %s has no path along %v: %v", k, l.Report, wl.Chain, paths)
			}
			if l.Capped {
				t.Errorf("%s: line %s capped", k, l.Report)
			}
		}
	}
	for k := range got {
		t.Errorf("false positive: %s", k)
	}
	if r.Capped != 0 || r.Unsearched != 0 {
		t.Errorf("capped %d, unsearched %d", r.Capped, r.Unsearched)
	}
}

// TestPlantedBreaches: every planted breach (one per rule, and a NOFORN inherited by a
// derived report) is found, and none of their legitimate twins (REL TO a club's member or
// a named actor, ORCON released by its originator, onward transfers covered by a tie, a
// shared club or an earlier direct exchange) nor any transfer of the circular and clean
// cases.
func TestPlantedBreaches(t *testing.T) {
	r, want := loadPlanted(t)
	var got, exp []string
	for _, b := range r.Breaches {
		got = append(got, fmt.Sprintf("%d %s %s", b.Line, b.Rule, b.Source))
	}
	rules := map[string]bool{}
	for _, b := range want.Breaches {
		exp = append(exp, fmt.Sprintf("%d %s %s", b.Line, b.Rule, b.Source))
		rules[b.Rule] = true
	}
	if len(rules) != 4 {
		t.Fatalf("planted rules %v", rules)
	}
	sort.Strings(got)
	sort.Strings(exp)
	if !slices.Equal(got, exp) {
		t.Errorf("breaches\n got %s\nwant %s", strings.Join(got, "; "), strings.Join(exp, "; "))
	}
}

// TestPlantedShares compares every consumer's dependence (overall and per assessment) and
// every assessment's convergence with the script's exact computation.
func TestPlantedShares(t *testing.T) {
	r, want := loadPlanted(t)
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }
	check := func(what string, g provenance.Shares, w share) {
		if g.Items != w.Items || !near(g.HHIOrigin, w.HHIOrigin) || !near(g.HHIPartner, w.HHIPartner) ||
			g.TopOrigin != w.TopOrigin || !near(g.OriginShare, w.TopOriginShare) ||
			g.TopPartner != w.TopPartner || !near(g.PartnerShare, w.TopPartnerShare) {
			t.Errorf("%s: got %+v, want %+v", what, g, w)
		}
	}
	if len(r.Dependence) != len(want.Dependence) {
		t.Fatalf("%d consumers, want %d", len(r.Dependence), len(want.Dependence))
	}
	for i, w := range want.Dependence {
		g := r.Dependence[i]
		if g.Consumer != w.Consumer || len(g.Assessments) != len(w.Assessments) {
			t.Errorf("consumer %d: %s with %d assessments, want %s with %d", i, g.Consumer, len(g.Assessments), w.Consumer, len(w.Assessments))
			continue
		}
		check(g.Consumer, g.Shares, w.share)
		for j, wa := range w.Assessments {
			if g.Assessments[j].Assessment != wa.Assessment {
				t.Errorf("%s: assessment %s, want %s", g.Consumer, g.Assessments[j].Assessment, wa.Assessment)
				continue
			}
			check(g.Consumer+"/"+wa.Assessment, g.Assessments[j].Shares, wa.share)
		}
	}
	if len(r.Convergence) != len(want.Convergence) {
		t.Fatalf("%d assessments, want %d", len(r.Convergence), len(want.Convergence))
	}
	flagged := 0
	for i, w := range want.Convergence {
		g := r.Convergence[i]
		if g.Assessment != w.Assessment || !slices.Equal(g.Partners, w.Partners) || !slices.Equal(g.Origins, w.Origins) || g.Flagged != w.Flagged {
			t.Errorf("convergence: got %+v, want %+v", g, w)
		}
		if w.Flagged {
			flagged++
		}
	}
	if flagged == 0 {
		t.Error("no planted convergence is flagged")
	}
}

// TestPlantedReproducible checks that testdata/provenance-planted is the script's output.
func TestPlantedReproducible(t *testing.T) {
	py := testenv.Python(t)
	out, err := exec.Command(py, "../scripts/provenance_planted.py", "--check").CombinedOutput()
	if err != nil {
		t.Fatalf("provenance_planted.py --check: %v\n%s", err, out)
	}
}
