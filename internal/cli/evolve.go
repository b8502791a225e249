package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/liaison-net/liaison/analysis"
	"github.com/spf13/cobra"
)

func newEvolve(g *globals) *cobra.Command {
	var format string
	var from, to, step, top int
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "evolve PATH [--from YEAR] [--to YEAR]",
		Short: "Per-year series: actors, ties, density, typology counts, top hubs",
		Long: `evolve analyses the chosen layer at every step-th year from --from to --to (inclusive) and
prints one row a year: actors, edges, density, the four typology counts and the top hubs.

Without --from (--to) the series starts (ends) at the first (last) year in which a tie row,
membership or exchange of the data set can be active (a club's own dates before its first
membership do not count). Without --step the step is 1 when both --from and --to are given,
and otherwise the smallest step that gives at most 50 rows.`,
		Example: `  liaison evolve testdata/example
  liaison evolve testdata/example --from 1950 --to 2020 --step 10
  liaison evolve testdata/example --from 2000 --to 2010 --format csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json", "csv"); err != nil {
				return err
			}
			if cmd.Flags().Changed("from") && from <= 0 || cmd.Flags().Changed("to") && to <= 0 || step < 0 {
				return usageError{fmt.Errorf("want --from YEAR --to YEAR with from ≤ to and --step ≥ 1")}
			}
			if from > 0 && to > 0 && to < from {
				return usageError{fmt.Errorf("want --from YEAR --to YEAR with from ≤ to and --step ≥ 1")}
			}
			lo, ao, d, err := prepare(cmd, g, af, args)
			if err != nil {
				return err
			}
			first, last, ok := d.ActiveSpan()
			if (from == 0 || to == 0) && !ok {
				return usageError{fmt.Errorf("the data set has no years: give --from YEAR and --to YEAR")}
			}
			defaultStep := from == 0 || to == 0
			var years []int
			if from == 0 {
				from = first
			}
			if to == 0 {
				to = last
			}
			if to < from {
				return usageError{fmt.Errorf("--from %d --to %d: from is after to (the data's years are %d–%d)", from, to, first, last)}
			}
			st := newStages(cmd.ErrOrStderr(), false)
			defer st.finish()
			switch {
			case step == 0 && defaultStep:
				years = analysis.SeriesYears(from, to, 50)
			case step == 0:
				years = analysis.Years(from, to, 1)
			default:
				years = analysis.Years(from, to, step)
			}
			ao.Progress = st.progress
			rows, err := analysis.Evolve(cmd.Context(), d, lo, ao, years, top)
			if err != nil {
				return err
			}
			return output(cmd, "", func(w io.Writer) error {
				switch format {
				case "json":
					return writeJSON(w, rows)
				case "csv":
					return evolveCSV(w, rows)
				}
				return evolveTable(termWriter{w}, rows)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	cmd.Flags().IntVar(&from, "from", 0, "first `YEAR` (default: the first year of the data)")
	cmd.Flags().IntVar(&to, "to", 0, "last `YEAR` (default: the last year of the data)")
	cmd.Flags().IntVar(&step, "step", 0, "years between rows (0: 1 with --from and --to, else the smallest step giving at most 50 rows)")
	cmd.Flags().IntVar(&top, "top", 3, "number of top hubs per year")
	af.register(cmd, false)
	return cmd
}

func evolveTable(w io.Writer, rows []analysis.YearPoint) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "year\tactors\tedges\tdensity\ttrans. bilateral\trel. bilateral\ttrans. multilateral\trel. multilateral\ttop hubs")
	for _, r := range rows {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%.4f\t%d\t%d\t%d\t%d\t%s\n", r.Year, r.Actors, r.Edges, r.Density,
			r.TransactionalBilateral, r.RelationalBilateral, r.TransactionalMultilateral, r.RelationalMultilateral, strings.Join(termSafeAll(r.TopHubs), " "))
	}
	return tw.Flush()
}

func evolveCSV(w io.Writer, rows []analysis.YearPoint) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"year", "actors", "edges", "density", "transactional_bilateral", "relational_bilateral", "transactional_multilateral", "relational_multilateral", "top_hubs"})
	for _, r := range rows {
		_ = cw.Write([]string{strconv.Itoa(r.Year), strconv.Itoa(r.Actors), strconv.Itoa(r.Edges), strconv.FormatFloat(r.Density, 'g', -1, 64),
			strconv.Itoa(r.TransactionalBilateral), strconv.Itoa(r.RelationalBilateral), strconv.Itoa(r.TransactionalMultilateral),
			strconv.Itoa(r.RelationalMultilateral), strings.Join(r.TopHubs, ";")})
	}
	cw.Flush()
	return cw.Error()
}
