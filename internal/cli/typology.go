package cli

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

func newTypology(g *globals) *cobra.Command {
	var format string
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "typology PATH",
		Short: "Print the four-class typology of cooperation as a 2×2 table",
		Long: `typology classifies every bilateral tie and every club of the chosen period as relational
or transactional and prints the 2×2 table of the four classes (transactional or relational,
bilateral or multilateral) with their members, then the alliance hubs.`,
		Example: `  liaison typology testdata/example
  liaison typology testdata/example --at 1990 --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			st := newStages(cmd.ErrOrStderr(), false)
			defer st.finish()
			_, _, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			return output(cmd, "", func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, struct {
						Typology analysis.Typology      `json:"typology"`
						Lists    analysis.TypologyLists `json:"typology_lists"`
						Hubs     []analysis.Hub         `json:"hubs"`
					}{r.Typology, r.TypologyLists, r.Hubs})
				}
				return typologyTable(w, r)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	af.register(cmd, false)
	return cmd
}

func typologyTable(w io.Writer, r *analysis.Result) error {
	t, ls := r.Typology, r.TypologyLists
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "\ttransactional\trelational\t")
	fmt.Fprintf(tw, "bilateral (ties)\t%d\t%d\t\n", t.TransactionalBilateral, t.RelationalBilateral)
	fmt.Fprintf(tw, "multilateral (clubs)\t%d\t%d\t\n", t.TransactionalMultilateral, t.RelationalMultilateral)
	if err := tw.Flush(); err != nil {
		return err
	}
	list := func(name string, xs []string) {
		fmt.Fprintf(w, "\n%s (%d):\n", name, len(xs))
		fmt.Fprintln(w, wrap(strings.Join(xs, ", "), 92, "  "))
	}
	list("relational bilateral", ls.RelationalBilateral)
	list("transactional bilateral", ls.TransactionalBilateral)
	list("relational multilateral", ls.RelationalMultilateral)
	list("transactional multilateral", ls.TransactionalMultilateral)
	fmt.Fprintln(w, "\nalliance hubs:")
	for i, h := range r.Hubs {
		fmt.Fprintf(w, "%3d. %-8s %.3f  %s\n", i+1, h.ID, h.Score, h.Why)
	}
	return nil
}

// wrap folds text at width, indenting every line.
func wrap(text string, width int, indent string) string {
	if text == "" {
		return indent + "(none)"
	}
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line)+len(word)+1 > width && strings.TrimSpace(line) != "" {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = indent
		}
		line += word + " "
	}
	b.WriteString(strings.TrimRight(line, " "))
	return b.String()
}

func newExplain(g *globals) *cobra.Command {
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "explain PATH A [B]",
		Short: "Explain the class of the tie A–B (or of club A): each factor and its contribution",
		Long: `explain prints how the relational score of the bilateral tie between actors A and B was
reached: the value of each factor (each in [0, 1]), its weight, and its contribution to the
score (weight × value / the sum of the weights of the factors available for this tie), then
the reciprocity of the pair's exchanges if it has any. With one id it explains a club.`,
		Example: `  liaison explain testdata/example USA GBR
  liaison explain testdata/example PAK USA --at 2005
  liaison explain testdata/example FVEY`,
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.RangeArgs(2, 3)(cmd, args); err != nil {
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
			// One tie or club needs its typology only: no centralities, communities or hubs.
			r, err := analysis.Classify(cmd.Context(), l, ao)
			if err != nil {
				return err
			}
			return output(cmd, "", func(w io.Writer) error {
				if len(args) == 2 {
					return explainClub(w, r, args[1])
				}
				return explainTie(w, r, args[1], args[2])
			})
		},
	}
	af.register(cmd, false)
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
	fmt.Fprintf(w, "tie %s–%s: %s (relational score %.3f; relational from %.2f)\n", a, b, t.Class, t.RelationalScore, r.Settings.Threshold)
	fmt.Fprintf(w, "bilateral weight %.4g; domains %s\n\n", t.Weight, orNone(strings.Join(t.Domains, ", ")))
	explainFactors(w, t.Factors, r.Settings.TieWeights, analysis.TieFactorSpecs)
	if rc := t.Reciprocity; rc != nil {
		fmt.Fprintf(w, "\nexchanges: %d transfers, volume %s→%s %g and %s→%s %g; pattern %s\n",
			rc.Transfers, a, b, rc.VolumeAB, b, a, rc.VolumeBA, rc.Pattern)
		fmt.Fprintf(w, "  balance %.3f, answered %.3f (chance %.3f), specificity %.3f, median lag %.0f days, regularity %.3f\n",
			rc.Balance, rc.Answered, rc.Chance, rc.Specificity, rc.MedianLag, rc.Regularity)
	}
	return nil
}

func explainClub(w io.Writer, r *analysis.Result, id string) error {
	if c, ok := r.Club(id); ok {
		fmt.Fprintf(w, "club %s", c.ID)
		if c.Name != "" {
			fmt.Fprintf(w, " (%s)", c.Name)
		}
		fmt.Fprintf(w, ": %s (relational score %.3f; relational from %.2f)\n", c.Class, c.RelationalScore, r.Settings.Threshold)
		fmt.Fprintf(w, "%d members: %s\n\n", len(c.Members), strings.Join(c.Members, ", "))
		explainFactors(w, c.Factors, r.Settings.ClubWeights, analysis.ClubFactorSpecs)
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
			fmt.Fprintf(tw, "%s\t-\t%g\t-\t%s (no data)\n", s.Name, s.Weight, analysis.FactorHelp(specs, s.Name))
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

func newEvolve(g *globals) *cobra.Command {
	var format string
	var from, to, step, top int
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "evolve PATH --from YEAR --to YEAR",
		Short: "Per-year series: actors, ties, density, typology counts, top hubs",
		Long: `evolve analyses the chosen layer at every step-th year from --from to --to (inclusive) and
prints one row a year: actors, edges, density, the four typology counts and the top hubs.`,
		Example: `  liaison evolve testdata/example --from 1950 --to 2020 --step 10
  liaison evolve testdata/example --from 2000 --to 2010 --format csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json", "csv"); err != nil {
				return err
			}
			if from <= 0 || to < from || step <= 0 {
				return usageError{fmt.Errorf("want --from YEAR --to YEAR with from ≤ to and --step ≥ 1")}
			}
			lo, ao, d, err := prepare(cmd, g, af, args)
			if err != nil {
				return err
			}
			st := newStages(cmd.ErrOrStderr(), false)
			defer st.finish()
			years := analysis.Years(from, to, step)
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
				return evolveTable(w, rows)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	cmd.Flags().IntVar(&from, "from", 0, "first `YEAR`")
	cmd.Flags().IntVar(&to, "to", 0, "last `YEAR`")
	cmd.Flags().IntVar(&step, "step", 1, "years between rows")
	cmd.Flags().IntVar(&top, "top", 3, "number of top hubs per year")
	af.register(cmd, false)
	return cmd
}

func evolveTable(w io.Writer, rows []analysis.YearPoint) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "year\tactors\tedges\tdensity\ttrans. bilateral\trel. bilateral\ttrans. multilateral\trel. multilateral\ttop hubs")
	for _, r := range rows {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%.4f\t%d\t%d\t%d\t%d\t%s\n", r.Year, r.Actors, r.Edges, r.Density,
			r.TransactionalBilateral, r.RelationalBilateral, r.TransactionalMultilateral, r.RelationalMultilateral, strings.Join(r.TopHubs, " "))
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

func newWhatIf(g *globals) *cobra.Command {
	var format, remove string
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "whatif PATH --remove A[,B…]",
		Short: "What changes when actors leave: components, efficiency, relational paths, hubs",
		Long: `whatif analyses the layer with and without the given actors (and every tie, membership and
exchange of theirs) and reports the connected components, the global efficiency (the mean of
1/distance over ordered pairs, path length 1/weight), the ties between remaining actors whose
ends lose their last path over relational ties, and the hub ranking before and after.`,
		Example: `  liaison whatif testdata/example --remove GBR
  liaison whatif testdata/example --remove USA,GBR --at 2005 --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			var ids []string
			for _, id := range strings.Split(remove, ",") {
				if id = strings.TrimSpace(id); id != "" {
					ids = append(ids, id)
				}
			}
			if len(ids) == 0 {
				return usageError{fmt.Errorf("--remove: name at least one actor")}
			}
			ao, err := af.options(nil)
			if err != nil {
				return err
			}
			st := newStages(cmd.ErrOrStderr(), false)
			defer st.finish()
			af.sample = 0 // efficiency needs every source
			_, _, before, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			wi, err := analysis.WhatIf(cmd.Context(), before, ids, ao)
			if errors.Is(err, graphmodel.ErrUnknownRef) {
				return usageError{err}
			}
			if err != nil {
				return err
			}
			return output(cmd, "", func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, wi)
				}
				return whatIfTable(w, wi)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&remove, "remove", "", "actors to remove, comma-separated")
	af.register(cmd, false)
	return cmd
}

func whatIfTable(w io.Writer, wi *analysis.WhatIfResult) error {
	fmt.Fprintf(w, "without %s:\n", strings.Join(wi.Removed, ", "))
	fmt.Fprintf(w, "  components         %d → %d\n", wi.ComponentsBefore, wi.ComponentsAfter)
	change := 0.0
	if wi.EfficiencyBefore > 0 {
		change = 100 * (wi.EfficiencyAfter - wi.EfficiencyBefore) / wi.EfficiencyBefore
	}
	fmt.Fprintf(w, "  global efficiency  %.4f → %.4f (%+.1f%%)\n", wi.EfficiencyBefore, wi.EfficiencyAfter, change)
	fmt.Fprintf(w, "  ties whose ends lose their last relational path: %d\n", len(wi.LostPaths))
	for _, p := range wi.LostPaths {
		fmt.Fprintf(w, "    %s–%s\n", p[0], p[1])
	}
	fmt.Fprintln(w, "  hubs before:", strings.Join(wi.HubsBefore, " "))
	fmt.Fprintln(w, "  hubs after: ", strings.Join(wi.HubsAfter, " "))
	return nil
}
