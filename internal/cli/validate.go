package cli

import (
	"fmt"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/spf13/cobra"
)

func newValidate(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "validate PATH",
		Short: "Check a data set against the contract and list every problem",
		Long: `validate reads the data set at PATH (a folder of CSV files or one ties .csv file) and
checks it against the contract. Every problem is listed, one per line, as FILE:LINE: message.
Exit status 0 when the data set is valid, 2 when it is not.`,
		Example: `  liaison validate testdata/example
  liaison validate my-ties.csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := graphmodel.Load(args[0])
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: valid: %d actors, %d tie rows, %d clubs, %d memberships, %d exchanges\n",
				args[0], len(d.Actors), len(d.Ties), len(d.Clubs), len(d.Memberships), len(d.Exchanges))
			return err
		},
	}
}
