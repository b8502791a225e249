package analysis

import (
	"bytes"
	"math"
	"strconv"
)

// Factors holds named factor values, each in [0, 1], in a fixed report order (TieFactors or
// ClubFactors). A factor without data is absent. It is compact (one float per factor, and a
// pointer to the shared names; the values of all the ties of a Result share one array) and
// marshals to a JSON object in report order, leaving absent factors out.
type Factors struct {
	names *[]string
	vals  []float64 // NaN when absent
}

func newFactors(names []string) Factors {
	v := make([]float64, len(names))
	return factorsIn(names, v)
}

// factorsIn returns the factors of names with their values in v (len(names) floats, set to
// NaN here): v is a part of a larger array shared by many Factors.
func factorsIn(names []string, v []float64) Factors {
	for i := range v {
		v[i] = math.NaN()
	}
	return Factors{names: namesOf(names), vals: v[:len(names):len(names)]}
}

// namesOf points at names: at TieFactors or ClubFactors themselves when names is one of
// them, so that no Factors holds a copy of the list's header.
func namesOf(names []string) *[]string {
	for _, p := range []*[]string{&TieFactors, &ClubFactors} {
		if len(*p) == len(names) && len(names) > 0 && &(*p)[0] == &names[0] {
			return p
		}
	}
	own := names // on the heap only here: a million ties' factors allocate nothing
	return &own
}

func (f Factors) index(name string) int {
	if f.names == nil {
		return -1
	}
	for i, n := range *f.names {
		if n == name {
			return i
		}
	}
	return -1
}

// Names returns the names of the factors, present or not, in report order. Do not modify it.
func (f Factors) Names() []string {
	if f.names == nil {
		return nil
	}
	return *f.names
}

// Set gives factor name the value v.
func (f Factors) Set(name string, v float64) {
	if i := f.index(name); i >= 0 {
		f.vals[i] = v
	}
}

// Get returns factor name's value; ok is false when it is absent.
func (f Factors) Get(name string) (v float64, ok bool) {
	if i := f.index(name); i >= 0 && !math.IsNaN(f.vals[i]) {
		return f.vals[i], true
	}
	return 0, false
}

// Len is the number of factors present.
func (f Factors) Len() int {
	n := 0
	for _, v := range f.vals {
		if !math.IsNaN(v) {
			n++
		}
	}
	return n
}

// Each calls fn for every present factor in report order.
func (f Factors) Each(fn func(name string, v float64)) {
	for i, v := range f.vals {
		if !math.IsNaN(v) {
			fn((*f.names)[i], v)
		}
	}
}

// Map returns the present factors as a map.
func (f Factors) Map() map[string]float64 {
	m := map[string]float64{}
	f.Each(func(n string, v float64) { m[n] = v })
	return m
}

// MarshalJSON writes the present factors as an object in report order.
func (f Factors) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	f.Each(func(n string, v float64) {
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(strconv.Quote(n))
		b.WriteByte(':')
		b.Write(appendFloat(nil, v))
	})
	b.WriteByte('}')
	return b.Bytes(), nil
}

// appendFloat formats a float as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
