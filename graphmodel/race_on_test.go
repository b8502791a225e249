//go:build race

package graphmodel

// raceEnabled: the tests run under the race detector, which allocates for itself (the
// load's bytes allocated grow by half), so TestLoadAndLayerGarbage does not count them.
const raceEnabled = true
