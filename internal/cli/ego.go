package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/liaison-net/liaison/analysis"
	"github.com/spf13/cobra"
)

func newEgo(g *globals) *cobra.Command {
	var format, out string
	var radius int
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "ego PATH ID [--radius R]",
		Short: "An actor's ego network: partners, their ties, constraint, brokerage, tie classes, changes by year",
		Long: `ego prints the ego network of actor ID in the layer and period: its partners within R steps
(default 1) with the weight and class of each direct tie (relational, transactional, or club:
club co-membership only), the ties among the partners and their density, the ego's Burt
constraint and effective size, its Gould–Fernandez brokerage roles and k-core, its clubs, its
rivals (with rivalries.csv), and the years in which its direct partners changed (the same
layer and filters in each year of the data set's span).`,
		Example: `  liaison ego testdata/example PAK
  liaison ego testdata/example PAK --radius 2 --at 2005 --format json`,
		Args: exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			if radius < 1 {
				return usageError{fmt.Errorf("--radius %d: want a number of steps ≥ 1", radius)}
			}
			st := newStages(cmd.ErrOrStderr(), false)
			defer st.finish()
			d, _, r, err := runAnalysis(cmd, g, af, args[:1], st)
			if err != nil {
				return err
			}
			id, err := d.FindActor(args[1])
			if err != nil {
				return usageError{err}
			}
			if _, ok := r.View.NodeID(id); !ok {
				return usageError{fmt.Errorf("actor %s has no tie, membership or exchange in this period", id)}
			}
			e, err := analysis.Ego(r, id, radius)
			if err != nil {
				return err
			}
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, e)
				}
				return egoTable(termWriter{w}, e)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	cmd.Flags().IntVar(&radius, "radius", 1, "steps from the ego (≥ 1)")
	af.register(cmd, false)
	return cmd
}

func egoTable(w io.Writer, e *analysis.EgoResult) error {
	name := termSafe(e.ID)
	if e.Name != "" {
		name += " (" + termSafe(e.Name) + ")"
	}
	b := e.Brokerage
	fmt.Fprintf(w, "ego %s: %d partners within %d step(s); degree %d, strength %.4g, k-core %d\n", name, len(e.Partners), e.Radius, e.Degree, e.Strength, e.Core)
	fmt.Fprintf(w, "constraint %.3f, effective size %.3f\n", e.Constraint, e.EffectiveSize)
	fmt.Fprintf(w, "brokerage: coordinator %d, itinerant %d, gatekeeper %d, representative %d, liaison %d\n",
		b.Coordinator, b.Itinerant, b.Gatekeeper, b.Representative, b.Liaison)
	fmt.Fprintf(w, "own ties: %d relational, %d transactional, %d club only; clubs: %s\n",
		e.Classes.Relational, e.Classes.Transactional, e.Classes.Club, noneIfEmpty(strings.Join(termSafeAll(e.Clubs), ", ")))
	if e.Rivals != nil {
		fmt.Fprintf(w, "rivals: %s\n", rivalText(e.Rivals))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "partner\tsteps\tweight\tclass\tp_relational")
	for _, p := range e.Partners {
		wt, pr := "", ""
		if p.Distance == 1 {
			wt = fmt.Sprintf("%.4g", p.Weight)
		}
		if p.PRelational != nil {
			pr = fmt.Sprintf("%.2f", *p.PRelational)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", termSafe(p.ID), p.Distance, wt, p.Class, pr)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nties among the partners: %d (density %.3f)\n", len(e.Ties), e.Density)
	for _, t := range e.Ties {
		fmt.Fprintf(w, "  %s–%s %.4g %s\n", termSafe(t.Source), termSafe(t.Target), t.Weight, t.Class)
	}
	if len(e.Years) > 0 {
		fmt.Fprintln(w, "\nchanges by year (direct partners):")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "year\tpartners\tgained\tlost")
		for _, y := range e.Years {
			fmt.Fprintf(tw, "%d\t%d\t%s\t%s\n", y.Year, y.Partners, strings.Join(termSafeAll(y.Gained), " "), strings.Join(termSafeAll(y.Lost), " "))
		}
		tw.Flush()
	}
	return nil
}
