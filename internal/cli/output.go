package cli

// The helpers every command shares: output to stdout or atomically to -o, format checks, JSON.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/internal/atomicfile"
)

// output writes what fn produces to the command's stdout, or atomically to the file named
// by the command's -o flag.
func output(cmd *cobra.Command, path string, fn func(io.Writer) error) error {
	if path == "" || path == "-" {
		w := bufio.NewWriter(cmd.OutOrStdout())
		if err := fn(w); err != nil {
			return err
		}
		return w.Flush()
	}
	return atomicfile.Write(path, func(f io.Writer) error {
		w := bufio.NewWriter(f)
		if err := fn(w); err != nil {
			return err
		}
		return w.Flush()
	})
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageError{fmt.Errorf("format %q: want %s", format, strings.Join(allowed, " or "))}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
