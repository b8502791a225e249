package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/liaison-net/liaison/analysis"
	"github.com/spf13/cobra"
)

func newExplain(g *globals) *cobra.Command {
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "explain PATH A [B]",
		Short: "Explain the class of the tie A–B (or of club A): each factor and its contribution; or actor A's standing and rivals",
		Long: `explain prints how the relational score of the bilateral tie between actors A and B was
reached: the value of each factor (each in [0, 1]), its weight, and its contribution to the
score (weight × value / the sum of the weights of the factors available for this tie), then
the reciprocity of the pair's exchanges if it has any. With one id it explains a club, or an
actor: its hub rank, its core–periphery standing and, with rivalries.csv, its rivals in the
period and its bloc in the balance partition. With rivalries.csv a tie's explanation ends
with the rivals of both ends.`,
		Example: `  liaison explain testdata/example USA GBR
  liaison explain testdata/example PAK USA --at 2005
  liaison explain testdata/example FVEY
  liaison explain cow-signed GMY --at 1914`,
		Args: func(cmd *cobra.Command, args []string) error {
			lo, hi := 2, 3 // PATH A [B]
			if af.fromNeo4j {
				lo, hi = 1, 2 // A [B]
			}
			if err := cobra.RangeArgs(lo, hi)(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lo, ao, d, err := prepare(cmd, g, af, args)
			if err != nil {
				return err
			}
			l, err := d.Layer(lo)
			if err != nil {
				return err
			}
			// Ids in any case, or names; a typo gets a suggestion.
			names := args[1:]
			if af.fromNeo4j {
				names = args
			}
			var ids []string
			for _, s := range names {
				find := d.FindActor
				if len(names) == 1 {
					find = d.FindClub
					if a, err := d.FindActor(s); err == nil {
						if _, err := d.FindClub(s); err != nil {
							return explainActorRun(cmd, l, ao, a) // explain_actor.go
						}
					}
				}
				id, err := find(s)
				if err != nil {
					return usageError{err}
				}
				ids = append(ids, id)
			}
			// One tie or club needs its typology only: no centralities, communities or hubs.
			r, err := analysis.Classify(cmd.Context(), l, ao)
			if err != nil {
				return err
			}
			warn(cmd, r.Warnings)
			return output(cmd, "", func(w io.Writer) error {
				if len(ids) == 1 {
					return explainClub(termWriter{w}, r, ids[0])
				}
				if err := explainTie(termWriter{w}, r, ids[0], ids[1]); err != nil {
					return err
				}
				explainTieRivals(termWriter{w}, r, ids[0], ids[1]) // explain_actor.go
				return nil
			})
		},
	}
	af.register(cmd, false)
	af.registerNeo4j(cmd)
	return cmd
}

func explainTie(w io.Writer, r *analysis.Result, a, b string) error {
	if a > b {
		a, b = b, a
	}
	t, ok := r.Tie(a, b)
	if !ok {
		return usageError{fmt.Errorf("no bilateral tie between %q and %q in this period", a, b)}
	}
	fmt.Fprintf(w, "tie %s–%s: %s, decided by %s (p_relational %.2f; relational score %.3f, relational from %.2f)\n",
		termSafe(a), termSafe(b), t.Class, t.DecidedBy, t.PRelational, t.RelationalScore, r.Settings.TieThreshold)
	fmt.Fprintf(w, "bilateral weight %.4g; domains %s\n\n", t.Weight, orNone(strings.Join(termSafeAll(t.Domains), ", ")))
	explainFactors(w, t.Factors, r.Settings.TieWeights, analysis.TieFactorSpecs)
	explainLeverage(w, t.Factors, r.Settings.TieWeights)
	if rc := t.Reciprocity; rc != nil {
		fmt.Fprintf(w, "\nexchanges up to the period: %d transfers (%s→%s %d, volume %.4g; %s→%s %d, volume %.4g); pattern %s\n",
			rc.Transfers, a, b, rc.TransfersAB, rc.VolumeAB, b, a, rc.TransfersBA, rc.VolumeBA, rc.Pattern)
		fmt.Fprintf(w, "  balance %.3f, asymmetry %+.3f, answered %.3f (chance %.3f), specificity %.3f, median lag %.0f days, regularity %.3f\n",
			rc.Balance, rc.Asymmetry, rc.Answered, rc.Chance, rc.Specificity, rc.MedianLag, rc.Regularity)
		explainTest(w, rc, r.Settings)
	}
	return nil
}

// explainTest says whether the exchange record decided the class, and why.
func explainTest(w io.Writer, rc *analysis.Reciprocity, s analysis.TypologySettings) {
	if !rc.Rich {
		fmt.Fprintf(w, "  thin record (fewer than %d transfers each way): the factors decide\n", s.MinEach)
		return
	}
	fmt.Fprintf(w, "  rich record: answered %.3f against %.3f in %d timing-shuffled draws, p = %.3f (specific below %.2f)", rc.Answered, rc.NullAnswered, s.NullDraws, rc.PSpecific, s.Alpha)
	if rc.Verdict != "" {
		fmt.Fprintf(w, ": reciprocity decides, %s\n", rc.Verdict)
	} else {
		fmt.Fprintln(w, ": one-sided, the factors decide")
	}
}

// explainLeverage lists the factors that move the score most.
func explainLeverage(w io.Writer, f analysis.Factors, weights map[string]float64) {
	lv := analysis.Leverage(f, weights)
	if len(lv) == 0 {
		return
	}
	var parts []string
	for _, s := range lv[:min(3, len(lv))] {
		parts = append(parts, fmt.Sprintf("%s %+.3f", s.Name, s.Contribution))
	}
	fmt.Fprintf(w, "moved most by: %s (the score's change if that weight grew e-fold)\n", strings.Join(parts, ", "))
}

func explainClub(w io.Writer, r *analysis.Result, id string) error {
	if c, ok := r.Club(id); ok {
		fmt.Fprintf(w, "club %s", termSafe(c.ID))
		if c.Name != "" {
			fmt.Fprintf(w, " (%s)", termSafe(c.Name))
		}
		fmt.Fprintf(w, ": %s, decided by %s (p_relational %.2f; relational score %.3f, relational from %.2f)\n",
			c.Class, c.DecidedBy, c.PRelational, c.RelationalScore, r.Settings.Threshold)
		fmt.Fprintf(w, "%d members: %s\n\n", len(c.Members), strings.Join(termSafeAll(c.Members), ", "))
		explainFactors(w, c.Factors, r.Settings.ClubWeights, analysis.ClubFactorSpecs)
		explainLeverage(w, c.Factors, r.Settings.ClubWeights)
		if rc := c.Reciprocity; rc != nil {
			fmt.Fprintf(w, "\nmembers' exchanges with each other: %d transfers; pattern %s\n", rc.Transfers, rc.Pattern)
			fmt.Fprintf(w, "  generalised balance %.3f, answered %.3f (chance %.3f), specificity %.3f\n", rc.Balance, rc.Answered, rc.Chance, rc.Specificity)
			explainTest(w, rc, r.Settings)
		}
		return nil
	}
	return usageError{fmt.Errorf("no club %q active in this period", id)}
}

func explainFactors(w io.Writer, f analysis.Factors, weights map[string]float64, specs []analysis.Factor) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "factor\tvalue\tweight\tcontribution\tmeaning")
	total := 0.0
	for _, s := range analysis.Contributions(f, weights) {
		if !s.Available {
			fmt.Fprintf(tw, "%s\t-\t%g\t-\tabstains: %s\n", s.Name, s.Weight, analysis.FactorAbstains(specs, s.Name))
			continue
		}
		total += s.Contribution
		fmt.Fprintf(tw, "%s\t%.3f\t%g\t%.3f\t%s\n", s.Name, s.Value, s.Weight, s.Contribution, analysis.FactorHelp(specs, s.Name))
	}
	fmt.Fprintf(tw, "score\t\t\t%.3f\t\n", total)
	tw.Flush()
}

func orNone(s string) string {
	if s == "" {
		return "none given"
	}
	return s
}
