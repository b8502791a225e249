package analysis

// Kind is the type of a measure's values: counts are integers in Go and in every output
// (JSON numbers, GEXF/GraphML int, Neo4j integer), the rest float64.
type Kind uint8

// The kinds of measures.
const (
	Int Kind = iota
	Float
)

// Measure is one actor measure of the contract's §3, declared once: the JSON document, the
// table output, the GEXF/GraphML/CSV attributes, the Neo4j properties and the report's
// method section all loop over Measures. Adding a measure is one entry here plus its
// computation in Analyze.
type Measure struct {
	// Name is the measure's name in every output: the JSON field (for a brokerage role,
	// "brokerage_<role>", nested in JSON as brokerage.<role>), the export attribute and the
	// Neo4j property.
	Name string
	Kind Kind
	Help string
	// Column and Format give the measure's column in `liaison analyze --format table`
	// ("" when it has none) and its fmt verb there.
	Column, Format string
	// Value is the actor's value; false when it is absent (closeness and harmonic with
	// sampled betweenness).
	Value func(*ActorMetrics) (float64, bool)
}

// JSONGroup and JSONKey place the measure in the JSON document: at the top level of an actor
// (group "") or nested in the object group.
func (m Measure) JSONGroup() (group, key string) {
	if len(m.Name) > len(brokeragePrefix) && m.Name[:len(brokeragePrefix)] == brokeragePrefix {
		return "brokerage", m.Name[len(brokeragePrefix):]
	}
	return "", m.Name
}

const brokeragePrefix = "brokerage_"

func always(f func(*ActorMetrics) float64) func(*ActorMetrics) (float64, bool) {
	return func(a *ActorMetrics) (float64, bool) { return f(a), true }
}

func optional(f func(*ActorMetrics) *float64) func(*ActorMetrics) (float64, bool) {
	return func(a *ActorMetrics) (float64, bool) {
		if p := f(a); p != nil {
			return *p, true
		}
		return 0, false
	}
}

// Measures are the actor measures, in the order of every output.
var Measures = []Measure{
	{"degree", Int, "number of neighbours", "degree", "%g", always(func(a *ActorMetrics) float64 { return float64(a.Degree) })},
	{"strength", Float, "sum of incident weights", "strength", "%.4g", always(func(a *ActorMetrics) float64 { return a.Strength })},
	{"betweenness", Float, "Brandes betweenness, normalised by 2/((n−1)(n−2)); path length 1/weight", "betweenness", "%.4f", always(func(a *ActorMetrics) float64 { return a.Betweenness })},
	{"closeness", Float, "Wasserman–Faust closeness (r/(n−1)) · (r/Σ distances to the r reachable); absent with sampled betweenness", "closeness", "%.4f", optional(func(a *ActorMetrics) *float64 { return a.Closeness })},
	{"harmonic", Float, "Σ 1/distance over the reachable others; absent with sampled betweenness", "harmonic", "%.4f", optional(func(a *ActorMetrics) *float64 { return a.Harmonic })},
	{"eigenvector", Float, "principal eigenvector of the weighted adjacency matrix, unit norm", "eigenvector", "%.4f", always(func(a *ActorMetrics) float64 { return a.Eigenvector })},
	{"pagerank", Float, "PageRank, damping 0.85, weighted transitions", "pagerank", "%.4f", always(func(a *ActorMetrics) float64 { return a.PageRank })},
	{"core", Int, "k-core number (unweighted)", "core", "%g", always(func(a *ActorMetrics) float64 { return float64(a.Core) })},
	{"clustering", Float, "unweighted local clustering coefficient", "clustering", "%.3f", always(func(a *ActorMetrics) float64 { return a.Clustering })},
	{"constraint", Float, "Burt's constraint on weights", "constraint", "%.3f", always(func(a *ActorMetrics) float64 { return a.Constraint })},
	{"effective_size", Float, "Burt's effective size on weights", "eff. size", "%.2f", always(func(a *ActorMetrics) float64 { return a.EffectiveSize })},
	{"community", Int, "weighted Louvain community (resolution 1, seeded)", "community", "%g", always(func(a *ActorMetrics) float64 { return float64(a.Community) })},
	{"cliques", Int, "maximal cliques of 3 or more actors the actor is in", "cliques", "%g", always(func(a *ActorMetrics) float64 { return float64(a.Cliques) })},
	{"clubs", Int, "clubs the actor belongs to in the period", "", "", always(func(a *ActorMetrics) float64 { return float64(a.Clubs) })},
	{"brokerage_coordinator", Int, "Gould–Fernandez coordinator roles: a, b, c in one group", "", "", always(func(a *ActorMetrics) float64 { return float64(a.Brokerage.Coordinator) })},
	{"brokerage_itinerant", Int, "itinerant roles: a and c in one group, b in another", "", "", always(func(a *ActorMetrics) float64 { return float64(a.Brokerage.Itinerant) })},
	{"brokerage_gatekeeper", Int, "gatekeeper roles: b in the group of exactly one of a, c", "", "", always(func(a *ActorMetrics) float64 { return float64(a.Brokerage.Gatekeeper) })},
	{"brokerage_representative", Int, "representative roles: on undirected ties the gatekeeper count", "", "", always(func(a *ActorMetrics) float64 { return float64(a.Brokerage.Representative) })},
	{"brokerage_liaison", Int, "liaison roles: three different groups", "", "", always(func(a *ActorMetrics) float64 { return float64(a.Brokerage.Liaison) })},
}

// Factor is one factor of a tie's or club's relational score, declared once: the typology
// computes it, and explain, the JSON, the exports, Neo4j, the flags' help and the report loop
// over TieFactorSpecs and ClubFactorSpecs.
type Factor struct {
	Name string
	Help string // what it measures, in a line
	// Abstains says when the factor has no evidence: it is then absent from the factors and
	// from the mean, never 0.
	Abstains string
}

// TieFactorSpecs are the factors of a tie's relational score, in report order.
var TieFactorSpecs = []Factor{
	{"overlap", "shared neighbours on the combined layer (Onnela's overlap)", "never (0 when the ends have no other neighbour)"},
	{"cliques", "shared maximal cliques (Jaccard of the pair's cliques)", "never (0 when neither end is in a clique)"},
	{"core", "the pair's k-core level (lower core / highest core)", "when the combined layer has no edge"},
	{"clubs", "best shared relational club (its score)", "never (0 without a shared relational club)"},
	{"duration", "years the tie has been active / saturation", "without times in the data set, or without active tie rows (an exchange-only pair)"},
	{"continuity", "active years / years from first to last", "as duration"},
	{"multiplexity", "(domains − 1) / 3, capped at 1", "when no row or exchange of the pair gives a domain"},
	{"weight", "rank of the weight per spell among all ties", "never"},
	{"reciprocity", "balance × (1 − specificity) of the exchanges", "when the pair has no exchanges up to the period"},
}

// ClubFactorSpecs are the factors of a club's relational score, in report order.
var ClubFactorSpecs = []Factor{
	{"density", "share of member pairs with a bilateral tie", "for a club of one active member"},
	{"strength", "mean weight rank of the members' ties", "for a club of one active member"},
	{"cliques", "share of member pairs in a common bilateral clique", "for a club of one active member"},
	{"size", "small-club / members, capped at 1", "never"},
	{"age", "years active / saturation", "without times in the data set"},
}

func factorNames(fs []Factor) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// TieFactors and ClubFactors are the names of the factors, in report order.
var (
	TieFactors  = factorNames(TieFactorSpecs)
	ClubFactors = factorNames(ClubFactorSpecs)
)

// FactorHelp returns the help line of a factor of specs.
func FactorHelp(specs []Factor, name string) string {
	for _, f := range specs {
		if f.Name == name {
			return f.Help
		}
	}
	return ""
}
