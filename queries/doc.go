// Package queries holds liaison's library of named Cypher queries and the Neo4j side: the
// queries are embedded .cypher files, each with a checked header.
package queries
