package report

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/internal/atomicfile"
)

// WriteMarkdown writes the report as Markdown to mdPath and its pictures beside it as SVG
// files named after it (report.md: report-network.svg, report-hubs.svg, …), each atomically.
// It returns the paths written.
func (rep *Report) WriteMarkdown(mdPath string) ([]string, error) {
	stem := strings.TrimSuffix(filepath.Base(mdPath), filepath.Ext(mdPath))
	dir := filepath.Dir(mdPath)
	pics := []struct{ name, svg string }{
		{"network", rep.Pictures.Network}, {"typology", rep.Pictures.Typology}, {"hubs", rep.Pictures.Hubs},
		{"density", rep.Pictures.Density}, {"classes", rep.Pictures.Classes}, {"provenance", rep.Pictures.Provenance},
	}
	files := map[string]string{}
	var written []string
	for _, p := range pics {
		if p.svg == "" {
			continue
		}
		name := stem + "-" + p.name + ".svg"
		files[p.name] = name
		path := filepath.Join(dir, name)
		if err := atomicfile.Write(path, func(w io.Writer) error {
			_, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+p.svg+"\n")
			return err
		}); err != nil {
			return written, fmt.Errorf("write Markdown report: %w", err)
		}
		written = append(written, path)
	}
	if err := atomicfile.Write(mdPath, func(w io.Writer) error { return rep.markdown(w, files) }); err != nil {
		return written, fmt.Errorf("write Markdown report: %w", err)
	}
	return append(written, mdPath), nil
}

// mdCell makes s text in Markdown, for a table cell, a list item or a line: HTML's
// special characters become entities (so no text from the data set, such as an actor id
// `"><img src=x onerror=…>`, can become a tag when the report is rendered), Markdown's
// inline syntax (emphasis, code, links, table pipes, backslash escapes) is backslash-escaped
// and line breaks become spaces. An underscore inside a word (FIVE_EYES) cannot start
// emphasis and stays as it is. Every text the report writes passes through it.
func mdCell(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '\r', '\n':
			if r == '\n' && i > 0 && s[i-1] == '\r' {
				continue
			}
			b.WriteByte(' ')
		case '\\', '|', '`', '*', '[', ']':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '_':
			if !(i > 0 && wordByte(s[i-1]) && i+1 < len(s) && wordByte(s[i+1])) {
				b.WriteByte('\\')
			}
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wordByte says whether c is an ASCII letter or digit.
func wordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (rep *Report) markdown(out io.Writer, pics map[string]string) error {
	w := bufio.NewWriter(out)
	r := rep.Result
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	pic := func(key, alt string) {
		if f, ok := pics[key]; ok {
			p("![%s](%s)\n\n", mdCell(alt), url.PathEscape(f))
		}
	}
	p("# %s\n\n", mdCell(rep.Title))
	p("## Summary\n\n")
	for _, f := range rep.Findings() {
		p("- %s\n", mdCell(f))
	}
	p("\n| layer | nodes | edges | total weight | density |\n|---|---:|---:|---:|---:|\n")
	for _, l := range rep.Layers {
		p("| %s | %d | %d | %.4g | %.4f |\n", mdCell(string(l.Layer)), l.Nodes, l.Edges, l.TotalWeight, l.Density)
	}
	p("\nData set: %s (%s): %d actors, %d tie rows, %d clubs, %d memberships, %d exchanges.\n\n",
		mdCell(rep.Data.Path), mdCell(strings.Join(rep.Data.Files, ", ")), len(rep.Data.Actors), len(rep.Data.Ties), len(rep.Data.Clubs), len(rep.Data.Memberships), len(rep.Data.Exchanges))
	p("## The network\n\n")
	pic("network", "the network: node size is the hub score, colour the community; solid blue relational ties, dashed orange transactional, grey club co-membership only")
	t := r.Typology
	p("## The four classes of cooperation\n\n|  | transactional | relational |\n|---|---:|---:|\n")
	p("| **bilateral** (ties) | %d | %d |\n| **multilateral** (clubs) | %d | %d |\n\n", t.TransactionalBilateral, t.RelationalBilateral, t.TransactionalMultilateral, t.RelationalMultilateral)
	for _, c := range rep.ClassLists() {
		text := c.Firm.Text()
		if text == "" {
			text = "none"
		}
		if c.Uncertain > 0 {
			text += fmt.Sprintf(" · %d uncertain, listed apart", c.Uncertain)
		}
		p("- %s: %s\n", mdCell(c.Class), mdCell(text))
	}
	p("\n")
	if u := rep.UncertainShown(); len(u.Rows) > 0 {
		p("Uncertain calls (%d; %g < p_relational < %g: plausible weights and threshold, or a resampled exchange record, change them), listed apart from the firm calls above:\n\n| tie or club | class | decided by | p_relational |\n|---|---|---|---:|\n", len(u.Rows)+u.Rest, analysis.UncertainLow, analysis.UncertainHigh)
		for _, c := range u.Rows {
			p("| %s | %s | %s | %.2f |\n", mdCell(c.Name), mdCell(c.Class), mdCell(c.DecidedBy), c.PRelational)
		}
		if u.Rest > 0 {
			p("\n… and %d more (complete in the appendix).\n", u.Rest)
		}
		p("\n")
	}
	pic("typology", "bar chart of the four classes")
	p("## Alliance hubs\n\n| # | actor | score | why |\n|---:|---|---:|---|\n")
	for i, h := range r.Hubs {
		name := h.ID
		if h.Name != "" {
			name += " (" + h.Name + ")"
		}
		p("| %d | %s | %.3f | %s |\n", i+1, mdCell(name), h.Score, mdCell(h.Why))
	}
	p("\n")
	pic("hubs", "bar chart of the hub scores")
	p("## Relational cores\n\n")
	for _, c := range rep.Cores() {
		p("%s\n\n", mdCell(c.Text()))
	}
	p("The largest maximal cliques of the bilateral layer (%d maximal cliques in the %s layer; all in the appendix):\n\n", len(r.Cliques), mdCell(string(r.Layer.Layer)))
	for _, c := range rep.BilateralCliques(CliquesCut) {
		p("- %d actors: %s\n", len(c), mdCell(strings.Join(c, ", ")))
	}
	rep.markdownStructure(p) // structure.go
	cs := rep.ClubsShown()
	p("\n## Clubs\n\n| club | members | class | score | factors |\n|---|---:|---|---:|---|\n")
	for _, c := range cs.Rows {
		p("| %s | %d | %s | %.3f | %s |\n", mdCell(c.ID), len(c.Members), mdCell(c.Class), c.RelationalScore, mdCell(factorText(c.Factors)))
	}
	if cs.Rest > 0 {
		p("\nThe %d most relational clubs; %d more in the appendix.\n", len(cs.Rows), cs.Rest)
	}
	p("\n## Brokers\n\nOpen two-paths a–b–c (a and c not tied) through each broker b, by Gould and Fernandez's roles (%s groups).\n\n", mdCell(r.Settings.BrokerageGroup))
	p("| actor | brokerage | coordinator | itinerant | gatekeeper/representative | liaison | constraint |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, b := range rep.Brokers(12) {
		p("| %s | %d | %d | %d | %d | %d | %.3f |\n", mdCell(b.ID), b.Total, b.Roles.Coordinator, b.Roles.Itinerant, b.Roles.Gatekeeper, b.Roles.Liaison, b.Constraint)
	}
	p("\n## Communities\n\nModularity %.3f (best of %d Louvain runs).\n\n| # | size | members |\n|---:|---:|---|\n", r.Communities.Modularity, r.Communities.Runs)
	for i, g := range r.Communities.Groups {
		p("| %d | %d | %s |\n", i, len(g), mdCell(rep.CommunityCut(g).Text()))
	}
	if len(rep.Series) > 0 {
		p("\n## Change over time\n\n%s\n\n", mdCell(rep.SeriesNote()))
		pic("density", "density over time")
		pic("classes", "the four classes over time")
		p("| year | actors | edges | density | trans. bilateral | rel. bilateral | trans. multilateral | rel. multilateral | top hubs |\n|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
		for _, s := range rep.Series {
			p("| %d | %d | %d | %.4f | %d | %d | %d | %d | %s |\n", s.Year, s.Actors, s.Edges, s.Density, s.Typology.TransactionalBilateral,
				s.Typology.RelationalBilateral, s.Typology.TransactionalMultilateral, s.Typology.RelationalMultilateral, mdCell(strings.Join(s.TopHubs, ", ")))
		}
	}
	p("%s", rep.significanceMarkdown())
	p("\n")
	rep.markdownProvenance(w, pic)
	p("## Method\n\n")
	for _, m := range rep.Method() {
		p("- %s\n", mdCell(m))
	}
	rep.markdownAppendix(p)
	return w.Flush()
}
