package graphmodel

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// smallWorld is a named test data set:
//
//	ties:   A–B 2 (1990–2000), B–A 1 (2005–), C–D 3 (always)
//	clubs:  K (1980–) with A, B, C (C since 1995); L (2010–2012) with A, D, E (E 1990–1991)
//	exchange D→E 4 on 2001-03-01
var smallWorld = map[string]string{
	"actors.csv":      "id\nA\nB\nC\nD\nE\nF\n",
	"ties.csv":        "source,target,weight,since,until\nA,B,2,1990,2000\nB,A,1,2005,\nC,D,3,,\n",
	"clubs.csv":       "id,since,until\nK,1980,\nL,2010,2012\n",
	"memberships.csv": "club,actor,since,until\nK,A,,\nK,B,,\nK,C,1995,\nL,A,,\nL,D,,\nL,E,1990,1991\nK,A,2001,\n",
	"exchanges.csv":   "date,from,to,volume\n2001-03-01,D,E,4\n",
}

func mustLayer(t *testing.T, files map[string]string, o Options) *Layer {
	t.Helper()
	d, err := LoadFS(fsOf(files), "small")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(o)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// edgesOf lists a layer's edges as "X-Y" → weight.
func edgesOf(l *Layer) map[string]float64 {
	m := map[string]float64{}
	l.EachEdge(func(e Edge) { m[e.F.Actor()+"-"+e.T.Actor()] = e.W })
	return m
}

func TestLayers(t *testing.T) {
	opt := func(f func(*Options)) Options { o := DefaultOptions(); f(&o); return o }
	tests := []struct {
		name  string
		opt   Options
		nodes []string
		edges map[string]float64
	}{
		{"combined, all time", DefaultOptions(), []string{"A", "B", "C", "D", "E", "F"},
			map[string]float64{"A-B": 3.5, "A-C": 0.5, "B-C": 0.5, "C-D": 3, "A-D": 0.5, "A-E": 0.5, "D-E": 4.5}},
		{"bilateral, all time", opt(func(o *Options) { o.Layer = Bilateral }), []string{"A", "B", "C", "D", "E", "F"},
			map[string]float64{"A-B": 3, "C-D": 3, "D-E": 4}},
		{"clubs, all time", opt(func(o *Options) { o.Layer = Clubs }), []string{"A", "B", "C", "D", "E", "F"},
			map[string]float64{"A-B": 0.5, "A-C": 0.5, "B-C": 0.5, "A-D": 0.5, "A-E": 0.5, "D-E": 0.5}},
		{"count projection", opt(func(o *Options) { o.Projection = Count }), []string{"A", "B", "C", "D", "E", "F"},
			map[string]float64{"A-B": 4, "A-C": 1, "B-C": 1, "C-D": 3, "A-D": 1, "A-E": 1, "D-E": 5}},
		{"club weight 2", opt(func(o *Options) { o.ClubWeight = 2 }), []string{"A", "B", "C", "D", "E", "F"},
			map[string]float64{"A-B": 4, "A-C": 1, "B-C": 1, "C-D": 3, "A-D": 1, "A-E": 1, "D-E": 5}},
		{"club weight 0 drops club-only pairs", opt(func(o *Options) { o.ClubWeight = 0 }), []string{"A", "B", "C", "D", "E", "F"},
			map[string]float64{"A-B": 3, "C-D": 3, "D-E": 4}},
		{"at 1996", opt(func(o *Options) { o.At = 1996 }), []string{"A", "B", "C", "D"},
			map[string]float64{"A-B": 2.5, "A-C": 0.5, "B-C": 0.5, "C-D": 3}},
		{"at 2001: exchange counts, K has A twice", opt(func(o *Options) { o.At = 2001 }), []string{"A", "B", "C", "D", "E"},
			map[string]float64{"A-B": 0.5, "A-C": 0.5, "B-C": 0.5, "C-D": 3, "D-E": 4}},
		{"at 2011: L has two active members", opt(func(o *Options) { o.At = 2011 }), []string{"A", "B", "C", "D"},
			map[string]float64{"A-B": 1.5, "A-C": 0.5, "B-C": 0.5, "C-D": 3, "A-D": 1}},
		{"at 1975: only the timeless tie", opt(func(o *Options) { o.At = 1975 }), []string{"C", "D"},
			map[string]float64{"C-D": 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := mustLayer(t, smallWorld, tt.opt)
			if !reflect.DeepEqual(l.Actors(), tt.nodes) {
				t.Errorf("nodes %v, want %v", l.Actors(), tt.nodes)
			}
			got := edgesOf(l)
			if len(got) != len(tt.edges) {
				t.Errorf("edges %v, want %v", got, tt.edges)
			}
			for k, w := range tt.edges {
				if math.Abs(got[k]-w) > 1e-12 {
					t.Errorf("edge %s = %v, want %v", k, got[k], w)
				}
			}
			if l.EdgeCount() != len(tt.edges) {
				t.Errorf("EdgeCount = %d", l.EdgeCount())
			}
		})
	}
}

func TestLayerParts(t *testing.T) {
	l := mustLayer(t, smallWorld, Options{Layer: Combined, ClubWeight: 2, Projection: Newman})
	a, _ := l.NodeID("A")
	b, _ := l.NodeID("B")
	bil, club := l.Parts(a, b)
	if bil != 3 || club != 0.5 {
		t.Errorf("Parts(A,B) = %v, %v", bil, club)
	}
	if w, _ := l.Weight(a, b); w != 4 {
		t.Errorf("Weight(A,B) = %v", w)
	}
	if len(l.Clubs) != 2 || l.Clubs[0].ID != "K" || !reflect.DeepEqual(l.Clubs[0].Members, []int32{int32(a), int32(b), 2}) {
		t.Errorf("clubs %+v", l.Clubs)
	}
	rows := func(x, y string) (ties, exchanges, history []int32) {
		u, _ := l.NodeID(x)
		v, _ := l.NodeID(y)
		p, ok := l.PairOf(int32(v), int32(u))
		if !ok {
			t.Fatalf("no pair %s–%s", x, y)
		}
		return l.TieRows(p), l.Exchanges(p), l.History(p)
	}
	if ties, _, _ := rows("A", "B"); !reflect.DeepEqual(ties, []int32{0, 1}) {
		t.Errorf("A–B tie rows %v", ties)
	}
	if ties, _, _ := rows("C", "D"); !reflect.DeepEqual(ties, []int32{2}) {
		t.Errorf("C–D tie rows %v", ties)
	}
	if ties, ex, hist := rows("D", "E"); len(ties) != 0 || !reflect.DeepEqual(ex, []int32{0}) || !reflect.DeepEqual(hist, []int32{0}) {
		t.Errorf("D–E rows %v %v %v", ties, ex, hist)
	}
}

// The period view: rows filtered by the period's one time rule, and the other layers of the
// same period from As, equal to building them from the data set.
func TestLayerPeriodView(t *testing.T) {
	d, err := LoadFS(fsOf(smallWorld), "small")
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int{0, 1995, 2001, 2006, 2011} {
		for _, k := range []LayerKind{Bilateral, Clubs, Combined} {
			o := Options{Layer: Combined, At: at, ClubWeight: 0.5, Projection: Newman}
			l, err := d.Layer(o)
			if err != nil {
				t.Fatal(err)
			}
			as, err := l.As(k)
			if err != nil {
				t.Fatal(err)
			}
			o.Layer = k
			fresh, err := d.Layer(o)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(edgesOf(as), edgesOf(fresh)) || as.Len() != fresh.Len() {
				t.Errorf("at %d: As(%s) %v, built %v", at, k, edgesOf(as), edgesOf(fresh))
			}
			for p, e := range l.Pairs() {
				for _, r := range l.TieRows(p) {
					if !o.active(d.Ties[r].Period) {
						t.Errorf("at %d: inactive tie row %d on pair %d", at, r, p)
					}
				}
				for _, r := range l.History(p) {
					if x := d.Exchanges[r].Date.Year; at != 0 && int(x) > at {
						t.Errorf("at %d: exchange of %d in the history", at, x)
					}
				}
				if got := l.Options.weight(e.Bilateral, e.Club); got > 0 {
					if w, ok := l.Weight(int64(e.U), int64(e.V)); !ok || w != got {
						t.Errorf("at %d: pair %v weight %v, graph %v", at, e, got, w)
					}
				}
			}
		}
	}
	// The D–E exchange of 2001 is in the layer of 2001 only, and in the history from 2001 on.
	for at, want := range map[int][2]int{2001: {1, 1}, 2006: {0, 0}} {
		l, err := d.Layer(Options{Layer: Bilateral, At: at, ClubWeight: 1, Projection: Newman})
		if err != nil {
			t.Fatal(err)
		}
		u, okU := l.NodeID("D")
		v, okV := l.NodeID("E")
		p, ok := l.PairOf(int32(u), int32(v))
		got := [2]int{}
		if okU && okV && ok {
			got = [2]int{len(l.Exchanges(p)), len(l.History(p))}
		}
		if got != want {
			t.Errorf("at %d: D–E exchanges in period, history = %v, want %v", at, got, want)
		}
	}
}

func TestLayerOptionsInvalid(t *testing.T) {
	d, err := LoadFS(fsOf(smallWorld), "small")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []Options{
		{Layer: "trust", ClubWeight: 1, Projection: Newman},
		{Layer: Combined, ClubWeight: 1, Projection: "jaccard"},
		{Layer: Combined, ClubWeight: -1, Projection: Newman},
		{Layer: Combined, ClubWeight: math.NaN(), Projection: Newman},
		{Layer: Combined, ClubWeight: math.Inf(1), Projection: Newman},
	} {
		if _, err := d.Layer(o); err == nil {
			t.Errorf("Layer(%+v) gave no error", o)
		}
	}
}

// TestLayerIsAGonumGraph checks the gonum interfaces against a simple.WeightedUndirectedGraph
// holding the same edges, and that gonum algorithms run on a Layer.
func TestLayerIsAGonumGraph(t *testing.T) {
	l := mustLayer(t, smallWorld, DefaultOptions())
	ref := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for it := l.Nodes(); it.Next(); {
		ref.AddNode(simple.Node(it.Node().ID()))
	}
	for it := l.WeightedEdges(); it.Next(); {
		e := it.WeightedEdge()
		ref.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.From().ID()), T: simple.Node(e.To().ID()), W: e.Weight()})
	}
	n := int64(l.Len())
	var prev int64 = -1
	for it := l.Nodes(); it.Next(); {
		if id := it.Node().ID(); id <= prev {
			t.Fatalf("Nodes not ascending at %d", id)
		} else {
			prev = id
		}
	}
	for x := int64(-1); x <= n; x++ {
		if (l.Node(x) == nil) != (ref.Node(x) == nil) {
			t.Errorf("Node(%d) differs", x)
		}
		if x < 0 || x == n {
			if l.From(x).Len() != 0 {
				t.Errorf("From(%d) not empty", x)
			}
			continue
		}
		var got []int64
		for it := l.From(x); it.Next(); {
			got = append(got, it.Node().ID())
		}
		want := graph.NodesOf(ref.From(x))
		if len(got) != len(want) {
			t.Errorf("From(%d) = %v, want %d nodes", x, got, len(want))
		}
		for i := 1; i < len(got); i++ {
			if got[i] <= got[i-1] {
				t.Errorf("From(%d) not ascending: %v", x, got)
			}
		}
		for y := int64(-1); y <= n; y++ {
			if l.HasEdgeBetween(x, y) != ref.HasEdgeBetween(x, y) {
				t.Errorf("HasEdgeBetween(%d,%d) differs", x, y)
			}
			e, re := l.WeightedEdgeBetween(x, y), ref.WeightedEdgeBetween(x, y)
			if (e == nil) != (re == nil) {
				t.Errorf("WeightedEdgeBetween(%d,%d) = %v, ref %v", x, y, e, re)
				continue
			}
			if e != nil && (e.Weight() != re.Weight() || e.From().ID() != x || e.To().ID() != y) {
				t.Errorf("edge %d-%d = %+v, ref %+v", x, y, e, re)
			}
			w, ok := l.Weight(x, y)
			_, rok := ref.Weight(x, y)
			if ok != rok || (ok && x != y && w != re.Weight()) {
				t.Errorf("Weight(%d,%d) = %v,%v", x, y, w, ok)
			}
		}
	}
	if cc := topo.ConnectedComponents(l); len(cc) != 2 {
		t.Errorf("components %v, want A–E and the isolated F", cc)
	}
	a, _ := l.NodeID("A")
	e, _ := l.NodeID("E")
	pt := path.DijkstraFrom(l.Node(a), l)
	ptRef := path.DijkstraFrom(ref.Node(a), ref)
	if pt.WeightTo(e) != ptRef.WeightTo(e) {
		t.Errorf("Dijkstra A→E %v, ref %v", pt.WeightTo(e), ptRef.WeightTo(e))
	}
}

func TestLayerDensityAndWeight(t *testing.T) {
	l := mustLayer(t, smallWorld, Options{Layer: Bilateral, ClubWeight: 1, Projection: Newman})
	if got := l.TotalWeight(); got != 10 {
		t.Errorf("TotalWeight = %v", got)
	}
	if got, want := l.Density(), 3.0/15; math.Abs(got-want) > 1e-15 {
		t.Errorf("Density = %v, want %v", got, want)
	}
}

// filterWorld has extra columns to filter on:
//
//	actors: A, B, E West; C, D East
//	ties:   A–B 2 defense 1, B–C 1 defense 0, C–D 3 defense 1, A–E 0.5 defense 1
//	clubs:  K (pact) with A (founder), B, C; L (forum) with D, E
//	exchange A→C 2
var filterWorld = map[string]string{
	"actors.csv":      "id,region\nA,West\nB,West\nC,East\nD,East\nE,West\n",
	"ties.csv":        "source,target,weight,defense\nA,B,2,1\nB,C,1,0\nC,D,3,1\nA,E,0.5,1\n",
	"clubs.csv":       "id,kind\nK,pact\nL,forum\n",
	"memberships.csv": "club,actor,role\nK,A,founder\nK,B,member\nK,C,member\nL,D,member\nL,E,member\n",
	"exchanges.csv":   "date,from,to\n2001-01-01,A,C\n",
}

func TestLayerWhere(t *testing.T) {
	where := func(min float64, cs ...string) Options {
		o := DefaultOptions()
		o.MinWeight = min
		for _, c := range cs {
			cond, err := ParseCondition(c)
			if err != nil {
				t.Fatal(err)
			}
			o.Where = append(o.Where, cond)
		}
		return o
	}
	all := []string{"A", "B", "C", "D", "E"}
	tests := []struct {
		name  string
		opt   Options
		nodes []string
		edges map[string]float64
	}{
		// A–B 2 + K's 1/2, A–C K's 1/2 + the exchange's 1, B–C 1 + 1/2, D–E L's 1.
		{"no filter", where(0), all,
			map[string]float64{"A-B": 2.5, "A-C": 1.5, "B-C": 1.5, "C-D": 3, "A-E": 0.5, "D-E": 1}},
		{"tie column: defense=1 drops B–C's row", where(0, "defense=1"), all,
			map[string]float64{"A-B": 2.5, "A-C": 1.5, "B-C": 0.5, "C-D": 3, "A-E": 0.5, "D-E": 1}},
		{"a number matches as a number", where(0, "defense=1.0"), all,
			map[string]float64{"A-B": 2.5, "A-C": 1.5, "B-C": 0.5, "C-D": 3, "A-E": 0.5, "D-E": 1}},
		{"values of one column are alternatives", where(0, "defense=1", "defense=0"), all,
			map[string]float64{"A-B": 2.5, "A-C": 1.5, "B-C": 1.5, "C-D": 3, "A-E": 0.5, "D-E": 1}},
		// West is A, B, E: K keeps A and B (1/(2−1) = 1), L only E, the exchange to C goes.
		{"actor column: region=west keeps what touches only A, B, E", where(0, "region=west"), []string{"A", "B", "E"},
			map[string]float64{"A-B": 3, "A-E": 0.5}},
		{"club column: kind=pact drops L", where(0, "kind=pact"), all,
			map[string]float64{"A-B": 2.5, "A-C": 1.5, "B-C": 1.5, "C-D": 3, "A-E": 0.5}},
		{"membership column: role=founder leaves K one member", where(0, "role=founder"), all,
			map[string]float64{"A-B": 2, "A-C": 1, "B-C": 1, "C-D": 3, "A-E": 0.5}},
		{"qualified: ties.source=A", where(0, "ties.source=A"), all,
			map[string]float64{"A-B": 2.5, "A-C": 1.5, "B-C": 0.5, "A-E": 0.5, "D-E": 1}},
		{"min weight 1 drops A–E's row; E stays by L", where(1), all,
			map[string]float64{"A-B": 2.5, "A-C": 1.5, "B-C": 1.5, "C-D": 3, "D-E": 1}},
		{"conditions on different columns all hold", where(2, "defense=1", "region=East"), []string{"C", "D"},
			map[string]float64{"C-D": 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := mustLayer(t, filterWorld, tt.opt)
			if !reflect.DeepEqual(l.Actors(), tt.nodes) {
				t.Errorf("nodes %v, want %v", l.Actors(), tt.nodes)
			}
			if got := edgesOf(l); !reflect.DeepEqual(got, tt.edges) {
				t.Errorf("edges %v, want %v", got, tt.edges)
			}
			// The period view's rows are filtered too: no kept pair lists a dropped tie row.
			for p := range l.Pairs() {
				for _, r := range l.TieRows(p) {
					tie := l.Data.Ties[r]
					if tie.Weight < tt.opt.MinWeight {
						t.Errorf("pair %d lists the tie row of weight %v below %v", p, tie.Weight, tt.opt.MinWeight)
					}
				}
			}
			// Every layer of the period sees the same subset.
			for _, k := range []LayerKind{Bilateral, Clubs} {
				if ll, err := l.As(k); err != nil || !reflect.DeepEqual(ll.Actors(), tt.nodes) {
					t.Errorf("As(%s): nodes %v, %v", k, ll.Actors(), err)
				}
			}
		})
	}
	// B–C's only row has defense 0: with defense=1 the pair is a club pair without tie rows.
	l := mustLayer(t, filterWorld, where(0, "defense=1"))
	b, _ := l.NodeID("B")
	c, _ := l.NodeID("C")
	if p, ok := l.PairOf(int32(b), int32(c)); !ok || len(l.TieRows(p)) != 0 {
		t.Errorf("B–C with defense=1: pair %v, tie rows %v; want a pair without rows", ok, l.TieRows(p))
	}
}

func TestLayerWhereErrors(t *testing.T) {
	d, err := LoadFS(fsOf(filterWorld), "small")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Condition{{"defence", "1"}, {"weight", "2"}, {"since", "1990"}, {"actors.defense", "1"}} {
		o := DefaultOptions()
		o.Where = []Condition{c}
		if _, err := d.Layer(o); !errors.Is(err, ErrUnknownColumn) || !strings.Contains(err.Error(), "want a text column of actors.csv: id, name, type, region") {
			t.Errorf("where %s: %v, want ErrUnknownColumn listing the columns", c, err)
		}
	}
	if _, err := ParseCondition("defense"); err == nil {
		t.Error(`ParseCondition("defense"): no error`)
	}
	o := DefaultOptions()
	o.MinWeight = -1
	if _, err := d.Layer(o); err == nil {
		t.Error("min weight -1: no error")
	}
}
