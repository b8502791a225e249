package importer

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/liaison-net/liaison/graphmodel"
)

// xmlIn streams one XML file (GraphML, GEXF) token by token, so that memory holds the
// data set being built and not the document.
type xmlIn struct {
	path  string
	f     *os.File
	dec   *xml.Decoder
	probs *problems
	depth int
	root  bool // a root element was seen
}

func openXML(path string, probs *problems) (*xmlIn, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %w", err)
	}
	dec := xml.NewDecoder(bufio.NewReaderSize(f, 1<<16))
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "us-ascii", "ascii":
			return r, nil
		}
		return nil, fmt.Errorf("encoding %q is not supported (want UTF-8)", label)
	}
	return &xmlIn{path: path, f: f, dec: dec, probs: probs}, nil
}

func (x *xmlIn) close() { x.f.Close() }

func (x *xmlIn) line() int {
	l, _ := x.dec.InputPos()
	return l
}

// next returns the next token (a copy), or nil at the end of the document or at its first
// syntax error (reported; a document that ends early is reported as truncated). err is for
// a file that cannot be read.
func (x *xmlIn) next() (xml.Token, error) {
	tok, err := x.dec.Token()
	if err == io.EOF {
		if !x.root {
			x.probs.add(x.path, x.line(), "", graphmodel.ErrEmptyFile, "empty file (no XML element)")
		} else if x.depth > 0 {
			x.probs.add(x.path, x.line(), "", graphmodel.ErrSyntax, "XML ends early: %d element(s) not closed (truncated file?)", x.depth)
		}
		return nil, nil
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			msg := se.Msg
			if msg == "unexpected EOF" {
				msg = "XML ends early (truncated file?)"
			}
			x.probs.add(x.path, se.Line, "", graphmodel.ErrSyntax, "XML syntax error: %s", msg)
			return nil, nil
		}
		if strings.Contains(err.Error(), "not supported") || strings.Contains(err.Error(), "UTF-8") {
			x.probs.add(x.path, x.line(), "", graphmodel.ErrEncoding, "%v", err)
			return nil, nil
		}
		return nil, fmt.Errorf("read %s: %w", x.path, err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		x.depth++
		x.root = true
	case xml.EndElement:
		x.depth--
	case xml.CharData:
		return t.Copy(), nil
	}
	return tok, nil
}

// attr is the value of the attribute with the local name.
func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// xmlAttr is a declared attribute (GraphML key, GEXF attribute) of nodes or edges.
type xmlAttr struct {
	name string // as declared
	kind colKind
	col  int    // extra column index; -1 when mapped otherwise or dropped
	role string // "", "name", "label", "weight", "domains", "since", "until", "drop"
	def  string // default value
}

// declare decides what a declared node or edge attribute becomes.
func declare(n *netOut, edge bool, name string, kind colKind, taken map[string]bool) *xmlAttr {
	a := &xmlAttr{name: name, kind: kind, col: -1}
	low := strings.ToLower(strings.TrimSpace(name))
	switch {
	case !edge && low == "name":
		a.role = "name"
	case !edge && low == "label":
		a.role = "label"
	case edge && low == "weight":
		a.role = "weight"
	case edge && (low == "domains" || low == "since" || low == "until"):
		a.role = low
	case !edge && computedNode[low], edge && computedEdge[low]:
		a.role = "drop"
	default:
		cn := columnName(name, taken)
		if edge {
			n.tieCols = append(n.tieCols, cn)
			a.col = len(n.tieCols) - 1
		} else {
			a.col = n.actorColumn(cn)
		}
	}
	return a
}

// netCheck holds what is checked once the whole document is read: edge ends are declared
// nodes (GraphML allows edges before nodes).
type netCheck struct {
	lines []int // line of each tie row
	drops map[string]int
}

func (c *netCheck) drop(name string) {
	if c.drops == nil {
		c.drops = map[string]int{}
	}
	c.drops[name]++
}

func (c *netCheck) dropList() string {
	names := make([]string, 0, len(c.drops))
	for k := range c.drops {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// resolve reports the tie rows whose ends are not nodes of the document.
func (c *netCheck) resolve(n *netOut, path string, probs *problems) {
	for i, t := range n.ties {
		for _, end := range []struct{ col, id string }{{"source", t.source}, {"target", t.target}} {
			if _, ok := n.index[end.id]; !ok {
				probs.add(path, c.lines[i], end.col, graphmodel.ErrUnknownRef, "edge %s %q is not a node of the graph", end.col, end.id)
			}
		}
	}
}

// setValue puts the value v of attribute a (of the actor u or the tie t) in place.
func setValue(n *netOut, a *xmlAttr, u int, t *netTie, v, path string, line int, probs *problems, chk *netCheck) {
	s, ok := typed(a.kind, v)
	if !ok && a.role != "weight" {
		probs.add(path, line, a.name, ErrBadNumber, "%s %q is not %s", a.name, strings.TrimSpace(v), article(a.kind))
		return
	}
	switch a.role {
	case "drop":
		chk.drop(a.name)
	case "name":
		n.names[u] = strings.TrimSpace(v)
	case "label":
		if n.names[u] == "" {
			n.names[u] = strings.TrimSpace(v)
		}
	case "weight":
		t.weight = strings.TrimSpace(v)
	case "domains":
		t.domains = strings.TrimSpace(v)
	case "since", "until":
		tv := strings.TrimSpace(v)
		if tv != "" {
			if _, err := graphmodel.ParseTime(tv); err != nil {
				probs.add(path, line, a.role, graphmodel.ErrBadTime, "%s %q is not a year or an ISO date (YYYY or YYYY-MM-DD)", a.role, tv)
				return
			}
		}
		if a.role == "since" {
			t.since = tv
		} else {
			t.until = tv
		}
	default:
		if t != nil {
			for len(t.extra) <= a.col {
				t.extra = append(t.extra, "")
			}
			t.extra[a.col] = s
		} else {
			n.actorVals[a.col][u] = s
		}
	}
}

func article(k colKind) string {
	switch k {
	case kindInt:
		return "an integer"
	case kindFloat:
		return "a finite number"
	case kindBool:
		return "a boolean (true or false)"
	}
	return "a string"
}
