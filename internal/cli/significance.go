package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/inference"
)

func newSignificance(g *globals) *cobra.Command {
	var format, out string
	var reps int
	var nullSeed uint64
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "significance PATH [--reps N]",
		Short: "Are the hubs, the centralisation and the typology counts more than chance?",
		Long: `significance analyses the layer of the data set at PATH, then --reps data sets of a null model
(seeded by --null-seed), each analysed exactly as the data: the bilateral edges of the period
rewired by double-edge swaps (every actor keeps its bilateral degree; an edge's tie rows and
exchanges move with it) and the club memberships swapped between clubs (every club keeps its
size, every actor its number of clubs). It reports, for each listed hub, the share of null
draws in which its hub score (its rank) is at least as high (as good); and for Freeman's
degree and betweenness centralisation and the four typology counts, the shares of draws at
least and at most as large. A p-value is (1 + draws as extreme) / (1 + reps).`,
		Example: `  liaison significance testdata/example --at 2005
  liaison significance testdata/example --reps 199 --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			if err := inferenceFlag("reps", reps); err != nil {
				return err
			}
			ao, err := af.options(nil)
			if err != nil {
				return err
			}
			st := newStages(cmd.ErrOrStderr(), false)
			defer st.finish()
			_, _, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			st.begin("null draws")
			s, err := inference.Significance(cmd.Context(), r, inference.SignificanceOptions{
				Reps: reps, Seed: nullSeed, Analysis: ao,
				Progress: func(done, total int) { st.progress("null draws", done, total) },
			})
			if err != nil {
				return err
			}
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, s)
				}
				return significanceTable(termWriter{w}, s)
			})
		},
	}
	f := cmd.Flags()
	f.IntVar(&reps, "reps", 99, "number of null draws")
	f.Uint64Var(&nullSeed, "null-seed", 1, "seed of the null draws")
	f.StringVar(&format, "format", "table", "output format: table or json")
	f.StringVarP(&out, "output", "o", "", "write to this `FILE` (atomically)")
	af.register(cmd, false)
	return cmd
}

func significanceTable(w io.Writer, s *inference.SignificanceResult) error {
	period := "all time"
	if s.At != 0 {
		period = fmt.Sprint(s.At)
	}
	fmt.Fprintf(w, "%s layer, %s\n", s.Layer, period)
	fmt.Fprintf(w, "null: %s\n", s.Null)
	fmt.Fprintf(w, "%d draws (seed %d); swaps accepted per draw: %.0f of edges, %.0f of memberships\n\n", s.Reps, s.Seed, s.TieSwaps, s.MembershipSwaps)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "hub\trank\tscore\tnull mean rank\tnull mean score\tp(score)\tp(rank)\t")
	for _, h := range s.Hubs {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.1f\t%.3f\t%.3f\t%.3f\t\n", termSafe(h.ID), h.Rank, h.Score, h.NullMeanRank, h.NullMeanScore, h.PScore, h.PRank)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "statistic\tobserved\tnull mean\tnull sd\tp(>=)\tp(<=)\t")
	for _, group := range []struct {
		prefix string
		tests  []inference.Test
	}{{"centralisation ", s.Centralization}, {"", s.Typology}} {
		for _, t := range group.tests {
			fmt.Fprintf(tw, "%s%s\t%.4g\t%.4g\t%.4g\t%.3f\t%.3f\t\n", group.prefix, t.Name, t.Observed, t.NullMean, t.NullSD, t.PGreater, t.PLess)
		}
	}
	return tw.Flush()
}

// reportSignificance runs the significance tests for liaison report --significance N (nil for
// N = 0), with the null seed 1.
func reportSignificance(cmd *cobra.Command, af *analysisFlags, r *analysis.Result, reps int, st *stages) (*inference.SignificanceResult, error) {
	if reps == 0 {
		return nil, nil
	}
	ao, err := af.options(nil)
	if err != nil {
		return nil, err
	}
	st.begin("significance")
	return inference.Significance(cmd.Context(), r, inference.SignificanceOptions{Reps: reps, Seed: 1, Analysis: ao,
		Progress: func(done, total int) { st.progress("significance", done, total) }})
}
