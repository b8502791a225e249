package analysis

import (
	"bufio"
	"reflect"
	"strings"
)

// writeTypologyLists writes the typology lists as encoding/json's MarshalIndent(lists, "  ",
// "  ") would, one name at a time: the million names of a large layer are never encoded
// into one buffer (which MarshalIndent then copies once more to indent it). With ties in
// columns (cols not nil), the ties' names are not in lists: each bilateral list and the
// uncertain one start with the names of the ties that belong there, in tie order.
func writeTypologyLists(bw *bufio.Writer, lists *TypologyLists, cols *tieColumns) error {
	rv := reflect.ValueOf(lists).Elem()
	rt := rv.Type()
	var b []byte
	flush := func() error {
		_, err := bw.Write(b)
		b = b[:0]
		return err
	}
	bw.WriteString("{\n")
	for f := 0; f < rt.NumField(); f++ {
		key, _, _ := strings.Cut(rt.Field(f).Tag.Get("json"), ",")
		names := rv.Field(f).Interface().([]string)
		var tie func(e int) bool // the ties listed here
		if cols != nil {
			switch key {
			case "transactional_bilateral":
				tie = func(e int) bool { return !cols.relational[e] }
			case "relational_bilateral":
				tie = func(e int) bool { return cols.relational[e] }
			case "uncertain":
				tie = func(e int) bool { return uncertain(cols.p[e]) }
			}
		}
		b = append(appendString(append(b, "    "...), key), ": "...)
		first := true
		item := func() {
			if first {
				b = append(b, "[\n"...)
			} else {
				b = append(b, ",\n"...)
			}
			first = false
			b = append(b, "      "...)
		}
		if tie != nil {
			for e := range cols.len() {
				if tie(e) {
					item()
					b = cols.appendName(b, e)
					if len(b) >= 1<<15 {
						if err := flush(); err != nil {
							return err
						}
					}
				}
			}
		}
		for _, s := range names {
			item()
			b = appendString(b, s)
			if len(b) >= 1<<15 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		switch {
		case !first:
			b = append(b, "\n    ]"...)
		case names == nil:
			b = append(b, "null"...)
		default:
			b = append(b, "[]"...)
		}
		if f < rt.NumField()-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		if err := flush(); err != nil {
			return err
		}
	}
	_, err := bw.WriteString("  }")
	return err
}
