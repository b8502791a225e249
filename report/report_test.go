package report

import (
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
	"github.com/liaison-net/liaison/internal/testutil"
)

func build(t *testing.T, o graphmodel.Options) *Report {
	t.Helper()
	r := testutil.Analyze(t, "../testdata/example", o, analysis.Options{})
	var series []analysis.YearPoint
	if years := SeriesYears(r.View, 0, 0, 0); len(years) > 0 {
		var err error
		if series, err = analysis.Evolve(context.Background(), r.View.Data, o, SeriesOptions(analysis.Options{}), years, 3); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Build(r, series, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

var sections = []string{"Summary", "The network", "The four classes of cooperation", "Alliance hubs", "Relational cores", "Clubs", "Brokers", "Communities", "Change over time", "Method"}

func TestHTMLSelfContained(t *testing.T) {
	rep := build(t, graphmodel.DefaultOptions())
	var b bytes.Buffer
	if err := rep.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, s := range sections {
		if !strings.Contains(page, "<h2>"+s+"</h2>") {
			t.Errorf("no section %q", s)
		}
	}
	if n := strings.Count(page, "<svg "); n != 5 {
		t.Errorf("%d pictures, want 5 (network, typology, hubs, density, classes)", n)
	}
	// Nothing is fetched: no external source, stylesheet or link (the only URLs are XML
	// namespaces, which are names, not fetches).
	for _, re := range []string{`(?i)<(script|img|link|iframe)[^>]+(src|href)=`, `(?i)url\(`, `(?i)@import`} {
		if m := regexp.MustCompile(re).FindString(page); m != "" {
			t.Errorf("external reference %q", m)
		}
	}
	for _, u := range regexp.MustCompile(`https?://[^"' )]+`).FindAllString(page, -1) {
		if u != "http://www.w3.org/2000/svg" && u != "http://www.w3.org/1999/xlink" {
			t.Errorf("URL %s in the page", u)
		}
	}
	for _, want := range []string{"USA", "FVEY", "relational bilateral", "Brandes"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestHTMLWithoutSeries(t *testing.T) {
	o := graphmodel.DefaultOptions()
	o.At = 2005
	rep := build(t, o)
	if len(rep.Series) != 0 || rep.Pictures.Density != "" {
		t.Error("a series with --at")
	}
	var b bytes.Buffer
	if err := rep.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Change over time") || !strings.Contains(b.String(), "the year 2005") {
		t.Error("--at report: wrong sections")
	}
}

func TestMarkdownAndPictures(t *testing.T) {
	rep := build(t, graphmodel.DefaultOptions())
	dir := t.TempDir()
	files, err := rep.WriteMarkdown(filepath.Join(dir, "r.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 6 {
		t.Errorf("files %v", files)
	}
	md, err := os.ReadFile(filepath.Join(dir, "r.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"r-network.svg", "r-typology.svg", "r-hubs.svg", "r-density.svg", "r-classes.svg"} {
		if !strings.Contains(string(md), "("+name+")") {
			t.Errorf("Markdown does not show %s", name)
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var root struct {
			XMLName xml.Name
		}
		if err := xml.Unmarshal(b, &root); err != nil || root.XMLName.Local != "svg" {
			t.Errorf("%s is not SVG: %v", name, err)
		}
	}
	for _, s := range sections {
		if !strings.Contains(string(md), "## "+s+"\n") {
			t.Errorf("Markdown lacks %q", s)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 6 {
		t.Errorf("left-over files: %v", entries)
	}
}

// chromium returns the headless Chromium command; it needs LIAISON_EXTERNAL=1 (testenv.Tool).
func chromium(t *testing.T) []string {
	testenv.Tool(t, "chromium")
	path, _ := exec.LookPath("chromium")
	return []string{path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + t.TempDir()}
}

// TestRenderedInChromium renders the HTML report in headless Chromium: the screenshot must not
// be blank, and every picture must have a size on the page.
func TestRenderedInChromium(t *testing.T) {
	cmd := chromium(t)
	rep := build(t, graphmodel.DefaultOptions())
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteHTML(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	shot := filepath.Join(dir, "report.png")
	args := append(append([]string{}, cmd[1:]...), "--window-size=1200,2400", "--screenshot="+shot, "file://"+page)
	if out, err := exec.Command(cmd[0], args...).CombinedOutput(); err != nil {
		t.Fatalf("chromium screenshot: %v\n%s", err, out)
	}
	pf, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(pf)
	pf.Close()
	if err != nil {
		t.Fatal(err)
	}
	if colours, dark := census(img); colours < 50 || dark < 0.005 {
		t.Errorf("screenshot looks blank: %d colours, %.4f dark pixels", colours, dark)
	}
	args = append(append([]string{}, cmd[1:]...), "--virtual-time-budget=3000", "--dump-dom", "file://"+page)
	dom, err := exec.Command(cmd[0], args...).Output()
	if err != nil {
		t.Fatalf("chromium dump-dom: %v", err)
	}
	m := regexp.MustCompile(`data-svg-sizes="([^"]*)"`).FindSubmatch(dom)
	if m == nil {
		t.Fatal("the page did not report its pictures' sizes")
	}
	sizes := strings.Fields(string(m[1]))
	if len(sizes) != 5 {
		t.Errorf("sizes %q, want 5 pictures", sizes)
	}
	for _, s := range sizes {
		w, h, _ := strings.Cut(s, "x")
		wi, _ := strconv.Atoi(w)
		hi, _ := strconv.Atoi(h)
		if wi < 200 || hi < 150 {
			t.Errorf("picture of %s px", s)
		}
	}
	t.Logf("pictures on the page: %v", sizes)
}

// census counts the distinct colours of an image and the share of dark pixels.
func census(img image.Image) (int, float64) {
	seen := map[uint32]bool{}
	dark, total := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[(r>>11)<<10|(g>>11)<<5|bl>>11] = true
			if r+g+bl < 3*0x4000 {
				dark++
			}
			total++
		}
	}
	return len(seen), float64(dark) / float64(total)
}
