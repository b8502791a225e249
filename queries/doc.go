// Package queries holds liaison's library of named Cypher queries and the Neo4j side: the
// queries are embedded .cypher files, each with a checked header, and a [Session] pushes an
// analysed data set into a database, pulls it back and runs queries.
//
// # Named queries
//
// Each file of cypher/ is one [Query], embedded with go:embed and parsed when the package
// loads ([Parse]): a header names it, declares its parameters with their types (string, int,
// float) and optional defaults, its columns (each returned "AS column") and a one-line purpose;
// every $parameter of the text must be declared and every declared one used:
//
//	// name: trusted-path
//	// params: from string, to string
//	// columns: path, hops
//	// purpose: The shortest path between two actors over relational ties only.
//
// [All] lists them and [Get] returns one by name; [Query.Bind] turns parameter values given
// as text (the command line's --param name=value) into typed values with the defaults
// filled in, ready for [Session.Run]. The library covers the hubs, the typology, the
// relational core, brokers, a club's members, an actor's partners, a tie's factors, trusted
// paths and third-party reach.
//
// # Neo4j
//
// [Open] connects to the server and database named by a [Conn] ([ConnFromEnv] reads NEO4J_URI,
// NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE) and checks that it answers; a failure wraps
// [ErrUnreachable], [ErrUnauthorized] or [ErrNoSuchDatabase]. The data flow is
//
//	graphmodel.Load → Dataset.Layer → analysis.Analyze → Session.Push → named queries (Session.Run)
//	                                                      Session.Pull → a data set folder → graphmodel.Load
//
// [Session.Push] writes the data set and the analysis of its period view (the
// *analysis.Result, whose View is the layer analysed) in the schema the queries read:
// (:Actor) nodes with every actor measure, hub_score, hub_rank and hub_why; (:Club) nodes with
// class, relational_score and factors; one [:TIE] per pair (from the lesser id) with weight,
// class, relational_score, factors, domains and the input rows as spells; [:MEMBER_OF]; and
// [:EXCHANGE]; plus one (:Dataset) node naming the factors. Writes are batched UNWIND
// transactions ([PushOptions]), each written whole or not at all, and a push replaces what the
// previous one wrote, so pushing twice changes nothing. [Session.Pull] reads it back into a
// contract data set folder, rows in input order.
package queries
