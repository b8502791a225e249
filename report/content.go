package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// Lists on real data: every list in the body of the report is either complete or cut at a
// stated length with a pointer to the appendix, which holds it complete (sortable in HTML).

// Cut lengths of the lists in the body of the report.
const (
	ListCut      = 25 // names in a typology list, clubs, uncertain calls
	MembersCut   = 40 // members of a community
	BrokersCut   = 12 // rows of the brokers table
	CliquesCut   = 10 // cliques listed
	CoreNamesCut = 30 // names of a core shown in the text
)

// Cut is a list as the report's body shows it: the first entries and how many more the
// appendix holds (Anchor names its table there).
type Cut struct {
	Shown  []string
	Rest   int
	Anchor string
}

// cut keeps the first n entries of list.
func cut(list []string, n int, anchor string) Cut {
	return Cut{Shown: list[:min(n, len(list))], Rest: max(0, len(list)-n), Anchor: anchor}
}

// Text is the cut list as text, with "and N more (appendix)" when cut.
func (c Cut) Text() string {
	s := strings.Join(c.Shown, ", ")
	if c.Rest > 0 {
		s += fmt.Sprintf(" and %d more (complete in the appendix)", c.Rest)
	}
	return s
}

// uncertainSet is the set of uncertain calls (ties as "A–B", clubs by id).
func (rep *Report) uncertainSet() map[string]bool {
	u := map[string]bool{}
	for _, x := range rep.Result.TypologyLists.Uncertain {
		u[x] = true
	}
	return u
}

// Firm is a typology list without its uncertain calls (those are listed apart).
func (rep *Report) Firm(list []string) []string {
	u := rep.uncertainSet()
	var out []string
	for _, x := range list {
		if !u[x] {
			out = append(out, x)
		}
	}
	return out
}

// ClassList is one of the four classes in the report's typology table.
type ClassList struct {
	Class     string
	Firm      Cut // the firm calls, cut at ListCut
	Uncertain int // how many of the class's calls are uncertain (listed apart)
	Anchor    string
}

// ClassLists are the four classes with their firm calls.
func (rep *Report) ClassLists() []ClassList {
	ls := rep.Result.TypologyLists
	mk := func(name string, l []string, anchor string) ClassList {
		firm := rep.Firm(l)
		return ClassList{Class: name, Firm: cut(firm, ListCut, anchor), Uncertain: len(l) - len(firm), Anchor: anchor}
	}
	return []ClassList{
		mk("relational bilateral", ls.RelationalBilateral, "appendix-ties"),
		mk("transactional bilateral", ls.TransactionalBilateral, "appendix-ties"),
		mk("relational multilateral", ls.RelationalMultilateral, "appendix-clubs"),
		mk("transactional multilateral", ls.TransactionalMultilateral, "appendix-clubs"),
	}
}

// Shown is a cut table: the rows the body shows and how many more the appendix holds.
type Shown[T any] struct {
	Rows []T
	Rest int
}

// UncertainShown are the uncertain calls the body shows (at most ListCut).
func (rep *Report) UncertainShown() Shown[Call] {
	c := rep.Uncertain()
	return Shown[Call]{c[:min(ListCut, len(c))], max(0, len(c)-ListCut)}
}

// ClubsShown are the clubs the body shows, most relational first (at most ListCut).
func (rep *Report) ClubsShown() Shown[analysis.ClubResult] {
	c := rep.ClubsByScore()
	return Shown[analysis.ClubResult]{c[:min(ListCut, len(c))], max(0, len(c)-ListCut)}
}

// CommunityCut is one community's members as the body shows them.
func (rep *Report) CommunityCut(g []string) Cut { return cut(g, MembersCut, "appendix-actors") }

// CoreView is an innermost k-core as the report shows it.
type CoreView struct {
	Layer    string   // the layer it is taken on
	K        int      // its k (0 when the layer has no edge)
	Members  []string // sorted by id
	ClubMade string   // the club whose active membership holds the whole core, if any
}

// Cores are the relational cores: the innermost k-core of the bilateral layer (the pairs'
// own ties: the relational core proper) and that of the analysed layer when it is not the
// bilateral one, each marked as club-made when one club's membership holds it whole (club
// projection makes every club a clique, so such a core says only that the club exists).
func (rep *Report) Cores() []CoreView {
	var out []CoreView
	if b, err := rep.bilateral(); err == nil {
		out = append(out, rep.coreOf(b))
	}
	if rep.Layer.Options.Layer != graphmodel.Bilateral {
		out = append(out, rep.coreOf(rep.Layer))
	}
	return out
}

// bilateral is the bilateral layer of the period.
func (rep *Report) bilateral() (*graphmodel.Layer, error) {
	if rep.Layer.Options.Layer == graphmodel.Bilateral {
		return rep.Layer, nil
	}
	return rep.Layer.As(graphmodel.Bilateral)
}

func (rep *Report) coreOf(l *graphmodel.Layer) CoreView {
	v := CoreView{Layer: string(l.Options.Layer)}
	if l.EdgeCount() == 0 {
		return v
	}
	x := analysis.NewIndex(l)
	core := analysis.CoreNumbers(x)
	for _, k := range core {
		v.K = max(v.K, k)
	}
	for u, k := range core {
		if k == v.K {
			v.Members = append(v.Members, l.Actor(int64(u)))
		}
	}
	sort.Strings(v.Members)
	for _, c := range rep.Result.Clubs {
		if l.Options.Layer != graphmodel.Bilateral && len(v.Members) > 2 && isSubset(v.Members, c.Members) {
			v.ClubMade = c.ID
			if c.Name != "" && c.Name != c.ID {
				v.ClubMade += " (" + c.Name + ")"
			}
			break
		}
	}
	return v
}

// isSubset says whether every entry of the sorted a is in b.
func isSubset(a, b []string) bool {
	in := make(map[string]bool, len(b))
	for _, x := range b {
		in[x] = true
	}
	for _, x := range a {
		if !in[x] {
			return false
		}
	}
	return true
}

// Text describes the core in one sentence.
func (c CoreView) Text() string {
	if c.K == 0 {
		return fmt.Sprintf("The %s layer has no edge in this period.", c.Layer)
	}
	s := fmt.Sprintf("The innermost k-core of the %s layer (k = %d) holds %d actors: %s.", c.Layer, c.K, len(c.Members), cut(c.Members, CoreNamesCut, "").Text())
	if c.ClubMade != "" {
		s += fmt.Sprintf(" It is club-made: the membership of %s holds it whole (the club projection makes every club a clique).", c.ClubMade)
	}
	return s
}

// BilateralCliques are up to n maximal cliques of ≥ 3 actors of the bilateral layer, largest
// first (then in id order): cliques of the pairs' own ties.
func (rep *Report) BilateralCliques(n int) [][]string {
	b, err := rep.bilateral()
	if err != nil || b.EdgeCount() == 0 {
		return nil
	}
	if b == rep.Layer {
		return rep.LargestCliques(n)
	}
	x := analysis.NewIndex(b)
	var out [][]string
	for _, c := range analysis.MaximalCliques(x, 3) {
		ids := make([]string, len(c))
		for i, u := range c {
			ids[i] = b.Actor(int64(u))
		}
		sort.Strings(ids)
		out = append(out, ids)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return slices.Compare(out[i], out[j]) < 0
	})
	return out[:min(n, len(out))]
}

// SeriesNote says which years the change over time shows and why it starts where it does.
func (rep *Report) SeriesNote() string {
	if len(rep.Series) == 0 {
		return ""
	}
	a, b := rep.Series[0].Year, rep.Series[len(rep.Series)-1].Year
	step := 1
	if len(rep.Series) > 1 {
		step = rep.Series[1].Year - a
	}
	s := fmt.Sprintf("%d years from %d to %d, every %d year(s). ", len(rep.Series), a, b, step)
	if first, _, ok := rep.Data.ActiveSpan(); ok && a > first {
		s += fmt.Sprintf("The data begin in %d, but by default the series starts in the year by which %g%% of the dated rows (tie rows, memberships, exchanges) have begun, so that a few early rows do not stretch it; --from and --to choose the span.", first, 100*SeriesStartShare)
	} else {
		s += "--from and --to choose the span."
	}
	return s
}
