package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
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
	list(fmt.Sprintf("uncertain calls (%g < p_relational < %g: the class changes under plausible settings or a resampled exchange record)", analysis.UncertainLow, analysis.UncertainHigh), ls.Uncertain)
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
