package importer

import (
	"time"

	"github.com/liaison-net/liaison/graphmodel"
)

// ymd builds a time from year, month and day fields (0 for empty): the calendar date when
// all three make one, else the year alone (yearOnly); the zero Time (open) when year is 0.
func ymd(year, month, day int) (t graphmodel.Time, yearOnly bool) {
	if year == 0 {
		return graphmodel.Time{}, false
	}
	if month >= 1 && month <= 12 && day >= 1 && day <= 31 {
		d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if d.Year() == year && int(d.Month()) == month && d.Day() == day {
			return graphmodel.Time{Year: int32(year), Month: uint8(month), Day: uint8(day)}, false
		}
	}
	return graphmodel.Time{Year: int32(year)}, true
}

// yearOK reports whether y can be written as the contract's four-digit year.
func yearOK(y int) bool { return y >= 1 && y <= 9999 }

// startKey is the first day t covers, as yyyymmdd; open (zero) is before everything.
func startKey(t graphmodel.Time) int64 {
	switch {
	case t.IsZero():
		return -1 << 62
	case t.IsDate():
		return int64(t.Year)*10000 + int64(t.Month)*100 + int64(t.Day)
	}
	return int64(t.Year)*10000 + 101
}

// endKey is the last day t covers, as yyyymmdd; open (zero) is after everything.
func endKey(t graphmodel.Time) int64 {
	switch {
	case t.IsZero():
		return 1 << 62
	case t.IsDate():
		return int64(t.Year)*10000 + int64(t.Month)*100 + int64(t.Day)
	}
	return int64(t.Year)*10000 + 1231
}

// period is a since/until pair; zero ends are open.
type period struct{ since, until graphmodel.Time }

func (p period) valid() bool { return endKey(p.until) >= startKey(p.since) }

// intersect is the overlap of p and q, and whether they overlap.
func intersect(p, q period) (period, bool) {
	r := p
	if startKey(q.since) > startKey(p.since) {
		r.since = q.since
	}
	if endKey(q.until) < endKey(p.until) {
		r.until = q.until
	}
	return r, r.valid()
}

// later returns whichever of a and b starts later (as a since); earlier whichever ends
// earlier (as an until).
func later(a, b graphmodel.Time) graphmodel.Time {
	if startKey(b) > startKey(a) {
		return b
	}
	return a
}

func earlier(a, b graphmodel.Time) graphmodel.Time {
	if endKey(b) < endKey(a) {
		return b
	}
	return a
}
