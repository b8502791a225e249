package graphmodel

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestLoadOverflowingSum checks that a pair whose rows add up to more than the largest float64
// is a problem naming every row of the pair, whether the rows are tie rows, exchanges or both,
// and that a pair under the limit loads.
func TestLoadOverflowingSum(t *testing.T) {
	const max = "1.7976931348623157e308"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"two tie rows", map[string]string{"ties.csv": "source,target,weight\nA,B," + max + "\nB,A," + max + "\n"},
			[]string{`ties.csv:2: the weights and volumes of the pair "A"–"B" add up to more than 1.8e308 (rows ties.csv:2, ties.csv:3)`}},
		{"tie and exchange", map[string]string{
			"ties.csv":      "source,target,weight\nA,C,1\nA,B," + max + "\n",
			"exchanges.csv": "date,from,to,volume\n2001,B,A,1e300\n2002,C,A,1\n"},
			[]string{`ties.csv:3: the weights and volumes of the pair "A"–"B" add up to more than 1.8e308 (rows ties.csv:3, exchanges.csv:2)`}},
		{"exchanges only", map[string]string{"exchanges.csv": "date,from,to,volume\n2001,B,A," + max + "\n2001,A,B," + max + "\n"},
			[]string{`exchanges.csv:2: the weights and volumes of the pair "A"–"B" add up to more than 1.8e308 (rows exchanges.csv:2, exchanges.csv:3)`}},
		{"many rows", map[string]string{"ties.csv": "source,target,weight\n" + strings.Repeat("A,B,1e308\n", 12)},
			[]string{`ties.csv:2: the weights and volumes of the pair "A"–"B" add up to more than 1.8e308 (rows ties.csv:2, ties.csv:3, ties.csv:4, ties.csv:5, ties.csv:6, ties.csv:7, ties.csv:8, ties.csv:9, ties.csv:10, ties.csv:11, and 2 more)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := LoadFS(fsOf(tt.files), "in")
			if d != nil {
				t.Fatal("got a data set")
			}
			if got := problems(t, err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
			if !errors.Is(err, ErrBadWeight) {
				t.Errorf("errors.Is(err, ErrBadWeight) = false")
			}
		})
	}
	d, err := LoadFS(fsOf(map[string]string{"ties.csv": "source,target,weight\nA,B,4e307\nA,B,4e307\n"}), "in")
	if err != nil {
		t.Fatalf("a finite sum: %v", err)
	}
	l, err := d.Layer(DefaultOptions())
	if err != nil || l.TotalWeight() != 8e307 {
		t.Fatalf("layer %v, error %v", l, err)
	}
}

// TestLayerOverflowingWeight checks that a period view whose weight or total weight would be
// infinite, though each pair's rows add up to a finite number, is an error wrapping
// ErrBadWeight.
func TestLayerOverflowingWeight(t *testing.T) {
	load := func(w string) *Dataset {
		d, err := LoadFS(fsOf(map[string]string{
			"ties.csv":        "source,target,weight\nA,B," + w + "\n",
			"memberships.csv": "club,actor\nK,A\nK,B\n",
		}), "in")
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	o := DefaultOptions()
	o.ClubWeight = 1e300
	if _, err := load("8e307").Layer(o); err != nil {
		t.Fatalf("8e307 + 1e300: %v", err)
	}
	d := load("1.7976931348623157e308")
	_, err := d.Layer(o)
	if !errors.Is(err, ErrBadWeight) || !strings.Contains(err.Error(), `the combined weight of "A"–"B" is +Inf`) {
		t.Errorf("club weight 1e300: error %v", err)
	}
	o.Layer = Clubs
	l, err := d.Layer(o)
	if err != nil {
		t.Fatalf("clubs: %v", err)
	}
	if _, err := l.As(Combined); !errors.Is(err, ErrBadWeight) {
		t.Errorf("As(Combined): error %v", err)
	}
	if _, err := l.As(Bilateral); !errors.Is(err, ErrBadWeight) || !strings.Contains(err.Error(), "twice the sum of the bilateral layer's weights") {
		t.Errorf("As(Bilateral): error %v", err)
	}

	d, err = LoadFS(fsOf(map[string]string{"ties.csv": "source,target,weight\nA,B,1e308\nA,C,1e308\n"}), "in")
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.Layer(DefaultOptions())
	if !errors.Is(err, ErrBadWeight) || !strings.Contains(err.Error(), "is more than 1.8e308") {
		t.Errorf("total: error %v", err)
	}
}

// TestLoadLeniencies checks that Go's number syntax is not a weight or volume, that a
// byte-order mark is accepted only at the start of a file, and that control characters in
// ids, references, names and the other contract text columns are problems.
func TestLoadLeniencies(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
		kind  error
	}{
		{"digit separators", map[string]string{"ties.csv": "source,target,weight\nA,B,1_000\n"},
			[]string{`ties.csv:2: weight "1_000" is not a number`}, ErrBadWeight},
		{"hexadecimal", map[string]string{"ties.csv": "source,target,weight\nA,B,0x1p4\nA,B,0X10\n"},
			[]string{`ties.csv:2: weight "0x1p4" is not a number`, `ties.csv:3: weight "0X10" is not a number`}, ErrBadWeight},
		{"hexadecimal volume", map[string]string{"exchanges.csv": "date,from,to,volume\n2001,A,B,0x1P-2\n"},
			[]string{`exchanges.csv:2: volume "0x1P-2" is not a number`}, ErrBadWeight},
		{"BOM in a later header field", map[string]string{"ties.csv": "\ufeffsource,\ufefftarget\nA,B\n"},
			[]string{`ties.csv:1: byte-order mark (U+FEFF) in header field 2 (only the file may begin with one)`, `ties.csv:1: missing required column "target"`}, ErrEncoding},
		{"NUL in an id", map[string]string{"actors.csv": "id\nA\x00\n"},
			[]string{`actors.csv:2: control character U+0000 in id`}, ErrControlChar},
		{"C0 in a reference", map[string]string{"ties.csv": "source,target\nA\x01,A\x02\n"},
			[]string{`ties.csv:2: control character U+0001 in source`, `ties.csv:2: control character U+0002 in target`}, ErrControlChar},
		{"DEL in a name", map[string]string{"actors.csv": "id,name\nA,Al\x7fpha\n"},
			[]string{`actors.csv:2: control character U+007F in name`}, ErrControlChar},
		{"C1 in a club name", map[string]string{"clubs.csv": "id,name\nK,K\u0085lub\n"},
			[]string{`clubs.csv:2: control character U+0085 in name`}, ErrControlChar},
		{"line break in a quoted id", map[string]string{"ties.csv": "source,target\n\"A\nB\",C\n"},
			[]string{`ties.csv:2: control character U+000A in source`}, ErrControlChar},
		{"tab in domains", map[string]string{"ties.csv": "source,target,domains\nA,B,SIG\tINT\n"},
			[]string{`ties.csv:2: control character U+0009 in domains`}, ErrControlChar},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := LoadFS(fsOf(tt.files), "in")
			if d != nil {
				t.Fatal("got a data set")
			}
			if got := problems(t, err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("errors.Is(err, %v) = false", tt.kind)
			}
		})
	}
	// Decimal numbers in every form analysts write, and an extra column with Go syntax stays text.
	d, err := LoadFS(fsOf(map[string]string{"ties.csv": "\ufeffsource,target,weight,code\nA,B,1e3,0x10\nA,C,.5,1_000\nB,C,2.,7\n"}), "in")
	if err != nil {
		t.Fatal(err)
	}
	if got := []float64{d.Ties[0].Weight, d.Ties[1].Weight, d.Ties[2].Weight}; !reflect.DeepEqual(got, []float64{1000, 0.5, 2}) {
		t.Errorf("weights %v", got)
	}
	if c := d.Columns.Ties[0]; c.Type != AttrString {
		t.Errorf("column %+v: want a string column", c)
	}
}
