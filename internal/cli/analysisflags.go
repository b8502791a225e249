package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// analysisFlags are the flags of the commands that run an analysis.
type analysisFlags struct {
	seed                    uint64
	runs, sample            int
	timings                 bool
	tieWeights, clubWeights string
	threshold, saturation   float64
	smallClub, volumeRatio  float64
	weightScale, coreScale  float64
	alpha                   float64
	minEach, nullDraws      int
	draws                   int
	window, hubs            int
	groups                  string
	fromNeo4j               bool
	conn                    connFlags
	// onePeriod: the command reads only the layer of --at, so with --at the data set is
	// loaded for that year alone (graphmodel.LoadOptions.At): the rows that cannot matter in
	// it are checked and dropped (analyze, typology, summary).
	onePeriod bool
	metrics   []string  // --metrics, --no-typology: nil for every metric
	paths     pathFlags // pathflags.go
	// compactTies: the command reads the ties only through WriteJSON (analyze), so they are
	// kept in columns (analysis.Options.CompactTies); releaseRows: it reads nothing of the
	// data set but the layer, so the layer lets the tie rows go (Layer.ReleaseTieRows).
	compactTies, releaseRows bool
}

func (af *analysisFlags) register(cmd *cobra.Command, timings bool) {
	f := cmd.Flags()
	f.Uint64Var(&af.seed, "seed", 1, "seed of Louvain and of betweenness sampling")
	f.IntVar(&af.runs, "louvain-runs", 0, "Louvain runs (seeds seed…seed+runs-1), the best partition kept (0: 10, or 1 above 200,000 edges)")
	f.IntVar(&af.sample, "sample", 0, "estimate betweenness from `K` random sources (0: exact; closeness and harmonic are then left out)")
	f.StringVar(&af.tieWeights, "tie-weights", "", "weights of the tie factors, e.g. `overlap=2,weight=0` (default 1 each): "+strings.Join(analysis.TieFactors, ", "))
	f.StringVar(&af.clubWeights, "club-weights", "", "weights of the club factors (default 1 each): "+strings.Join(analysis.ClubFactors, ", "))
	f.Float64Var(&af.threshold, "threshold", 0.5, "relational score from which a tie or club is relational")
	f.Float64Var(&af.saturation, "saturation", 20, "years after which duration and club age count fully")
	f.Float64Var(&af.smallClub, "small-club", 5, "club size up to which size counts fully (k members score small-club/k above it)")
	f.Float64Var(&af.weightScale, "weight-scale", 5, "tie intensity (weight per active row) from which the weight factor counts fully")
	f.Float64Var(&af.coreScale, "core-scale", 4, "k-core number from which the core factor counts fully")
	f.IntVar(&af.minEach, "min-each", 5, "transfers each way from which a pair's exchange record is rich enough for its reciprocity to decide")
	f.Float64Var(&af.alpha, "alpha", 0.05, "significance of the specificity test against the timing-shuffled null")
	f.IntVar(&af.nullDraws, "null-draws", 99, "timing-shuffled draws of the specificity test's null")
	f.IntVar(&af.draws, "draws", 100, "Monte Carlo draws behind p_relational (weights, threshold, bootstrap of the exchange record)")
	f.IntVar(&af.window, "window", 30, "days within which a transfer the other way answers an exchange")
	f.Float64Var(&af.volumeRatio, "volume-ratio", 2, "how far (as a factor) an answer's volume may be from the transfer's")
	f.IntVar(&af.hubs, "hubs", 10, "number of alliance hubs listed")
	f.StringVar(&af.groups, "groups", "", "groups of the brokerage roles: region, community or club (default: region when actors.csv has regions)")
	af.paths.register(cmd)
	if timings {
		f.BoolVar(&af.timings, "timings", false, "print the time each stage took to stderr")
	}
}

// registerNeo4j adds --from-neo4j and the connection flags: the data set is then pulled from
// Neo4j (as liaison neo4j pull does) instead of read from PATH.
func (af *analysisFlags) registerNeo4j(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&af.fromNeo4j, "from-neo4j", false, "read the data set from Neo4j (see liaison neo4j push) instead of PATH")
	af.conn.register(cmd)
}

// pathArg is the positional argument rule of the commands that take PATH or --from-neo4j.
func (af *analysisFlags) pathArg() cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case af.fromNeo4j && len(args) == 0, !af.fromNeo4j && len(args) == 1:
			return nil
		case af.fromNeo4j:
			return usageError{fmt.Errorf("give either PATH or --from-neo4j, not both")}
		}
		return usageError{fmt.Errorf("accepts 1 arg(s), received %d", len(args))}
	}
}

// load reads the data set at path, or pulls it from Neo4j with --from-neo4j.
func (af *analysisFlags) load(cmd *cobra.Command, args []string) (*graphmodel.Dataset, error) {
	return af.loadFor(cmd, args, 0)
}

// loadFor is load for a command that builds the layer of year at only: with onePeriod and at
// ≠ 0, only what that year can use is kept.
func (af *analysisFlags) loadFor(cmd *cobra.Command, args []string, at int) (*graphmodel.Dataset, error) {
	var o graphmodel.LoadOptions
	if af.onePeriod {
		o.At = at
	}
	if !af.fromNeo4j {
		return loadData(args[0], o)
	}
	s, err := af.conn.open(cmd)
	if err != nil {
		return nil, err
	}
	defer s.Close(cmd.Context())
	dir, err := os.MkdirTemp("", "liaison-neo4j-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := s.Pull(cmd.Context(), dir); err != nil {
		return nil, err
	}
	return loadData(dir, o)
}

// parseWeights reads --tie-weights / --club-weights: name=number pairs, or @FILE, a weights
// file of liaison calibrate (its "weights" and "threshold"; the threshold is returned, NaN
// when the form gives none).
func parseWeights(s string) (map[string]float64, float64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, math.NaN(), nil
	}
	if path, ok := strings.CutPrefix(strings.TrimSpace(s), "@"); ok {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, 0, err
		}
		var c analysis.Calibration
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, 0, fmt.Errorf("%s: not a weights file of liaison calibrate: %w", path, err)
		}
		if len(c.Weights) == 0 {
			return nil, 0, fmt.Errorf("%s: no weights", path)
		}
		return c.Weights, c.Threshold, nil
	}
	m := map[string]float64{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, 0, fmt.Errorf("weight %q: want name=number or @FILE", part)
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return nil, 0, fmt.Errorf("weight %q: %w", part, err)
		}
		m[strings.TrimSpace(k)] = f
	}
	return m, math.NaN(), nil
}

// flagRule is the allowed range of a numeric flag: ok reports whether a value is in it, want
// says it in the error message.
type flagRule struct {
	ok   func(v float64) bool
	want string
}

func finite(v float64) bool   { return !math.IsNaN(v) && !math.IsInf(v, 0) }
func positive(v float64) bool { return finite(v) && v > 0 }
func atLeast0(v float64) bool { return finite(v) && v >= 0 }

// flagRules are the ranges of the numeric flags, checked by checkFlags before anything is
// loaded. A value out of range is an error (exit 2), never replaced by the default; 0 is
// allowed only where it has a documented meaning (--sample 0: exact, --louvain-runs 0: auto,
// --at 0: all time, --min-weight 0: none, --club-weight 0: no club layer).
var flagRules = map[string]flagRule{
	"saturation":   {positive, "a number of years > 0"},
	"window":       {positive, "a number of days > 0"},
	"small-club":   {positive, "a club size > 0"},
	"volume-ratio": {func(v float64) bool { return finite(v) && v > 1 }, "a factor > 1"},
	"hubs":         {positive, "a number of hubs > 0"},
	"threshold":    {func(v float64) bool { return v > 0 && v <= 1 }, "a score in (0, 1]"},
	"weight-scale": {positive, "a number > 0"},
	"core-scale":   {positive, "a number > 0"},
	"min-each":     {positive, "a number of transfers > 0"},
	"alpha":        {func(v float64) bool { return v > 0 && v < 1 }, "a significance in (0, 1)"},
	"null-draws":   {positive, "a number of draws > 0"},
	"draws":        {positive, "a number of draws > 0"},
	"sample":       {atLeast0, "a number of sources ≥ 0 (0: exact betweenness)"},
	"louvain-runs": {atLeast0, "a number of runs ≥ 0 (0: auto, 10 or 1 above 200,000 edges)"},
	"club-weight":  {atLeast0, "a finite number ≥ 0"},
	"at":           {atLeast0, "a year ≥ 0 (0: all time)"},
	"min-weight":   {atLeast0, "a finite number ≥ 0 (0: keep every row)"},
	"epsilon":      {func(v float64) bool { return v >= 0 && v < 1 }, "a number in [0, 1) (0: no guaranteed sampling)"},
	"delta":        {func(v float64) bool { return v > 0 && v < 1 }, "a probability in (0, 1)"},
}

// flagValue is a numeric flag's name (without --) and value.
type flagValue struct {
	name  string
	value float64
}

// checkFlags checks each value against its rule in flagRules, in order, and returns a usage
// error naming the first flag out of range and its allowed range.
func checkFlags(values ...flagValue) error {
	for _, fv := range values {
		r, ok := flagRules[fv.name]
		if !ok {
			panic("checkFlags: no rule for --" + fv.name)
		}
		if !r.ok(fv.value) {
			return usageError{fmt.Errorf("--%s %v: want %s", fv.name, fv.value, r.want)}
		}
	}
	return nil
}

func (af *analysisFlags) options(st *stages) (analysis.Options, error) {
	if err := checkFlags(
		flagValue{"louvain-runs", float64(af.runs)}, flagValue{"sample", float64(af.sample)},
		flagValue{"threshold", af.threshold}, flagValue{"saturation", af.saturation},
		flagValue{"small-club", af.smallClub}, flagValue{"weight-scale", af.weightScale},
		flagValue{"core-scale", af.coreScale}, flagValue{"min-each", float64(af.minEach)},
		flagValue{"alpha", af.alpha}, flagValue{"null-draws", float64(af.nullDraws)},
		flagValue{"draws", float64(af.draws)}, flagValue{"window", float64(af.window)},
		flagValue{"volume-ratio", af.volumeRatio}, flagValue{"hubs", float64(af.hubs)},
	); err != nil {
		return analysis.Options{}, err
	}
	tw, tieThreshold, err := parseWeights(af.tieWeights)
	if err != nil {
		return analysis.Options{}, usageError{fmt.Errorf("--tie-weights: %w", err)}
	}
	cw, _, err := parseWeights(af.clubWeights)
	if err != nil {
		return analysis.Options{}, usageError{fmt.Errorf("--club-weights: %w", err)}
	}
	o := analysis.Options{
		Seed: af.seed, LouvainRuns: af.runs, Sample: af.sample,
		Typology: analysis.TypologyOptions{
			TieWeights: tw, ClubWeights: cw, Threshold: af.threshold, TieThreshold: zeroIfNaN(tieThreshold), Saturation: af.saturation,
			SmallClub: af.smallClub, Hubs: af.hubs, Groups: af.groups,
			WeightScale: af.weightScale, CoreScale: af.coreScale, Draws: af.draws,
			Reciprocity: analysis.ReciprocityOptions{Window: af.window, VolumeRatio: af.volumeRatio,
				MinEach: af.minEach, Alpha: af.alpha, NullDraws: af.nullDraws},
		},
	}
	o.CompactTies = af.compactTies
	if err := af.paths.apply(&o); err != nil {
		return o, err
	}
	if st != nil {
		o.Progress = st.progress
	}
	o.Metrics = af.metrics
	if err := o.Typology.Validate(); err != nil {
		return o, usageError{err}
	}
	return o, nil
}

// prepare checks the flags and loads the data set at path, for the commands that build
// several layers themselves.
func prepare(cmd *cobra.Command, g *globals, af *analysisFlags, args []string) (graphmodel.Options, analysis.Options, *graphmodel.Dataset, error) {
	lo, err := g.options()
	if err != nil {
		return lo, analysis.Options{}, nil, err
	}
	ao, err := af.options(nil)
	if err != nil {
		return lo, ao, nil, err
	}
	d, err := af.load(cmd, args)
	return lo, ao, d, err
}

// runAnalysis loads the data set at path, builds the layer the global flags choose and
// analyses it.
func runAnalysis(cmd *cobra.Command, g *globals, af *analysisFlags, args []string, st *stages) (*graphmodel.Dataset, *graphmodel.Layer, *analysis.Result, error) {
	lo, err := g.options()
	if err != nil {
		return nil, nil, nil, err
	}
	ao, err := af.options(st)
	if err != nil {
		return nil, nil, nil, err
	}
	st.begin("load and validate")
	d, err := af.loadFor(cmd, args, lo.At)
	if err != nil {
		return nil, nil, nil, err
	}
	st.begin("build layer")
	l, err := d.Layer(lo)
	if err != nil {
		return nil, nil, nil, err
	}
	if af.releaseRows {
		l.ReleaseTieRows()
		// A collection now, not when the heap reaches the goal the layer build set: that
		// goal came from a live heap holding the rows and the layer both (229 MB on
		// 1,000,000 ties, goal 344 MB), and the shortest paths grew the heap up to it.
		// Collecting here makes the goal half again what is left (98 MB live; 10 ms).
		runtime.GC()
	}
	r, err := analysis.Analyze(cmd.Context(), l, ao)
	if err != nil {
		return nil, nil, nil, err
	}
	warn(cmd, r.Warnings)
	return d, l, r, nil
}

func zeroIfNaN(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// warn prints the analysis' warnings to stderr, one a line.
func warn(cmd *cobra.Command, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(cmd.ErrOrStderr(), "liaison: warning: %s\n", w)
	}
}
