package report

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"regexp"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/liaison-net/liaison/internal/style"
)

// Pictures are the report's drawings as standalone SVG documents (without an XML prolog, so
// that they can be inlined in HTML as they are).
type Pictures struct {
	Network  string // the network, laid out
	Hubs     string // bar chart of the top hubs' scores
	Typology string // bar chart of the four classes
	Density  string // density over time ("" without a series)
	Classes  string // typology counts over time ("" without a series)
	// Provenance is the worst circular finding's chains of custody ("" without one).
	Provenance string
}

// networkCaption explains the static drawing of the network.
const networkCaption = "Laid out by force (Fruchterman–Reingold), overlaps removed. Node size: hub score; colour: community (legend). Solid blue: relational bilateral tie; dashed orange: transactional; thin grey: club co-membership only."

const (
	relationalColour    = style.Relational
	transactionalColour = style.Transactional
	clubOnlyColour      = style.ClubOnly
)

func drawAll(rep *Report) (Pictures, error) {
	var p Pictures
	var err error
	p.Network = network(rep)
	p.Provenance = provenancePicture(rep)
	if p.Hubs, err = hubChart(rep); err != nil {
		return p, err
	}
	if p.Typology, err = typologyChart(rep); err != nil {
		return p, err
	}
	if len(rep.Series) > 1 {
		if p.Density, err = densityChart(rep); err != nil {
			return p, err
		}
		if p.Classes, err = classesChart(rep); err != nil {
			return p, err
		}
	}
	return p, nil
}

var prolog = regexp.MustCompile(`(?s)^<\?xml.*?\?>\s*(<!DOCTYPE[^>]*>\s*)?`)

// svgOf writes a canvas as an SVG document without its prolog.
func svgOf(c *vgsvg.Canvas) (string, error) {
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return "", fmt.Errorf("draw chart: %w", err)
	}
	return prolog.ReplaceAllString(buf.String(), ""), nil
}

// bars draws a bar chart, bar i in colours[i mod len(colours)], with room above the highest.
func bars(title, ylabel string, labels []string, values []float64, colours ...color.Color) (string, error) {
	p := newPlot(title)
	p.Y.Label.Text = ylabel
	top := 0.0
	for i, v := range values {
		bc, err := plotter.NewBarChart(plotter.Values{v}, vg.Points(22))
		if err != nil {
			return "", fmt.Errorf("draw chart %q: %w", title, err)
		}
		bc.XMin = float64(i)
		bc.Color = colours[i%len(colours)]
		bc.LineStyle.Width = 0
		p.Add(bc)
		top = math.Max(top, v)
	}
	p.NominalX(labels...)
	p.X.Padding = vg.Points(8)
	p.Y.Min = 0
	p.Y.Max = math.Max(1, top*1.08)
	return renderPlot(p, vg.Points(math.Max(380, float64(len(labels))*50)), vg.Points(270))
}

func hubChart(rep *Report) (string, error) {
	var labels []string
	var vals []float64
	for _, h := range rep.Result.Hubs {
		labels = append(labels, h.ID)
		vals = append(vals, h.Score)
	}
	if len(vals) == 0 {
		labels, vals = []string{"(none)"}, []float64{0}
	}
	return bars("Alliance hubs", "hub score", labels, vals, color.RGBA{0, 114, 178, 255})
}

func typologyChart(rep *Report) (string, error) {
	t := rep.Result.Typology
	return bars("The four classes of cooperation", "count",
		[]string{"trans. bilateral", "rel. bilateral", "trans. multilateral", "rel. multilateral"},
		[]float64{float64(t.TransactionalBilateral), float64(t.RelationalBilateral), float64(t.TransactionalMultilateral), float64(t.RelationalMultilateral)},
		classColours[0], classColours[1], classColours[2], classColours[3])
}

func line(p *plot.Plot, name string, xs []int, ys []float64, colour color.Color, dashed bool) error {
	pts := make(plotter.XYs, len(xs))
	for i := range xs {
		pts[i] = plotter.XY{X: float64(xs[i]), Y: ys[i]}
	}
	l, err := plotter.NewLine(pts)
	if err != nil {
		return err
	}
	l.Color = colour
	l.Width = vg.Points(2)
	if dashed {
		l.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
	}
	p.Add(l)
	p.Legend.Add(name, l)
	return nil
}

func densityChart(rep *Report) (string, error) {
	p := newPlot("Density over time (" + string(rep.Layer.Options.Layer) + " layer)")
	p.X.Tick.Marker = decadeTicks{}
	p.X.Label.Text = "year"
	p.Y.Label.Text = "density"
	var xs []int
	var ys []float64
	for _, s := range rep.Series {
		xs = append(xs, s.Year)
		ys = append(ys, s.Density)
	}
	if err := line(p, "density", xs, ys, color.RGBA{0, 114, 178, 255}, false); err != nil {
		return "", err
	}
	p.Y.Min = 0
	return renderPlot(p, vg.Points(540), vg.Points(270))
}

func classesChart(rep *Report) (string, error) {
	p := newPlot("The four classes over time")
	p.X.Tick.Marker = decadeTicks{}
	p.X.Label.Text = "year"
	p.Y.Label.Text = "count"
	var xs []int
	cols := [4][]float64{}
	for _, s := range rep.Series {
		xs = append(xs, s.Year)
		t := s.Typology
		for i, v := range []int{t.TransactionalBilateral, t.RelationalBilateral, t.TransactionalMultilateral, t.RelationalMultilateral} {
			cols[i] = append(cols[i], float64(v))
		}
	}
	names := []string{"transactional bilateral", "relational bilateral", "transactional multilateral", "relational multilateral"}
	colours := []color.Color{classColours[0], classColours[1], classColours[2], classColours[3]}
	for i := range names {
		if err := line(p, names[i], xs, cols[i], colours[i], i%2 == 0); err != nil {
			return "", err
		}
	}
	p.Legend.Top = true
	p.Legend.Left = true
	p.Y.Min = 0
	top := 0.0
	for _, c := range cols {
		for _, v := range c {
			top = math.Max(top, v)
		}
	}
	p.Y.Max = math.Max(1, top*1.5) // room for the legend above the lines
	return renderPlot(p, vg.Points(580), vg.Points(310))
}
