package importer

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// GEXF imports a GEXF 1.2 or 1.3 file, static or dynamic. See the package documentation for
// the mapping.
func GEXF(path string, o Options) (*Output, *Report, error) {
	if _, err := o.check(GEXFSource); err != nil {
		return nil, nil, err
	}
	var probs problems
	x, err := openXML(path, &probs)
	if err != nil {
		return nil, nil, err
	}
	defer x.close()
	n := newNetOut()
	var chk netCheck
	attrs := map[string]map[string]*xmlAttr{"node": {}, "edge": {}}
	order := map[string][]*xmlAttr{}
	taken := map[string]map[string]bool{
		"node": {"id": true, "name": true},
		"edge": {"id": true, "source": true, "target": true, "weight": true, "since": true, "until": true, "domains": true},
	}
	type edgeState struct {
		tie      netTie
		line     int
		spells   [][2]string
		start    string
		end      string
		hasStart bool
		skip     bool
	}
	var (
		timeformat = "double"
		class      string   // class of the <attributes> being read
		curAttr    *xmlAttr // <attribute> being declared
		inDefault  bool
		buf        strings.Builder
		nodes      []int
		edge       *edgeState
		version    string
		nodeSpells int
		dynValues  int
		directed   int
		loops      int
		nonpos     int
		edgesRead  int
		spellRows  int
		split      int
		defaultDir bool
	)
	// when parses a GEXF time as a contract time; ok is false after reporting a bad one.
	when := func(v string, line int, what string) (string, bool) {
		v = strings.TrimSpace(v)
		if v == "" {
			return "", true
		}
		s := v
		switch timeformat {
		case "date", "datetime":
			if len(s) > 10 && s[10] == 'T' {
				s = s[:10]
			}
		default: // integer, double: a year
			if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int64(f)) {
				s = strconv.FormatInt(int64(f), 10)
			}
		}
		if _, err := graphmodel.ParseTime(s); err != nil {
			probs.add(path, line, what, graphmodel.ErrBadTime, "%s %q is not a %s time (a year, or an ISO date YYYY-MM-DD)", what, v, timeformat)
			return "", false
		}
		return s, true
	}
	curNode := func() int {
		if len(nodes) == 0 {
			return -1
		}
		return nodes[len(nodes)-1]
	}
	for {
		tok, err := x.next()
		if err != nil {
			return nil, nil, err
		}
		if tok == nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line := x.line()
			switch t.Name.Local {
			case "gexf":
				version, _ = attr(t, "version")
			case "graph":
				if tf, ok := attr(t, "timeformat"); ok {
					timeformat = strings.ToLower(tf)
				}
				switch timeformat {
				case "integer", "double", "date", "datetime":
				default:
					probs.add(path, line, "timeformat", graphmodel.ErrBadTime, "timeformat %q: want integer, double, date or dateTime", timeformat)
				}
				if d, _ := attr(t, "defaultedgetype"); d == "directed" {
					defaultDir = true
				}
			case "attributes":
				class, _ = attr(t, "class")
				if class != "node" && class != "edge" {
					probs.add(path, line, "class", graphmodel.ErrSyntax, "attributes of class %q: want node or edge", class)
					class = ""
				}
			case "attribute":
				if class == "" {
					break
				}
				id, _ := attr(t, "id")
				if id == "" {
					probs.add(path, line, "id", graphmodel.ErrEmptyID, "attribute without an id")
					break
				}
				title, _ := attr(t, "title")
				if title == "" {
					title = id
				}
				typ, _ := attr(t, "type")
				k, known := kindOf(typ)
				if !known {
					probs.add(path, line, "type", graphmodel.ErrSyntax, "attribute %q: unknown type %q", id, typ)
				}
				curAttr = declare(n, class == "edge", title, k, taken[class])
				attrs[class][id] = curAttr
				order[class] = append(order[class], curAttr)
			case "default":
				if curAttr != nil {
					inDefault = true
					buf.Reset()
				}
			case "node":
				if edge != nil {
					break
				}
				id, _ := attr(t, "id")
				if id == "" {
					probs.add(path, line, "id", graphmodel.ErrEmptyID, "node without an id")
					nodes = append(nodes, -1)
					break
				}
				label, _ := attr(t, "label")
				u, fresh := n.actor(id, "")
				if !fresh {
					probs.add(path, line, "id", graphmodel.ErrDuplicateID, "duplicate node id %q", id)
					nodes = append(nodes, -1)
					break
				}
				nodes = append(nodes, u)
				for _, a := range order["node"] {
					if a.def != "" {
						setValue(n, a, u, nil, a.def, path, line, &probs, &chk)
					}
				}
				if label != "" && label != id {
					n.names[u] = label // a name attribute, when given, replaces it
				}
				_, s1 := attr(t, "start")
				_, s2 := attr(t, "end")
				if s1 || s2 {
					nodeSpells++
				}
			case "edge":
				edgesRead++
				src, _ := attr(t, "source")
				tgt, _ := attr(t, "target")
				e := &edgeState{line: line, tie: netTie{source: src, target: tgt, weight: "1"}}
				edge = e
				if w, ok := attr(t, "weight"); ok && strings.TrimSpace(w) != "" {
					e.tie.weight = strings.TrimSpace(w)
				}
				if d, _ := attr(t, "type"); d == "directed" || (d == "" && defaultDir) {
					directed++
				}
				if src == "" || tgt == "" {
					probs.add(path, line, "", graphmodel.ErrEmptyID, "edge without a source or target")
					e.skip = true
					break
				}
				if src == tgt {
					loops++
					e.skip = true
					break
				}
				for _, a := range order["edge"] {
					if a.def != "" {
						setValue(n, a, -1, &e.tie, a.def, path, line, &probs, &chk)
					}
				}
				s, ok1 := attr(t, "start")
				if !ok1 {
					s, ok1 = attr(t, "startopen")
				}
				en, ok2 := attr(t, "end")
				if !ok2 {
					en, ok2 = attr(t, "endopen")
				}
				if ok1 || ok2 {
					var ok bool
					if e.start, ok = when(s, line, "start"); !ok {
						e.skip = true
					}
					if e.end, ok = when(en, line, "end"); !ok {
						e.skip = true
					}
					e.hasStart = true
				}
			case "spell", "slice":
				if edge == nil {
					if curNode() >= 0 {
						nodeSpells++
					}
					break
				}
				s, _ := attr(t, "start")
				if s == "" {
					s, _ = attr(t, "startopen")
				}
				en, _ := attr(t, "end")
				if en == "" {
					en, _ = attr(t, "endopen")
				}
				a, ok1 := when(s, line, "start")
				b, ok2 := when(en, line, "end")
				if ok1 && ok2 {
					edge.spells = append(edge.spells, [2]string{a, b})
				}
			case "attvalue":
				key, ok := attr(t, "for")
				if !ok {
					key, _ = attr(t, "id") // GEXF 1.1
				}
				v, _ := attr(t, "value")
				_, dyn1 := attr(t, "start")
				_, dyn2 := attr(t, "end")
				if edge != nil {
					if edge.skip {
						break
					}
					a := attrs["edge"][key]
					if key == "weight" && (a == nil || dyn1 || dyn2) {
						break // a dynamic weight (1.3; liaison's per-year weights): the edge's weight attribute stands
					}
					if a == nil {
						probs.add(path, line, "for", graphmodel.ErrUnknownRef, "attvalue for undeclared edge attribute %q", key)
						break
					}
					if dyn1 || dyn2 {
						dynValues++
					}
					setValue(n, a, -1, &edge.tie, v, path, line, &probs, &chk)
				} else if u := curNode(); u >= 0 {
					a := attrs["node"][key]
					if a == nil {
						probs.add(path, line, "for", graphmodel.ErrUnknownRef, "attvalue for undeclared node attribute %q", key)
						break
					}
					if dyn1 || dyn2 {
						dynValues++
					}
					setValue(n, a, u, nil, v, path, line, &probs, &chk)
				}
			}
		case xml.CharData:
			if inDefault && buf.Len() < 1<<20 {
				buf.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "default":
				if inDefault && curAttr != nil {
					curAttr.def = buf.String()
				}
				inDefault = false
			case "attribute":
				curAttr = nil
			case "attributes":
				class = ""
			case "node":
				if edge == nil && len(nodes) > 0 {
					nodes = nodes[:len(nodes)-1]
				}
			case "edge":
				e := edge
				edge = nil
				if e == nil || e.skip {
					break
				}
				w, ok, positive := weightOf(e.tie.weight)
				if !ok {
					probs.add(path, e.line, "weight", ErrBadNumber, "weight %q is not a number", e.tie.weight)
					break
				}
				if !positive {
					nonpos++
					break
				}
				spells := e.spells
				if len(spells) == 0 && e.hasStart {
					spells = [][2]string{{e.start, e.end}}
				}
				if len(spells) == 0 {
					n.ties = append(n.ties, e.tie)
					chk.lines = append(chk.lines, e.line)
					break
				}
				weight := e.tie.weight
				if len(spells) > 1 {
					split++
					weight = strconv.FormatFloat(w/float64(len(spells)), 'g', -1, 64)
				}
				for _, sp := range spells {
					if sp[0] != "" && sp[1] != "" {
						a, _ := graphmodel.ParseTime(sp[0])
						b, _ := graphmodel.ParseTime(sp[1])
						if !(period{a, b}).valid() {
							probs.add(path, e.line, "end", graphmodel.ErrUntilBefore, "spell ends %s, before it starts %s", sp[1], sp[0])
							continue
						}
					}
					row := e.tie
					row.extra = append([]string(nil), e.tie.extra...)
					row.weight = weight
					row.since, row.until = sp[0], sp[1]
					n.ties = append(n.ties, row)
					chk.lines = append(chk.lines, e.line)
					spellRows++
				}
			}
		}
	}
	if len(probs.list) == 0 {
		chk.resolve(n, path, &probs)
	}
	if err := probs.err(path); err != nil {
		return nil, nil, err
	}
	edgesOut := len(n.ties)
	multi := n.splitDomains()
	rep := &Report{Source: GEXFSource, Inputs: o.inputs(path)}
	if version == "" {
		version = "?"
	}
	rep.read("edges", edgesRead, "edges over %s nodes (GEXF %s, timeformat %s)", Num(len(n.ids)), version, timeformat)
	rep.mapped("actors", len(n.ids), "nodes → actors (actors.csv; name from the name attribute or the label)")
	rep.mapped("ties", len(n.ties), "tie rows (ties.csv), one per edge and spell")
	if cols := append(append([]string(nil), n.actorCols...), n.tieCols...); len(cols) > 0 {
		rep.mapped("columns", len(cols), "attributes → typed columns: %s", strings.Join(cols, ", "))
	}
	rep.note("spell-rows", spellRows, "tie rows from edge spells (since/until)")
	rep.note("split", split, "edges with several spells: the edge weight shared equally among its rows (over all time the rows add up to it)")
	rep.note("multiplex", multi, "edges with several domains made one tie row per domain (%s rows from %s), the weight shared equally", Num(len(n.ties)-edgesOut+multi), Num(multi))
	rep.dropped("nonpositive", nonpos, "edges with a weight of 0 or less dropped (weights must be > 0)")
	rep.dropped("self-loops", loops, "loops (a node tied to itself) dropped")
	rep.dropped("computed", len(chk.drops), "computed attributes dropped (analyze recomputes them): %s", chk.dropList())
	rep.dropped("node-spells", nodeSpells, "node spells dropped (a node is present while its ties are)")
	rep.note("dynamic-values", dynValues, "dynamic attribute values read as static (the last given)")
	rep.note("directed", directed, "directed edges read as undirected ties")
	return n.output(), rep, nil
}
