package queries

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// The Neo4j schema written by Push:
//
//	(:Dataset {id: "liaison", path, files, columns_actors, columns_ties, …})
//	(:Actor {id, name, type, region, <extra columns, typed>,
//	         degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, core,
//	         clustering, constraint, effective_size, community, cliques, clubs,
//	         brokerage_coordinator, …, hub_score, hub_rank, hub_why})
//	(:Club {id, name, since, until, <extra columns>, class, relational_score, factor_<name>…, active_members})
//	(a:Actor)-[:TIE {key, weight, class, relational_score, factor_<name>…, domains,
//	                 spell_line, spell_source, spell_weight, spell_since, spell_until, spell_domains,
//	                 spell_x_<column>…}]->(b:Actor)            one per pair, a.id < b.id
//	(:Actor)-[:MEMBER_OF {key, spell_line, spell_since, spell_until, spell_role, spell_x_<column>…}]->(:Club)
//	(:Actor)-[:EXCHANGE {seq, line, date, volume, domain, x_<column>…}]->(:Actor)
//
// Analysis properties describe the layer analysed (--layer, --at); an actor outside the
// period has none. Times are strings as in the input ("1946", "1946-03-05").

// analysisProps are the property names of an actor's analysis; an extra input column may not
// use one of them.
var analysisProps = []string{"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "core",
	"clustering", "constraint", "effective_size", "community", "cliques", "clubs", "brokerage_coordinator", "brokerage_itinerant",
	"brokerage_gatekeeper", "brokerage_representative", "brokerage_liaison", "hub_score", "hub_rank", "hub_why"}

// PushOptions tune Push.
type PushOptions struct {
	Batch    int                                 // rows per write transaction (default 1000)
	Writers  int                                 // batches written at once (default 2)
	Progress func(stage string, done, total int) // told what is being written
}

// PushStats counts what Push wrote.
type PushStats struct {
	Actors, Clubs, Ties, Memberships, Exchanges int
}

func (s PushStats) Rows() int { return s.Actors + s.Clubs + s.Ties + s.Memberships + s.Exchanges }

// Push writes the data set d and the analysis r of its layer l into the database: constraints
// first, then batched UNWIND writes, each batch a transaction. It replaces what a previous
// push wrote (nodes and relationships no longer in the data set are deleted, properties are
// set whole), so pushing twice changes nothing.
func (s *Session) Push(ctx context.Context, d *graphmodel.Dataset, r *analysis.Result, o PushOptions) (PushStats, error) {
	var st PushStats
	for _, c := range d.Columns.Actors {
		if slices.Contains(analysisProps, c.Name) || slices.Contains([]string{"id", "name", "type", "region"}, c.Name) {
			return st, fmt.Errorf("push: actors.csv column %q clashes with a property of the schema", c.Name)
		}
	}
	if o.Writers <= 0 {
		o.Writers = 2
	}
	progress := func(stage string, done, total int) {
		if o.Progress != nil {
			o.Progress(stage, done, total)
		}
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
	meta := map[string]any{"id": "liaison", "path": d.Path, "files": d.Files}
	for name, cols := range map[string][]graphmodel.Column{"actors": d.Columns.Actors, "ties": d.Columns.Ties, "clubs": d.Columns.Clubs,
		"memberships": d.Columns.Memberships, "exchanges": d.Columns.Exchanges} {
		names := []string{}
		for _, c := range cols {
			names = append(names, c.Name)
		}
		meta["columns_"+name] = names
	}
	meta["layer"] = r.Layer.Layer
	meta["at"] = int64(r.Layer.At)
	if _, err := s.Run(ctx, "MERGE (d:Dataset {id: 'liaison'}) SET d = $meta", map[string]any{"meta": meta}); err != nil {
		return st, fmt.Errorf("push: data set: %w", err)
	}

	// Actors.
	metrics := map[string]*analysis.ActorMetrics{}
	for i := range r.Actors {
		metrics[r.Actors[i].ID] = &r.Actors[i]
	}
	hubRank := map[string]int{}
	hubOf := map[string]analysis.Hub{}
	for i, h := range r.Hubs {
		hubRank[h.ID], hubOf[h.ID] = i+1, h
	}
	score := map[string]float64{}
	for i, v := range analysis.HubScores(r) {
		score[r.Actors[i].ID] = v
	}
	var actors []map[string]any
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
		actors = append(actors, p)
	}
	total := len(d.Actors) + len(d.Clubs) + len(d.Ties) + len(d.Memberships) + len(d.Exchanges)
	done := 0
	tick := func(stage string) func(int) {
		return func(n int) { done += n; progress(stage, done, total) }
	}
	if err := s.write(ctx, "UNWIND $rows AS row MERGE (a:Actor {id: row.id}) SET a = row", actors, o.Batch, o.Writers, tick("actors")); err != nil {
		return st, fmt.Errorf("push: actors: %w", err)
	}
	st.Actors = len(actors)

	// Clubs.
	clubRes := map[string]*analysis.ClubResult{}
	for i := range r.Clubs {
		clubRes[r.Clubs[i].ID] = &r.Clubs[i]
	}
	var clubs []map[string]any
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
		if cr := clubRes[c.ID]; cr != nil {
			p["class"], p["relational_score"], p["active_members"] = cr.Class, cr.RelationalScore, int64(len(cr.Members))
			cr.Factors.Each(func(n string, v float64) { p["factor_"+n] = v })
		}
		clubs = append(clubs, p)
	}
	if err := s.write(ctx, "UNWIND $rows AS row MERGE (c:Club {id: row.id}) SET c = row", clubs, o.Batch, o.Writers, tick("clubs")); err != nil {
		return st, fmt.Errorf("push: clubs: %w", err)
	}
	st.Clubs = len(clubs)

	// Ties: one relationship per pair, with the rows as spells and the analysis.
	type pair struct{ a, b string }
	ties := map[pair]map[string]any{}
	var order []pair
	get := func(a, b string) map[string]any {
		if a > b {
			a, b = b, a
		}
		k := pair{a, b}
		if ties[k] == nil {
			ties[k] = map[string]any{"key": a + "|" + b}
			order = append(order, k)
		}
		return ties[k]
	}
	for _, t := range d.Ties {
		p := get(t.Source, t.Target)
		appendTo(p, "spell_line", int64(t.Line))
		appendTo(p, "spell_source", t.Source)
		appendTo(p, "spell_weight", t.Weight)
		appendTo(p, "spell_since", t.Since.String())
		appendTo(p, "spell_until", t.Until.String())
		appendTo(p, "spell_domains", strings.Join(t.Domains, ";"))
		for i, c := range d.Columns.Ties {
			appendTo(p, "spell_x_"+c.Name, t.Extra[i])
		}
	}
	for _, t := range r.Ties {
		p := get(t.Source, t.Target)
		p["weight"], p["class"], p["relational_score"] = t.Weight, t.Class, t.RelationalScore
		p["domains"] = t.Domains
		t.Factors.Each(func(n string, v float64) { p["factor_"+n] = v })
	}
	var tieRows []map[string]any
	for _, k := range order {
		tieRows = append(tieRows, map[string]any{"a": k.a, "b": k.b, "props": ties[k]})
	}
	if err := s.write(ctx, "UNWIND $rows AS row MATCH (a:Actor {id: row.a}), (b:Actor {id: row.b}) MERGE (a)-[t:TIE]->(b) SET t = row.props",
		tieRows, o.Batch, o.Writers, tick("ties")); err != nil {
		return st, fmt.Errorf("push: ties: %w", err)
	}
	st.Ties = len(d.Ties)

	// Memberships: one relationship per actor and club, the rows as spells.
	mem := map[pair]map[string]any{}
	var morder []pair
	for _, m := range d.Memberships {
		k := pair{m.Actor, m.Club}
		p := mem[k]
		if p == nil {
			p = map[string]any{"key": m.Club + "|" + m.Actor}
			mem[k] = p
			morder = append(morder, k)
		}
		appendTo(p, "spell_line", int64(m.Line))
		appendTo(p, "spell_since", m.Since.String())
		appendTo(p, "spell_until", m.Until.String())
		appendTo(p, "spell_role", m.Role)
		for i, c := range d.Columns.Memberships {
			appendTo(p, "spell_x_"+c.Name, m.Extra[i])
		}
	}
	var memRows []map[string]any
	for _, k := range morder {
		memRows = append(memRows, map[string]any{"actor": k.a, "club": k.b, "props": mem[k]})
	}
	if err := s.write(ctx, "UNWIND $rows AS row MATCH (a:Actor {id: row.actor}), (c:Club {id: row.club}) MERGE (a)-[m:MEMBER_OF]->(c) SET m = row.props",
		memRows, o.Batch, o.Writers, tick("memberships")); err != nil {
		return st, fmt.Errorf("push: memberships: %w", err)
	}
	st.Memberships = len(d.Memberships)

	// Exchanges: one relationship per row, keyed by its position.
	var exRows []map[string]any
	for i, e := range d.Exchanges {
		p := map[string]any{"seq": int64(i), "line": int64(e.Line), "date": e.Date.String(), "volume": e.Volume, "domain": e.Domain}
		for j, c := range d.Columns.Exchanges {
			p["x_"+c.Name] = e.Extra[j]
		}
		exRows = append(exRows, map[string]any{"from": e.From, "to": e.To, "seq": int64(i), "props": p})
	}
	if err := s.write(ctx, "UNWIND $rows AS row MATCH (a:Actor {id: row.from}), (b:Actor {id: row.to}) MERGE (a)-[e:EXCHANGE {seq: row.seq}]->(b) SET e = row.props",
		exRows, o.Batch, o.Writers, tick("exchanges")); err != nil {
		return st, fmt.Errorf("push: exchanges: %w", err)
	}
	st.Exchanges = len(d.Exchanges)

	// What an earlier push wrote and this data set no longer has.
	ids := make([]string, len(d.Actors))
	for i, a := range d.Actors {
		ids[i] = a.ID
	}
	clubIDs := make([]string, len(d.Clubs))
	for i, c := range d.Clubs {
		clubIDs[i] = c.ID
	}
	tieKeys := make([]string, len(order))
	for i, k := range order {
		tieKeys[i] = k.a + "|" + k.b
	}
	memKeys := make([]string, len(morder))
	for i, k := range morder {
		memKeys[i] = k.b + "|" + k.a
	}
	for _, q := range []struct {
		cypher string
		params map[string]any
	}{
		{"MATCH (a:Actor) WHERE NOT a.id IN $ids DETACH DELETE a", map[string]any{"ids": ids}},
		{"MATCH (c:Club) WHERE NOT c.id IN $ids DETACH DELETE c", map[string]any{"ids": clubIDs}},
		{"MATCH ()-[t:TIE]->() WHERE NOT t.key IN $keys DELETE t", map[string]any{"keys": tieKeys}},
		{"MATCH ()-[m:MEMBER_OF]->() WHERE NOT m.key IN $keys DELETE m", map[string]any{"keys": memKeys}},
		{"MATCH ()-[e:EXCHANGE]->() WHERE e.seq >= $n DELETE e", map[string]any{"n": int64(len(d.Exchanges))}},
	} {
		if _, err := s.Run(ctx, q.cypher, q.params); err != nil {
			return st, fmt.Errorf("push: clean up: %w", err)
		}
	}
	return st, nil
}

func setNonEmpty(p map[string]any, k, v string) {
	if v != "" {
		p[k] = v
	}
}

// appendTo appends v to the list property key of p (a missing list is empty).
func appendTo[T any](p map[string]any, key string, v T) {
	l, _ := p[key].([]T)
	p[key] = append(l, v)
}
