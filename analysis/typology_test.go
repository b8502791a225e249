package analysis

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/graphmodel"
)

// coreAndSpokes is a named data set: a relational core of four actors (A–D: every pair tied
// for decades in several domains, a small shared club K) and a hub H whose three spokes
// (S1–S3) are recent single-domain ties with partners who share nothing else. H is also
// tied to A and B. Club L joins S1, S2 and two outsiders Y, Z that have no bilateral ties.
var coreAndSpokes = map[string]string{
	"ties.csv": "source,target,weight,since,until,domains\n" +
		"A,B,5,1950,,SIGINT;HUMINT;CT;MILINT\nA,C,5,1950,,SIGINT;HUMINT;CT;MILINT\nA,D,4,1955,,SIGINT;HUMINT;CT\n" +
		"B,C,4,1950,,SIGINT;HUMINT;CT\nB,D,4,1956,,SIGINT;HUMINT;IMINT\nC,D,5,1952,,SIGINT;HUMINT;CT;IMINT\n" +
		"H,A,3,1990,,SIGINT;CT\nH,B,3,1992,,SIGINT;CT\n" +
		"H,S1,1,2008,2010,CT\nH,S2,1,2009,2011,RENDITION\nH,S3,1,2007,2009,CT\n",
	"clubs.csv":       "id,since\nK,1950\nL,2005\n",
	"memberships.csv": "club,actor\nK,A\nK,B\nK,C\nK,D\nL,S1\nL,S2\nL,Y\nL,Z\n",
}

func analyzeFiles(t *testing.T, files map[string]string, lo graphmodel.Options, o Options) *Result {
	t.Helper()
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	d, err := graphmodel.LoadFS(m, "t")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(lo)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyze(context.Background(), l, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestTypologyCoreAndSpokes(t *testing.T) {
	r := analyzeFiles(t, coreAndSpokes, graphmodel.DefaultOptions(), Options{})
	class := map[string]string{}
	for _, tie := range r.Ties {
		class[tie.Source+"–"+tie.Target] = tie.Class
		tie.Factors.Each(func(f string, v float64) {
			if v < 0 || v > 1 || math.IsNaN(v) {
				t.Errorf("%s–%s factor %s = %v", tie.Source, tie.Target, f, v)
			}
		})
	}
	for _, p := range []string{"A–B", "A–C", "A–D", "B–C", "B–D", "C–D"} {
		if class[p] != "relational" {
			t.Errorf("core tie %s is %s", p, class[p])
		}
	}
	for _, p := range []string{"H–S1", "H–S2", "H–S3"} {
		if class[p] != "transactional" {
			t.Errorf("spoke %s is %s", p, class[p])
		}
	}
	clubs := map[string]string{}
	for _, c := range r.Clubs {
		clubs[c.ID] = c.Class
	}
	// K's members are all tied to each other; no two of L's are (S1 and S2 are tied only to
	// H, Y and Z to nobody), so L's factors on the members' bilateral record abstain (contract
	// §4) and size and age, the evidence left, call it relational.
	if clubs["K"] != "relational" || clubs["L"] != "relational" {
		t.Errorf("clubs %v", clubs)
	}
	l, _ := r.Club("L")
	for _, f := range []string{"density", "strength", "cliques"} {
		if v, ok := l.Factors.Get(f); ok {
			t.Errorf("club L has %s = %v; it must abstain", f, v)
		}
	}
	if _, ok := l.Factors.Get("size"); !ok {
		t.Error("club L has no size factor")
	}
	want := Typology{TransactionalBilateral: 5, RelationalBilateral: 6, TransactionalMultilateral: 0, RelationalMultilateral: 2}
	if class["A–H"] == "relational" {
		want.TransactionalBilateral--
		want.RelationalBilateral++
	}
	if class["B–H"] == "relational" {
		want.TransactionalBilateral--
		want.RelationalBilateral++
	}
	if r.Typology != want {
		t.Errorf("typology %+v, want %+v", r.Typology, want)
	}
	// A leads the core (highest eigenvector centrality, in club K, 2nd in betweenness); the
	// hub of the spokes, H, has the highest betweenness and says so.
	if len(r.Hubs) < 5 || r.Hubs[0].ID != "A" || !strings.Contains(r.Hubs[0].Why, "highest eigenvector centrality") {
		t.Errorf("hubs %+v", r.Hubs)
	}
	found := false
	for _, h := range r.Hubs {
		if h.ID == "H" {
			found = strings.HasPrefix(h.Why, "highest betweenness")
		}
	}
	if !found {
		t.Errorf("H not listed as the highest-betweenness hub: %+v", r.Hubs)
	}
}

// TestTieFactorsByHand checks the factors of one tie against values worked out by hand.
func TestTieFactorsByHand(t *testing.T) {
	r := analyzeFiles(t, coreAndSpokes, graphmodel.DefaultOptions(), Options{})
	var hs1 TieResult
	for _, tie := range r.Ties {
		if tie.Source == "H" && tie.Target == "S1" {
			hs1 = tie
		}
	}
	// Data span 1950–2011: reference year 2011. H–S1 is active 2008–2010: 3 years of 20.
	want := map[string]float64{"duration": 3.0 / 20, "continuity": 1, "multiplexity": 0, "clubs": 0}
	for k, v := range want {
		if got, ok := hs1.Factors.Get(k); !ok || math.Abs(got-v) > 1e-12 {
			t.Errorf("H–S1 %s = %v, want %v", k, got, v)
		}
	}
	// Combined layer: H's neighbours are A, B, S1, S2, S3; S1's are H, S2, Y, Z (club L);
	// they share S2: overlap 1 / ((5 − 1) + (4 − 1) − 1).
	if got, _ := hs1.Factors.Get("overlap"); math.Abs(got-1.0/6) > 1e-12 {
		t.Errorf("H–S1 overlap = %v, want 1/6", got)
	}
	if _, ok := hs1.Factors.Get("reciprocity"); ok {
		t.Error("reciprocity factor without exchanges")
	}
	if s := score(hs1.Factors, weightVector(r.Settings.TieWeights, TieFactors)); math.Abs(s-hs1.RelationalScore) > 1e-15 {
		t.Errorf("score %v, recomputed %v", hs1.RelationalScore, s)
	}
	sum := 0.0
	for _, c := range Contributions(hs1.Factors, r.Settings.TieWeights) {
		sum += c.Contribution
	}
	if math.Abs(sum-hs1.RelationalScore) > 1e-12 {
		t.Errorf("contributions add to %v, score %v", sum, hs1.RelationalScore)
	}
}

func TestSpellYears(t *testing.T) {
	d, err := graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: []byte("source,target,since,until\na,b,1954,1965\na,b,1960,1970\na,b,1981,1989\na,b,2001,\n")}}, "t")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, release := range []bool{false, true} { // the rows of the data set, then those the layer kept
		if release {
			l.ReleaseTieRows()
		}
		covered, first, last := spellYears(l, []int32{0, 1, 2, 3}, 1954, 2010)
		// 1954–1970 (17) + 1981–1989 (9) + 2001–2010 (10) = 36 years of 57.
		if covered != 36 || first != 1954 || last != 2010 {
			t.Errorf("released %v: spellYears = %d, %d, %d", release, covered, first, last)
		}
	}
}

func TestBrokerageRoles(t *testing.T) {
	// Path a–b–c–d with e tied to c; groups: a, b in 0; c, e in 1; d in 2.
	l := layerOf(t, "a,b,1\nb,c,1\nc,d,1\nc,e,1\n")
	x := NewIndex(l)
	group := []int{0, 0, 1, 2, 1} // a b c d e
	br := BrokerageRoles(x, group)
	// b brokers a–c: a with b, c elsewhere: gatekeeper/representative.
	if (br[1] != Brokerage{Gatekeeper: 1, Representative: 1}) {
		t.Errorf("b: %+v", br[1])
	}
	// c brokers b–d (0,1,2: liaison), b–e (e with c: gatekeeper), d–e (e with c: gatekeeper).
	if (br[2] != Brokerage{Liaison: 1, Gatekeeper: 2, Representative: 2}) {
		t.Errorf("c: %+v", br[2])
	}
	group = []int{0, 1, 0, 0, 0}
	br = BrokerageRoles(x, group)
	if (br[1] != Brokerage{Itinerant: 1}) || (br[2] != Brokerage{Coordinator: 1, Gatekeeper: 2, Representative: 2}) {
		t.Errorf("itinerant/coordinator: %+v %+v", br[1], br[2])
	}
}

func TestTypologyOptionsInvalid(t *testing.T) {
	for _, o := range []TypologyOptions{
		{TieWeights: map[string]float64{"trust": 1}},
		{ClubWeights: map[string]float64{"size": -1}},
		{TieWeights: map[string]float64{"weight": math.Inf(1)}},
		{Groups: "religion"},
	} {
		if err := o.Validate(); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

func TestTieWeightsChangeTheScore(t *testing.T) {
	base := analyzeFiles(t, coreAndSpokes, graphmodel.DefaultOptions(), Options{})
	only := analyzeFiles(t, coreAndSpokes, graphmodel.DefaultOptions(), Options{Typology: TypologyOptions{
		TieWeights: map[string]float64{"overlap": 0, "cliques": 0, "core": 0, "clubs": 0, "duration": 1, "continuity": 0, "multiplexity": 0, "weight": 0, "reciprocity": 0}}})
	for i, tie := range only.Ties {
		if d, _ := tie.Factors.Get("duration"); tie.Factors.Len() != 1 || tie.RelationalScore != d {
			t.Fatalf("duration only: %+v", tie)
		}
		if reflect.DeepEqual(tie.Factors.Map(), base.Ties[i].Factors.Map()) {
			t.Fatalf("factors unchanged")
		}
	}
}

// TestExpertCoding compares the tie classes of the example data set with the expert coding
// of its clear-cut ties (the `coded` column, which the classifier never reads) and requires
// at least 90% agreement.
func TestExpertCoding(t *testing.T) {
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, c := range d.Columns.Ties {
		if c.Name == "coded" {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("no coded column")
	}
	coded := map[[2]string]string{}
	for _, tie := range d.Ties {
		if c := tie.Extra[col]; c != "" {
			a, b := tie.Source, tie.Target
			if a > b {
				a, b = b, a
			}
			if prev, ok := coded[[2]string{a, b}]; ok && prev != c {
				t.Fatalf("%s–%s coded %s and %s", a, b, prev, c)
			}
			coded[[2]string{a, b}] = c
		}
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyze(context.Background(), l, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[[2]string]TieResult{}
	for _, tie := range r.Ties {
		got[[2]string{tie.Source, tie.Target}] = tie
	}
	confusion := map[[2]string]int{}
	agree := 0
	var misses []string
	for pair, want := range coded {
		tie, ok := got[pair]
		if !ok {
			t.Fatalf("coded pair %v is not a tie", pair)
		}
		confusion[[2]string{want, tie.Class}]++
		if tie.Class == want {
			agree++
		} else {
			misses = append(misses, fmt.Sprintf("%s–%s (coded %s, score %.3f)", pair[0], pair[1], want, tie.RelationalScore))
		}
	}
	t.Logf("confusion matrix (rows: expert coding, columns: classifier), %d coded ties:", len(coded))
	t.Logf("%-15s %13s %13s", "", "transactional", "relational")
	for _, want := range []string{"transactional", "relational"} {
		t.Logf("%-15s %13d %13d", want, confusion[[2]string{want, "transactional"}], confusion[[2]string{want, "relational"}])
	}
	rate := float64(agree) / float64(len(coded))
	t.Logf("agreement %d/%d = %.1f%%; disagreements: %v", agree, len(coded), 100*rate, misses)
	if rate < 0.9 {
		t.Errorf("agreement %.1f%% < 90%%", 100*rate)
	}
}

func TestBrokerageGroupChoices(t *testing.T) {
	// Count the open two-paths a–b–c (a, c not tied) of the combined layer by brute force:
	// whatever the groups, each has exactly one role (gatekeeper standing for both of its
	// undirected forms).
	d, err := graphmodel.LoadFS(func() fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range coreAndSpokes {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
		return m
	}(), "t")
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	open := 0.0
	for b := int64(0); b < int64(l.Len()); b++ {
		nb, _ := l.Adjacency(b)
		for i := range nb {
			for j := i + 1; j < len(nb); j++ {
				if !l.HasEdgeBetween(int64(nb[i]), int64(nb[j])) {
					open++
				}
			}
		}
	}
	for _, g := range []string{"community", "club", "region"} {
		r := analyzeFiles(t, coreAndSpokes, graphmodel.DefaultOptions(), Options{Typology: TypologyOptions{Groups: g}})
		if r.Settings.BrokerageGroup != g {
			t.Errorf("groups %s: settings say %s", g, r.Settings.BrokerageGroup)
		}
		total := 0.0
		for _, a := range r.Actors {
			br := a.Brokerage
			total += float64(br.Coordinator + br.Itinerant + br.Gatekeeper + br.Liaison)
			if br.Gatekeeper != br.Representative {
				t.Errorf("%s: gatekeeper %v ≠ representative %v", a.ID, br.Gatekeeper, br.Representative)
			}
		}
		if total != open || open == 0 {
			t.Errorf("groups %s: %v roles for %v open two-paths", g, total, open)
		}
	}
	// No regions in this data set: every actor is in one region group, so everything is
	// coordination.
	r := analyzeFiles(t, coreAndSpokes, graphmodel.DefaultOptions(), Options{Typology: TypologyOptions{Groups: "region"}})
	for _, a := range r.Actors {
		if br := a.Brokerage; br.Itinerant+br.Gatekeeper+br.Liaison != 0 {
			t.Errorf("%s: %+v with a single group", a.ID, br)
		}
	}
}
