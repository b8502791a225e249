package graphmodel

import "strings"

// FindActor resolves what a user typed as an actor: its id, or its id or name in any case
// when that names exactly one actor. Otherwise the error (wrapping ErrUnknownRef) says
// "unknown actor X" and suggests the closest id or name ("did you mean Y?").
func (d *Dataset) FindActor(s string) (string, error) {
	if _, ok := d.actorIndex[s]; ok {
		return s, nil
	}
	ids, names := make([]string, len(d.Actors)), make([]string, len(d.Actors))
	for i, a := range d.Actors {
		ids[i], names[i] = a.ID, a.Name
	}
	return find("actor", s, ids, names)
}

// FindClub is FindActor for clubs.
func (d *Dataset) FindClub(s string) (string, error) {
	if _, ok := d.clubIndex[s]; ok {
		return s, nil
	}
	ids, names := make([]string, len(d.Clubs)), make([]string, len(d.Clubs))
	for i, c := range d.Clubs {
		ids[i], names[i] = c.ID, c.Name
	}
	return find("club", s, ids, names)
}

func find(what, s string, ids, names []string) (string, error) {
	var hits []string
	for i := range ids {
		if strings.EqualFold(ids[i], s) || (names[i] != "" && strings.EqualFold(names[i], s)) {
			hits = append(hits, ids[i])
		}
	}
	if len(hits) == 1 {
		return hits[0], nil
	}
	if len(hits) > 1 {
		return "", newProblem(ErrUnknownRef, "%s %q is ambiguous: %s", what, s, strings.Join(hits, ", "))
	}
	best, dist := "", -1
	low := strings.ToLower(s)
	for i := range ids {
		for _, cand := range []string{ids[i], names[i]} {
			if cand == "" {
				continue
			}
			if d := levenshtein(low, strings.ToLower(cand)); dist < 0 || d < dist {
				best, dist = ids[i], d
			}
		}
	}
	if best != "" && dist <= max(2, len(s)/3) {
		return "", newProblem(ErrUnknownRef, "unknown %s %q (did you mean %s?)", what, s, best)
	}
	return "", newProblem(ErrUnknownRef, "unknown %s %q", what, s)
}

// levenshtein is the edit distance between a and b, by runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
