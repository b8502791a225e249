package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

func newTypology(g *globals) *cobra.Command {
	var format string
	af := &analysisFlags{onePeriod: true}
	cmd := &cobra.Command{
		Use:   "typology PATH",
		Short: "Print the four-class typology of cooperation as a 2×2 table",
		Long: `typology classifies every bilateral tie and every club of the chosen period as relational
or transactional and prints the 2×2 table of the four classes (transactional or relational,
bilateral or multilateral) with their members, then the alliance hubs.`,
		Example: `  liaison typology testdata/example
  liaison typology testdata/example --at 1990 --format json`,
		Args: af.pathArg(),
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
				return typologyTable(termWriter{w}, r)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	af.register(cmd, false)
	af.registerNeo4j(cmd)
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
	// Names where the data gives them, ids otherwise.
	d := r.View.Data
	label := func(x string) string {
		if a, b, ok := strings.Cut(x, "–"); ok {
			return actorLabel(d, a) + "–" + actorLabel(d, b)
		}
		if i, ok := d.ClubIndex(x); ok && d.Clubs[i].Name != "" {
			return d.Clubs[i].Name
		}
		return x
	}
	list := func(name string, xs []string, extra func(string) string) {
		fmt.Fprintf(w, "\n%s (%d):\n", name, len(xs))
		xs = slices.Clone(xs)
		slices.SortStableFunc(xs, func(a, b string) int { // ties before clubs, by id, naturally: A2 before A10
			if ca, cb := !strings.Contains(a, "–"), !strings.Contains(b, "–"); ca != cb {
				if cb {
					return -1
				}
				return 1
			}
			return naturalCompare(a, b)
		})
		items := make([]string, len(xs))
		for i, x := range xs {
			items[i] = label(x)
			if extra != nil {
				items[i] += extra(x)
			}
		}
		fmt.Fprintln(w, wrapItems(items, 92, "  "))
	}
	list("relational bilateral", ls.RelationalBilateral, nil)
	list("transactional bilateral", ls.TransactionalBilateral, nil)
	list("relational multilateral", ls.RelationalMultilateral, nil)
	list("transactional multilateral", ls.TransactionalMultilateral, nil)
	pOf := func(x string) string {
		if a, b, ok := strings.Cut(x, "–"); ok {
			t, _ := r.Tie(a, b)
			return fmt.Sprintf(" (%s, p %.2f)", t.Class, t.PRelational)
		}
		c, _ := r.Club(x)
		return fmt.Sprintf(" (%s, p %.2f)", c.Class, c.PRelational)
	}
	list(fmt.Sprintf("uncertain calls (%g < p_relational < %g: plausible settings or a resampled exchange record change them)", analysis.UncertainLow, analysis.UncertainHigh), ls.Uncertain, pOf)
	fmt.Fprintln(w, "\nalliance hubs:")
	for i, h := range r.Hubs {
		name := h.ID
		if h.Name != "" {
			name += " (" + h.Name + ")"
		}
		fmt.Fprintf(w, "%3d. %s  %.3f  %s\n", i+1, termSafe(name), h.Score, termSafe(h.Why))
	}
	return nil
}

// actorLabel is an actor's name, or its id when it has none.
func actorLabel(d *graphmodel.Dataset, id string) string {
	if i, ok := d.ActorIndex(id); ok && d.Actors[i].Name != "" {
		return d.Actors[i].Name
	}
	return id
}

// wrapItems joins items with ", ", folding the lines at width between items (never inside
// one), indenting every line.
func wrapItems(items []string, width int, indent string) string {
	if len(items) == 0 {
		return indent + "(none)"
	}
	var b strings.Builder
	line := indent
	for i, it := range items {
		it = termSafe(it)
		if i < len(items)-1 {
			it += ","
		}
		if len(line)+len(it)+1 > width && strings.TrimSpace(line) != "" {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = indent
		}
		line += it + " "
	}
	b.WriteString(strings.TrimRight(line, " "))
	return b.String()
}
