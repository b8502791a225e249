package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/atomicfile"
)

// output writes what fn produces to the command's stdout, or atomically to the file named
// by the command's -o flag.
func output(cmd *cobra.Command, path string, fn func(io.Writer) error) error {
	if path == "" || path == "-" {
		w := bufio.NewWriter(cmd.OutOrStdout())
		if err := fn(w); err != nil {
			return err
		}
		return w.Flush()
	}
	return atomicfile.Write(path, func(f io.Writer) error {
		w := bufio.NewWriter(f)
		if err := fn(w); err != nil {
			return err
		}
		return w.Flush()
	})
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageError{fmt.Errorf("format %q: want %s", format, strings.Join(allowed, " or "))}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newValidate(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "validate PATH",
		Short: "Check a data set against the contract and list every problem",
		Long: `validate reads the data set at PATH (a folder of CSV files or one ties .csv file) and
checks it against the contract. Every problem is listed, one per line, as FILE:LINE: message.
Exit status 0 when the data set is valid, 2 when it is not.`,
		Example: `  liaison validate testdata/example
  liaison validate my-ties.csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := graphmodel.Load(args[0])
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: valid: %d actors, %d tie rows, %d clubs, %d memberships, %d exchanges\n",
				args[0], len(d.Actors), len(d.Ties), len(d.Clubs), len(d.Memberships), len(d.Exchanges))
			return err
		},
	}
}

func newSummary(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "summary PATH",
		Short: "Count actors, ties, clubs and the edges of each layer",
		Long: `summary loads the data set at PATH and reports its counts, its time span, the nodes,
edges, total weight and density of each layer, the connected components of the chosen layer
(--layer) and the largest club. With --at YEAR everything is counted for that year.`,
		Example: `  liaison summary testdata/example
  liaison summary testdata/example --at 1990 --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			o, err := g.options()
			if err != nil {
				return err
			}
			d, err := graphmodel.Load(args[0])
			if err != nil {
				return err
			}
			l, err := d.Layer(o)
			if err != nil {
				return err
			}
			s, err := graphmodel.Summarize(l)
			if err != nil {
				return err
			}
			return output(cmd, "", func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, s)
				}
				return summaryTable(w, s)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}

func summaryTable(w io.Writer, s *graphmodel.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "data set\t%s (%s)\n", s.Path, strings.Join(s.Files, ", "))
	period := "all time"
	if s.At != 0 {
		period = fmt.Sprintf("at %d", s.At)
	}
	if s.First != "" {
		period += fmt.Sprintf(" (data span %s to %s)", s.First, s.Last)
	}
	fmt.Fprintf(tw, "period\t%s\n", period)
	fmt.Fprintf(tw, "actors\t%d\n", s.Actors)
	fmt.Fprintf(tw, "tie rows\t%d\n", s.TieRows)
	fmt.Fprintf(tw, "clubs\t%d (%d active with members)\n", s.Clubs, s.ActiveClubs)
	fmt.Fprintf(tw, "memberships\t%d\n", s.Memberships)
	fmt.Fprintf(tw, "exchanges\t%d\n", s.Exchanges)
	fmt.Fprintf(tw, "components\t%d in the %s layer (largest %d actors, %d isolated)\n", s.Components, s.Layer, s.Largest, s.Isolates)
	if s.LargestClub != nil {
		name := s.LargestClub.ID
		if s.LargestClub.Name != "" {
			name += " (" + s.LargestClub.Name + ")"
		}
		fmt.Fprintf(tw, "largest club\t%s, %d members\n", name, s.LargestClub.Members)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "layer\tnodes\tedges\ttotal weight\tdensity")
	for _, l := range s.Layers {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.4g\t%.4f\n", l.Layer, l.Nodes, l.Edges, l.TotalWeight, l.Density)
	}
	return tw.Flush()
}

func newAnalyze(g *globals) *cobra.Command {
	var format, out string
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "analyze PATH",
		Short: "Compute the network measures, the typology and the hubs of a layer",
		Long: `analyze loads the data set at PATH, builds the chosen layer (--layer, --at, --club-weight,
--projection) and computes the measures of the contract for every actor, the relational or
transactional class of every bilateral tie and club, the four-class typology, the alliance
hubs and the brokerage roles. The JSON form is the contract's document, sorted and
byte-identical from run to run.`,
		Example: `  liaison analyze testdata/example --format table
  liaison analyze testdata/example --layer bilateral --at 2005 --format json -o analysis.json
  liaison analyze big.csv --sample 200 --timings`,
		Args: af.pathArg(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			st := newStages(cmd.ErrOrStderr(), af.timings)
			defer st.finish()
			_, _, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			st.begin("write")
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return r.WriteJSON(w)
				}
				return analysisTable(w, r)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this `FILE` (atomically) instead of stdout")
	af.register(cmd, true)
	af.registerNeo4j(cmd)
	return cmd
}

func analysisTable(w io.Writer, r *analysis.Result) error {
	l := r.Layer
	fmt.Fprintf(w, "%s layer", l.Layer)
	if l.At != 0 {
		fmt.Fprintf(w, " at %d", l.At)
	}
	fmt.Fprintf(w, ": %d actors, %d edges; %d maximal cliques of 3 or more; %d communities (modularity %.4f)\n\n",
		l.Nodes, l.Edges, len(r.Cliques), len(r.Communities.Groups), r.Communities.Modularity)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "id\t")
	for _, m := range analysis.Measures {
		if m.Column != "" {
			fmt.Fprint(tw, m.Column+"\t")
		}
	}
	fmt.Fprintln(tw)
	for i := range r.Actors {
		a := &r.Actors[i]
		fmt.Fprint(tw, a.ID+"\t")
		for _, m := range analysis.Measures {
			if m.Column == "" {
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
