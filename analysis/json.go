package analysis

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
)

// WriteJSON writes the result as the contract's JSON document, indented by two spaces,
// element by element: the largest lists (actors, ties) are never held in memory as one
// encoded document. The output is the same on every run for the same result.
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
	bw.WriteString("{\n")
	for i, f := range fields {
		fmt.Fprintf(bw, "  %q: ", f.name)
		rv := reflect.ValueOf(f.v)
		if rv.Kind() == reflect.Slice {
			if rv.Len() == 0 {
				bw.WriteString("[]")
			} else {
				bw.WriteString("[\n")
				for j := 0; j < rv.Len(); j++ {
					b, err := json.MarshalIndent(rv.Index(j).Interface(), "    ", "  ")
					if err != nil {
						return fmt.Errorf("write JSON: %s: %w", f.name, err)
					}
					bw.WriteString("    ")
					bw.Write(b)
					if j < rv.Len()-1 {
						bw.WriteByte(',')
					}
					bw.WriteByte('\n')
				}
				bw.WriteString("  ]")
			}
		} else {
			b, err := json.MarshalIndent(f.v, "  ", "  ")
			if err != nil {
				return fmt.Errorf("write JSON: %s: %w", f.name, err)
			}
			bw.Write(b)
		}
		if i < len(fields)-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("}\n")
	return bw.Flush()
}
