package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
)

// pathFlags choose how the shortest-path measures and the communities are computed.
type pathFlags struct {
	epsilon, delta  float64
	reduce          bool
	sampleCloseness bool
	community       string
}

func (pf *pathFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.Float64Var(&pf.epsilon, "epsilon", 0, "estimate betweenness to within `E` of the exact value (Riondato–Kornaropoulos sampling; closeness and harmonic are then left out; 0: off)")
	f.Float64Var(&pf.delta, "delta", 0.1, "with --epsilon: the probability `D` that some actor's estimate misses by more than E")
	f.BoolVar(&pf.reduce, "reduce", false, "exact betweenness by degree-1 folding and biconnected splitting (faster on sparse layers; closeness and harmonic are then left out)")
	f.BoolVar(&pf.sampleCloseness, "sample-closeness", false, "with --sample K: estimate closeness and harmonic from the K sources instead of leaving them out")
	f.StringVar(&pf.community, "community", "louvain", "community detection: "+strings.Join(analysis.CommunityMethods, " or "))
}

// apply checks the flags and sets them in o.
func (pf *pathFlags) apply(o *analysis.Options) error {
	if err := checkFlags(flagValue{"epsilon", pf.epsilon}, flagValue{"delta", pf.delta}); err != nil {
		return err
	}
	if pf.community != "louvain" && pf.community != "leiden" {
		return usageError{fmt.Errorf("--community %q: want %s", pf.community, strings.Join(analysis.CommunityMethods, " or "))}
	}
	if pf.epsilon > 0 && o.Sample > 0 {
		return usageError{fmt.Errorf("--epsilon and --sample: choose one way of sampling")}
	}
	if pf.sampleCloseness && o.Sample == 0 {
		return usageError{fmt.Errorf("--sample-closeness needs --sample K")}
	}
	if pf.reduce && (o.Sample > 0 || pf.epsilon > 0) {
		return usageError{fmt.Errorf("--reduce computes exact betweenness: not with --sample or --epsilon")}
	}
	o.Paths = analysis.PathChoice{Reduce: pf.reduce, SampledCloseness: pf.sampleCloseness}
	if pf.epsilon > 0 {
		o.Paths.Epsilon, o.Paths.Delta = pf.epsilon, pf.delta
	}
	if pf.community == "leiden" {
		o.Community = "leiden"
	}
	return o.ValidatePaths()
}
