package graphmodel_test

import (
	"testing"
	"testing/fstest"

	"github.com/liaison-net/liaison/graphmodel"
)

// TestActiveSpan: a club founded in 1386 whose members are recorded from 1816 spans from 1816;
// a membership ends with its club.
func TestActiveSpan(t *testing.T) {
	d, err := graphmodel.LoadFS(fstest.MapFS{
		"clubs.csv":       {Data: []byte("id,since,until\nOLD,1386,1900\n")},
		"memberships.csv": {Data: []byte("club,actor,since,until\nOLD,A,1816,\nOLD,B,,1850\n")},
		"ties.csv":        {Data: []byte("source,target,since,until\nA,B,1820,1830\n")},
	}, "mem")
	if err != nil {
		t.Fatal(err)
	}
	first, last, ok := d.ActiveSpan()
	if !ok || first != 1386 || last != 1900 {
		// B's membership has no since: it starts with its club, in 1386.
		t.Errorf("ActiveSpan = %d, %d, %v; want 1386, 1900, true", first, last, ok)
	}
	d, err = graphmodel.LoadFS(fstest.MapFS{
		"clubs.csv":       {Data: []byte("id,since,until\nOLD,1386,\n")},
		"memberships.csv": {Data: []byte("club,actor,since,until\nOLD,A,1816,1914\nOLD,B,1816,1990\n")},
	}, "mem")
	if err != nil {
		t.Fatal(err)
	}
	if first, last, ok := d.ActiveSpan(); !ok || first != 1816 || last != 1990 {
		t.Errorf("ActiveSpan = %d, %d, %v; want 1816, 1990, true", first, last, ok)
	}
	d, err = graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: []byte("source,target\nA,B\n")}}, "mem")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := d.ActiveSpan(); ok {
		t.Error("ActiveSpan of a data set without years: ok")
	}
}
