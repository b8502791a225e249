package report

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/analysis"
)

// The appendix: every list of the report complete, as tables (sortable in the HTML page by a
// click on a column's head). Each table is a header and rows of cells, shared by the HTML and
// Markdown writers.

// maxCliquesListed bounds the cliques of the appendix; above it the appendix says how many
// there are and where to get them all (analyze's JSON).
const maxCliquesListed = 2000

// Table is one appendix table.
type Table struct {
	ID, Title, Note string
	Head            []string
	Num             []bool // numeric columns (right-aligned, sorted as numbers)
	Rows            [][]string
}

func g4(v float64) string  { return strconv.FormatFloat(v, 'g', 4, 64) }
func f3s(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

// Appendix builds the appendix tables: actors, ties, uncertain calls, clubs, cliques.
func (rep *Report) Appendix() []Table {
	r := rep.Result
	hub := analysis.HubScores(r)
	rank := map[string]int{}
	for i, h := range r.Hubs {
		rank[h.ID] = i + 1
	}
	actors := Table{ID: "appendix-actors", Title: "All actors",
		Head: []string{"actor", "name", "community", "hub score", "hub rank", "degree", "strength", "betweenness", "eigenvector", "core", "clustering", "constraint", "brokerage"},
		Num:  []bool{false, false, true, true, true, true, true, true, true, true, true, true, true}}
	for u, a := range r.Actors {
		name := ""
		if act := rep.Layer.ActorOf(int64(u)); act != nil {
			name = act.Name
		}
		hr := ""
		if k := rank[a.ID]; k > 0 {
			hr = strconv.Itoa(k)
		}
		b := a.Brokerage
		actors.Rows = append(actors.Rows, []string{a.ID, name, strconv.Itoa(a.Community), f3s(hub[u]), hr, strconv.Itoa(a.Degree),
			g4(a.Strength), strconv.FormatFloat(a.Betweenness, 'f', 4, 64), strconv.FormatFloat(a.Eigenvector, 'f', 4, 64), strconv.Itoa(a.Core),
			f3s(a.Clustering), f3s(a.Constraint), strconv.Itoa(b.Coordinator + b.Itinerant + b.Gatekeeper + b.Liaison)})
	}
	u := rep.uncertainSet()
	ties := Table{ID: "appendix-ties", Title: "All bilateral ties", Note: "uncertain: " + uncertainRange(),
		Head: []string{"source", "target", "weight", "class", "p_relational", "relational score", "decided by", "uncertain", "domains"},
		Num:  []bool{false, false, true, false, true, true, false, false, false}}
	for _, t := range r.Ties {
		un := ""
		if u[t.Source+"–"+t.Target] {
			un = "yes"
		}
		ties.Rows = append(ties.Rows, []string{t.Source, t.Target, g4(t.Weight), t.Class, strconv.FormatFloat(t.PRelational, 'f', 2, 64),
			f3s(t.RelationalScore), t.DecidedBy, un, strings.Join(t.Domains, ";")})
	}
	unc := Table{ID: "appendix-uncertain", Title: "All uncertain calls", Note: uncertainRange(),
		Head: []string{"tie or club", "class", "decided by", "p_relational"}, Num: []bool{false, false, false, true}}
	for _, c := range rep.Uncertain() {
		unc.Rows = append(unc.Rows, []string{c.Name, c.Class, c.DecidedBy, strconv.FormatFloat(c.PRelational, 'f', 2, 64)})
	}
	clubs := Table{ID: "appendix-clubs", Title: "All clubs",
		Head: []string{"club", "name", "members", "class", "relational score", "p_relational", "decided by", "factors"},
		Num:  []bool{false, false, true, false, true, true, false, false}}
	for _, c := range rep.ClubsByScore() {
		clubs.Rows = append(clubs.Rows, []string{c.ID, c.Name, strconv.Itoa(len(c.Members)), c.Class, f3s(c.RelationalScore),
			strconv.FormatFloat(c.PRelational, 'f', 2, 64), c.DecidedBy, factorText(c.Factors)})
	}
	cl := rep.LargestCliques(len(r.Cliques))
	cliques := Table{ID: "appendix-cliques", Title: fmt.Sprintf("All maximal cliques of the %s layer", r.Layer.Layer),
		Head: []string{"size", "members"}, Num: []bool{true, false}}
	if len(cl) > maxCliquesListed {
		cliques.Note = fmt.Sprintf("%d maximal cliques; the %d largest are listed, `liaison analyze --format json` lists every one", len(cl), maxCliquesListed)
		cl = cl[:maxCliquesListed]
	}
	for _, c := range cl {
		cliques.Rows = append(cliques.Rows, []string{strconv.Itoa(len(c)), strings.Join(c, ", ")})
	}
	return []Table{actors, ties, unc, clubs, cliques}
}

func uncertainRange() string {
	return fmt.Sprintf("%g < p_relational < %g", analysis.UncertainLow, analysis.UncertainHigh)
}

// appendixHTML writes the appendix tables as HTML, by hand (thousands of rows).
func (rep *Report) AppendixHTML() template.HTML {
	var b strings.Builder
	for _, t := range rep.Appendix() {
		fmt.Fprintf(&b, "<h3 id=\"%s\">%s (%d)</h3>\n", t.ID, html.EscapeString(t.Title), len(t.Rows))
		if t.Note != "" {
			fmt.Fprintf(&b, "<p class=\"small\">%s</p>\n", html.EscapeString(t.Note))
		}
		if len(t.Rows) == 0 {
			b.WriteString("<p class=\"small\">none</p>\n")
			continue
		}
		b.WriteString("<table class=\"sortable\"><thead><tr>")
		for i, h := range t.Head {
			if t.Num[i] {
				b.WriteString(`<th data-num="1">`)
			} else {
				b.WriteString("<th>")
			}
			b.WriteString(html.EscapeString(h))
			b.WriteString("</th>")
		}
		b.WriteString("</tr></thead><tbody>\n")
		for _, row := range t.Rows {
			b.WriteString("<tr>")
			for i, c := range row {
				if t.Num[i] {
					b.WriteString(`<td class="n">`)
				} else {
					b.WriteString("<td>")
				}
				b.WriteString(html.EscapeString(c))
				b.WriteString("</td>")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody></table>\n")
	}
	return template.HTML(b.String())
}

// sortJS sorts a table.sortable by the column whose head is clicked (again: the other way).
const sortJS = `document.querySelectorAll("table.sortable").forEach(function (t) {
  t.querySelectorAll("th").forEach(function (th, i) {
    th.style.cursor = "pointer"; th.title = "sort";
    th.addEventListener("click", function () {
      var num = th.hasAttribute("data-num"), dir = th.getAttribute("data-dir") === "up" ? -1 : 1;
      t.querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-dir"); });
      th.setAttribute("data-dir", dir === 1 ? "up" : "down");
      var body = t.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[i].textContent, y = b.cells[i].textContent;
        if (num) { var p = x === "" ? Infinity : +x, q = y === "" ? Infinity : +y; return dir * (p - q); }
        return dir * x.localeCompare(y, undefined, { numeric: true });
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});`

// The appendix section of the HTML page, parsed into the page's template set as "appendix".
var _ = template.Must(page.New("appendix").Funcs(template.FuncMap{"sortJS": func() template.JS { return template.JS(sortJS) }}).Parse(`<h2 id="appendix">Appendix</h2>
<p class="small">Every list of the report, complete. Click a column's head to sort by it.</p>
{{.AppendixHTML}}
<script>{{sortJS}}</script>
`))

// markdownAppendix writes the appendix tables as Markdown.
func (rep *Report) markdownAppendix(p func(string, ...any)) {
	p("\n## Appendix\n\nEvery list of the report, complete.\n")
	for _, t := range rep.Appendix() {
		p("\n### %s (%d)\n\n", mdCell(t.Title), len(t.Rows))
		if t.Note != "" {
			p("%s\n\n", mdCell(t.Note))
		}
		if len(t.Rows) == 0 {
			p("none\n")
			continue
		}
		var head, rule []string
		for i, h := range t.Head {
			head = append(head, mdCell(h))
			if t.Num[i] {
				rule = append(rule, "---:")
			} else {
				rule = append(rule, "---")
			}
		}
		p("| %s |\n|%s|\n", strings.Join(head, " | "), strings.Join(rule, "|"))
		for _, row := range t.Rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = mdCell(c)
			}
			p("| %s |\n", strings.Join(cells, " | "))
		}
	}
}
