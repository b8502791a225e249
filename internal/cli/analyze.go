package cli

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/liaison-net/liaison/analysis"
	"github.com/spf13/cobra"
)

func newAnalyze(g *globals) *cobra.Command {
	var format, out, sortBy, metrics string
	var top, blocs int
	var noTypology bool
	af := &analysisFlags{onePeriod: true, compactTies: true, releaseRows: true}
	cmd := &cobra.Command{
		Use:   "analyze PATH",
		Short: "Compute the network measures, the typology and the hubs of a layer",
		Long: `analyze loads the data set at PATH, builds the chosen layer (--layer, --at, --club-weight,
--projection) and computes the measures of the contract for every actor, the relational or
transactional class of every bilateral tie and club, the four-class typology, the alliance
hubs and the brokerage roles. The JSON form is the contract's document, sorted and
byte-identical from run to run.

--metrics LIST computes only the metrics listed (and what they need: typology needs
eigenvector and betweenness for the hubs, and community when the brokerage groups are
communities); the JSON then says which in "metrics" and leaves the others out, and the table
has only their columns. --no-typology is every metric but the typology.`,
		Example: `  liaison analyze testdata/example --format table
  liaison analyze testdata/example --layer bilateral --at 2005 --format json -o analysis.json
  liaison analyze big.csv --sample 200 --timings
  liaison analyze big.csv --metrics degree,pagerank,core --format json`,
		Args: af.pathArg(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			var by *analysis.Measure
			if sortBy != "" {
				for i, m := range analysis.Measures {
					if strings.EqualFold(m.Name, sortBy) || m.Column != "" && strings.EqualFold(m.Column, sortBy) {
						by = &analysis.Measures[i]
					}
				}
				if by == nil {
					return usageError{fmt.Errorf("--sort %q: want a measure: %s", sortBy, strings.Join(measureNames(), ", "))}
				}
			}
			if top < 0 {
				return usageError{fmt.Errorf("--top %d: want a count ≥ 0 (0: all)", top)}
			}
			if blocs < 1 {
				return usageError{fmt.Errorf("--balance-blocs %d: want a number of blocs ≥ 1", blocs)}
			}
			if (by != nil || top > 0) && format != "table" {
				return usageError{fmt.Errorf("--sort and --top apply to --format table")}
			}
			if err := af.chooseMetrics(cmd, metrics, noTypology); err != nil {
				return err
			}
			if by != nil && af.metrics != nil && !slices.Contains(af.metrics, by.Name) {
				return usageError{fmt.Errorf("--sort %s: not among --metrics %s", by.Name, strings.Join(af.metrics, ","))}
			}
			st := newStages(cmd.ErrOrStderr(), af.timings)
			defer st.finish()
			_, _, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			if blocs != 2 { // structure.go's default
				r.Rebalance(analysis.BalanceOptions{Clusters: blocs})
			}
			st.begin("write")
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return r.WriteJSON(w)
				}
				return analysisTable(termWriter{w}, r, by, top)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&sortBy, "sort", "", "table: sort the actors by this `MEASURE`, descending (default: by id, naturally: A2 before A10)")
	cmd.Flags().IntVar(&top, "top", 0, "table: list only the first `N` actors (0: all)")
	cmd.Flags().IntVar(&blocs, "balance-blocs", 2, "with rivalries.csv: the number of blocs `K` of the balance partition (JSON balance.partition)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this `FILE` (atomically) instead of stdout")
	cmd.Flags().StringVar(&metrics, "metrics", "", "compute only these metrics, comma-separated (default: all): "+strings.Join(analysis.Metrics, ", "))
	cmd.Flags().BoolVar(&noTypology, "no-typology", false, "every metric but the typology (ties, clubs, classes, brokerage, hubs)")
	af.register(cmd, true)
	af.registerNeo4j(cmd)
	return cmd
}

// measureNames lists the measures --sort takes.
func measureNames() []string {
	var out []string
	for _, m := range analysis.Measures {
		if m.Column != "" {
			out = append(out, m.Name)
		}
	}
	return out
}

// analysisTable prints one line per actor: by id in natural order, or by the measure by,
// descending (actors without a value last, ties by id); the first top only when top > 0.
func analysisTable(w io.Writer, r *analysis.Result, by *analysis.Measure, top int) error {
	l := r.Layer
	fmt.Fprintf(w, "%s layer", l.Layer)
	if l.At != 0 {
		fmt.Fprintf(w, " at %d", l.At)
	}
	fmt.Fprintf(w, ": %d actors, %d edges", l.Nodes, l.Edges)
	if r.Computed("cliques") {
		fmt.Fprintf(w, "; %d maximal cliques of 3 or more", len(r.Cliques))
	}
	if r.Computed("community") {
		fmt.Fprintf(w, "; %d communities (modularity %.4f)", len(r.Communities.Groups), r.Communities.Modularity)
	}
	fmt.Fprint(w, "\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "id\t")
	for _, m := range analysis.Measures {
		if m.Column != "" && r.Computed(m.Name) {
			fmt.Fprint(tw, m.Column+"\t")
		}
	}
	fmt.Fprintln(tw)
	order := make([]int, len(r.Actors))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &r.Actors[i], &r.Actors[j]
		if by != nil {
			x, okx := by.Value(a)
			y, oky := by.Value(b)
			switch {
			case okx && !oky:
				return -1
			case !okx && oky:
				return 1
			case okx && x != y:
				return cmp.Compare(y, x)
			}
		}
		return naturalCompare(a.ID, b.ID)
	})
	if top > 0 && top < len(order) {
		order = order[:top]
	}
	for _, i := range order {
		a := &r.Actors[i]
		fmt.Fprint(tw, termSafe(a.ID)+"\t")
		for _, m := range analysis.Measures {
			if m.Column == "" || !r.Computed(m.Name) {
				continue
			}
			if v, ok := m.Value(a); ok {
				fmt.Fprintf(tw, m.Format+"\t", v)
			} else {
				fmt.Fprint(tw, "-\t")
			}
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// chooseMetrics reads --metrics and --no-typology into af.metrics (nil: every metric).
func (af *analysisFlags) chooseMetrics(cmd *cobra.Command, list string, noTypology bool) error {
	if !cmd.Flags().Changed("metrics") && !noTypology {
		return nil
	}
	names := analysis.Metrics
	if cmd.Flags().Changed("metrics") {
		var err error
		if names, err = analysis.ParseMetrics(list); err != nil {
			return usageError{fmt.Errorf("--metrics %q: %w", list, err)}
		}
	}
	if noTypology {
		names = slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == "typology" })
	}
	if len(names) == 0 {
		return usageError{fmt.Errorf("--metrics: nothing left to compute")}
	}
	af.metrics = names
	return nil
}
