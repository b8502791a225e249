package analysis

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/liaison-net/liaison/graphmodel"
)

// HubScores gives every actor of r (in r.Actors order) its alliance hub score:
//
//	score = (eigenvector/max eigenvector + betweenness/max betweenness + clubs/max clubs) / 3
//
// the three parts being the actor's standing in the core, its brokerage between parts of the
// network, and its multilateral reach (a part whose maximum is 0 counts 0).
func HubScores(r *Result) []float64 {
	var maxE, maxB, maxC float64
	for _, a := range r.Actors {
		maxE, maxB, maxC = math.Max(maxE, a.Eigenvector), math.Max(maxB, a.Betweenness), math.Max(maxC, float64(a.Clubs))
	}
	part := func(v, m float64) float64 {
		if m == 0 {
			return 0
		}
		return v / m
	}
	s := make([]float64, len(r.Actors))
	for u, a := range r.Actors {
		s[u] = (part(a.Eigenvector, maxE) + part(a.Betweenness, maxB) + part(float64(a.Clubs), maxC)) / 3
	}
	return s
}

// hubs ranks the alliance hubs by HubScores and keeps the best k with a reason in words.
func hubs(r *Result, memberOf [][]int, k int) []Hub {
	n := len(r.Actors)
	if n == 0 {
		return []Hub{}
	}
	type cand struct {
		u     int
		score float64
	}
	cands := make([]cand, n)
	for u, s := range HubScores(r) {
		cands[u] = cand{u, s}
	}
	slices.SortFunc(cands, func(a, b cand) int { // best first; earlier id on a tie
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return a.u - b.u
	})
	rankOf := func(get func(ActorMetrics) float64) []int {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(i, j int) int {
			if a, b := get(r.Actors[i]), get(r.Actors[j]); a != b {
				return cmp.Compare(b, a)
			}
			return i - j
		})
		rank := make([]int, n)
		for pos, u := range idx {
			rank[u] = pos + 1
		}
		return rank
	}
	bRank := rankOf(func(a ActorMetrics) float64 { return a.Betweenness })
	eRank := rankOf(func(a ActorMetrics) float64 { return a.Eigenvector })
	out := []Hub{}
	for _, c := range cands[:min(k, n)] {
		if c.score == 0 {
			break
		}
		a := r.Actors[c.u]
		var why []string
		if x, y, ok := bridge(r, memberOf[c.u]); ok {
			why = append(why, fmt.Sprintf("bridges %s and %s", clubLabel(r, x), clubLabel(r, y)))
		}
		if a.Clubs > 0 {
			why = append(why, fmt.Sprintf("in %d club%s", a.Clubs, plural(a.Clubs)))
		}
		if a.Betweenness > 0 && bRank[c.u] <= 3 {
			why = append(why, ordinal(bRank[c.u])+" betweenness")
		}
		if eRank[c.u] <= 3 {
			why = append(why, ordinal(eRank[c.u])+" eigenvector centrality")
		}
		why = append(why, fmt.Sprintf("%d partner%s", a.Degree, plural(a.Degree)))
		h := Hub{ID: a.ID, Score: c.score, Why: strings.Join(why, "; ")}
		if r.View != nil {
			h.Name = r.View.ActorOf(int64(c.u)).Name
		}
		out = append(out, h)
	}
	return out
}

func plural(v int) string {
	if v == 1 {
		return ""
	}
	return "s"
}

func ordinal(rank int) string {
	switch rank {
	case 1:
		return "highest"
	case 2:
		return "2nd highest"
	default:
		return "3rd highest"
	}
}

// bridge picks, among an actor's clubs of three or more members, the two that overlap least
// (overlap |X∩Y| / min(|X|, |Y|) at most ½): the clubs the actor connects.
func bridge(r *Result, clubs []int) (string, string, bool) {
	best, bx, by := 0.5, "", ""
	found := false
	for i, ci := range clubs {
		x := r.Clubs[ci].Members
		if len(x) < 3 {
			continue
		}
		for _, cj := range clubs[i+1:] {
			y := r.Clubs[cj].Members
			if len(y) < 3 {
				continue
			}
			common := 0
			for _, m := range x {
				if _, ok := slices.BinarySearch(y, m); ok {
					common++
				}
			}
			ov := float64(common) / float64(min(len(x), len(y)))
			if ov < best || (ov == best && !found) {
				best, bx, by, found = ov, r.Clubs[ci].ID, r.Clubs[cj].ID, true
			}
		}
	}
	return bx, by, found
}

// BrokerageRoles counts each node's Gould–Fernandez brokerage roles (see Brokerage) for the
// group of each node; open two-paths only (the endpoints not tied to each other).
func BrokerageRoles(x *Index, group []int) []Brokerage {
	n := x.N
	out := make([]Brokerage, n)
	const chunk = 1024
	// The marks of one goroutine serve its next chunk: mark's tags are node numbers, and
	// stamps go on counting (at most 2m in all), so neither needs clearing.
	type marks struct {
		mark   []int32 // mark[v] == b+1: v is a neighbour of b
		tiedTo []int32 // tiedTo[v] == stamp: v is tied to the current a
		stamp  int32
	}
	var pool sync.Pool
	parallel(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk, func(c int) {
		m, _ := pool.Get().(*marks)
		if m == nil {
			m = &marks{mark: make([]int32, n), tiedTo: make([]int32, n)}
		}
		defer pool.Put(m)
		mark, tiedTo := m.mark, m.tiedTo
		for b := c * chunk; b < min(n, (c+1)*chunk); b++ {
			tag := int32(b + 1)
			nb := x.Nbr[x.Off[b]:x.Off[b+1]]
			for _, v := range nb {
				mark[v] = tag
			}
			br := &out[b]
			gb := group[b]
			for i, a := range nb {
				// Pairs (a, c) with c after a in b's list and not tied to a.
				m.stamp++
				stamp := m.stamp
				for q := x.Off[a]; q < x.Off[a+1]; q++ {
					if w := x.Nbr[q]; mark[w] == tag {
						tiedTo[w] = stamp
					}
				}
				ga := group[a]
				for _, c := range nb[i+1:] {
					if tiedTo[c] == stamp {
						continue
					}
					gc := group[c]
					switch {
					case ga == gb && gc == gb:
						br.Coordinator++
					case ga == gc:
						br.Itinerant++
					case ga == gb || gc == gb:
						br.Gatekeeper++
						br.Representative++
					default:
						br.Liaison++
					}
				}
			}
		}
	})
	return out
}

// brokerageGroups gives each node a group number: its region, its community, or its club
// (the smallest club it belongs to in the period, the earlier id on a tie; actors in no club
// form one group).
func brokerageGroups(d *graphmodel.Dataset, x *Index, comm Communities, r *Result, memberOf [][]int, choice string) ([]int, string) {
	if choice == "" {
		choice = "community"
		for _, a := range d.Actors {
			if a.Region != "" {
				choice = "region"
				break
			}
		}
	}
	g := make([]int, x.N)
	switch choice {
	case "community":
		copy(g, comm.Of)
	case "club":
		for u := range g {
			best := -1
			for _, ci := range memberOf[u] {
				if best < 0 || len(r.Clubs[ci].Members) < len(r.Clubs[best].Members) {
					best = ci
				}
			}
			g[u] = best + 1 // 0: in no club
		}
	default:
		num := map[string]int{}
		for u, id := range x.IDs {
			i, _ := d.ActorIndex(id)
			reg := d.Actors[i].Region
			k, ok := num[reg]
			if !ok {
				k = len(num)
				num[reg] = k
			}
			g[u] = k
		}
	}
	return g, choice
}

// clubLabel is a club's name, or its id when it has none.
func clubLabel(r *Result, id string) string {
	if c, ok := r.Club(id); ok && c.Name != "" {
		return c.Name
	}
	return id
}
