package analysis

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// tieColumns holds the bilateral ties' results in columns (Options.CompactTies): about 42
// bytes a tie plus 8 per factor present, where a TieResult is 144 bytes plus 72 for its
// factors. What few ties have (domains, an exchange record) is kept per chunk of tieChunk
// ties, numbered within the chunk.
type tieColumns struct {
	ids                 []string // the node ids (Index.IDs)
	u, v                []int32
	weight, score, p    []float64
	relational, byRecip []bool
	fmask               []uint16 // the factors present, bit i for TieFactors[i]
	foff                []uint16 // where the tie's present factors start in its chunk's values
	fvals               [][]float64
	dom, rec            []uint16 // 1 + the tie's place in its chunk's domains (reciprocity); 0: none
	domains             [][][]string
	recips              [][]Reciprocity
	nf                  int
	buffers             sync.Pool // of *[]float64: a chunk\'s values while it is classified
}

// tieChunk is the number of ties classified together, and the unit of the columns' per-chunk
// parts (so that a place within a chunk fits in 16 bits).
const tieChunk = 1024

func newTieColumns(ids []string, n int) *tieColumns {
	nc := (n + tieChunk - 1) / tieChunk
	return &tieColumns{
		ids: ids, u: make([]int32, n), v: make([]int32, n),
		weight: make([]float64, n), score: make([]float64, n), p: make([]float64, n),
		relational: make([]bool, n), byRecip: make([]bool, n),
		fmask: make([]uint16, n), foff: make([]uint16, n), fvals: make([][]float64, nc),
		dom: make([]uint16, n), rec: make([]uint16, n), domains: make([][][]string, nc), recips: make([][]Reciprocity, nc),
		nf: len(TieFactors),
	}
}

// begin starts chunk k: its values grow in a buffer of the pool, not in a list of their own.
func (c *tieColumns) begin(k int) {
	b, _ := c.buffers.Get().(*[]float64)
	if b == nil {
		b = new([]float64)
		*b = make([]float64, 0, tieChunk*c.nf)
	}
	c.fvals[k] = (*b)[:0]
}

// end ends chunk k: its values are copied to a list of their size, the buffer goes back.
func (c *tieColumns) end(k int) {
	b := c.fvals[k]
	c.fvals[k] = slices.Clone(b)
	c.buffers.Put(&b)
}

// put stores tie e (of chunk e / tieChunk, whose ties are put in order by one goroutine),
// between nodes u and v.
func (c *tieColumns) put(e int, u, v int32, t *TieResult) {
	k := e / tieChunk
	c.u[e], c.v[e] = u, v
	c.weight[e], c.score[e], c.p[e] = t.Weight, t.RelationalScore, t.PRelational
	c.relational[e], c.byRecip[e] = t.Class == "relational", t.DecidedBy == "reciprocity"
	c.foff[e] = uint16(len(c.fvals[k]))
	var mask uint16
	for i, x := range t.Factors.vals {
		if !math.IsNaN(x) {
			mask |= 1 << i
			c.fvals[k] = append(c.fvals[k], x)
		}
	}
	c.fmask[e] = mask
	if len(t.Domains) > 0 {
		c.domains[k] = append(c.domains[k], t.Domains)
		c.dom[e] = uint16(len(c.domains[k]))
	}
	if t.Reciprocity != nil {
		c.recips[k] = append(c.recips[k], *t.Reciprocity)
		c.rec[e] = uint16(len(c.recips[k]))
	}
}

// at returns tie e; its factors' values go to vals (len(TieFactors) floats), which it then
// shares. The strings are shared, not copied. (A result, not a pointer parameter: a caller's
// vals on its stack stays there.)
func (c *tieColumns) at(e int, vals []float64) (t TieResult) {
	k := e / tieChunk
	t = TieResult{Source: c.ids[c.u[e]], Target: c.ids[c.v[e]], Weight: c.weight[e],
		Class: "transactional", RelationalScore: c.score[e], PRelational: c.p[e], DecidedBy: "factors",
		Domains: []string{}}
	if c.relational[e] {
		t.Class = "relational"
	}
	if c.byRecip[e] {
		t.DecidedBy = "reciprocity"
	}
	mask, off := c.fmask[e], int(c.foff[e])
	for i := range vals[:c.nf] {
		vals[i] = math.NaN()
		if mask&(1<<i) != 0 {
			vals[i] = c.fvals[k][off]
			off++
		}
	}
	t.Factors = Factors{names: &TieFactors, vals: vals[:c.nf:c.nf]}
	if d := c.dom[e]; d > 0 {
		t.Domains = c.domains[k][d-1]
	}
	if r := c.rec[e]; r > 0 {
		t.Reciprocity = &c.recips[k][r-1]
	}
	return t
}

func (c *tieColumns) len() int { return len(c.u) }

// appendName appends the tie's name in the typology lists ("A–B"), quoted as appendString
// would quote it: escaping goes character by character, and "–" needs none.
func (c *tieColumns) appendName(b []byte, e int) []byte {
	b = appendString(b, c.ids[c.u[e]])
	b = append(b[:len(b)-1], "–"...)
	n := len(b)
	b = appendString(b, c.ids[c.v[e]])
	return append(b[:n], b[n+1:]...)
}

// NumTies is the number of bilateral ties classified: len(Ties), or the number held in
// columns with Options.CompactTies.
func (r *Result) NumTies() int {
	if r.tieCols != nil {
		return r.tieCols.len()
	}
	return len(r.Ties)
}

// TieAt returns the i-th tie (by source then target), from Ties or, with
// Options.CompactTies, from the columns (a new TieResult at each call).
func (r *Result) TieAt(i int) *TieResult {
	if r.tieCols == nil {
		return &r.Ties[i]
	}
	t := r.tieCols.at(i, make([]float64, len(TieFactors)))
	return &t
}

// tieIndex finds the tie of the lesser id a and the greater b in the columns.
func (c *tieColumns) index(a, b string) (int, bool) {
	key := func(i int) int {
		return cmp.Or(strings.Compare(c.ids[c.u[i]], a), strings.Compare(c.ids[c.v[i]], b))
	}
	i := sort.Search(c.len(), func(i int) bool { return key(i) >= 0 })
	return i, i < c.len() && key(i) == 0
}
