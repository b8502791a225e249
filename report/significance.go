package report

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/liaison-net/liaison/inference"
)

// The significance section: shown when the caller sets Report.Significance (liaison report
// --significance N), absent otherwise. Its prose and tables are here, in one place, for both
// forms of the report.

func (rep *Report) significanceIntro() string {
	s := rep.Significance
	return fmt.Sprintf("Against a null of %d random networks (seed %d): %s. Each draw is analysed exactly as the data. A p-value is (1 + draws at least as extreme) / (1 + draws): a small p(≥) says the value of the data is higher than chance would give, a small p(≤) lower.",
		s.Reps, s.Seed, s.Null)
}

var significanceTemplate = template.Must(template.New("significance").Funcs(template.FuncMap{
	"f3": func(v float64) string { return fmt.Sprintf("%.3f", v) },
	"g4": func(v float64) string { return fmt.Sprintf("%.4g", v) },
	"f1": func(v float64) string { return fmt.Sprintf("%.1f", v) },
}).Parse(`<h2>Significance</h2>
<p>{{.Intro}}</p>
<table><tr><th>hub</th><th>rank</th><th>score</th><th>null mean rank</th><th>null mean score</th><th>p(score ≥)</th><th>p(rank ≤)</th></tr>
{{range .S.Hubs}}<tr><td>{{.ID}}</td><td class="n">{{.Rank}}</td><td class="n">{{f3 .Score}}</td><td class="n">{{f1 .NullMeanRank}}</td><td class="n">{{f3 .NullMeanScore}}</td><td class="n">{{f3 .PScore}}</td><td class="n">{{f3 .PRank}}</td></tr>
{{end}}</table>
<table><tr><th>statistic</th><th>observed</th><th>null mean</th><th>null sd</th><th>p(≥)</th><th>p(≤)</th></tr>
{{range .Tests}}<tr><td>{{.Name}}</td><td class="n">{{g4 .Observed}}</td><td class="n">{{g4 .NullMean}}</td><td class="n">{{g4 .NullSD}}</td><td class="n">{{f3 .PGreater}}</td><td class="n">{{f3 .PLess}}</td></tr>
{{end}}</table>
`))

// significanceTests are the centralisation and typology tests, named for the report.
func (rep *Report) significanceTests() []inference.Test {
	var out []inference.Test
	for _, t := range rep.Significance.Centralization {
		t.Name = t.Name + " centralisation"
		out = append(out, t)
	}
	for _, t := range rep.Significance.Typology {
		t.Name = strings.ReplaceAll(t.Name, "_", " ") + " count"
		out = append(out, t)
	}
	return out
}

// SignificanceHTML is the HTML of the significance section ("" without one).
func (rep *Report) SignificanceHTML() (template.HTML, error) {
	if rep.Significance == nil {
		return "", nil
	}
	var b strings.Builder
	err := significanceTemplate.Execute(&b, struct {
		Intro string
		S     *inference.SignificanceResult
		Tests []inference.Test
	}{rep.significanceIntro(), rep.Significance, rep.significanceTests()})
	return template.HTML(b.String()), err
}

// significanceMarkdown is the Markdown of the significance section ("" without one).
func (rep *Report) significanceMarkdown() string {
	s := rep.Significance
	if s == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Significance\n\n%s\n\n", mdCell(rep.significanceIntro()))
	b.WriteString("| hub | rank | score | null mean rank | null mean score | p(score ≥) | p(rank ≤) |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, h := range s.Hubs {
		fmt.Fprintf(&b, "| %s | %d | %.3f | %.1f | %.3f | %.3f | %.3f |\n", mdCell(h.ID), h.Rank, h.Score, h.NullMeanRank, h.NullMeanScore, h.PScore, h.PRank)
	}
	b.WriteString("\n| statistic | observed | null mean | null sd | p(≥) | p(≤) |\n|---|---:|---:|---:|---:|---:|\n")
	for _, t := range rep.significanceTests() {
		fmt.Fprintf(&b, "| %s | %.4g | %.4g | %.4g | %.3f | %.3f |\n", mdCell(t.Name), t.Observed, t.NullMean, t.NullSD, t.PGreater, t.PLess)
	}
	return b.String()
}
