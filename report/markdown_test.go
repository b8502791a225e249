package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// TestMarkdownEscapesHTML builds a report whose actor ids, names, club id and title carry
// HTML and Markdown: the .md must hold none of it raw (no tag, no link), only escaped text.
func TestMarkdownEscapesHTML(t *testing.T) {
	const evil = `"><img src=x onerror=alert(1)>`
	q := `"""><img src=x onerror=alert(1)>"` // evil as a CSV field
	fsys := fstest.MapFS{
		"actors.csv":      {Data: []byte("id,name\n" + q + ",<script>alert(2)</script>\nB,[link](javascript:alert(3))\nC,a & b | c\nD,*x* _y_ `z`\n")},
		"ties.csv":        {Data: []byte("source,target,weight,since,until\n" + q + ",B,3,1990,2000\nB,C,2,1995,\n" + q + ",C,1,,\nC,D,1,,\n" + q + ",D,1,,\n")},
		"clubs.csv":       {Data: []byte("id,name\n<b>K</b>,club\n")},
		"memberships.csv": {Data: []byte("club,actor\n<b>K</b>," + q + "\n<b>K</b>,B\n<b>K</b>,C\n")},
		"exchanges.csv":   {Data: []byte("date,from,to\n1996," + q + ",B\n1997,B," + q + "\n")},
	}
	d, err := graphmodel.LoadFS(fsys, `<i>path</i>`)
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
	o := graphmodel.DefaultOptions()
	series, err := analysis.Evolve(context.Background(), d, o, SeriesOptions(analysis.Options{}), SeriesYears(l, 0, 0, 0), 1)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Build(r, series, Options{Title: "<h1>" + evil})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := rep.WriteMarkdown(filepath.Join(dir, "my report (1).md")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "my report (1).md"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, bad := range []string{"<img", "<script", "<b>", "<i>", "<h1>", "[link]", `">`, "*x*", "_y_", "`z`"} {
		if strings.Contains(md, bad) {
			i := strings.Index(md, bad)
			t.Errorf("the Markdown holds %q raw: …%s…", bad, md[max(0, i-60):min(len(md), i+60)])
		}
	}
	for _, want := range []string{"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;K&lt;/b&gt;", "(my%20report%20%281%29-network.svg)"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
}

// TestMdCell checks the escaping of one text.
func TestMdCell(t *testing.T) {
	for in, want := range map[string]string{
		`"><img src=x onerror=alert(1)>`:  `&quot;&gt;&lt;img src=x onerror=alert(1)&gt;`,
		"a & b's | c":                     `a &amp; b&#39;s \| c`,
		"FIVE_EYES _x_ *y* `z` [l](u) \\": "FIVE_EYES \\_x\\_ \\*y\\* \\`z\\` \\[l\\](u) \\\\",
		"two\r\nlines\nthree\r":           "two lines three ",
		"Ünïcode — ok":                    "Ünïcode — ok",
	} {
		if got := mdCell(in); got != want {
			t.Errorf("mdCell(%q) = %q, want %q", in, got, want)
		}
	}
}
