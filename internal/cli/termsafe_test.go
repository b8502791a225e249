package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

func TestTermSafe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"PAK", "PAK"},
		{"Côte d’Ivoire", "Côte d’Ivoire"},
		{"\x1b[31mA", `\x1b[31mA`},
		{"a\tb\nc\r", `a\x09b\x0ac\x0d`},
		{"del\x7f", `del\x7f`},
		{"csi\u009b31m", `csi\u009b31m`},
		{"bad\x9b", `bad\x9b`},
		{"\ufffd", "\ufffd"},
	} {
		if got := termSafe(c.in); got != c.want {
			t.Errorf("termSafe(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := termSafe(termSafe(c.in)); got != c.want {
			t.Errorf("termSafe is not idempotent on %q: %q", c.in, got)
		}
	}
	var b bytes.Buffer
	if _, err := (termWriter{&b}).Write([]byte("x\x1b]0;t\a\ty\n")); err != nil {
		t.Fatal(err)
	}
	if want := "x\\x1b]0;t\\x07\ty\n"; b.String() != want {
		t.Errorf("termWriter wrote %q, want %q", b.String(), want)
	}
}

// TestTablesEscapeTerminalSequences puts an actor id holding an ESC sequence into the
// results of the example data set (Load itself refuses control characters in ids) and checks
// that no table (analyze, typology, explain, summary, evolve, whatif) prints a raw control
// character, and that the id is shown escaped.
func TestTablesEscapeTerminalSequences(t *testing.T) {
	const red = "\x1b[31mRED\u009b"
	const shown = `\x1b[31mRED\u009b`
	d, err := graphmodel.Load("../../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(t.Context(), l, analysis.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s, err := graphmodel.Summarize(l)
	if err != nil {
		t.Fatal(err)
	}
	r.Actors[0].ID = red
	r.Hubs[0].ID, r.Hubs[0].Name = red, red
	d.Actors[0].Name = red // typology's lists show names
	r.Ties[0].Source = red // still the smallest: r.Tie finds it
	r.Ties[0].Domains = []string{red}
	r.Clubs[0].Name = red
	r.Clubs[0].Members = append([]string{red}, r.Clubs[0].Members...)
	s.Path = red
	wi := &analysis.WhatIfResult{Removed: []string{red}, CutOff: []string{red}, LostPaths: [][]string{{red, "B"}}, HubsBefore: []string{red}, HubsAfter: []string{red}}
	tables := map[string]func(*bytes.Buffer) error{
		"analyze":      func(b *bytes.Buffer) error { return analysisTable(termWriter{b}, r, nil, 0) },
		"typology":     func(b *bytes.Buffer) error { return typologyTable(termWriter{b}, r) },
		"explain tie":  func(b *bytes.Buffer) error { return explainTie(termWriter{b}, r, red, r.Ties[0].Target) },
		"explain club": func(b *bytes.Buffer) error { return explainClub(termWriter{b}, r, r.Clubs[0].ID) },
		"summary":      func(b *bytes.Buffer) error { return summaryTable(termWriter{b}, s) },
		"evolve": func(b *bytes.Buffer) error {
			return evolveTable(termWriter{b}, []analysis.YearPoint{{Year: 2000, TopHubs: []string{red}}})
		},
		"whatif": func(b *bytes.Buffer) error { return whatIfTable(termWriter{b}, wi) },
	}
	for name, fn := range tables {
		var b bytes.Buffer
		if err := fn(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out := b.String()
		if strings.ContainsAny(out, "\x1b\u009b") {
			t.Errorf("%s: raw control character in %q", name, out)
		}
		if !strings.Contains(out, shown) {
			t.Errorf("%s: the id is not shown escaped in %q", name, out)
		}
	}
}
