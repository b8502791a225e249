package graphmodel

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary actors.csv, ties.csv and memberships.csv to the loader. Whatever
// the input, Load must not panic and must either return a consistent data set or a
// *ValidationError whose every problem names a file and a line, never both or neither;
// Validate must find the same problems or the same counts; and the serial read through
// encoding/csv and the fast read in pieces must give the same problems or data set.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(smallWorld["actors.csv"]), []byte(smallWorld["ties.csv"]), []byte(smallWorld["memberships.csv"]))
	f.Add([]byte("id\nUSA\nUSA\n"), []byte("source,target,weight\nUSA,\"GBR\n"), []byte("club,actor\nFVEY,GBR,1\n"))
	f.Add([]byte(""), []byte("\ufeffSOURCE,Target,weight,since,until,domains\nA,B,NaN,1950,1940,\"x;y\"\nA,A,1,,,\n"), []byte("club,actor,since\nK,A,19x0\n"))
	f.Add([]byte("id,name\nA,\xff\n"), []byte("source,target,weight\nA,B,-1\nA,B,0\nA,B,1e400\n"), []byte("club\nK\n"))
	for _, dir := range []string{"../testdata/karate", "../testdata/florentine", "../testdata/example"} {
		a, _ := os.ReadFile(filepath.Join(dir, "actors.csv"))
		t, _ := os.ReadFile(filepath.Join(dir, "ties.csv"))
		m, _ := os.ReadFile(filepath.Join(dir, "memberships.csv"))
		f.Add(a, t, m)
	}
	f.Fuzz(func(t *testing.T, actors, ties, memberships []byte) {
		files := map[string]string{"ties.csv": string(ties), "memberships.csv": string(memberships)}
		if len(actors) > 0 {
			files["actors.csv"] = string(actors)
		}
		d, err := LoadFS(fsOf(files), "fuzz")
		compareValidate(t, fsOf(files), false) // the streaming check agrees
		loadPaths(t, files, 1+len(ties)%64)    // so do the serial read and the read in pieces
		if (d == nil) == (err == nil) {
			t.Fatalf("data set %v with error %v", d != nil, err)
		}
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error is not a non-empty *ValidationError: %v", err)
			}
			for _, p := range ve.Problems {
				if p.Line < 1 || !strings.HasSuffix(p.File, ".csv") || p.Err == nil {
					t.Fatalf("problem without file or line: %#v", p)
				}
			}
			return
		}
		for _, tie := range d.Ties {
			if _, ok := d.ActorIndex(tie.Source); !ok {
				t.Fatalf("tie source %q not an actor", tie.Source)
			}
			if _, ok := d.ActorIndex(tie.Target); !ok || tie.Source == tie.Target {
				t.Fatalf("bad tie target %q", tie.Target)
			}
			if !(tie.Weight > 0) || math.IsInf(tie.Weight, 0) || !tie.Period.valid() {
				t.Fatalf("bad tie %+v", tie)
			}
		}
		for _, m := range d.Memberships {
			if _, ok := d.ClubIndex(m.Club); !ok {
				t.Fatalf("membership club %q not a club", m.Club)
			}
		}
		for _, at := range []int{0, 1990} {
			o := DefaultOptions()
			o.At = at
			l, err := d.Layer(o)
			if err != nil {
				t.Fatal(err)
			}
			deg := 0
			for u := 0; u < l.Len(); u++ {
				nbrs, ws := l.Adjacency(int64(u))
				deg += len(nbrs)
				for i, v := range nbrs {
					if int(v) == u || !(ws[i] > 0) || (i > 0 && nbrs[i-1] >= v) {
						t.Fatalf("bad adjacency of %d: %v %v", u, nbrs, ws)
					}
				}
			}
			if deg != 2*l.EdgeCount() {
				t.Fatalf("degree sum %d, edges %d", deg, l.EdgeCount())
			}
		}
	})
}
