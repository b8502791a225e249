// Package queries holds liaison's library of named Cypher queries and the Neo4j side: the
// queries are embedded .cypher files, each with a checked header, and a [Session] pushes an
// analysed data set into a database, pulls it back and runs queries.
//
// # Named queries
//
// Each file of cypher/ is one [Query], embedded with go:embed and parsed when the package
// loads ([Parse]): a header names it, declares its parameters with their types (string, int,
// float) and optional defaults, its columns (each returned "AS column") and a one-line purpose;
// every $parameter of the text must be declared and every declared one used, and the text is
// one statement ended by ";" (so it runs as it is in cypher-shell). A file NAME.apoc.cypher
// ("// requires: apoc") is the APOC variant of NAME, which [Session.For] picks when the
// server has APOC:
//
//	// name: trusted-path
//	// params: dataset string liaison, from string, to string
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
// [ErrUnreachable], [ErrUnauthorized] or [ErrNoSuchDatabase], or, when TLS is the cause,
// [ErrCertificate] (bolt+s://, neo4j+s://: the certificate does not verify against the system's
// authorities or Conn.CAFile's) or [ErrTLSRequired] (a plain scheme to a TLS-only server). The
// data flow is
//
//	graphmodel.Load → Dataset.Layer → analysis.Analyze → Session.Push → named queries (Session.Run)
//	                                                      Session.Pull → a data set folder → graphmodel.Load
//
// [Session.Push] writes the data set and the analysis of its period view (the
// *analysis.Result, whose View is the layer analysed) in the schema of CONTRACT §6 (schema.go
// declares every label and property): a (:Dataset {id: NAME}) node (Conn.Dataset, default
// "liaison") that CONTAINS every (:Actor) and (:Club) of the data set, keyed by (dataset, id);
// camelCase properties, counts as integers, times as dates with their precision (sinceYear),
// one factor<Name> property per factor with evidence; one [:TIE] per pair (from the lesser id)
// with the input rows as spell lists; [:MEMBER_OF]; [:EXCHANGE]. Writes are batched UNWIND
// transactions ([PushOptions]), each written whole or not at all, endpoints found by their
// keys, never by element ids across transactions; a push replaces what the previous push of
// the data set wrote, so pushing twice changes nothing. [Session.Pull] reads it back into a
// contract data set folder, rows in input order. [Build] gives the same graph to other
// writers (export's neo4j-admin files). Reads ([Session.RunRead], [Session.Query]) run in read
// transactions routed to readers, sharing the driver's bookmark manager with the writes.
package queries
