package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/structure"
	"github.com/spf13/cobra"
)

func newPositions(g *globals) *cobra.Command {
	var format, out, method string
	var blocks int
	var binary bool
	cmd := &cobra.Command{
		Use:   "positions PATH [--blocks K]",
		Short: "Structural equivalence: distances, complete-linkage clustering and a blockmodel (image matrix)",
		Long: `positions groups the actors of the layer and period by structural equivalence, as UCINET
and R's sna do (sedist, equiv.clust, blockmodel): the distance between two actors compares
their ties to every third actor (--method hamming: 2 Σ |a_ik − a_jk|, or euclidean), on the
layer's weights (--binary: 0/1 ties); the actors are clustered by complete linkage (R's hclust
algorithm, so that equal distances are resolved as R does) and the dendrogram is cut into K
blocks (--blocks, default 3). It prints each block's members and the image matrix: the
density of ties (mean tie value, self-pairs left out) within and between blocks.`,
		Example: `  liaison positions testdata/florentine --blocks 4
  liaison positions testdata/example --layer bilateral --binary --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			if method != structure.Hamming && method != structure.Euclidean {
				return usageError{fmt.Errorf("--method %q: want hamming or euclidean", method)}
			}
			if blocks < 1 {
				return usageError{fmt.Errorf("--blocks %d: want a number of blocks ≥ 1", blocks)}
			}
			lo, err := g.options()
			if err != nil {
				return err
			}
			d, err := graphmodel.Load(args[0])
			if err != nil {
				return err
			}
			l, err := d.Layer(lo)
			if err != nil {
				return err
			}
			if blocks > l.Len() {
				return usageError{fmt.Errorf("--blocks %d: the layer has %d actors", blocks, l.Len())}
			}
			off, nbr, w, _ := l.CSR()
			p, err := structure.Positions(structure.Graph{N: l.Len(), Off: off, Nbr: nbr, W: w}, l.Actors(),
				structure.PositionsOptions{Method: method, Blocks: blocks, Binary: binary})
			if err != nil {
				return err
			}
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, p)
				}
				return positionsTable(termWriter{w}, p)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "table", "output format: table or json")
	f.StringVarP(&out, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	f.IntVar(&blocks, "blocks", 3, "the number of positions (blocks), 1 to the number of actors")
	f.StringVar(&method, "method", structure.Hamming, "structural-equivalence distance: hamming or euclidean")
	f.BoolVar(&binary, "binary", false, "compare 0/1 ties instead of the layer's weights")
	return cmd
}

func positionsTable(w io.Writer, p *structure.PositionsResult) error {
	ties := "weights"
	if p.Binary {
		ties = "0/1 ties"
	}
	fmt.Fprintf(w, "%d blocks by structural equivalence (%s distance on %s, complete linkage)\n\n", p.Blocks, p.Method, ties)
	for i, m := range p.Members {
		fmt.Fprintf(w, "block %d (%d): %s\n", i+1, len(m), strings.Join(termSafeAll(m), ", "))
	}
	fmt.Fprintln(w, "\nimage matrix (density within and between blocks):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "\t")
	for q := range p.Image {
		fmt.Fprintf(tw, "%d\t", q+1)
	}
	fmt.Fprintln(tw)
	for i, row := range p.Image {
		fmt.Fprintf(tw, "%d\t", i+1)
		for _, v := range row {
			if v == nil {
				fmt.Fprint(tw, "-\t")
			} else {
				fmt.Fprintf(tw, "%.3f\t", *v)
			}
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}
