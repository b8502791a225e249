// Package style holds the colours shared by the report and the exports, so that a drawing
// in the report, in Gephi (GEXF, GraphML) and in Graphviz (DOT) look alike: one palette for
// the communities (nodes) and another, of other hues, for the tie classes (edges).
package style

import (
	"sort"
	"strconv"
)

// Tie class colours (edges): relational blue, transactional orange, club co-membership only
// grey.
const (
	Relational    = "#1f3a93"
	Transactional = "#d35400"
	ClubOnly      = "#a9a9a9"
)

// CommunityPalette colours the largest communities, in order of size; no hue of it is close
// to the tie classes' blue and orange.
var CommunityPalette = []string{"#009E73", "#CC79A7", "#8C564B", "#9467BD", "#BCBD22", "#17BECF", "#E377C2", "#2CA02C", "#F0E442", "#6B6B6B"}

// OtherCommunity colours the communities beyond the palette's and those of one actor.
const OtherCommunity = "#c4c4c4"

// CommunityColours gives community c (of sizes[c] actors) its colour: the largest ones (ties
// broken by number) the palette's in order, the rest, and every community of one actor,
// OtherCommunity.
func CommunityColours(sizes []int) []string {
	order := make([]int, len(sizes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return sizes[order[a]] > sizes[order[b]] })
	out := make([]string, len(sizes))
	for i := range out {
		out[i] = OtherCommunity
	}
	for rank, c := range order {
		if rank < len(CommunityPalette) && sizes[c] > 1 {
			out[c] = CommunityPalette[rank]
		}
	}
	return out
}

// RGB parses a colour "#rrggbb".
func RGB(hex string) [3]uint8 {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return [3]uint8{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}
