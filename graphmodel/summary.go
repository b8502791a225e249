package graphmodel

import (
	"fmt"
	"iter"
)

// Summary counts a data set and one period view of it: what `liaison summary` prints and the
// report's opening section shows.
type Summary struct {
	Path        string         `json:"path"`
	Files       []string       `json:"files"`
	Actors      int            `json:"actors"`
	TieRows     int            `json:"tie_rows"`
	Clubs       int            `json:"clubs"`
	Memberships int            `json:"memberships"`
	Exchanges   int            `json:"exchanges"`
	First       string         `json:"first,omitempty"` // earliest time in the data set
	Last        string         `json:"last,omitempty"`  // latest time in the data set
	At          int            `json:"at,omitempty"`
	Layers      []LayerSummary `json:"layers"` // bilateral, clubs, combined, in that order
	Layer       string         `json:"layer"`  // the layer the components are of
	Components  int            `json:"components"`
	Largest     int            `json:"largest_component"`
	Isolates    int            `json:"isolates"`
	LargestClub *ClubSize      `json:"largest_club,omitempty"`
	ActiveClubs int            `json:"active_clubs"`
}

// LayerSummary counts one layer of the period.
type LayerSummary struct {
	Layer       string  `json:"layer"`
	Nodes       int     `json:"nodes"`
	Edges       int     `json:"edges"`
	TotalWeight float64 `json:"total_weight"`
	Density     float64 `json:"density"`
}

// ClubSize names a club and its number of active members.
type ClubSize struct {
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
	Members int    `json:"members"`
}

// LayerKinds are the three layers in the order they are reported.
var LayerKinds = []LayerKind{Bilateral, Clubs, Combined}

// Summarize counts l's data set and period: the files' rows, the time span, the three layers
// of the period (from l.As), the connected components of l and its largest active club.
func Summarize(l *Layer) (*Summary, error) {
	d := l.Data
	n := d.RowCounts() // every row read, also of a data set loaded for one period
	s := &Summary{
		Path: d.Path, Files: d.Files, Actors: n.Actors, TieRows: n.Ties, Clubs: n.Clubs,
		Memberships: n.Memberships, Exchanges: n.Exchanges, At: l.Options.At, Layer: string(l.Options.Layer),
	}
	if first, last, ok := d.Span(); ok {
		s.First, s.Last = first.String(), last.String()
	}
	for _, k := range LayerKinds {
		ll, err := l.As(k)
		if err != nil {
			return nil, err
		}
		s.Layers = append(s.Layers, LayerSummary{Layer: string(k), Nodes: ll.Len(), Edges: ll.EdgeCount(), TotalWeight: ll.TotalWeight(), Density: ll.Density()})
	}
	label, count := l.Components()
	s.Components = count
	size := make([]int, count)
	for _, c := range label {
		size[c]++
	}
	for _, n := range size {
		s.Largest = max(s.Largest, n)
		if n == 1 {
			s.Isolates++
		}
	}
	s.ActiveClubs = len(l.Clubs)
	for _, c := range l.Clubs {
		if s.LargestClub == nil || len(c.Members) > s.LargestClub.Members {
			s.LargestClub = &ClubSize{ID: c.ID, Name: d.Clubs[c.Index].Name, Members: len(c.Members)}
		}
	}
	return s, nil
}

// Components labels the connected components of the graph on nodes 0…n−1 whose edges are
// the pairs (u, v) that edges yields: it returns each node's component, numbered in the
// order of their first node, and the number of components (an isolated node is one). Every
// count of components in liaison (a layer's, the relational ties' of what-if) is this one.
func Components(n int, edges iter.Seq2[int32, int32]) (label []int32, count int) {
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for u, v := range edges {
		if a, b := find(u), find(v); a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	label = make([]int32, n)
	num := make([]int32, n)
	for i := range num {
		num[i] = -1
	}
	for i := range label {
		r := find(int32(i))
		if num[r] < 0 {
			num[r] = int32(count)
			count++
		}
		label[i] = num[r]
	}
	return label, count
}

// Components labels the connected components of the layer's graph (see Components).
func (l *Layer) Components() ([]int32, int) {
	return Components(l.Len(), CSREdges(l.off, l.nbr))
}

// CSREdges yields every edge of a graph in compressed sparse rows once, as u < v.
func CSREdges(off, nbr []int32) iter.Seq2[int32, int32] {
	return func(yield func(int32, int32) bool) {
		for u := 0; u+1 < len(off); u++ {
			for _, v := range nbr[off[u]:off[u+1]] {
				if int(v) > u && !yield(int32(u), v) {
					return
				}
			}
		}
	}
}

// Warnings says where the period view cannot support a call: no bilateral ties (the tie
// typology has nothing to classify, the club factors on bilateral ties abstain), no exchanges
// (reciprocity abstains everywhere, the factors decide every call), a period outside the data
// set's span (only undated rows are left, counted as if always active), and undated rows
// counted in every year. Each is one sentence; none when the view is well supported.
func (l *Layer) Warnings() []string {
	d := l.Data
	var out []string
	first, last, span := d.Span()
	if at := l.Options.At; at != 0 && span && (at < int(first.Year) || at > int(last.Year)) {
		out = append(out, fmt.Sprintf("--at %d is outside the data set's span (%d to %d): only undated rows are left, counted as if always active", at, first.Year, last.Year))
	}
	bilateral := false
	for _, p := range l.pairs {
		bilateral = bilateral || p.Bilateral > 0
	}
	if !bilateral {
		out = append(out, "no bilateral ties in this period: no tie to classify, and the club factors on bilateral ties abstain")
	}
	history := len(l.history.rows) > 0
	if !history && d.RowCounts().Exchanges == 0 {
		out = append(out, "no exchanges in the data set: reciprocity abstains everywhere and the factors decide every call")
	} else if !history {
		out = append(out, "no exchanges up to this period: reciprocity abstains everywhere and the factors decide every call")
	}
	if span && l.Options.At != 0 {
		undated := 0
		for p := range l.pairs {
			for _, r := range l.TieRows(p) {
				if t := l.TieRowPeriod(r); t.Since.IsZero() && t.Until.IsZero() {
					undated++
				}
			}
		}
		if undated > 0 {
			out = append(out, fmt.Sprintf("%d tie row%s without since or until counted in %d as in every year", undated, pluralS(undated), l.Options.At))
		}
	}
	return out
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
