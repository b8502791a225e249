package analysis_test

import (
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testutil"
)

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

// TestEgo checks the ego network of E on a small data set built so that every answer is known:
// E is tied to A (from 1990), B (1990–1999) and C (from 2000), A–B are tied (from 1990) and C–D
// (B and D two steps away in 2005), and E and F share a club (club-only tie) from 1995.
func TestEgo(t *testing.T) {
	d, err := graphmodel.LoadFS(mapFS(map[string]string{
		"ties.csv":        "source,target,weight,since,until\nE,A,2,1990,\nE,B,1,1990,1999\nE,C,3,2000,\nA,B,1,1990,\nC,D,1,2000,\n",
		"memberships.csv": "club,actor,since,until\nK,E,1995,\nK,F,1995,\n",
		"rivalries.csv":   "source,target,weight,since,until\nE,D,4,2001,\nE,X,1,1950,1960\n",
	}), "ego")
	if err != nil {
		t.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.At = 2005
	r := testutil.AnalyzeData(t, d, o, analysis.Options{})
	e, err := analysis.Ego(r, "E", 2)
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]any
	for _, p := range e.Partners {
		got = append(got, [2]any{p.ID, p.Distance})
	}
	want := [][2]any{{"A", 1}, {"C", 1}, {"F", 1}, {"B", 2}, {"D", 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("partners %v, want %v", got, want)
	}
	if e.Partners[2].Class != "club" || e.Partners[2].PRelational != nil || e.Partners[0].Weight != 2+0 || e.Partners[1].Weight != 3 {
		t.Errorf("direct ties %+v", e.Partners[:3])
	}
	if e.Classes.Club != 1 || e.Classes.Relational+e.Classes.Transactional != 2 {
		t.Errorf("classes %+v: want 2 bilateral, 1 club only", e.Classes)
	}
	// Among A, B, C, D, F (B two steps away in 2005, through A) A–B and C–D are tied.
	if len(e.Ties) != 2 || e.Ties[0].Source != "A" || e.Ties[0].Target != "B" || e.Ties[1].Source != "C" || e.Density != 2.0/10 {
		t.Errorf("ties among partners %+v, density %v", e.Ties, e.Density)
	}
	if !reflect.DeepEqual(e.Clubs, []string{"K"}) {
		t.Errorf("clubs %v", e.Clubs)
	}
	if len(e.Rivals) != 1 || e.Rivals[0].ID != "D" || e.Rivals[0].Weight != 4 || e.Rivals[0].Tied {
		t.Errorf("rivals %+v: want D only (the X rivalry ended in 1960)", e.Rivals)
	}
	a, _ := r.Actor("E")
	if e.Constraint != a.Constraint || e.EffectiveSize != a.EffectiveSize || e.Brokerage != a.Brokerage {
		t.Errorf("ego measures differ from the analysis's")
	}
	wantYears := []analysis.EgoYear{
		{Year: 1990, Partners: 2, Gained: []string{"A", "B"}, Lost: []string{}},
		{Year: 1995, Partners: 3, Gained: []string{"F"}, Lost: []string{}},
		{Year: 2000, Partners: 3, Gained: []string{"C"}, Lost: []string{"B"}},
	}
	if !reflect.DeepEqual(e.Years, wantYears) {
		t.Errorf("years %+v\nwant %+v", e.Years, wantYears)
	}
	if _, err := analysis.Ego(r, "E", 0); err == nil {
		t.Error("radius 0 accepted")
	}
	if _, err := analysis.Ego(r, "X", 1); err == nil {
		t.Error("X has only a rivalry, which ended in 1960: not a node in 2005, want an error")
	}
}
