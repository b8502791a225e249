package queries_test

import (
	"context"
	"fmt"
	"log"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/queries"
)

// Push writes a data set and its analysis into Neo4j; the named queries then read them. This
// example needs a running server (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), so
// it is compiled but not run.
func ExampleSession_Push() {
	ctx := context.Background()
	d, err := graphmodel.Load("../testdata/example")
	if err != nil {
		log.Fatal(err)
	}
	l, err := d.Layer(graphmodel.DefaultOptions())
	if err != nil {
		log.Fatal(err)
	}
	r, err := analysis.Analyze(ctx, l, analysis.Options{})
	if err != nil {
		log.Fatal(err)
	}

	s, err := queries.Open(ctx, queries.ConnFromEnv())
	if err != nil {
		log.Fatal(err) // wraps ErrUnreachable, ErrUnauthorized or ErrNoSuchDatabase
	}
	defer s.Close(ctx)
	stats, err := s.Push(ctx, r, queries.PushOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("pushed", stats.Rows(), "nodes and relationships")

	// Run a named query with its parameters given as text, as on the command line.
	q, err := queries.Get("hubs")
	if err != nil {
		log.Fatal(err)
	}
	params, err := q.Bind(map[string]string{"limit": "3"})
	if err != nil {
		log.Fatal(err)
	}
	rows, err := s.Run(ctx, q.Text, params)
	if err != nil {
		log.Fatal(err)
	}
	for _, row := range rows {
		fmt.Println(row["rank"], row["id"], row["score"])
	}
}

// Every named query declares its parameters, with types and defaults, and its columns.
func ExampleGet() {
	q, err := queries.Get("hubs")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.Purpose)
	for _, p := range q.Params {
		fmt.Printf("param %s %s (default %s)\n", p.Name, p.Type, p.Default)
	}
	fmt.Println("columns", q.Columns)
	params, err := q.Bind(nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(params)
	// Output:
	// The alliance hubs, best first, with the reason in words.
	// param dataset string (default liaison)
	// param limit int (default 10)
	// columns [rank id score why]
	// map[dataset:liaison limit:10]
}
