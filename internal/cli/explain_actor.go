package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/spf13/cobra"
)

// explainActorRun explains one actor: it needs the whole analysis (hubs, core–periphery,
// balance).
func explainActorRun(cmd *cobra.Command, l *graphmodel.Layer, ao analysis.Options, id string) error {
	r, err := analysis.Analyze(cmd.Context(), l, ao)
	if err != nil {
		return err
	}
	warn(cmd, r.Warnings)
	return output(cmd, "", func(w io.Writer) error { return explainActor(termWriter{w}, r, id) })
}

func explainActor(w io.Writer, r *analysis.Result, id string) error {
	a, ok := r.Actor(id)
	if !ok {
		return usageError{fmt.Errorf("actor %q is not in the layer in this period", id)}
	}
	fmt.Fprintf(w, "actor %s: degree %d, strength %.4g, k-core %d, community %d\n", termSafe(id), a.Degree, a.Strength, a.Core, a.Community)
	rank := slices.IndexFunc(r.Hubs, func(h analysis.Hub) bool { return h.ID == id })
	if rank >= 0 {
		h := r.Hubs[rank]
		fmt.Fprintf(w, "hub #%d of %d (score %.3f): %s\n", rank+1, len(r.Hubs), h.Score, termSafe(h.Why))
	} else {
		fmt.Fprintf(w, "not among the %d hubs\n", len(r.Hubs))
	}
	if cp := r.CorePeriphery; cp != nil {
		for _, c := range cp.Coreness {
			if c.ID == id {
				where := "periphery"
				if c.Core {
					where = "core"
				}
				fmt.Fprintf(w, "core–periphery: coreness %.3f, in the discrete %s (fit %.3f)\n", c.Coreness, where, cp.DiscreteFit)
			}
		}
	}
	b := r.Balance
	if b == nil {
		return nil
	}
	rivals := analysis.RivalsOf(r.View, id)
	fmt.Fprintf(w, "rivals in the period: %s\n", rivalText(rivals))
	for k, c := range b.Partition.Clusters {
		if slices.Contains(c, id) {
			var foes []string
			for _, rv := range rivals {
				if slices.Contains(c, rv.ID) {
					foes = append(foes, rv.ID)
				}
			}
			fmt.Fprintf(w, "balance bloc %d of %d (%d actors); rivals inside its own bloc: %s\n", k+1, len(b.Partition.Clusters), len(c), noneIfEmpty(strings.Join(termSafeAll(foes), ", ")))
		}
	}
	return nil
}

// rivalText lists rivals with their weights, marking those also tied.
func rivalText(rs []analysis.Rival) string {
	if len(rs) == 0 {
		return "none"
	}
	var parts []string
	for _, r := range rs {
		p := fmt.Sprintf("%s (%.4g)", termSafe(r.ID), r.Weight)
		if r.Tied {
			p += " also tied"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}

// explainTieRivals ends a tie's explanation with the rivals of its ends, with rivalries.csv.
func explainTieRivals(w io.Writer, r *analysis.Result, a, b string) {
	if !slices.Contains(r.View.Data.Files, graphmodel.RivalriesFile) {
		return
	}
	ra, rb := analysis.RivalsOf(r.View, a), analysis.RivalsOf(r.View, b)
	fmt.Fprintf(w, "\nrivals of %s: %s\nrivals of %s: %s\n", termSafe(a), rivalText(ra), termSafe(b), rivalText(rb))
	var common []string
	for _, x := range ra {
		if x.ID == b {
			fmt.Fprintf(w, "%s and %s are rivals themselves (an ambivalent pair: negative in the balance counts)\n", termSafe(a), termSafe(b))
		}
		if slices.ContainsFunc(rb, func(y analysis.Rival) bool { return y.ID == x.ID }) {
			common = append(common, x.ID)
		}
	}
	fmt.Fprintf(w, "common rivals (the enemy of both: a balanced triangle): %s\n", noneIfEmpty(strings.Join(termSafeAll(common), ", ")))
}

func noneIfEmpty(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
