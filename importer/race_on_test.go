//go:build race

package importer

// raceEnabled: the tests run under the race detector, where loading the 872,419 imported
// IGO rows back takes 8 s; TestRealIGO then checks the written rows without the loader.
const raceEnabled = true
