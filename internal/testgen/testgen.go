// Package testgen generates the seeded random inputs that tests in several packages share.
// It imports nothing of liaison's, so that any package's internal tests can use it.
package testgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// GNM is the text of a ties.csv (source,target,weight) of a G(n, m) graph: m distinct
// unordered pairs of the actors a0…a{n-1} drawn by a PCG generator seeded (seed1, seed2), no
// self loops, each weighted by weight(rng) (drawn after its pair). With ordered, each row
// names the lesser actor number first; otherwise as drawn.
func GNM(n, m int, seed1, seed2 uint64, ordered bool, weight func(*rand.Rand) string) []byte {
	var b strings.Builder
	b.WriteString("source,target,weight\n")
	rng := rand.New(rand.NewPCG(seed1, seed2))
	seen := make(map[[2]int]bool, m)
	for len(seen) < m {
		u, v := rng.IntN(n), rng.IntN(n)
		key := [2]int{min(u, v), max(u, v)}
		if u == v || seen[key] {
			continue
		}
		seen[key] = true
		if ordered {
			u, v = key[0], key[1]
		}
		fmt.Fprintf(&b, "a%d,a%d,%s\n", u, v, weight(rng))
	}
	return []byte(b.String())
}

// GNMTies is GNM with integer weights uniform in 1…maxWeight.
func GNMTies(n, m int, seed1, seed2 uint64, maxWeight int, ordered bool) []byte {
	return GNM(n, m, seed1, seed2, ordered, func(r *rand.Rand) string { return fmt.Sprint(1 + r.IntN(maxWeight)) })
}
