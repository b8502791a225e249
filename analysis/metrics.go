package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// This file is the choice of what an analysis computes (Options.Metrics, analyze --metrics).

// Metrics are the names Options.Metrics takes, in the order of the JSON document: the actor
// measures, then "typology", which stands for the classification of ties and clubs, the
// four-class counts and lists, the brokerage roles, the clubs per actor and the hubs.
var Metrics = []string{
	"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
	"core", "core_periphery", "clustering", "constraint", "effective_size", "community", "cliques", "typology",
}

// ParseMetrics reads a comma-separated list of metric names (case and spaces ignored,
// repeats allowed); an unknown name is an error listing the known ones.
func ParseMetrics(list string) ([]string, error) {
	var out []string
	for _, part := range strings.Split(list, ",") {
		name := strings.ToLower(strings.TrimSpace(part))
		if !slices.Contains(Metrics, name) {
			return nil, fmt.Errorf("unknown metric %q: want a comma-separated list of %s", strings.TrimSpace(part), strings.Join(Metrics, ", "))
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out, nil
}

// metricSet is a set of Metrics, by position.
type metricSet uint32

var allMetrics = metricSet(1)<<len(Metrics) - 1

func metricBit(name string) metricSet {
	i := slices.Index(Metrics, name)
	if i < 0 {
		panic("analysis: no metric " + name)
	}
	return 1 << i
}

func (s metricSet) has(name string) bool { return s&metricBit(name) != 0 }

// chooseMetrics resolves Options.Metrics: nil is every metric; otherwise the names asked
// and what they need. The typology's hubs rank actors by eigenvector and betweenness, and
// its brokerage roles may group actors by community (byCommunity).
func chooseMetrics(names []string, byCommunity bool) (metricSet, error) {
	if names == nil {
		return allMetrics, nil
	}
	var s metricSet
	for _, n := range names {
		if !slices.Contains(Metrics, n) {
			return 0, fmt.Errorf("unknown metric %q: want one of %s", n, strings.Join(Metrics, ", "))
		}
		s |= metricBit(n)
	}
	if s.has("typology") {
		s |= metricBit("eigenvector") | metricBit("betweenness")
		if byCommunity {
			s |= metricBit("community")
		}
	}
	return s, nil
}

func (s metricSet) names() []string {
	var out []string
	for i, n := range Metrics {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// metricOf is the metric that a measure of the Measures registry belongs to.
func metricOf(measure string) string {
	if measure == "clubs" || strings.HasPrefix(measure, "brokerage_") {
		return "typology"
	}
	return measure
}

// Computed says whether the analysis computed the metric or measure name (a name of Metrics
// or of Measures; "" is what every analysis computes): always, unless Options.Metrics chose
// others. What was not computed is
// left out of the JSON document and the table.
func (r *Result) Computed(name string) bool {
	return r.Metrics == nil || name == "" || slices.Contains(r.Metrics, metricOf(name))
}

// groupsByCommunity says whether the brokerage roles group actors by community: when asked
// (groups "community"), or by default when no actor has a region (see brokerageGroups).
func groupsByCommunity(l *graphmodel.Layer, groups string) bool {
	if groups != "" {
		return groups == "community"
	}
	return !slices.ContainsFunc(l.Data.Actors, func(a graphmodel.Actor) bool { return a.Region != "" })
}
