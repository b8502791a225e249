package structure

import (
	"bufio"
	"math"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/internal/testenv"
)

// snaCase is one file of testdata/positions, written by scripts/sna_positions.R: lines of a
// key and its space-separated values.
func snaCase(t *testing.T, name string) map[string][]string {
	t.Helper()
	f, err := os.Open("../testdata/positions/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) > 0 {
			out[fields[0]] = fields[1:]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func floats(t *testing.T, s []string) []float64 {
	t.Helper()
	out := make([]float64, len(s))
	for i, v := range s {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = x
	}
	return out
}

func ints(t *testing.T, s []string) []int {
	t.Helper()
	out := make([]int, len(s))
	for i, v := range s {
		x, err := strconv.Atoi(v)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = x
	}
	return out
}

// TestPositionsSNA compares the distances, the dendrogram, the cuts and the image matrices
// with R sna's sedist, equiv.clust (hclust, complete), cutree and blockmodel.
func TestPositionsSNA(t *testing.T) {
	for _, c := range []struct{ name, dir string }{
		{"karate", "../testdata/karate"}, {"florentine", "../testdata/florentine"}, {"example-binary", "../testdata/example"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ref := snaCase(t, c.name)
			l := layerOf(t, c.dir)
			if !slices.Equal(l.Actors(), ref["ids"]) {
				t.Fatalf("nodes %v, R's %v", l.Actors(), ref["ids"])
			}
			binary := ref["binary"][0] == "1"
			g := graphOf(l)
			n := g.N
			for _, method := range []string{Hamming, Euclidean} {
				d, err := StructuralDistances(g, method, binary)
				if err != nil {
					t.Fatal(err)
				}
				want := floats(t, ref[method])
				worst := 0.0
				for i := range d {
					worst = max(worst, math.Abs(d[i]-want[i])/max(1, math.Abs(want[i])))
				}
				if worst > 1e-9 {
					t.Errorf("%s: distances differ from sedist by up to %g (relative)", method, worst)
				}
				t.Logf("%s: distances within %.1e (relative) of sedist", method, worst)
				// Cluster R's own distances so the dendrogram is compared on the same input.
				dg := CompleteLinkage(want, n)
				merge := ints(t, ref["merge_"+method])
				var got []int
				for _, m := range dg.Merge {
					got = append(got, m[0], m[1])
				}
				if !slices.Equal(got, merge) {
					t.Errorf("%s: merge %v\nR's %v", method, got, merge)
				}
				h := floats(t, ref["height_"+method])
				for i := range h {
					if math.Abs(dg.Height[i]-h[i]) > 1e-9*max(1, h[i]) {
						t.Errorf("%s: height %d: %v, R's %v", method, i, dg.Height[i], h[i])
						break
					}
				}
				if !slices.Equal(dg.Order, ints(t, ref["order_"+method])) {
					t.Errorf("%s: order %v, R's %v", method, dg.Order, ref["order_"+method])
				}
				// And from our own distances, the whole pipeline.
				mine := CompleteLinkage(d, n)
				for k := 2; k <= 5; k++ {
					key := method + "_" + strconv.Itoa(k)
					of := CutTree(mine, n, k)
					wantOf := ints(t, ref["cut_"+key])
					for i := range of {
						of[i]++
					}
					if !slices.Equal(of, wantOf) {
						t.Errorf("cut %s: %v\nR's %v", key, of, wantOf)
						continue
					}
					img, _ := BlockImage(g, CutTree(mine, n, k), k, binary)
					wantImg := floats(t, ref["image_"+key])
					for p := 0; p < k; p++ {
						for q := 0; q < k; q++ {
							a, b := img[p][q], wantImg[p*k+q]
							if math.IsNaN(a) != math.IsNaN(b) || !math.IsNaN(a) && math.Abs(a-b) > 1e-9*max(1, math.Abs(b)) {
								t.Errorf("image %s [%d][%d]: %v, R's %v", key, p, q, a, b)
							}
						}
					}
				}
			}
		})
	}
}

// TestPositionsSNAReproducible reruns the R script: the reference files are its output.
func TestPositionsSNAReproducible(t *testing.T) {
	testenv.Tool(t, "Rscript")
	if out, err := exec.Command("Rscript", "-e", "library(sna)").CombinedOutput(); err != nil {
		testenv.Missing(t, "R sna: %v\n%s", err, out)
	}
	out, err := exec.Command("Rscript", "../scripts/sna_positions.R", "--check").CombinedOutput()
	if err != nil {
		t.Fatalf("sna_positions.R --check: %v\n%s", err, out)
	}
}
