package provenance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes r as one JSON document with the fields of Result's JSON tags, in their
// order: the top level indented by two spaces, every item of the lists (circular findings,
// breaches, dependence, convergence) compact on a line of its own, so that a million findings
// write quickly and read line by line. It decodes to the same values as json.Marshal(r).
func (r *Result) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("{\n")
	if r.At != 0 {
		fmt.Fprintf(bw, "  \"at\": %d,\n", r.At)
	}
	fmt.Fprintf(bw, "  \"reports\": %d,\n  \"transfers\": %d,\n  \"untracked\": %d,\n", r.Reports, r.Transfers, r.Untracked)
	if err := writeList(bw, "circular", r.Circular); err != nil {
		return err
	}
	if err := writeList(bw, "breaches", r.Breaches); err != nil {
		return err
	}
	if err := writeList(bw, "dependence", r.Dependence); err != nil {
		return err
	}
	if err := writeList(bw, "convergence", r.Convergence); err != nil {
		return err
	}
	fmt.Fprintf(bw, "  \"paths_capped\": %d,\n  \"paths_unsearched\": %d,\n", r.Capped, r.Unsearched)
	s, err := json.Marshal(r.Settings)
	if err != nil {
		return fmt.Errorf("provenance JSON: %w", err)
	}
	bw.WriteString("  \"settings\": ")
	bw.Write(s)
	bw.WriteString("\n}\n")
	return bw.Flush()
}

func writeList[T any](bw *bufio.Writer, name string, items []T) error {
	fmt.Fprintf(bw, "  %q: [", name)
	for i := range items {
		b, err := json.Marshal(&items[i])
		if err != nil {
			return fmt.Errorf("provenance JSON: %s: %w", name, err)
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	if len(items) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
	return nil
}
