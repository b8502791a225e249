package queries

import (
	"cmp"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// The rows Push writes, in the schema of schema.go: a property map per node, and per
// relationship its endpoints and property map.

// datasetRow is the data set node: its name, where it came from, its files and extra
// columns, the layer and period analysed (at absent for the whole time) and the names of the
// factors.
func datasetRow(name string, d *graphmodel.Dataset, r *analysis.Result) map[string]any {
	p := map[string]any{propID: name, propPath: d.Path, propFiles: d.Files,
		propLayer: r.Layer.Layer, propTieFactors: analysis.TieFactors, propClubFactors: analysis.ClubFactors}
	if r.Layer.At != 0 {
		p[propAt] = int64(r.Layer.At)
	}
	for _, k := range kinds {
		var names []string
		for _, c := range k.cols(&d.Columns) {
			names = append(names, c.Name)
		}
		if len(names) > 0 { // none: no property
			p[columnsProp(k.stage)] = names
		}
	}
	return p
}

func actorRows(name string, d *graphmodel.Dataset, r *analysis.Result) []map[string]any {
	metrics := make(map[string]*analysis.ActorMetrics, len(r.Actors))
	for i := range r.Actors {
		metrics[r.Actors[i].ID] = &r.Actors[i]
	}
	hubRank := map[string]int{}
	hubOf := map[string]analysis.Hub{}
	for i, h := range r.Hubs {
		hubRank[h.ID], hubOf[h.ID] = i+1, h
	}
	score := make(map[string]float64, len(r.Actors))
	for i, v := range analysis.HubScores(r) {
		score[r.Actors[i].ID] = v
	}
	props := make([]string, len(analysis.Measures))
	for i, ms := range analysis.Measures {
		props[i] = measureProp(ms.Name)
	}
	rows := make([]map[string]any, 0, len(d.Actors))
	for _, a := range d.Actors {
		p := map[string]any{propID: a.ID, propDataset: name}
		setNonEmpty(p, propName, a.Name)
		setNonEmpty(p, propType, a.Type)
		setNonEmpty(p, propRegion, a.Region)
		for _, at := range graphmodel.Attrs(d.Columns.Actors, a.Extra) {
			if at.Value != nil {
				p[actorKind.extra+at.Name] = at.Value
			}
		}
		if m := metrics[a.ID]; m != nil {
			for i, ms := range analysis.Measures {
				v, ok := ms.Value(m)
				switch {
				case !ok:
				case ms.Kind == analysis.Int:
					p[props[i]] = int64(v)
				default:
					p[props[i]] = v
				}
			}
			p[propHubScore] = score[a.ID]
			if rank, ok := hubRank[a.ID]; ok {
				p[propHubRank], p[propHubWhy] = int64(rank), hubOf[a.ID].Why
			}
		}
		rows = append(rows, p)
	}
	return rows
}

func clubRows(name string, d *graphmodel.Dataset, r *analysis.Result) []map[string]any {
	res := make(map[string]*analysis.ClubResult, len(r.Clubs))
	for i := range r.Clubs {
		res[r.Clubs[i].ID] = &r.Clubs[i]
	}
	rows := make([]map[string]any, 0, len(d.Clubs))
	for _, c := range d.Clubs {
		p := map[string]any{propID: c.ID, propDataset: name}
		setNonEmpty(p, propName, c.Name)
		setTime(p, propSince, c.Since, false)
		setTime(p, propUntil, c.Until, true)
		for _, at := range graphmodel.Attrs(d.Columns.Clubs, c.Extra) {
			if at.Value != nil {
				p[extraProp(clubKind.extra, at.Name)] = at.Value
			}
		}
		if cr := res[c.ID]; cr != nil {
			p[propClass], p[propRelationalScore], p[propActiveMembers] = cr.Class, cr.RelationalScore, int64(len(cr.Members))
			p[propPRelational], p[propDecidedBy] = cr.PRelational, cr.DecidedBy
			setFactors(p, cr.Factors)
		}
		rows = append(rows, p)
	}
	return rows
}

// setFactors writes each factor with evidence as its own property (factorOverlap …); a
// factor that abstains is no property.
func setFactors(p map[string]any, f analysis.Factors) {
	f.Each(func(name string, v float64) { p[factorProp(name)] = v })
}

// rel is a relationship to write: its endpoints' ids, their positions in the data set's
// actors (clubs), and its properties (or nil: built by its relSet).
type rel struct {
	a, b   string
	ia, ib int
	props  map[string]any
}

// relSet is a list of relationships, sorted by their endpoints' positions.
type relSet struct {
	rels  []rel
	props func(i int) map[string]any // rels[i]'s properties when rels[i].props is nil; safe for concurrent use
	// fill, when not nil, puts what props returns into an empty map instead (batch reuses one
	// map for a batch's rows: a million maps made and dropped cost the client a sixth of its
	// CPU in a first push at 100k/1M); safe for concurrent use on distinct maps.
	fill func(i int, p map[string]any)
}

// spells collects a relationship's input rows as parallel lists, one entry per row, and
// leaves out a list whose entries are all empty (a time list: all open).
type spells struct {
	since, until   []dbtype.Date
	sinceY, untilY []bool
	anyTime        [2]bool
	texts          [2][]string // domains, roles
	anyText        [2]bool
	extra          [][]string
	anyX           []bool
}

func (s *spells) add(since, until graphmodel.Time, domains, role string, extra []string) {
	for i, t := range [2]graphmodel.Time{since, until} {
		d, y := openSince, false
		if i == 1 {
			d = openUntil
		}
		if !t.IsZero() {
			d, y = neoDate(t, i == 1), !t.IsDate()
			s.anyTime[i] = true
		}
		if i == 0 {
			s.since, s.sinceY = append(s.since, d), append(s.sinceY, y)
		} else {
			s.until, s.untilY = append(s.until, d), append(s.untilY, y)
		}
	}
	for i, v := range [2]string{domains, role} {
		s.texts[i] = append(s.texts[i], v)
		s.anyText[i] = s.anyText[i] || v != ""
	}
	if s.extra == nil {
		s.extra, s.anyX = make([][]string, len(extra)), make([]bool, len(extra))
	}
	for i, v := range extra {
		s.extra[i] = append(s.extra[i], v)
		s.anyX[i] = s.anyX[i] || v != ""
	}
}

// set writes the lists with a non-empty entry into p, the extra columns' as the kind k's.
func (s *spells) set(p map[string]any, k kind, cols []graphmodel.Column) {
	if s.anyTime[0] {
		p[propSpellSinces], p[spellYearProp(propSpellSinces)] = s.since, s.sinceY
	}
	if s.anyTime[1] {
		p[propSpellUntils], p[spellYearProp(propSpellUntils)] = s.until, s.untilY
	}
	for i, name := range [2]string{propSpellDomains, propSpellRoles} {
		if s.anyText[i] {
			p[name] = s.texts[i]
		}
	}
	for i, c := range cols {
		if s.anyX[i] {
			p[extraProp(k.extra, c.Name)] = s.extra[i]
		}
	}
}

// tieRows lists one relationship per pair (a < b) with a tie row or an analysed tie, sorted
// by the endpoints' positions (their node order), by sorting the rows and the analysed ties
// by pair and merging them. The properties are built batch by batch, when written: a million
// property maps at once would double the memory of a push.
func tieRows(d *graphmodel.Dataset, r *analysis.Result) relSet {
	type ref struct{ ia, ib, i int32 }
	ends := func(a, b string) (int32, int32) {
		if a > b {
			a, b = b, a
		}
		ia, _ := d.ActorIndex(a)
		ib, _ := d.ActorIndex(b)
		return int32(ia), int32(ib)
	}
	byPair := func(x, y ref) int {
		return cmp.Or(cmp.Compare(x.ia, y.ia), cmp.Compare(x.ib, y.ib), cmp.Compare(x.i, y.i))
	}
	rows := make([]ref, len(d.Ties))
	for i, t := range d.Ties {
		ia, ib := ends(t.Source, t.Target)
		rows[i] = ref{ia, ib, int32(i)}
	}
	slices.SortFunc(rows, byPair)
	analysed := make([]ref, len(r.Ties))
	for i, t := range r.Ties {
		ia, ib := ends(t.Source, t.Target)
		analysed[i] = ref{ia, ib, int32(i)}
	}
	slices.SortFunc(analysed, byPair)

	type span struct{ r0, r1, tie int32 } // the pair's rows[r0:r1], its r.Ties index or -1
	var rels []rel
	var spans []span
	for i, j := 0, 0; i < len(rows) || j < len(analysed); {
		var k ref // the next pair: the lesser of the next row's and the next analysed tie's
		if j < len(analysed) {
			k = analysed[j]
		}
		if j == len(analysed) || (i < len(rows) && byPair(rows[i], ref{k.ia, k.ib, -1}) < 0) {
			k = rows[i]
		}
		sp := span{r0: int32(i), tie: -1}
		for i < len(rows) && rows[i].ia == k.ia && rows[i].ib == k.ib {
			i++
		}
		sp.r1 = int32(i)
		if j < len(analysed) && analysed[j].ia == k.ia && analysed[j].ib == k.ib {
			sp.tie = analysed[j].i
			j++
		}
		rels = append(rels, rel{a: d.Actors[k.ia].ID, b: d.Actors[k.ib].ID, ia: int(k.ia), ib: int(k.ib)})
		spans = append(spans, sp)
	}
	fill := func(x int, p map[string]any) {
		sp := spans[x]
		// The pair's rows, in input order, as spells.
		if n := int(sp.r1 - sp.r0); n > 0 {
			lines, weights, reversed := make([]int64, n), make([]float64, n), make([]bool, n)
			var texts spells
			var anyReversed bool
			for y, g := range rows[sp.r0:sp.r1] {
				t := &d.Ties[g.i]
				lines[y], weights[y], reversed[y] = int64(t.Line), t.Weight, t.Source > t.Target
				anyReversed = anyReversed || reversed[y]
				texts.add(t.Since, t.Until, strings.Join(t.Domains, ";"), "", t.Extra)
			}
			p[propSpellLines], p[propSpellWeights] = lines, weights
			if anyReversed {
				p[propSpellReversed] = reversed
			}
			texts.set(p, tieKind, d.Columns.Ties)
		}
		// The pair's analysis.
		if sp.tie >= 0 {
			t := &r.Ties[sp.tie]
			p[propWeight], p[propClass], p[propRelationalScore] = t.Weight, t.Class, t.RelationalScore
			p[propPRelational], p[propDecidedBy] = t.PRelational, t.DecidedBy
			setFactors(p, t.Factors)
			if len(t.Domains) > 0 {
				p[propDomains] = t.Domains
			}
		}
	}
	props := func(x int) map[string]any {
		p := make(map[string]any, 16)
		fill(x, p)
		return p
	}
	return relSet{rels: rels, props: props, fill: fill}
}

// memberRows builds one relationship per actor and club, the rows as spells.
func memberRows(d *graphmodel.Dataset) relSet {
	idx := map[uint64]int{}
	var rels []rel
	var sp []*spells
	var lines [][]int64
	for _, m := range d.Memberships {
		ia, _ := d.ActorIndex(m.Actor)
		ic, _ := d.ClubIndex(m.Club)
		k := uint64(ia)<<32 | uint64(ic)
		i, ok := idx[k]
		if !ok {
			i = len(rels)
			idx[k] = i
			rels = append(rels, rel{a: m.Actor, b: m.Club, ia: ia, ib: ic, props: map[string]any{}})
			sp = append(sp, &spells{})
			lines = append(lines, nil)
		}
		sp[i].add(m.Since, m.Until, "", m.Role, m.Extra)
		lines[i] = append(lines[i], int64(m.Line))
	}
	for i := range rels {
		rels[i].props[propSpellLines] = lines[i]
		sp[i].set(rels[i].props, memberKind, d.Columns.Memberships)
	}
	sortRels(rels)
	return relSet{rels: rels}
}

// exchangeRows builds one relationship per exchange row, in input order, numbered by seq.
func exchangeRows(d *graphmodel.Dataset) relSet {
	exs := relSet{rels: make([]rel, len(d.Exchanges))}
	for i, e := range d.Exchanges {
		p := map[string]any{propSeq: int64(i), propLine: int64(e.Line), propVolume: e.Volume}
		setTime(p, propDate, e.Date, false)
		setNonEmpty(p, propDomain, e.Domain)
		for j, c := range d.Columns.Exchanges {
			setNonEmpty(p, extraProp(exchangeKind.extra, c.Name), e.Extra[j])
		}
		ia, _ := d.ActorIndex(e.From)
		ib, _ := d.ActorIndex(e.To)
		exs.rels[i] = rel{a: e.From, b: e.To, ia: ia, ib: ib, props: p}
	}
	return exs
}

// sortRels orders relationships by their endpoints' positions, so that consecutive writes
// touch neighbouring records.
func sortRels(rels []rel) {
	slices.SortFunc(rels, func(x, y rel) int { return cmp.Or(cmp.Compare(x.ia, y.ia), cmp.Compare(x.ib, y.ib)) })
}

func setNonEmpty(p map[string]any, k, v string) {
	if v != "" {
		p[k] = v
	}
}
