package graphmodel

import (
	"fmt"
	"io/fs"
)

// This file is the loading of one period: the rows that cannot matter in year At are read,
// checked and dropped, so that a command that analyses one year holds that year's rows, not
// the whole file's.

// LoadOptions tune LoadWith.
type LoadOptions struct {
	// At, when not 0, keeps only what a layer of year At can use: the tie rows and
	// memberships active in At and the exchanges dated At or before (the history the typology
	// reads); every actor and club stays. Every row is still checked as Load checks it (the
	// sums of pairs over all rows included, as Validate does), and Span and RowCounts are
	// those of the whole data set, so Layer with Options.At = At and everything computed from
	// it are the same as after Load. Layer with another At is an error.
	At int
}

// LoadWith is Load with options: LoadWith(path, LoadOptions{}) is Load(path).
func LoadWith(path string, o LoadOptions) (*Dataset, error) {
	fsys, names, err := source(path)
	if err != nil {
		return nil, err
	}
	return loadWith(fsys, path, names, o)
}

// LoadFSWith is LoadFS with options.
func LoadFSWith(fsys fs.FS, path string, o LoadOptions) (*Dataset, error) {
	return loadWith(fsys, path, nil, o)
}

// Period returns the year the data set was loaded for (LoadOptions.At); 0 when it holds
// every row.
func (d *Dataset) Period() int { return d.period }

// RowCounts returns the rows of each file of the data set: those read, kept or not (see
// LoadOptions.At).
func (d *Dataset) RowCounts() Counts {
	c := Counts{Actors: len(d.Actors), Clubs: len(d.Clubs), Ties: d.tieCount(), Memberships: len(d.Memberships),
		Exchanges: len(d.Exchanges), Files: d.Files}
	if d.period != 0 {
		c.Ties, c.Memberships, c.Exchanges = d.rowsRead[TiesFile], d.rowsRead[MembershipsFile], d.rowsRead[ExchangesFile]
	}
	return c
}

// checkPeriod says whether a layer of year at can be built from d.
func (d *Dataset) checkPeriod(at int) error {
	if d.period != 0 && at != d.period {
		return fmt.Errorf("the data set was loaded for %d only (LoadOptions.At), not for %s", d.period, periodName(at))
	}
	return nil
}

func periodName(at int) string {
	if at == 0 {
		return "all time"
	}
	return fmt.Sprint(at)
}

// see extends the span of the data set's times to t (a since, until or date; zero: none).
func (d *Dataset) see(t Time) {
	if t.IsZero() {
		return
	}
	if !d.hasSpan || t.first() < d.first.first() {
		d.first = t
	}
	if !d.hasSpan || t.last() > d.last.last() {
		d.last = t
	}
	d.hasSpan = true
}
