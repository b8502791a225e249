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
	{"overlap", "shared neighbours on the combined layer: n_ab / ((k_a − 1) + (k_b − 1) − n_ab) (Onnela's overlap)", "when neither end has another neighbour"},
	{"cliques", "shared maximal cliques of 3 or more on the combined layer (Jaccard of the ends' cliques)", "when the pair's component on the combined layer has fewer than 3 actors"},
	{"core", "the pair's k-core level on the combined layer: min(1, min(core(a), core(b)) / core scale)", "as cliques"},
	{"clubs", "the best relational score among relational clubs both belong to (0 if none)", "when the period has no active club"},
	{"duration", "years the tie's active spells cover / saturation, at most 1", "without times in the data set, or for a pair without active tie rows (exchanges only)"},
	{"continuity", "years covered / years from the first spell's start to the last spell's end", "as duration"},
	{"multiplexity", "(distinct domains of the rows and exchanges − 1) / 3, at most 1", "when no row or exchange of the pair gives a domain"},
	{"weight", "the tie's intensity (bilateral weight per active row) / weight scale, at most 1", "never"},
	{"reciprocity", "balance × (1 − specificity) of the pair's exchanges up to the period", "when the pair has no exchanges up to the period"},
}

// ClubFactorSpecs are the factors of a club's relational score, in report order.
var ClubFactorSpecs = []Factor{
	{"density", "share of member pairs with a bilateral tie", "when no two active members have a bilateral tie in the period (the members rely on the club alone, or the record is clubs only), or for a club of one"},
	{"strength", "mean weight factor of the members' ties with each other", "as density"},
	{"cliques", "share of member pairs in a common maximal clique of the bilateral layer", "as density"},
	{"size", "small-club / members, at most 1: trust does not scale", "never"},
	{"age", "years active up to the reference year / saturation, at most 1", "without times in the data set"},
	{"institution", "the club's institutionalisation, clubs.csv column institution (0–1; e.g. Leeds and Anac 2005)", "without the column, or where it is empty or not a number in [0, 1]"},
	{"reciprocity", "generalised balance × (1 − specificity) of the members' exchanges with each other", "when the members have no exchanges with each other up to the period"},
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

// FactorAbstains returns when a factor of specs has no evidence.
func FactorAbstains(specs []Factor, name string) string {
	for _, f := range specs {
		if f.Name == name {
			return f.Abstains
		}
	}
	return ""
}
