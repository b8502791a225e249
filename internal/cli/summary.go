package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/spf13/cobra"
)

func newSummary(g *globals) *cobra.Command {
	var format string
	af := &analysisFlags{onePeriod: true}
	cmd := &cobra.Command{
		Use:   "summary PATH",
		Short: "Count actors, ties, clubs and the edges of each layer",
		Long: `summary loads the data set at PATH and reports its counts, its time span, the nodes,
edges, total weight and density of each layer, the connected components of the chosen layer
(--layer) and the largest club. With --at YEAR everything is counted for that year.`,
		Example: `  liaison summary testdata/example
  liaison summary testdata/example --at 1990 --format json`,
		Args: af.pathArg(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			o, err := g.options()
			if err != nil {
				return err
			}
			d, err := af.loadFor(cmd, args, o.At)
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
				return summaryTable(termWriter{w}, s)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	af.registerNeo4j(cmd)
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
