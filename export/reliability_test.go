package export

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
)

// TestNoInfiniteWeights loads data sets whose weights are near the largest float64: each is
// either rejected with graphmodel.ErrBadWeight (by Load or Dataset.Layer) or analysed into a
// JSON document and GEXF, GraphML and CSV files with no Inf or NaN anywhere.
func TestNoInfiniteWeights(t *testing.T) {
	const max = "1.7976931348623157e308"
	inputs := map[string]map[string]string{
		"two max rows":     {"ties.csv": "source,target,weight\nA,B," + max + "\nA,B," + max + "\n"},
		"one max row":      {"ties.csv": "source,target,weight\nA,B," + max + "\nB,C,1\n"},
		"tie and exchange": {"ties.csv": "source,target,weight\nA,B," + max + "\n", "exchanges.csv": "date,from,to,volume\n2001,B,A,1e300\n"},
		"star":             {"ties.csv": "source,target,weight\nA,B,1e308\nA,C,1e308\nA,D,1e308\n"},
		"large":            {"ties.csv": "source,target,weight\nA,B,4e307\nA,C,4e307\nB,C,1\nC,D,1e-300\n"},
		"club weight":      {"ties.csv": "source,target,weight\nA,B,8e307\n", "memberships.csv": "club,actor\nK,A\nK,B\nK,C\n"},
	}
	bad := regexp.MustCompile(`(?i)\binf|nan\b`)
	for name, files := range inputs {
		t.Run(name, func(t *testing.T) {
			m := fstest.MapFS{}
			for f, body := range files {
				m[f] = &fstest.MapFile{Data: []byte(body)}
			}
			d, err := graphmodel.LoadFS(m, "in")
			if err != nil {
				if !errors.Is(err, graphmodel.ErrBadWeight) {
					t.Fatalf("load: %v", err)
				}
				return
			}
			o := graphmodel.DefaultOptions()
			o.ClubWeight = 1e300
			l, err := d.Layer(o)
			if err != nil {
				if !errors.Is(err, graphmodel.ErrBadWeight) {
					t.Fatalf("layer: %v", err)
				}
				return
			}
			r, err := analysis.Analyze(context.Background(), l, analysis.Options{})
			if err != nil {
				t.Fatalf("analyze: %v", err)
			}
			var js bytes.Buffer
			if err := r.WriteJSON(&js); err != nil {
				t.Fatalf("JSON: %v", err)
			}
			outs := map[string][]byte{"json": js.Bytes()}
			for _, f := range []string{"gexf", "graphml", "dot"} {
				w, _ := WriterFor(f)
				var b bytes.Buffer
				if err := w(&b, r, Options{}); err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				outs[f] = b.Bytes()
			}
			var nodes, edges bytes.Buffer
			if err := WriteCSV(&nodes, &edges, r, Options{}); err != nil {
				t.Fatalf("csv: %v", err)
			}
			outs["nodes.csv"], outs["edges.csv"] = nodes.Bytes(), edges.Bytes()
			for f, b := range outs {
				if loc := bad.FindIndex(b); loc != nil {
					t.Errorf("%s has %q: …%s…", f, b[loc[0]:loc[1]], b[max0(loc[0]-80):min(len(b), loc[1]+40)])
				}
			}
		})
	}
}

func max0(i int) int { return max(i, 0) }
