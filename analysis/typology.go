package analysis

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// defaultHubs is the number of alliance hubs listed by default.
const defaultHubs = 10

// TypologyOptions tune the relational/transactional classification. The zero value gives
// the documented defaults.
type TypologyOptions struct {
	// TieWeights and ClubWeights weigh the factors in the scores (default 1 each; a weight of
	// 0 leaves a factor out). Unknown names are an error.
	TieWeights, ClubWeights map[string]float64
	// Threshold is the score from which a tie or club is relational (default 0.5).
	Threshold float64
	// TieThreshold, when > 0, is the ties' threshold instead (a calibrated one, from a weights
	// file of liaison calibrate).
	TieThreshold float64
	// Saturation is the number of years after which duration and age count fully (default 20).
	Saturation float64
	// SmallClub is the club size up to which size counts fully; a club of k > SmallClub
	// members scores SmallClub/k (default 5, the Five Eyes).
	SmallClub float64
	// WeightScale is the intensity (bilateral weight per active tie row) from which the weight
	// factor counts fully: weight = min(1, intensity / WeightScale) (default 5, the top of the
	// example's scale).
	WeightScale float64
	// CoreScale is the k-core number from which the core factor counts fully: core =
	// min(1, min(core(a), core(b)) / CoreScale) (default 4: a pair inside a five-actor clique).
	CoreScale float64
	// Draws is the number of Monte Carlo draws behind p_relational (default 100).
	Draws int
	// Reciprocity tunes the reading of exchanges.
	Reciprocity ReciprocityOptions
	// Hubs is the number of alliance hubs listed (default 10).
	Hubs int
	// Groups are the groups of the brokerage roles: "region" (actors.csv's region column),
	// "community" (the Louvain communities), "club" (each actor's smallest club), or "" for
	// region when any actor has one, communities otherwise.
	Groups string
}

// Validate checks the options.
func (o TypologyOptions) Validate() error {
	_, err := o.withDefaults()
	return err
}

func (o TypologyOptions) withDefaults() (TypologyOptions, error) {
	fill := func(m map[string]float64, names []string) (map[string]float64, error) {
		out := map[string]float64{}
		for _, n := range names {
			out[n] = 1
		}
		for k, v := range m {
			if !slices.Contains(names, k) {
				return nil, fmt.Errorf("unknown factor %q (want one of %s)", k, strings.Join(names, ", "))
			}
			if !(v >= 0) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("factor %s: weight %v is not a finite number ≥ 0", k, v)
			}
			out[k] = v
		}
		return out, nil
	}
	var err error
	if o.TieWeights, err = fill(o.TieWeights, TieFactors); err != nil {
		return o, err
	}
	if o.ClubWeights, err = fill(o.ClubWeights, ClubFactors); err != nil {
		return o, err
	}
	if o.Threshold <= 0 {
		o.Threshold = 0.5
	}
	if o.TieThreshold <= 0 {
		o.TieThreshold = o.Threshold
	}
	if o.Saturation <= 0 {
		o.Saturation = 20
	}
	if o.SmallClub <= 0 {
		o.SmallClub = 5
	}
	if o.WeightScale <= 0 {
		o.WeightScale = 5
	}
	if o.CoreScale <= 0 {
		o.CoreScale = 4
	}
	if o.Draws <= 0 {
		o.Draws = 100
	}
	if o.Hubs <= 0 {
		o.Hubs = defaultHubs
	}
	switch o.Groups {
	case "", "region", "community", "club":
	default:
		return o, fmt.Errorf("groups %q: want region, community or club", o.Groups)
	}
	o.Reciprocity = o.Reciprocity.withDefaults()
	return o, nil
}

// TieResult is the classification of one bilateral tie.
type TieResult struct {
	Source          string       `json:"source"` // the lesser id
	Target          string       `json:"target"`
	Weight          float64      `json:"weight"`           // bilateral weight in the period
	Class           string       `json:"class"`            // relational or transactional
	RelationalScore float64      `json:"relational_score"` // the weighted mean of the factors
	PRelational     float64      `json:"p_relational"`     // the share of Monte Carlo draws calling it relational
	DecidedBy       string       `json:"decided_by"`       // "reciprocity" (a rich exchange record) or "factors"
	Factors         Factors      `json:"factors"`          // the factors with evidence, each in [0, 1]
	Domains         []string     `json:"domains"`
	Reciprocity     *Reciprocity `json:"reciprocity,omitempty"` // when the pair has exchanges
}

// ClubResult is the classification of one club active in the period.
type ClubResult struct {
	ID              string       `json:"id"`
	Name            string       `json:"name,omitempty"`
	Members         []string     `json:"members"`
	Class           string       `json:"class"`
	RelationalScore float64      `json:"relational_score"`
	PRelational     float64      `json:"p_relational"`
	DecidedBy       string       `json:"decided_by"` // "reciprocity", "factors" or "size" (a club of one)
	Factors         Factors      `json:"factors"`
	Reciprocity     *Reciprocity `json:"reciprocity,omitempty"` // the members' generalised reciprocity, when they exchange
}

// Typology counts the four classes of cooperation.
type Typology struct {
	TransactionalBilateral    int `json:"transactional_bilateral"`
	RelationalBilateral       int `json:"relational_bilateral"`
	TransactionalMultilateral int `json:"transactional_multilateral"`
	RelationalMultilateral    int `json:"relational_multilateral"`
}

// TypologyLists names the members of each class: ties as "A–B", clubs by id.
type TypologyLists struct {
	TransactionalBilateral    []string `json:"transactional_bilateral"`
	RelationalBilateral       []string `json:"relational_bilateral"`
	TransactionalMultilateral []string `json:"transactional_multilateral"`
	RelationalMultilateral    []string `json:"relational_multilateral"`
	// Uncertain lists the ties and clubs whose p_relational lies between UncertainLow and
	// UncertainHigh: calls that plausible settings or a resampled record would change.
	Uncertain []string `json:"uncertain"`
}

// Hub is an alliance hub.
type Hub struct {
	ID    string  `json:"id"`
	Name  string  `json:"name,omitempty"` // the actor's name, when the data set gives one
	Score float64 `json:"score"`
	Why   string  `json:"why"`
}

// Brokerage counts Gould and Fernandez's brokerage roles of an actor: open two-paths a–b–c
// (a and c not tied) through b, by the groups of a, b and c.
type Brokerage struct {
	Coordinator    int `json:"coordinator"`    // a, b, c in one group
	Itinerant      int `json:"itinerant"`      // a and c in one group, b in another
	Gatekeeper     int `json:"gatekeeper"`     // b in the group of exactly one of a, c
	Representative int `json:"representative"` // the same count: on undirected ties the two roles coincide
	Liaison        int `json:"liaison"`        // three different groups
}

// TypologySettings records the parameters the classification used.
type TypologySettings struct {
	TieWeights      map[string]float64 `json:"tie_weights"`
	ClubWeights     map[string]float64 `json:"club_weights"`
	Threshold       float64            `json:"threshold"`
	TieThreshold    float64            `json:"tie_threshold"`
	Saturation      float64            `json:"saturation_years"`
	SmallClub       float64            `json:"small_club"`
	WeightScale     float64            `json:"weight_scale"`
	CoreScale       float64            `json:"core_scale"`
	ReferenceYear   int                `json:"reference_year,omitempty"`
	Window          int                `json:"answer_window_days"`
	VolumeRatio     float64            `json:"answer_volume_ratio"`
	MinEach         int                `json:"reciprocity_min_each_way"`
	Alpha           float64            `json:"reciprocity_alpha"`
	NullDraws       int                `json:"reciprocity_null_draws"`
	Draws           int                `json:"uncertainty_draws"`
	WeightSpread    float64            `json:"uncertainty_weight_spread"`
	ThresholdSpread float64            `json:"uncertainty_threshold_spread"`
	Seed            uint64             `json:"seed"`
	BrokerageGroup  string             `json:"brokerage_groups"`
}

// weightVector lists the weights in the factors' report order.
func weightVector(w map[string]float64, names []string) []float64 {
	out := make([]float64, len(names))
	for i, n := range names {
		out[i] = w[n]
	}
	return out
}

// score is the weighted mean of the available factors (weights in report order), summed in
// report order.
func score(f Factors, w []float64) float64 {
	num, den := 0.0, 0.0
	for i, v := range f.vals {
		if !math.IsNaN(v) {
			num += w[i] * v
			den += w[i]
		}
	}
	if den == 0 {
		return 0
	}
	return num / den
}

// Contributions returns each factor's share of a score: weight × value / Σ weights of the
// available factors, in report order; the shares add up to the score.
func Contributions(factors Factors, weights map[string]float64) []FactorShare {
	den := 0.0
	factors.Each(func(k string, _ float64) { den += weights[k] })
	var out []FactorShare
	for _, k := range factors.Names() {
		v, ok := factors.Get(k)
		if !ok {
			out = append(out, FactorShare{Name: k, Weight: weights[k]})
			continue
		}
		c := 0.0
		if den > 0 {
			c = weights[k] * v / den
		}
		out = append(out, FactorShare{Name: k, Value: v, Weight: weights[k], Contribution: c, Available: true})
	}
	return out
}

// FactorShare is one line of an explanation.
type FactorShare struct {
	Name                        string
	Value, Weight, Contribution float64
	Available                   bool
}

func classOf(s, threshold float64) string {
	if s >= threshold {
		return "relational"
	}
	return "transactional"
}

// classify fills the ties, clubs and typology of r. x is the index of the analysed layer l;
// core and cliques are those of x, or nil (Classify): they are then computed where needed.
// It returns the positions in r.Clubs of each node's active clubs.
//
// The evidence rules of the contract's §4: a factor without evidence abstains (absent, out of
// the mean); where a pair's (club's) exchange record is rich, its reciprocity decides the
// class (decided_by "reciprocity"), else the weighted mean of the factors does ("factors");
// every factor is local (no rank among ties, no network-wide maximum); p_relational is the
// share of Monte Carlo draws (weights, threshold, and the bootstrap of the record) in which
// the call is relational.
func classify(l *graphmodel.Layer, x *Index, core []int, cliques [][]int32, r *Result, o TypologyOptions, seed uint64) ([][]int, error) {
	d := l.Data
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	ref := l.Options.At
	if ref == 0 {
		if _, last, ok := d.Span(); ok {
			ref = int(last.Year)
		}
	}
	firstYear := 0
	if first, _, ok := d.Span(); ok {
		firstYear = int(first.Year)
	}
	ro := o.Reciprocity
	r.Settings = TypologySettings{
		TieWeights: o.TieWeights, ClubWeights: o.ClubWeights, Threshold: o.Threshold, TieThreshold: o.TieThreshold, Saturation: o.Saturation,
		SmallClub: o.SmallClub, WeightScale: o.WeightScale, CoreScale: o.CoreScale, ReferenceYear: ref,
		Window: ro.Window, VolumeRatio: ro.VolumeRatio, MinEach: ro.MinEach, Alpha: ro.Alpha, NullDraws: ro.NullDraws,
		Draws: o.Draws, WeightSpread: weightSpread, ThresholdSpread: thresholdSpread, Seed: seed,
	}

	// The bilateral and combined layers of the same period (the same nodes, so the same ids),
	// from the period view.
	bx, err := indexOf(l, x, graphmodel.Bilateral)
	if err != nil {
		return nil, err
	}
	cx, err := indexOf(l, x, graphmodel.Combined)
	if err != nil {
		return nil, err
	}
	ccore, ccliques := core, cliques
	if cx != x || core == nil {
		ccore, ccliques = CoreNumbers(cx), MaximalCliques(cx, 3)
	}
	cliquesOf := make([][]int32, cx.N) // combined-layer clique numbers of each node, ascending
	for i, c := range ccliques {
		for _, v := range c {
			cliquesOf[v] = append(cliquesOf[v], int32(i))
		}
	}
	// The size of each node's component on the combined layer: a pair alone in its component
	// has no neighbourhood, so the structural factors abstain.
	comp, ncomp := graphmodel.Components(cx.N, graphmodel.CSREdges(cx.Off, cx.Nbr))
	compSize := make([]int, ncomp)
	for _, c := range comp {
		compSize[c]++
	}

	// The ties: the pairs of the period with a bilateral part, in (u, v) order, and the tie
	// number of each pair (−1 for a club-only pair).
	pairs := l.Pairs()
	type bedge struct {
		u, v int32
		pair int
	}
	edges := make([]bedge, 0, bx.M())
	tieOf := make([]int32, len(pairs))
	for p, e := range pairs {
		tieOf[p] = -1
		if e.Bilateral > 0 {
			tieOf[p] = int32(len(edges))
			edges = append(edges, bedge{e.U, e.V, p})
		}
	}
	edgeOf := func(a, b int32) int {
		if p, ok := l.PairOf(a, b); ok {
			return int(tieOf[p])
		}
		return -1
	}
	rowsOf := func(e int) []int32 { return l.TieRows(edges[e].pair) }

	// The intensity of a tie is its bilateral weight per active tie row (several rows are
	// spells: their summed weight measures history, which duration scores); the weight factor
	// saturates it at WeightScale, an absolute scale, so that no tie's factor depends on others.
	weightFactor := func(e int) float64 {
		in := pairs[edges[e].pair].Bilateral / float64(max(1, len(rowsOf(e))))
		return math.Min(1, in/o.WeightScale)
	}

	// Clubs first: the tie factor "clubs" uses their classes. Their cliques factor needs the
	// maximal cliques of the bilateral layer.
	var bCliquesOf [][]int32
	if len(l.Clubs) > 0 {
		bcliques := cliques
		if bx != x || cliques == nil {
			bcliques = MaximalCliques(bx, 3)
		}
		bCliquesOf = make([][]int32, bx.N)
		for i, c := range bcliques {
			for _, v := range c {
				bCliquesOf[v] = append(bCliquesOf[v], int32(i))
			}
		}
	}
	tieW, clubW := weightVector(o.TieWeights, TieFactors), weightVector(o.ClubWeights, ClubFactors)
	draws := newDraws(o, seed)
	institution := columnIndex(d.Columns.Clubs, "institution")
	memberOf := make([][]int, l.Len()) // positions in r.Clubs of each node's active clubs
	for _, lc := range l.Clubs {
		c := &d.Clubs[lc.Index]
		k := len(lc.Members)
		cr := ClubResult{ID: lc.ID, Name: c.Name, Members: x.names(lc.Members), Factors: newFactors(ClubFactors)}
		// The members' bilateral record: the factors on it abstain when no two members have a
		// bilateral tie in the period (contract §4): a club whose members rely on the club
		// itself (alliance data: NATO members need no treaty with each other) is not counted
		// as untied.
		if k >= 2 {
			pairs, tied, inClique := 0, 0, 0
			strength := 0.0
			for i := 0; i < k; i++ {
				for j := i + 1; j < k; j++ {
					u, v := lc.Members[i], lc.Members[j]
					pairs++
					if e := edgeOf(u, v); e >= 0 {
						tied++
						strength += weightFactor(e)
					}
					if jaccard(bCliquesOf[u], bCliquesOf[v]) > 0 {
						inClique++
					}
				}
			}
			if tied > 0 {
				cr.Factors.Set("density", float64(tied)/float64(pairs))
				cr.Factors.Set("strength", strength/float64(tied))
				cr.Factors.Set("cliques", float64(inClique)/float64(pairs))
			}
		}
		cr.Factors.Set("size", math.Min(1, o.SmallClub/float64(k)))
		if ref != 0 {
			since := firstYear
			if !c.Since.IsZero() {
				since = int(c.Since.Year)
			}
			until := ref
			if !c.Until.IsZero() && int(c.Until.Year) < ref {
				until = int(c.Until.Year)
			}
			cr.Factors.Set("age", math.Min(1, math.Max(0, float64(until-since+1))/o.Saturation))
		}
		if institution >= 0 && institution < len(c.Extra) {
			if v, err := strconv.ParseFloat(strings.TrimSpace(c.Extra[institution]), 64); err == nil && v >= 0 && v <= 1 {
				cr.Factors.Set("institution", v)
			}
		}
		cr.Reciprocity = clubReciprocity(l, lc, ro, rand.New(rand.NewPCG(seed, clubSeed^idSeed(lc.ID))))
		if cr.Reciprocity != nil {
			cr.Factors.Set("reciprocity", cr.Reciprocity.Diffuse)
		}
		dropZeroWeight(cr.Factors, clubW)
		cr.RelationalScore = score(cr.Factors, clubW)
		verdict := ""
		if cr.Reciprocity != nil {
			verdict = cr.Reciprocity.Verdict
		}
		switch {
		case k < 2:
			cr.Class, cr.DecidedBy, cr.PRelational = "transactional", "size", 0 // a club of one shares nothing
		case verdict != "":
			cr.Class, cr.DecidedBy = verdict, "reciprocity"
			cr.PRelational = draws.p(cr.Factors.vals, clubW, []resample{{verdict: verdict}}, -1, o.Threshold)
		default:
			cr.Class, cr.DecidedBy = classOf(cr.RelationalScore, o.Threshold), "factors"
			cr.PRelational = draws.p(cr.Factors.vals, clubW, nil, -1, o.Threshold)
		}
		for _, m := range lc.Members {
			memberOf[m] = append(memberOf[m], len(r.Clubs))
		}
		r.Clubs = append(r.Clubs, cr)
	}

	// Ties: every edge of the bilateral layer, in parallel chunks.
	recipAt := slices.Index(TieFactors, "reciprocity")
	nf := len(TieFactors)
	// Options.CompactTies (Analyze set r.tieCols): each tie is classified into a scratch
	// TieResult and stored in columns; else into r.Ties, the factors of every tie in one array.
	cols := r.tieCols
	var factorVals []float64
	if cols != nil {
		cols = newTieColumns(x.IDs, len(edges))
		r.tieCols = cols
	} else {
		r.Ties = make([]TieResult, len(edges))
		factorVals = make([]float64, len(edges)*nf)
	}
	const chunk = tieChunk
	parallel(runtime.GOMAXPROCS(0), (len(edges)+chunk-1)/chunk, func(c int) {
		var scratch TieResult
		scratchVals := make([]float64, nf)
		if cols != nil {
			cols.begin(c)
			defer cols.end(c)
		}
		for e := c * chunk; e < min(len(edges), (c+1)*chunk); e++ {
			u, v := edges[e].u, edges[e].v
			tr, vals := &scratch, scratchVals
			if cols == nil {
				tr, vals = &r.Ties[e], factorVals[e*nf:(e+1)*nf]
			}
			*tr = TieResult{Source: x.IDs[u], Target: x.IDs[v], Factors: factorsIn(TieFactors, vals)}
			tr.Weight = pairs[edges[e].pair].Bilateral
			f := tr.Factors
			// Structural embeddedness on the combined layer; a pair alone in its component has
			// no neighbourhood to be embedded in, so these abstain.
			ku, kv := cx.Degree(int(u)), cx.Degree(int(v))
			shared := commonNeighbours(cx, u, v)
			if den := (ku - 1) + (kv - 1) - shared; den > 0 {
				f.Set("overlap", float64(shared)/float64(den))
			}
			if compSize[comp[u]] >= 3 {
				f.Set("cliques", jaccard(cliquesOf[u], cliquesOf[v]))
				f.Set("core", math.Min(1, float64(min(ccore[u], ccore[v]))/o.CoreScale))
			}
			// Co-membership in relational clubs; abstains in a period without clubs.
			if len(l.Clubs) > 0 {
				best := 0.0
				for _, ci := range memberOf[u] {
					if slices.Contains(memberOf[v], ci) && r.Clubs[ci].Class == "relational" {
						best = math.Max(best, r.Clubs[ci].RelationalScore)
					}
				}
				f.Set("clubs", best)
			}
			// Time: years covered by the active spells, and how continuous they are.
			rows := rowsOf(e)
			if ref != 0 && len(rows) > 0 {
				covered, first, last := spellYears(l, rows, firstYear, ref)
				f.Set("duration", math.Min(1, float64(covered)/o.Saturation))
				f.Set("continuity", float64(covered)/float64(last-first+1))
			}
			// Multiplexity: the distinct domains of the rows and exchanges.
			var doms []string
			for _, i := range rows {
				doms = append(doms, l.TieRowDomains(i)...)
			}
			for _, i := range l.Exchanges(edges[e].pair) {
				if dom := d.Exchanges[i].Domain; dom != "" {
					doms = append(doms, dom)
				}
			}
			slices.Sort(doms)
			doms = slices.Compact(doms)
			tr.Domains = doms
			if tr.Domains == nil {
				tr.Domains = []string{}
			}
			if len(doms) > 0 {
				f.Set("multiplexity", math.Min(1, float64(len(doms)-1)/3))
			}
			f.Set("weight", weightFactor(e))
			// Reciprocity: the factor, and the verdict of a rich record.
			var ts []transfer
			if hist := l.History(edges[e].pair); len(hist) > 0 {
				ts = transfers(d, hist)
				rc := pairReciprocity(ts, ro)
				rc.decide(ts, ro, rand.New(rand.NewPCG(seed, idSeed(tr.Source, tr.Target))))
				tr.Reciprocity = &rc
				f.Set("reciprocity", rc.Diffuse)
			}
			dropZeroWeight(f, tieW)
			tr.RelationalScore = score(f, tieW)
			var boot []resample
			if rc := tr.Reciprocity; rc != nil && !math.IsNaN(f.vals[recipAt]) {
				boot = rc.resamples(ts, ro, rand.New(rand.NewPCG(seed, idSeed(tr.Source, tr.Target)^bootSeed)))
			}
			if rc := tr.Reciprocity; rc != nil && rc.Verdict != "" {
				tr.Class, tr.DecidedBy = rc.Verdict, "reciprocity"
			} else {
				tr.Class, tr.DecidedBy = classOf(tr.RelationalScore, o.TieThreshold), "factors"
			}
			tr.PRelational = draws.p(f.vals, tieW, boot, recipAt, o.TieThreshold)
			if cols != nil {
				cols.put(e, u, v, tr)
			}
		}
	})

	// The typology. The lists are sized first: a million ties' names appended to growing
	// lists left about as much garbage again at the peak of an analysis.
	nRel, nUnc := 0, 0
	if cols != nil { // the ties' names are written from the columns (json_stream.go)
		for e := range cols.len() {
			if cols.relational[e] {
				r.Typology.RelationalBilateral++
			} else {
				r.Typology.TransactionalBilateral++
			}
		}
	}
	for i := range r.Ties {
		if r.Ties[i].Class == "relational" {
			nRel++
		}
		if uncertain(r.Ties[i].PRelational) {
			nUnc++
		}
	}
	nc := len(r.Clubs)
	r.TypologyLists.RelationalBilateral = make([]string, 0, nRel)
	r.TypologyLists.TransactionalBilateral = make([]string, 0, len(r.Ties)-nRel)
	r.TypologyLists.Uncertain = make([]string, 0, nUnc+nc)
	for _, t := range r.Ties {
		name := t.Source + "–" + t.Target
		if t.Class == "relational" {
			r.Typology.RelationalBilateral++
			r.TypologyLists.RelationalBilateral = append(r.TypologyLists.RelationalBilateral, name)
		} else {
			r.Typology.TransactionalBilateral++
			r.TypologyLists.TransactionalBilateral = append(r.TypologyLists.TransactionalBilateral, name)
		}
		if uncertain(t.PRelational) {
			r.TypologyLists.Uncertain = append(r.TypologyLists.Uncertain, name)
		}
	}
	for _, c := range r.Clubs {
		if c.Class == "relational" {
			r.Typology.RelationalMultilateral++
			r.TypologyLists.RelationalMultilateral = append(r.TypologyLists.RelationalMultilateral, c.ID)
		} else {
			r.Typology.TransactionalMultilateral++
			r.TypologyLists.TransactionalMultilateral = append(r.TypologyLists.TransactionalMultilateral, c.ID)
		}
		if uncertain(c.PRelational) {
			r.TypologyLists.Uncertain = append(r.TypologyLists.Uncertain, c.ID)
		}
	}
	r.TypologyLists.ensure()
	return memberOf, nil
}

// Uncertain bounds: a call whose p_relational lies strictly between them is listed apart.
const (
	UncertainLow  = 0.2
	UncertainHigh = 0.8
)

func uncertain(p float64) bool { return p > UncertainLow && p < UncertainHigh }

// Seeds of the per-pair and per-club random streams (PCG's second word, mixed with the key).
const (
	bootSeed = 0x626f6f7473747270
	clubSeed = 0x636c756273656564
)

// idSeed keys a random stream by ids (FNV-1a of the ids, NUL-separated), not by node numbers,
// so that a pair's draws do not change when other actors join the data set (locality).
func idSeed(ids ...string) uint64 {
	h := fnv.New64a()
	for _, id := range ids {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// columnIndex is the position of the extra column named name (case-insensitively), or −1.
func columnIndex(cols []graphmodel.Column, name string) int {
	for i, c := range cols {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// Classify computes only the typology of the period view l: the class of every bilateral tie
// and club with its factors, the four counts and the settings — what explaining one tie or
// club needs — without the centralities, communities, brokerage and hubs (Actors, Cliques,
// Communities and Hubs are left empty).
func Classify(ctx context.Context, l *graphmodel.Layer, o Options) (*Result, error) {
	r := &Result{View: l, Layer: layerInfo(l), Warnings: l.Warnings()}
	if _, err := classify(l, NewIndex(l), nil, nil, r, o.Typology, seedOf(o)); err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	return r, nil
}

func (l *TypologyLists) ensure() {
	for _, p := range []*[]string{&l.TransactionalBilateral, &l.RelationalBilateral, &l.TransactionalMultilateral, &l.RelationalMultilateral, &l.Uncertain} {
		if *p == nil {
			*p = []string{}
		}
	}
}

func dropZeroWeight(f Factors, w []float64) {
	for i := range f.vals {
		if w[i] == 0 {
			f.vals[i] = math.NaN()
		}
	}
}

// spellYears returns the number of distinct years covered by the tie rows (an open since
// starts at the data's first year, an open until ends at ref), and the first and last.
func spellYears(l *graphmodel.Layer, rows []int32, firstYear, ref int) (covered, first, last int) {
	type span struct{ a, b int }
	var spans []span
	for _, i := range rows {
		t := l.TieRowPeriod(i)
		a, b := firstYear, ref
		if !t.Since.IsZero() {
			a = int(t.Since.Year)
		}
		if !t.Until.IsZero() {
			b = min(int(t.Until.Year), ref)
		}
		if b >= a {
			spans = append(spans, span{a, b})
		}
	}
	if len(spans) == 0 {
		return 0, ref, ref
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
	first, last = spans[0].a, spans[0].b
	end := spans[0].a - 1
	for _, s := range spans {
		if s.b > end {
			covered += s.b - max(s.a, end+1) + 1
			end = s.b
		}
		last = max(last, s.b)
	}
	return covered, first, last
}

func commonNeighbours(x *Index, u, v int32) int {
	return mergeSorted(x.Nbr[x.Off[u]:x.Off[u+1]], x.Nbr[x.Off[v]:x.Off[v+1]], nil)
}

// jaccard is |a ∩ b| / |a ∪ b| for ascending lists; 0 when both are empty.
func jaccard(a, b []int32) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	c := mergeSorted(a, b, nil)
	return float64(c) / float64(len(a)+len(b)-c)
}
