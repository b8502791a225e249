package queries

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// The Neo4j schema written by Push:
//
//	(:Dataset {id: "liaison", path, files, columns_actors, columns_ties, …, layer, at,
//	           tie_factors, club_factors})
//	(:Actor {id, name, type, region, <extra columns, typed>,
//	         degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, core,
//	         clustering, constraint, effective_size, community, cliques, clubs,
//	         brokerage_coordinator, …, hub_score, hub_rank, hub_why})
//	(:Club {id, name, since, until, x_<column>…, class, relational_score, factors, active_members})
//	(a:Actor)-[:TIE {weight, class, relational_score, factors, domains,
//	                 spell_line, spell_weight, spell_reversed, spell_since, spell_until,
//	                 spell_domains, spell_x_<column>…}]->(b:Actor)      one per pair, a.id < b.id
//	(:Actor)-[:MEMBER_OF {spell_line, spell_since, spell_until, spell_role, spell_x_<column>…}]->(:Club)
//	(:Actor)-[:EXCHANGE {seq, line, date, volume, domain, x_<column>…}]->(:Actor)
//
// Analysis properties describe the layer analysed (--layer, --at); an actor outside the
// period has none. factors lists a tie's (club's) factors in the order of the data set node's
// tie_factors (club_factors), NaN for a factor without data. The spell_ lists hold the input
// rows of a pair, one entry per row; a list whose entries would all be empty ("" times,
// domains or extra values, false for spell_reversed: the row ran from b to a) is left out.
// Times are strings as in the input ("1946", "1946-03-05").
//
// Writing is bounded by the properties written, so the schema keeps them few (a list is one
// property) and Push finds endpoints by element id, in node order, without index lookups.

// analysisProps are the property names of an actor's analysis; an extra input column may not
// use one of them.
var analysisProps = []string{"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "core",
	"clustering", "constraint", "effective_size", "community", "cliques", "clubs", "brokerage_coordinator", "brokerage_itinerant",
	"brokerage_gatekeeper", "brokerage_representative", "brokerage_liaison", "hub_score", "hub_rank", "hub_why"}

// PushOptions tune Push.
type PushOptions struct {
	Batch    int                                 // nodes or relationships per write transaction (default 2,000)
	Writers  int                                 // batches written at once (default 2)
	Progress func(stage string, done, total int) // told each stage's nodes or relationships written
}

// PushStats counts what Push wrote.
type PushStats struct {
	Actors, Clubs, Ties, Memberships, Exchanges int
}

func (s PushStats) Rows() int { return s.Actors + s.Clubs + s.Ties + s.Memberships + s.Exchanges }

// Push writes the data set d and the analysis r of its layer l into the database: constraints
// first, then batched UNWIND writes, each batch a transaction written whole or not at all. It
// replaces what a previous push wrote (properties are set whole; nodes and relationships the
// data set no longer has are deleted), so pushing twice changes nothing. Relationships are
// created outright when the database has none of their type and merged otherwise. One push at
// a time per database: Push relies on the element ids of the nodes it has just written.
func (s *Session) Push(ctx context.Context, d *graphmodel.Dataset, r *analysis.Result, o PushOptions) (PushStats, error) {
	var st PushStats
	for _, c := range d.Columns.Actors {
		if slices.Contains(analysisProps, c.Name) || slices.Contains([]string{"id", "name", "type", "region"}, c.Name) {
			return st, fmt.Errorf("push: actors.csv column %q clashes with a property of the schema", c.Name)
		}
	}
	if o.Batch <= 0 {
		o.Batch = 2000
	}
	if o.Writers <= 0 {
		o.Writers = 2
	}
	for _, q := range []string{
		"CREATE CONSTRAINT liaison_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
		"CREATE CONSTRAINT liaison_club_id IF NOT EXISTS FOR (c:Club) REQUIRE c.id IS UNIQUE",
		"CREATE CONSTRAINT liaison_dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE",
	} {
		if _, err := s.Run(ctx, q, nil); err != nil {
			return st, fmt.Errorf("push: constraints: %w", err)
		}
	}
	// What is there already (count-store lookups): relationships of a type the database does
	// not have yet are created, the others merged.
	before := map[string]int64{}
	for _, c := range counted {
		n, err := s.count(ctx, c.cypher)
		if err != nil {
			return st, fmt.Errorf("push: %w", err)
		}
		before[c.stage] = n
	}

	meta := map[string]any{"id": "liaison", "path": d.Path, "files": d.Files,
		"layer": r.Layer.Layer, "at": int64(r.Layer.At), "tie_factors": analysis.TieFactors, "club_factors": analysis.ClubFactors}
	for name, cols := range map[string][]graphmodel.Column{"actors": d.Columns.Actors, "ties": d.Columns.Ties, "clubs": d.Columns.Clubs,
		"memberships": d.Columns.Memberships, "exchanges": d.Columns.Exchanges} {
		names := []string{}
		for _, c := range cols {
			names = append(names, c.Name)
		}
		meta["columns_"+name] = names
	}
	if _, err := s.Run(ctx, "MERGE (d:Dataset {id: 'liaison'}) SET d = $meta", map[string]any{"meta": meta}); err != nil {
		return st, fmt.Errorf("push: data set: %w", err)
	}

	// Everything to write, then the writes in order: nodes first, their element ids locating
	// the relationships' endpoints.
	actors, clubs := actorRows(d, r), clubRows(d, r)
	// The relationships are built while the nodes are written.
	var ties, mems relSet
	built := make(chan struct{})
	go func() {
		defer close(built)
		ties, mems = tieRows(d, r), memberRows(d)
	}()
	exs := relSet{rels: make([]rel, len(d.Exchanges))}
	for i, e := range d.Exchanges {
		p := map[string]any{"seq": int64(i), "line": int64(e.Line), "date": e.Date.String(), "volume": e.Volume, "domain": e.Domain}
		for j, c := range d.Columns.Exchanges {
			p["x_"+c.Name] = e.Extra[j]
		}
		ia, _ := d.ActorIndex(e.From)
		ib, _ := d.ActorIndex(e.To)
		exs.rels[i] = rel{a: e.From, b: e.To, ia: ia, ib: ib, props: p}
	}
	// Progress is per stage: the nodes or relationships of the stage written so far.
	done, total := 0, 0
	progress := func(stage string, n int) {
		done += n
		if o.Progress != nil {
			o.Progress(stage, done, total)
		}
	}
	w := writer{s: s, batch: o.Batch, writers: o.Writers}
	actorEID, clubEID := make([]string, len(actors)), make([]string, len(clubs))
	nodes := func(rows []map[string]any) (int, func(int) map[string]any) {
		return len(rows), func(i int) map[string]any { return rows[i] }
	}
	for _, step := range []struct {
		stage, cypher string
		rows          []map[string]any
		each          func(k, e string)
	}{
		{"actors", "UNWIND $rows AS row MERGE (a:Actor {id: row.id}) SET a = row RETURN row.id AS k, elementId(a) AS e",
			actors, func(k, e string) {
				if i, ok := d.ActorIndex(k); ok {
					actorEID[i] = e
				}
			}},
		{"clubs", "UNWIND $rows AS row MERGE (c:Club {id: row.id}) SET c = row RETURN row.id AS k, elementId(c) AS e",
			clubs, func(k, e string) {
				if i, ok := d.ClubIndex(k); ok {
					clubEID[i] = e
				}
			}},
		{"ties", relWrite(before["ties"] == 0, "Actor", "TIE", "Actor", ""), nil, nil},
		{"memberships", relWrite(before["memberships"] == 0, "Actor", "MEMBER_OF", "Club", ""), nil, nil},
		{"exchanges", relWrite(before["exchanges"] == 0, "Actor", "EXCHANGE", "Actor", "seq"), nil, nil},
	} {
		n, row := nodes(step.rows)
		switch step.stage { // endpoints are known once the nodes are written
		case "ties":
			<-built
			n, row = len(ties.rels), ties.row(actorEID, actorEID)
		case "memberships":
			n, row = len(mems.rels), mems.row(actorEID, clubEID)
		case "exchanges":
			n, row = len(exs.rels), exs.row(actorEID, actorEID)
		}
		done, total = 0, n
		progress(step.stage, 0)
		if err := writeRows(ctx, w, step.stage, step.cypher, n, row, step.each, progress); err != nil {
			return st, fmt.Errorf("push: %w", err)
		}
	}
	st = PushStats{Actors: len(d.Actors), Clubs: len(d.Clubs), Ties: len(d.Ties), Memberships: len(d.Memberships), Exchanges: len(d.Exchanges)}

	// What an earlier push wrote and this data set no longer has (a second relationship for
	// one key included). Every node and relationship written is there, so a count equal to
	// what was written means there is nothing else: only then is nothing read back.
	keys := func(set relSet, seq bool) map[string]bool {
		m := make(map[string]bool, len(set.rels))
		for i, r := range set.rels {
			if seq {
				m[key(strconv.Itoa(i), r.a, r.b)] = true
			} else {
				m[key(r.a, r.b)] = true
			}
		}
		return m
	}
	for _, c := range counted {
		var want int
		var keep func() map[string]bool
		switch c.stage {
		case "actors":
			want, keep = len(d.Actors), func() map[string]bool {
				m := make(map[string]bool, len(d.Actors))
				for _, a := range d.Actors {
					m[key(a.ID)] = true
				}
				return m
			}
		case "clubs":
			want, keep = len(d.Clubs), func() map[string]bool {
				m := make(map[string]bool, len(d.Clubs))
				for _, c := range d.Clubs {
					m[key(c.ID)] = true
				}
				return m
			}
		case "ties":
			want, keep = len(ties.rels), func() map[string]bool { return keys(ties, false) }
		case "memberships":
			want, keep = len(mems.rels), func() map[string]bool { return keys(mems, false) }
		case "exchanges":
			want, keep = len(exs.rels), func() map[string]bool { return keys(exs, true) }
		}
		n, err := s.count(ctx, c.cypher)
		if err != nil {
			return st, fmt.Errorf("push: clean up: %w", err)
		}
		if n == int64(want) {
			continue
		}
		if o.Progress != nil {
			o.Progress("clean up", 0, 0)
		}
		if err := w.sweep(ctx, c.stage, c.list, "UNWIND $rows AS id "+c.del, keep()); err != nil {
			return st, fmt.Errorf("push: clean up: %w", err)
		}
	}
	return st, nil
}

// counted lists what Push writes, nodes first: how to count it, list it (k: its key, e: its
// element id) and delete it by element id.
var counted = []struct{ stage, cypher, list, del string }{
	{"actors", "MATCH (x:Actor) RETURN count(x) AS n", "MATCH (x:Actor) RETURN [x.id] AS k, elementId(x) AS e",
		"MATCH (x:Actor) WHERE elementId(x) = id DETACH DELETE x"},
	{"clubs", "MATCH (x:Club) RETURN count(x) AS n", "MATCH (x:Club) RETURN [x.id] AS k, elementId(x) AS e",
		"MATCH (x:Club) WHERE elementId(x) = id DETACH DELETE x"},
	{"ties", "MATCH ()-[x:TIE]->() RETURN count(x) AS n", "MATCH (a)-[x:TIE]->(b) RETURN [a.id, b.id] AS k, elementId(x) AS e",
		"MATCH ()-[x:TIE]->() WHERE elementId(x) = id DELETE x"},
	{"memberships", "MATCH ()-[x:MEMBER_OF]->() RETURN count(x) AS n", "MATCH (a)-[x:MEMBER_OF]->(b) RETURN [a.id, b.id] AS k, elementId(x) AS e",
		"MATCH ()-[x:MEMBER_OF]->() WHERE elementId(x) = id DELETE x"},
	{"exchanges", "MATCH ()-[x:EXCHANGE]->() RETURN count(x) AS n", "MATCH (a)-[x:EXCHANGE]->(b) RETURN [toString(x.seq), a.id, b.id] AS k, elementId(x) AS e",
		"MATCH ()-[x:EXCHANGE]->() WHERE elementId(x) = id DELETE x"},
}

// count runs a query returning one count n.
func (s *Session) count(ctx context.Context, cypher string) (int64, error) {
	rows, err := s.Run(ctx, cypher, nil)
	if err != nil {
		return 0, err
	}
	if len(rows) != 1 {
		return 0, fmt.Errorf("%s: %d rows", cypher, len(rows))
	}
	n, _ := rows[0]["n"].(int64)
	return n, nil
}

// key joins the parts of a key (ids may hold any character but NUL).
func key(parts ...string) string { return strings.Join(parts, "\x00") }

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
}

// relWrite is the Cypher that writes the rows of relSet.row: CREATE when the database has no
// relationship of the type (nothing to match), MERGE otherwise; merged on the property by when
// not empty. It returns one count per batch, checked against the batch's rows.
func relWrite(fresh bool, from, typ, to, by string) string {
	verb, pattern := "MERGE", "[x:"+typ+"]"
	if fresh {
		verb = "CREATE"
	}
	if by != "" {
		pattern = "[x:" + typ + " {" + by + ": row.props." + by + "}]"
	}
	return "UNWIND $rows AS row MATCH (a:" + from + ") WHERE elementId(a) = row.a MATCH (b:" + to + ") WHERE elementId(b) = row.b " +
		verb + " (a)-" + pattern + "->(b) SET x = row.props RETURN count(*) AS n"
}

// row returns relationship i as a row for relWrite, its endpoints as element ids (by
// position in from and to).
func (s relSet) row(from, to []string) func(i int) map[string]any {
	return func(i int) map[string]any {
		r := s.rels[i]
		p := r.props
		if p == nil {
			p = s.props(i)
		}
		return map[string]any{"a": from[r.ia], "b": to[r.ib], "props": p}
	}
}

func actorRows(d *graphmodel.Dataset, r *analysis.Result) []map[string]any {
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
	rows := make([]map[string]any, 0, len(d.Actors))
	for _, a := range d.Actors {
		p := map[string]any{"id": a.ID}
		setNonEmpty(p, "name", a.Name)
		setNonEmpty(p, "type", a.Type)
		setNonEmpty(p, "region", a.Region)
		for _, at := range graphmodel.Attrs(d.Columns.Actors, a.Extra) {
			if at.Value != nil {
				p[at.Name] = at.Value
			}
		}
		if m := metrics[a.ID]; m != nil {
			p["degree"], p["strength"], p["betweenness"] = m.Degree, m.Strength, m.Betweenness
			if m.Closeness != nil {
				p["closeness"], p["harmonic"] = *m.Closeness, *m.Harmonic
			}
			p["eigenvector"], p["pagerank"], p["core"], p["clustering"] = m.Eigenvector, m.PageRank, int64(m.Core), m.Clustering
			p["constraint"], p["effective_size"], p["community"] = m.Constraint, m.EffectiveSize, int64(m.Community)
			p["cliques"], p["clubs"] = int64(m.Cliques), int64(m.Clubs)
			b := m.Brokerage
			p["brokerage_coordinator"], p["brokerage_itinerant"], p["brokerage_gatekeeper"] = b.Coordinator, b.Itinerant, b.Gatekeeper
			p["brokerage_representative"], p["brokerage_liaison"] = b.Representative, b.Liaison
			p["hub_score"] = score[a.ID]
			if rank, ok := hubRank[a.ID]; ok {
				p["hub_rank"], p["hub_why"] = int64(rank), hubOf[a.ID].Why
			}
		}
		rows = append(rows, p)
	}
	return rows
}

func clubRows(d *graphmodel.Dataset, r *analysis.Result) []map[string]any {
	res := make(map[string]*analysis.ClubResult, len(r.Clubs))
	for i := range r.Clubs {
		res[r.Clubs[i].ID] = &r.Clubs[i]
	}
	rows := make([]map[string]any, 0, len(d.Clubs))
	for _, c := range d.Clubs {
		p := map[string]any{"id": c.ID}
		setNonEmpty(p, "name", c.Name)
		setNonEmpty(p, "since", c.Since.String())
		setNonEmpty(p, "until", c.Until.String())
		for _, at := range graphmodel.Attrs(d.Columns.Clubs, c.Extra) {
			if at.Value != nil {
				p["x_"+at.Name] = at.Value
			}
		}
		if cr := res[c.ID]; cr != nil {
			p["class"], p["relational_score"], p["active_members"] = cr.Class, cr.RelationalScore, int64(len(cr.Members))
			f := make([]float64, len(analysis.ClubFactors))
			factorsInto(f, cr.Factors, analysis.ClubFactors)
			p["factors"] = f
		}
		rows = append(rows, p)
	}
	return rows
}

// factorsInto writes f's factors into out in the order of names, NaN for one without data.
func factorsInto(out []float64, f analysis.Factors, names []string) {
	for i, n := range names {
		out[i] = math.NaN()
		if v, ok := f.Get(n); ok {
			out[i] = v
		}
	}
}

// spells collects the text of a relationship's input rows as parallel lists, and leaves
// out a list whose entries are all empty.
type spells struct {
	lists [4][]string // since, until, domains, role
	any   [4]bool
	extra [][]string
	anyX  []bool
}

var spellNames = [4]string{"spell_since", "spell_until", "spell_domains", "spell_role"}

func (s *spells) add(since, until, domains, role string, extra []string) {
	for i, v := range [4]string{since, until, domains, role} {
		s.lists[i] = append(s.lists[i], v)
		s.any[i] = s.any[i] || v != ""
	}
	if s.extra == nil {
		s.extra, s.anyX = make([][]string, len(extra)), make([]bool, len(extra))
	}
	for i, v := range extra {
		s.extra[i] = append(s.extra[i], v)
		s.anyX[i] = s.anyX[i] || v != ""
	}
}

// set writes the lists with a non-empty entry into p.
func (s *spells) set(p map[string]any, cols []graphmodel.Column) {
	for i, name := range spellNames {
		if s.any[i] {
			p[name] = s.lists[i]
		}
	}
	for i, c := range cols {
		if s.anyX[i] {
			p["spell_x_"+c.Name] = s.extra[i]
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
	props := func(x int) map[string]any {
		sp := spans[x]
		p := make(map[string]any, 8)
		// The pair's rows, in input order, as spells.
		if n := int(sp.r1 - sp.r0); n > 0 {
			lines, weights, reversed := make([]int64, n), make([]float64, n), make([]bool, n)
			var texts spells
			var anyReversed bool
			for y, g := range rows[sp.r0:sp.r1] {
				t := &d.Ties[g.i]
				lines[y], weights[y], reversed[y] = int64(t.Line), t.Weight, t.Source > t.Target
				anyReversed = anyReversed || reversed[y]
				texts.add(t.Since.String(), t.Until.String(), strings.Join(t.Domains, ";"), "", t.Extra)
			}
			p["spell_line"], p["spell_weight"] = lines, weights
			if anyReversed {
				p["spell_reversed"] = reversed
			}
			texts.set(p, d.Columns.Ties)
		}
		// The pair's analysis.
		if sp.tie >= 0 {
			t := &r.Ties[sp.tie]
			f := make([]float64, len(analysis.TieFactors))
			factorsInto(f, t.Factors, analysis.TieFactors)
			p["weight"], p["class"], p["relational_score"], p["factors"] = t.Weight, t.Class, t.RelationalScore, f
			if len(t.Domains) > 0 {
				p["domains"] = t.Domains
			}
		}
		return p
	}
	return relSet{rels: rels, props: props}
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
		sp[i].add(m.Since.String(), m.Until.String(), "", m.Role, m.Extra)
		lines[i] = append(lines[i], int64(m.Line))
	}
	for i := range rels {
		rels[i].props["spell_line"] = lines[i]
		sp[i].set(rels[i].props, d.Columns.Memberships)
	}
	sortRels(rels)
	return relSet{rels: rels}
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
