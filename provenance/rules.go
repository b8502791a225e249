package provenance

import (
	"cmp"
	"slices"

	"github.com/liaison-net/liaison/graphmodel"
)

// agreements answers whether two actors had an agreement in a year: an active tie row, an
// active club both belonged to, or a direct exchange between them on or before the day.
type agreements struct {
	d        *graphmodel.Dataset
	ties     map[uint64][]graphmodel.Period
	clubs    [][]membership   // per actor
	exchange map[uint64]int64 // the first day of the pair's earliest exchange
}

type membership struct {
	club int
	p    graphmodel.Period
}

func pair(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(uint32(b))
}

func newAgreements(d *graphmodel.Dataset) *agreements {
	g := &agreements{d: d, ties: map[uint64][]graphmodel.Period{}, clubs: make([][]membership, len(d.Actors)),
		exchange: make(map[uint64]int64, len(d.Exchanges)/4)}
	for i := range d.Ties {
		t := &d.Ties[i]
		a, _ := d.ActorIndex(t.Source)
		b, _ := d.ActorIndex(t.Target)
		k := pair(int32(a), int32(b))
		g.ties[k] = append(g.ties[k], t.Period)
	}
	for i := range d.Memberships {
		m := &d.Memberships[i]
		a, _ := d.ActorIndex(m.Actor)
		c, _ := d.ClubIndex(m.Club)
		g.clubs[a] = append(g.clubs[a], membership{club: c, p: m.Period})
	}
	for i := range d.Exchanges {
		x := &d.Exchanges[i]
		a, b := d.ExchangeActors(i)
		k := pair(int32(a), int32(b))
		f, _ := dayKeys(x.Date)
		if old, ok := g.exchange[k]; !ok || f < old {
			g.exchange[k] = f
		}
	}
	return g
}

func (g *agreements) between(a, b int32, year int, last int64) bool {
	k := pair(a, b)
	for _, p := range g.ties[k] {
		if p.ActiveIn(year) {
			return true
		}
	}
	if f, ok := g.exchange[k]; ok && f <= last {
		return true
	}
	for _, m := range g.clubs[a] {
		if !m.p.ActiveIn(year) || !g.d.Clubs[m.club].Period.ActiveIn(year) {
			continue
		}
		for _, n := range g.clubs[b] {
			if n.club == m.club && n.p.ActiveIn(year) {
				return true
			}
		}
	}
	return false
}

// member reports whether actor a is in the release group id in year: the actor itself, a
// club of that id (its members active in the year), or a named group.
func (g *agreements) member(a int32, id string, year int) bool {
	if g.d.Actors[a].ID == id {
		return true
	}
	if c, ok := g.d.ClubIndex(id); ok {
		if !g.d.Clubs[c].Period.ActiveIn(year) {
			return false
		}
		for _, m := range g.clubs[a] {
			if m.club == c && m.p.ActiveIn(year) {
				return true
			}
		}
		return false
	}
	return slices.Contains(graphmodel.NamedGroups[id], g.d.Actors[a].ID)
}

// breaches checks every transfer against the release rules of its report and of every
// report it derives from.
func (r *record) breaches() []Breach {
	g := newAgreements(r.d)
	var out []Breach
	var released []int32
	for i := range r.xs {
		x := &r.xs[i]
		e := &r.d.Exchanges[x.row]
		year := int(e.Date.Year)
		rep := &r.reports[x.rep]
		add := func(rule string, src int32, originator int32) {
			b := Breach{Line: e.Line, Date: e.Date.String(), Report: rep.id, From: e.From, To: e.To, Rule: rule,
				Source: r.reports[src].id, Originator: r.actor(originator)}
			if c := r.caveatText(src); c != "" && rule != "third-party" {
				b.Caveat = c
			}
			out = append(out, b)
		}
		released = released[:0] // originators whose REL TO names the recipient
		for _, k := range rep.caveated {
			src := &r.reports[k]
			c := &src.caveat
			if x.to == src.origin {
				continue
			}
			if c.NoForn {
				add("NOFORN", k, src.origin)
			}
			if c.OrCon && x.from != src.origin {
				add("ORCON", k, src.origin)
			}
			if len(c.RelTo) > 0 {
				in := slices.ContainsFunc(c.RelTo, func(id string) bool { return g.member(x.to, id, year) })
				if in {
					released = append(released, src.origin)
				} else {
					add("REL TO", k, src.origin)
				}
			}
		}
		for _, o := range rep.origins {
			if o == x.from || o == x.to || slices.Contains(released, o) {
				continue
			}
			if !g.between(o, x.to, year, x.last) {
				add("third-party", r.sourceBy(x.rep, o), o)
			}
		}
	}
	if out == nil {
		out = []Breach{}
	}
	rank := map[string]int{"NOFORN": 0, "ORCON": 1, "REL TO": 2, "third-party": 3}
	slices.SortStableFunc(out, func(a, b Breach) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(rank[a.Rule], rank[b.Rule]), cmp.Compare(a.Source, b.Source))
	})
	return out
}

// sourceBy returns the report, among rep and those it derives from, whose origin is o
// (rep itself first, then its sources depth first).
func (r *record) sourceBy(rep, o int32) int32 {
	p := &r.reports[rep]
	if p.origin == o {
		return rep
	}
	for _, s := range p.sources {
		if _, ok := slices.BinarySearch(r.reports[s].origins, o); ok {
			return r.sourceBy(s, o)
		}
	}
	return rep
}

func (r *record) caveatText(k int32) string {
	c := &r.reports[k].caveat
	var parts []string
	if c.NoForn {
		parts = append(parts, "NOFORN")
	}
	if c.OrCon {
		parts = append(parts, "ORCON")
	}
	if len(c.RelTo) > 0 {
		s := "REL TO "
		for i, id := range c.RelTo {
			if i > 0 {
				s += ", "
			}
			s += id
		}
		parts = append(parts, s)
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += "; "
		}
		out += p
	}
	return out
}

// tally accumulates the shares of items by origin and by partner, in dense arrays over
// the actors with the list of those touched.
type tally struct {
	items           int
	origin, partner []float64
	touchedO        []int32
	touchedP        []int32
}

func newTally(n int) *tally { return &tally{origin: make([]float64, n), partner: make([]float64, n)} }

func (t *tally) reset() {
	t.items = 0
	for _, k := range t.touchedO {
		t.origin[k] = 0
	}
	for _, k := range t.touchedP {
		t.partner[k] = 0
	}
	t.touchedO, t.touchedP = t.touchedO[:0], t.touchedP[:0]
}

func (t *tally) add(r *record, x *transfer) {
	t.items++
	if t.partner[x.from] == 0 {
		t.touchedP = append(t.touchedP, x.from)
	}
	t.partner[x.from]++
	roots := r.reports[x.rep].roots
	for _, o := range roots {
		if t.origin[o] == 0 {
			t.touchedO = append(t.touchedO, o)
		}
		t.origin[o] += 1 / float64(len(roots))
	}
}

func (t *tally) shares(r *record) Shares {
	s := Shares{Items: t.items}
	n := float64(t.items)
	s.HHIOrigin, s.TopOrigin, s.OriginShare = hhi(r, t.origin, t.touchedO, n)
	s.HHIPartner, s.TopPartner, s.PartnerShare = hhi(r, t.partner, t.touchedP, n)
	return s
}

// hhi is Σ share² over the counts of the touched actors, summed in actor order (so the
// same on every run), with the largest share (ties: the smallest actor id).
func hhi(r *record, counts []float64, touched []int32, n float64) (h float64, top string, share float64) {
	slices.Sort(touched) // actor positions follow actor ids
	best := int32(-1)
	for _, k := range touched {
		s := counts[k] / n
		h += s * s
		if best < 0 || counts[k] > counts[best] {
			best = k
		}
	}
	if best >= 0 {
		top, share = r.actor(best), counts[best]/n
	}
	return h, top, share
}

// dependence computes each consumer's Shares, overall and per assessment.
func (r *record) dependence() []Dependence {
	order := bucketSort(len(r.xs), len(r.d.Actors), func(i int32) int32 { return r.xs[i].to }, func(a, b int32) int {
		return cmp.Or(cmp.Compare(r.xs[a].assess, r.xs[b].assess), cmp.Compare(a, b))
	})
	all, one := newTally(len(r.d.Actors)), newTally(len(r.d.Actors))
	var out []Dependence
	for i := 0; i < len(order); {
		to := r.xs[order[i]].to
		all.reset()
		dep := Dependence{Consumer: r.actor(to)}
		for i < len(order) && r.xs[order[i]].to == to {
			a := r.xs[order[i]].assess
			one.reset()
			for i < len(order) && r.xs[order[i]].to == to && r.xs[order[i]].assess == a {
				x := &r.xs[order[i]]
				all.add(r, x)
				if a >= 0 {
					one.add(r, x)
				}
				i++
			}
			if a >= 0 {
				dep.Assessments = append(dep.Assessments, AssessmentShares{Assessment: r.assessments[a], Shares: one.shares(r)})
			}
		}
		dep.Shares = all.shares(r)
		out = append(out, dep)
	}
	if out == nil {
		out = []Dependence{}
	}
	return out
}

// convergence computes each assessment's partners and independent origins.
func (r *record) convergence(o Options) []Convergence {
	partners := make([]map[int32]bool, len(r.assessments))
	origins := make([]map[int32]bool, len(r.assessments))
	items := make([]int, len(r.assessments))
	for i := range r.xs {
		x := &r.xs[i]
		if x.assess < 0 {
			continue
		}
		if partners[x.assess] == nil {
			partners[x.assess], origins[x.assess] = map[int32]bool{}, map[int32]bool{}
		}
		items[x.assess]++
		partners[x.assess][x.from] = true
		for _, root := range r.reports[x.rep].roots {
			origins[x.assess][root] = true
		}
	}
	ids := func(m map[int32]bool) []string {
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = r.actor(k)
		}
		return out
	}
	out := []Convergence{}
	for a, name := range r.assessments {
		if partners[a] == nil {
			continue // its rows are all after the period
		}
		c := Convergence{Assessment: name, Items: items[a], Partners: ids(partners[a]), Origins: ids(origins[a])}
		c.Ratio = float64(len(c.Origins)) / float64(len(c.Partners))
		c.Flagged = len(c.Partners) >= o.MinPartners && c.Ratio <= o.MaxRatio
		out = append(out, c)
	}
	return out
}
