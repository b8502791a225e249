package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/spf13/cobra"
)

func newValidate(g *globals) *cobra.Command {
	var maxErrors int
	cmd := &cobra.Command{
		Use:   "validate PATH",
		Short: "Check a data set against the contract and list every problem",
		Long: `validate reads the data set at PATH (a folder of CSV files or one ties .csv file) and
checks it against the contract, streaming: each row is checked and dropped, so memory grows
with the distinct ids, not with the rows. Every problem is found and counted; the first N
(--max-errors N, default 1000; 0: all, memory then grows with the problems) are listed, one
per line, as FILE:LINE: message, in file and line order, followed, when a kind of problem
repeats or the list is cut, by a summary of all the problems by kind: per file, the count of
each message with its quoted values generalised to "…" and its numbers to N.
Exit status 0 when the data set is valid, 2 when it is not.`,
		Example: `  liaison validate testdata/example
  liaison validate my-ties.csv --max-errors 20`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if maxErrors < 0 {
				return usageError{fmt.Errorf("--max-errors %d: want a count ≥ 0 (0: all)", maxErrors)}
			}
			keep := maxErrors
			if keep == 0 {
				keep = -1 // all
			}
			c, err := graphmodel.Validate(args[0], graphmodel.ValidateOptions{KeepProblems: keep})
			var ve *graphmodel.ValidationError
			if errors.As(err, &ve) {
				return &validationReport{ve: ve, max: maxErrors}
			}
			if err != nil {
				return err
			}
			rivals := "" // with rivalries.csv (graphmodel/rivalries.go)
			if slices.Contains(c.Files, graphmodel.RivalriesFile) {
				rivals = fmt.Sprintf(", %d rivalries", c.Rivalries)
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: valid: %d actors, %d tie rows, %d clubs, %d memberships, %d exchanges%s\n",
				args[0], c.Actors, c.Ties, c.Clubs, c.Memberships, c.Exchanges, rivals)
			return err
		},
	}
	cmd.Flags().IntVar(&maxErrors, "max-errors", 1000, "list at most `N` problems (0: all); the summary by kind counts them all")
	return cmd
}

// validationReport is validate's account of an invalid data set: the problems, at most max
// of them (0: all), and their summary by kind.
type validationReport struct {
	ve  *graphmodel.ValidationError
	max int
}

func (r *validationReport) Error() string { return r.ve.Error() }
func (r *validationReport) Unwrap() error { return r.ve }

func (r *validationReport) print(w io.Writer) {
	ps, n := r.ve.Problems, r.ve.Count()
	fmt.Fprintf(w, "liaison: invalid data set %s: %d problem%s\n", r.ve.Path, n, plural(n))
	shown := ps
	if r.max > 0 && len(ps) > r.max {
		shown = ps[:r.max]
	}
	for _, p := range shown {
		fmt.Fprintln(w, p.Error())
	}
	if rest := n - len(shown); rest > 0 {
		fmt.Fprintf(w, "… and %d more problem%s (--max-errors %d)\n", rest, plural(rest), r.max)
	}
	groups := r.ve.Summary()
	if len(groups) == n && len(shown) == n {
		return // every problem is its own kind and all are listed: nothing to add
	}
	fmt.Fprintln(w, "problems by kind:")
	for _, g := range groups {
		fmt.Fprintf(w, "  %s\n", g)
	}
}
