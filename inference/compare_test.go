package inference

import (
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

// TestCompareCounts: on testdata/qap-random (one row a pair: since 1995 or 2005, until 2004
// or open) the ties formed between 2000 and 2010 are the rows since 2005, the dissolved the
// rows until 2004, the kept the rows since 1995 still open: counted here from ties.csv.
func TestCompareCounts(t *testing.T) {
	f, err := os.Open("../testdata/qap-random/ties.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var formed, dissolved, kept int
	for _, r := range rows[1:] { // source,target,weight,since,until,...
		switch {
		case r[3] == "2005":
			formed++
		case r[4] == "2004":
			dissolved++
		default:
			kept++
		}
	}
	l00 := layerOf(t, "testdata/qap-random", graphmodel.Combined, 2000)
	l10 := layerOf(t, "testdata/qap-random", graphmodel.Combined, 2010)
	c, err := Compare(context.Background(), analyse(t, l00), analyse(t, l10), Options{Reps: 200})
	if err != nil {
		t.Fatal(err)
	}
	if c.Counts.Formed != formed || c.Counts.Dissolved != dissolved || c.Counts.Kept != kept {
		t.Errorf("formed %d, dissolved %d, kept %d; ties.csv says %d, %d, %d", c.Counts.Formed, c.Counts.Dissolved, c.Counts.Kept, formed, dissolved, kept)
	}
	for _, ch := range c.ChangedClass {
		if ch.Class1 == ch.Class2 || ch.Class1 == "" || ch.Class2 == "" {
			t.Errorf("changed class %+v", ch)
		}
	}
	if c.QAP == nil || c.QAP.R <= 0 || c.QAP.PGreater > 0.01 {
		t.Errorf("QAP of two years sharing %d of their ties: %+v", kept, c.QAP)
	}
	for _, h := range c.Rose {
		if h.Rank1 != 0 && h.Rank1 <= h.Rank2 {
			t.Errorf("rose: %+v", h)
		}
	}
	for _, h := range c.Fell {
		if h.Rank2 != 0 && h.Rank2 <= h.Rank1 {
			t.Errorf("fell: %+v", h)
		}
	}
}

// TestTieColumn: a numeric column gives the largest value of the active rows, a domain 1, an
// unknown name an error that lists what there is.
func TestTieColumn(t *testing.T) {
	l := layerOf(t, "testdata/qap-random", graphmodel.Bilateral, 0)
	ids := l.Actors()
	def, err := TieColumnMatrix("d", l, "DEFENSE", ids)
	if err != nil {
		t.Fatal(err)
	}
	hum, err := TieColumnMatrix("h", l, "humint", ids)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open("../testdata/qap-random/ties.csv")
	defer f.Close()
	rows, _ := csv.NewReader(f).ReadAll()
	pos := position(ids)
	for _, r := range rows[1:] {
		i, j := pos[r[0]], pos[r[1]]
		if want := map[string]float64{"0": 0, "1": 1}[r[6]]; def.At(i, j) != want || def.At(j, i) != want {
			t.Errorf("%s–%s: defense %v, ties.csv %s", r[0], r[1], def.At(i, j), r[6])
		}
		want := 0.0
		for _, d := range strings.Split(r[5], ";") {
			if d == "HUMINT" {
				want = 1
			}
		}
		if hum.At(i, j) != want {
			t.Errorf("%s–%s: humint %v, domains %q", r[0], r[1], hum.At(i, j), r[5])
		}
	}
	if _, err := TieColumnMatrix("x", l, "nosuch", ids); err == nil {
		t.Error("an unknown column was accepted")
	} else if want := "numeric columns: defense; domains: CT, HUMINT, SIGINT"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}
