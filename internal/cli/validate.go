package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/spf13/cobra"
)

func newValidate(g *globals) *cobra.Command {
	var maxErrors int
	cmd := &cobra.Command{
		Use:   "validate PATH",
		Short: "Check a data set against the contract and list every problem",
		Long: `validate reads the data set at PATH (a folder of CSV files or one ties .csv file) and
checks it against the contract. Every problem is listed, one per line, as FILE:LINE: message
(the first N with --max-errors N), followed, when a kind of problem repeats or the list is
cut, by a summary of the problems by kind: per file, the count of each message with its
quoted values generalised to "…" and its numbers to N.
Exit status 0 when the data set is valid, 2 when it is not.`,
		Example: `  liaison validate testdata/example
  liaison validate my-ties.csv --max-errors 20`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if maxErrors < 0 {
				return usageError{fmt.Errorf("--max-errors %d: want a count ≥ 0 (0: all)", maxErrors)}
			}
			d, err := graphmodel.Load(args[0])
			var ve *graphmodel.ValidationError
			if errors.As(err, &ve) {
				return &validationReport{ve: ve, max: maxErrors}
			}
			if err != nil {
				return err
			}
			rivals := "" // with rivalries.csv (graphmodel/rivalries.go)
			if d.Rivalries != nil {
				rivals = fmt.Sprintf(", %d rivalries", len(d.Rivalries))
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: valid: %d actors, %d tie rows, %d clubs, %d memberships, %d exchanges%s\n",
				args[0], len(d.Actors), len(d.Ties), len(d.Clubs), len(d.Memberships), len(d.Exchanges), rivals)
			return err
		},
	}
	cmd.Flags().IntVar(&maxErrors, "max-errors", 0, "list at most `N` problems (0: all); the summary by kind counts them all")
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
	ps := r.ve.Problems
	fmt.Fprintf(w, "liaison: invalid data set %s: %d problem%s\n", r.ve.Path, len(ps), plural(len(ps)))
	shown := ps
	if r.max > 0 && len(ps) > r.max {
		shown = ps[:r.max]
	}
	for _, p := range shown {
		fmt.Fprintln(w, p.Error())
	}
	if rest := len(ps) - len(shown); rest > 0 {
		fmt.Fprintf(w, "… and %d more problem%s (--max-errors %d)\n", rest, plural(rest), r.max)
	}
	groups := r.ve.Summary()
	if len(groups) == len(ps) && len(shown) == len(ps) {
		return // every problem is its own kind and all are listed: nothing to add
	}
	fmt.Fprintln(w, "problems by kind:")
	for _, g := range groups {
		fmt.Fprintf(w, "  %s\n", g)
	}
}
