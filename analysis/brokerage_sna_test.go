package analysis_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testutil"
)

// TestBrokerageSNA checks the Gould–Fernandez counts against R sna's brokerage() on the
// example's combined layer (ties, exchanges and club co-membership; regions as groups),
// written by scripts/sna_positions.R. sna counts directed two-paths a→b→c; on a symmetric
// graph each open two-path a–b–c is two of them (a→b→c and c→b→a), so its coordinator (w_I),
// itinerant (w_O) and liaison (b_O) counts are twice ours, and each of our gatekeeper (=
// representative) paths is one b_OI and one b_IO.
func TestBrokerageSNA(t *testing.T) {
	f, err := os.Open("../testdata/positions/brokerage-example.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := map[string][]int{}
	sc := bufio.NewScanner(f)
	var cols []string
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch fs[0] {
		case "columns":
			cols = fs[1:]
		case "row":
			for _, v := range fs[2:] {
				n, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatal(err)
				}
				ref[fs[1]] = append(ref[fs[1]], int(n))
			}
		}
	}
	if strings.Join(cols[:5], " ") != "w_I w_O b_IO b_OI b_O" {
		t.Fatalf("columns %v", cols)
	}
	r := testutil.Analyze(t, "../testdata/example", graphmodel.DefaultOptions(), analysis.Options{})
	if r.Settings.BrokerageGroup != "region" {
		t.Fatalf("brokerage groups %q, want region", r.Settings.BrokerageGroup)
	}
	total := 0
	for _, a := range r.Actors {
		want, ok := ref[a.ID]
		if !ok {
			t.Fatalf("no sna row for %s", a.ID)
		}
		b := a.Brokerage
		got := []int{2 * b.Coordinator, 2 * b.Itinerant, b.Representative, b.Gatekeeper, 2 * b.Liaison}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %s %d, sna %d", a.ID, cols[i], got[i], want[i])
			}
			total += want[i]
		}
	}
	if total == 0 {
		t.Fatal("sna counts no brokerage at all: the reference is empty")
	}
}
