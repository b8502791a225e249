package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// Mapping chooses how alliances become ties and clubs.
type Mapping string

const (
	// MapDefault: alliances of two states are bilateral ties, larger ones clubs.
	MapDefault Mapping = "default"
	// MapClubs: every alliance is a club.
	MapClubs Mapping = "clubs"
)

// scheme is what differs between the alliance data sets.
type scheme struct {
	source    string   // "cow-alliance"
	prefix    string   // club id prefix, "COW"
	idColumn  string   // the source's alliance id column, kept as a column: "version4id"
	domains   []string // obligation names (domains), in order
	columns   []string // the source's obligation columns, in the same order
	weights   []int    // tie weight of each obligation
	unit      string   // what a member row is, for the report: "member rows"
	censoring bool     // member rows have left_censor and right_censor
	phases    bool     // member rows have treaty phases (ATOP), paired phase by phase
	tieExtra  []string // headers of alliance.tieExtra
	clubExtra []string // headers of alliance.clubExtra
}

// obligations is a set of a scheme's obligations (bit i: scheme.domains[i]).
type obligations uint8

func (s *scheme) text(o obligations) string {
	var parts []string
	for i, d := range s.domains {
		if o&(1<<i) != 0 {
			parts = append(parts, d)
		}
	}
	return strings.Join(parts, ";")
}

// weight is the weight of the strongest obligation in o; 1 when o is empty.
func (s *scheme) weight(o obligations) int {
	w := 0
	for i := range s.domains {
		if o&(1<<i) != 0 && s.weights[i] > w {
			w = s.weights[i]
		}
	}
	if w == 0 {
		w = 1
	}
	return w
}

func flags(o obligations, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "0"
		if o&(1<<i) != 0 {
			out[i] = "1"
		}
	}
	return out
}

// spell is one member row: a state's membership of an alliance for one period (or phase).
type spell struct {
	code   int
	period period
	obl    obligations
	phase  int    // 0 when the source has no phases
	lc, rc string // COW left_censor, right_censor: "0", "1" or ""
}

// alliance is one alliance with its member rows in input order.
type alliance struct {
	id        string // the source's id, e.g. "3"
	spells    []spell
	dates     period // the alliance's own dates
	hasDates  bool
	kind      string // for the club name, e.g. "Defense Pact"; "" to name it by obligations
	tieExtra  []string
	clubExtra []string
}

func (al *alliance) codes() []int {
	seen := map[int]bool{}
	var out []int
	for _, s := range al.spells {
		if !seen[s.code] {
			seen[s.code] = true
			out = append(out, s.code)
		}
	}
	sort.Ints(out)
	return out
}

// build maps alliances onto ties, clubs and memberships, and fills the report's mapped,
// dropped and notes.
func build(s *scheme, alls []*alliance, actors *actorSet, mapping Mapping, rep *Report) *Output {
	tieHeader := []string{"source", "target", "weight", "since", "until", "domains", s.idColumn}
	if s.phases {
		tieHeader = append(tieHeader, "phase")
	}
	tieHeader = append(tieHeader, "source_obligations", "target_obligations", "asymmetric")
	tieHeader = append(tieHeader, s.columns...)
	if s.censoring {
		tieHeader = append(tieHeader, "left_censor", "right_censor")
	}
	tieHeader = append(tieHeader, s.tieExtra...)

	clubHeader := []string{"id", "name", "since", "until", s.idColumn, "states", "obligations"}
	clubHeader = append(clubHeader, s.columns...)
	if s.censoring {
		clubHeader = append(clubHeader, "left_censor", "right_censor")
	}
	clubHeader = append(clubHeader, "alliance_since", "alliance_until")
	clubHeader = append(clubHeader, s.clubExtra...)

	memHeader := []string{"club", "actor", "since", "until"}
	if s.phases {
		memHeader = append(memHeader, "phase")
	}
	memHeader = append(memHeader, "obligations")
	memHeader = append(memHeader, s.columns...)
	if s.censoring {
		memHeader = append(memHeader, "left_censor", "right_censor")
	}

	var ties, clubs, mems [][]string
	var (
		tooFew, tooFewRows, bilateral, neverOverlap, apart int
		asymRows, asymAlliances, noObl, clubsN, clipped    int
		bilateralClubs, repeated, clubAsym                 int
	)
	for _, al := range alls {
		codes := al.codes()
		repeated += len(al.spells) - len(codes)
		if len(codes) < 2 {
			tooFew++
			tooFewRows += len(al.spells)
			continue
		}
		if len(codes) == 2 && mapping != MapClubs {
			bilateral++
			a, b := codes[0], codes[1]
			n, asym := 0, false
			for _, sa := range al.spells {
				if sa.code != a {
					continue
				}
				for _, sb := range al.spells {
					if sb.code != b {
						continue
					}
					if s.phases && sa.phase != sb.phase && sa.phase != 0 && sb.phase != 0 {
						continue
					}
					p, ok := intersect(sa.period, sb.period)
					if !ok {
						apart++
						continue
					}
					n++
					union := sa.obl | sb.obl
					if union == 0 {
						noObl++
					}
					row := []string{actors.id(a), actors.id(b), strconv.Itoa(s.weight(union)),
						p.since.String(), p.until.String(), s.text(union), al.id}
					if s.phases {
						row = append(row, strconv.Itoa(max(sa.phase, sb.phase)))
					}
					row = append(row, s.text(sa.obl), s.text(sb.obl), strconv.FormatBool(sa.obl != sb.obl))
					row = append(row, flags(union, len(s.columns))...)
					if sa.obl != sb.obl {
						asymRows++
						asym = true
					}
					if s.censoring {
						row = append(row, censor(sa, sb, p, true), censor(sa, sb, p, false))
					}
					row = append(row, al.tieExtra...)
					ties = append(ties, row)
				}
			}
			if n == 0 {
				neverOverlap++
			}
			if asym {
				asymAlliances++
			}
			continue
		}
		clubsN++
		if len(codes) == 2 {
			bilateralClubs++
		}
		id := s.prefix + al.id
		// The span of the memberships, then clipped by the alliance's own dates.
		span := al.spells[0].period
		var union obligations
		lc, rc := "0", "0"
		firstObl, differ := al.spells[0].obl, false
		for _, sp := range al.spells {
			if startKey(sp.period.since) < startKey(span.since) {
				span.since = sp.period.since
			}
			if endKey(sp.period.until) > endKey(span.until) {
				span.until = sp.period.until
			}
			union |= sp.obl
			differ = differ || sp.obl != firstObl
			if sp.lc == "1" {
				lc = "1"
			}
			if sp.rc == "1" {
				rc = "1"
			}
		}
		if differ {
			clubAsym++
		}
		p := span
		if al.hasDates {
			p = period{later(al.dates.since, span.since), earlier(al.dates.until, span.until)}
			if !p.valid() {
				p = span
			}
			if startKey(al.dates.since) < startKey(p.since) {
				clipped++
			}
		}
		row := []string{id, clubName(s, al, codes, union, actors), p.since.String(), p.until.String(),
			al.id, strconv.Itoa(len(codes)), s.text(union)}
		row = append(row, flags(union, len(s.columns))...)
		if s.censoring {
			row = append(row, lc, rc)
		}
		if al.hasDates {
			row = append(row, al.dates.since.String(), al.dates.until.String())
		} else {
			row = append(row, "", "")
		}
		row = append(row, al.clubExtra...)
		clubs = append(clubs, row)
		for _, sp := range al.spells {
			m := []string{id, actors.id(sp.code), sp.period.since.String(), sp.period.until.String()}
			if s.phases {
				m = append(m, strconv.Itoa(sp.phase))
			}
			m = append(m, s.text(sp.obl))
			m = append(m, flags(sp.obl, len(s.columns))...)
			if s.censoring {
				m = append(m, sp.lc, sp.rc)
			}
			mems = append(mems, m)
		}
	}

	out := &Output{}
	out.Tables = append(out.Tables, actors.table())
	rep.mapped("actors", len(actors.ids), "states → %s actors (%s)", Num(len(actors.ids)), graphmodel.ActorsFile)
	if mapping != MapClubs {
		rep.mapped("bilateral", bilateral, "two-state alliances → %s tie rows, one per spell (%s)", Num(len(ties)), graphmodel.TiesFile)
		out.Tables = append(out.Tables, rowsTable(graphmodel.TiesFile, tieHeader, ties))
	}
	what := "alliances of three or more states"
	if mapping == MapClubs {
		what = "alliances"
	}
	rep.mapped("clubs", clubsN, "%s → %s clubs (%s)", what, Num(clubsN), graphmodel.ClubsFile)
	rep.mapped("memberships", len(mems), "%s of those → %s dated memberships (%s)", s.unit, Num(len(mems)), graphmodel.MembershipsFile)
	out.Tables = append(out.Tables, rowsTable(graphmodel.ClubsFile, clubHeader, clubs), rowsTable(graphmodel.MembershipsFile, memHeader, mems))
	rep.dropped("too-few", tooFew, "alliances with fewer than two distinct states dropped (%s %s)", Num(tooFewRows), s.unit)
	rep.dropped("never-overlap", neverOverlap, "two-state alliances whose members' spells never overlap dropped")
	rep.note("repeated", repeated, "repeated %s of a state in one alliance (further spells or treaty phases): each its own membership, or paired with the partner's overlapping spells as tie rows", s.unit)
	rep.note("apart", apart, "pairs of a two-state alliance's spells that do not overlap (no tie row)")
	rep.note("asymmetric", asymRows, "tie rows with asymmetric obligations (in %s two-state alliances): source_obligations and target_obligations say which side owes what", Num(asymAlliances))
	rep.note("club-asymmetric", clubAsym, "clubs whose members owe different obligations (each membership's obligations column)")
	rep.note("no-obligation", noObl, "tie rows with no obligation coded on either side (weight 1, no domains)")
	rep.note("clipped", clipped, "clubs starting at their first membership rather than the alliance's earlier start (alliance_since keeps it)")
	rep.note("bilateral-clubs", bilateralClubs, "two-state alliances mapped to clubs (--mapping clubs)")
	return out
}

// censor is a tie spell's left (or right) censoring: that of the member row whose
// membership bounds the spell at that end ("1" if either does when both do).
func censor(a, b spell, p period, left bool) string {
	va, vb := a.rc, b.rc
	ta, tb := a.period.until, b.period.until
	end := p.until
	key := endKey
	if left {
		va, vb = a.lc, b.lc
		ta, tb = a.period.since, b.period.since
		end = p.since
		key = startKey
	}
	var vals []string
	if key(ta) == key(end) {
		vals = append(vals, va)
	}
	if key(tb) == key(end) {
		vals = append(vals, vb)
	}
	out := ""
	for _, v := range vals {
		switch {
		case v == "1":
			return "1"
		case v == "0":
			out = "0"
		}
	}
	return out
}

// clubName names a club by its type (or obligations) and members: "Defense Pact:
// Austria-Hungary, Baden, Bavaria and 8 others".
func clubName(s *scheme, al *alliance, codes []int, union obligations, actors *actorSet) string {
	kind := al.kind
	if kind == "" {
		var words []string
		for i, d := range s.domains {
			if union&(1<<i) != 0 {
				words = append(words, strings.ToLower(d))
			}
		}
		if len(words) == 0 {
			kind = "No obligations"
		} else {
			kind = strings.ToUpper(words[0][:1]) + strings.Join(words, ", ")[1:]
		}
	}
	names := make([]string, len(codes))
	for i, c := range codes {
		if names[i] = actors.name(c); names[i] == "" {
			names[i] = actors.id(c)
		}
	}
	var list string
	switch n := len(names); {
	case n > 4: // the first three by code, and a count
		list = fmt.Sprintf("%s and %d others", strings.Join(names[:3], ", "), n-3)
	case n > 1:
		list = strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	default:
		list = strings.Join(names, "")
	}
	return kind + ": " + list
}
