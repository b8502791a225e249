package graphmodel

import (
	"fmt"
	"slices"
)

// WithRows returns a copy of d (the same actors, clubs, rivalries and columns) whose tie rows,
// memberships and exchanges are the given ones: the null models of package inference move
// rows between actors and analyse the result as a data set. Every reference must be an
// actor (a club) of d and a tie may not join an actor to itself; the rows are not otherwise
// checked again.
func (d *Dataset) WithRows(ties []Tie, memberships []Membership, exchanges []Exchange) (*Dataset, error) {
	for i := range ties {
		t := &ties[i]
		if _, ok := d.actorIndex[t.Source]; !ok {
			return nil, fmt.Errorf("with rows: tie %d: %w: no actor %q", i, ErrUnknownRef, t.Source)
		}
		if _, ok := d.actorIndex[t.Target]; !ok {
			return nil, fmt.Errorf("with rows: tie %d: %w: no actor %q", i, ErrUnknownRef, t.Target)
		}
		if t.Source == t.Target {
			return nil, fmt.Errorf("with rows: tie %d joins %q to itself", i, t.Source)
		}
	}
	for i := range memberships {
		m := &memberships[i]
		if _, ok := d.actorIndex[m.Actor]; !ok {
			return nil, fmt.Errorf("with rows: membership %d: %w: no actor %q", i, ErrUnknownRef, m.Actor)
		}
		if _, ok := d.clubIndex[m.Club]; !ok {
			return nil, fmt.Errorf("with rows: membership %d: %w: no club %q", i, ErrUnknownRef, m.Club)
		}
	}
	for i := range exchanges {
		e := &exchanges[i]
		for _, a := range []string{e.From, e.To} {
			if _, ok := d.actorIndex[a]; !ok {
				return nil, fmt.Errorf("with rows: exchange %d: %w: no actor %q", i, ErrUnknownRef, a)
			}
		}
	}
	out := &Dataset{Path: d.Path, Columns: d.Columns, Files: d.Files,
		Actors: slices.Clone(d.Actors), Clubs: slices.Clone(d.Clubs),
		Ties: ties, Memberships: memberships, Exchanges: exchanges, Rivalries: d.Rivalries}
	out.index()
	return out, nil
}
