package importer

import (
	"math"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/analysis"
)

// netOut gathers the actors and tie rows of a network file (Pajek, GraphML, GEXF) and turns
// them into an Output.
type netOut struct {
	ids   []string
	index map[string]int
	names []string

	actorCols []string   // extra actors.csv columns, in order
	actorVals [][]string // [column][actor]

	tieCols []string // extra ties.csv columns
	ties    []netTie
}

type netTie struct {
	source, target string
	weight         string
	since, until   string
	domains        string
	extra          []string // by tieCols; may be shorter
}

func newNetOut() *netOut { return &netOut{index: map[string]int{}} }

// actor adds an actor (or returns the index of a known one).
func (n *netOut) actor(id, name string) (int, bool) {
	if i, ok := n.index[id]; ok {
		return i, false
	}
	n.index[id] = len(n.ids)
	n.ids = append(n.ids, id)
	n.names = append(n.names, name)
	for c := range n.actorVals {
		n.actorVals[c] = append(n.actorVals[c], "")
	}
	return len(n.ids) - 1, true
}

// actorColumn adds an extra actors.csv column and returns its index.
func (n *netOut) actorColumn(name string) int {
	n.actorCols = append(n.actorCols, name)
	n.actorVals = append(n.actorVals, make([]string, len(n.ids)))
	return len(n.actorCols) - 1
}

// output builds actors.csv and ties.csv. Optional columns (name, since/until, domains) are
// written only when some row has a value.
func (n *netOut) output() *Output {
	hasName := false
	for _, nm := range n.names {
		hasName = hasName || nm != ""
	}
	ah := []string{"id"}
	if hasName {
		ah = append(ah, "name")
	}
	ah = append(ah, n.actorCols...)
	arows := make([][]string, len(n.ids))
	for i, id := range n.ids {
		r := []string{id}
		if hasName {
			r = append(r, n.names[i])
		}
		for c := range n.actorCols {
			r = append(r, n.actorVals[c][i])
		}
		arows[i] = r
	}
	hasTime, hasDom := false, false
	for _, t := range n.ties {
		hasTime = hasTime || t.since != "" || t.until != ""
		hasDom = hasDom || t.domains != ""
	}
	th := []string{"source", "target", "weight"}
	if hasTime {
		th = append(th, "since", "until")
	}
	if hasDom {
		th = append(th, "domains")
	}
	th = append(th, n.tieCols...)
	trows := make([][]string, len(n.ties))
	for i, t := range n.ties {
		r := []string{t.source, t.target, t.weight}
		if hasTime {
			r = append(r, t.since, t.until)
		}
		if hasDom {
			r = append(r, t.domains)
		}
		for c := range n.tieCols {
			v := ""
			if c < len(t.extra) {
				v = t.extra[c]
			}
			r = append(r, v)
		}
		trows[i] = r
	}
	return &Output{Tables: []*Table{rowsTable("actors.csv", ah, arows), rowsTable("ties.csv", th, trows)}}
}

// computedNode and computedEdge are the attributes that liaison's own exports compute
// (analysis measures, hub scores, drawing): an import drops them, as analyze recomputes
// them, so that export → import → export gives the same file.
var computedNode, computedEdge = func() (map[string]bool, map[string]bool) {
	node := map[string]bool{"label": true, "x": true, "y": true, "z": true, "size": true, "r": true, "g": true, "b": true,
		"club_ids": true, "hub_score": true, "hub_rank": true}
	for _, m := range analysis.Measures {
		node[m.Name] = true
	}
	edge := map[string]bool{"r": true, "g": true, "b": true, "bilateral": true, "club": true, "class": true,
		"relational_score": true, "p_relational": true, "decided_by": true, "asymmetry": true}
	for _, f := range analysis.TieFactors {
		edge["factor_"+f] = true
	}
	return node, edge
}()

// colKind is the type of a typed attribute (GraphML attr.type, GEXF type).
type colKind int

const (
	kindString colKind = iota
	kindInt
	kindFloat
	kindBool
)

// kindOf maps a GraphML or GEXF attribute type to a column kind; ok is false for an
// unknown type (read as a string).
func kindOf(t string) (colKind, bool) {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "int", "long", "integer", "short", "byte":
		return kindInt, true
	case "float", "double", "bigdecimal":
		return kindFloat, true
	case "boolean", "bool":
		return kindBool, true
	case "string", "", "liststring", "anyuri", "date", "datetime", "char", "biginteger":
		return kindString, true
	}
	return kindString, false
}

// typed checks v against k and returns its text for the CSV: integers as written, floats
// with a decimal point (so that the loader infers a float column, as the file declared),
// booleans as true/false. ok is false for a value that is not of the type.
func typed(k colKind, v string) (string, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", true
	}
	switch k {
	case kindInt:
		if _, err := strconv.ParseInt(v, 10, 64); err != nil {
			return v, false
		}
	case kindFloat:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return v, false
		}
		if !strings.ContainsAny(v, ".eE") {
			v += ".0"
		}
	case kindBool:
		switch strings.ToLower(v) {
		case "true", "1":
			return "true", true
		case "false", "0":
			return "false", true
		}
		return v, false
	}
	return v, true
}

func (k colKind) String() string {
	return [...]string{"string", "integer", "number", "boolean"}[k]
}

// weightOf parses an edge value: ok false for text that is not a finite number; positive
// false for 0 or a negative number (dropped by the caller).
func weightOf(v string) (w float64, ok, positive bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false, false
	}
	return f, true, f > 0
}

// columnName makes name a usable extra column: lower-cased names that a contract file
// uses for its own columns get an input_ prefix, and repeats a numeric suffix.
func columnName(name string, taken map[string]bool) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "attribute"
	}
	for taken[strings.ToLower(name)] {
		name = "input_" + name
	}
	taken[strings.ToLower(name)] = true
	return name
}

// splitDomains makes an edge whose domains list k > 1 relations into k tie rows, one per
// relation (as a Pajek relation is its own row), the edge's weight shared equally among
// them; it returns the number of edges split.
func (n *netOut) splitDomains() int {
	split := 0
	var out []netTie
	for i, t := range n.ties {
		var doms []string
		for _, d := range strings.Split(t.domains, ";") {
			if d = strings.TrimSpace(d); d != "" {
				doms = append(doms, d)
			}
		}
		if len(doms) < 2 {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append([]netTie(nil), n.ties[:i]...)
		}
		split++
		w, _, _ := weightOf(t.weight)
		for _, d := range doms {
			r := t
			r.extra = append([]string(nil), t.extra...)
			r.domains = d
			r.weight = strconv.FormatFloat(w/float64(len(doms)), 'g', -1, 64)
			out = append(out, r)
		}
	}
	if out != nil {
		n.ties = out
	}
	return split
}
