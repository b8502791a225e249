package importer

import (
	"encoding/xml"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// GraphML imports a GraphML file. See the package documentation for the mapping.
func GraphML(path string, o Options) (*Output, *Report, error) {
	if _, err := o.check(GraphMLSrc); err != nil {
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
	nodeKeys, edgeKeys := map[string]*xmlAttr{}, map[string]*xmlAttr{}
	var nodeOrder, edgeOrder []*xmlAttr
	nodeTaken := map[string]bool{"id": true, "name": true}
	edgeTaken := map[string]bool{"id": true, "source": true, "target": true, "weight": true, "since": true, "until": true, "domains": true}
	var (
		curKey      []*xmlAttr // <key> being declared (for its <default>)
		data        *xmlAttr   // <data> being read
		dataLine    int
		buf         strings.Builder
		inText      bool
		nodes       []int // open <node> elements (-1: one in error)
		edge        = -1  // open <edge>: index of its tie row, -1 none, -2 skipped
		edgeLine    int
		defDirected bool
		directed    int
		hyper       int
		loops       int
		nonpos      int
		edgesRead   int
		seenGraphs  int
	)
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
			case "key":
				id, _ := attr(t, "id")
				if id == "" {
					probs.add(path, line, "", graphmodel.ErrEmptyID, "key without an id")
				}
				name, ok := attr(t, "attr.name")
				if !ok || name == "" {
					name = id
				}
				typ, _ := attr(t, "attr.type")
				k, known := kindOf(typ)
				if !known {
					probs.add(path, line, "", graphmodel.ErrSyntax, "key %q: unknown attr.type %q", id, typ)
				}
				curKey = nil
				switch dom, _ := attr(t, "for"); dom {
				case "node":
					a := declare(n, false, name, k, nodeTaken)
					nodeKeys[id] = a
					nodeOrder = append(nodeOrder, a)
					curKey = []*xmlAttr{a}
				case "edge":
					a := declare(n, true, name, k, edgeTaken)
					edgeKeys[id] = a
					edgeOrder = append(edgeOrder, a)
					curKey = []*xmlAttr{a}
				case "all":
					nk := declare(n, false, name, k, nodeTaken)
					ek := declare(n, true, name, k, edgeTaken)
					nodeKeys[id], edgeKeys[id] = nk, ek
					nodeOrder, edgeOrder = append(nodeOrder, nk), append(edgeOrder, ek)
					curKey = []*xmlAttr{nk, ek}
				}
			case "default":
				if len(curKey) > 0 {
					buf.Reset()
					inText = true
				}
			case "graph":
				seenGraphs++
				if d, _ := attr(t, "edgedefault"); d == "directed" && seenGraphs == 1 {
					defDirected = true
				}
			case "node":
				id, _ := attr(t, "id")
				switch {
				case id == "":
					probs.add(path, line, "id", graphmodel.ErrEmptyID, "node without an id")
					nodes = append(nodes, -1)
				default:
					u, fresh := n.actor(id, "")
					if !fresh {
						probs.add(path, line, "id", graphmodel.ErrDuplicateID, "duplicate node id %q", id)
						nodes = append(nodes, -1)
						break
					}
					nodes = append(nodes, u)
					for _, a := range nodeOrder {
						if a.def != "" {
							setValue(n, a, u, nil, a.def, path, line, &probs, &chk)
						}
					}
				}
			case "edge":
				edgesRead++
				src, _ := attr(t, "source")
				tgt, _ := attr(t, "target")
				edgeLine = line
				if d, _ := attr(t, "directed"); d == "true" || (d == "" && defDirected) {
					directed++
				}
				if src == "" || tgt == "" {
					probs.add(path, line, "", graphmodel.ErrEmptyID, "edge without a source or target")
					edge = -2
					break
				}
				if src == tgt {
					loops++
					edge = -2
					break
				}
				n.ties = append(n.ties, netTie{source: src, target: tgt, weight: "1"})
				chk.lines = append(chk.lines, line)
				edge = len(n.ties) - 1
				for _, a := range edgeOrder {
					if a.def != "" {
						setValue(n, a, -1, &n.ties[edge], a.def, path, line, &probs, &chk)
					}
				}
			case "hyperedge":
				hyper++
			case "data":
				k, _ := attr(t, "key")
				keys := nodeKeys
				if edge != -1 {
					keys = edgeKeys
				} else if curNode() == -1 && len(nodes) == 0 {
					break // graph or document data
				}
				data = keys[k]
				if data == nil {
					probs.add(path, line, "key", graphmodel.ErrUnknownRef, "data for undeclared key %q", k)
					break
				}
				dataLine = line
				buf.Reset()
				inText = true
			}
		case xml.CharData:
			if inText && buf.Len() < 1<<20 {
				buf.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "default":
				if inText {
					for _, a := range curKey {
						a.def = buf.String()
					}
				}
				inText = false
			case "key":
				curKey = nil
			case "data":
				if data != nil && inText {
					if edge >= 0 {
						setValue(n, data, -1, &n.ties[edge], buf.String(), path, dataLine, &probs, &chk)
					} else if u := curNode(); u >= 0 && edge == -1 {
						setValue(n, data, u, nil, buf.String(), path, dataLine, &probs, &chk)
					}
				}
				data, inText = nil, false
			case "node":
				if len(nodes) > 0 {
					nodes = nodes[:len(nodes)-1]
				}
			case "edge":
				if edge >= 0 {
					tr := &n.ties[edge]
					if tr.weight == "" {
						tr.weight = "1"
					}
					_, ok, positive := weightOf(tr.weight)
					switch {
					case !ok:
						probs.add(path, edgeLine, "weight", ErrBadNumber, "weight %q is not a number", tr.weight)
					case !positive:
						nonpos++
						n.ties = n.ties[:edge]
						chk.lines = chk.lines[:edge]
					}
				}
				edge = -1
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
	rep := &Report{Source: GraphMLSrc, Inputs: o.inputs(path)}
	rep.read("edges", edgesRead, "edges over %s nodes", Num(len(n.ids)))
	rep.mapped("actors", len(n.ids), "nodes → actors (actors.csv; name from the name or label key)")
	rep.mapped("ties", len(n.ties), "edges → tie rows (ties.csv)")
	if cols := append(append([]string(nil), n.actorCols...), n.tieCols...); len(cols) > 0 {
		rep.mapped("columns", len(cols), "keys → typed columns: %s", strings.Join(cols, ", "))
	}
	rep.note("multiplex", multi, "edges with several domains made one tie row per domain (%s rows from %s), the weight shared equally", Num(len(n.ties)-edgesOut+multi), Num(multi))
	rep.dropped("nonpositive", nonpos, "edges with a weight of 0 or less dropped (weights must be > 0)")
	rep.dropped("self-loops", loops, "loops (a node tied to itself) dropped")
	rep.dropped("hyperedges", hyper, "hyperedges dropped (no liaison meaning)")
	rep.dropped("computed", len(chk.drops), "computed attributes dropped (analyze recomputes them): %s", chk.dropList())
	rep.note("directed", directed, "directed edges read as undirected ties")
	return n.output(), rep, nil
}
