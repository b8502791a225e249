package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
)

const example = "../../testdata/example"

func TestTypologyCommand(t *testing.T) {
	code, out, stderr := run(t, "typology", example)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"bilateral (ties)", "multilateral (clubs)", "relational bilateral (", "United Kingdom–United States", "uncertain calls", "alliance hubs:", "  1. USA"} {
		if !strings.Contains(out, want) {
			t.Errorf("typology table lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "typology", example, "--format", "json", "--at", "1990")
	var doc struct {
		Typology map[string]int      `json:"typology"`
		Lists    map[string][]string `json:"typology_lists"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil {
		t.Fatalf("typology json: %d %s", code, out)
	}
	for k, n := range doc.Typology {
		if len(doc.Lists[k]) != n {
			t.Errorf("%s: count %d, list of %d", k, n, len(doc.Lists[k]))
		}
	}
	if len(doc.Typology) != 4 {
		t.Errorf("typology keys %v", doc.Typology)
	}
}

func TestExplainCommand(t *testing.T) {
	code, out, stderr := run(t, "explain", example, "USA", "GBR")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"tie GBR–USA: relational", "overlap", "reciprocity", "score", "exchanges up to the period:", "decided by reciprocity", "rich record"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if code, out, _ := run(t, "explain", example, "FVEY"); code != 0 || !strings.Contains(out, "club FVEY") || !strings.Contains(out, "density") {
		t.Errorf("explain club: %d\n%s", code, out)
	}
	if code, _, stderr := run(t, "explain", example, "USA", "CHE"); code != ExitInvalid || !strings.Contains(stderr, "no bilateral tie") {
		t.Errorf("explain missing tie: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "explain", example, "USA", "GBR", "--tie-weights", "trust=1"); code != ExitInvalid || !strings.Contains(stderr, `unknown factor "trust"`) {
		t.Errorf("bad factor: %d %s", code, stderr)
	}
	// Weighing only duration makes the score the duration factor.
	code, out, _ = run(t, "explain", example, "USA", "GBR", "--tie-weights", "overlap=0,cliques=0,core=0,clubs=0,continuity=0,multiplexity=0,weight=0,reciprocity=0")
	if code != 0 || !strings.Contains(out, "relational score 1.000") {
		t.Errorf("duration only:\n%s", out)
	}
}

func TestEvolveCommand(t *testing.T) {
	code, out, stderr := run(t, "evolve", example, "--from", "1950", "--to", "2010", "--step", "30", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "year,actors,edges,density,") || !strings.HasPrefix(lines[1], "1950,") || !strings.HasPrefix(lines[3], "2010,") {
		t.Errorf("evolve csv:\n%s", out)
	}
	if code, _, _ := run(t, "evolve", example, "--from", "2000", "--to", "1990"); code != ExitInvalid {
		t.Errorf("from > to: exit %d", code)
	}
}

func TestWhatIfCommand(t *testing.T) {
	code, out, stderr := run(t, "whatif", example, "--remove", "USA", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var wi analysis.WhatIfResult
	if err := json.Unmarshal([]byte(out), &wi); err != nil {
		t.Fatal(err)
	}
	if wi.HubsBefore[0] != "USA" || wi.HubsAfter[0] == "USA" || wi.EfficiencyAfter >= wi.EfficiencyBefore {
		t.Errorf("whatif USA: %+v", wi)
	}
	if code, _, stderr := run(t, "whatif", example, "--remove", "ATLANTIS"); code != ExitInvalid || !strings.Contains(stderr, "ATLANTIS") {
		t.Errorf("unknown actor: %d %s", code, stderr)
	}
}
