package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/report"
)

func newReport(g *globals) *cobra.Command {
	var format, out, title string
	var from, to, significance int
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "report PATH [-o FILE]",
		Short: "Write the analyst's report: one self-contained HTML file, or Markdown with SVG pictures",
		Long: `report analyses the data set at PATH and writes a report an analyst can read, send and print:
the summary, the four-class typology, the alliance hubs, the relational cores, the clubs, the
brokers, the communities, the change over time (when the data has times and no --at is given;
at most 25 years evenly stepped from --from to --to, by default the years in which a tie row,
membership or exchange can be active) and the method, with a drawing of the network and charts.

--format html (the default; to stdout unless -o is given) writes one HTML file with everything
inline, which opens offline. --format md writes FILE.md (default report.md) and its pictures
beside it as FILE-network.svg, FILE-hubs.svg, … .`,
		Example: `  liaison report testdata/example -o example.html
  liaison report testdata/example --format md -o example.md
  liaison report testdata/example --at 2005 -o example-2005.html`,
		Args: af.pathArg(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "html", "md"); err != nil {
				return err
			}
			if err := inferenceFlag("significance", significance); err != nil {
				return err
			}
			if format == "md" && out == "" {
				out = "report.md"
			}
			if format == "md" && strings.ToLower(filepath.Ext(out)) != ".md" {
				return usageError{fmt.Errorf("-o %s: a Markdown report is a .md file", out)}
			}
			st := newStages(cmd.ErrOrStderr(), af.timings)
			defer st.finish()
			_, l, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			var series []analysis.YearPoint
			var perYear []*analysis.Result
			if from > 0 && to > 0 && from > to {
				return usageError{fmt.Errorf("--from %d --to %d: from is after to", from, to)}
			}
			if years := report.SeriesYears(l, from, to, 0); len(years) > 0 {
				ao, err := af.options(nil)
				if err != nil {
					return err
				}
				ao.Progress = func(_ string, done, total int) { st.progress("change over time", done, total) }
				keep := func(_ int, yr *analysis.Result) error { perYear = append(perYear, yr); return nil }
				if series, err = analysis.EvolveEach(cmd.Context(), l.Data, l.Options, report.SeriesOptions(ao), years, 3, keep); err != nil {
					return err
				}
			}
			rep, err := report.Build(r, series, report.Options{Title: title, Progress: st.progress, YearResults: perYear})
			if err != nil {
				return err
			}
			if rep.Significance, err = reportSignificance(cmd, af, r, significance, st); err != nil {
				return err
			}
			st.begin("write")
			if format == "md" {
				_, err := rep.WriteMarkdown(out)
				return err
			}
			return output(cmd, out, rep.WriteHTML)
		},
	}
	cmd.Flags().StringVar(&format, "format", "html", "html or md")
	cmd.Flags().StringVar(&title, "title", "", "the report's `TITLE` (default \"Liaison network report: PATH\")")
	cmd.Flags().IntVar(&from, "from", 0, "first `YEAR` of the change over time (default: the first year of the data)")
	cmd.Flags().IntVar(&to, "to", 0, "last `YEAR` of the change over time (default: the last year of the data)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this `FILE` (atomically)")
	cmd.Flags().IntVar(&significance, "significance", 0, "add a significance section from `N` null draws, as liaison significance (0: none)")
	af.register(cmd, true)
	af.registerNeo4j(cmd)
	return cmd
}
