package cli

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/provenance"
)

func newProvenance(g *globals) *cobra.Command {
	var format, out string
	var top int
	o := provenance.Options{}
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "provenance PATH",
		Short: "Find circular reporting, third-party breaches, dependence and convergence in the exchange record",
		Long: `provenance reads the provenance columns of exchanges.csv (report, origin, derived_from,
assessment, caveat; see the README's "Provenance") and reports:

  circular reporting   one origin reaching a consumer along two or more lines (reports or
                       partners) that support one assessment, or the consumer's own reporting
                       coming back to it, with the chains of custody;
  breaches             transfers outside a report's release set (NOFORN, REL TO), onward
                       transfers of ORCON material, and onward transfers to an actor with whom
                       the originator has no agreement (the third-party rule);
  dependence           per consumer (and assessment) the Herfindahl index of its items over
                       origins and over partners;
  convergence          per assessment, independent origins / partners.

With --at YEAR the record up to the end of that year is read. Path enumeration is bounded
(--path-cap, --step-cap, --total-steps); the output says when a bound was hit.`,
		Example: `  liaison provenance testdata/provenance
  liaison provenance testdata/provenance --at 2001 --format json`,
		Args: af.pathArg(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			opts, err := g.options()
			if err != nil {
				return err
			}
			for _, f := range []struct {
				name string
				v    int
			}{{"path-cap", o.PathCap}, {"step-cap", o.StepCap}, {"total-steps", o.TotalSteps}, {"min-partners", o.MinPartners}} {
				if f.v < 1 {
					return usageError{fmt.Errorf("--%s %d: want an integer ≥ 1", f.name, f.v)}
				}
			}
			if !(o.MaxRatio > 0 && o.MaxRatio <= 1) || math.IsNaN(o.MaxRatio) {
				return usageError{fmt.Errorf("--max-ratio %v: want a number in (0, 1]", o.MaxRatio)}
			}
			if top < 0 {
				return usageError{fmt.Errorf("--top %d: want a count ≥ 0 (0: all)", top)}
			}
			d, err := af.load(cmd, args)
			if err != nil {
				return err
			}
			if !provenance.Has(d) {
				return fmt.Errorf("%s: %w", d.Path, provenance.ErrNoProvenance)
			}
			o.At = opts.At
			r, err := provenance.Analyze(d, o)
			if err != nil {
				return err
			}
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return r.WriteJSON(w)
				}
				return provenanceTable(termWriter{w}, r, top)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "table", "output format: table or json")
	f.StringVarP(&out, "output", "o", "", "write to this `FILE` (atomically) instead of stdout")
	f.IntVar(&top, "top", 20, "table: list at most `N` findings of each kind (0: all)")
	f.IntVar(&o.PathCap, "path-cap", provenance.DefaultPathCap, "most chains of custody listed per line of a circular finding")
	f.IntVar(&o.StepCap, "step-cap", provenance.DefaultStepCap, "most search steps spent on one line")
	f.IntVar(&o.TotalSteps, "total-steps", provenance.DefaultTotalSteps, "most search steps spent on all lines together")
	f.IntVar(&o.MinPartners, "min-partners", provenance.DefaultMinPartners, "partners from which an assessment's convergence is flagged")
	f.Float64Var(&o.MaxRatio, "max-ratio", provenance.DefaultMaxRatio, "independent origins / partners at or below which a convergence is flagged")
	af.registerNeo4j(cmd)
	return cmd
}

func provenanceTable(w io.Writer, r *provenance.Result, top int) error {
	limit := func(n int) int {
		if top > 0 && top < n {
			return top
		}
		return n
	}
	more := func(shown, n int) {
		if shown < n {
			fmt.Fprintf(w, "  … and %d more (--top 0 lists all)\n", n-shown)
		}
	}
	period := "all time"
	if r.At != 0 {
		period = fmt.Sprintf("up to the end of %d", r.At)
	}
	fmt.Fprintf(w, "provenance record, %s: %d reports, %d transfers with a report, %d exchange%s without one\n",
		period, r.Reports, r.Transfers, r.Untracked, plural(r.Untracked))

	fmt.Fprintf(w, "\ncircular reporting: %d finding%s\n", len(r.Circular), plural(len(r.Circular)))
	for _, c := range r.Circular[:limit(len(r.Circular))] {
		what := fmt.Sprintf("%d lines from one origin, %s", len(c.Lines), termSafe(c.Origin))
		if c.Kind == "returned" {
			what = fmt.Sprintf("its own reporting comes back along %d line%s", len(c.Lines), plural(len(c.Lines)))
		}
		fmt.Fprintf(w, "  %s, assessment %s: %s (%s)\n", termSafe(c.Consumer), termSafe(c.Assessment), what, c.Kind)
		for _, l := range c.Lines {
			rows := make([]string, len(l.Rows))
			for i, n := range l.Rows {
				rows[i] = fmt.Sprint(n)
			}
			fmt.Fprintf(w, "    %s from %s (line %s)\n", termSafe(l.Report), termSafe(l.Partner), strings.Join(rows, ", "))
			for _, p := range l.Paths {
				fmt.Fprintf(w, "      %s\n", termSafe(p.String()))
			}
			if l.Capped {
				fmt.Fprintf(w, "      … (path search capped: --path-cap %d, --step-cap %d)\n", r.Settings.PathCap, r.Settings.StepCap)
			}
		}
	}
	more(limit(len(r.Circular)), len(r.Circular))
	if r.Unsearched > 0 {
		fmt.Fprintf(w, "  %d lines left without paths: --total-steps %d spent\n", r.Unsearched, r.Settings.TotalSteps)
	}

	fmt.Fprintf(w, "\nthird-party breaches: %d\n", len(r.Breaches))
	if len(r.Breaches) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  line\tdate\treport\tfrom → to\trule\tsource\toriginator\tcaveat")
		for _, b := range r.Breaches[:limit(len(r.Breaches))] {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s → %s\t%s\t%s\t%s\t%s\n", b.Line, b.Date, termSafe(b.Report), termSafe(b.From), termSafe(b.To),
				b.Rule, termSafe(b.Source), termSafe(b.Originator), termSafe(b.Caveat))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		more(limit(len(r.Breaches)), len(r.Breaches))
	}

	deps := slices.Clone(r.Dependence)
	slices.SortStableFunc(deps, func(a, b provenance.Dependence) int {
		return cmp.Or(cmp.Compare(b.HHIOrigin, a.HHIOrigin), naturalCompare(a.Consumer, b.Consumer))
	})
	fmt.Fprintf(w, "\ndependence: %d consumer%s, most dependent on one origin first\n", len(deps), plural(len(deps)))
	if len(deps) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  consumer\titems\tHHI origin\ttop origin\tHHI partner\ttop partner")
		for _, d := range deps[:limit(len(deps))] {
			fmt.Fprintf(tw, "  %s\t%d\t%.3f\t%s %.0f%%\t%.3f\t%s %.0f%%\n", termSafe(d.Consumer), d.Items, d.HHIOrigin,
				termSafe(d.TopOrigin), 100*d.OriginShare, d.HHIPartner, termSafe(d.TopPartner), 100*d.PartnerShare)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		more(limit(len(deps)), len(deps))
	}

	flagged := 0
	for _, c := range r.Convergence {
		if c.Flagged {
			flagged++
		}
	}
	fmt.Fprintf(w, "\nconvergence: %d assessment%s, %d flagged (≥ %d partners, origins/partners ≤ %g)\n",
		len(r.Convergence), plural(len(r.Convergence)), flagged, r.Settings.MinPartners, r.Settings.MaxRatio)
	if len(r.Convergence) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  assessment\titems\tpartners\torigins\tratio\t")
		for _, c := range r.Convergence[:limit(len(r.Convergence))] {
			flag := ""
			if c.Flagged {
				flag = "flagged"
			}
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%.2f\t%s\n", termSafe(c.Assessment), c.Items, len(c.Partners), len(c.Origins), c.Ratio, flag)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		more(limit(len(r.Convergence)), len(r.Convergence))
	}
	return nil
}
