package graphmodel

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestGroupPairs checks the counting sorts of groupPairs against a comparison sort by
// (pair key, row) on random rows, ends in either order, few and many actors.
func TestGroupPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, size := range [][2]int{{0, 1}, {1, 2}, {50, 3}, {1000, 10}, {5000, 400}} {
		rows, n := size[0], size[1]
		ends := make([][2]int32, rows)
		for i := range ends {
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
			t.Errorf("%d rows, %d actors: groupPairs differs from the comparison sort", rows, n)
		}
	}
}
