// Package testgen generates the seeded random inputs that tests in several packages share.
// It imports nothing of liaison's, so that any package's internal tests can use it.
package testgen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
)

// GNMTies is the text of a ties.csv (source,target,weight) of a G(n, m) graph: m distinct
// unordered pairs of the actors a0…a{n-1} drawn by a PCG generator seeded (seed1, seed2), no
// self loops, integer weights uniform in 1…maxWeight. With ordered, each row names the lesser
// actor number first; otherwise as drawn.
func GNMTies(n, m int, seed1, seed2 uint64, maxWeight int, ordered bool) []byte {
	var b bytes.Buffer
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
		fmt.Fprintf(&b, "a%d,a%d,%d\n", u, v, 1+rng.IntN(maxWeight))
	}
	return b.Bytes()
}
