package graphmodel

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// fsOf builds a data set folder from file contents.
func fsOf(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, body := range files {
		m[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return m
}

func problems(t *testing.T, err error) []string {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *ValidationError", err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Error())
	}
	return out
}

const actorsOK = "id,name\nUSA,United States\nGBR,United Kingdom\nPAK,Pakistan\n"

// TestLoadErrors checks the exact message of every kind of input problem the contract lists.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
		kind  error
	}{
		{"missing required column", map[string]string{"ties.csv": "source,weight\nUSA,1\n"},
			[]string{`ties.csv:1: missing required column "target"`}, ErrMissingColumn},
		{"empty actor id", map[string]string{"actors.csv": "id,name\n,Nobody\n"},
			[]string{`actors.csv:2: empty id`}, ErrEmptyID},
		{"empty tie source", map[string]string{"ties.csv": "source,target\n ,GBR\n"},
			[]string{`ties.csv:2: empty source`}, ErrEmptyID},
		{"duplicate actor id", map[string]string{"actors.csv": "id\nUSA\nGBR\nUSA\n"},
			[]string{`actors.csv:4: duplicate id "USA" (first on line 2)`}, ErrDuplicateID},
		{"duplicate club id", map[string]string{"clubs.csv": "id\nFVEY\nFVEY\n"},
			[]string{`clubs.csv:3: duplicate id "FVEY" (first on line 2)`}, ErrDuplicateID},
		{"unknown actor in ties", map[string]string{"actors.csv": actorsOK, "ties.csv": "source,target\nUSA,XXX\n"},
			[]string{`ties.csv:2: unknown actor "XXX" in target (not in actors.csv)`}, ErrUnknownRef},
		{"unknown actor in memberships", map[string]string{"actors.csv": actorsOK, "memberships.csv": "club,actor\nFVEY,CAN\n"},
			[]string{`memberships.csv:2: unknown actor "CAN" in actor (not in actors.csv)`}, ErrUnknownRef},
		{"unknown actor in exchanges", map[string]string{"actors.csv": actorsOK, "exchanges.csv": "date,from,to\n2001,IRN,USA\n"},
			[]string{`exchanges.csv:2: unknown actor "IRN" in from (not in actors.csv)`}, ErrUnknownRef},
		{"unknown club", map[string]string{"clubs.csv": "id\nFVEY\n", "memberships.csv": "club,actor\nBERNE,FRA\n"},
			[]string{`memberships.csv:2: unknown club "BERNE" (not in clubs.csv)`}, ErrUnknownRef},
		{"self-tie", map[string]string{"ties.csv": "source,target\nUSA,USA\n"},
			[]string{`ties.csv:2: self-tie: source and target are both "USA"`}, ErrSelfTie},
		{"self-exchange", map[string]string{"exchanges.csv": "date,from,to\n2001,USA,USA\n"},
			[]string{`exchanges.csv:2: self-exchange: from and to are both "USA"`}, ErrSelfTie},
		{"non-numeric weight", map[string]string{"ties.csv": "source,target,weight\nUSA,GBR,abc\n"},
			[]string{`ties.csv:2: weight "abc" is not a number`}, ErrBadWeight},
		{"zero weight", map[string]string{"ties.csv": "source,target,weight\nUSA,GBR,0\n"},
			[]string{`ties.csv:2: weight 0 must be greater than 0`}, ErrBadWeight},
		{"negative weight", map[string]string{"ties.csv": "source,target,weight\nUSA,GBR,-2.5\n"},
			[]string{`ties.csv:2: weight -2.5 must be greater than 0`}, ErrBadWeight},
		{"NaN weight", map[string]string{"ties.csv": "source,target,weight\nUSA,GBR,NaN\n"},
			[]string{`ties.csv:2: weight "NaN" is not a finite number`}, ErrBadWeight},
		{"infinite weight", map[string]string{"ties.csv": "source,target,weight\nUSA,GBR,+Inf\n"},
			[]string{`ties.csv:2: weight "+Inf" is not a finite number`}, ErrBadWeight},
		{"overflowing weight", map[string]string{"ties.csv": "source,target,weight\nUSA,GBR,1e999\n"},
			[]string{`ties.csv:2: weight "1e999" is not a finite number`}, ErrBadWeight},
		{"bad volume", map[string]string{"exchanges.csv": "date,from,to,volume\n2001-01-01,USA,GBR,-1\n"},
			[]string{`exchanges.csv:2: volume -1 must be greater than 0`}, ErrBadWeight},
		{"unparsable since", map[string]string{"ties.csv": "source,target,since\nUSA,GBR,19x6\n"},
			[]string{`ties.csv:2: since "19x6" is not a year or an ISO date (YYYY or YYYY-MM-DD)`}, ErrBadTime},
		{"impossible date", map[string]string{"clubs.csv": "id,since\nFVEY,1946-02-30\n"},
			[]string{`clubs.csv:2: since "1946-02-30" is not a year or an ISO date (YYYY or YYYY-MM-DD)`}, ErrBadTime},
		{"unparsable exchange date", map[string]string{"exchanges.csv": "date,from,to\n5/3/2001,USA,GBR\n"},
			[]string{`exchanges.csv:2: date "5/3/2001" is not a year or an ISO date (YYYY or YYYY-MM-DD)`}, ErrBadTime},
		{"empty exchange date", map[string]string{"exchanges.csv": "date,from,to\n,USA,GBR\n"},
			[]string{`exchanges.csv:2: empty date`}, ErrBadTime},
		{"until before since", map[string]string{"ties.csv": "source,target,since,until\nUSA,GBR,1946,1940\n"},
			[]string{`ties.csv:2: until 1940 is before since 1946`}, ErrUntilBefore},
		{"until date before since date", map[string]string{"memberships.csv": "club,actor,since,until\nFVEY,CAN,1949-05-01,1949-04-30\n"},
			[]string{`memberships.csv:2: until 1949-04-30 is before since 1949-05-01`}, ErrUntilBefore},
		{"wrong field count", map[string]string{"ties.csv": "source,target,weight\nUSA,GBR\nUSA,PAK,1,2\n"},
			[]string{`ties.csv:2: wrong number of fields: got 2, want 3`, `ties.csv:3: wrong number of fields: got 4, want 3`}, ErrFieldCount},
		{"unterminated quote", map[string]string{"ties.csv": "source,target\nUSA,GBR\nUSA,\"PAK\nGBR,PAK\n"},
			[]string{`ties.csv:3: unterminated quoted field`}, ErrSyntax},
		{"bare quote", map[string]string{"ties.csv": "source,target\nUS\"A,GBR\n"},
			[]string{`ties.csv:2: bare " in unquoted field (quote the field and double the ")`}, ErrSyntax},
		{"invalid UTF-8", map[string]string{"actors.csv": "id,name\nUSA,Uni\xfften\n"},
			[]string{`actors.csv:2: invalid UTF-8 in column "name"`}, ErrEncoding},
		{"empty file", map[string]string{"ties.csv": ""},
			[]string{`ties.csv:1: empty file (no header row)`}, ErrEmptyFile},
		{"empty file with BOM", map[string]string{"ties.csv": "\ufeff"},
			[]string{`ties.csv:1: empty file (no header row)`}, ErrEmptyFile},
		{"duplicate column", map[string]string{"ties.csv": "source,target,Source\nUSA,GBR,USA\n"},
			[]string{`ties.csv:1: duplicate column "Source" (fields 1 and 3)`}, ErrDuplicateCol},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := LoadFS(fsOf(tt.files), "in")
			if d != nil {
				t.Errorf("got a data set with an error")
			}
			if got := problems(t, err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("errors.Is(err, %v) = false", tt.kind)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File == "" {
				t.Errorf("errors.As(*ParseError) failed or gave no file: %#v", pe)
			}
		})
	}
}

// TestLoadAllProblemsAtOnce checks that every problem in every file is reported in one run,
// sorted by file and line.
func TestLoadAllProblemsAtOnce(t *testing.T) {
	files := map[string]string{
		"actors.csv":      "id\nUSA\nGBR\nUSA\n",
		"ties.csv":        "source,target,weight,since,until\nUSA,GBR,x,,\nGBR,GBR,1,,\nUSA,ZZZ,1,1950,1940\n",
		"memberships.csv": "club,actor\nFVEY,\n",
	}
	want := []string{
		`actors.csv:4: duplicate id "USA" (first on line 2)`,
		`ties.csv:2: weight "x" is not a number`,
		`ties.csv:3: self-tie: source and target are both "GBR"`,
		`ties.csv:4: unknown actor "ZZZ" in target (not in actors.csv)`,
		`ties.csv:4: until 1940 is before since 1950`,
		`memberships.csv:2: empty actor`,
	}
	_, err := LoadFS(fsOf(files), "in")
	if got := problems(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "in: 6 problems\n") {
		t.Errorf("message starts %q", msg)
	}
}

func TestLoadValid(t *testing.T) {
	files := map[string]string{
		"actors.csv": "\ufeffID,Name,Type,Region,founded,budget,secret,motto\n" +
			"USA,United States,state,North America,1776,80.5,true,\"In God, we trust\"\n" +
			"GBR,United Kingdom,state,Western Europe,1707,,false,\n" +
			"PAK,Pakistan,state,South Asia,1947,2,true,x\n",
		"ties.csv": "Source,TARGET,weight,since,until,domains,agreement\n" +
			"USA,GBR,5,1946,,SIGINT; HUMINT;SIGINT;,BRUSA\n" +
			"PAK,USA,,1954-05-19,1965,CT,\n" +
			"USA,PAK,2,2001,2011,CT;RENDITION,\n",
		"memberships.csv": "club,actor,since,role\nFVEY,USA,1946,founder\nFVEY,GBR,1946,founder\n",
	}
	d, err := LoadFS(fsOf(files), "in")
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{d.Actors[0].ID, d.Actors[1].ID, d.Actors[2].ID}; !reflect.DeepEqual(got, []string{"GBR", "PAK", "USA"}) {
		t.Errorf("actors not sorted: %v", got)
	}
	wantCols := []Column{{"founded", AttrInteger}, {"budget", AttrFloat}, {"secret", AttrBoolean}, {"motto", AttrString}}
	if !reflect.DeepEqual(d.Columns.Actors, wantCols) {
		t.Errorf("actor columns %v, want %v", d.Columns.Actors, wantCols)
	}
	i, _ := d.ActorIndex("USA")
	attrs := Attrs(d.Columns.Actors, d.Actors[i].Extra)
	wantAttrs := []any{int64(1776), 80.5, true, "In God, we trust"}
	for k, a := range attrs {
		if a.Value != wantAttrs[k] {
			t.Errorf("attr %s = %#v, want %#v", a.Name, a.Value, wantAttrs[k])
		}
	}
	gi, _ := d.ActorIndex("GBR")
	if v := Attrs(d.Columns.Actors, d.Actors[gi].Extra)[1].Value; v != nil {
		t.Errorf("empty budget = %#v, want nil", v)
	}
	if got := d.Ties[0].Domains; !reflect.DeepEqual(got, []string{"SIGINT", "HUMINT"}) {
		t.Errorf("domains %q", got)
	}
	if d.Ties[1].Weight != 1 || d.Ties[1].Since != (Time{1954, 5, 19}) || d.Ties[1].Until != (Time{Year: 1965}) {
		t.Errorf("tie 2 = %+v", d.Ties[1])
	}
	if len(d.Clubs) != 1 || d.Clubs[0].ID != "FVEY" || d.Clubs[0].Line != 0 {
		t.Errorf("referenced clubs = %+v", d.Clubs)
	}
	if first, last, ok := d.Span(); !ok || first.String() != "1946" || last.String() != "2011" {
		t.Errorf("span %v %v %v", first, last, ok)
	}
}

func TestLoadWithoutActorsFile(t *testing.T) {
	d, err := LoadFS(fsOf(map[string]string{
		"ties.csv":      "source,target\nb,a\n",
		"exchanges.csv": "date,from,to,volume\n2001-09-12,c,a,3\n",
	}), "in")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range d.Actors {
		ids = append(ids, a.ID)
	}
	if !reflect.DeepEqual(ids, []string{"a", "b", "c"}) {
		t.Errorf("actors %v", ids)
	}
}

func TestLoadSingleFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my-ties.CSV")
	if err := os.WriteFile(path, []byte("source,target,weight\nA,B,2\nB,C,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	want := []string{`my-ties.CSV:3: weight "x" is not a number`}
	if got := problems(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q want %q", got, want)
	}
	if err := os.WriteFile(path, []byte("source,target,weight\nA,B,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(path)
	if err != nil || len(d.Ties) != 1 || len(d.Actors) != 2 {
		t.Fatalf("Load single file: %v %+v", err, d)
	}
	if _, err := Load(filepath.Join(dir, "nope")); err == nil {
		t.Error("no error for a missing path")
	}
	if _, err := Load(t.TempDir()); !errors.Is(err, ErrNoData) {
		t.Errorf("empty folder: %v, want ErrNoData", err)
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want Time
		ok   bool
	}{
		{"", Time{}, true},
		{"1946", Time{Year: 1946}, true},
		{" 1946 ", Time{Year: 1946}, true},
		{"1946-03-05", Time{1946, 3, 5}, true},
		{"2000-02-29", Time{2000, 2, 29}, true},
		{"1900-02-29", Time{}, false},
		{"0000", Time{}, false},
		{"946", Time{}, false},
		{"1946-3-5", Time{}, false},
		{"1946/03/05", Time{}, false},
		{"1946-13-01", Time{}, false},
		{"19461", Time{}, false},
		{"-946", Time{}, false},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseTime(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && got.String() != strings.TrimSpace(tt.in) {
			t.Errorf("String() = %q, want %q", got.String(), tt.in)
		}
	}
}

func TestPeriodActiveIn(t *testing.T) {
	p := Period{Since: Time{1949, 5, 1}, Until: Time{Year: 1960}}
	for year, want := range map[int]bool{1948: false, 1949: true, 1955: true, 1960: true, 1961: false} {
		if got := p.ActiveIn(year); got != want {
			t.Errorf("ActiveIn(%d) = %v", year, got)
		}
	}
	if !(Period{}).ActiveIn(1) {
		t.Error("open period not active")
	}
}

// openCounter is a data set folder that counts how often each file is opened. Like
// os.DirFS, it answers Stat without opening the file.
type openCounter struct {
	fstest.MapFS
	opens map[string]int
}

func (c *openCounter) Open(name string) (fs.File, error) {
	c.opens[name]++
	return c.MapFS.Open(name)
}

// TestLoadOpensEachFileOnce checks that every file is read in one pass (so a file that can
// be read only once, such as a named pipe, loads whole).
func TestLoadOpensEachFileOnce(t *testing.T) {
	fsys := &openCounter{MapFS: fsOf(map[string]string{
		"actors.csv":      actorsOK,
		"clubs.csv":       "id,name\nFVEY,Five Eyes\n",
		"ties.csv":        "source,target,weight\nUSA,GBR,5\nUSA,PAK,2\n",
		"memberships.csv": "club,actor\nFVEY,USA\nFVEY,GBR\n",
		"exchanges.csv":   "date,from,to\n2001-09-12,PAK,USA\n",
	}), opens: map[string]int{}}
	d, err := LoadFS(fsys, "in")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actors) != 3 || len(d.Clubs) != 1 || len(d.Ties) != 2 || len(d.Memberships) != 2 || len(d.Exchanges) != 1 {
		t.Errorf("loaded %d actors, %d clubs, %d ties, %d memberships, %d exchanges", len(d.Actors), len(d.Clubs), len(d.Ties), len(d.Memberships), len(d.Exchanges))
	}
	for name := range fsys.MapFS {
		if n := fsys.opens[name]; n != 1 {
			t.Errorf("%s opened %d times, want 1", name, n)
		}
	}
}

// TestLoadBlankLinesMemory checks that what the loader reserves follows the rows, not the
// lines: a ties.csv of one row and two million blank lines loads in little memory (it
// took 224 MB when slices were sized by counting newlines).
func TestLoadBlankLinesMemory(t *testing.T) {
	fsys := fsOf(map[string]string{"ties.csv": "source,target\nUSA,GBR\n" + strings.Repeat("\n", 2_000_000)})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d, err := LoadFS(fsys, "in")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Ties) != 1 || d.Ties[0].Line != 2 {
		t.Errorf("ties %+v", d.Ties)
	}
	const limit = 8 << 20
	if got := after.TotalAlloc - before.TotalAlloc; got > limit {
		t.Errorf("loading allocated %d bytes, want at most %d", got, limit)
	} else {
		t.Logf("loading allocated %d bytes", got)
	}
}

// A line without end (ties.csv → /dev/zero in the issue) is a FILE:LINE problem after
// MaxLine bytes, in bounded memory, not gigabytes (issue 16, item 2).
func TestLoadLineTooLong(t *testing.T) {
	big := "source,target\nA,B\n" + strings.Repeat("x", MaxLine+10) + "\nC,D\n"
	_, err := LoadFS(fsOf(map[string]string{"ties.csv": big}), "t")
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Error() != fmt.Sprintf("ties.csv:3: line longer than %d bytes (the most a line may hold)", MaxLine) {
		t.Fatalf("got %v", err)
	}
	// In the header too (a file with no line end at all).
	_, err = LoadFS(fsOf(map[string]string{"ties.csv": strings.Repeat("\x00", MaxLine+1)}), "t")
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || !strings.HasPrefix(ve.Problems[0].Error(), "ties.csv:1: line longer than") {
		t.Fatalf("header: got %v", err)
	}
	// A line of exactly MaxLine bytes is fine (as a value of an extra column).
	ok := "source,target,note\nA,B," + strings.Repeat("x", MaxLine-4) + "\n"
	if _, err := LoadFS(fsOf(map[string]string{"ties.csv": ok}), "t"); err != nil {
		t.Errorf("a line of MaxLine bytes: %v", err)
	}
}
