package analysis

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"
)

// WriteJSON writes the result as the contract's JSON document: indented by two spaces, the
// items of the largest lists (actors, ties) one per line. Those are encoded by hand, in
// parallel chunks, and never held in memory as one document; the output is the same on every
// run for the same result, and decodes to the same values as encoding/json's.
func (r *Result) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fields := []struct {
		name string
		v    any
	}{
		{"layer", r.Layer}, {"actors", r.Actors}, {"cliques", r.Cliques}, {"communities", r.Communities},
		{"ties", r.Ties}, {"clubs", r.Clubs}, {"typology", r.Typology}, {"typology_lists", r.TypologyLists},
		{"hubs", r.Hubs}, {"settings", r.Settings},
	}
	for _, f := range r.structureFields() { // structure.go
		fields = append(fields, struct {
			name string
			v    any
		}{f.name, f.v})
	}
	if len(r.Warnings) > 0 {
		fields = append(fields, struct {
			name string
			v    any
		}{"warnings", r.Warnings})
	}
	if r.Provenance != nil {
		fields = append(fields, struct {
			name string
			v    any
		}{"provenance", r.Provenance})
	}
	if r.Metrics != nil { // only some metrics computed: say which, leave out the others' sections
		fields = slices.DeleteFunc(fields, func(f struct {
			name string
			v    any
		}) bool {
			return !r.Computed(sectionMetric[f.name])
		})
		fields = slices.Insert(fields, 1, struct {
			name string
			v    any
		}{"metrics", r.Metrics})
	}
	bw.WriteString("{\n")
	for i, f := range fields {
		fmt.Fprintf(bw, "  %q: ", f.name)
		var err error
		switch f.name {
		case "actors":
			err = writeLines(bw, len(r.Actors), func(b []byte, i int) []byte { return appendActor(b, &r.Actors[i], r) })
		case "ties":
			if c := r.tieCols; c != nil {
				var pool sync.Pool // of *[16]float64: a tie's factors while it is written
				err = writeLines(bw, c.len(), func(b []byte, i int) []byte {
					vals, _ := pool.Get().(*[16]float64)
					if vals == nil {
						vals = new([16]float64)
					}
					t := c.at(i, vals[:])
					b = appendTie(b, &t)
					pool.Put(vals)
					return b
				})
				break
			}
			err = writeLines(bw, len(r.Ties), func(b []byte, i int) []byte { return appendTie(b, &r.Ties[i]) })
		case "cliques":
			err = writeLines(bw, len(r.Cliques), func(b []byte, i int) []byte { return appendStrings(b, r.Cliques[i]) })
		case "typology_lists":
			err = writeTypologyLists(bw, &r.TypologyLists, r.tieCols)
		default:
			err = writeIndented(bw, f.v)
		}
		if err != nil {
			return fmt.Errorf("write JSON: %s: %w", f.name, err)
		}
		if i < len(fields)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// writeIndented writes v as encoding/json does with a two-space indent at depth one; a
// slice is written item by item.
func writeIndented(bw *bufio.Writer, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice {
		return writeLines(bw, rv.Len(), nil, func(i int) ([]byte, error) {
			return json.MarshalIndent(rv.Index(i).Interface(), "    ", "  ")
		})
	}
	b, err := json.MarshalIndent(v, "  ", "  ")
	if err != nil {
		return err
	}
	_, err = bw.Write(b)
	return err
}

// writeLines writes a JSON array of n items, one per line. Items come from appendItem (in
// parallel chunks) or, when it is nil, from marshal.
func writeLines(bw *bufio.Writer, n int, appendItem func([]byte, int) []byte, marshal ...func(int) ([]byte, error)) error {
	if n == 0 {
		_, err := bw.WriteString("[]")
		return err
	}
	bw.WriteString("[\n")
	if appendItem == nil {
		for i := 0; i < n; i++ {
			b, err := marshal[0](i)
			if err != nil {
				return err
			}
			bw.WriteString("    ")
			bw.Write(b)
			if i < n-1 {
				bw.WriteByte(',')
			}
			bw.WriteByte('\n')
		}
		_, err := bw.WriteString("  ]")
		return err
	}
	const chunk = 4096
	workers := runtime.GOMAXPROCS(0)
	bufs := make([][]byte, workers) // reused from round to round: no garbage per item
	for start := 0; start < n; start += chunk * workers {
		parallel(workers, workers, func(k int) {
			b := bufs[k][:0]
			for i := start + k*chunk; i < min(n, start+(k+1)*chunk); i++ {
				b = append(b, "    "...)
				b = appendItem(b, i)
				if i < n-1 {
					b = append(b, ',')
				}
				b = append(b, '\n')
			}
			bufs[k] = b
		})
		for _, b := range bufs {
			if _, err := bw.Write(b); err != nil {
				return err
			}
		}
	}
	_, err := bw.WriteString("  ]")
	return err
}

func appendKey(b []byte, first bool, key string) []byte {
	if !first {
		b = append(b, ',')
	}
	b = appendString(b, key)
	return append(b, ':')
}

func appendNum(b []byte, first bool, key string, v float64) []byte {
	return appendFloat(appendKey(b, first, key), v)
}

// sectionMetric is the metric each section of the JSON document belongs to; "" (none) for
// the sections always written.
var sectionMetric = map[string]string{
	"cliques": "cliques", "communities": "community", "ties": "typology", "clubs": "typology",
	"typology": "typology", "typology_lists": "typology", "hubs": "typology", "settings": "typology",
	"core_periphery": "core_periphery",
}

func appendActor(b []byte, a *ActorMetrics, r *Result) []byte {
	b = append(b, '{')
	b = appendString(appendKey(b, true, "id"), a.ID)
	group := ""
	for _, m := range Measures {
		v, ok := m.Value(a)
		if !ok || !r.Computed(m.Name) {
			continue
		}
		g, key := m.JSONGroup()
		if g != group {
			if group != "" {
				b = append(b, '}')
			}
			if g != "" {
				b = append(appendKey(b, false, g), '{')
			}
			b = appendNum(b, g != "" && g != group, key, v)
			group = g
			continue
		}
		b = appendNum(b, false, key, v)
	}
	if group != "" {
		b = append(b, '}')
	}
	return append(b, '}')
}

func appendTie(b []byte, t *TieResult) []byte {
	b = append(b, '{')
	b = appendString(appendKey(b, true, "source"), t.Source)
	b = appendString(appendKey(b, false, "target"), t.Target)
	b = appendNum(b, false, "weight", t.Weight)
	b = appendString(appendKey(b, false, "class"), t.Class)
	b = appendNum(b, false, "relational_score", t.RelationalScore)
	b = appendNum(b, false, "p_relational", t.PRelational)
	b = appendString(appendKey(b, false, "decided_by"), t.DecidedBy)
	b = append(appendKey(b, false, "factors"), '{')
	first := true
	t.Factors.Each(func(n string, v float64) {
		b = appendNum(b, first, n, v)
		first = false
	})
	b = append(b, '}')
	b = appendStrings(appendKey(b, false, "domains"), t.Domains)
	if t.Reciprocity != nil {
		rb, _ := json.Marshal(t.Reciprocity)
		b = append(appendKey(b, false, "reciprocity"), rb...)
	}
	return append(b, '}')
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendString quotes s as encoding/json does (HTML-safe, invalid UTF-8 as U+FFFD).
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
