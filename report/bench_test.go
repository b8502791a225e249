package report

import (
	"bytes"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

// BenchmarkReport1000 makes the whole HTML report of a generated data set of 1,000 actors and
// 10,000 ties (40 clubs, 1950–2020) as `liaison report` does: load, analysis, the 25 years of
// the change over time with their per-year analyses, the pictures, the view's data and the
// page. It reports the page's size (html-bytes).
func BenchmarkReport1000(b *testing.B) {
	dir := b.TempDir()
	genDataset(b, dir, 1000, 10000, 11)
	var size int
	for b.Loop() {
		rep := buildPath(b, dir, graphmodel.DefaultOptions(), Options{})
		var buf bytes.Buffer
		if err := rep.WriteHTML(&buf); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "html-bytes")
}
