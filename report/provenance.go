package report

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/liaison-net/liaison/provenance"
)

// The report's provenance section: shown when the data set has provenance columns
// (Result.Provenance), with a picture of the worst circular finding's chains of custody.

// ProvenanceView is what the provenance section shows.
type ProvenanceView struct {
	*provenance.Result
	Worst      *provenance.Circular // the circular finding with the most lines; nil when none
	Dependent  []provenance.Dependence
	Flagged    []provenance.Convergence
	Breaches   []provenance.Breach // the first ones, in line order
	MoreBreach int
	Circulars  []provenance.Circular // the first ones, worst first
	MoreCirc   int
}

// Provenance returns the section's content; nil when the data set has no provenance record.
func (rep *Report) Provenance() *ProvenanceView {
	p := rep.Result.Provenance
	if p == nil {
		return nil
	}
	v := &ProvenanceView{Result: p}
	if len(p.Circular) > 0 {
		v.Worst = &p.Circular[0]
	}
	v.Circulars = p.Circular[:min(10, len(p.Circular))]
	v.MoreCirc = len(p.Circular) - len(v.Circulars)
	v.Breaches = p.Breaches[:min(20, len(p.Breaches))]
	v.MoreBreach = len(p.Breaches) - len(v.Breaches)
	v.Dependent = slices.Clone(p.Dependence)
	slices.SortStableFunc(v.Dependent, func(a, b provenance.Dependence) int {
		return cmp.Or(cmp.Compare(b.HHIOrigin, a.HHIOrigin), cmp.Compare(b.Items, a.Items), strings.Compare(a.Consumer, b.Consumer))
	})
	v.Dependent = v.Dependent[:min(10, len(v.Dependent))]
	for _, c := range p.Convergence {
		if c.Flagged {
			v.Flagged = append(v.Flagged, c)
		}
	}
	return v
}

// WorstText describes the worst circular finding in one sentence.
func (v *ProvenanceView) WorstText() string {
	c := v.Worst
	if c == nil {
		return "No circular reporting: no consumer received two lines of support for one assessment from one origin, nor its own reporting back."
	}
	if c.Kind == "returned" {
		return fmt.Sprintf("Worst case: %s's own reporting came back to it along %d line(s) supporting %s, looking like partners' corroboration.", c.Consumer, len(c.Lines), c.Assessment)
	}
	partners := map[string]bool{}
	for _, l := range c.Lines {
		partners[l.Partner] = true
	}
	return fmt.Sprintf("Worst case: %s received %d apparently independent items supporting %s from %d partner(s), all resting on one origin, %s.",
		c.Consumer, len(c.Lines), c.Assessment, len(partners), c.Origin)
}

// PathText is the shortest chain of custody of a line ("" when none was searched).
func PathText(l provenance.Line) string {
	if len(l.Paths) == 0 {
		return ""
	}
	return l.Paths[0].String()
}

// provenancePicture draws the worst circular finding: the origin on the left, the consumer
// on the right, one row per line along its shortest chain of custody, arrows labelled with
// the report carried; "" when there is no finding.
func provenancePicture(rep *Report) string {
	p := rep.Result.Provenance
	if p == nil || len(p.Circular) == 0 {
		return ""
	}
	c := &p.Circular[0]
	type row struct {
		actors, reports, derived []string // derived[k]: the report actors[k] wrote, if any
	}
	var rows []row
	maxHops := 1
	for _, l := range c.Lines {
		if len(l.Paths) == 0 {
			continue
		}
		var r row
		for _, s := range l.Paths[0].Steps {
			switch s.Kind {
			case "collect", "author":
				r.actors, r.derived = append(r.actors, s.Actor), append(r.derived, "")
			case "transfer", "gap":
				label := s.Report
				if s.Kind == "gap" {
					label += " (unrecorded)"
				}
				r.reports = append(r.reports, label)
				r.actors, r.derived = append(r.actors, s.To), append(r.derived, "")
			case "derive":
				r.derived[len(r.derived)-1] = s.Report
			}
		}
		rows = append(rows, r)
		maxHops = max(maxHops, len(r.reports))
	}
	if len(rows) == 0 {
		return ""
	}
	const rowH, margin, r0 = 90.0, 70.0, 16.0
	width := max(640, 2*margin+float64(maxHops)*170)
	height := 70 + float64(len(rows))*rowH
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="12">`, width, height, width, height)
	b.WriteString(`<defs><marker id="prov-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>`)
	fmt.Fprintf(&b, `<text x="%.0f" y="22" font-size="14" font-weight="bold">%s</text>`, margin/2,
		html.EscapeString(fmt.Sprintf("%s ← %s: %d lines from %s (%s)", c.Consumer, c.Assessment, len(c.Lines), c.Origin, c.Kind)))
	midY := 40 + float64(len(rows))*rowH/2
	ox, cx := margin, width-margin
	node := func(x, y float64, id, fill string) {
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.0f" fill="%s" stroke="#333"/><text x="%.1f" y="%.1f" text-anchor="middle" font-weight="bold">%s</text>`,
			x, y, r0, fill, x, y-r0-5, html.EscapeString(id))
	}
	// arrow draws a transfer from (x1, y1) to (x2, y2); bend > 0 curves it through the
	// height bendY at its middle (a one-hop line between the two shared end nodes).
	arrow := func(x1, y1, x2, y2 float64, label string, dashed bool, bend bool, bendY float64) {
		dash := ""
		if dashed {
			dash = ` stroke-dasharray="5,4"`
		}
		if bend {
			mx, cy := (x1+x2)/2, 2*bendY-(y1+y2)/2 // the curve passes bendY at its middle
			fmt.Fprintf(&b, `<path d="M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f" fill="none" stroke="#555" stroke-width="1.6"%s marker-end="url(#prov-arrow)"/>`,
				x1+r0, y1, mx, cy, x2-r0, y2, dash)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#444">%s</text>`, mx, bendY-6, html.EscapeString(label))
			return
		}
		dx, dy := x2-x1, y2-y1
		n := max(1e-9, math.Hypot(dx, dy))
		x1, y1 = x1+dx/n*r0, y1+dy/n*r0
		x2, y2 = x2-dx/n*r0, y2-dy/n*r0
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#555" stroke-width="1.6"%s marker-end="url(#prov-arrow)"/>`, x1, y1, x2, y2, dash)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#444">%s</text>`, (x1+x2)/2, (y1+y2)/2-6, html.EscapeString(label))
	}
	for i, r := range rows {
		y := 40 + rowH/2 + float64(i)*rowH
		hops := len(r.reports)
		xs := make([]float64, len(r.actors))
		ys := make([]float64, len(r.actors))
		for k := range r.actors {
			xs[k] = ox + (cx-ox)*float64(k)/float64(hops)
			ys[k] = y
		}
		xs[0], ys[0] = ox, midY
		xs[hops], ys[hops] = cx, midY
		for k := 0; k < hops; k++ {
			arrow(xs[k], ys[k], xs[k+1], ys[k+1], r.reports[k], strings.HasSuffix(r.reports[k], "(unrecorded)"), hops == 1, y)
		}
		for k := 1; k < hops; k++ {
			fill := "#d9d9d9"
			if r.actors[k] == c.Consumer { // the consumer's own hand in the chain
				fill = "#9ecae1"
			}
			node(xs[k], ys[k], r.actors[k], fill)
			if r.derived[k] != "" {
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-style="italic" fill="#8c2d04">%s</text>`, xs[k], ys[k]+r0+14, html.EscapeString("writes "+r.derived[k]))
			}
		}
	}
	node(ox, midY, rows[0].actors[0], "#e6550d")
	node(cx, midY, c.Consumer, "#3182bd")
	if rows[0].derived[0] != "" {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-style="italic" fill="#8c2d04">%s</text>`, ox, midY+r0+14, html.EscapeString("writes "+rows[0].derived[0]))
	}
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" fill="#555">%s</text>`, margin/2, height-10,
		html.EscapeString("origin (orange) → partners (grey; light blue: the consumer itself) → consumer (blue); one row per line of apparent support"))
	b.WriteString(`</svg>`)
	return b.String()
}

// The HTML of the section, a template of page (html.go) that it calls.
var _ = template.Must(page.New("provenance").Funcs(template.FuncMap{"pathText": PathText, "pct": func(v float64) float64 { return 100 * v }}).Parse(`{{with .Provenance}}
<h2>Provenance: circular reporting, breaches, dependence</h2>
<p>The exchange record's provenance columns: {{.Reports}} reports, {{.Transfers}} transfers with a report{{if .At}} up to the end of {{.At}}{{end}}, {{.Untracked}} exchange(s) without one. {{len .Circular}} circular finding(s), {{len .Result.Breaches}} breach(es), {{len .Flagged}} flagged convergence(s).</p>
<p>{{.WorstText}}</p>
{{with $.Pictures.Provenance}}<figure>{{svg .}}<figcaption class="small">The worst circular finding: each row is one apparently independent item, drawn along its shortest chain of custody from the origin to the consumer; "writes R" marks a report derived at that actor.</figcaption></figure>{{end}}
{{if .Circulars}}<table><tr><th>consumer</th><th>assessment</th><th>origin</th><th>kind</th><th>lines (report from partner: shortest chain)</th></tr>
{{range .Circulars}}<tr><td>{{.Consumer}}</td><td>{{.Assessment}}</td><td>{{.Origin}}</td><td>{{.Kind}}</td><td class="small">{{range .Lines}}{{.Report}} from {{.Partner}}: {{pathText .}}<br>{{end}}</td></tr>
{{end}}</table>{{if .MoreCirc}}<p class="small">… and {{.MoreCirc}} more (liaison provenance lists them all).</p>{{end}}{{end}}
{{if .Breaches}}<h3>Third-party breaches</h3>
<table><tr><th>line</th><th>date</th><th>report</th><th>from → to</th><th>rule</th><th>source</th><th>originator</th></tr>
{{range .Breaches}}<tr><td class="n">{{.Line}}</td><td>{{.Date}}</td><td>{{.Report}}</td><td>{{.From}} → {{.To}}</td><td>{{.Rule}}{{if and .Caveat (ne .Caveat .Rule)}} ({{.Caveat}}){{end}}</td><td>{{.Source}}</td><td>{{.Originator}}</td></tr>
{{end}}</table>{{if .MoreBreach}}<p class="small">… and {{.MoreBreach}} more.</p>{{end}}{{end}}
{{if .Dependent}}<h3>Dependence</h3>
<table><tr><th>consumer</th><th>items</th><th>HHI origin</th><th>top origin</th><th>HHI partner</th><th>top partner</th></tr>
{{range .Dependent}}<tr><td>{{.Consumer}}</td><td class="n">{{.Items}}</td><td class="n">{{f3 .HHIOrigin}}</td><td>{{.TopOrigin}} ({{printf "%.0f%%" (pct .OriginShare)}})</td><td class="n">{{f3 .HHIPartner}}</td><td>{{.TopPartner}} ({{printf "%.0f%%" (pct .PartnerShare)}})</td></tr>
{{end}}</table>{{end}}
{{if .Flagged}}<h3>Convergence</h3>
<table><tr><th>assessment</th><th>partners</th><th>independent origins</th><th>ratio</th></tr>
{{range .Flagged}}<tr><td>{{.Assessment}}</td><td>{{join .Partners}}</td><td>{{join .Origins}}</td><td class="n">{{printf "%.2f" .Ratio}}</td></tr>
{{end}}</table>{{end}}
<p class="small">Rules (README, "Provenance"): a line is a report received from a partner in support of an assessment; lines share an origin when the roots of their derived_from chains do. Breaches: NOFORN and REL TO release sets (inherited by derived reports), ORCON onward transfers, and onward transfers to an actor with whom the originator has no tie, shared club or earlier exchange in that year. Convergence (origins / partners) is an indicator of collusive politicization, not a proof of it.</p>
{{end}}`))

// markdownProvenance writes the section in Markdown; pic inlines the picture.
func (rep *Report) markdownProvenance(w io.Writer, pic func(key, alt string)) {
	v := rep.Provenance()
	if v == nil {
		return
	}
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("## Provenance: circular reporting, breaches, dependence\n\n")
	p("%d reports, %d transfers with a report, %d exchange(s) without one; %d circular finding(s), %d breach(es), %d flagged convergence(s).\n\n",
		v.Reports, v.Transfers, v.Untracked, len(v.Circular), len(v.Result.Breaches), len(v.Flagged))
	p("%s\n\n", mdCell(v.WorstText()))
	pic("provenance", "the worst circular finding: one row per line, along its shortest chain of custody")
	if len(v.Circulars) > 0 {
		p("| consumer | assessment | origin | kind | lines |\n|---|---|---|---|---|\n")
		for _, c := range v.Circulars {
			var ls []string
			for _, l := range c.Lines {
				ls = append(ls, mdCell(l.Report+" from "+l.Partner+": "+PathText(l)))
			}
			p("| %s | %s | %s | %s | %s |\n", mdCell(c.Consumer), mdCell(c.Assessment), mdCell(c.Origin), c.Kind, strings.Join(ls, "<br>"))
		}
		p("\n")
	}
	if len(v.Breaches) > 0 {
		p("| line | date | report | from → to | rule | source | originator |\n|---:|---|---|---|---|---|---|\n")
		for _, b := range v.Breaches {
			rule := b.Rule
			if b.Caveat != "" && b.Caveat != b.Rule {
				rule += " (" + b.Caveat + ")"
			}
			p("| %d | %s | %s | %s → %s | %s | %s | %s |\n", b.Line, b.Date, mdCell(b.Report), mdCell(b.From), mdCell(b.To), mdCell(rule), mdCell(b.Source), mdCell(b.Originator))
		}
		if v.MoreBreach > 0 {
			p("\n… and %d more.\n", v.MoreBreach)
		}
		p("\n")
	}
	if len(v.Flagged) > 0 {
		p("Flagged convergence (independent origins / partners ≤ %g with ≥ %d partners; an indicator, not a proof):\n\n", v.Settings.MaxRatio, v.Settings.MinPartners)
		for _, c := range v.Flagged {
			p("- %s: partners %s; origins %s (%.2f)\n", mdCell(c.Assessment), mdCell(strings.Join(c.Partners, ", ")), mdCell(strings.Join(c.Origins, ", ")), c.Ratio)
		}
		p("\n")
	}
}
