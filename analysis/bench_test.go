package analysis

import (
	"context"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/testgen"
)

// randomLayer builds a seeded random graph of n actors and m distinct ties with integer
// weights 1…10, through the loader, as a combined layer.
func randomLayer(tb testing.TB, n, m int, seed uint64) *graphmodel.Layer {
	tb.Helper()
	return layerOfTies(tb, testgen.GNMTies(n, m, seed, 0, 10, true))
}

// layerOfTies loads the text of a ties.csv and builds its combined layer.
func layerOfTies(tb testing.TB, ties []byte) *graphmodel.Layer {
	tb.Helper()
	return layerOfTiesIn(tb, ties, graphmodel.DefaultOptions().Layer)
}

// layerOfTiesIn loads the text of a ties.csv and builds the layer k (all time).
func layerOfTiesIn(tb testing.TB, ties []byte, k graphmodel.LayerKind) *graphmodel.Layer {
	tb.Helper()
	d, err := graphmodel.LoadFS(fstest.MapFS{"ties.csv": {Data: ties}}, "t")
	if err != nil {
		tb.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.Layer = k
	l, err := d.Layer(o)
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

func BenchmarkBetweenness5k(b *testing.B) {
	x := NewIndex(randomLayer(b, 5000, 50000, 1))
	for b.Loop() {
		if _, err := ShortestPaths(context.Background(), x, PathOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStages5k(b *testing.B) { benchStages(b, randomLayer(b, 5000, 50000, 1)) }

func BenchmarkStages100k(b *testing.B) { benchStages(b, randomLayer(b, 100000, 1000000, 1)) }

// benchStages times each measure but the shortest paths on its own.
func benchStages(b *testing.B, l *graphmodel.Layer) {
	x := NewIndex(l)
	s := Strength(x)
	stages := []struct {
		name string
		fn   func()
	}{
		{"index", func() { NewIndex(l) }},
		{"eigenvector", func() { Eigenvector(x, 0, 0) }},
		{"pagerank", func() { PageRank(x, s, 0.85, 0, 0) }},
		{"cores", func() { CoreNumbers(x) }},
		{"clustering", func() { Clustering(x) }},
		{"structural holes", func() { StructuralHoles(x, s) }},
		{"cliques", func() { MaximalCliques(x, 3) }},
		{"louvain 1 run", func() { Louvain(x, 1, 1) }},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			for b.Loop() {
				st.fn()
			}
		})
	}
}

// BenchmarkGonum measures the gonum routines that the index-based ones replace, beside
// them, on the same 5,000-actor graph (the measurement behind each replacement).
func BenchmarkGonum(b *testing.B) {
	l := randomLayer(b, 5000, 50000, 1)
	x := NewIndex(l)
	b.Run("cores/gonum DegeneracyOrdering", func(b *testing.B) {
		for b.Loop() {
			topo.DegeneracyOrdering(l)
		}
	})
	b.Run("cores/index", func(b *testing.B) {
		for b.Loop() {
			CoreNumbers(x)
		}
	})
	b.Run("cliques/gonum BronKerbosch", func(b *testing.B) {
		for b.Loop() {
			topo.BronKerbosch(l)
		}
	})
	b.Run("cliques/index", func(b *testing.B) {
		for b.Loop() {
			MaximalCliques(x, 3)
		}
	})
	b.Run("louvain/gonum Modularize", func(b *testing.B) {
		for b.Loop() {
			community.Modularize(l, 1, rand.NewPCG(1, 0))
		}
	})
	b.Run("louvain/index", func(b *testing.B) {
		for b.Loop() {
			Louvain(x, 1, 1)
		}
	})
}

// BenchmarkAnalyze100k runs the whole analysis (betweenness sampled from 50 sources) on a
// random graph of 100,000 actors and 1,000,000 ties.
func BenchmarkAnalyze100k(b *testing.B) {
	l := randomLayer(b, 100000, 1000000, 1)
	for b.Loop() {
		if _, err := Analyze(context.Background(), l, Options{Sample: 50}); err != nil {
			b.Fatal(err)
		}
	}
}
