package inference

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// Matrix is one symmetric relation over a list of actors: the value of every unordered pair,
// the diagonal ignored. V is dense, n×n, symmetric, row-major, with a zero diagonal.
type Matrix struct {
	Name   string
	Actors []string // sorted ids; the rows and columns
	V      []float64
}

// N is the number of actors.
func (m *Matrix) N() int { return len(m.Actors) }

// At returns the value of the pair of actors i and j (by position).
func (m *Matrix) At(i, j int) float64 { return m.V[i*len(m.Actors)+j] }

// Pairs returns the values of the pairs i < j, row by row: the vector a regression reads.
func (m *Matrix) Pairs() []float64 {
	n := len(m.Actors)
	out := make([]float64, 0, n*(n-1)/2)
	for i := 0; i < n; i++ {
		out = append(out, m.V[i*n+i+1:i*n+n]...)
	}
	return out
}

func newMatrix(name string, actors []string) Matrix {
	return Matrix{Name: name, Actors: actors, V: make([]float64, len(actors)*len(actors))}
}

func (m *Matrix) set(i, j int, v float64) {
	n := len(m.Actors)
	m.V[i*n+j], m.V[j*n+i] = v, v
}

// maxActors bounds the actors of a dense matrix: 5,000 actors take 200 MB a matrix.
const maxActors = 5000

// UnionActors returns the sorted union of the nodes of the layers: the actors over which
// relations of several periods (or layers) are compared. An actor that is no node of a
// layer has no relation in it (every value 0): in a period, the nodes are the actors that
// something active references.
func UnionActors(ls ...*graphmodel.Layer) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Actors()...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// position maps actor ids to their row.
func position(actors []string) map[string]int {
	pos := make(map[string]int, len(actors))
	for i, a := range actors {
		pos[a] = i
	}
	return pos
}

func checkSize(actors []string) error {
	if len(actors) > maxActors {
		return fmt.Errorf("%d actors: QAP holds dense n×n matrices, at most %d actors", len(actors), maxActors)
	}
	return nil
}

// LayerMatrix is the weight of every pair of actors in layer l (its chosen kind: bilateral,
// clubs or combined); a pair with no edge, or an actor that is no node of l, is 0. Actors of l
// not in the list are left out (a second data set is matched to the first by actor id).
func LayerMatrix(name string, l *graphmodel.Layer, actors []string) (Matrix, error) {
	if err := checkSize(actors); err != nil {
		return Matrix{}, err
	}
	m := newMatrix(name, actors)
	pos := position(actors)
	off, nbr, w, _ := l.CSR()
	for u := 0; u+1 < len(off); u++ {
		i, ok := pos[l.Actor(int64(u))]
		if !ok {
			continue
		}
		for q := off[u]; q < off[u+1]; q++ {
			if v := int(nbr[q]); v > u {
				if j, ok := pos[l.Actor(int64(v))]; ok {
					m.set(i, j, w[q])
				}
			}
		}
	}
	return m, nil
}

// TieColumnMatrix is a relation read from the tie rows of l's period (the rows active in it),
// named by column:
//
//   - an extra numeric column of ties.csv (integer, float or boolean, true = 1): a pair's value
//     is the largest value among its active tie rows (rows are spells of one tie, so their
//     attribute is not summed); a pair whose rows leave it empty, or with no tie row, is 0;
//   - otherwise a domain (matched without regard to case, e.g. "defense" for DEFENSE): 1 for a
//     pair one of whose active tie rows lists it, 0 otherwise.
//
// A name that is neither is an error listing what there is.
func TieColumnMatrix(name string, l *graphmodel.Layer, column string, actors []string) (Matrix, error) {
	if err := checkSize(actors); err != nil {
		return Matrix{}, err
	}
	d := l.Data
	col := -1
	for i, c := range d.Columns.Ties {
		if strings.EqualFold(c.Name, column) {
			col = i
		}
	}
	var numeric, domains []string
	for _, c := range d.Columns.Ties {
		if c.Type != graphmodel.AttrString {
			numeric = append(numeric, c.Name)
		}
	}
	domainSeen := map[string]bool{}
	for i := range d.Ties {
		for _, dom := range d.Ties[i].Domains {
			if !domainSeen[strings.ToLower(dom)] {
				domainSeen[strings.ToLower(dom)] = true
				domains = append(domains, dom)
			}
		}
	}
	var value func(t *graphmodel.Tie) (float64, bool)
	switch {
	case col >= 0 && d.Columns.Ties[col].Type != graphmodel.AttrString:
		typ := d.Columns.Ties[col].Type
		value = func(t *graphmodel.Tie) (float64, bool) {
			if col >= len(t.Extra) {
				return 0, false
			}
			switch v := typ.Value(t.Extra[col]).(type) {
			case int64:
				return float64(v), true
			case float64:
				return v, true
			case bool:
				if v {
					return 1, true
				}
				return 0, true
			}
			return 0, false
		}
	case domainSeen[strings.ToLower(column)]:
		value = func(t *graphmodel.Tie) (float64, bool) {
			for _, dom := range t.Domains {
				if strings.EqualFold(dom, column) {
					return 1, true
				}
			}
			return 0, false
		}
	default:
		what := "no numeric column"
		if col >= 0 {
			what = "a text column"
		}
		slices.Sort(domains)
		return Matrix{}, fmt.Errorf("ties:%s: %s of ties.csv and no domain of that name (numeric columns: %s; domains: %s)",
			column, what, listOrNone(numeric), listOrNone(domains))
	}
	m := newMatrix(name, actors)
	pos := position(actors)
	for p, e := range l.Pairs() {
		i, ok1 := pos[l.Actor(int64(e.U))]
		j, ok2 := pos[l.Actor(int64(e.V))]
		if !ok1 || !ok2 {
			continue
		}
		best, any := math.Inf(-1), false
		for _, r := range l.TieRows(p) {
			if v, ok := value(&d.Ties[r]); ok {
				best, any = math.Max(best, v), true
			}
		}
		if any {
			m.set(i, j, best)
		}
	}
	return m, nil
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}
