package graphmodel

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestGroupPairs checks groupPairs against a comparison sort by (pair key, row) on random
// rows, ends in either order, few and many actors: rows in random order (the counting
// sorts) and in runs of one pair, a pair's runs apart (the sort of the runs).
func TestGroupPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, size := range [][3]int{{0, 1, 1}, {1, 2, 1}, {50, 3, 1}, {1000, 10, 1}, {5000, 400, 1},
		{8, 3, 8}, {9, 3, 8}, {1000, 10, 20}, {5000, 40, 9}, {5000, 400, 50}} {
		rows, n, run := size[0], size[1], size[2]
		ends := make([][2]int32, rows)
		for i := range ends {
			if i%run > 0 && rng.IntN(10) > 0 { // the pair of the row before, either way round
				ends[i] = [2]int32{ends[i-1][1], ends[i-1][0]}
				continue
			}
			a, b := rng.IntN(n), rng.IntN(n)
			for a == b && n > 1 {
				b = rng.IntN(n)
			}
			ends[i] = [2]int32{int32(a), int32(b)}
		}
		got := groupPairs(ends, n)
		order := make([]int32, rows)
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(i, j int32) int {
			if c := cmp.Compare(pairKey(ends[i][0], ends[i][1]), pairKey(ends[j][0], ends[j][1])); c != 0 {
				return c
			}
			return cmp.Compare(i, j)
		})
		want := pairIndex{rows: order, off: []int32{0}}
		for k, i := range order {
			key := pairKey(ends[i][0], ends[i][1])
			if len(want.keys) == 0 || want.keys[len(want.keys)-1] != key {
				if len(want.keys) > 0 {
					want.off = append(want.off, int32(k))
				}
				want.keys = append(want.keys, key)
			}
		}
		if rows > 0 {
			want.off = append(want.off, int32(rows))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d rows, %d actors, runs of %d: groupPairs differs from the comparison sort", rows, n, run)
		}
	}
}
