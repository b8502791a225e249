package report

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testutil"
)

// TestProvenanceSection: the stylised provenance example's report has the section, in HTML
// and Markdown, with a picture of the worst circular finding (every line of it drawn, the
// consumer's own hand in the chain marked); the example without provenance columns has
// neither.
func TestProvenanceSection(t *testing.T) {
	r := testutil.Analyze(t, "../testdata/provenance", graphmodel.DefaultOptions(), analysis.Options{})
	rep, err := Build(r, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	svg := rep.Pictures.Provenance
	var root struct{ XMLName xml.Name }
	if err := xml.Unmarshal([]byte(svg), &root); err != nil || root.XMLName.Local != "svg" {
		t.Fatalf("provenance picture is not SVG: %v", err)
	}
	// The worst finding: USA's four lines from DEU, carried as CB-01, CB-02, ONA-3 and UK-7.
	for _, label := range []string{">CB-01<", ">CB-02<", ">ONA-3<", ">UK-7<", "writes DIA-1", "#9ecae1"} {
		if !strings.Contains(svg, label) {
			t.Errorf("picture lacks %q", label)
		}
	}
	var h bytes.Buffer
	if err := rep.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h2>Provenance: circular reporting, breaches, dependence</h2>", "Worst case: USA received 4 apparently independent items supporting MOBILE-BW-LABS from 3 partner(s), all resting on one origin, DEU.", "REL TO (REL TO FVEY)", "MOBILE-BW-LABS</td><td>AUS, DEU, GBR</td><td>DEU</td>"} {
		if !strings.Contains(h.String(), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	dir := t.TempDir()
	if _, err := rep.WriteMarkdown(filepath.Join(dir, "r.md")); err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "r.md"))
	if !strings.Contains(string(md), "## Provenance: circular reporting, breaches, dependence\n") || !strings.Contains(string(md), "(r-provenance.svg)") {
		t.Error("Markdown lacks the provenance section or its picture")
	}
	if _, err := os.Stat(filepath.Join(dir, "r-provenance.svg")); err != nil {
		t.Error(err)
	}

	plain := build(t, graphmodel.DefaultOptions())
	h.Reset()
	if err := plain.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	if plain.Pictures.Provenance != "" || strings.Contains(h.String(), "Provenance") {
		t.Error("a data set without provenance columns has a provenance section")
	}
}

// TestProvenanceInChromium renders the provenance example's HTML report in headless Chromium:
// the page reports the size of each picture, the provenance picture (the last, as it is drawn
// after the others) among them, each at least 200 × 150 px.
func TestProvenanceInChromium(t *testing.T) {
	cmd := chromium(t)
	r := testutil.Analyze(t, "../testdata/provenance", graphmodel.DefaultOptions(), analysis.Options{})
	rep, err := Build(r, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "report.html")
	var h bytes.Buffer
	if err := rep.WriteHTML(&h); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, h.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append(append([]string{}, cmd[1:]...), "--virtual-time-budget=3000", "--dump-dom", "file://"+page)
	dom, err := exec.Command(cmd[0], args...).Output()
	if err != nil {
		t.Fatalf("chromium dump-dom: %v", err)
	}
	m := regexp.MustCompile(`data-svg-sizes="([^"]*)"`).FindSubmatch(dom)
	if m == nil {
		t.Fatal("the page did not report its pictures' sizes")
	}
	sizes := strings.Fields(string(m[1]))
	if len(sizes) != 4 { // network, typology, hubs, provenance (Build is given no series)
		t.Fatalf("sizes %q, want 4 pictures", sizes)
	}
	for _, s := range sizes {
		w, hgt, _ := strings.Cut(s, "x")
		wi, _ := strconv.Atoi(w)
		hi, _ := strconv.Atoi(hgt)
		if wi < 200 || hi < 150 {
			t.Errorf("picture of %s px", s)
		}
	}
	t.Logf("pictures on the page: %v", sizes)
}
