package graphmodel_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/graphmodel"
)

func TestValidationSummary(t *testing.T) {
	ties := "source,target,weight\n" + strings.Repeat("A,B,0\n", 3) + "A,C,-2\nC,D,x\nD,E,y\nD,D,1\n"
	_, err := graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: []byte(ties)}}, "mem")
	var ve *graphmodel.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a ValidationError", err)
	}
	var got []string
	for _, g := range ve.Summary() {
		got = append(got, g.String())
	}
	want := []string{
		`ties.csv: 4 × weight N must be greater than 0`,
		`ties.csv: 2 × weight "…" is not a number`,
		`ties.csv: 1 × self-tie: source and target are both "D"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Summary:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if g := ve.Summary()[0]; g.First.Line != 2 || g.Count != 4 {
		t.Errorf("first group: line %d, count %d; want line 2, count 4", g.First.Line, g.Count)
	}
}

func TestValidationSummaryThousands(t *testing.T) {
	ve := &graphmodel.ValidationError{Path: "x"}
	for i := 0; i < 45276; i++ {
		ve.Problems = append(ve.Problems, &graphmodel.ParseError{File: "ties.csv", Line: i + 2, Err: errors.New("weight 0 must be greater than 0")})
	}
	if got, want := ve.Summary()[0].String(), "ties.csv: 45,276 × weight 0 must be greater than 0"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDelimiterHint(t *testing.T) {
	for _, c := range []struct{ header, want string }{
		{"source;target;weight;since;until\n", `ties.csv:1: the header has no comma but 4 semicolons: is the file ;-delimited? liaison reads comma-separated files`},
		{"source\ttarget\n", `ties.csv:1: the header has no comma but 1 tab: is the file tab-delimited? liaison reads comma-separated files`},
	} {
		_, err := graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: []byte(c.header + "A;B;1;2000;\n")}}, "mem")
		var ve *graphmodel.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("err = %v, want a ValidationError", err)
		}
		if got := ve.Problems[0].Error(); got != c.want {
			t.Errorf("first problem %q, want %q", got, c.want)
		}
		if !errors.Is(ve.Problems[0], graphmodel.ErrDelimiter) {
			t.Errorf("%v is not ErrDelimiter", ve.Problems[0])
		}
	}
	// A comma-separated header with semicolons in a name gets no hint.
	_, err := graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: []byte("source,target,a;b\nA,B,1\n")}}, "mem")
	if err != nil {
		t.Errorf("err = %v, want none", err)
	}
}
