package analysis

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/liaison-net/liaison/graphmodel"
)

// cpuSeconds is the user + system CPU time of this process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// arcVisits is the number of arcs the forward pass scans from the given sources (all nodes
// when nil): the sum of the degrees of each source's connected component.
func arcVisits(x *Index, sources []int32) float64 {
	comp := make([]int32, x.N)
	for i := range comp {
		comp[i] = -1
	}
	var arcs []float64
	var queue []int32
	for s := range x.N {
		if comp[s] >= 0 {
			continue
		}
		c := int32(len(arcs))
		comp[s] = c
		total := 0.0
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			total += float64(x.Degree(int(v)))
			for _, w := range x.Nbr[x.Off[v]:x.Off[v+1]] {
				if comp[w] < 0 {
					comp[w] = c
					queue = append(queue, w)
				}
			}
		}
		arcs = append(arcs, total)
	}
	sum := 0.0
	if sources == nil {
		for v := range x.N {
			sum += arcs[comp[v]]
		}
		return sum
	}
	for _, s := range sources {
		sum += arcs[comp[s]]
	}
	return sum
}

// benchKernel runs the shortest-path pass and reports arc visits per CPU-second (the rate of
// issue 18: all workers' CPU time counts, so the rate is per core).
func benchKernel(b *testing.B, x *Index, o PathOptions) {
	visits := arcVisits(x, o.Sources)
	cpu := 0.0
	for b.Loop() {
		c0 := cpuSeconds()
		if _, err := ShortestPaths(context.Background(), x, o); err != nil {
			b.Fatal(err)
		}
		cpu += cpuSeconds() - c0
	}
	b.ReportMetric(visits*float64(b.N)/cpu, "arcs/cpu-s")
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// BenchmarkKernel measures the shortest-path kernel, relabelled (the default) and on the
// layer's own numbering, and with 16-byte arcs (wide) instead of packed ones, on G(n, m) graphs with weights 1–10: every source at 5,000 actors,
// 100 sampled sources at 100,000 actors and 1,000,000 ties.
func BenchmarkKernel(b *testing.B) {
	small := NewIndex(randomLayer(b, 5000, 50000, 1))
	b.Run("5k/relabelled", func(b *testing.B) { benchKernel(b, small, PathOptions{}) })
	b.Run("5k/identity", func(b *testing.B) { benchKernel(b, small, PathOptions{identity: true}) })
	b.Run("5k/wide", func(b *testing.B) { benchKernel(b, small, PathOptions{wideArcs: true}) })
	large := NewIndex(randomLayer(b, 100000, 1000000, 1))
	src := SampleSources(large.N, 100, 1)
	b.Run("100k/relabelled", func(b *testing.B) { benchKernel(b, large, PathOptions{Sources: src}) })
	b.Run("100k/identity", func(b *testing.B) { benchKernel(b, large, PathOptions{Sources: src, identity: true}) })
	b.Run("100k/wide", func(b *testing.B) { benchKernel(b, large, PathOptions{Sources: src, wideArcs: true}) })
}

// BenchmarkKernelLimit is the physical-limit proxy of BenchmarkKernel: per source, it visits
// the nodes in the order a real pass settles them and, for each arc, reads the head's
// (final) distance and compares, as the kernel's skip loop does, but with no heap, no
// relaxation and no dependency pass. No Dijkstra on the same graph and numbering can scan its
// arcs faster. It runs on both arc forms (16-byte records and packed).
func BenchmarkKernelLimit(b *testing.B) {
	for _, c := range []struct {
		name       string
		n, m, srcs int
	}{{"5k", 5000, 50000, 500}, {"100k", 100000, 1000000, 100}} {
		x := NewIndex(randomLayer(b, c.n, c.m, 1))
		src := SampleSources(x.N, c.srcs, 1)
		k := newKernel(x, true)
		bb := newBrandes(k)
		ds := &distSums{reach: make([]float64, k.n), sum: make([]float64, k.n), harm: make([]float64, k.n)}
		bb.run(k.newOf[src[0]], 1, make([]float64, k.n), ds)
		order := slices.Clone(bb.order)
		dist := ds.sum // the distances from that source
		visits := arcVisits(x, src)
		wide := k.arcList()
		b.Run(c.name+"/wide", func(b *testing.B) {
			cpu, found := 0.0, 0
			for b.Loop() {
				c0 := cpuSeconds()
				for range src {
					for _, v := range order {
						arcs := wide[k.off[v]:k.off[v+1]]
						for p := skipLonger(arcs, 0, dist[v], dist); p < len(arcs); p = skipLonger(arcs, p+1, dist[v], dist) {
							found++
						}
					}
				}
				cpu += cpuSeconds() - c0
			}
			b.ReportMetric(visits*float64(b.N)/cpu, "arcs/cpu-s")
			b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
		})
		if k.packed == nil {
			b.Fatal("the benchmark's integer weights do not pack")
		}
		b.Run(c.name+"/packed", func(b *testing.B) {
			cpu, found := 0.0, 0
			for b.Loop() {
				c0 := cpuSeconds()
				for range src {
					for _, v := range order {
						arcs := k.packed[k.off[v]:k.off[v+1]]
						for p := skipLongerPacked(arcs, 0, dist[v], dist, k.lens); p < len(arcs); p = skipLongerPacked(arcs, p+1, dist[v], dist, k.lens) {
							found++
						}
					}
				}
				cpu += cpuSeconds() - c0
			}
			b.ReportMetric(visits*float64(b.N)/cpu, "arcs/cpu-s")
			b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
		})
	}
}

// reducedWork is the number of arcs the reduction's passes scan: for each block of three or
// more nodes, its nodes times its arcs.
func reducedWork(x *Index) float64 {
	work := 0.0
	local := make([]int32, x.N)
	for i := range local {
		local[i] = -1
	}
	for _, b := range biconnected(x).blocks {
		if len(b.nodes) < 3 {
			continue
		}
		for j, u := range b.nodes {
			local[u] = int32(j)
		}
		arcs := 0
		for _, u := range b.nodes {
			for _, w := range x.Nbr[x.Off[u]:x.Off[u+1]] {
				if local[w] >= 0 {
					arcs++
				}
			}
		}
		for _, u := range b.nodes {
			local[u] = -1
		}
		work += float64(len(b.nodes)) * float64(arcs)
	}
	return work
}

// BenchmarkReduced compares exact betweenness by the plain pass and by the biconnected
// reduction on a generated power-law graph of 20,000 actors and, when LIAISON_BENCH_LAYERS
// names data set folders (comma-separated), on their bilateral layers. It reports the arcs
// each scans ("arc-visits") and the time.
func BenchmarkReduced(b *testing.B) {
	type named struct {
		name string
		x    *Index
	}
	cases := []named{{"powerlaw20k", NewIndex(powerLawLayer(b, 20000, 1))}}
	for _, dir := range strings.Split(os.Getenv("LIAISON_BENCH_LAYERS"), ",") {
		if dir == "" {
			continue
		}
		d, err := graphmodel.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		o := graphmodel.DefaultOptions()
		o.Layer = graphmodel.Bilateral
		l, err := d.Layer(o)
		if err != nil {
			b.Fatal(err)
		}
		cases = append(cases, named{filepath.Base(dir), NewIndex(l)})
	}
	for _, c := range cases {
		dec := biconnected(c.x)
		big := 0
		for _, bl := range dec.blocks {
			big = max(big, len(bl.nodes))
		}
		b.Logf("%s: %d nodes, %d edges, %d blocks, largest %d nodes", c.name, c.x.N, c.x.M(), len(dec.blocks), big)
		b.Run(c.name+"/plain", func(b *testing.B) {
			for b.Loop() {
				if _, err := ShortestPaths(context.Background(), c.x, PathOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(arcVisits(c.x, nil), "arc-visits")
		})
		b.Run(c.name+"/reduced", func(b *testing.B) {
			for b.Loop() {
				if _, err := BetweennessReduced(context.Background(), c.x, 0); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(reducedWork(c.x), "arc-visits")
		})
	}
}

// BenchmarkLeidenFile runs Leiden and Louvain (one run, seed 1) on the combined layer of the
// ties.csv file named by LIAISON_BENCH_TIES (scripts/bench_analysis.py's leiden work, which
// times igraph's community_leiden on the same file); skipped without it.
func BenchmarkLeidenFile(b *testing.B) {
	path := os.Getenv("LIAISON_BENCH_TIES")
	if path == "" {
		b.Skip("LIAISON_BENCH_TIES names no ties.csv")
	}
	d, err := graphmodel.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	x := NewIndex(l)
	for _, m := range []struct {
		name string
		fn   func() Communities
	}{{"leiden", func() Communities { return Leiden(x, 1, 1) }}, {"louvain", func() Communities { return Louvain(x, 1, 1) }}} {
		b.Run(m.name, func(b *testing.B) {
			var c Communities
			cpu := 0.0
			for b.Loop() {
				c0 := cpuSeconds()
				c = m.fn()
				cpu += cpuSeconds() - c0
			}
			b.ReportMetric(c.Modularity, "modularity")
			b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
		})
	}
}
