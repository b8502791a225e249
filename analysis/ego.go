package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// EgoResult is one actor's ego network in the analysed period: its partners within a radius,
// the ties among them, its structural-hole and brokerage measures, its ties by class, and how
// its partners changed year by year.
type EgoResult struct {
	ID     string `json:"id"`
	Name   string `json:"name,omitempty"`
	Radius int    `json:"radius"`
	// The ego's measures, from the analysis of the layer (ActorMetrics).
	Degree        int       `json:"degree"`
	Strength      float64   `json:"strength"`
	Constraint    float64   `json:"constraint"`
	EffectiveSize float64   `json:"effective_size"`
	Brokerage     Brokerage `json:"brokerage"`
	Core          int       `json:"core"`
	// Partners are the actors within Radius steps of the ego, by distance, then id.
	Partners []EgoPartner `json:"partners"`
	// Ties are the layer's edges between two partners (the ego's own are in Partners).
	Ties []EgoTie `json:"ties"`
	// Density of the ties among the partners: Ties / (k(k−1)/2) over k partners.
	Density float64 `json:"density"`
	// Classes counts the ego's own ties: bilateral ties by class, and club-only ties.
	Classes EgoClasses `json:"classes"`
	// Clubs the ego belongs to in the period, by id.
	Clubs []string `json:"clubs"`
	// Rivals in the period (with rivalries.csv).
	Rivals []Rival `json:"rivals,omitempty"`
	// Years: the ego's direct partners in each year of the data set's span in which they
	// changed (the same layer and filters, with At = that year).
	Years []EgoYear `json:"years"`
}

// EgoPartner is an actor of the ego network.
type EgoPartner struct {
	ID       string  `json:"id"`
	Distance int     `json:"distance"`         // steps from the ego (1: a direct partner)
	Weight   float64 `json:"weight,omitempty"` // the layer's weight of the tie to the ego (direct partners)
	// Class of the tie to the ego: "relational" or "transactional" (a bilateral tie of the
	// period, as classified), "club" (club co-membership only); "" beyond distance 1.
	Class       string   `json:"class,omitempty"`
	PRelational *float64 `json:"p_relational,omitempty"`
}

// EgoTie is a tie between two partners.
type EgoTie struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Weight float64 `json:"weight"`
	Class  string  `json:"class"`
}

// EgoClasses counts the ego's ties by class.
type EgoClasses struct {
	Relational    int `json:"relational"`
	Transactional int `json:"transactional"`
	Club          int `json:"club"`
}

// EgoYear is the ego's direct partners in one year, against the year before.
type EgoYear struct {
	Year     int      `json:"year"`
	Partners int      `json:"partners"`
	Gained   []string `json:"gained"`
	Lost     []string `json:"lost"`
}

// Ego builds the ego network of actor id (of the analysed layer) within radius steps (≥ 1).
// The changes by year come from the data set's layers of the same kind and filters, one per
// year of its active span (graphmodel.Dataset.ActiveSpan), when it has times.
func Ego(r *Result, id string, radius int) (*EgoResult, error) {
	if radius < 1 {
		return nil, fmt.Errorf("ego: radius %d: want ≥ 1", radius)
	}
	l := r.View
	u0, ok := l.NodeID(id)
	if !ok {
		return nil, fmt.Errorf("ego: %w: actor %q is not in the layer in this period", graphmodel.ErrUnknownRef, id)
	}
	a := &r.Actors[u0]
	out := &EgoResult{ID: id, Radius: radius, Degree: a.Degree, Strength: a.Strength, Constraint: a.Constraint,
		EffectiveSize: a.EffectiveSize, Brokerage: a.Brokerage, Core: a.Core, Partners: []EgoPartner{}, Ties: []EgoTie{}, Clubs: []string{}}
	if act := l.ActorOf(u0); act != nil {
		out.Name = act.Name
	}
	// Breadth-first search to the radius.
	dist := map[int32]int{int32(u0): 0}
	frontier := []int32{int32(u0)}
	for d := 1; d <= radius && len(frontier) > 0; d++ {
		var next []int32
		for _, u := range frontier {
			nb, _ := l.Adjacency(int64(u))
			for _, v := range nb {
				if _, seen := dist[v]; !seen {
					dist[v] = d
					next = append(next, v)
				}
			}
		}
		frontier = next
	}
	var members []int32
	for v := range dist {
		if v != int32(u0) {
			members = append(members, v)
		}
	}
	slices.SortFunc(members, func(x, y int32) int {
		if dist[x] != dist[y] {
			return dist[x] - dist[y]
		}
		return strings.Compare(l.Actor(int64(x)), l.Actor(int64(y)))
	})
	tieClass := func(x, y string) (string, *float64) {
		if t, ok := r.Tie(x, y); ok {
			p := t.PRelational
			return t.Class, &p
		}
		return "club", nil
	}
	nb0, w0 := l.Adjacency(u0)
	for _, v := range members {
		p := EgoPartner{ID: l.Actor(int64(v)), Distance: dist[v]}
		if dist[v] == 1 {
			i, _ := slices.BinarySearch(nb0, v)
			p.Weight = w0[i]
			p.Class, p.PRelational = tieClass(id, p.ID)
			switch p.Class {
			case "relational":
				out.Classes.Relational++
			case "transactional":
				out.Classes.Transactional++
			default:
				out.Classes.Club++
			}
		}
		out.Partners = append(out.Partners, p)
	}
	for _, u := range members {
		nb, w := l.Adjacency(int64(u))
		for i, v := range nb {
			if _, in := dist[v]; in && v != int32(u0) && l.Actor(int64(u)) < l.Actor(int64(v)) {
				c, _ := tieClass(l.Actor(int64(u)), l.Actor(int64(v)))
				out.Ties = append(out.Ties, EgoTie{Source: l.Actor(int64(u)), Target: l.Actor(int64(v)), Weight: w[i], Class: c})
			}
		}
	}
	slices.SortFunc(out.Ties, func(x, y EgoTie) int {
		if c := strings.Compare(x.Source, y.Source); c != 0 {
			return c
		}
		return strings.Compare(x.Target, y.Target)
	})
	if k := len(members); k >= 2 {
		out.Density = float64(len(out.Ties)) / (float64(k) * float64(k-1) / 2)
	}
	for _, c := range l.Clubs {
		if _, ok := slices.BinarySearch(c.Members, int32(u0)); ok {
			out.Clubs = append(out.Clubs, c.ID)
		}
	}
	if slices.Contains(l.Data.Files, graphmodel.RivalriesFile) {
		out.Rivals = RivalsOf(l, id)
	}
	years, err := EgoYears(l.Data, l.Options, id)
	if err != nil {
		return nil, err
	}
	out.Years = years
	return out, nil
}

// EgoYears lists, for each year of the data set's active span, the direct partners of actor
// id in the layer of options o with At = that year, keeping the years in which they changed
// (the first year the actor has partners included); empty without times.
func EgoYears(d *graphmodel.Dataset, o graphmodel.Options, id string) ([]EgoYear, error) {
	first, last, ok := d.ActiveSpan()
	out := []EgoYear{}
	if !ok {
		return out, nil
	}
	var prev []string
	for y := first; y <= last; y++ {
		o.At = y
		l, err := d.Layer(o)
		if err != nil {
			return nil, fmt.Errorf("ego: year %d: %w", y, err)
		}
		var cur []string
		if u, ok := l.NodeID(id); ok {
			nb, _ := l.Adjacency(u)
			for _, v := range nb {
				cur = append(cur, l.Actor(int64(v)))
			}
		}
		slices.Sort(cur)
		gained, lost := diff(cur, prev), diff(prev, cur)
		if len(gained) > 0 || len(lost) > 0 {
			out = append(out, EgoYear{Year: y, Partners: len(cur), Gained: gained, Lost: lost})
		}
		prev = cur
	}
	return out, nil
}

// diff returns the items of sorted a not in sorted b (never nil).
func diff(a, b []string) []string {
	out := []string{}
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			out = append(out, x)
		}
	}
	return out
}
