package provenance

import (
	"cmp"
	"slices"
	"strconv"
	"sync"

	"github.com/liaison-net/liaison/graphmodel"
)

// Options are the parameters of Analyze. The zero value means the defaults.
type Options struct {
	// At keeps the record up to the end of this year (0: all of it): the transfers dated in
	// or before it.
	At int
	// PathCap is the most transfer paths listed for one line of a circular finding
	// (default 8); StepCap the most search steps spent on one line (default 10,000);
	// TotalSteps the most spent on all lines together (default 2,000,000). Findings are
	// searched worst first; a line whose search hit a bound is marked capped.
	PathCap, StepCap, TotalSteps int
	// MinPartners and MaxRatio flag a convergence: an assessment supported by at least
	// MinPartners partners (default 3) with independent origins / partners ≤ MaxRatio
	// (default 0.5).
	MinPartners int
	MaxRatio    float64
}

// Defaults of Options.
const (
	DefaultPathCap     = 8
	DefaultStepCap     = 10_000
	DefaultTotalSteps  = 2_000_000
	DefaultMinPartners = 3
	DefaultMaxRatio    = 0.5
)

func (o Options) withDefaults() Options {
	if o.PathCap <= 0 {
		o.PathCap = DefaultPathCap
	}
	if o.StepCap <= 0 {
		o.StepCap = DefaultStepCap
	}
	if o.TotalSteps <= 0 {
		o.TotalSteps = DefaultTotalSteps
	}
	if o.MinPartners <= 0 {
		o.MinPartners = DefaultMinPartners
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = DefaultMaxRatio
	}
	return o
}

// Result holds every finding. Lists are sorted (see each type) and the same data set and
// options give the same Result.
type Result struct {
	At          int           `json:"at,omitempty"`
	Reports     int           `json:"reports"`   // distinct report ids in the record
	Transfers   int           `json:"transfers"` // exchange rows with a report, in the period
	Untracked   int           `json:"untracked"` // exchange rows without a report (all time)
	Circular    []Circular    `json:"circular"`
	Breaches    []Breach      `json:"breaches"`
	Dependence  []Dependence  `json:"dependence"`
	Convergence []Convergence `json:"convergence"`
	// Capped counts the lines of circular findings whose path search hit PathCap or
	// StepCap; Unsearched those left without paths once TotalSteps was spent.
	Capped     int      `json:"paths_capped"`
	Unsearched int      `json:"paths_unsearched"`
	Settings   Settings `json:"settings"`
}

// Settings are the options used, as the JSON reports them.
type Settings struct {
	PathCap     int      `json:"path_cap"`
	StepCap     int      `json:"step_cap"`
	TotalSteps  int      `json:"total_steps"`
	MinPartners int      `json:"min_partners"`
	MaxRatio    float64  `json:"max_ratio"`
	Groups      []string `json:"named_groups"`
}

// Circular is one origin reaching a consumer along two or more lines of transfer in
// support of one assessment (Kind "corroboration"), or a consumer's own collection
// reaching it back through a partner (Kind "returned"). Sorted by the number of lines,
// most first, then consumer, assessment and origin.
type Circular struct {
	Consumer   string `json:"consumer"`
	Assessment string `json:"assessment"`
	Origin     string `json:"origin"`
	Kind       string `json:"kind"`
	Lines      []Line `json:"lines"` // by report, then partner
}

// Line is one apparently independent item of support: a report received from a partner.
type Line struct {
	Report  string `json:"report"`
	Partner string `json:"partner"`
	Rows    []int  `json:"rows"`  // its exchanges.csv lines, ascending
	Paths   []Path `json:"paths"` // from the origin to the consumer, shortest first
	Capped  bool   `json:"capped,omitempty"`
}

// Path is one chain of custody from the origin to the consumer: a collection, then
// transfers and derivations.
type Path struct {
	Steps []Step `json:"steps"`
}

// Step is one link of a Path. Kind "collect": Actor collects Report (the origin);
// "author": Actor, the consumer, wrote Report from other reports (a path of its own
// reporting coming back starts there).
// "transfer": the row at Line moves Report From → To. "derive": Actor builds Report from
// Source. "gap": the record does not show how To got Report from its origin From.
type Step struct {
	Kind   string `json:"kind"`
	Actor  string `json:"actor,omitempty"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Report string `json:"report"`
	Source string `json:"source,omitempty"`
	Line   int    `json:"line,omitempty"`
	Date   string `json:"date,omitempty"`
}

// Hops is the number of transfers (and gaps) on the path.
func (p Path) Hops() int {
	n := 0
	for _, s := range p.Steps {
		if s.Kind == "transfer" || s.Kind == "gap" {
			n++
		}
	}
	return n
}

// Breach is a transfer that breaks a report's release rule. Rule "NOFORN", "REL TO":
// the recipient is outside the release set of Source (the report itself or one it derives
// from); "ORCON": an onward transfer of ORCON material by someone other than its
// originator; "third-party": an onward transfer of Source, by someone other than its
// originator, to an actor with whom the originator has no agreement in the year of the
// transfer. Sorted by line, then rule and source.
type Breach struct {
	Line       int    `json:"line"`
	Date       string `json:"date"`
	Report     string `json:"report"`
	From       string `json:"from"`
	To         string `json:"to"`
	Rule       string `json:"rule"`
	Source     string `json:"source"`
	Originator string `json:"originator"`
	Caveat     string `json:"caveat,omitempty"`
}

// Shares describe where a set of received items comes from: the Herfindahl index (Σ
// share²) over origins and over partners, and the largest share of each. An item with
// several root origins counts 1/k for each of its k origins.
type Shares struct {
	Items        int     `json:"items"`
	HHIOrigin    float64 `json:"hhi_origin"`
	TopOrigin    string  `json:"top_origin"`
	OriginShare  float64 `json:"top_origin_share"`
	HHIPartner   float64 `json:"hhi_partner"`
	TopPartner   string  `json:"top_partner"`
	PartnerShare float64 `json:"top_partner_share"`
}

// Dependence is a consumer's Shares over everything it received, and per assessment.
// Sorted by consumer.
type Dependence struct {
	Consumer string `json:"consumer"`
	Shares
	Assessments []AssessmentShares `json:"assessments,omitempty"`
}

// AssessmentShares are the Shares of the items one consumer received for one assessment.
type AssessmentShares struct {
	Assessment string `json:"assessment"`
	Shares
}

// Convergence is an assessment's support over the whole record: the partners that sent
// items for it and the independent (root) origins of those items. Sorted by assessment.
type Convergence struct {
	Assessment string   `json:"assessment"`
	Items      int      `json:"items"`
	Partners   []string `json:"partners"`
	Origins    []string `json:"origins"`
	Ratio      float64  `json:"ratio"` // len(Origins) / len(Partners)
	Flagged    bool     `json:"flagged"`
}

// Analyze finds the circular reporting, breaches, dependence and convergence of d's
// provenance record. d must be a data set Load validated (its provenance checked).
func Analyze(d *graphmodel.Dataset, o Options) (*Result, error) {
	o = o.withDefaults()
	r, err := build(d, o.At)
	if err != nil {
		return nil, err
	}
	res := &Result{
		At: o.At, Reports: len(r.reports), Transfers: len(r.xs), Untracked: r.untracked,
		Settings: Settings{PathCap: o.PathCap, StepCap: o.StepCap, TotalSteps: o.TotalSteps,
			MinPartners: o.MinPartners, MaxRatio: o.MaxRatio, Groups: groups()},
	}
	// The four analyses read the record and write their own fields: side by side.
	var wg sync.WaitGroup
	wg.Go(func() { res.Circular, res.Capped, res.Unsearched = r.circular(o) })
	wg.Go(func() { res.Breaches = r.breaches() })
	wg.Go(func() { res.Dependence = r.dependence() })
	res.Convergence = r.convergence(o)
	wg.Wait()
	return res, nil
}

func groups() []string {
	var out []string
	for k, v := range graphmodel.NamedGroups {
		s := k + "="
		for i, a := range v {
			if i > 0 {
				s += ","
			}
			s += a
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// support is one (consumer, assessment, root origin) a transfer supports, with its sort
// keys: (consumer, assessment), (origin, the report's rank by id), (partner, row); actor
// positions follow actor ids.
type support struct {
	k1, k2, k3         uint64
	to, assess, origin int32
	rep, from          int32
	x                  int32 // the transfer
}

func (r *record) support(x *transfer, i int, origin int32, rank []int32) support {
	return support{
		k1: uint64(x.to)<<32 | uint64(x.assess), k2: uint64(origin)<<32 | uint64(rank[x.rep]), k3: uint64(x.from)<<32 | uint64(x.row),
		to: x.to, assess: x.assess, origin: origin, rep: x.rep, from: x.from, x: int32(i),
	}
}

func (r *record) circular(o Options) ([]Circular, int, int) {
	rank := r.reportRanks()
	var sup []support
	for i := range r.xs {
		x := &r.xs[i]
		if x.assess < 0 {
			continue
		}
		rep := &r.reports[x.rep]
		for _, root := range rep.roots {
			sup = append(sup, r.support(x, i, root, rank))
		}
		// The consumer's own reporting, built on by a partner and sent back.
		if x.from != x.to && !hasRoot(rep.roots, x.to) && hasRoot(rep.origins, x.to) {
			sup = append(sup, r.support(x, i, x.to, rank))
		}
	}
	slices.SortFunc(sup, func(a, b support) int {
		return cmp.Or(cmp.Compare(a.k1, b.k1), cmp.Compare(a.k2, b.k2), cmp.Compare(a.k3, b.k3))
	})
	type finding struct {
		c     Circular
		lines [][]int32 // the transfers of each line
		to    int32
		orig  int32
	}
	var found []finding
	for i := 0; i < len(sup); {
		j := i
		for j < len(sup) && sup[j].k1 == sup[i].k1 && sup[j].origin == sup[i].origin {
			j++
		}
		g := sup[i:j]
		i = j
		var lines [][]int32
		for k := 0; k < len(g); {
			m := k
			var xs []int32
			for m < len(g) && g[m].rep == g[k].rep && g[m].from == g[k].from {
				xs = append(xs, g[m].x)
				m++
			}
			lines = append(lines, xs)
			k = m
		}
		kind := ""
		switch {
		case g[0].origin == g[0].to:
			kind = "returned"
		case len(lines) >= 2:
			kind = "corroboration"
		default:
			continue
		}
		f := finding{c: Circular{Consumer: r.actor(g[0].to), Assessment: r.assessments[g[0].assess], Origin: r.actor(g[0].origin), Kind: kind},
			lines: lines, to: g[0].to, orig: g[0].origin}
		for _, xs := range lines {
			x := &r.xs[xs[0]]
			l := Line{Report: r.reports[x.rep].id, Partner: r.actor(x.from)}
			for _, k := range xs {
				l.Rows = append(l.Rows, r.d.Exchanges[r.xs[k].row].Line)
			}
			slices.Sort(l.Rows)
			f.c.Lines = append(f.c.Lines, l)
		}
		found = append(found, f)
	}
	slices.SortStableFunc(found, func(a, b finding) int {
		return cmp.Or(cmp.Compare(len(b.lines), len(a.lines)), cmp.Compare(a.c.Consumer, b.c.Consumer),
			cmp.Compare(a.c.Assessment, b.c.Assessment), cmp.Compare(a.c.Origin, b.c.Origin))
	})
	s := &search{r: r, o: o, budget: o.TotalSteps}
	capped, unsearched := 0, 0
	out := make([]Circular, len(found))
	for i := range found {
		f := &found[i]
		for k, xs := range f.lines {
			l := &f.c.Lines[k]
			if s.budget <= 0 {
				unsearched++
				l.Paths = []Path{}
				continue
			}
			l.Paths, l.Capped = s.paths(xs, f.orig)
			if l.Capped {
				capped++
			}
		}
		out[i] = f.c
	}
	return out, capped, unsearched
}

// search enumerates the chains of custody behind a line, backward from the consumer.
type search struct {
	r      *record
	o      Options
	budget int // steps left of TotalSteps

	target int32
	steps  int
	capped bool
	out    []Path
	suffix []Step     // the steps after the current actor, last first
	onPath [][2]int32 // (actor, report) on the current chain
}

func (s *search) paths(xs []int32, origin int32) ([]Path, bool) {
	s.target, s.steps, s.capped, s.out = origin, 0, false, nil
	for _, x := range xs {
		t := &s.r.xs[x]
		s.suffix = append(s.suffix[:0], s.transferStep(x))
		s.onPath = s.onPath[:0]
		s.back(t.from, t.rep, t.last)
	}
	slices.SortStableFunc(s.out, func(a, b Path) int { return cmp.Compare(len(a.Steps), len(b.Steps)) })
	if s.out == nil {
		s.out = []Path{}
	}
	return s.out, s.capped
}

func (s *search) transferStep(x int32) Step {
	t := &s.r.xs[x]
	e := &s.r.d.Exchanges[t.row]
	return Step{Kind: "transfer", From: e.From, To: e.To, Report: s.r.reports[t.rep].id, Line: e.Line, Date: e.Date.String()}
}

// back extends the current suffix with the ways actor a came to hold report rep by day
// `by`, each ending at the collection by the target origin.
func (s *search) back(a, rep int32, by int64) {
	if len(s.out) >= s.o.PathCap || s.steps >= s.o.StepCap || s.budget <= 0 {
		s.capped = true
		return
	}
	s.steps++
	s.budget--
	r := s.r
	p := &r.reports[rep]
	if !hasRoot(p.roots, s.target) && !hasRoot(p.origins, s.target) {
		return
	}
	state := [2]int32{a, rep}
	if slices.Contains(s.onPath, state) {
		return
	}
	s.onPath = append(s.onPath, state)
	defer func() { s.onPath = s.onPath[:len(s.onPath)-1] }()
	if a == p.origin {
		if a == s.target && len(p.sources) > 0 && !hasRoot(p.roots, a) {
			s.emit(Step{Kind: "author", Actor: r.actor(a), Report: p.id})
			return
		}
		if len(p.sources) == 0 {
			s.emit(Step{Kind: "collect", Actor: r.actor(a), Report: p.id})
			return
		}
		for _, src := range p.sources {
			s.suffix = append(s.suffix, Step{Kind: "derive", Actor: r.actor(a), Report: p.id, Source: r.reports[src].id})
			s.back(a, src, by)
			s.suffix = s.suffix[:len(s.suffix)-1]
		}
		return
	}
	found := false
	for _, x := range r.receipts(rep, a) {
		t := &r.xs[x]
		if t.first > by {
			break
		}
		found = true
		s.suffix = append(s.suffix, s.transferStep(x))
		s.back(t.from, rep, t.last)
		s.suffix = s.suffix[:len(s.suffix)-1]
	}
	if !found {
		s.suffix = append(s.suffix, Step{Kind: "gap", From: r.actor(p.origin), To: r.actor(a), Report: p.id})
		s.back(p.origin, rep, by)
		s.suffix = s.suffix[:len(s.suffix)-1]
	}
}

func (s *search) emit(first Step) {
	steps := make([]Step, 0, len(s.suffix)+1)
	steps = append(steps, first)
	for i := len(s.suffix) - 1; i >= 0; i-- {
		steps = append(steps, s.suffix[i])
	}
	s.out = append(s.out, Path{Steps: steps})
}

// String writes the path as a chain: "DEU:CB-01 →(l.2) USA ⇒DIA-1 →(l.3) GBR": a collection
// (or the consumer's own report) as ACTOR:REPORT, a transfer as →(l.LINE) TO, a derivation
// as ⇒REPORT, a step the record does not show as ⇢(unrecorded) TO.
func (p Path) String() string {
	var b []byte
	for _, s := range p.Steps {
		switch s.Kind {
		case "collect", "author":
			b = append(b, s.Actor+":"+s.Report...)
		case "transfer":
			b = append(b, " →(l."...)
			b = strconv.AppendInt(b, int64(s.Line), 10)
			b = append(b, ") "+s.To...)
		case "derive":
			b = append(b, " ⇒"+s.Report...)
		case "gap":
			b = append(b, " ⇢(unrecorded) "+s.To...)
		}
	}
	return string(b)
}
