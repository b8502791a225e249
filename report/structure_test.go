package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// TestStructureSections checks the core–periphery paragraph (always) and the rivals and
// balance section (only with rivalries.csv) in both formats, escaped.
func TestStructureSections(t *testing.T) {
	files := map[string]string{
		"ties.csv":      "source,target\nA,B\nB,C\nA,C\nC,D\nD,E\n",
		"rivalries.csv": "source,target,weight\nA,D,2\nB,D,1\n<x>,A,4\n",
	}
	for _, signed := range []bool{false, true} {
		fsys := fstest.MapFS{"ties.csv": {Data: []byte(files["ties.csv"])}}
		if signed {
			fsys["rivalries.csv"] = &fstest.MapFile{Data: []byte(files["rivalries.csv"])}
		}
		d, err := graphmodel.LoadFS(fsys, "x")
		if err != nil {
			t.Fatal(err)
		}
		l, err := d.Layer(graphmodel.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Build(r, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
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
		for name, doc := range map[string]string{"html": h.String(), "markdown": string(b)} {
			if !strings.Contains(doc, "Core–periphery (Borgatti–Everett, unweighted): a core of") {
				t.Errorf("%s: no core–periphery paragraph", name)
			}
			has := strings.Contains(doc, "Rivals and structural balance")
			if has != signed {
				t.Errorf("%s (rivalries %v): balance section present %v", name, signed, has)
			}
			if signed && (!strings.Contains(doc, "% are balanced") || !strings.Contains(doc, "&lt;x&gt; (4)")) {
				t.Errorf("%s: no balance share, or A's rival <x> not listed (escaped) among the hubs' rivals", name)
			}
			if strings.Contains(doc, "<x>") {
				t.Errorf("%s: the rival id <x> is not escaped", name)
			}
		}
	}
}
