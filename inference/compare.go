package inference

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/liaison-net/liaison/analysis"
)

// TieChange is a bilateral tie in one or both periods. A weight or class of a period in
// which the tie is absent is 0 or "".
type TieChange struct {
	Source  string  `json:"source"`
	Target  string  `json:"target"`
	Weight1 float64 `json:"weight_at"`
	Weight2 float64 `json:"weight_vs"`
	Class1  string  `json:"class_at,omitempty"`
	Class2  string  `json:"class_vs,omitempty"`
}

// HubMove is an actor's hub standing in the two periods: its rank among all actors by hub
// score (0: not an actor of that period) and its score.
type HubMove struct {
	ID     string  `json:"id"`
	Rank1  int     `json:"rank_at"`
	Rank2  int     `json:"rank_vs"`
	Score1 float64 `json:"score_at"`
	Score2 float64 `json:"score_vs"`
}

// Comparison is what changed between two periods of one data set.
type Comparison struct {
	At      int    `json:"at"`
	Vs      int    `json:"vs"`
	Layer   string `json:"layer"`
	Actors1 int    `json:"actors_at"`
	Actors2 int    `json:"actors_vs"`
	Counts  struct {
		Formed       int `json:"formed"`
		Dissolved    int `json:"dissolved"`
		Kept         int `json:"kept"`
		ChangedClass int `json:"changed_class"`
	} `json:"counts"`
	Formed       []TieChange `json:"formed"`
	Dissolved    []TieChange `json:"dissolved"`
	ChangedClass []TieChange `json:"changed_class"`
	// QAP is the correlation of the two periods' analysed layers over the union of their
	// actors; nil (with QAPNote saying why) when a period's layer is the same for every pair.
	QAP     *Correlation `json:"qap"`
	QAPNote string       `json:"qap_note,omitempty"`
	Rose    []HubMove    `json:"hubs_rose"`
	Fell    []HubMove    `json:"hubs_fell"`
}

// Compare compares the analyses r1 (the period At) and r2 (Vs) of one data set: the bilateral
// ties formed (in r2, not r1), dissolved (in r1, not r2), kept, and kept with another class;
// the QAP correlation of the analysed layers; the hubs that rose (listed hubs of r2 ranked
// better than in r1, or new) and fell (listed hubs of r1 ranked worse in r2, or gone), by
// the size of the move.
func Compare(ctx context.Context, r1, r2 *analysis.Result, o Options) (*Comparison, error) {
	if r1 == nil || r2 == nil || r1.View == nil || r2.View == nil {
		return nil, fmt.Errorf("compare: no analysed layer")
	}
	c := &Comparison{At: r1.View.Options.At, Vs: r2.View.Options.At, Layer: string(r1.View.Options.Layer),
		Actors1: r1.View.Len(), Actors2: r2.View.Len(),
		Formed: []TieChange{}, Dissolved: []TieChange{}, ChangedClass: []TieChange{}, Rose: []HubMove{}, Fell: []HubMove{}}
	i, j := 0, 0
	for i < len(r1.Ties) || j < len(r2.Ties) {
		var d int
		switch {
		case i == len(r1.Ties):
			d = 1
		case j == len(r2.Ties):
			d = -1
		default:
			a, b := r1.Ties[i], r2.Ties[j]
			d = cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
		}
		switch {
		case d < 0:
			t := r1.Ties[i]
			c.Dissolved = append(c.Dissolved, TieChange{Source: t.Source, Target: t.Target, Weight1: t.Weight, Class1: t.Class})
			i++
		case d > 0:
			t := r2.Ties[j]
			c.Formed = append(c.Formed, TieChange{Source: t.Source, Target: t.Target, Weight2: t.Weight, Class2: t.Class})
			j++
		default:
			a, b := r1.Ties[i], r2.Ties[j]
			c.Counts.Kept++
			if a.Class != b.Class {
				c.ChangedClass = append(c.ChangedClass, TieChange{Source: a.Source, Target: a.Target, Weight1: a.Weight, Weight2: b.Weight, Class1: a.Class, Class2: b.Class})
			}
			i++
			j++
		}
	}
	c.Counts.Formed, c.Counts.Dissolved, c.Counts.ChangedClass = len(c.Formed), len(c.Dissolved), len(c.ChangedClass)

	actors := UnionActors(r1.View, r2.View)
	y, err := LayerMatrix(fmt.Sprintf("%s@%s", c.Layer, yearName(c.Vs)), r2.View, actors)
	if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	x, err := LayerMatrix(fmt.Sprintf("%s@%s", c.Layer, yearName(c.At)), r1.View, actors)
	if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	c.QAP, err = Correlate(ctx, y, x, o)
	if errors.Is(err, ErrDegenerate) {
		c.QAP, c.QAPNote = nil, err.Error()
	} else if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}

	s1, s2 := statsOf(r1), statsOf(r2)
	move := func(id string) HubMove {
		h := HubMove{ID: id}
		if u, ok := s1.index[id]; ok {
			h.Rank1, h.Score1 = s1.rank[u], s1.score[u]
		}
		if u, ok := s2.index[id]; ok {
			h.Rank2, h.Score2 = s2.rank[u], s2.score[u]
		}
		return h
	}
	// A missing rank counts as one below the last.
	rankOr := func(r, n int) int {
		if r == 0 {
			return n + 1
		}
		return r
	}
	for _, h := range r2.Hubs {
		if m := move(h.ID); rankOr(m.Rank1, len(r1.Actors)) > m.Rank2 {
			c.Rose = append(c.Rose, m)
		}
	}
	for _, h := range r1.Hubs {
		if m := move(h.ID); rankOr(m.Rank2, len(r2.Actors)) > m.Rank1 {
			c.Fell = append(c.Fell, m)
		}
	}
	slices.SortStableFunc(c.Rose, func(a, b HubMove) int {
		return cmp.Compare(rankOr(b.Rank1, len(r1.Actors))-b.Rank2, rankOr(a.Rank1, len(r1.Actors))-a.Rank2)
	})
	slices.SortStableFunc(c.Fell, func(a, b HubMove) int {
		return cmp.Compare(rankOr(b.Rank2, len(r2.Actors))-b.Rank1, rankOr(a.Rank2, len(r2.Actors))-a.Rank1)
	})
	return c, nil
}

func yearName(y int) string {
	if y == 0 {
		return "all"
	}
	return fmt.Sprint(y)
}
