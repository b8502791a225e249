package analysis_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testutil"
)

// TestBalanceResult checks the balance member on a data set built so that every count is
// known: the triangle A–B–C is allied (+ + +), C–D is allied and A–D, B–D are rivals, A–F is
// both (ambivalent), and E, a rival of A, has no tie (not a node in 2000).
func TestBalanceResult(t *testing.T) {
	d, err := graphmodel.LoadFS(mapFS(map[string]string{
		"ties.csv": "source,target,weight,since,until\nA,B,1,,\nB,C,1,,\nA,C,1,,\nC,D,1,,\nA,F,1,,\n",
		// A–D and B–D rivals: triangles A-B-D (+ − −, balanced), A-C-D (+ + −), B-C-D (+ + −);
		// A–F allied and rivals (ambivalent: negative); E only here, so not a node with --at.
		"rivalries.csv": "source,target,weight,since,until\nA,D,2,,\nD,B,1,,\nA,F,3,,\nA,E,5,1990,2010\n",
	}), "signed")
	if err != nil {
		t.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.At = 2000
	r := testutil.AnalyzeData(t, d, o, analysis.Options{})
	b := r.Balance
	if b == nil {
		t.Fatal("no balance member with rivalries.csv")
	}
	if b.Positive != 4 || b.Negative != 3 || b.Ambivalent != 1 || b.Outside != 1 {
		t.Errorf("positive %d negative %d ambivalent %d outside %d: want 4, 3, 1, 1", b.Positive, b.Negative, b.Ambivalent, b.Outside)
	}
	want := struct{ PPP, PPN, PNN, NNN int }{1, 2, 1, 0}
	if got := (struct{ PPP, PPN, PNN, NNN int }{b.Triads.PPP, b.Triads.PPN, b.Triads.PNN, b.Triads.NNN}); got != want {
		t.Errorf("triads %+v, want %+v", got, want)
	}
	if b.Balanced != 0.5 {
		t.Errorf("balanced %v, want 2/4", b.Balanced)
	}
	rivals := analysis.RivalsOf(r.View, "A")
	wantR := []analysis.Rival{{ID: "E", Weight: 5}, {ID: "F", Weight: 3, Tied: true}, {ID: "D", Weight: 2}}
	if !reflect.DeepEqual(rivals, wantR) {
		t.Errorf("rivals of A %+v, want %+v", rivals, wantR)
	}
	if len(b.HubRivals) != len(r.Hubs) {
		t.Errorf("%d hub rivals for %d hubs", len(b.HubRivals), len(r.Hubs))
	}
	// Without rivalries.csv there is no balance member, in the result or the JSON.
	d2, _ := graphmodel.LoadFS(mapFS(map[string]string{"ties.csv": "source,target\nA,B\nB,C\nA,C\nC,D\n"}), "plain")
	r2 := testutil.AnalyzeData(t, d2, graphmodel.DefaultOptions(), analysis.Options{})
	var buf bytes.Buffer
	if err := r2.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc["balance"]; ok || r2.Balance != nil {
		t.Error("balance present without rivalries.csv")
	}
	if _, ok := doc["core_periphery"]; !ok {
		t.Error("no core_periphery in the JSON")
	}
}
