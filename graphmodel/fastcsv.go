package graphmodel

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is the fast path of reading a file's rows. Load (not Validate, not a load of one
// period, which must not hold a whole file) reads a regular file into memory at once; when
// the rows after the header hold no quote character and no line longer than MaxLine, they
// are split in place (fastRows) instead of by encoding/csv, and the rows of a file without
// an id column are parsed in chunks on every core (readChunks in files.go). Without quotes,
// RFC 4180 leaves nothing to interpret but commas and line ends, and fastRows splits them as
// encoding/csv does with the options csvFile sets (FuzzSplit compares the two): a line end is
// "\n" or "\r\n", a "\r" just before the end of the file is dropped, empty lines are skipped
// but counted, a field keeps its spaces (the parsers trim them). Anything else (a quote, a
// long line) goes the serial way through encoding/csv from the file's first byte, so the
// problems found and their order are the same either way.

// fastLoad turns the fast path on (a variable for the tests, which compare it with the
// serial path).
var fastLoad = true

// readWhole reads in to its end into one string. It stops early, at the first line longer
// than MaxLine−3 bytes (a line the serial path reports, or one near it: the byte-order mark
// is not counted there); rest then yields every byte of the input, those read and those not
// yet, for the serial path, and text is "". err is a read error.
func readWhole(in io.Reader, size int64) (text string, rest io.Reader, err error) {
	var sb strings.Builder
	sb.Grow(int(min(size, 1<<30)) + 1)
	buf := make([]byte, 256<<10)
	since := 0 // bytes since the last line end
	for {
		n, rerr := in.Read(buf)
		chunk := buf[:n]
		for len(chunk) > 0 {
			i := bytes.IndexByte(chunk, '\n')
			if i < 0 {
				since += len(chunk)
				break
			}
			since += i
			if since > MaxLine-3 {
				break
			}
			since, chunk = 0, chunk[i+1:]
		}
		sb.Write(buf[:n])
		if since > MaxLine-3 {
			return "", io.MultiReader(strings.NewReader(sb.String()), in), nil
		}
		if rerr == io.EOF {
			return sb.String(), nil, nil
		}
		if rerr != nil {
			return "", nil, rerr
		}
	}
}

// fastRows splits rows that hold no quote character ('"'), as encoding/csv does.
type fastRows struct {
	text string // whole lines (the last may lack its line end)
	pos  int    // where the next line starts in text
	line int    // its line number in the file
	rec  []string
}

// next returns the fields of the next non-empty line and its line number; ok is false at the
// end. ascii says whether the line is all ASCII (then no field needs a UTF-8 check). The
// fields are substrings of text.
func (r *fastRows) next() (rec []string, line int, ascii, ok bool) {
	for r.pos < len(r.text) {
		s := r.text
		start, i := r.pos, r.pos
		rec = r.rec[:0]
		var or byte
		for i < len(s) && s[i] != '\n' {
			if s[i] == ',' {
				rec = append(rec, s[start:i])
				start = i + 1
			}
			or |= s[i]
			i++
		}
		end := i
		if end > start && s[end-1] == '\r' {
			// "\r\n" is a line end, and encoding/csv drops a "\r" that ends the file.
			end--
		}
		line = r.line
		r.line++
		r.pos = i + 1
		if len(rec) == 0 && end == start {
			continue // an empty line (or "\r\n" alone): encoding/csv skips it
		}
		rec = append(rec, s[start:end])
		r.rec = rec
		return rec, line, or < 0x80, true
	}
	return nil, 0, false, false
}

// nextRow is csvFile.next for the rows r splits: the next well-formed row of c.
func (r *fastRows) nextRow(c *csvFile) ([]string, int, error) {
	for {
		rec, line, ascii, ok := r.next()
		if !ok {
			return nil, 0, io.EOF
		}
		if c.check(rec, line, ascii) {
			return rec, line, nil
		}
	}
}

// fastBody prepares the fast split of c's rows after the header, when c was made from the
// whole file's text (text, which starts with the byte-order mark when the file does): nil
// when a quote character is in them.
func (c *csvFile) fastBody(text string) *fastRows {
	skip := 0
	if strings.HasPrefix(text, "\ufeff") {
		skip = 3
	}
	head := text[:skip+int(c.start)]
	body := text[len(head):]
	if strings.IndexByte(body, '"') >= 0 {
		return nil
	}
	return &fastRows{text: body, line: 1 + strings.Count(head, "\n")}
}

// lines counts the lines of r's text from pos that are not empty: an upper bound on the rows
// left, which a file of blank lines does not inflate.
func (r *fastRows) lines() int {
	n := 0
	for rest := r.text[r.pos:]; rest != ""; {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest)
		}
		if i > 1 || i == 1 && rest[0] != '\r' {
			n++
		}
		rest = rest[min(i+1, len(rest)):]
	}
	return n
}

// split cuts r's remaining lines into pieces of about size bytes, at line ends, each a
// fastRows of its own with its first line's number.
func (r *fastRows) split(size int) []*fastRows {
	var out []*fastRows
	text, line := r.text[r.pos:], r.line
	for text != "" {
		n := min(size, len(text))
		if j := strings.IndexByte(text[n-1:], '\n'); j < 0 {
			n = len(text)
		} else {
			n += j
		}
		out = append(out, &fastRows{text: text[:n], line: line})
		line += strings.Count(text[:n], "\n")
		text = text[n:]
	}
	r.pos = len(r.text)
	return out
}

// stringStore copies short strings into shared blocks, so that keeping a row's extra values
// costs no allocation of its own, and hands out their []string from shared slabs.
type stringStore struct {
	b    strings.Builder
	slab []string
}

// clone returns a copy of s that does not keep any larger string alive.
func (st *stringStore) clone(s string) string {
	switch {
	case s == "":
		return ""
	case len(s) > 256:
		return strings.Clone(s)
	}
	if st.b.Cap()-st.b.Len() < len(s) {
		st.b = strings.Builder{}
		st.b.Grow(32 << 10)
	}
	start := st.b.Len()
	st.b.WriteString(s)
	return st.b.String()[start:]
}

// strings returns a slice of n empty strings, of capacity n.
func (st *stringStore) strings(n int) []string {
	if len(st.slab) < n {
		st.slab = make([]string, max(n, 1024*n))
	}
	out := st.slab[:n:n]
	st.slab = st.slab[n:]
	return out
}

// isInt says whether strconv.ParseInt(s, 10, 64) accepts s, without parsing it when it has at
// most 18 digits.
func isInt(s string) bool {
	d := s
	if len(d) > 0 && (d[0] == '+' || d[0] == '-') {
		d = d[1:]
	}
	if len(d) == 0 {
		return false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	if len(d) > 18 {
		_, err := strconv.ParseInt(s, 10, 64)
		return err == nil
	}
	return true
}

// trimField is strings.TrimSpace, without the call when s begins and ends with ASCII that is
// not a space (every space byte is at most ' ', and the other spaces are not ASCII).
func trimField(s string) string {
	if len(s) > 0 && s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}
