package importer

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Item is one line of a Report: a count and what it counts.
type Item struct {
	Key  string // stable name for programs and tests, e.g. "ties", "zero-count"
	N    int
	Text string // what N counts, e.g. "dyad-years with 0 shared IGOs dropped"
}

// Report says what an import read, mapped, dropped and why.
type Report struct {
	Source string   // e.g. "cow-alliance"
	Inputs []string // the files read, as given
	Read   []Item   // what the input holds
	Mapped []Item   // what was written to which file
	// Dropped are the input rows or units that were not written, each with its reason.
	Dropped []Item
	// Notes are other facts about the mapping (repeated rows kept as spells, asymmetric
	// obligations, dates known only to the year, …).
	Notes []Item
	// Unknown are the state codes that the state list does not have (kept as ids), with
	// the number of input rows that use each.
	Unknown []UnknownCode
}

// UnknownCode is a state code that is not in the state list.
type UnknownCode struct {
	Code int
	Rows int
}

// Get returns the count of the item with the key in any section (0 when there is none).
func (r *Report) Get(key string) int {
	for _, list := range [][]Item{r.Read, r.Mapped, r.Dropped, r.Notes} {
		for _, it := range list {
			if it.Key == key {
				return it.N
			}
		}
	}
	return 0
}

func (r *Report) read(key string, n int, text string, args ...any) {
	r.Read = append(r.Read, Item{key, n, fmt.Sprintf(text, args...)})
}

func (r *Report) mapped(key string, n int, text string, args ...any) {
	r.Mapped = append(r.Mapped, Item{key, n, fmt.Sprintf(text, args...)})
}

// dropped records n units dropped, when there are any.
func (r *Report) dropped(key string, n int, text string, args ...any) {
	if n > 0 {
		r.Dropped = append(r.Dropped, Item{key, n, fmt.Sprintf(text, args...)})
	}
}

// note records a fact about n units, when there are any.
func (r *Report) note(key string, n int, text string, args ...any) {
	if n > 0 {
		r.Notes = append(r.Notes, Item{key, n, fmt.Sprintf(text, args...)})
	}
}

func (r *Report) unknown(rows map[int]int) {
	for code, n := range rows {
		r.Unknown = append(r.Unknown, UnknownCode{code, n})
	}
	sort.Slice(r.Unknown, func(i, j int) bool { return r.Unknown[i].Code < r.Unknown[j].Code })
}

// Format writes the report as text, one item a line, under the headings read, mapped,
// dropped and notes; numbers have thousands separators.
func (r *Report) Format(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "import %s: %s\n", r.Source, strings.Join(r.Inputs, ", "))
	section := func(title string, items []Item, none string) {
		fmt.Fprintf(&b, "%s:\n", title)
		if len(items) == 0 && none != "" {
			fmt.Fprintf(&b, "  %s\n", none)
		}
		for _, it := range items {
			fmt.Fprintf(&b, "  %s %s\n", Num(it.N), it.Text)
		}
	}
	section("read", r.Read, "")
	section("mapped", r.Mapped, "")
	section("dropped", r.Dropped, "nothing")
	if len(r.Notes) > 0 {
		section("notes", r.Notes, "")
	}
	if len(r.Unknown) > 0 {
		parts := make([]string, len(r.Unknown))
		for i, u := range r.Unknown {
			parts[i] = fmt.Sprintf("%d (%s row%s)", u.Code, Num(u.Rows), plural(u.Rows))
		}
		fmt.Fprintf(&b, "codes not in the state list, kept as ids: %s\n", strings.Join(parts, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Num formats n with thousands separators: 45276 → "45,276".
func Num(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
