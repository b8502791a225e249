package queries

import (
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// The Neo4j schema written by Push and read by Pull:
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
//
// Every label, relationship type and property name is spelled here once; push, its rows and
// its writes, and pull use these names.

// Labels and relationship types.
const (
	labelDataset = "Dataset"
	labelActor   = "Actor"
	labelClub    = "Club"
	typeTie      = "TIE"
	typeMember   = "MEMBER_OF"
	typeExchange = "EXCHANGE"
)

// datasetID is the id of the one data set node.
const datasetID = "liaison"

// Property names, and the prefixes of the properties named after a column or a file.
const (
	propID = "id" // the key of every node

	// The data set node.
	propPath        = "path"
	propFiles       = "files"
	propColumns     = "columns_" // + a kind's stage: the names of its file's extra columns, in order
	propLayer       = "layer"
	propAt          = "at"
	propTieFactors  = "tie_factors"
	propClubFactors = "club_factors"
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

	// An extra column of clubs.csv or exchanges.csv (an actor's extra column is a property of
	// its own name; a tie's and a membership's are spells).
	propExtra = "x_"

	// The analysis of an actor: every measure of analysis.Measures under its name (counts as
	// integers), and the hub's.
	propHubScore = "hub_score"
	propHubRank  = "hub_rank"
	propHubWhy   = "hub_why"

	// The analysis of a club or a tie.
	propClass           = "class"
	propRelationalScore = "relational_score"
	propPRelational     = "p_relational"
	propDecidedBy       = "decided_by"
	propFactors         = "factors" // in the order of the data set's tie_factors (club_factors)
	propActiveMembers   = "active_members"
	propWeight          = "weight"
	propDomains         = "domains"

	// The input rows of a tie or a membership (spells), one entry per row.
	propSpellLine     = "spell_line"
	propSpellWeight   = "spell_weight"
	propSpellReversed = "spell_reversed"
	propSpellSince    = "spell_since"
	propSpellUntil    = "spell_until"
	propSpellDomains  = "spell_domains"
	propSpellRole     = "spell_role"
	propSpellExtra    = "spell_x_"

	// An exchange.
	propSeq    = "seq" // its position in exchanges.csv, from 0
	propLine   = "line"
	propDate   = "date"
	propVolume = "volume"
	propDomain = "domain"
)

// analysisProps are the property names of an actor's analysis; an extra input column may not
// use one of them.
var analysisProps = func() []string {
	var out []string
	for _, m := range analysis.Measures {
		out = append(out, m.Name)
	}
	return append(out, propHubScore, propHubRank, propHubWhy)
}()

// spellTexts are the text spells, in the order of spells.lists.
var spellTexts = [4]string{propSpellSince, propSpellUntil, propSpellDomains, propSpellRole}

// kind is one label or relationship type that Push writes and Pull reads back, with the data
// set file it comes from.
type kind struct {
	stage    string // the Push stage, and the name in the data set's columns_<stage>
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

// kinds lists what Push writes, in the order written (nodes first: their element ids locate
// the relationships' endpoints). Push counts each before writing (CREATE into a type the
// database does not have) and after (the sweep of what an earlier push left).
var kinds = []kind{actorKind, clubKind, tieKind, memberKind, exchangeKind}

// datasetNode matches the data set node, as d.
var datasetNode = "(d:" + labelDataset + " {" + propID + ": '" + datasetID + "'})"

// constraints are the uniqueness constraints on the nodes' ids, made before anything else.
var constraints = []string{uniqueID(labelActor), uniqueID(labelClub), uniqueID(labelDataset), uniqueID(labelPushLock)}

// uniqueID is the statement that makes the id of the label's nodes unique (liaison_actor_id …).
func uniqueID(label string) string {
	v := strings.ToLower(label[:1])
	return "CREATE CONSTRAINT liaison_" + strings.ToLower(label) + "_" + propID + " IF NOT EXISTS FOR (" + v + ":" + label + ") REQUIRE " +
		v + "." + propID + " IS UNIQUE"
}
