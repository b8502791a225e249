package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/liaison-net/liaison/analysis"
)

// The prose shared by the HTML and Markdown forms.

func (rep *Report) period() string {
	o := rep.Layer.Options
	s := "all time"
	if o.At != 0 {
		s = fmt.Sprintf("the year %d", o.At)
	}
	if rep.First != "" {
		s += fmt.Sprintf(" (the data run from %s to %s)", rep.First, rep.Last)
	}
	return s
}

// Method is the method section: every definition and parameter used.
func (rep *Report) Method() []string {
	o := rep.Layer.Options
	st := rep.Result.Settings
	w := func(m map[string]float64, names []string) string {
		var parts []string
		for _, n := range names {
			parts = append(parts, fmt.Sprintf("%s %g", n, m[n]))
		}
		return strings.Join(parts, ", ")
	}
	layer := map[string]string{
		"bilateral": "the bilateral layer: one edge per pair with an active tie or exchange, weighted by the sum of the active tie rows' weights and exchange volumes",
		"clubs":     "the club layer: the two-mode projection of club memberships",
		"combined":  fmt.Sprintf("the combined layer: bilateral weight + %g × club weight", o.ClubWeight),
	}[string(o.Layer)]
	proj := "each club of k ≥ 2 active members adds 1/(k−1) to every pair of its members (Newman's collaboration weighting)"
	if o.Projection == "count" {
		proj = "each club adds 1 to every pair of its members (count projection)"
	}
	return []string{
		fmt.Sprintf("Layer analysed: %s, over %s. Club projection: %s.", layer, rep.period(), proj),
		"Weights are tie strengths: an actor's strength is the sum of its ties' weights. Path-based measures take 1/weight as the length of a tie (a stronger tie is a shorter path); path lengths equal within a relative 1e-9 are ties.",
		"Betweenness is Brandes', normalised by 2/((n−1)(n−2)); closeness is Wasserman and Faust's; eigenvector centrality is the principal eigenvector of the weighted adjacency matrix (unit norm); PageRank has damping 0.85; k-cores and clustering ignore weights; constraint and effective size are Burt's on weights; communities are the best of the weighted Louvain runs (resolution 1).",
		fmt.Sprintf("Evidence rules: where a pair's exchange record is rich (at least %d transfers each way), its reciprocity decides — specific (answered share above a timing-shuffled null of %d draws at p < %g): transactional; else balanced: relational — and decided_by says \"reciprocity\"; elsewhere the factors decide: the weighted mean of the factors with evidence (a factor without evidence abstains, never counts 0); weights: %s; relational from %g (clubs: %g).",
			st.MinEach, st.NullDraws, st.Alpha, w(st.TieWeights, analysis.TieFactors), st.TieThreshold, st.Threshold),
		"Tie factors: " + factorList(analysis.TieFactorSpecs) + ".",
		fmt.Sprintf("Club factors (weights %s): %s. Saturation %g years, small club %g, weight scale %g, core scale %g.", w(st.ClubWeights, analysis.ClubFactors), factorList(analysis.ClubFactorSpecs), st.Saturation, st.SmallClub, st.WeightScale, st.CoreScale),
		fmt.Sprintf("Reciprocity: a transfer is answered by a transfer the other way within %d days and within a factor %g of its volume; specificity is the excess of answered transfers over chance. Reference year: %d.", st.Window, st.VolumeRatio, st.ReferenceYear),
		fmt.Sprintf("Uncertainty: p_relational is the share of %d Monte Carlo draws (each weight scaled within ±%g, the threshold shifted within ±%g, seed %d; with exchanges, one of %d block-bootstrap resamples of the record) in which the call is relational.", st.Draws, st.WeightSpread, st.ThresholdSpread, st.Seed, analysis.Resamples),
		fmt.Sprintf("Alliance hub score: (eigenvector/max + betweenness/max + clubs/max)/3. Brokerage roles (Gould and Fernandez) use %s groups.", st.BrokerageGroup),
	}
}

// Finding is a headline of the summary.
func (rep *Report) Findings() []string {
	r := rep.Result
	t := r.Typology
	var out []string
	out = append(out, fmt.Sprintf("%d actors and %d edges in the %s layer over %s; %d component(s).",
		r.Layer.Nodes, r.Layer.Edges, r.Layer.Layer, rep.period(), r.Layer.Components))
	out = append(out, fmt.Sprintf("Of %d bilateral ties, %d are relational and %d transactional; of %d clubs, %d are relational and %d transactional.",
		t.RelationalBilateral+t.TransactionalBilateral, t.RelationalBilateral, t.TransactionalBilateral,
		t.RelationalMultilateral+t.TransactionalMultilateral, t.RelationalMultilateral, t.TransactionalMultilateral))
	if len(r.Hubs) > 0 {
		out = append(out, fmt.Sprintf("The leading alliance hub is %s (%s).", r.Hubs[0].ID, r.Hubs[0].Why))
	}
	for _, c := range rep.Cores() {
		out = append(out, c.Text())
	}
	out = append(out, fmt.Sprintf("Louvain finds %d communities (modularity %.3f).", len(r.Communities.Groups), r.Communities.Modularity))
	return out
}

func more(n, shown int) string {
	if n > shown {
		return fmt.Sprintf(" and %d more", n-shown)
	}
	return ""
}

// ClubsByScore lists the clubs, most relational first.
func (rep *Report) ClubsByScore() []analysis.ClubResult {
	c := append([]analysis.ClubResult(nil), rep.Result.Clubs...)
	sort.SliceStable(c, func(i, j int) bool { return c[i].RelationalScore > c[j].RelationalScore })
	return c
}

// factorText formats factors as "name 0.50, …".
func factorText(f analysis.Factors) string {
	var parts []string
	f.Each(func(n string, v float64) { parts = append(parts, fmt.Sprintf("%s %.2f", n, v)) })
	return strings.Join(parts, ", ")
}

// factorList describes factors as "name (help)", from the registry.
func factorList(specs []analysis.Factor) string {
	parts := make([]string, len(specs))
	for i, f := range specs {
		parts[i] = f.Name + " (" + f.Help + ")"
	}
	return strings.Join(parts, "; ")
}
