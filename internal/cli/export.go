package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/export"
)

func newExport(g *globals) *cobra.Command {
	var format, out string
	var eo export.Options
	var staticValues bool
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "export PATH --format gexf|graphml|csv|dot|node-link -o OUT",
		Short: "Write the layer and its analysis for Gephi, NetworkX, igraph, Cytoscape or Graphviz",
		Long: `export analyses the chosen layer (--layer, --at) and writes it with every measure, class,
score and community, and the input's extra columns, as GEXF 1.3 (dynamic when the data has
times and no --at is given, with each year's weight, class, relational_score, p_relational
and hub_score as dynamic values from the per-year analyses of evolve; coloured, sized and
laid out for Gephi), GraphML with typed keys,
Gephi's CSV tables (-o names a folder: nodes.csv and edges.csv), Graphviz DOT, node-link
JSON that NetworkX (node_link_graph) and graphology (Graph.from) read, or the files of
Neo4j's offline importer in the schema of liaison neo4j push (neo4j-admin: -o names a folder;
load it with scripts/neo4j import DIR; --dataset names the data set). Files are written
atomically; -o - writes a single-file format to stdout.`,
		Example: `  liaison export testdata/example --format gexf -o example.gexf
  liaison export testdata/example --format graphml --at 2005 -o example-2005.graphml
  liaison export testdata/florentine --format csv -o florentine-tables
  liaison export testdata/florentine --format dot -o - | dot -Tsvg > florentine.svg
  liaison export testdata/example --format node-link -o example.json
  liaison export testdata/example --format neo4j-admin -o example-import`,
		Args: af.pathArg(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, export.Formats...); err != nil {
				return err
			}
			if out == "" {
				return usageError{fmt.Errorf("name the output with -o (a folder for csv, - for stdout)")}
			}
			if eo.TimeFormat != "integer" && eo.TimeFormat != "date" && eo.TimeFormat != "" {
				return usageError{fmt.Errorf("--timeformat %q: want integer or date", eo.TimeFormat)}
			}
			if eo.YearStep < 1 || eo.YearStep > 1000 {
				return usageError{fmt.Errorf("--year-step %d: want 1 to 1000", eo.YearStep)}
			}
			st := newStages(cmd.ErrOrStderr(), af.timings)
			defer st.finish()
			d, l, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
			}
			// A dynamic GEXF carries each year's weights, classes and hub scores, from the
			// per-year analyses that evolve makes (the same options).
			if first, last, ok := d.ActiveSpan(); format == "gexf" && ok && l.Options.At == 0 && !staticValues {
				ao, err := af.options(nil)
				if err != nil {
					return err
				}
				ao.Progress = func(_ string, done, total int) { st.progress("per-year values", done, total) }
				keep := func(_ int, yr *analysis.Result) error { eo.Years = append(eo.Years, yr); return nil }
				if _, err := analysis.EvolveEach(cmd.Context(), d, l.Options, ao, analysis.Years(first, last, eo.YearStep), 0, keep); err != nil {
					return err
				}
			}
			st.begin("write " + format)
			if out == "-" {
				w, ok := export.WriterFor(format)
				if !ok {
					return usageError{fmt.Errorf("format %s writes a folder: -o DIR", format)}
				}
				return output(cmd, "", func(wr io.Writer) error { return w(wr, r, eo) })
			}
			eo.Dataset = af.conn.dataset
			return export.WriteFile(out, format, r, eo)
		},
	}
	cmd.Flags().StringVar(&format, "format", "gexf", strings.Join(export.Formats, ", "))
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (a folder for csv; - for stdout)")
	cmd.Flags().StringVar(&eo.TimeFormat, "timeformat", "", "gexf: the dynamic GEXF's time format, integer (years) or date (default: date when the data has full dates)")
	cmd.Flags().IntVar(&eo.YearStep, "year-step", 1, "gexf: analyse every `N`th year for the per-year weights, classes and hub scores (1 to 1000)")
	cmd.Flags().BoolVar(&staticValues, "static-values", false, "gexf: write the whole period's values only (no per-year analyses)")
	cmd.Flags().BoolVar(&eo.CSVSafe, "csv-safe", false, "csv: prefix cells starting with = + - @ tab or CR with ' (spreadsheet formula injection)")
	af.register(cmd, true)
	af.registerNeo4j(cmd)
	return cmd
}
