package analysis

import (
	"slices"
	"strings"
)

// Tie returns the tie between actors a and b (in either order) of the period analysed.
func (r *Result) Tie(a, b string) (*TieResult, bool) {
	if a > b {
		a, b = b, a
	}
	if r.tieCols != nil {
		i, ok := r.tieCols.index(a, b)
		if !ok {
			return nil, false
		}
		return r.TieAt(i), true
	}
	i, ok := slices.BinarySearchFunc(r.Ties, [2]string{a, b}, func(t TieResult, k [2]string) int {
		if c := strings.Compare(t.Source, k[0]); c != 0 {
			return c
		}
		return strings.Compare(t.Target, k[1])
	})
	if !ok {
		return nil, false
	}
	return &r.Ties[i], true
}

// Club returns the club id of the period analysed.
func (r *Result) Club(id string) (*ClubResult, bool) {
	i, ok := slices.BinarySearchFunc(r.Clubs, id, func(c ClubResult, k string) int { return strings.Compare(c.ID, k) })
	if !ok {
		return nil, false
	}
	return &r.Clubs[i], true
}

// Actor returns the measures of actor id of the period analysed.
func (r *Result) Actor(id string) (*ActorMetrics, bool) {
	if r.View == nil {
		return nil, false
	}
	u, ok := r.View.NodeID(id)
	if !ok || int(u) >= len(r.Actors) {
		return nil, false
	}
	return &r.Actors[u], true
}
