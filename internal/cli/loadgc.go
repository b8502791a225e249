package cli

import (
	"os"
	"runtime/debug"

	"github.com/liaison-net/liaison/graphmodel"
)

// loadData is graphmodel.LoadWith with the garbage collector paused while a whole data set
// loads (o.At == 0). What Load allocates stays live until it returns (the rows, the ids, the
// text of the file being split), so a collection during the load frees next to nothing: it
// only scans the rows slice while it is being filled, faulting its pages in twice, which cost
// a sixth of the load's CPU time on the 917,695-row COW IGO file. The garbage a paused load
// can leave is bounded by the input's size (the text of the files read before the last, and
// encoding/csv's records for quoted files). A load of one period (o.At ≠ 0) streams its rows
// and keeps the collector running, and so does a GOGC set in the environment.
func loadData(path string, o graphmodel.LoadOptions) (*graphmodel.Dataset, error) {
	if o.At == 0 && os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
	}
	return graphmodel.LoadWith(path, o)
}
