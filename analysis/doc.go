// Package analysis computes the network measures of a liaison layer: centralities, cliques,
// cores, communities, the relational/transactional typology and alliance hubs.
package analysis
