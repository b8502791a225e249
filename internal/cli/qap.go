package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/inference"
)

// inferenceFlag checks a numeric flag of the inference commands (qap, significance,
// compare) as checkFlags does the analysis flags: a usage error naming the flag and its range.
func inferenceFlag(name string, v int) error {
	rules := map[string]struct {
		ok   func(int) bool
		want string
	}{
		"reps":         {func(v int) bool { return v >= 1 && v <= 1000000 }, "a number of permutations (draws) from 1 to 1,000,000"},
		"y-at":         {func(v int) bool { return v >= 0 }, "a year ≥ 0 (0: all time)"},
		"x-at":         {func(v int) bool { return v >= 0 }, "a year ≥ 0 (0: all time)"},
		"vs":           {func(v int) bool { return v > 0 }, "a year > 0"},
		"significance": {func(v int) bool { return v >= 0 && v <= 1000000 }, "a number of null draws from 0 (no section) to 1,000,000"},
	}
	if r := rules[name]; !r.ok(v) {
		return usageError{fmt.Errorf("--%s %d: want %s", name, v, r.want)}
	}
	return nil
}

// qapResult is the JSON document of liaison qap.
type qapResult struct {
	Dataset      string                   `json:"dataset"`
	Y            relationInfo             `json:"y"`
	X            []relationInfo           `json:"x"`
	Actors       int                      `json:"actors"`
	Pairs        int                      `json:"pairs"`
	Correlations []*inference.Correlation `json:"correlations"`
	Regression   *inference.Regression    `json:"regression"`
	Notes        []string                 `json:"notes,omitempty"`
}

// relationInfo says where a relation comes from.
type relationInfo struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`              // bilateral, clubs, combined or ties:COLUMN
	At      int    `json:"at,omitempty"`      // the year; absent for all time
	Dataset string `json:"dataset,omitempty"` // a second data set, matched by actor id
}

// relationSpec is a parsed --y or --x item: KIND[@PATH].
type relationSpec struct {
	kind, column, path string
	at                 int
}

func parseRelation(flag, s string, at int) (relationSpec, error) {
	s = strings.TrimSpace(s)
	r := relationSpec{at: at}
	if k, p, ok := strings.Cut(s, "@"); ok {
		s, r.path = strings.TrimSpace(k), strings.TrimSpace(p)
		if r.path == "" {
			return r, usageError{fmt.Errorf("--%s %q: no data set after @", flag, s+"@")}
		}
	}
	if col, ok := strings.CutPrefix(s, "ties:"); ok {
		if strings.TrimSpace(col) == "" {
			return r, usageError{fmt.Errorf("--%s %q: after ties: name a column or domain of ties.csv", flag, s)}
		}
		r.kind, r.column = "ties", strings.TrimSpace(col)
		return r, nil
	}
	switch graphmodel.LayerKind(strings.ToLower(s)) {
	case graphmodel.Bilateral, graphmodel.Clubs, graphmodel.Combined:
		r.kind = strings.ToLower(s)
		return r, nil
	}
	return r, usageError{fmt.Errorf("--%s %q: want bilateral, clubs, combined or ties:COLUMN, optionally @PATH of another data set", flag, s)}
}

func (r relationSpec) name() string {
	n := r.kind
	if r.kind == "ties" {
		n = "ties:" + r.column
	}
	if r.at != 0 {
		n += fmt.Sprintf("@%d", r.at)
	}
	if r.path != "" {
		n += "[" + r.path + "]"
	}
	return n
}

func newQAP(g *globals) *cobra.Command {
	var format, out, ySpec, xSpec string
	var yAt, xAt, reps int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "qap PATH --y RELATION --x RELATION[,…]",
		Short: "QAP correlation and MRQAP regression between layers, tie columns, periods or data sets",
		Long: `qap asks whether one relation predicts another over the pairs of actors: the QAP correlation of
--y with each --x and the MRQAP regression of --y on all of them (ordinary least squares with
an intercept; each term's p-value by Dekker's double semi-partialling, as sna's netlm with
nullhyp "qapspp"), with --reps random permutations of the actors, seeded by --seed.

A RELATION is a layer (bilateral, clubs or combined, built as the global flags say), or
ties:COLUMN: an extra numeric column of ties.csv (a pair's value is the largest among its
active tie rows) or, when there is no such column, a domain (1 where an active tie row lists
it, e.g. ties:defense). RELATION@DIR reads it from another data set, matched by actor id.
--at YEAR sets the period of both sides; --y-at and --x-at set each (0: all time). The
actors are the union of the nodes of this data set's relations; an actor absent from a
period has no relation in it. The global --layer is not used (--y and --x name the layers);
--club-weight, --projection, --where and --min-weight apply to every relation, of every data
set.

p-values are the share of permutations as extreme as the data, as sna and UCINET report them:
p(>=), p(<=) and two-sided p(|.|>=).`,
		Example: `  liaison qap testdata/example --y bilateral --x clubs
  liaison qap testdata/example --y bilateral --x clubs,ties:sigint --reps 2000 --format json
  liaison qap testdata/qap-random --y bilateral --y-at 2010 --x bilateral,clubs --x-at 2000`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			for _, f := range []struct {
				name string
				v    int
			}{{"reps", reps}, {"y-at", yAt}, {"x-at", xAt}} {
				if err := inferenceFlag(f.name, f.v); err != nil {
					return err
				}
			}
			base, err := g.options()
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("y-at") {
				yAt = base.At
			}
			if !cmd.Flags().Changed("x-at") {
				xAt = base.At
			}
			y, err := parseRelation("y", ySpec, yAt)
			if err != nil {
				return err
			}
			if y.path != "" {
				return usageError{fmt.Errorf("--y %s: the dependent relation is of PATH's data set", ySpec)}
			}
			var xs []relationSpec
			for _, s := range strings.Split(xSpec, ",") {
				if strings.TrimSpace(s) == "" {
					continue
				}
				x, err := parseRelation("x", s, xAt)
				if err != nil {
					return err
				}
				xs = append(xs, x)
			}
			if len(xs) == 0 {
				return usageError{fmt.Errorf("--x: name at least one relation")}
			}
			res, err := runQAP(cmd, args[0], base, y, xs, inference.Options{Reps: reps, Seed: seed})
			if err != nil {
				return err
			}
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, res)
				}
				return qapTable(termWriter{w}, res)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&ySpec, "y", "bilateral", "the dependent `RELATION`")
	f.StringVar(&xSpec, "x", "clubs", "the explanatory relations, a comma-separated `LIST` of RELATIONs")
	f.IntVar(&yAt, "y-at", 0, "the `YEAR` of --y (default --at)")
	f.IntVar(&xAt, "x-at", 0, "the `YEAR` of --x (default --at)")
	f.IntVar(&reps, "reps", 1000, "number of permutations")
	f.Uint64Var(&seed, "seed", 1, "seed of the permutations")
	f.StringVar(&format, "format", "table", "output format: table or json")
	f.StringVarP(&out, "output", "o", "", "write to this `FILE` (atomically)")
	return cmd
}

// runQAP builds the relations and runs the tests.
func runQAP(cmd *cobra.Command, path string, base graphmodel.Options, y relationSpec, xs []relationSpec, o inference.Options) (*qapResult, error) {
	sets := map[string]*graphmodel.Dataset{}
	load := func(p string) (*graphmodel.Dataset, error) {
		if d, ok := sets[p]; ok {
			return d, nil
		}
		d, err := graphmodel.Load(p)
		if err != nil {
			return nil, err
		}
		sets[p] = d
		return d, nil
	}
	layers := map[string]*graphmodel.Layer{}
	layerOf := func(r relationSpec) (*graphmodel.Layer, error) {
		p := path
		if r.path != "" {
			p = r.path
		}
		kind := r.kind
		if kind == "ties" {
			kind = string(graphmodel.Bilateral)
		}
		k := fmt.Sprintf("%s|%d|%s", p, r.at, kind)
		if l, ok := layers[k]; ok {
			return l, nil
		}
		d, err := load(p)
		if err != nil {
			return nil, err
		}
		lo := base
		lo.At, lo.Layer = r.at, graphmodel.LayerKind(kind)
		l, err := d.Layer(lo)
		if err != nil {
			return nil, err
		}
		layers[k] = l
		return l, nil
	}
	all := append([]relationSpec{y}, xs...)
	var own []*graphmodel.Layer
	for _, r := range all {
		l, err := layerOf(r)
		if err != nil {
			return nil, err
		}
		if r.path == "" {
			own = append(own, l)
		}
	}
	actors := inference.UnionActors(own...)
	res := &qapResult{Dataset: path, Actors: len(actors), Pairs: len(actors) * (len(actors) - 1) / 2}
	build := func(flag string, r relationSpec) (inference.Matrix, relationInfo, error) {
		info := relationInfo{Name: r.name(), Kind: r.kind, At: r.at, Dataset: r.path}
		if r.kind == "ties" {
			info.Kind = "ties:" + r.column
		}
		l, err := layerOf(r)
		if err != nil {
			return inference.Matrix{}, info, err
		}
		var m inference.Matrix
		if r.kind == "ties" {
			m, err = inference.TieColumnMatrix(info.Name, l, r.column, actors)
		} else {
			m, err = inference.LayerMatrix(info.Name, l, actors)
		}
		if err != nil {
			return m, info, usageError{fmt.Errorf("--%s: %w", flag, err)}
		}
		if r.path != "" {
			matched := 0
			for _, a := range actors {
				if _, ok := l.NodeID(a); ok {
					matched++
				}
			}
			if matched == 0 {
				return m, info, usageError{fmt.Errorf("--%s %s: no actor of %s is an actor of %s", flag, info.Name, r.path, path)}
			}
			res.Notes = append(res.Notes, fmt.Sprintf("%s: %d of the %d actors matched by id", info.Name, matched, len(actors)))
		}
		return m, info, nil
	}
	ym, yi, err := build("y", y)
	if err != nil {
		return nil, err
	}
	res.Y = yi
	var xms []inference.Matrix
	for _, x := range xs {
		xm, xi, err := build("x", x)
		if err != nil {
			return nil, err
		}
		res.X = append(res.X, xi)
		xms = append(xms, xm)
	}
	ctx := cmd.Context()
	for _, xm := range xms {
		c, err := inference.Correlate(ctx, ym, xm, o)
		if err != nil {
			return nil, qapError(err)
		}
		res.Correlations = append(res.Correlations, c)
	}
	if res.Regression, err = inference.Regress(ctx, ym, xms, o); err != nil {
		return nil, qapError(err)
	}
	return res, nil
}

// qapError makes a degenerate relation a usage error (exit 2): the command line asked for it.
func qapError(err error) error {
	if errors.Is(err, inference.ErrDegenerate) {
		return usageError{err}
	}
	return err
}

func qapTable(w io.Writer, r *qapResult) error {
	fmt.Fprintf(w, "QAP on %s: %d actors, %d pairs, %d permutations (seed %d)\n", r.Dataset, r.Actors, r.Pairs, r.Regression.Reps, r.Regression.Seed)
	fmt.Fprintf(w, "y = %s\n", r.Y.Name)
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "correlation with\tr\tp(>=)\tp(<=)\tp(|r|>=)\tnull mean\tnull sd\t")
	for _, c := range r.Correlations {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t\n", c.X, c.R, c.PGreater, c.PLess, c.PAbs, c.NullMean, c.NullSD)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	g := r.Regression
	fmt.Fprintf(w, "\nMRQAP regression of %s (Dekker's double semi-partialling): R² %.4f, adjusted %.4f\n", g.Y, g.R2, g.AdjR2)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "term\testimate\tstd. error\tt\tp(>=)\tp(<=)\tp(|t|>=)\t")
	for _, c := range g.Coefficients {
		fmt.Fprintf(tw, "%s\t%.4g\t%.4g\t%.3f\t%.4f\t%.4f\t%.4f\t\n", c.Name, c.Estimate, c.StdErr, c.T, c.PGreater, c.PLess, c.PAbs)
	}
	return tw.Flush()
}
