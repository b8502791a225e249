package graphmodel

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// mutate applies one random change to a line of a file's text, the mutations the load and
// validate comparisons share: a field replaced by one of bad (kinds 0, 1), the line deleted
// (2), repeated (3) or cut after a field (4); with kinds 8 also blank lines inserted (5),
// every line end made CRLF (6) or a byte-order mark put first (7).
func mutate(rng *rand.Rand, text string, bad []string, kinds int) string {
	lines := strings.SplitAfter(text, "\n")
	j := rng.IntN(len(lines))
	fields := strings.Split(strings.TrimSuffix(lines[j], "\n"), ",")
	switch rng.IntN(kinds) {
	case 0, 1:
		fields[rng.IntN(len(fields))] = bad[rng.IntN(len(bad))]
		lines[j] = strings.Join(fields, ",") + "\n"
	case 2:
		lines = slices.Delete(lines, j, j+1)
	case 3:
		lines = slices.Insert(lines, j, lines[j])
	case 4:
		lines[j] = strings.Join(fields[:rng.IntN(len(fields))+1], ",") + "\n"
	case 5:
		lines = slices.Insert(lines, j, "\n", "\r\n")
	case 6:
		for k := range lines {
			lines[k] = strings.Replace(lines[k], "\n", "\r\n", 1)
		}
	case 7:
		lines[0] = "\ufeff" + lines[0]
	}
	return strings.Join(lines, "")
}
