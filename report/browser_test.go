package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testenv"
)

// browser starts headless Chromium (Debian's, through the DevTools protocol) for one test and
// collects every console error and uncaught exception of the pages it opens.
type browser struct {
	ctx  context.Context
	mu   sync.Mutex
	errs []string
}

func newBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	testenv.Tool(t, "chromium")
	path, _ := exec.LookPath("chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("hide-scrollbars", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	b := &browser{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			b.errs = append(b.errs, "exception: "+e.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError || e.Type == runtime.APITypeWarning {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				b.errs = append(b.errs, fmt.Sprintf("console.%s: %s", e.Type, strings.Join(parts, " ")))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.LevelError {
				b.errs = append(b.errs, "log: "+e.Entry.Text)
			}
		}
	})
	if err := chromedp.Run(ctx, cdplog.Enable(), chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

func (b *browser) run(t *testing.T, what string, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func (b *browser) errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errs...)
}

// open loads a report page and waits for the view to be drawn.
func (b *browser) open(t *testing.T, page string) {
	t.Helper()
	b.run(t, "open "+page, chromedp.Navigate("file://"+page), chromedp.WaitReady(`#lv[data-ready="1"]`, chromedp.ByQuery),
		chromedp.ScrollIntoView("#lv", chromedp.ByID))
}

// counts reads what the view drew: the actors and edges in view.
func (b *browser) counts(t *testing.T) (nodes, edges int) {
	t.Helper()
	var c []int
	b.run(t, "read counts", chromedp.Evaluate(`(function(){var c=document.getElementById("lv-canvas");return [+c.dataset.visibleNodes, +c.dataset.visibleEdges];})()`, &c))
	return c[0], c[1]
}

func (b *browser) text(t *testing.T, sel string) string {
	t.Helper()
	var s string
	b.run(t, "read "+sel, chromedp.Evaluate(`document.querySelector(`+jsonString(sel)+`).textContent`, &s))
	return s
}

func (b *browser) attr(t *testing.T, sel, name string) string {
	t.Helper()
	var s string
	b.run(t, "read "+sel, chromedp.Evaluate(`document.querySelector(`+jsonString(sel)+`).getAttribute(`+jsonString(name)+`)||""`, &s))
	return s
}

// centre is the view's canvas centre in page coordinates.
func (b *browser) centre(t *testing.T) (float64, float64) {
	var c []float64
	b.run(t, "canvas", chromedp.Evaluate(`(function(){var r=document.getElementById("lv-canvas").getBoundingClientRect();return [r.left+r.width/2, r.top+r.height/2];})()`, &c))
	return c[0], c[1]
}

func writePage(t *testing.T, rep *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := rep.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return page
}

// TestViewInChromium drives the interactive view in headless Chromium on the example and on a
// generated data set of 500 actors: no console error; the fitted view draws exactly the
// analysed layer's actors and edges (all-time and each year checked against the layers of
// that year); zooming in draws fewer, "fit" all again; the year slider (keyboard) changes what
// is drawn; filters by class and community; search finds an actor; a click on an actor and
// on a tie shows their details.
func TestViewInChromium(t *testing.T) {
	b := newBrowser(t, 1400, 1100)
	gen := t.TempDir()
	genDataset(t, gen, 500, 2000, 7)
	for _, c := range []struct{ name, path, find, click string }{
		{"example", "../testdata/example", "gbr", "USA"},
		{"generated-500", gen, "Actor 17", "A3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := buildPath(t, c.path, graphmodel.DefaultOptions(), Options{})
			page := writePage(t, rep)
			b.open(t, page)
			n0, e0 := b.counts(t)
			if n0 != rep.Layer.Len() || e0 != rep.Layer.EdgeCount() {
				t.Errorf("fitted all-time view draws %d actors and %d edges, the layer has %d and %d", n0, e0, rep.Layer.Len(), rep.Layer.EdgeCount())
			}
			// Zoom in with the mouse wheel at the centre: fewer actors in view.
			x, y := b.centre(t)
			for range 4 {
				b.run(t, "wheel", chromedp.ActionFunc(func(ctx context.Context) error {
					return input.DispatchMouseEvent(input.MouseWheel, x, y).WithDeltaY(-300).Do(ctx)
				}))
			}
			n1, e1 := b.counts(t)
			if n1 <= 0 || n1 >= n0 || e1 >= e0 {
				t.Errorf("zoomed in: %d actors and %d edges in view, at fit %d and %d", n1, e1, n0, e0)
			}
			b.run(t, "fit", chromedp.Click("#lv-reset", chromedp.ByID))
			if n, e := b.counts(t); n != n0 || e != e0 {
				t.Errorf("after fit: %d actors and %d edges, want %d and %d", n, e, n0, e0)
			}
			// The year slider, by keyboard: Home is the first year, End "all time", one step left
			// of it the last year.
			years := rep.yearResults
			if len(years) < 2 {
				t.Fatalf("%d years in the slider", len(years))
			}
			for _, k := range []struct {
				key string
				yr  int
			}{{kb.Home, 0}, {kb.End + kb.ArrowLeft, len(years) - 1}} {
				b.run(t, "slider", chromedp.Focus("#lv-year", chromedp.ByID), chromedp.KeyEvent(k.key))
				want := years[k.yr]
				if got := b.text(t, "#lv-year-label"); got != fmt.Sprint(want.View.Options.At) {
					t.Errorf("slider label %q, want %d", got, want.View.Options.At)
				}
				n, e := b.counts(t)
				if n != want.View.Len() || e != want.View.EdgeCount() {
					t.Errorf("year %d draws %d actors and %d edges, its layer has %d and %d", want.View.Options.At, n, e, want.View.Len(), want.View.EdgeCount())
				}
			}
			b.run(t, "all time", chromedp.Click("#lv-all-time", chromedp.ByID))
			// Filters: without relational ties, the relational edges go.
			rel := 0
			for _, tr := range rep.Result.Ties {
				if tr.Class == "relational" {
					rel++
				}
			}
			b.run(t, "filter", chromedp.Click("#lv-rel", chromedp.ByID))
			if _, e := b.counts(t); e != e0-rel {
				t.Errorf("without relational ties: %d edges, want %d − %d", e, e0, rel)
			}
			b.run(t, "filter", chromedp.Click("#lv-rel", chromedp.ByID),
				chromedp.SetValue("#lv-community", "0", chromedp.ByID),
				chromedp.Evaluate(`document.getElementById("lv-community").dispatchEvent(new Event("change"))`, nil))
			if n, _ := b.counts(t); n != len(rep.Result.Communities.Groups[0]) {
				t.Errorf("community 0: %d actors drawn, it has %d", n, len(rep.Result.Communities.Groups[0]))
			}
			b.run(t, "filter", chromedp.SetValue("#lv-community", "", chromedp.ByID),
				chromedp.Evaluate(`document.getElementById("lv-community").dispatchEvent(new Event("change"))`, nil))
			// A domain: the ties with it, no club-only edge.
			if doms := rep.Viewer().Domains; len(doms) > 0 {
				with := 0
				for _, tr := range rep.Result.Ties {
					for _, d := range tr.Domains {
						if d == doms[0] {
							with++
						}
					}
				}
				b.run(t, "domain", chromedp.SetValue("#lv-domain", doms[0], chromedp.ByID),
					chromedp.Evaluate(`document.getElementById("lv-domain").dispatchEvent(new Event("change"))`, nil))
				if _, e := b.counts(t); e != with {
					t.Errorf("domain %s: %d edges drawn, %d ties have it", doms[0], e, with)
				}
				b.run(t, "domain", chromedp.SetValue("#lv-domain", "", chromedp.ByID),
					chromedp.Evaluate(`document.getElementById("lv-domain").dispatchEvent(new Event("change"))`, nil))
			}
			// Search.
			b.run(t, "search", chromedp.SendKeys("#lv-search", c.find+"\r", chromedp.ByID))
			found := b.text(t, "#lv-found")
			shows := b.attr(t, "#lv-info", "data-shows")
			if !strings.HasPrefix(found, "found ") || shows == "" || !strings.Contains(found, shows) {
				t.Errorf("search %q: %q, details of %q", c.find, found, shows)
			}
			// Click an actor, then a tie.
			b.run(t, "fit", chromedp.Click("#lv-reset", chromedp.ByID))
			var at struct{ X, Y, R float64 }
			b.run(t, "locate", chromedp.Evaluate(`window.liaisonView.screenOf(`+jsonString(c.click)+`)`, &at))
			b.run(t, "click", chromedp.MouseClickXY(at.X, at.Y))
			if got := b.attr(t, "#lv-info", "data-shows"); got != c.click {
				t.Errorf("click on %s shows %q", c.click, got)
			}
			if info := b.text(t, "#lv-info"); !strings.Contains(info, "betweenness") || !strings.Contains(info, "hub score") {
				t.Errorf("details of %s: %q", c.click, info)
			}
			// A tie with a point that is nearer to it than to any other edge or actor.
			var mid []float64
			var tie analysis.TieResult
			for i := 0; i < len(rep.Result.Ties) && len(mid) != 2; i += 7 {
				tie = rep.Result.Ties[i]
				b.run(t, "locate tie", chromedp.Evaluate(`window.liaisonView.edgePoint(`+jsonString(tie.Source)+`,`+jsonString(tie.Target)+`)`, &mid))
			}
			if len(mid) != 2 {
				t.Fatal("no tie can be clicked")
			}
			b.run(t, "click tie", chromedp.MouseClickXY(mid[0], mid[1]))
			info := b.text(t, "#lv-info")
			if got := b.attr(t, "#lv-info", "data-shows"); got != tie.Source+"–"+tie.Target || !strings.Contains(info, "p_relational") || !strings.Contains(info, tie.Class) {
				t.Errorf("click on the tie %s–%s shows %q: %q", tie.Source, tie.Target, got, info)
			}
			// The static drawing, measured by the browser (getBBox of the rendered text): no two
			// labels overlap, no label covers a circle, no two circles overlap.
			var draw struct{ Labels, LabelLabel, LabelCircle, CircleCircle int }
			b.run(t, "static drawing", chromedp.Evaluate(`(function(){
  var d=document.getElementById("static-network"); d.open=true;
  var svg=d.querySelector("svg"), ts=[].slice.call(svg.querySelectorAll("g[font-size='11'] text")), cs=[].slice.call(svg.querySelectorAll("circle")).filter(function(c){return c.querySelector("title");});
  var bs=ts.map(function(e){return e.getBBox();}), cc=cs.map(function(c){return [+c.getAttribute("cx"),+c.getAttribute("cy"),+c.getAttribute("r")];});
  var ll=0,lc=0,ci=0,i,j;
  function hit(a,b){return a.x<b.x+b.width&&b.x<a.x+a.width&&a.y<b.y+b.height&&b.y<a.y+a.height;}
  for(i=0;i<bs.length;i++){for(j=i+1;j<bs.length;j++){if(hit(bs[i],bs[j]))ll++;}
    for(j=0;j<cc.length;j++){var c=cc[j],b=bs[i],x=Math.max(b.x,Math.min(c[0],b.x+b.width)),y=Math.max(b.y,Math.min(c[1],b.y+b.height));if((x-c[0])*(x-c[0])+(y-c[1])*(y-c[1])<c[2]*c[2]-1)lc++;}}
  for(i=0;i<cc.length;i++){for(j=i+1;j<cc.length;j++){var dx=cc[i][0]-cc[j][0],dy=cc[i][1]-cc[j][1];if(Math.sqrt(dx*dx+dy*dy)<cc[i][2]+cc[j][2]-0.5)ci++;}}
  return {Labels:bs.length,LabelLabel:ll,LabelCircle:lc,CircleCircle:ci};})()`, &draw))
			if draw.Labels == 0 || draw.LabelLabel > 0 || draw.LabelCircle > 0 || draw.CircleCircle > 0 {
				t.Errorf("static drawing: %d labels; overlaps: %d label–label, %d label–circle, %d circle–circle", draw.Labels, draw.LabelLabel, draw.LabelCircle, draw.CircleCircle)
			}
			t.Logf("static drawing: %d labels, no overlap", draw.Labels)
			// The appendix's tie table sorts by weight on a click on its head: ascending, then
			// descending.
			minW, maxW := rep.Result.Ties[0].Weight, rep.Result.Ties[0].Weight
			for _, tr := range rep.Result.Ties {
				minW, maxW = min(minW, tr.Weight), max(maxW, tr.Weight)
			}
			first := `document.querySelector("#appendix-ties ~ table tbody tr td:nth-child(3)").textContent`
			head := `#appendix-ties ~ table th:nth-child(3)`
			var lo, hi string
			b.run(t, "sort", chromedp.Click(head, chromedp.ByQuery), chromedp.Evaluate(first, &lo),
				chromedp.Click(head, chromedp.ByQuery), chromedp.Evaluate(first, &hi))
			if lo != g4(minW) || hi != g4(maxW) {
				t.Errorf("sorted by weight: first %s then %s, want %s then %s", lo, hi, g4(minW), g4(maxW))
			}
			var ms string
			b.run(t, "draw time", chromedp.Evaluate(`document.getElementById("lv-canvas").dataset.drawMs`, &ms))
			t.Logf("%s: %d actors, %d edges; zoomed in %d, %d; one frame %s ms", c.name, n0, e0, n1, e1, ms)
			if errs := b.errors(); len(errs) > 0 {
				t.Errorf("console errors: %q", errs)
			}
		})
	}
}

// TestScreenshots saves screenshots of report pages for the README: with
// LIAISON_SCREENSHOTS=DIR and LIAISON_SCREENSHOT_PAGES="NAME=PAGE.html,…" (scripts/report-screenshot
// sets both) it opens each page at 1400 px wide, requires no console error, and writes
// DIR/NAME.png (the interactive view) and, for the first page, DIR/report-screenshot.png (the
// top of the page).
func TestScreenshots(t *testing.T) {
	dir, pages := os.Getenv("LIAISON_SCREENSHOTS"), os.Getenv("LIAISON_SCREENSHOT_PAGES")
	if dir == "" || pages == "" {
		t.Skip("LIAISON_SCREENSHOTS and LIAISON_SCREENSHOT_PAGES not set")
	}
	b := newBrowser(t, 1400, 1000)
	for i, spec := range strings.Split(pages, ",") {
		name, page, ok := strings.Cut(spec, "=")
		if !ok {
			t.Fatalf("page %q: want NAME=PAGE", spec)
		}
		abs, err := filepath.Abs(page)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			var top []byte
			b.run(t, "open "+page, chromedp.Navigate("file://"+abs), chromedp.WaitReady(`#lv[data-ready="1"]`, chromedp.ByQuery),
				chromedp.CaptureScreenshot(&top))
			if err := os.WriteFile(filepath.Join(dir, "report-screenshot.png"), top, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		b.open(t, abs)
		var png []byte
		b.run(t, "screenshot "+name, chromedp.Screenshot("#lv", &png, chromedp.ByID))
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		n, e := b.counts(t)
		// The time of one frame, drawn and rasterised (a pixel read back), over 20 redraws (zoom
		// in and out by the buttons).
		var ms float64
		b.run(t, "frame time", chromedp.Evaluate(`(function(){var c=document.getElementById("lv-canvas"),z=document.getElementById("lv-zoom-in"),o=document.getElementById("lv-zoom-out"),s=0;var x=c.getContext("2d"),t=performance.now();for(var i=0;i<10;i++){z.click();x.getImageData(0,0,1,1);o.click();x.getImageData(0,0,1,1);}return (performance.now()-t)/20;})()`, &ms))
		t.Logf("%s: %d actors, %d edges in view; %s labels; %.1f ms a frame (edges, nodes, labels: %s ms)", name, n, e, b.attr(t, "#lv-canvas", "data-labels"), ms, b.attr(t, "#lv-canvas", "data-draw-parts"))
	}
	if errs := b.errors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}
