package export

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/style"
	"github.com/liaison-net/liaison/internal/testutil"
)

// DOT nodes are sized by hub score alone (fixedsize=shape: a long label never makes a node
// bigger) and ties are coloured as in the report: relational blue, transactional orange.
func TestDOTSizesAndColours(t *testing.T) {
	r := testutil.Analyze(t, "../testdata/example", graphmodel.DefaultOptions(), analysis.Options{Sample: 50})
	var b bytes.Buffer
	if err := WriteDOT(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	dot := b.String()
	if !regexp.MustCompile(`node \[[^]]*fixedsize=shape`).MatchString(dot) {
		t.Error("nodes are not fixedsize=shape")
	}
	hub := analysis.HubScores(r)
	width := map[string]float64{}
	for _, m := range regexp.MustCompile(`(?m)^  "([^"]+)" \[label="[^"]*", fillcolor="[^"]*", width=([0-9.]+)`).FindAllStringSubmatch(dot, -1) {
		width[m[1]], _ = strconv.ParseFloat(m[2], 64)
	}
	if len(width) != r.View.Len() {
		t.Fatalf("%d node widths, want %d", len(width), r.View.Len())
	}
	for u, a := range r.Actors {
		for v, b := range r.Actors {
			if hub[u] > hub[v]+0.02 && width[a.ID] < width[b.ID] {
				t.Errorf("%s (hub %.3f) is drawn smaller (%g) than %s (hub %.3f, %g)", a.ID, hub[u], width[a.ID], b.ID, hub[v], width[b.ID])
			}
		}
	}
	for class, colour := range map[string]string{"relational": style.Relational, "transactional": style.Transactional} {
		re := regexp.MustCompile(`color="([^"]+)", class="` + class + `"`)
		ms := re.FindAllStringSubmatch(dot, -1)
		if len(ms) == 0 {
			t.Errorf("no %s tie", class)
		}
		for _, m := range ms {
			if m[1] != colour {
				t.Errorf("a %s tie coloured %s, the report's is %s", class, m[1], colour)
				break
			}
		}
	}
}
