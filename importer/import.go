package importer

import (
	"fmt"
	"strings"
)

// Source names.
const (
	CowAlliance = "cow-alliance" // COW Formal Alliances, member level
	ATOPSource  = "atop"         // ATOP, member level (+ alliance level)
	CowIGO      = "cow-igo"      // COW IGO, non-directed dyad-years
	PajekSource = "pajek"        // Pajek .net/.paj
	GraphMLSrc  = "graphml"      // GraphML
	GEXFSource  = "gexf"         // GEXF 1.2 and 1.3
)

// Sources are the names Import knows, in the order of the documentation.
var Sources = []string{CowAlliance, ATOPSource, CowIGO, PajekSource, GraphMLSrc, GEXFSource, TDRivalries, CowMID}

// Options are the choices of an import.
type Options struct {
	// States is the path of the COW state list (cow_states.csv) that turns codes into ids
	// (stateabb) and names (statenme); empty: ids are the codes.
	States string
	// Mapping of the alliance sources: MapDefault ("" too) or MapClubs.
	Mapping Mapping
	// Alliances is the ATOP alliance-level file (provisions and the institution index).
	Alliances string
	// With is a data set folder that the rivalry sources add rivalries.csv to (rivalries.go).
	With string
}

// check validates o for source and fills defaults.
func (o Options) check(source string) (Options, error) {
	switch o.Mapping {
	case "":
		o.Mapping = MapDefault
	case MapDefault, MapClubs:
	default:
		return o, fmt.Errorf("mapping %q: want %s or %s", o.Mapping, MapDefault, MapClubs)
	}
	if o.Mapping == MapClubs && source != CowAlliance && source != ATOPSource {
		return o, fmt.Errorf("mapping %s applies to the alliance sources, not %s", o.Mapping, source)
	}
	if o.States != "" && isNetwork(source) {
		return o, fmt.Errorf("a state list applies to the COW and ATOP sources, not %s", source)
	}
	if o.Alliances != "" && source != ATOPSource {
		return o, fmt.Errorf("an alliance-level file applies to %s, not %s", ATOPSource, source)
	}
	if o.With != "" && source != TDRivalries && source != CowMID {
		return o, fmt.Errorf("--with applies to %s and %s, not %s", TDRivalries, CowMID, source)
	}
	return o, nil
}

func (o Options) loadStates(probs *problems) (*States, error) {
	if o.States == "" {
		return nil, nil
	}
	return loadStates(o.States, probs)
}

func (o Options) inputs(paths ...string) []string {
	out := append([]string(nil), paths...)
	if o.Alliances != "" {
		out = append(out, o.Alliances)
	}
	if o.States != "" {
		out = append(out, o.States)
	}
	return out
}

// noteStates reports how ids were made and the codes not in the state list.
func (o Options) noteStates(rep *Report, actors *actorSet) {
	if actors.states == nil {
		rep.Notes = append(rep.Notes, Item{Key: "no-states", N: len(actors.ids), Text: "actor ids are COW codes (no state list given: --states)"})
		return
	}
	unknown := map[int]int{}
	for code, n := range actors.unknown {
		if _, used := actors.ids[code]; used {
			unknown[code] = n
		}
	}
	rep.unknown(unknown)
}

// isNetwork reports whether source is one of the network file formats.
func isNetwork(source string) bool {
	return source == PajekSource || source == GraphMLSrc || source == GEXFSource
}

// Import runs the importer of source on the input files: one file for cow-alliance and
// atop (the member-level file; Options.Alliances names ATOP's alliance-level file), one or
// more for cow-igo, one for pajek, graphml and gexf. An unknown source wraps ErrUnknownSource.
func Import(source string, files []string, o Options) (*Output, *Report, error) {
	want := func(n int) error {
		if len(files) != n {
			return fmt.Errorf("%s reads %d input file, got %d", source, n, len(files))
		}
		return nil
	}
	switch source {
	case CowAlliance:
		if err := want(1); err != nil {
			return nil, nil, err
		}
		return COWAlliance(files[0], o)
	case ATOPSource:
		if err := want(1); err != nil {
			return nil, nil, err
		}
		return ATOP(files[0], o)
	case CowIGO:
		if len(files) == 0 {
			return nil, nil, fmt.Errorf("%s reads one or more input files, got none", source)
		}
		return COWIGO(files, o)
	case TDRivalries, CowMID:
		if err := want(1); err != nil {
			return nil, nil, err
		}
		if source == TDRivalries {
			return TDRivalriesImport(files[0], o)
		}
		return COWMIDImport(files[0], o)
	case PajekSource, GraphMLSrc, GEXFSource:
		if err := want(1); err != nil {
			return nil, nil, err
		}
		switch source {
		case PajekSource:
			return Pajek(files[0], o)
		case GraphMLSrc:
			return GraphML(files[0], o)
		}
		return GEXF(files[0], o)
	}
	return nil, nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownSource, source, strings.Join(Sources, ", "))
}
