package analysis

import (
	"github.com/liaison-net/liaison/graphmodel"
)

// Index is the compact form of a layer that every measure runs on: compressed sparse rows
// with int32 node numbers, the layer's own (see graphmodel.Layer.CSR). Node i is the layer's node i; the
// neighbours of i are Nbr[Off[i]:Off[i+1]], ascending, with edge weights W and path
// lengths Len = 1/W at the same positions.
type Index struct {
	N   int
	Off []int32
	Nbr []int32
	W   []float64
	Len []float64
	IDs []string // actor id of each node
}

// NewIndex returns the index of a layer: the layer's own compressed sparse rows, shared,
// not copied (the analysis never modifies them).
func NewIndex(l *graphmodel.Layer) *Index {
	off, nbr, w, length := l.CSR()
	return &Index{N: l.Len(), Off: off, Nbr: nbr, W: w, Len: length, IDs: l.Actors()}
}

// indexOf returns the index of the layer of kind k of l's period: x itself when l is of that
// kind, else the index of l.As(k).
func indexOf(l *graphmodel.Layer, x *Index, k graphmodel.LayerKind) (*Index, error) {
	if l.Options.Layer == k || sameGraph(l, k) {
		return x, nil
	}
	ll, err := l.As(k)
	if err != nil {
		return nil, err
	}
	return NewIndex(ll), nil
}

// Degree is the number of neighbours of u.
func (x *Index) Degree(u int) int { return int(x.Off[u+1] - x.Off[u]) }

// M is the number of undirected edges.
func (x *Index) M() int { return len(x.Nbr) / 2 }

// sameGraph reports whether the layer of kind k of l's period has l's graph: the bilateral
// and the combined layers do when no pair has a club weight (bilateral + ClubWeight × 0 is
// the bilateral weight exactly), which spares a second graph of a large ties-only layer.
func sameGraph(l *graphmodel.Layer, k graphmodel.LayerKind) bool {
	kinds := func(k graphmodel.LayerKind) bool { return k == graphmodel.Bilateral || k == graphmodel.Combined }
	if !kinds(k) || !kinds(l.Options.Layer) {
		return false
	}
	for _, p := range l.Pairs() {
		if p.Club != 0 {
			return false
		}
	}
	return true
}
