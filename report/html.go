package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/liaison-net/liaison/analysis"
)

// WriteHTML writes the report as one self-contained HTML file: styles and pictures inline,
// nothing fetched from the network.
func (rep *Report) WriteHTML(w io.Writer) error {
	if err := page.Execute(w, rep); err != nil {
		return fmt.Errorf("write HTML report: %w", err)
	}
	return nil
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"svg":      func(s string) template.HTML { return template.HTML(s) },
	"examples": func(l []string, n int) string { return strings.Join(Examples(l, n), ", ") + more(len(l), n) },
	"join":     func(l []string) string { return strings.Join(l, ", ") },
	"factors":  factorText,
	"f3":       func(v float64) string { return fmt.Sprintf("%.3f", v) },
	"roles": func(b analysis.Brokerage) string {
		return fmt.Sprintf("coordinator %d, itinerant %d, gatekeeper/representative %d, liaison %d", b.Coordinator, b.Itinerant, b.Gatekeeper, b.Liaison)
	},
	"inc": func(i int) int { return i + 1 },
	"coreText": func(rep *Report) string {
		k, ids := rep.Core()
		return fmt.Sprintf("The innermost k-core (k = %d) holds %d actors: %s.", k, len(ids), strings.Join(ids, ", "))
	},
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: "Liberation Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; border-bottom: 3px solid #1f3a93; padding-bottom: .2em; }
h2 { color: #1f3a93; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .8em 0; font-size: .92em; }
th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #eef1f8; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.typology td { text-align: center; font-size: 1.3em; padding: .6em 1.4em; }
.typology td.rel { background: #e8edfa; } .typology td.trans { background: #fcefe6; }
.small { font-size: .85em; color: #555; }
figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
@media print { h2 { page-break-after: avoid; } figure { page-break-inside: avoid; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="small">liaison report · {{.Result.Layer.Layer}} layer · {{.Result.Layer.Nodes}} actors · {{.Result.Layer.Edges}} edges</p>

<h2>Summary</h2>
<ul>{{range .Findings}}<li>{{.}}</li>{{end}}</ul>
<table><tr><th>layer</th><th>nodes</th><th>edges</th><th>total weight</th><th>density</th></tr>
{{range .Layers}}<tr><td>{{.Layer}}</td><td class="n">{{.Nodes}}</td><td class="n">{{.Edges}}</td><td class="n">{{printf "%.4g" .TotalWeight}}</td><td class="n">{{printf "%.4f" .Density}}</td></tr>
{{end}}</table>
<p class="small">Data set: {{.Data.Path}} ({{join .Data.Files}}): {{len .Data.Actors}} actors, {{len .Data.Ties}} tie rows, {{len .Data.Clubs}} clubs, {{len .Data.Memberships}} memberships, {{len .Data.Exchanges}} exchanges.</p>

<h2>The network</h2>
{{template "network" .}}

<h2>The four classes of cooperation</h2>
{{with .Result}}<table class="typology">
<tr><th></th><th>transactional</th><th>relational</th></tr>
<tr><th>bilateral (ties)</th><td class="trans">{{.Typology.TransactionalBilateral}}</td><td class="rel">{{.Typology.RelationalBilateral}}</td></tr>
<tr><th>multilateral (clubs)</th><td class="trans">{{.Typology.TransactionalMultilateral}}</td><td class="rel">{{.Typology.RelationalMultilateral}}</td></tr>
</table>
{{end}}<table>
{{range .ClassLists}}<tr><th>{{.Class}}</th><td>{{with .Firm.Shown}}{{join .}}{{else}}none{{end}}{{if .Firm.Rest}} and {{.Firm.Rest}} more (<a href="#{{.Anchor}}">appendix</a>){{end}}{{if .Uncertain}} <span class="small">· {{.Uncertain}} uncertain, listed apart</span>{{end}}</td></tr>
{{end}}</table>
{{with .Uncertain}}<p>Uncertain calls ({{len .}}; 0.2 &lt; p_relational &lt; 0.8: plausible weights and threshold, or a resampled exchange record, change them), listed apart from the firm calls above:</p>{{end}}
{{$u := .UncertainShown}}{{with $u.Rows}}<table><tr><th>tie or club</th><th>class</th><th>decided by</th><th>p_relational</th></tr>
{{range .}}<tr><td>{{.Name}}</td><td>{{.Class}}</td><td>{{.DecidedBy}}</td><td class="n">{{printf "%.2f" .PRelational}}</td></tr>
{{end}}</table>{{if $u.Rest}}<p class="small">… and {{$u.Rest}} more (<a href="#appendix-uncertain">appendix</a>).</p>{{end}}{{end}}
<figure>{{svg .Pictures.Typology}}</figure>

<h2>Alliance hubs</h2>
<table><tr><th>#</th><th>actor</th><th>score</th><th>why</th></tr>
{{range $i, $h := .Result.Hubs}}<tr><td class="n">{{inc $i}}</td><td>{{$h.ID}}{{with $h.Name}} ({{.}}){{end}}</td><td class="n">{{f3 $h.Score}}</td><td>{{$h.Why}}</td></tr>
{{end}}</table>
<figure>{{svg .Pictures.Hubs}}</figure>

<h2>Relational cores</h2>
{{range .Cores}}<p>{{.Text}}</p>{{end}}
{{with .CorePeripheryText}}<p>{{.}}</p>{{end}}
<p>The largest maximal cliques of the bilateral layer (every member tied to every other by a tie of its own; {{len .Result.Cliques}} maximal cliques in the {{.Result.Layer.Layer}} layer, <a href="#appendix-cliques">appendix</a>):</p>
<ul>{{range .BilateralCliques 10}}<li>{{len .}} actors: {{join .}}</li>{{else}}<li>none of 3 or more actors</li>{{end}}</ul>

{{with .BalanceText}}<h2>Rivals and structural balance</h2>
<p>{{.}}</p>{{end}}
{{with .BalanceBlocs}}<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{with .HubRivals}}<table><tr><th>hub</th><th>rivals in the period (weight)</th></tr>
{{range .}}<tr><td>{{.Hub}}</td><td>{{.Rivals}}</td></tr>
{{end}}</table>{{end}}

<h2>Clubs</h2>
{{$cs := .ClubsShown}}{{$clubs := $cs.Rows}}{{$crest := $cs.Rest}}<table><tr><th>club</th><th>members</th><th>class</th><th>score</th><th>factors</th></tr>
{{range $clubs}}<tr><td>{{.ID}}{{if .Name}}<br><span class="small">{{.Name}}</span>{{end}}</td><td class="n">{{len .Members}}</td><td>{{.Class}}</td><td class="n">{{f3 .RelationalScore}}</td><td class="small">{{factors .Factors}}</td></tr>
{{else}}<tr><td colspan="5">no clubs in this period</td></tr>{{end}}</table>
{{if $crest}}<p class="small">The {{len $clubs}} most relational clubs; {{$crest}} more in the <a href="#appendix-clubs">appendix</a>.</p>{{end}}

<h2>Brokers</h2>
<p>Open two-paths a–b–c (a and c not tied) through each broker b, by Gould and Fernandez's roles ({{.Result.Settings.BrokerageGroup}} groups); low constraint means many non-redundant contacts.</p>
<table><tr><th>actor</th><th>brokerage</th><th>roles</th><th>constraint</th></tr>
{{range .Brokers 12}}<tr><td>{{.ID}}</td><td class="n">{{.Total}}</td><td class="small">{{roles .Roles}}</td><td class="n">{{f3 .Constraint}}</td></tr>
{{end}}</table>
<p class="small">The 12 actors with the most brokerage; every actor's in the <a href="#appendix-actors">appendix</a>.</p>

<h2>Communities</h2>
<p>Modularity {{f3 .Result.Communities.Modularity}} (best of {{.Result.Communities.Runs}} Louvain runs).</p>
<table><tr><th>#</th><th>size</th><th>members</th></tr>
{{range $i, $g := .Result.Communities.Groups}}{{$c := $.CommunityCut $g}}<tr><td class="n">{{$i}}</td><td class="n">{{len $g}}</td><td class="small">{{join $c.Shown}}{{if $c.Rest}} and {{$c.Rest}} more (<a href="#appendix-actors">appendix</a>){{end}}</td></tr>
{{end}}</table>

{{if .Series}}<h2>Change over time</h2>
<p class="small">{{.SeriesNote}}</p>
<figure>{{svg .Pictures.Density}}</figure>
<figure>{{svg .Pictures.Classes}}</figure>
<table><tr><th>year</th><th>actors</th><th>edges</th><th>density</th><th>trans. bilateral</th><th>rel. bilateral</th><th>trans. multilateral</th><th>rel. multilateral</th><th>top hubs</th></tr>
{{range .Series}}<tr><td>{{.Year}}</td><td class="n">{{.Actors}}</td><td class="n">{{.Edges}}</td><td class="n">{{printf "%.4f" .Density}}</td><td class="n">{{.Typology.TransactionalBilateral}}</td><td class="n">{{.Typology.RelationalBilateral}}</td><td class="n">{{.Typology.TransactionalMultilateral}}</td><td class="n">{{.Typology.RelationalMultilateral}}</td><td>{{join .TopHubs}}</td></tr>
{{end}}</table>{{end}}

{{.SignificanceHTML}}
{{template "provenance" .}}
<h2>Method</h2>
<ul>{{range .Method}}<li>{{.}}</li>{{end}}</ul>

{{template "appendix" .}}
<script>
// Record the size of every picture (read by the tests through a headless browser).
window.addEventListener("load", function () {
  var s = [];
  document.querySelectorAll("figure svg").forEach(function (e) { var r = e.getBoundingClientRect(); s.push(Math.round(r.width) + "x" + Math.round(r.height)); });
  document.body.setAttribute("data-svg-sizes", s.join(" "));
});
</script>
</body>
</html>
`))
