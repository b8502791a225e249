package queries

import (
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/liaison-net/liaison/graphmodel"
)

// Times in Neo4j: a graphmodel.Time becomes a date and a precision flag. A year is its first
// day as a since or a date and its last day as an until; the flag (sinceYear …) is true for a
// year. In a spell list an open end is the earliest (since) or latest (until) date Neo4j
// can hold, so a year filter needs no null test.

// The dates of an open end in a spell list: Neo4j's date range.
var (
	openSince = dbtype.Date(time.Date(-999999999, 1, 1, 0, 0, 0, 0, time.UTC))
	openUntil = dbtype.Date(time.Date(999999999, 12, 31, 0, 0, 0, 0, time.UTC))
)

// neoDate is t as a date: its first day, or its last when end is true.
func neoDate(t graphmodel.Time, end bool) dbtype.Date {
	if t.IsDate() {
		return dbtype.Date(time.Date(int(t.Year), time.Month(t.Month), int(t.Day), 0, 0, 0, 0, time.UTC))
	}
	if end {
		return dbtype.Date(time.Date(int(t.Year), 12, 31, 0, 0, 0, 0, time.UTC))
	}
	return dbtype.Date(time.Date(int(t.Year), 1, 1, 0, 0, 0, 0, time.UTC))
}

// setTime writes t under prop with its precision flag, when t is given.
func setTime(p map[string]any, prop string, t graphmodel.Time, end bool) {
	if t.IsZero() {
		return
	}
	p[prop], p[yearProp(prop)] = neoDate(t, end), !t.IsDate()
}

// fromNeo is the time held by a date value and its precision flag (nil: not given, or an
// open end of a spell list).
func fromNeo(v, year any) (graphmodel.Time, error) {
	if v == nil {
		return graphmodel.Time{}, nil
	}
	var t time.Time
	switch x := v.(type) {
	case dbtype.Date:
		t = time.Time(x)
	case time.Time:
		t = x
	default:
		return graphmodel.Time{}, fmt.Errorf("time %v (%T) is not a date", v, v)
	}
	if t.Year() < 1 || t.Year() > 9999 { // an open end
		return graphmodel.Time{}, nil
	}
	if y, _ := year.(bool); y {
		return graphmodel.Time{Year: int32(t.Year())}, nil
	}
	return graphmodel.Time{Year: int32(t.Year()), Month: uint8(t.Month()), Day: uint8(t.Day())}, nil
}

// timeText is fromNeo as the input's text ("" when not given).
func timeText(v, year any) (string, error) {
	t, err := fromNeo(v, year)
	return t.String(), err
}
