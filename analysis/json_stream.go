package analysis

import (
	"bufio"
	"reflect"
	"strings"
)

// writeTypologyLists writes the typology lists as encoding/json's MarshalIndent(lists, "  ",
// "  ") would, one name at a time: the million names of a large layer are never encoded
// into one buffer (which MarshalIndent then copies once more to indent it).
func writeTypologyLists(bw *bufio.Writer, lists *TypologyLists) error {
	rv := reflect.ValueOf(lists).Elem()
	rt := rv.Type()
	var b []byte
	bw.WriteString("{\n")
	for f := 0; f < rt.NumField(); f++ {
		key, _, _ := strings.Cut(rt.Field(f).Tag.Get("json"), ",")
		names := rv.Field(f).Interface().([]string)
		b = append(appendString(append(b[:0], "    "...), key), ": "...)
		switch {
		case names == nil:
			b = append(b, "null"...)
		case len(names) == 0:
			b = append(b, "[]"...)
		default:
			b = append(b, "[\n"...)
			for i, s := range names {
				b = appendString(append(b, "      "...), s)
				if i < len(names)-1 {
					b = append(b, ',')
				}
				b = append(b, '\n')
				if len(b) >= 1<<15 {
					bw.Write(b)
					b = b[:0]
				}
			}
			b = append(b, "    ]"...)
		}
		if f < rt.NumField()-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	_, err := bw.WriteString("  }")
	return err
}
