//go:build !race

package graphmodel

const raceEnabled = false
