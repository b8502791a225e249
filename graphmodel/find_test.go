package graphmodel

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestFindActorAndClub(t *testing.T) {
	d, err := LoadFS(fsOf(map[string]string{
		"actors.csv":      "id,name\nUSA,United States\nGBR,United Kingdom\nPAK,Pakistan\nus,lower-case twin\n",
		"ties.csv":        "source,target\nUSA,GBR\n",
		"clubs.csv":       "id,name\nFVEY,Five Eyes\n",
		"memberships.csv": "club,actor\nFVEY,USA\n",
	}), "t")
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"USA": "USA", "gbr": "GBR", "united kingdom": "GBR", "Pakistan": "PAK", "us": "us"} {
		if got, err := d.FindActor(in); err != nil || got != want {
			t.Errorf("FindActor(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, msg := range map[string]string{
		"Pakistn":  `unknown actor "Pakistn" (did you mean PAK?)`,
		"GRB":      `unknown actor "GRB" (did you mean GBR?)`,
		"Atlantis": `unknown actor "Atlantis"`,
	} {
		_, err := d.FindActor(in)
		if err == nil || err.Error() != msg || !errors.Is(err, ErrUnknownRef) {
			t.Errorf("FindActor(%q): %v, want %s", in, err, msg)
		}
	}
	if got, err := d.FindClub("five eyes"); err != nil || got != "FVEY" {
		t.Errorf("FindClub = %q, %v", got, err)
	}
	if _, err := d.FindClub("FVYE"); err == nil || !strings.Contains(err.Error(), "did you mean FVEY?") {
		t.Errorf("FindClub typo: %v", err)
	}
}

func TestWarnings(t *testing.T) {
	d, err := LoadFS(fsOf(map[string]string{
		"ties.csv":        "source,target,since\nA,B,1990\nB,C,\n",
		"memberships.csv": "club,actor\nK,A\nK,C\n",
	}), "t")
	if err != nil {
		t.Fatal(err)
	}
	warnings := func(o Options) []string {
		l, err := d.Layer(o)
		if err != nil {
			t.Fatal(err)
		}
		return l.Warnings()
	}
	o := DefaultOptions()
	if w := warnings(o); !slices.Equal(w, []string{"no exchanges in the data set: reciprocity abstains everywhere and the factors decide every call"}) {
		t.Errorf("all time: %q", w)
	}
	o.At = 1800
	w := warnings(o)
	if len(w) != 3 || !strings.Contains(w[0], "--at 1800 is outside the data set's span (1990 to 1990)") || !strings.Contains(w[2], "1 tie row without since or until counted in 1800") {
		t.Errorf("at 1800: %q", w)
	}
	o.Layer, o.At = Clubs, 0
	d2, _ := LoadFS(fsOf(map[string]string{"memberships.csv": "club,actor\nK,A\nK,C\n"}), "t")
	l, _ := d2.Layer(o)
	if w := l.Warnings(); len(w) != 2 || !strings.HasPrefix(w[0], "no bilateral ties") {
		t.Errorf("clubs only: %q", w)
	}
}
