//go:build unix

package provenance_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/provenance"
)

// writeRecord writes a seeded record of n exchanges with provenance to dir, in the shape of
// scripts/bench_provenance.py: 2,000 actors in 40 clubs of 100, reports passed along walks
// of 1–5 transfers among the members of one of the origin's clubs (2% of the hops leave
// it), 30% derived from one or two recent reports by an actor that received them (from
// one club, in which it circulates too), one
// assessment of 2,000 per report named on half its transfers, 6% with a caveat.
func writeRecord(tb testing.TB, dir string, n int) {
	rng := rand.New(rand.NewPCG(19, 1))
	const actors, clubs, size = 2000, 40, 100
	create := func(name string) (*bufio.Writer, func()) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			tb.Fatal(err)
		}
		w := bufio.NewWriter(f)
		return w, func() {
			if err := w.Flush(); err != nil {
				tb.Fatal(err)
			}
			f.Close()
		}
	}
	id := func(a int) string {
		if a < 5 {
			return []string{"AUS", "CAN", "GBR", "NZL", "USA"}[a]
		}
		return fmt.Sprintf("A%04d", a)
	}
	w, done := create("actors.csv")
	fmt.Fprintln(w, "id")
	for a := range actors {
		fmt.Fprintln(w, id(a))
	}
	done()
	members := make([][]int, clubs)
	clubsOf := make([][]int, actors)
	w, done = create("memberships.csv")
	fmt.Fprintln(w, "club,actor")
	for c := range clubs {
		for _, a := range rng.Perm(actors)[:size] {
			members[c] = append(members[c], a)
			clubsOf[a] = append(clubsOf[a], c)
			fmt.Fprintf(w, "K%02d,%s\n", c, id(a))
		}
	}
	done()
	var inClubs []int
	for a := range actors {
		if len(clubsOf[a]) > 0 {
			inClubs = append(inClubs, a)
		}
	}
	caveats := []string{"ORCON", "NOFORN", "REL TO FVEY", "REL TO K03"}
	w, done = create("exchanges.csv")
	fmt.Fprintln(w, "date,from,to,report,origin,derived_from,assessment,caveat")
	var held [][]int
	var clubOf []int // per report: the club it circulates in
	rows := 0
	for k := 0; rows < n; k++ {
		origin, derived, s1 := inClubs[rng.IntN(len(inClubs))], "", 0
		if k > 100 && rng.Float64() < 0.3 {
			s2 := 0
			s1, s2 = k-1-rng.IntN(min(k, 5000)), k-1-rng.IntN(min(k, 5000))
			var hs []int
			for _, a := range held[s1] {
				if slices.Contains(clubsOf[a], clubOf[s1]) {
					hs = append(hs, a)
				}
			}
			if len(hs) > 0 {
				origin = hs[rng.IntN(len(hs))]
				derived = fmt.Sprintf("R%06d", s1)
				if s2 != s1 && len(held[s2]) > 0 && clubOf[s2] == clubOf[s1] && rng.IntN(2) == 0 {
					derived += fmt.Sprintf(";R%06d", s2)
				}
			}
		}
		caveat := ""
		if rng.Float64() < 0.06 {
			caveat = caveats[rng.IntN(len(caveats))]
		}
		topic := fmt.Sprintf("X%04d", rng.IntN(2000))
		// A derived report circulates in its first source's club, others in one of the origin's.
		c := clubsOf[origin][rng.IntN(len(clubsOf[origin]))]
		if derived != "" {
			c = clubOf[s1]
		}
		clubOf = append(clubOf, c)
		club := members[c]
		year := 1990 + rng.IntN(26)
		cur, got := origin, []int(nil)
		for hop := range 2 + rng.IntN(5) {
			next := club[rng.IntN(len(club))]
			if rng.Float64() < 0.02 {
				next = rng.IntN(actors)
			}
			if next == cur || rows == n {
				continue
			}
			o, dv, cv, as := "", "", "", ""
			if hop == 0 {
				o, dv, cv = id(origin), derived, caveat
			}
			if rng.IntN(2) == 0 {
				as = topic
			}
			fmt.Fprintf(w, "%d,%s,%s,R%06d,%s,%s,%s,%s\n", year+hop, id(cur), id(next), k, o, dv, as, cv)
			rows++
			got = append(got, next)
			cur = next
		}
		held = append(held, got)
	}
	done()
}

// BenchmarkAnalyze1M: provenance.Analyze on 1,000,000 exchanges with provenance (the load
// is outside the timing; scripts/bench_provenance.py times the whole command). cpu-s/op is
// the process's CPU time per analysis.
func BenchmarkAnalyze1M(b *testing.B) {
	n := 1_000_000
	if testing.Short() {
		n = 50_000
	}
	dir := b.TempDir()
	writeRecord(b, dir, n)
	d, err := graphmodel.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	cpu := func() float64 {
		var u syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &u)
		return float64(u.Utime.Nano()+u.Stime.Nano()) / 1e9
	}
	b.ResetTimer()
	start := cpu()
	for b.Loop() {
		r, err := provenance.Analyze(d, provenance.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(r.Circular)), "circular")
		b.ReportMetric(float64(len(r.Breaches)), "breaches")
	}
	// The machine is shared: CPU time (user + system, all threads) is the steadier number.
	b.ReportMetric((cpu()-start)/float64(b.N), "cpu-s/op")
}
