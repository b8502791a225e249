package importer

import (
	"regexp"
	"strconv"

	"github.com/liaison-net/liaison/graphmodel"
)

var atopObligations = []string{"defense", "offense", "neutral", "nonagg", "consul"}

func atopScheme(withAlliances bool, provisions []string) *scheme {
	s := &scheme{
		source:   ATOPSource,
		prefix:   "ATOP",
		idColumn: "atopid",
		domains:  []string{"DEFENSE", "OFFENSE", "NEUTRALITY", "NONAGGRESSION", "CONSULTATION"},
		columns:  atopObligations,
		weights:  []int{3, 3, 2, 2, 1},
		unit:     "member rows",
		phases:   true,
	}
	if withAlliances {
		s.tieExtra = []string{"institution", "formality"}
		s.clubExtra = append(append([]string(nil), provisions...), "institution", "formality")
	}
	return s
}

// ATOPItems are the values of an ATOP alliance-level row that the Leeds–Anac measures read,
// by column name; a missing (empty) value is absent from the map.
type ATOPItems map[string]int

func (it ATOPItems) is(col string, vals ...int) bool {
	v, ok := it[col]
	if !ok {
		return false
	}
	for _, w := range vals {
		if v == w {
			return true
		}
	}
	return false
}

func (it ATOPItems) positive(col string) bool { v, ok := it[col]; return ok && v > 0 }

func (it ATOPItems) anyKnown(cols ...string) bool {
	for _, c := range cols {
		if _, ok := it[c]; ok {
			return true
		}
	}
	return false
}

// MilitaryInstitution is Leeds and Anac's (2005) peacetime military institutionalisation of
// an alliance, 0 (none), 1 (moderate) or 2 (high), computed from the ATOP alliance-level
// columns exactly as the Stata code the ATOP project distributes with the measure
// (leeds-anac-2005.do; ATOP 4.01 also ships its result as milinst, which the tests compare):
//
//	high (2), any of:
//	  common defence policy          milcon = 3 (ATOP's military contact item at its
//	                                 highest level: coordinated doctrine, training,
//	                                 procurement or planning; ATOP's compag is companion
//	                                 agreements, not this)
//	  integrated military command    intcom = 1
//	  troop placements or bases      base > 0 (base 1–3)
//	moderate (1), else any of:
//	  peacetime military contact     milcon = 2
//	  specific military aid          milaid = 3 or 4
//	  subordination of forces        subord > 0
//	  specific contributions         contrib = 1 (troops, supplies, funds)
//	  military organisation          orgpurp1 or orgpurp2 = 1 or 4 (a formal organisation
//	                                 with a military purpose)
//	none (0) otherwise.
//
// ok is false (unknown) when every item of both levels is missing. The club and tie column
// institution is level / 2: 0, 0.5 or 1 — the ordinal levels scaled to [0, 1], which the
// typology reads as a club factor (contract §4).
func MilitaryInstitution(it ATOPItems) (level int, ok bool) {
	milorg := it.is("orgpurp1", 1, 4) || it.is("orgpurp2", 1, 4)
	high := it.is("milcon", 3) || it.is("intcom", 1) || it.positive("base")
	moderate := it.is("milcon", 2) || it.is("milaid", 3, 4) || it.positive("subord") || it.is("contrib", 1) || milorg
	switch {
	case high:
		return 2, true
	case moderate:
		return 1, true
	case !it.anyKnown("milcon", "intcom", "base", "milaid", "subord", "contrib", "orgpurp1", "orgpurp2"):
		return 0, false
	}
	return 0, true
}

// Formality is Leeds and Anac's (2005) formality of an alliance, 0, 1 or 2: one point for a
// public treaty (pubtreat: estmode = 1, a written treaty, and pubsecr ≠ 2, not entirely
// secret) and one for a formal organisation (formorg: organ1 or organ2 = 2 or 3), computed
// as the ATOP project's Stata code does (ATOP 4.01's formal): 2 when both, 1 when exactly
// one is known to hold and the other known not to, 0 otherwise; unknown when estmode,
// pubsecr, organ1 and organ2 are all missing. The column formality is level / 2.
func Formality(it ATOPItems) (level int, ok bool) {
	pubKnown := it.anyKnown("estmode", "pubsecr")
	orgKnown := it.anyKnown("organ1", "organ2")
	if !pubKnown && !orgKnown {
		return 0, false
	}
	pub := it.is("estmode", 1) && !it.is("pubsecr", 2)
	org := it.is("organ1", 2, 3) || it.is("organ2", 2, 3)
	switch {
	case pub && org:
		return 2, true
	case pub && orgKnown, org && pubKnown:
		return 1, true
	}
	return 0, true
}

var atopItemColumns = []string{"milcon", "intcom", "base", "milaid", "subord", "contrib", "orgpurp1", "orgpurp2", "estmode", "pubsecr", "organ1", "organ2"}

// atopAlliance is one row of the alliance-level file.
type atopAlliance struct {
	dates       period
	hasDates    bool
	provisions  []string
	institution string // "0", "0.5", "1" or "" (unknown)
	formality   string
}

var memColumn = regexp.MustCompile(`^mem[0-9]+$`)

func scaled(level int, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatFloat(float64(level)/2, 'f', -1, 64)
}

// readATOPAlliances reads the alliance-level file: the provisions (every column but
// atopid, the dates, the member list mem1… and the obligations, which come from the member
// rows) and the Leeds–Anac measures.
func readATOPAlliances(path string, probs *problems, yearOnly *int) (map[int]*atopAlliance, []string, error) {
	c, ok, err := openCSV(path, probs, append([]string{"atopid"}, atopItemColumns...)...)
	if err != nil || !ok {
		return nil, nil, err
	}
	defer c.close()
	skip := map[string]bool{"atopid": true, "begyr": true, "begmo": true, "begday": true, "endyr": true, "endmo": true, "endday": true}
	for _, o := range atopObligations {
		skip[o] = true
	}
	// The provisions in the file's column order.
	byIndex := make([]string, 0, len(c.col))
	for name, i := range c.col {
		for len(byIndex) <= i {
			byIndex = append(byIndex, "")
		}
		byIndex[i] = name
	}
	var provisions []string
	var provIdx []int
	for i, name := range byIndex {
		if name == "" || skip[name] || memColumn.MatchString(name) {
			continue
		}
		if name == "institution" || name == "formality" || name == "name" || name == "id" || name == "since" || name == "until" {
			continue
		}
		provisions = append(provisions, name)
		provIdx = append(provIdx, i)
	}
	hasDates := c.has("begyr") && c.has("endyr")
	out := map[int]*atopAlliance{}
	lines := map[int]int{}
	var readErr error
	for rec, line := range c.records(&readErr) {
		id, ok := c.required(rec, line, "atopid")
		if !ok {
			continue
		}
		if first, dup := lines[id]; dup {
			probs.add(path, line, "atopid", graphmodel.ErrDuplicateID, "duplicate atopid %d (first on line %d)", id, first)
			continue
		}
		lines[id] = line
		items := ATOPItems{}
		good := true
		for _, col := range atopItemColumns {
			if c.field(rec, col) == "" {
				continue
			}
			v, ok := c.integer(rec, line, col, 0)
			good = good && ok
			items[col] = v
		}
		a := &atopAlliance{provisions: make([]string, len(provIdx))}
		for k, i := range provIdx {
			a.provisions[k] = c.text(rec, line, byIndex[i])
		}
		if hasDates {
			since, ok1 := c.dateOf(rec, line, "begyr", "begmo", "begday", yearOnly)
			until, ok2 := c.dateOf(rec, line, "endyr", "endmo", "endday", yearOnly)
			good = good && ok1 && ok2
			a.dates, a.hasDates = period{since, until}, since.Year != 0
			if ok1 && ok2 && !a.dates.valid() {
				probs.add(path, line, "endyr", graphmodel.ErrUntilBefore, "alliance ends %s, before it starts %s", until, since)
				good = false
			}
		}
		if !good {
			continue
		}
		a.institution = scaled(MilitaryInstitution(items))
		a.formality = scaled(Formality(items))
		out[id] = a
	}
	if readErr != nil {
		return nil, nil, readErr
	}
	return out, provisions, nil
}

// ATOP imports the ATOP member-level file (4.01: atop-member-level.csv, one row per state
// per alliance and phase), with Options.Alliances the alliance-level file. Phases are
// spells: a two-state alliance's tie rows pair the members' rows phase by phase. yrexit 0
// means still in force. With the alliance-level file, clubs carry its provisions and the
// Leeds–Anac columns institution and formality (MilitaryInstitution, Formality), which tie
// rows of bilateral alliances carry too.
func ATOP(path string, o Options) (*Output, *Report, error) {
	o, err := o.check(ATOPSource)
	if err != nil {
		return nil, nil, err
	}
	var probs problems
	states, err := o.loadStates(&probs)
	if err != nil {
		return nil, nil, err
	}
	yearOnly := 0
	var level map[int]*atopAlliance
	var provisions []string
	if o.Alliances != "" {
		level, provisions, err = readATOPAlliances(o.Alliances, &probs, &yearOnly)
		if err != nil {
			return nil, nil, err
		}
	}
	c, ok, err := openCSV(path, &probs, "atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit",
		"defense", "offense", "neutral", "nonagg", "consul")
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, probs.err(path)
	}
	defer c.close()
	s := atopScheme(o.Alliances != "", provisions)
	actors := newActorSet(states)
	byID := map[int]*alliance{}
	var alls []*alliance
	rows, emptyObl, inForce, noLevel := 0, 0, 0, 0
	var readErr error
	for rec, line := range c.records(&readErr) {
		rows++
		id, ok1 := c.required(rec, line, "atopid")
		code, ok2 := c.required(rec, line, "member")
		since, ok3 := c.dateOf(rec, line, "yrent", "moent", "dayent", &yearOnly)
		until, ok4 := c.dateOf(rec, line, "yrexit", "moexit", "dayexit", &yearOnly)
		phase, ok5 := c.integer(rec, line, "phase", 0)
		var obl obligations
		okObl := true
		for i, col := range s.columns {
			v, ok := c.flag(rec, line, col, &emptyObl)
			okObl = okObl && ok
			if v {
				obl |= 1 << i
			}
		}
		if !(ok1 && ok2 && ok3 && ok4 && ok5 && okObl) {
			continue
		}
		if until.IsZero() {
			inForce++
		}
		p := period{since, until}
		if !p.valid() {
			probs.add(path, line, "yrexit", graphmodel.ErrUntilBefore, "membership ends %s, before it starts %s", until, since)
			continue
		}
		actors.see(code, "")
		al := byID[id]
		if al == nil {
			al = &alliance{id: strconv.Itoa(id)}
			if level != nil {
				a := level[id]
				if a == nil {
					noLevel++
					a = &atopAlliance{provisions: make([]string, len(provisions))}
				}
				al.dates, al.hasDates = a.dates, a.hasDates
				al.tieExtra = []string{a.institution, a.formality}
				al.clubExtra = append(append([]string(nil), a.provisions...), a.institution, a.formality)
			}
			byID[id] = al
			alls = append(alls, al)
		}
		al.spells = append(al.spells, spell{code: code, period: p, obl: obl, phase: phase})
	}
	if readErr != nil {
		return nil, nil, readErr
	}
	if err := probs.err(path); err != nil {
		return nil, nil, err
	}
	rep := &Report{Source: ATOPSource, Inputs: o.inputs(path)}
	rep.read("rows", rows, "member rows: %s alliances, %s states", Num(len(alls)), Num(len(actors.names)))
	if level != nil {
		known := 0
		for _, a := range level {
			if a.institution != "" {
				known++
			}
		}
		rep.read("alliance-rows", len(level), "alliance-level rows: %s provisions each; Leeds–Anac institution known for %s", Num(len(provisions)), Num(known))
	}
	out := build(s, alls, actors, o.Mapping, rep)
	rep.note("in-force", inForce, "member rows still in force (yrexit 0: empty until)")
	rep.note("empty-obligation", emptyObl, "empty obligation fields read as 0")
	rep.note("year-only", yearOnly, "dates without a complete day and month, kept as the year")
	rep.note("no-alliance-row", noLevel, "alliances missing from the alliance-level file (no provisions, no institution)")
	if level != nil {
		unused := 0
		for id := range level {
			if byID[id] == nil {
				unused++
			}
		}
		rep.dropped("alliance-only", unused, "alliance-level rows without member rows dropped")
	}
	o.noteStates(rep, actors)
	return out, rep, nil
}
