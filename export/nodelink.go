package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/liaison-net/liaison/analysis"
)

// WriteNodeLink writes the layer and its analysis as node-link JSON that both NetworkX and
// graphology read:
//
//   - NetworkX: json_graph.node_link_graph(data) (3.4 and later; edges under "edges") gives
//     an undirected Graph: "directed" and "multigraph" are false, each node's "id" is the
//     actor id and its other members its attributes, each edge's "source" and "target" the
//     actors and its other members its attributes (weight among them);
//   - graphology: Graph.from(data) or graph.import(data): "options" says undirected and
//     simple, each node's "key" is the actor id and "attributes" its attributes, each
//     edge's "attributes" its attributes and "undirected" true.
//
// So every attribute is written twice, flat for NetworkX and under "attributes" for
// graphology. The attributes are GEXF's (weight, class, p_relational, measures, hub_score,
// extra columns; x, y, size and color for drawing); every edge of the layer is written,
// club-only pairs included. The layout's x and y are in the drawing units of GEXF.
func WriteNodeLink(w io.Writer, r *analysis.Result, o Options) error {
	g, err := newGraphData(r, o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	l := g.l
	var b []byte
	attrs := func(b []byte, defs []attrDef, vals []val, extra [][2]string) []byte {
		first := true
		sep := func() {
			if !first {
				b = append(b, ',')
			}
			first = false
		}
		for _, kv := range extra {
			sep()
			b = strconv.AppendQuote(b, kv[0])
			b = append(b, ':')
			b = append(b, kv[1]...)
		}
		for i, d := range defs {
			if !vals[i].ok {
				continue
			}
			sep()
			b = appendJSONString(b, d.Name)
			b = append(b, ':')
			b = appendJSONVal(b, d.Kind, vals[i])
		}
		return b
	}
	desc, _ := json.Marshal(describe(l))
	b = append(b, `{"directed":false,"multigraph":false,"graph":{"description":`...)
	b = append(b, desc...)
	b = append(b, `},"options":{"type":"undirected","multi":false,"allowSelfLoops":false},"attributes":{"description":`...)
	b = append(b, desc...)
	b = append(b, "},\n\"nodes\":[\n"...)
	vals := make([]val, len(g.nodeDefs))
	for u := 0; u < l.Len(); u++ {
		if u > 0 {
			b = append(b, ",\n"...)
		}
		g.nodeValues(u, vals)
		px, py := g.position(u)
		c := g.nodeColor(u)
		id := appendJSONString(nil, l.Actor(int64(u)))
		draw := [][2]string{{"label", string(appendJSONString(nil, g.label(u)))}, {"x", formatFloat(px)}, {"y", formatFloat(py)},
			{"size", formatFloat(g.nodeSize(u))}, {"color", strconv.Quote(hexColor(c))}}
		b = append(b, `{"id":`...)
		b = append(b, id...)
		b = append(b, `,"key":`...)
		b = append(b, id...)
		b = append(b, ',')
		b = attrs(b, g.nodeDefs, vals, draw)
		b = append(b, `,"attributes":{`...)
		b = attrs(b, g.nodeDefs, vals, draw)
		b = append(b, "}}"...)
		if len(b) > 1<<15 {
			if _, err := bw.Write(b); err != nil {
				return fmt.Errorf("write node-link JSON: %w", err)
			}
			b = b[:0]
		}
	}
	b = append(b, "\n],\n\"edges\":[\n"...)
	evals := make([]val, len(g.edgeDefs))
	err = g.eachEdge(func(row edgeRow) error {
		if row.index > 0 {
			b = append(b, ",\n"...)
		}
		g.edgeValues(row, evals)
		extra := [][2]string{{"weight", formatFloat(row.e.W)}, {"color", strconv.Quote(hexColor(edgeColor(row)))}}
		b = append(b, `{"source":`...)
		b = appendJSONString(b, row.e.F.Actor())
		b = append(b, `,"target":`...)
		b = appendJSONString(b, row.e.T.Actor())
		b = append(b, `,"key":"`...)
		b = strconv.AppendInt(b, int64(row.index), 10)
		b = append(b, `","undirected":true,`...)
		b = attrs(b, g.edgeDefs, evals, extra)
		b = append(b, `,"attributes":{`...)
		b = attrs(b, g.edgeDefs, evals, extra)
		b = append(b, "}}"...)
		if len(b) > 1<<15 {
			if _, err := bw.Write(b); err != nil {
				return fmt.Errorf("write node-link JSON: %w", err)
			}
			b = b[:0]
		}
		return nil
	})
	if err != nil {
		return err
	}
	b = append(b, "\n]}\n"...)
	if _, err := bw.Write(b); err != nil {
		return fmt.Errorf("write node-link JSON: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write node-link JSON: %w", err)
	}
	return nil
}

// appendJSONString appends s as a JSON string (encoding/json's escaping).
func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}

// appendJSONVal appends an attribute value as JSON: numbers as numbers, booleans, strings.
func appendJSONVal(b []byte, k kind, v val) []byte {
	switch k {
	case kInt, kLong:
		return strconv.AppendInt(b, v.i, 10)
	case kDouble:
		return append(b, formatFloat(v.f)...)
	case kBool:
		return strconv.AppendBool(b, v.b)
	}
	return appendJSONString(b, v.s)
}
