package style

import (
	"slices"
	"testing"
)

func TestCommunityColours(t *testing.T) {
	got := CommunityColours([]int{3, 10, 1, 10, 5})
	want := []string{CommunityPalette[3], CommunityPalette[0], OtherCommunity, CommunityPalette[1], CommunityPalette[2]}
	if !slices.Equal(got, want) {
		t.Errorf("CommunityColours = %v, want %v", got, want)
	}
	many := make([]int, len(CommunityPalette)+3)
	for i := range many {
		many[i] = 100 - i
	}
	if c := CommunityColours(many); c[len(c)-1] != OtherCommunity || c[0] != CommunityPalette[0] {
		t.Errorf("beyond the palette: %v", c)
	}
	for _, c := range CommunityPalette {
		if c == Relational || c == Transactional || c == ClubOnly {
			t.Errorf("community colour %s is a tie class colour", c)
		}
	}
	if RGB("#1f3a93") != [3]uint8{31, 58, 147} {
		t.Error("RGB")
	}
}
