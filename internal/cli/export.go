package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/export"
)

func newExport(g *globals) *cobra.Command {
	var format, out string
	var eo export.Options
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "export PATH --format gexf|graphml|csv|dot -o OUT",
		Short: "Write the layer and its analysis for Gephi, NetworkX, igraph, Cytoscape or Graphviz",
		Long: `export analyses the chosen layer (--layer, --at) and writes it with every measure, class,
score and community, and the input's extra columns, as GEXF 1.3 (dynamic when the data has
times and no --at is given; coloured, sized and laid out for Gephi), GraphML with typed keys,
Gephi's CSV tables (-o names a folder: nodes.csv and edges.csv), Graphviz DOT, or the files of
Neo4j's offline importer in the schema of liaison neo4j push (neo4j-admin: -o names a folder;
load it with scripts/neo4j import DIR; --dataset names the data set). Files are written
atomically; -o - writes a single-file format to stdout.`,
		Example: `  liaison export testdata/example --format gexf -o example.gexf
  liaison export testdata/example --format graphml --at 2005 -o example-2005.graphml
  liaison export testdata/florentine --format csv -o florentine-tables
  liaison export testdata/florentine --format dot -o - | dot -Tsvg > florentine.svg
  liaison export testdata/example --format neo4j-admin -o example-import`,
		Args: af.pathArg(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, export.Formats...); err != nil {
				return err
			}
			if out == "" {
				return usageError{fmt.Errorf("name the output with -o (a folder for csv, - for stdout)")}
			}
			st := newStages(cmd.ErrOrStderr(), af.timings)
			defer st.finish()
			_, _, r, err := runAnalysis(cmd, g, af, args, st)
			if err != nil {
				return err
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
	cmd.Flags().BoolVar(&eo.CSVSafe, "csv-safe", false, "csv: prefix cells starting with = + - @ tab or CR with ' (spreadsheet formula injection)")
	af.register(cmd, true)
	af.registerNeo4j(cmd)
	return cmd
}
