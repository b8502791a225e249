package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/inference"
)

func newCompare(g *globals) *cobra.Command {
	var format, out string
	var vs, reps int
	var permSeed uint64
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "compare PATH --at YEAR1 --vs YEAR2",
		Short: "Compare two years: ties formed, dissolved, kept and reclassified; QAP correlation; hubs that rose and fell",
		Long: `compare analyses the layer (--layer) of the data set at PATH in two years, --at and --vs, and
reports the bilateral ties formed (active in --vs, not in --at), dissolved, kept, and kept with
another class (relational or transactional); the QAP correlation of the two years' layers over
the union of their actors (--reps permutations seeded by --perm-seed); and the hubs that rose
(listed hubs of --vs ranked better than in --at, or new) and fell (listed hubs of --at ranked
worse in --vs, or gone), ranked among all actors by hub score.`,
		Example: `  liaison compare testdata/example --at 1990 --vs 2010
  liaison compare testdata/example --at 1990 --vs 2010 --layer bilateral --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			if err := inferenceFlag("vs", vs); err != nil {
				return err
			}
			if err := inferenceFlag("reps", reps); err != nil {
				return err
			}
			lo, ao, d, err := prepare(cmd, g, af, args)
			if err != nil {
				return err
			}
			if lo.At == 0 {
				return usageError{fmt.Errorf("--at: compare needs the first YEAR (and --vs the second)")}
			}
			var rs [2]*analysis.Result
			for i, y := range []int{lo.At, vs} {
				o := lo
				o.At = y
				l, err := d.Layer(o)
				if err != nil {
					return err
				}
				if rs[i], err = analysis.Analyze(cmd.Context(), l, ao); err != nil {
					return err
				}
			}
			c, err := inference.Compare(cmd.Context(), rs[0], rs[1], inference.Options{Reps: reps, Seed: permSeed})
			if err != nil {
				return err
			}
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, c)
				}
				return compareTable(termWriter{w}, c)
			})
		},
	}
	f := cmd.Flags()
	f.IntVar(&vs, "vs", 0, "the second `YEAR`")
	f.IntVar(&reps, "reps", 1000, "permutations of the QAP correlation")
	f.Uint64Var(&permSeed, "perm-seed", 1, "seed of the QAP permutations")
	f.StringVar(&format, "format", "table", "output format: table or json")
	f.StringVarP(&out, "output", "o", "", "write to this `FILE` (atomically)")
	af.register(cmd, false)
	_ = cmd.MarkFlagRequired("vs")
	return cmd
}

func compareTable(w io.Writer, c *inference.Comparison) error {
	fmt.Fprintf(w, "%s layer, %d (%d actors) vs %d (%d actors)\n", c.Layer, c.At, c.Actors1, c.Vs, c.Actors2)
	fmt.Fprintf(w, "bilateral ties: %d formed, %d dissolved, %d kept (%d of them changed class)\n",
		c.Counts.Formed, c.Counts.Dissolved, c.Counts.Kept, c.Counts.ChangedClass)
	pairs := func(ts []inference.TieChange, class func(inference.TieChange) string) []string {
		out := make([]string, len(ts))
		for i, t := range ts {
			out[i] = t.Source + "–" + t.Target + class(t)
		}
		return out
	}
	if len(c.Formed) > 0 {
		fmt.Fprintln(w, "  formed:")
		fmt.Fprintln(w, wrapItems(pairs(c.Formed, func(t inference.TieChange) string { return " (" + t.Class2 + ")" }), 92, "    "))
	}
	if len(c.Dissolved) > 0 {
		fmt.Fprintln(w, "  dissolved:")
		fmt.Fprintln(w, wrapItems(pairs(c.Dissolved, func(t inference.TieChange) string { return " (" + t.Class1 + ")" }), 92, "    "))
	}
	if len(c.ChangedClass) > 0 {
		fmt.Fprintln(w, "  changed class:")
		fmt.Fprintln(w, wrapItems(pairs(c.ChangedClass, func(t inference.TieChange) string { return " (" + t.Class1 + " → " + t.Class2 + ")" }), 92, "    "))
	}
	if q := c.QAP; q != nil {
		fmt.Fprintf(w, "QAP correlation of the two years' layers: r = %.4f over %d pairs; p(>=) %.4f, p(<=) %.4f, two-sided %.4f (%d permutations, seed %d)\n",
			q.R, q.Pairs, q.PGreater, q.PLess, q.PAbs, q.Reps, q.Seed)
	} else {
		fmt.Fprintf(w, "QAP correlation: not defined (%s)\n", c.QAPNote)
	}
	rank := func(r int) string {
		if r == 0 {
			return "absent"
		}
		return fmt.Sprintf("#%d", r)
	}
	moves := func(title string, ms []inference.HubMove) {
		fmt.Fprintf(w, "hubs that %s: %d\n", title, len(ms))
		var items []string
		for _, m := range ms {
			items = append(items, fmt.Sprintf("%s %s → %s", m.ID, rank(m.Rank1), rank(m.Rank2)))
		}
		if len(items) > 0 {
			fmt.Fprintln(w, wrapItems(items, 92, "    "))
		}
	}
	moves("rose", c.Rose)
	moves("fell", c.Fell)
	return nil
}
