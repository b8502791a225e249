package analysis

import (
	"github.com/liaison-net/liaison/graphmodel"
)

// ActorMetrics holds the measures of one actor, as in §3 of the contract.
type ActorMetrics struct {
	ID       string  `json:"id"`
	Degree   float64 `json:"degree"`   // number of neighbours
	Strength float64 `json:"strength"` // sum of incident edge weights
}

// Result is everything an analysis of one layer produces.
type Result struct {
	Actors []ActorMetrics `json:"actors"` // sorted by id
}

// Analyze computes the measures of layer l.
func Analyze(l *graphmodel.Layer) (*Result, error) {
	n := l.Len()
	r := &Result{Actors: make([]ActorMetrics, n)}
	for u := 0; u < n; u++ {
		nbrs, ws := l.Adjacency(int64(u))
		s := 0.0
		for _, w := range ws {
			s += w
		}
		r.Actors[u] = ActorMetrics{ID: l.Actor(int64(u)), Degree: float64(len(nbrs)), Strength: s}
	}
	return r, nil
}
