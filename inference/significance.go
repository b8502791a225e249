package inference

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// SignificanceOptions tune Significance.
type SignificanceOptions struct {
	// Reps is the number of null draws (default 99).
	Reps int
	// Seed seeds them (default 1): draw r uses PCG(Seed, r), whatever Workers is.
	Seed uint64
	// Workers analyse draws in parallel (default: one per CPU); each analysis runs on one.
	Workers int
	// Analysis are the options the observed result was analysed with: every draw is
	// analysed with the same.
	Analysis analysis.Options
	// Progress, when not nil, is told how many draws are done.
	Progress func(done, total int)
}

// Test is the test of one statistic against the null.
type Test struct {
	Name     string  `json:"name"`
	Observed float64 `json:"observed"`
	NullMean float64 `json:"null_mean"`
	NullSD   float64 `json:"null_sd"`
	// (1 + #{draws ≥ observed}) / (reps + 1), and ≤.
	PGreater float64 `json:"p_greater"`
	PLess    float64 `json:"p_less"`
}

// HubTest is the test of one listed hub.
type HubTest struct {
	ID            string  `json:"id"`
	Rank          int     `json:"rank"` // 1 = best, among all actors by hub score
	Score         float64 `json:"score"`
	NullMeanScore float64 `json:"null_mean_score"`
	NullMeanRank  float64 `json:"null_mean_rank"`
	// PScore is (1 + #{draws where its score ≥ the observed}) / (reps + 1); PRank likewise
	// for a rank at least as good.
	PScore float64 `json:"p_score"`
	PRank  float64 `json:"p_rank"`
}

// SignificanceResult is what Significance finds.
type SignificanceResult struct {
	Layer string `json:"layer"`        // the layer analysed
	At    int    `json:"at,omitempty"` // its year; absent for all time
	Reps  int    `json:"reps"`
	Seed  uint64 `json:"seed"`
	Null  string `json:"null"`
	// The swaps accepted per draw, on average: of bilateral edges and of club memberships.
	TieSwaps        float64   `json:"tie_swaps"`
	MembershipSwaps float64   `json:"membership_swaps"`
	Hubs            []HubTest `json:"hubs"`
	Centralization  []Test    `json:"centralization"`
	Typology        []Test    `json:"typology"`
}

// NullDescription says what the null keeps.
const NullDescription = "degree-preserving rewiring of the bilateral layer (10·m double-edge swaps; the tie rows and exchanges of an edge move with it) and club memberships swapped between clubs (10·M swaps; the size of every club and the number of clubs of every actor kept)"

// Significance tests the hubs, the centralisation and the typology counts of the analysis r
// (of the period view r.View) against the null of the package documentation: each of Reps
// draws rewires the bilateral edges and swaps the memberships of r's period, and is analysed
// with o.Analysis.
func Significance(ctx context.Context, r *analysis.Result, o SignificanceOptions) (*SignificanceResult, error) {
	if r == nil || r.View == nil {
		return nil, fmt.Errorf("significance: no analysed layer")
	}
	if o.Reps <= 0 {
		o.Reps = 99
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	nm := newNullModel(r.View)
	obs := statsOf(r)
	type draw struct {
		st         stats
		tie, membs int
	}
	draws := make([]draw, o.Reps)
	ao := o.Analysis
	ao.Workers, ao.Progress = 1, nil
	var next, done atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, o.Workers)
	for w := 0; w < min(o.Workers, o.Reps); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= o.Reps || ctx.Err() != nil || errs[w] != nil {
					return
				}
				rng := rand.New(rand.NewPCG(o.Seed, uint64(i)))
				d, ts, ms, err := nm.draw(rng)
				if err == nil {
					var l *graphmodel.Layer
					if l, err = d.Layer(r.View.Options); err == nil {
						var rr *analysis.Result
						if rr, err = analysis.Analyze(ctx, l, ao); err == nil {
							draws[i] = draw{statsOf(rr), ts, ms}
						}
					}
				}
				if err != nil {
					errs[w] = fmt.Errorf("significance: draw %d: %w", i, err)
					return
				}
				if o.Progress != nil {
					o.Progress(int(done.Add(1)), o.Reps)
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("significance: %w", err)
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	res := &SignificanceResult{Layer: string(r.View.Options.Layer), At: r.View.Options.At, Reps: o.Reps, Seed: o.Seed, Null: NullDescription}
	for _, d := range draws {
		res.TieSwaps += float64(d.tie) / float64(o.Reps)
		res.MembershipSwaps += float64(d.membs) / float64(o.Reps)
	}
	test := func(name string, obs float64, get func(stats) float64) Test {
		vals := make([]float64, o.Reps)
		for i, d := range draws {
			vals[i] = get(d.st)
		}
		t := Test{Name: name, Observed: obs}
		t.NullMean, t.NullSD = meanSD(vals)
		t.PGreater, t.PLess = rankP(obs, vals)
		return t
	}
	res.Centralization = []Test{
		test("degree", obs.degreeC, func(s stats) float64 { return s.degreeC }),
		test("betweenness", obs.betweenC, func(s stats) float64 { return s.betweenC }),
	}
	ty := r.Typology
	res.Typology = []Test{
		test("transactional_bilateral", float64(ty.TransactionalBilateral), func(s stats) float64 { return float64(s.typ.TransactionalBilateral) }),
		test("relational_bilateral", float64(ty.RelationalBilateral), func(s stats) float64 { return float64(s.typ.RelationalBilateral) }),
		test("transactional_multilateral", float64(ty.TransactionalMultilateral), func(s stats) float64 { return float64(s.typ.TransactionalMultilateral) }),
		test("relational_multilateral", float64(ty.RelationalMultilateral), func(s stats) float64 { return float64(s.typ.RelationalMultilateral) }),
	}
	res.Hubs = []HubTest{}
	for _, h := range r.Hubs {
		u := obs.index[h.ID]
		ht := HubTest{ID: h.ID, Rank: obs.rank[u], Score: obs.score[u]}
		scores, ranks := make([]float64, o.Reps), make([]float64, o.Reps)
		for i, d := range draws {
			v := d.st.index[h.ID]
			scores[i], ranks[i] = d.st.score[v], -float64(d.st.rank[v])
		}
		ht.NullMeanScore, _ = meanSD(scores)
		mr, _ := meanSD(ranks)
		ht.NullMeanRank = -mr
		ht.PScore, _ = rankP(ht.Score, scores)
		ht.PRank, _ = rankP(-float64(ht.Rank), ranks)
		res.Hubs = append(res.Hubs, ht)
	}
	return res, nil
}

// rankP is (1 + #{v ≥ obs})/(R + 1) and (1 + #{v ≤ obs})/(R + 1), equal within a relative 1e-9.
func rankP(obs float64, vals []float64) (ge, le float64) {
	p := pvalues(obs, vals)
	r := float64(len(vals))
	return (1 + p.PGreater*r) / (r + 1), (1 + p.PLess*r) / (r + 1)
}

// stats are the statistics of one analysis.
type stats struct {
	index             map[string]int // actor id → position in score and rank
	score             []float64
	rank              []int
	degreeC, betweenC float64
	typ               analysis.Typology
}

func statsOf(r *analysis.Result) stats {
	n := len(r.Actors)
	s := stats{index: make(map[string]int, n), score: analysis.HubScores(r), rank: make([]int, n), typ: r.Typology}
	order := make([]int, n)
	for u := range order {
		order[u] = u
		s.index[r.Actors[u].ID] = u
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(s.score[b], s.score[a]) })
	for pos, u := range order {
		s.rank[u] = pos + 1
	}
	deg, bet := make([]float64, n), make([]float64, n)
	for u, a := range r.Actors {
		deg[u], bet[u] = float64(a.Degree), a.Betweenness
	}
	s.degreeC = Centralization(deg, float64((n-1)*(n-2)))
	s.betweenC = Centralization(bet, float64(n-1))
	return s
}

// Centralization is Freeman's: Σ (max c − c_i) / most, where most is the largest value the
// sum takes over graphs of the same order (a star's); 0 for fewer than three actors.
func Centralization(c []float64, most float64) float64 {
	if len(c) < 3 || most <= 0 {
		return 0
	}
	top := slices.Max(c)
	s := 0.0
	for _, v := range c {
		s += top - v
	}
	return s / most
}

// nullModel holds what a draw moves: the bilateral edges of the period with their rows, and
// the (club, actor) memberships of the period with their rows.
type nullModel struct {
	l        *graphmodel.Layer
	d        *graphmodel.Dataset
	edges    [][2]int32      // node ids, U < V
	tieRows  [][]int32       // the active tie rows of each edge
	exRows   [][]int32       // the exchanges of each edge up to the period
	exPairs  map[uint64]bool // pairs (node ids) with an exchange at any time: not a target
	units    []memberUnit
	occupied map[[2]int]int // (club index, actor index) → membership rows, any time
	nodeOf   map[string]int32
}

type memberUnit struct {
	club  int // position in Data.Clubs
	actor int32
	rows  []int32
}

func key(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

func newNullModel(l *graphmodel.Layer) *nullModel {
	d := l.Data
	nm := &nullModel{l: l, d: d, exPairs: map[uint64]bool{}, occupied: map[[2]int]int{},
		nodeOf: map[string]int32{}}
	for u, id := range l.Actors() {
		nm.nodeOf[id] = int32(u)
	}
	for p, e := range l.Pairs() {
		if e.Bilateral <= 0 {
			continue
		}
		nm.edges = append(nm.edges, [2]int32{e.U, e.V})
		nm.tieRows = append(nm.tieRows, l.TieRows(p))
		nm.exRows = append(nm.exRows, l.History(p))
	}
	for i := range d.Exchanges {
		u, ok1 := nm.nodeOf[d.Exchanges[i].From]
		v, ok2 := nm.nodeOf[d.Exchanges[i].To]
		if ok1 && ok2 {
			nm.exPairs[key(u, v)] = true
		}
	}
	for i := range d.Memberships {
		c, _ := d.ClubIndex(d.Memberships[i].Club)
		a, _ := d.ActorIndex(d.Memberships[i].Actor)
		nm.occupied[[2]int{c, a}]++
	}
	for _, lc := range l.Clubs {
		byActor := map[int32][]int32{}
		for _, r := range lc.Rows {
			u := nm.nodeOf[d.Memberships[r].Actor]
			byActor[u] = append(byActor[u], r)
		}
		for _, u := range lc.Members {
			nm.units = append(nm.units, memberUnit{club: lc.Index, actor: u, rows: byActor[u]})
		}
	}
	return nm
}

// draw makes one data set of the null, and says how many swaps of each kind it accepted.
func (nm *nullModel) draw(rng *rand.Rand) (*graphmodel.Dataset, int, int, error) {
	l, d := nm.l, nm.d
	// Bilateral edges: double-edge swaps.
	edges := slices.Clone(nm.edges)
	present := make(map[uint64]bool, len(edges))
	for _, e := range edges {
		present[key(e[0], e[1])] = true
	}
	m := len(edges)
	tieSwaps := 0
	for tries := 0; m >= 2 && tieSwaps < 10*m && tries < 100*m; tries++ {
		i, j := rng.IntN(m), rng.IntN(m)
		if i == j {
			continue
		}
		a, b := edges[i][0], edges[i][1]
		flip := rng.IntN(2) == 1
		c, dd := edges[j][0], edges[j][1]
		if flip {
			c, dd = dd, c
		}
		// a–b, c–d → a–d, c–b
		if a == dd || c == b || a == c || b == dd || present[key(a, dd)] || present[key(c, b)] || nm.exPairs[key(a, dd)] || nm.exPairs[key(c, b)] {
			continue
		}
		delete(present, key(a, b))
		delete(present, key(c, dd))
		present[key(a, dd)], present[key(c, b)] = true, true
		edges[i][1] = dd
		if flip {
			edges[j][0] = b
		} else {
			edges[j][1] = b
		}
		tieSwaps++
	}
	ties := slices.Clone(d.Ties)
	exchanges := slices.Clone(d.Exchanges)
	for k, e := range edges {
		u0, v0 := l.Actor(int64(nm.edges[k][0])), l.Actor(int64(nm.edges[k][1]))
		u1, v1 := l.Actor(int64(e[0])), l.Actor(int64(e[1]))
		if u0 == u1 && v0 == v1 {
			continue
		}
		to := func(s string) string {
			if s == u0 {
				return u1
			}
			return v1
		}
		for _, r := range nm.tieRows[k] {
			ties[r].Source, ties[r].Target = to(ties[r].Source), to(ties[r].Target)
		}
		for _, r := range nm.exRows[k] {
			exchanges[r].From, exchanges[r].To = to(exchanges[r].From), to(exchanges[r].To)
		}
	}
	// Memberships: swaps of members between two clubs.
	units := slices.Clone(nm.units)
	occupied := make(map[[2]int]int, len(nm.occupied))
	for k, v := range nm.occupied {
		occupied[k] = v
	}
	actorIdx := func(u int32) int {
		i, _ := d.ActorIndex(l.Actor(int64(u)))
		return i
	}
	mu := len(units)
	memSwaps := 0
	for tries := 0; mu >= 2 && memSwaps < 10*mu && tries < 100*mu; tries++ {
		i, j := rng.IntN(mu), rng.IntN(mu)
		x, y := &units[i], &units[j]
		if x.club == y.club || x.actor == y.actor {
			continue
		}
		ax, ay := actorIdx(x.actor), actorIdx(y.actor)
		if occupied[[2]int{y.club, ax}] > 0 || occupied[[2]int{x.club, ay}] > 0 {
			continue
		}
		occupied[[2]int{x.club, ax}] -= len(x.rows)
		occupied[[2]int{y.club, ay}] -= len(y.rows)
		occupied[[2]int{y.club, ax}] += len(y.rows)
		occupied[[2]int{x.club, ay}] += len(x.rows)
		x.actor, y.actor = y.actor, x.actor
		memSwaps++
	}
	memberships := slices.Clone(d.Memberships)
	for _, u := range units {
		for _, r := range u.rows {
			memberships[r].Actor = l.Actor(int64(u.actor))
		}
	}
	out, err := d.WithRows(ties, memberships, exchanges)
	return out, tieSwaps, memSwaps, err
}
