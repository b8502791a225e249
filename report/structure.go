package report

import (
	"fmt"
	"strings"

	"github.com/liaison-net/liaison/analysis"
)

// This file is the report's core–periphery paragraph and its section on rivals and
// structural balance (present with rivalries.csv), as plain text that the HTML and Markdown
// writers escape and place.

// CorePeripheryText describes the discrete core/periphery partition and both fits; "" when
// the analysis has none.
func (rep *Report) CorePeripheryText() string {
	cp := rep.Result.CorePeriphery
	if cp == nil {
		return ""
	}
	return fmt.Sprintf("Core–periphery (Borgatti–Everett, unweighted): a core of %d actors (%s) fits the ideal pattern with r = %.3f; "+
		"densities core %.2f, core–periphery %.2f, periphery %.2f. The continuous coreness fits with r = %.3f; highest: %s.",
		len(cp.Core), strings.Join(Examples(cp.Core, 12), ", ")+more(len(cp.Core), 12), cp.DiscreteFit, cp.Densities.Core, cp.Densities.CorePeriphery,
		cp.Densities.Periphery, cp.ContinuousFit, strings.Join(topCoreness(cp, 5), ", "))
}

// topCoreness lists the k actors of highest coreness with their values, ties by id.
func topCoreness(cp *analysis.CorePeripheryResult, k int) []string {
	order := make([]analysis.ActorCoreness, len(cp.Coreness))
	copy(order, cp.Coreness)
	for i := 1; i < len(order); i++ { // insertion sort: stable, by coreness descending
		for j := i; j > 0 && order[j].Coreness > order[j-1].Coreness; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	var out []string
	for _, a := range order[:min(k, len(order))] {
		out = append(out, fmt.Sprintf("%s %.3f", a.ID, a.Coreness))
	}
	return out
}

// BalanceText summarises the signed network's structural balance; "" without rivalries.
func (rep *Report) BalanceText() string {
	b := rep.Result.Balance
	if b == nil {
		return ""
	}
	t := b.Triads
	s := fmt.Sprintf("Signed network of the period: %d positive ties (the layer's edges) and %d rivalries between its actors "+
		"(%d pairs both allied and rivals count as rivals; %d rivalries with an actor outside the layer left out). ",
		b.Positive, b.Negative, b.Ambivalent, b.Outside)
	if t.Total() == 0 {
		return s + "No triangle of three actors has all three pairs tied, so structural balance is not measured."
	}
	p := b.Partition
	return s + fmt.Sprintf("Of %d signed triangles, %.1f%% are balanced (+++ %d, +−− %d; unbalanced ++− %d, −−− %d) and %.1f%% weakly balanced. "+
		"The best partition into %d blocs (Doreian–Mrvar, α = %.1f) leaves %s inside a bloc and %s between blocs (error %.1f).",
		t.Total(), 100*b.Balanced, t.PPP, t.PNN, t.PPN, t.NNN, 100*b.WeaklyBalanced, p.K, p.Alpha,
		count(p.NegativeWithin, "rivalry", "rivalries"), count(p.PositiveBetween, "tie", "ties"), p.Error)
}

// BalanceBlocs lists the partition's blocs as text, one per item.
func (rep *Report) BalanceBlocs() []string {
	b := rep.Result.Balance
	if b == nil || b.Triads.Total() == 0 {
		return nil
	}
	var out []string
	for i, c := range b.Partition.Clusters {
		out = append(out, fmt.Sprintf("bloc %d (%d): %s", i+1, len(c), strings.Join(c, ", ")))
	}
	return out
}

// HubRivalRow is one hub and its rivals in the period, as text.
type HubRivalRow struct {
	Hub, Rivals string
}

// HubRivals lists each hub's rivals (heaviest first; "also tied" marks an ambivalent pair).
func (rep *Report) HubRivals() []HubRivalRow {
	b := rep.Result.Balance
	if b == nil {
		return nil
	}
	var out []HubRivalRow
	for _, h := range b.HubRivals {
		var parts []string
		for _, r := range h.Rivals {
			p := fmt.Sprintf("%s (%.4g)", r.ID, r.Weight)
			if r.Tied {
				p += " also tied"
			}
			parts = append(parts, p)
		}
		txt := strings.Join(parts, ", ")
		if txt == "" {
			txt = "none"
		}
		out = append(out, HubRivalRow{Hub: h.ID, Rivals: txt})
	}
	return out
}

// markdownStructure writes the Markdown of this file: the core–periphery paragraph (under the
// k-cores) and, with rivalries, the section on rivals and balance.
func (rep *Report) markdownStructure(p func(format string, args ...any)) {
	if s := rep.CorePeripheryText(); s != "" {
		p("\n%s\n", mdCell(s))
	}
	if s := rep.BalanceText(); s != "" {
		p("\n## Rivals and structural balance\n\n%s\n\n", mdCell(s))
		for _, b := range rep.BalanceBlocs() {
			p("- %s\n", mdCell(b))
		}
		if rows := rep.HubRivals(); len(rows) > 0 {
			p("\n| hub | rivals in the period (weight) |\n|---|---|\n")
			for _, r := range rows {
				p("| %s | %s |\n", mdCell(r.Hub), mdCell(r.Rivals))
			}
		}
	}
}

// count is n with the noun's singular or plural.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
