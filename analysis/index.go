package analysis

import (
	"github.com/liaison-net/liaison/graphmodel"
)

// Index is the compact form of a layer that every measure runs on: compressed sparse rows
// with int32 node numbers, built once per analysis. Node i is the layer's node i; the
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

// NewIndex builds the index of a layer.
func NewIndex(l *graphmodel.Layer) *Index {
	n := l.Len()
	x := &Index{N: n, Off: make([]int32, n+1), IDs: l.Actors()}
	m2 := 0
	for u := 0; u < n; u++ {
		nb, _ := l.Adjacency(int64(u))
		m2 += len(nb)
		x.Off[u+1] = int32(m2)
	}
	x.Nbr = make([]int32, m2)
	x.W = make([]float64, m2)
	x.Len = make([]float64, m2)
	for u := 0; u < n; u++ {
		nb, ws := l.Adjacency(int64(u))
		p := x.Off[u]
		for i, v := range nb {
			x.Nbr[int(p)+i] = int32(v)
			x.W[int(p)+i] = ws[i]
			x.Len[int(p)+i] = 1 / ws[i]
		}
	}
	return x
}

// NewBilateralIndex builds the index of the bilateral part of a combined or bilateral layer:
// the edges whose bilateral weight is positive, weighted by it. (A combined layer keeps every
// bilateral edge, whatever the club weight; a clubs layer does not, so it is refused.)
func NewBilateralIndex(l *graphmodel.Layer) *Index {
	if l.Options.Layer == graphmodel.Clubs {
		panic("analysis: NewBilateralIndex of a clubs layer")
	}
	n := l.Len()
	x := &Index{N: n, Off: make([]int32, n+1), IDs: l.Actors()}
	for u := 0; u < n; u++ {
		nb, bil, _ := l.AdjacencyParts(int64(u))
		for i := range nb {
			if bil[i] > 0 {
				x.Nbr = append(x.Nbr, int32(nb[i]))
				x.W = append(x.W, bil[i])
				x.Len = append(x.Len, 1/bil[i])
			}
		}
		x.Off[u+1] = int32(len(x.Nbr))
	}
	return x
}

// Degree is the number of neighbours of u.
func (x *Index) Degree(u int) int { return int(x.Off[u+1] - x.Off[u]) }

// M is the number of undirected edges.
func (x *Index) M() int { return len(x.Nbr) / 2 }
