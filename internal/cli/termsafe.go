package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Terminal safety of the table output. An id, name or path from the data can hold control
// characters (a library caller's data set, or a path given on the command line): printed raw,
// ESC sequences ("\x1b[31m", "\x1b]0;title\a") and the C1 controls recolour the terminal, move
// the cursor, set its title or hide text. Table output therefore escapes them in Go's notation,
// as in a %q string but without quotes: a C0 control or DEL as \xHH ("\x1b[31m" prints as
// \x1b[31m), a C1 control as \u00HH, a byte that is not UTF-8 as \xHH. JSON and CSV output is
// not escaped: those formats quote their texts themselves, and their readers want the data
// exactly.

// termEscape writes s to b with its control characters escaped, but for the runes in keep.
func termEscape(b *strings.Builder, s string, keep string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case (r < 0x20 || r == 0x7f) && !strings.ContainsRune(keep, r):
			fmt.Fprintf(b, `\x%02x`, r)
		case r >= 0x80 && r < 0xa0:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

// termSafe returns s with every control character escaped (C0 including tab and newline, DEL,
// C1) and any byte that is not UTF-8: for a text of the data (an id, a name) in a table.
func termSafe(s string) string {
	if !needsEscape(s, "") {
		return s
	}
	var b strings.Builder
	termEscape(&b, s, "")
	return b.String()
}

// needsEscape reports whether s holds a control character not in keep, or a byte that is
// not UTF-8.
func needsEscape(s, keep string) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return true
			}
		case (r < 0x20 || r == 0x7f) && !strings.ContainsRune(keep, r), r >= 0x80 && r < 0xa0:
			return true
		}
	}
	return false
}

// termSafeAll is termSafe of each of xs.
func termSafeAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = termSafe(x)
	}
	return out
}

// termWriter escapes the control characters of everything written through it but for the tabs
// and newlines that lay out a table: the safety net under the table printers, so no text of
// the data reaches the terminal raw even where a printer did not call termSafe. (A rune split
// across two writes is escaped byte by byte: uglier, never raw.)
type termWriter struct{ w io.Writer }

func (t termWriter) Write(p []byte) (int, error) {
	s := string(p)
	if !needsEscape(s, "\t\n") {
		return t.w.Write(p)
	}
	var b strings.Builder
	termEscape(&b, s, "\t\n")
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}
