package analysis

import (
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/provenance"
)

// provenanceOf analyses the provenance record of l's data set up to l's year (all of it
// without --at); nil when the exchanges have no provenance columns, so a result without them
// is as before (and when skip is set).
func provenanceOf(l *graphmodel.Layer, skip bool) (*provenance.Result, error) {
	if skip || !provenance.Has(l.Data) {
		return nil, nil
	}
	return provenance.Analyze(l.Data, provenance.Options{At: l.Options.At})
}
