package report

import (
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/liaison-net/liaison/graphmodel"
)

// The charts' look: the page's sans-serif font (Liberation Sans, the font the page names
// first), the class colours of the network view, a margin inside the picture's frame.

// chartFont is the page's font for gonum/plot (its SVG names it "Liberation Sans").
var chartFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// chartMargin keeps bars, lines and labels off the picture's frame.
const chartMargin = 10

// newPlot is plot.New with every text in the page's font.
func newPlot(title string) *plot.Plot {
	p := plot.New()
	for _, t := range []*font.Font{&p.Title.TextStyle.Font, &p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font,
		&p.X.Tick.Label.Font, &p.Y.Tick.Label.Font, &p.Legend.TextStyle.Font} {
		*t = font.From(chartFont, t.Size)
	}
	p.Title.Text = title
	p.Title.Padding = vg.Points(6)
	return p
}

// renderPlot draws p on an SVG canvas of w × h with the margin and returns the SVG document
// without its prolog.
func renderPlot(p *plot.Plot, w, h vg.Length) (string, error) {
	c := vgsvg.New(w, h)
	dc := draw.New(c)
	p.Draw(draw.Crop(dc, chartMargin, -chartMargin, chartMargin, -chartMargin))
	return svgOf(c)
}

// classColours are the colours of the four classes: relational blue and transactional
// orange (as the network's ties), the multilateral ones lighter.
var classColours = [4]color.RGBA{
	rgb(transactionalColour), rgb(relationalColour),
	lighter(rgb(transactionalColour)), lighter(rgb(relationalColour)),
}

func rgb(hex string) color.RGBA {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

func lighter(c color.RGBA) color.RGBA {
	mix := func(x uint8) uint8 { return uint8(float64(x) + 0.45*(255-float64(x))) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 255}
}

// decadeTicks marks the years: a labelled tick every decade (every 20 or 50 years on long
// spans, every 2 or 5 on short ones), an unlabelled one between.
type decadeTicks struct{}

func (decadeTicks) Ticks(lo, hi float64) []plot.Tick {
	span := hi - lo
	step := 10.0
	switch {
	case span <= 8:
		step = 1
	case span <= 20:
		step = 2
	case span <= 40:
		step = 5
	case span > 250:
		step = 50
	case span > 120:
		step = 20
	}
	minor := step / 2
	if step == 1 {
		minor = 1
	}
	var ts []plot.Tick
	for y := math.Ceil(lo/minor) * minor; y <= hi+1e-9; y += minor {
		label := ""
		if math.Mod(y, step) == 0 {
			label = strconv.Itoa(int(y))
		}
		ts = append(ts, plot.Tick{Value: y, Label: label})
	}
	return ts
}

// SeriesStartShare is the share of the dated rows (tie rows, memberships, exchanges) that must
// have begun by the first year of the default series.
const SeriesStartShare = 0.01

// SeriesStart is the default first year of the change over time: the year by which
// SeriesStartShare of the data set's dated rows have begun (a tie row's or membership's since,
// an exchange's date), so that a lone early row (the 1386 Anglo-Portuguese alliance in COW's
// 1816–2012 alliances) does not stretch the series; false without dated rows.
func SeriesStart(d *graphmodel.Dataset) (int, bool) {
	var ys []int
	for i := range d.Ties {
		if y := d.Ties[i].Since.Year; y != 0 {
			ys = append(ys, int(y))
		}
	}
	for i := range d.Memberships {
		if y := d.Memberships[i].Since.Year; y != 0 {
			ys = append(ys, int(y))
		}
	}
	for i := range d.Exchanges {
		if y := d.Exchanges[i].Date.Year; y != 0 {
			ys = append(ys, int(y))
		}
	}
	if len(ys) == 0 {
		return 0, false
	}
	slices.Sort(ys)
	return ys[int(SeriesStartShare*float64(len(ys)))], true
}
