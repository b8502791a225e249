package graphmodel

import (
	"fmt"
	"time"
)

// Time is a point in time as a liaison data set gives it: a year (1946) or a calendar date
// (1946-03-05). The zero Time means "not given": an empty since is "always was" and an
// empty until is "still is".
type Time struct {
	Year  int32
	Month uint8 // 0 when only the year is known
	Day   uint8 // 0 when only the year is known
}

// IsZero reports whether t was not given.
func (t Time) IsZero() bool { return t.Year == 0 && t.Month == 0 }

// IsDate reports whether t is a full calendar date rather than a year.
func (t Time) IsDate() bool { return t.Month != 0 }

// String formats t as it is written in the input: "1946" or "1946-03-05"; "" when zero.
func (t Time) String() string {
	switch {
	case t.IsZero():
		return ""
	case t.IsDate():
		return fmt.Sprintf("%04d-%02d-%02d", t.Year, t.Month, t.Day)
	default:
		return fmt.Sprintf("%04d", t.Year)
	}
}

// first is the first day t covers, as a sortable number yyyymmdd: a year covers Jan 1 to Dec 31.
func (t Time) first() int64 {
	if t.IsDate() {
		return int64(t.Year)*10000 + int64(t.Month)*100 + int64(t.Day)
	}
	return int64(t.Year)*10000 + 101
}

// last is the last day t covers, as a sortable number yyyymmdd.
func (t Time) last() int64 {
	if t.IsDate() {
		return t.first()
	}
	return int64(t.Year)*10000 + 1231
}

// ParseTime parses a year ("1946", four digits) or an ISO date ("1946-03-05"). Surrounding
// spaces are ignored; the empty string gives the zero Time.
func ParseTime(s string) (Time, error) {
	s = trimSpace(s)
	if s == "" {
		return Time{}, nil
	}
	if len(s) == 4 {
		y, ok := digits(s)
		if ok && y > 0 {
			return Time{Year: int32(y)}, nil
		}
	} else if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:])
		if ok1 && ok2 && ok3 && y > 0 {
			tt := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if tt.Year() == y && int(tt.Month()) == m && tt.Day() == d {
				return Time{Year: int32(y), Month: uint8(m), Day: uint8(d)}, nil
			}
		}
	}
	return Time{}, fmt.Errorf("%q is not a year or an ISO date (YYYY or YYYY-MM-DD)", s)
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// Period is a time span with inclusive ends; a zero Since or Until leaves that end open.
type Period struct {
	Since, Until Time
}

// ActiveIn reports whether p is active at some time in the given year:
// the year of Since ≤ year ≤ the year of Until, open ends always matching.
func (p Period) ActiveIn(year int) bool {
	if !p.Since.IsZero() && int(p.Since.Year) > year {
		return false
	}
	if !p.Until.IsZero() && int(p.Until.Year) < year {
		return false
	}
	return true
}

// valid reports whether Until is not before Since.
func (p Period) valid() bool {
	if p.Since.IsZero() || p.Until.IsZero() {
		return true
	}
	return p.Until.last() >= p.Since.first()
}
