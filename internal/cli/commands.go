package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"gonum.org/v1/gonum/graph/topo"

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

// Summary is what `liaison summary` reports.
type Summary struct {
	Path        string         `json:"path"`
	Files       []string       `json:"files"`
	Actors      int            `json:"actors"`
	TieRows     int            `json:"tie_rows"`
	Clubs       int            `json:"clubs"`
	Memberships int            `json:"memberships"`
	Exchanges   int            `json:"exchanges"`
	First       string         `json:"first,omitempty"` // earliest time in the data set
	Last        string         `json:"last,omitempty"`  // latest time in the data set
	At          int            `json:"at,omitempty"`
	Layers      []LayerSummary `json:"layers"`
	Layer       string         `json:"layer"` // the layer the components are of
	Components  int            `json:"components"`
	Largest     int            `json:"largest_component"`
	Isolates    int            `json:"isolates"`
	LargestClub *ClubSize      `json:"largest_club,omitempty"`
	ActiveClubs int            `json:"active_clubs"`
}

// LayerSummary counts one layer.
type LayerSummary struct {
	Layer       string  `json:"layer"`
	Nodes       int     `json:"nodes"`
	Edges       int     `json:"edges"`
	TotalWeight float64 `json:"total_weight"`
	Density     float64 `json:"density"`
}

// ClubSize names a club and its number of active members.
type ClubSize struct {
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
	Members int    `json:"members"`
}

func summarize(d *graphmodel.Dataset, o graphmodel.Options) (*Summary, error) {
	s := &Summary{
		Path: d.Path, Files: d.Files, Actors: len(d.Actors), TieRows: len(d.Ties), Clubs: len(d.Clubs),
		Memberships: len(d.Memberships), Exchanges: len(d.Exchanges), At: o.At, Layer: string(o.Layer),
	}
	if first, last, ok := d.Span(); ok {
		s.First, s.Last = first.String(), last.String()
	}
	var chosen *graphmodel.Layer
	for _, k := range []graphmodel.LayerKind{graphmodel.Bilateral, graphmodel.Clubs, graphmodel.Combined} {
		lo := o
		lo.Layer = k
		l, err := d.Layer(lo)
		if err != nil {
			return nil, err
		}
		if k == o.Layer {
			chosen = l
		}
		s.Layers = append(s.Layers, LayerSummary{Layer: string(k), Nodes: l.Len(), Edges: l.EdgeCount(), TotalWeight: l.TotalWeight(), Density: l.Density()})
	}
	for _, cc := range topo.ConnectedComponents(chosen) {
		s.Components++
		if len(cc) > s.Largest {
			s.Largest = len(cc)
		}
		if len(cc) == 1 {
			s.Isolates++
		}
	}
	s.ActiveClubs = len(chosen.Clubs)
	for _, c := range chosen.Clubs {
		if s.LargestClub == nil || len(c.Members) > s.LargestClub.Members {
			s.LargestClub = &ClubSize{ID: c.ID, Name: d.Clubs[c.Index].Name, Members: len(c.Members)}
		}
	}
	return s, nil
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
			s, err := summarize(d, o)
			if err != nil {
				return err
			}
			return output(cmd, "", func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, s)
				}
				return s.table(w)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}

func (s *Summary) table(w io.Writer) error {
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
	fmt.Fprintln(tw, "id\tdegree\tstrength\tbetweenness\tcloseness\tharmonic\teigenvector\tpagerank\tcore\tclustering\tconstraint\teff. size\tcommunity\tcliques\t")
	opt := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return fmt.Sprintf("%.4f", *v)
	}
	for _, a := range r.Actors {
		fmt.Fprintf(tw, "%s\t%g\t%.4g\t%.4f\t%s\t%s\t%.4f\t%.4f\t%g\t%.3f\t%.3f\t%.2f\t%g\t%g\t\n",
			a.ID, a.Degree, a.Strength, a.Betweenness, opt(a.Closeness), opt(a.Harmonic), a.Eigenvector, a.PageRank,
			a.Core, a.Clustering, a.Constraint, a.EffectiveSize, a.Community, a.Cliques)
	}
	return tw.Flush()
}
