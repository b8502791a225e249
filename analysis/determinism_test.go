package analysis

import (
	"bytes"
	"context"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

// TestSameBytesAcrossLoads: the data set loaded anew each time analyses to the same bytes (a
// sum over a map in the clubs' reciprocity once varied in the last digit from load to load).
func TestSameBytesAcrossLoads(t *testing.T) {
	var first []byte
	for i := 0; i < 8; i++ {
		d, err := graphmodel.Load("../testdata/example")
		if err != nil {
			t.Fatal(err)
		}
		o := graphmodel.DefaultOptions()
		o.At = 2005
		l, err := d.Layer(o)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Analyze(context.Background(), l, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := r.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b.Bytes()
		} else if !bytes.Equal(first, b.Bytes()) {
			t.Fatalf("load %d analyses to other bytes than load 1", i+1)
		}
	}
}
