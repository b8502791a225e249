// Package importer turns the real data sets of alliance and international-organisation
// research into liaison data sets (the contract's folder of CSV files):
//
//   - COWAlliance: Correlates of War Formal Alliances 4.1, member level (Gibler 2009);
//   - ATOP: Alliance Treaty Obligations and Provisions 4.x, member level, with the
//     alliance-level file for provisions and the Leeds–Anac institutionalisation index
//     (Leeds, Ritter, Mitchell and Long 2002; Leeds and Anac 2005);
//   - COWIGO: COW Intergovernmental Organizations 3.0, non-directed dyad-years (Pevehouse,
//     Nordstrom, McManus and Jamison 2020);
//   - Pajek, GraphML and GEXF: network files (see "Mapping of network files").
//
// Each function reads its input files, checks them and returns an *Output (the tables to
// write) with a *Report: what was read, what was mapped to which file, what was dropped and
// why, and the state codes that the COW state list (Options.States) does not know. Problems
// in the input are returned all at once as a *graphmodel.ValidationError whose
// *graphmodel.ParseError items read "FILE:LINE: message", like the loader's. Write puts an
// Output into a folder atomically: the folder appears whole or not at all.
//
// # Mapping of the alliance data sets
//
// An alliance whose members are two distinct states becomes bilateral ties (ties.csv), one
// row per spell: each pair of the two states' member rows (a state's repeated rows are
// spells or treaty phases; ATOP rows are paired phase by phase) whose membership periods
// overlap gives a row for the overlap. An alliance of three or more states becomes a club
// (clubs.csv, id COW<version4id> or ATOP<atopid>) with one dated membership
// (memberships.csv) per member row. With Mapping "clubs" every alliance is a club.
//
//   - Times: membership rows are dated by the membership (COW mem_st_*/mem_end_*, ATOP
//     yrent…/yrexit…), not by the alliance; a date is an ISO date when day, month and year
//     make a calendar date, else its year; a missing or 0 end year means "still in force"
//     (an empty until). A club runs from the later of the alliance's start and its first
//     membership to the earlier of the alliance's end and its last membership (COW alliance 1
//     dates from 1386; its club from 1816, the first membership); the alliance's own dates
//     are kept in alliance_since and alliance_until.
//   - Obligations become domains, in this order: COW DEFENSE, NEUTRALITY, NONAGGRESSION,
//     ENTENTE (columns defense, neutrality, nonaggression, entente); ATOP DEFENSE, OFFENSE,
//     NEUTRALITY, NONAGGRESSION, CONSULTATION (defense, offense, neutral, nonagg, consul).
//     A tie row's domains are the obligations of either side; tie rows, clubs and
//     memberships also carry them as 0/1 columns named as in the source (defense, …).
//   - Weight of a tie row: its strongest obligation, on Gibler's ordering of the COW types
//     (Type I defence pact, Type II neutrality or non-aggression, Type III entente):
//     defence and offence 3, neutrality and non-aggression 2, entente and consultation 1;
//     a row without any obligation coded weighs 1 (and is counted in the report).
//   - Asymmetry: each tie row says which side owes what, source_obligations and
//     target_obligations (e.g. "DEFENSE" and "" for a one-sided guarantee), and asymmetric
//     (true when they differ); memberships carry each member's own obligations.
//   - COW's left_censor and right_censor travel to memberships and tie rows (a tie row is
//     censored when the member row that bounds its spell at that end is) and to clubs (any
//     member row).
//   - Ids are the COW state list's stateabb (actors.csv: name from statenme, ccode); a code
//     the list does not have is reported and kept as its number, and without a state list
//     every id is the code.
//
// ATOP's institution index and its items are documented at MilitaryInstitution.
//
// # Mapping of network files
//
// Pajek: vertices become actors (id the vertex number, name its label; coordinates are
// not kept); *Edges, *Arcs, *Edgeslist, *Arcslist and *Matrix lines become undirected tie
// rows (arcs are read as undirected), weight the value (1 when missing; 0 or less dropped
// and counted). A relation (*Arcs :2 "name", or a line "2: i j") is the row's domain (its
// name, else its number). There is one row per unordered pair and relation: a pair given in
// both directions, or repeated, is merged, weight the largest value. *Vector and *Partition
// become actors.csv columns, values as written.
//
// GraphML and GEXF (streamed with encoding/xml): nodes become actors and edges tie rows
// (directed edges read as undirected); typed attributes (int, long, float, double, boolean,
// string) become columns, floats written with a decimal point so that the loader infers the
// declared type; the edge weight, name (GraphML name or label key, GEXF name attribute or
// label), domains, since and until are the contract's columns. A GEXF edge gives one row per
// spell (spells, or its start and end), its weight shared equally among them; node spells are
// dropped. The attributes that liaison's export computes (measures, hub scores, classes,
// factors, drawing) are dropped, and an edge with several domains becomes one row per domain,
// its weight shared equally, so that export → import → export gives the same file.
package importer
