package cli

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

func newCalibrate(g *globals) *cobra.Command {
	var format, out, labels string
	var folds int
	var lambda float64
	af := &analysisFlags{}
	cmd := &cobra.Command{
		Use:   "calibrate PATH --labels LABELS.csv",
		Short: "Fit the tie factors' weights and threshold to expert-coded ties, with out-of-fold agreement",
		Long: `calibrate classifies the period's ties, then fits the tie factors' weights and the threshold to
the coded ties of LABELS.csv (columns source,target,coded with coded = relational or
transactional) by regularised logistic regression, and reports the out-of-fold agreement and
AUC of k-fold cross-validation (--folds; as many folds as labels is leave-one-out). The JSON
form is a weights file: --tie-weights @FILE uses it in every command that classifies.`,
		Example: `  liaison calibrate testdata/example --labels testdata/example/coded.csv --format json -o weights.json
  liaison typology testdata/example --tie-weights @weights.json
  liaison calibrate testdata/example --labels testdata/example/coded.csv --folds 31`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "table", "json"); err != nil {
				return err
			}
			if labels == "" {
				return usageError{fmt.Errorf("--labels: name the file of coded ties")}
			}
			lbs, err := readLabels(labels)
			if err != nil {
				return err
			}
			lo, ao, d, err := prepare(cmd, g, af, args)
			if err != nil {
				return err
			}
			l, err := d.Layer(lo)
			if err != nil {
				return err
			}
			r, err := analysis.Classify(cmd.Context(), l, ao)
			if err != nil {
				return err
			}
			c, err := analysis.Calibrate(r, lbs, analysis.CalibrateOptions{Folds: folds, Lambda: lambda, Seed: af.seed})
			if err != nil {
				var pe *graphmodel.ParseError
				if errors.As(err, &pe) {
					return &graphmodel.ValidationError{Path: labels, Problems: []*graphmodel.ParseError{pe}}
				}
				return err
			}
			return output(cmd, out, func(w io.Writer) error {
				if format == "json" {
					return writeJSON(w, c)
				}
				return calibrationTable(w, c)
			})
		},
	}
	cmd.Flags().StringVar(&labels, "labels", "", "the coded ties: a CSV `FILE` with source,target,coded")
	cmd.Flags().IntVar(&folds, "folds", 5, "cross-validation folds (as many as labels: leave-one-out)")
	cmd.Flags().Float64Var(&lambda, "lambda", 1, "ridge penalty pulling every log-weight towards 0 (weight 1)")
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json (a weights file for --tie-weights @FILE)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this `FILE` (atomically) instead of stdout")
	af.register(cmd, false)
	return cmd
}

func calibrationTable(w io.Writer, c *analysis.Calibration) error {
	fmt.Fprintf(w, "%d coded ties, %d folds: out-of-fold agreement %.3f, AUC %.3f\n", c.N, c.Folds, c.CVAgreement, c.CVAUC)
	fmt.Fprintf(w, "fitted on all: threshold %.3f\n\n", c.Threshold)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "factor\tweight")
	for _, f := range analysis.TieFactors {
		fmt.Fprintf(tw, "%s\t%.3f\n", f, c.Weights[f])
	}
	return tw.Flush()
}

// readLabels reads a file of coded ties: source,target,coded (relational or transactional).
// Problems are FILE:LINE errors, all of them at once.
func readLabels(path string) ([]analysis.Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	defer f.Close()
	name := filepath.Base(path)
	cr := csv.NewReader(f)
	cr.ReuseRecord = true
	var out []analysis.Label
	var problems []*graphmodel.ParseError
	bad := func(line int, kind error, format string, args ...any) {
		problems = append(problems, &graphmodel.ParseError{File: name, Line: line, Err: graphmodel.Problem(kind, format, args...)})
	}
	header, err := cr.Read()
	if err != nil {
		return nil, &graphmodel.ValidationError{Path: path, Problems: []*graphmodel.ParseError{{File: name, Line: 1, Err: fmt.Errorf("%w: %v", graphmodel.ErrEmptyFile, err)}}}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, want := range []string{"source", "target", "coded"} {
		if _, ok := col[want]; !ok {
			bad(1, graphmodel.ErrMissingColumn, "missing required column %q", want)
		}
	}
	if len(problems) > 0 {
		return nil, &graphmodel.ValidationError{Path: path, Problems: problems}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			bad(line, graphmodel.ErrSyntax, "%v", err)
			if errors.Is(err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		lb := analysis.Label{Source: strings.TrimSpace(rec[col["source"]]), Target: strings.TrimSpace(rec[col["target"]]), Line: line}
		switch strings.ToLower(strings.TrimSpace(rec[col["coded"]])) {
		case "relational":
			lb.Relational = true
		case "transactional":
		default:
			bad(line, graphmodel.ErrSyntax, "coded %q: want relational or transactional", rec[col["coded"]])
			continue
		}
		if lb.Source == "" || lb.Target == "" {
			bad(line, graphmodel.ErrEmptyID, "empty source or target")
			continue
		}
		out = append(out, lb)
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return nil, &graphmodel.ValidationError{Path: path, Problems: problems}
	}
	return out, nil
}
