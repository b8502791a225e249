package queries

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// The Neo4j schema written by Push and read by Pull (CONTRACT §6). Property names are
// camelCase, counts integers, times Neo4j dates with their precision beside them:
//
//	(:Dataset {id: NAME, path, files, columnsActors, columnsTies, …, layer, at?,
//	           tieFactors, clubFactors, complete, pushStarted, pushFinished})
//	(:Dataset)-[:CONTAINS]->(:Actor), (:Dataset)-[:CONTAINS]->(:Club)     every node of the data set
//	(:Actor {dataset, id, name, type, region, <extra columns, typed>,
//	         degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, core,
//	         clustering, constraint, effectiveSize, community, cliques, clubs,
//	         brokerageCoordinator, …, hubScore, hubRank, hubWhy})
//	(:Club {dataset, id, name, since, sinceYear, until, untilYear, x<Column>…,
//	        class, relationalScore, pRelational, decidedBy, factor<Name>…, activeMembers})
//	(a:Actor)-[:TIE {weight, class, relationalScore, pRelational, decidedBy, factor<Name>…, domains,
//	                 spellLines, spellWeights, spellReversed, spellSinces, spellSinceYears,
//	                 spellUntils, spellUntilYears, spellDomains, spellX<Column>…}]->(b:Actor)   one per pair, a.id < b.id
//	(:Actor)-[:MEMBER_OF {spellLines, spellSinces, …, spellRoles, spellX<Column>…}]->(:Club)
//	(:Actor)-[:EXCHANGE {seq, line, date, dateYear, volume, domain, x<Column>…}]->(:Actor)
//
// Actors and clubs are keyed by (dataset, id), a uniqueness constraint, so several data sets
// share a database. Times: a year "1946" is date 1946-01-01 as a since (and a date) and
// 1946-12-31 as an until, with sinceYear (untilYear, dateYear) true; a full date is itself
// with false; an empty time is no property. A spell list has one entry per input row of the
// pair, in input order; a list whose entries would all be empty is left out, and in a time
// list that is kept an open end is the earliest (latest) date Neo4j has, -999999999-01-01
// (+999999999-12-31), so `s.year <= $year <= u.year` holds for it. A factor without evidence
// is no property. Analysis properties describe the layer and period pushed.
//
// Every label, relationship type and property name is spelled here once; push, its rows,
// its writes and pull use these names. A new label is a constant, a kind in kinds (when
// Push writes and Pull reads it) and its constraint in constraints.

// Labels and relationship types.
const (
	labelDataset  = "Dataset"
	labelActor    = "Actor"
	labelClub     = "Club"
	typeContains  = "CONTAINS"
	typeTie       = "TIE"
	typeMember    = "MEMBER_OF"
	typeExchange  = "EXCHANGE"
	labelPushLock = "PushLock"
)

// DefaultDataset is the name of the data set when --dataset is not given.
const DefaultDataset = "liaison"

// Property names, and the prefixes of the properties named after a column, a file or a factor.
const (
	propID      = "id"      // the key of every node, with propDataset for actors and clubs
	propDataset = "dataset" // the data set an actor or club belongs to

	// The data set node.
	propPath        = "path"
	propFiles       = "files"
	propColumns     = "columns" // + a kind's stage, capitalised: the names of its file's extra columns, in order
	propLayer       = "layer"
	propAt          = "at" // absent when the whole time was analysed
	propTieFactors  = "tieFactors"
	propClubFactors = "clubFactors"
	// A push sets complete false (and pushStarted) in its first write and true (and
	// pushFinished) in its last; Pull refuses a data set whose push did not finish.
	propComplete     = "complete"
	propPushStarted  = "pushStarted"
	propPushFinished = "pushFinished"

	// Actors and clubs: the contract columns, named as the columns.
	propName   = "name"
	propType   = "type"
	propRegion = "region"
	propSince  = "since"
	propUntil  = "until"
	// The precision of a time property: true when the input gave only the year.
	precisionSuffix = "Year"

	// An extra column of clubs.csv or exchanges.csv: "x" + the column name, capitalised (an
	// actor's extra column is a property of its own name; a tie's and a membership's are spells).
	propExtra = "x"

	// The analysis of an actor: every measure of analysis.Measures under its camelCase name
	// (counts as integers), and the hub's.
	propHubScore = "hubScore"
	propHubRank  = "hubRank"
	propHubWhy   = "hubWhy"

	// The analysis of a club or a tie.
	propClass           = "class"
	propRelationalScore = "relationalScore"
	propPRelational     = "pRelational"
	propDecidedBy       = "decidedBy"
	propFactor          = "factor" // + the factor's name, capitalised: factorOverlap
	propActiveMembers   = "activeMembers"
	propWeight          = "weight"
	propDomains         = "domains"

	// The input rows of a tie or a membership (spells), one entry per row.
	propSpellLines    = "spellLines"
	propSpellWeights  = "spellWeights"
	propSpellReversed = "spellReversed" // true: the row ran from b to a
	propSpellSinces   = "spellSinces"
	propSpellUntils   = "spellUntils"
	propSpellDomains  = "spellDomains"
	propSpellRoles    = "spellRoles"
	propSpellExtra    = "spellX"

	// An exchange.
	propSeq    = "seq" // its position in exchanges.csv, from 0
	propLine   = "line"
	propDate   = "date"
	propVolume = "volume"
	propDomain = "domain"

	// The push lock.
	propOwner   = "owner"
	propExpires = "expires"
)

// camel turns a snake_case name into camelCase (effective_size → effectiveSize).
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		parts[i] = upperFirst(parts[i])
	}
	return strings.Join(parts, "")
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// measureProp is the property of an actor measure;
// extraProp of an extra column under a kind's prefix.
func measureProp(name string) string         { return camel(name) }
func extraProp(prefix, column string) string { return prefix + upperFirst(column) }
func columnsProp(stage string) string        { return propColumns + upperFirst(stage) }
func yearProp(timeProp string) string        { return timeProp + precisionSuffix }

// factorProp is the property of a factor (factorOverlap …).
func factorProp(name string) string {
	if p, ok := tieFactorProps[name]; ok {
		return p
	}
	return propFactor + upperFirst(camel(name))
}

// tieFactorProps are the property names of analysis.TieFactors, made once (a push names four
// or more factors per tie).
var tieFactorProps = func() map[string]string {
	m := make(map[string]string, len(analysis.TieFactors))
	for _, f := range analysis.TieFactors {
		m[f] = propFactor + upperFirst(camel(f))
	}
	return m
}()

// spellYearProp is the precision list of a spell time list (spellSinces → spellSinceYears).
func spellYearProp(list string) string { return strings.TrimSuffix(list, "s") + precisionSuffix + "s" }

// analysisProps are the property names of an actor's analysis; an extra input column may not
// use one of them.
var analysisProps = func() []string {
	var out []string
	for _, m := range analysis.Measures {
		out = append(out, measureProp(m.Name))
	}
	return append(out, propHubScore, propHubRank, propHubWhy, propDataset)
}()

// kind is one label or relationship type that Push writes and Pull reads back, with the data
// set file it comes from.
type kind struct {
	stage    string // the Push stage, and the name in the data set's columns<Stage>
	file     string
	label    string // the node label or the relationship type
	from, to string // a relationship's endpoint labels; "" for a node
	by       string // a relationship per row, keyed by this property too; "" for one per pair
	extra    string // the prefix of the properties of the file's extra columns
	// columns are the file's contract columns, in order, as Pull writes them; a node's
	// properties of these names hold them.
	columns []string
	cols    func(c *graphmodel.Columns) []graphmodel.Column // the file's extra columns
}

func (k kind) node() bool { return k.from == "" }

var (
	actorKind = kind{stage: "actors", file: graphmodel.ActorsFile, label: labelActor,
		columns: []string{propID, propName, propType, propRegion},
		cols:    func(c *graphmodel.Columns) []graphmodel.Column { return c.Actors }}
	clubKind = kind{stage: "clubs", file: graphmodel.ClubsFile, label: labelClub, extra: propExtra,
		columns: []string{propID, propName, propSince, propUntil},
		cols:    func(c *graphmodel.Columns) []graphmodel.Column { return c.Clubs }}
	tieKind = kind{stage: "ties", file: graphmodel.TiesFile, label: typeTie, from: labelActor, to: labelActor, extra: propSpellExtra,
		columns: []string{"source", "target", "weight", "since", "until", "domains"},
		cols:    func(c *graphmodel.Columns) []graphmodel.Column { return c.Ties }}
	memberKind = kind{stage: "memberships", file: graphmodel.MembershipsFile, label: typeMember, from: labelActor, to: labelClub, extra: propSpellExtra,
		columns: []string{"club", "actor", "since", "until", "role"},
		cols:    func(c *graphmodel.Columns) []graphmodel.Column { return c.Memberships }}
	exchangeKind = kind{stage: "exchanges", file: graphmodel.ExchangesFile, label: typeExchange, from: labelActor, to: labelActor, by: propSeq, extra: propExtra,
		columns: []string{"date", "from", "to", "volume", "domain"},
		cols:    func(c *graphmodel.Columns) []graphmodel.Column { return c.Exchanges }}
)

// kinds lists what Push writes, in the order written (nodes first: the relationships find
// their endpoints by (dataset, id)). Push counts each before writing (CREATE into a data set
// without any) and after (the sweep of what an earlier push left).
var kinds = []kind{actorKind, clubKind, tieKind, memberKind, exchangeKind}

// datasetNode matches the data set node $dataset, as d.
var datasetNode = "(d:" + labelDataset + " {" + propID + ": $" + propDataset + "})"

// constraints are the uniqueness constraints on the nodes' keys, made before anything else;
// obsolete are those of earlier schemas, dropped (an actor id unique across data sets).
var (
	constraints = []string{uniqueKey(labelActor, propDataset, propID), uniqueKey(labelClub, propDataset, propID),
		uniqueKey(labelDataset, propID), uniqueKey(labelPushLock, propID)}
	obsolete = []string{"DROP CONSTRAINT liaison_actor_id IF EXISTS", "DROP CONSTRAINT liaison_club_id IF EXISTS"}
)

// uniqueKey is the statement that makes the key props of the label's nodes unique
// (liaison_actor_dataset_id …).
func uniqueKey(label string, props ...string) string {
	v := strings.ToLower(label[:1])
	var key []string
	for _, p := range props {
		key = append(key, v+"."+p)
	}
	return "CREATE CONSTRAINT liaison_" + strings.ToLower(label) + "_" + strings.Join(props, "_") + " IF NOT EXISTS FOR (" + v + ":" + label + ") REQUIRE (" +
		strings.Join(key, ", ") + ") IS UNIQUE"
}

// relProps are every property a relationship of the kind k may have, given the file's extra
// columns (a fresh write names them all).
func relProps(k kind, cols []graphmodel.Column) []string {
	var out []string
	switch k.stage {
	case tieKind.stage:
		out = []string{propWeight, propClass, propRelationalScore, propPRelational, propDecidedBy, propDomains,
			propSpellLines, propSpellWeights, propSpellReversed, propSpellSinces, spellYearProp(propSpellSinces),
			propSpellUntils, spellYearProp(propSpellUntils), propSpellDomains}
		for _, f := range analysis.TieFactors {
			out = append(out, factorProp(f))
		}
	case memberKind.stage:
		out = []string{propSpellLines, propSpellSinces, spellYearProp(propSpellSinces), propSpellUntils, spellYearProp(propSpellUntils), propSpellRoles}
	case exchangeKind.stage:
		out = []string{propSeq, propLine, propDate, yearProp(propDate), propVolume, propDomain}
	}
	for _, c := range cols {
		out = append(out, extraProp(k.extra, c.Name))
	}
	return out
}
