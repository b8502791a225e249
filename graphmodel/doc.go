// Package graphmodel loads and validates liaison data sets (actors, bilateral ties, clubs,
// memberships and exchanges) and builds their weighted graph layers as gonum graphs.
package graphmodel
