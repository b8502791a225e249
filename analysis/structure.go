package analysis

import (
	"cmp"
	"slices"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/structure"
)

// CorePeripheryResult is the "core_periphery" member of the JSON document: Borgatti and
// Everett's core–periphery models of the analysed layer's edges (unweighted, like the k-cores;
// package structure has the definitions).
type CorePeripheryResult struct {
	// ContinuousFit is the correlation of the ties with the products of the coreness.
	ContinuousFit float64 `json:"continuous_fit"`
	// DiscreteFit is the correlation of the ties with the ideal core/periphery pattern.
	DiscreteFit float64 `json:"discrete_fit"`
	// Core lists the actors of the discrete core, sorted by id.
	Core []string `json:"core"`
	// Densities of the discrete partition's blocks.
	Densities CoreDensities `json:"densities"`
	// Coreness has one item per actor, sorted by id (as actors).
	Coreness []ActorCoreness `json:"coreness"`
}

// CoreDensities are the densities of the core–core, core–periphery and periphery–periphery
// blocks.
type CoreDensities struct {
	Core          float64 `json:"core"`
	CorePeriphery float64 `json:"core_periphery"`
	Periphery     float64 `json:"periphery"`
}

// ActorCoreness is one actor's continuous coreness (unit norm over the actors) and whether it
// is in the discrete core.
type ActorCoreness struct {
	ID       string  `json:"id"`
	Coreness float64 `json:"coreness"`
	Core     bool    `json:"core"`
}

// CorePeripheryOf computes the core–periphery models of the index's graph.
func CorePeripheryOf(x *Index) *CorePeripheryResult {
	cp := structure.CorePeripheryOf(structure.Graph{N: x.N, Off: x.Off, Nbr: x.Nbr})
	out := &CorePeripheryResult{
		ContinuousFit: cp.ContinuousFit, DiscreteFit: cp.DiscreteFit, Core: []string{},
		Densities: CoreDensities{Core: cp.CoreDensity, CorePeriphery: cp.CrossDensity, Periphery: cp.PeripheryDensity},
		Coreness:  make([]ActorCoreness, x.N),
	}
	for u := 0; u < x.N; u++ {
		out.Coreness[u] = ActorCoreness{ID: x.IDs[u], Coreness: cp.Coreness[u], Core: cp.Core[u]}
		if cp.Core[u] {
			out.Core = append(out.Core, x.IDs[u])
		}
	}
	return out
}

// BalanceResult is the "balance" member of the JSON document, present when the data set has
// rivalries.csv: the signed network of the period (the analysed layer's edges positive, the
// active rivalries between its nodes negative) and its structural balance.
type BalanceResult struct {
	Positive int `json:"positive"` // positive ties (layer edges that are not also rivalries)
	Negative int `json:"negative"` // rivalries between nodes of the layer
	// Ambivalent pairs are both tied and rivals in the period; they count as negative.
	Ambivalent int `json:"ambivalent"`
	// Outside counts the active rivalries with an end that is not a node of the layer.
	Outside int `json:"outside"`
	// Triads are the signed triangles by type; Balanced the share with an even number of
	// negative ties, WeaklyBalanced the share that is not + + −.
	Triads         structure.Triads `json:"triads"`
	Balanced       float64          `json:"balanced"`
	WeaklyBalanced float64          `json:"weakly_balanced"`
	// Partition is Doreian and Mrvar's balance partition.
	Partition BalancePartition `json:"partition"`
	// HubRivals lists the rivals of each hub in the period, in the order of the hubs.
	HubRivals []HubRivals `json:"hub_rivals"`
}

// BalancePartition is a partition of the actors with signed ties into clusters that keeps
// positive ties inside and negative ties between clusters as far as possible.
type BalancePartition struct {
	Clusters        [][]string `json:"clusters"` // each sorted by id; in order of their first id
	K               int        `json:"k"`        // the number of clusters asked for
	Alpha           float64    `json:"alpha"`
	Error           float64    `json:"error"` // Alpha·negative_within + (1−Alpha)·positive_between
	NegativeWithin  int        `json:"negative_within"`
	PositiveBetween int        `json:"positive_between"`
	Starts          int        `json:"starts"`
}

// HubRivals are the rivals of one hub.
type HubRivals struct {
	ID     string  `json:"id"`
	Rivals []Rival `json:"rivals"`
}

// Rival is one rival of an actor in a period: the rivalry's summed weight, and whether the two
// are also tied in the analysed layer (an ambivalent pair).
type Rival struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"`
	Tied   bool    `json:"tied,omitempty"`
}

// BalanceOptions tunes BalanceOf.
type BalanceOptions = structure.PartitionOptions

// BalanceOf computes the structural balance of the signed network of l's period; nil when
// the data set has no rivalries.csv.
func BalanceOf(l *graphmodel.Layer, x *Index, o BalanceOptions) *BalanceResult {
	if !slices.Contains(l.Data.Files, graphmodel.RivalriesFile) {
		return nil
	}
	negs := l.Negative()
	var neg [][2]int32
	for _, p := range negs {
		neg = append(neg, [2]int32{p.U, p.V})
	}
	s := structure.SignedOf(structure.Graph{N: x.N, Off: x.Off, Nbr: x.Nbr}, neg)
	t := s.Triads()
	p := s.BalancePartition(o)
	out := &BalanceResult{
		Positive: len(s.Positive), Negative: len(s.Negative), Ambivalent: s.Ambivalent,
		Outside: len(l.Data.ActiveRivalries(l.Options.At)) - len(negs),
		Triads:  t, Balanced: t.Balanced(), WeaklyBalanced: t.WeaklyBalanced(),
		Partition: BalancePartition{K: p.Clusters, Alpha: p.Alpha, Error: p.Error, NegativeWithin: p.NegativeWithin,
			PositiveBetween: p.PositiveBetween, Starts: p.Starts, Clusters: [][]string{}},
		HubRivals: []HubRivals{},
	}
	for u, c := range p.Of {
		if c < 0 {
			continue
		}
		for len(out.Partition.Clusters) <= c {
			out.Partition.Clusters = append(out.Partition.Clusters, []string{})
		}
		out.Partition.Clusters[c] = append(out.Partition.Clusters[c], x.IDs[u])
	}
	return out
}

// RivalsOf returns the rivals of actor id in the period of l (every active rivalry of the
// data set, whether or not the rival is a node of the layer), heaviest first, then by id.
func RivalsOf(l *graphmodel.Layer, id string) []Rival {
	d := l.Data
	a, ok := d.ActorIndex(id)
	if !ok {
		return nil
	}
	out := []Rival{}
	for _, p := range d.ActiveRivalries(l.Options.At) {
		other := -1
		switch a {
		case p.A:
			other = p.B
		case p.B:
			other = p.A
		default:
			continue
		}
		rid := d.Actors[other].ID
		r := Rival{ID: rid, Weight: p.Weight}
		if u, ok := l.NodeID(id); ok {
			if v, ok := l.NodeID(rid); ok {
				if _, ok := l.PairOf(int32(u), int32(v)); ok {
					bil, club := l.Parts(u, v)
					r.Tied = l.Options.Layer == graphmodel.Bilateral && bil > 0 ||
						l.Options.Layer == graphmodel.Clubs && club > 0 ||
						l.Options.Layer == graphmodel.Combined && (bil > 0 || club > 0)
				}
			}
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(x, y Rival) int {
		return cmp.Or(cmp.Compare(y.Weight, x.Weight), cmp.Compare(x.ID, y.ID))
	})
	return out
}

// structureOf fills the result's core–periphery (computed with the other measures) and
// balance members (after the hubs).
func structureOf(l *graphmodel.Layer, x *Index, r *Result, cp *CorePeripheryResult, seed uint64) {
	r.CorePeriphery = cp
	r.Balance = BalanceOf(l, x, BalanceOptions{Seed: seed})
	if r.Balance != nil {
		for _, h := range r.Hubs {
			r.Balance.HubRivals = append(r.Balance.HubRivals, HubRivals{ID: h.ID, Rivals: RivalsOf(l, h.ID)})
		}
	}
}

// structureFields are the JSON members of this file, those present.
func (r *Result) structureFields() []struct {
	name string
	v    any
} {
	var out []struct {
		name string
		v    any
	}
	if r.CorePeriphery != nil {
		out = append(out, struct {
			name string
			v    any
		}{"core_periphery", r.CorePeriphery})
	}
	if r.Balance != nil {
		out = append(out, struct {
			name string
			v    any
		}{"balance", r.Balance})
	}
	return out
}

// Rebalance recomputes the balance member with other options (the seed, when 0, is the
// analysis's); nothing when the data set has no rivalries.csv.
func (r *Result) Rebalance(o BalanceOptions) {
	if r.Balance == nil || r.View == nil {
		return
	}
	if o.Seed == 0 {
		o.Seed = r.Settings.Seed
	}
	hubs := r.Balance.HubRivals
	r.Balance = BalanceOf(r.View, NewIndex(r.View), o)
	r.Balance.HubRivals = hubs
}
