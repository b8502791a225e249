package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/inference"
	"github.com/liaison-net/liaison/internal/testutil"
)

// TestSignificanceSection: with Report.Significance set, both forms carry the section with
// every listed hub and the six statistics and their p-values; without it, neither has one.
func TestSignificanceSection(t *testing.T) {
	o := graphmodel.DefaultOptions()
	o.At = 2005
	r := testutil.Analyze(t, "../testdata/example", o, analysis.Options{})
	rep, err := Build(r, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	forms := func() (string, string) {
		var h bytes.Buffer
		if err := rep.WriteHTML(&h); err != nil {
			t.Fatal(err)
		}
		md := filepath.Join(t.TempDir(), "r.md")
		if _, err := rep.WriteMarkdown(md); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(md)
		if err != nil {
			t.Fatal(err)
		}
		return h.String(), string(b)
	}
	html, md := forms()
	if strings.Contains(html, "Significance") || strings.Contains(md, "Significance") {
		t.Error("a significance section without Report.Significance")
	}
	if rep.Significance, err = inference.Significance(context.Background(), r, inference.SignificanceOptions{Reps: 9}); err != nil {
		t.Fatal(err)
	}
	html, md = forms()
	if !strings.Contains(html, "<h2>Significance</h2>") || !strings.Contains(md, "## Significance") {
		t.Fatal("no significance section")
	}
	for _, h := range rep.Significance.Hubs {
		if !strings.Contains(html, "<td>"+h.ID+"</td>") || !strings.Contains(md, "| "+h.ID+" | ") {
			t.Errorf("hub %s missing", h.ID)
		}
	}
	for _, name := range []string{"degree centralisation", "betweenness centralisation", "relational bilateral count", "transactional multilateral count"} {
		if !strings.Contains(html, "<td>"+name+"</td>") || !strings.Contains(md, "| "+name+" | ") {
			t.Errorf("%s missing", name)
		}
	}
	if i, j := strings.Index(md, "## Significance"), strings.Index(md, "## Method"); i > j {
		t.Error("the section is not before the method")
	}
}
