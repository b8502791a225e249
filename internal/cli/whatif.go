package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/spf13/cobra"
)

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
			af.paths.epsilon, af.paths.reduce, af.paths.sampleCloseness = 0, false, false
			d, _, before, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			for i, s := range ids { // ids in any case, or names; a typo gets a suggestion
				if ids[i], err = d.FindActor(s); err != nil {
					return usageError{fmt.Errorf("--remove: %w", err)}
				}
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
				return whatIfTable(termWriter{w}, wi)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&remove, "remove", "", "actors to remove, comma-separated")
	af.register(cmd, false)
	return cmd
}

func whatIfTable(w io.Writer, wi *analysis.WhatIfResult) error {
	fmt.Fprintf(w, "without %s:\n", strings.Join(termSafeAll(wi.Removed), ", "))
	fmt.Fprintf(w, "  components         %d → %d\n", wi.ComponentsBefore, wi.ComponentsAfter)
	change := 0.0
	if wi.EfficiencyBefore > 0 {
		change = 100 * (wi.EfficiencyAfter - wi.EfficiencyBefore) / wi.EfficiencyBefore
	}
	fmt.Fprintf(w, "  global efficiency  %.4f → %.4f (%+.1f%%; normalised to [0, 1] by the heaviest tie)\n", wi.EfficiencyBefore, wi.EfficiencyAfter, change)
	fmt.Fprintf(w, "  cut off from the main component: %d\n", len(wi.CutOff))
	if len(wi.CutOff) > 0 {
		fmt.Fprintln(w, wrapItems(wi.CutOff, 92, "    "))
	}
	fmt.Fprintf(w, "  ties whose ends lose their last relational path: %d\n", len(wi.LostPaths))
	for _, p := range wi.LostPaths {
		fmt.Fprintf(w, "    %s–%s\n", termSafe(p[0]), termSafe(p[1]))
	}
	fmt.Fprintln(w, "  hubs before:", strings.Join(termSafeAll(wi.HubsBefore), " "))
	fmt.Fprintln(w, "  hubs after: ", strings.Join(termSafeAll(wi.HubsAfter), " "))
	return nil
}
