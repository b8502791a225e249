package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/export"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/report"
)

// FuzzExport feeds arbitrary actor ids, names and attribute strings through the loader, the
// analysis and every writer of text formats. Whatever the strings, an input the loader accepts
// must give a GEXF and a GraphML that are well-formed XML with one node per actor and the ids
// read back exactly (so distinct ids stay distinct), a DOT file whose node ids read back
// exactly by Graphviz's quoting rules (or a refusal, ErrDOTID, for an id DOT cannot carry), and report pictures (SVG) that are well-formed XML.
// An input the loader refuses must be refused with a *graphmodel.ValidationError.
func FuzzExport(f *testing.F) {
	f.Add("USA", "GBR", "A\\B", "United \"States\"", "<b>&amp;</b>")
	f.Add("\"><img src=x onerror=alert(1)>", "a\nb", "c\\\nd", "]]>", "=HYPERLINK(\"x\")")
	f.Add("<x>", "<y\\", "e\"f", "\t", "\x01")
	f.Add("A\u00a0", "A", "\U0001F600", "\ufeffname", "\u2028")
	f.Add("a b", "a  b", "-- x", "{", "}")
	f.Fuzz(func(t *testing.T, id1, id2, id3, name, note string) {
		ids := []string{id1, id2, id3}
		var actors, ties bytes.Buffer
		aw, tw := csv.NewWriter(&actors), csv.NewWriter(&ties)
		_ = aw.Write([]string{"id", "name", "note"})
		_ = tw.Write([]string{"source", "target", "weight", "remark"})
		for i, id := range ids {
			_ = aw.Write([]string{id, name, note})
			_ = tw.Write([]string{id, ids[(i+1)%3], "2", note})
		}
		aw.Flush()
		tw.Flush()
		fsys := fstest.MapFS{
			"actors.csv":      {Data: actors.Bytes()},
			"ties.csv":        {Data: ties.Bytes()},
			"memberships.csv": {Data: []byte("club,actor\nK," + quote(id1) + "\nK," + quote(id2) + "\n")},
		}
		d, err := graphmodel.LoadFS(fsys, "fuzz")
		if err != nil {
			var ve *graphmodel.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("load: not a *ValidationError: %v", err)
			}
			return
		}
		l, err := d.Layer(graphmodel.DefaultOptions())
		if err != nil {
			t.Fatalf("layer: %v", err)
		}
		r, err := analysis.Analyze(context.Background(), l, analysis.Options{LouvainRuns: 1, Workers: 1})
		if err != nil {
			t.Fatalf("analyze: %v", err)
		}
		// The loader trims fields, so the ids are the trimmed ones; they must be distinct.
		var want []string
		for _, a := range r.Actors {
			want = append(want, a.ID)
		}
		slices.Sort(want)
		if len(slices.Compact(slices.Clone(want))) != len(ids) {
			t.Fatalf("actors %q from ids %q", want, ids)
		}
		for _, format := range []string{"gexf", "graphml"} {
			w, _ := export.WriterFor(format)
			var b bytes.Buffer
			if err := w(&b, r, export.Options{}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			nodes, err := xmlNodeIDs(b.Bytes())
			if err != nil {
				t.Fatalf("%s is not well-formed: %v\n%s", format, err, b.String())
			}
			if slices.Sort(nodes); !slices.Equal(nodes, want) {
				t.Fatalf("%s nodes %q, want %q", format, nodes, want)
			}
		}
		var b bytes.Buffer
		switch err := export.WriteDOT(&b, r, export.Options{}); {
		case errors.Is(err, export.ErrDOTID): // refused whole, not altered
		case err != nil:
			t.Fatalf("dot: %v", err)
		default:
			nodes, err := dotNodeIDs(b.String())
			if err != nil {
				t.Fatalf("dot: %v\n%s", err, b.String())
			}
			if slices.Sort(nodes); !slices.Equal(nodes, want) {
				t.Fatalf("dot nodes %q, want %q\n%s", nodes, want, b.String())
			}
		}
		rep, err := report.Build(r, nil, report.Options{Title: name})
		if err != nil {
			t.Fatalf("report: %v", err)
		}
		dir := t.TempDir()
		files, err := rep.WriteMarkdown(filepath.Join(dir, "report.md"))
		if err != nil {
			t.Fatalf("markdown report: %v", err)
		}
		for _, f := range files {
			if !strings.HasSuffix(f, ".svg") {
				continue
			}
			svg, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := xmlNodeIDs(svg); err != nil {
				t.Fatalf("%s is not well-formed: %v", filepath.Base(f), err)
			}
		}
	})
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// xmlNodeIDs reads a whole XML document strictly and returns the id attributes of its <node>
// elements (GEXF and GraphML both call them so).
func xmlNodeIDs(doc []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var ids []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ids, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "node" {
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids = append(ids, a.Value)
				}
			}
		}
	}
}

// dotNodeIDs tokenises a DOT graph as Graphviz does and returns the ids of its node
// statements (an ID followed by "[" that is neither an attribute value nor an edge end).
// In a quoted string \\ is a pair kept as two backslashes (so \\" ends the string), \" is an
// escaped quote and a lone backslash before a newline continues the line (Graphviz 2.43's lexer);
// an HTML-like string <...> is taken as it is, with its angle brackets balanced.
func dotNodeIDs(src string) ([]string, error) {
	type token struct {
		id   bool
		text string
	}
	var toks []token
	for i := 0; i < len(src); {
		switch c := src[i]; {
		case c == '"':
			var s strings.Builder
			i++
			for {
				if i >= len(src) {
					return nil, errors.New("unterminated quoted string")
				}
				if src[i] == '\\' && i+1 < len(src) && src[i+1] == '\\' { // a pair, kept as it is
					s.WriteString(`\\`)
					i += 2
					continue
				}
				if src[i] == '\\' && i+1 < len(src) && src[i+1] == '"' {
					s.WriteByte('"')
					i += 2
					continue
				}
				if src[i] == '\\' && i+1 < len(src) && src[i+1] == '\n' {
					i += 2
					continue
				}
				if src[i] == '"' {
					i++
					break
				}
				s.WriteByte(src[i])
				i++
			}
			toks = append(toks, token{true, s.String()})
		case c == '<':
			depth, j := 0, i
			for ; j < len(src); j++ {
				if src[j] == '<' {
					depth++
				} else if src[j] == '>' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			if j >= len(src) {
				return nil, errors.New("unterminated HTML string")
			}
			toks = append(toks, token{true, src[i+1 : j]})
			i = j + 1
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '-' && strings.HasPrefix(src[i:], "--"):
			toks = append(toks, token{false, "--"})
			i += 2
		case strings.IndexByte("[]{};,=", c) >= 0:
			toks = append(toks, token{false, string(c)})
			i++
		default:
			j := i
			for j < len(src) && strings.IndexByte(" \t\r\n\"<[]{};,=", src[j]) < 0 && !strings.HasPrefix(src[j:], "--") {
				j++
			}
			toks = append(toks, token{false, src[i:j]})
			i = j
		}
	}
	var ids []string
	for k, tk := range toks {
		if !tk.id || k+1 >= len(toks) || toks[k+1].text != "[" {
			continue
		}
		if k > 0 && (toks[k-1].text == "=" || toks[k-1].text == "--" || toks[k-1].text == "graph") {
			continue
		}
		ids = append(ids, tk.text)
	}
	return ids, nil
}
