package export

import (
	"bufio"
	"encoding/xml"
	"io"
)

// xmlWriter writes XML element by element through a buffer and keeps the first error, so a
// writer can check it once at the end.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufio.NewWriterSize(w, 64<<10)} }

// raw writes markup as it is.
func (x *xmlWriter) raw(ss ...string) {
	for _, s := range ss {
		if x.err == nil {
			_, x.err = x.w.WriteString(s)
		}
	}
}

// text writes s escaped for character data or a quoted attribute value (quotes, &, <, >,
// tabs and line breaks escaped; characters XML does not allow replaced by U+FFFD).
func (x *xmlWriter) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" ", name, `="`)
	x.text(value)
	x.raw(`"`)
}

// flush ends the document.
func (x *xmlWriter) flush() error {
	if x.err == nil {
		x.err = x.w.Flush()
	}
	return x.err
}
