package importer

import (
	"sort"
	"strconv"

	"github.com/liaison-net/liaison/graphmodel"
)

// State is one state of the COW state system membership list.
type State struct {
	Code int    // ccode
	Abb  string // stateabb, the actor id
	Name string // statenme
}

// States is the COW state list (cow_states.csv: stateabb, ccode, statenme; a state with
// several periods of membership has several rows with the same code and abbreviation).
type States struct {
	Path   string
	byCode map[int]State
}

// Lookup returns the state with the COW code.
func (s *States) Lookup(code int) (State, bool) {
	if s == nil {
		return State{}, false
	}
	st, ok := s.byCode[code]
	return st, ok
}

// Len is the number of distinct states.
func (s *States) Len() int { return len(s.byCode) }

// LoadStates reads the COW state list at path. Problems (a missing column, a code that is
// not a number, an empty abbreviation, a code with two abbreviations or an abbreviation of
// two codes) come as a *graphmodel.ValidationError.
func LoadStates(path string) (*States, error) {
	var probs problems
	s, err := loadStates(path, &probs)
	if err != nil {
		return nil, err
	}
	if err := probs.err(path); err != nil {
		return nil, err
	}
	return s, nil
}

func loadStates(path string, probs *problems) (*States, error) {
	c, ok, err := openCSV(path, probs, "stateabb", "ccode", "statenme")
	if err != nil || !ok {
		return nil, err
	}
	defer c.close()
	s := &States{Path: path, byCode: map[int]State{}}
	firstLine := map[int]int{}
	abbCode := map[string]int{}
	abbLine := map[string]int{}
	var readErr error
	for rec, line := range c.records(&readErr) {
		code, ok := c.required(rec, line, "ccode")
		abb := c.text(rec, line, "stateabb")
		name := c.text(rec, line, "statenme")
		if abb == "" {
			probs.add(path, line, "stateabb", graphmodel.ErrEmptyID, "empty stateabb")
			continue
		}
		if !ok {
			continue
		}
		if prev, seen := s.byCode[code]; seen {
			if prev.Abb != abb {
				probs.add(path, line, "stateabb", ErrConflict, "ccode %d is %q here but %q on line %d", code, abb, prev.Abb, firstLine[code])
			}
			continue
		}
		if other, used := abbCode[abb]; used && other != code {
			probs.add(path, line, "stateabb", ErrConflict, "stateabb %q is ccode %d here but %d on line %d", abb, code, other, abbLine[abb])
			continue
		}
		s.byCode[code] = State{Code: code, Abb: abb, Name: name}
		firstLine[code] = line
		abbCode[abb], abbLine[abb] = code, line
	}
	if readErr != nil {
		return nil, readErr
	}
	return s, nil
}

// actorSet gives each state code its actor id and collects the actors used.
type actorSet struct {
	states  *States
	ids     map[int]string
	names   map[int]string // names given by the data, for codes not in the list
	unknown map[int]int    // codes not in the list -> input rows using them
}

func newActorSet(states *States) *actorSet {
	return &actorSet{states: states, ids: map[int]string{}, names: map[int]string{}, unknown: map[int]int{}}
}

// see counts an input row that uses code, with the name the data gives (may be empty).
// Without a state list no code is unknown: every id is a code.
func (a *actorSet) see(code int, name string) {
	if a.names[code] == "" {
		a.names[code] = name
	}
	if _, ok := a.states.Lookup(code); !ok && a.states != nil {
		a.unknown[code]++
	}
}

// id returns the actor id of code and marks it used: the state list's abbreviation, or
// the code as text.
func (a *actorSet) id(code int) string {
	if id, ok := a.ids[code]; ok {
		return id
	}
	id := strconv.Itoa(code)
	if st, ok := a.states.Lookup(code); ok {
		id = st.Abb
	}
	a.ids[code] = id
	return id
}

// name is the state's name: the list's, else the data's.
func (a *actorSet) name(code int) string {
	if st, ok := a.states.Lookup(code); ok && st.Name != "" {
		return st.Name
	}
	return a.names[code]
}

// table is actors.csv: the actors used, by code: id, name, type (state), ccode.
func (a *actorSet) table() *Table {
	codes := make([]int, 0, len(a.ids))
	for c := range a.ids {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	rows := make([][]string, len(codes))
	for i, c := range codes {
		rows[i] = []string{a.ids[c], a.name(c), "state", strconv.Itoa(c)}
	}
	return rowsTable(graphmodel.ActorsFile, []string{"id", "name", "type", "ccode"}, rows)
}
