package graphmodel_test

import (
	"fmt"
	"log"

	"github.com/liaison-net/liaison/graphmodel"
)

// Load Padgett's Florentine families and look at the Medici in the bilateral layer, where a
// pair with both a marriage and a business tie has weight 2.
func ExampleDataset_Layer() {
	d, err := graphmodel.Load("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.Layer = graphmodel.Bilateral
	l, err := d.Layer(o)
	if err != nil {
		log.Fatal(err)
	}
	medici, _ := l.NodeID("Medici")
	nbrs, weights := l.Adjacency(medici)
	for i, v := range nbrs {
		fmt.Println(l.Actor(int64(v)), weights[i])
	}
	fmt.Println(l.Len(), "families,", l.EdgeCount(), "ties")
	// Output:
	// Acciaiuoli 1
	// Albizzi 1
	// Barbadori 2
	// Ginori 1
	// Pazzi 1
	// Ridolfi 1
	// Salviati 2
	// Tornabuoni 2
	// 16 families, 27 ties
}

// Every problem in a data set is reported at once, each as FILE:LINE: message.
func ExampleValidationError() {
	_, err := graphmodel.Load("testdata/broken")
	fmt.Println(err)
	// Output:
	// testdata/broken: 3 problems
	// ties.csv:3: weight "abc" is not a number
	// ties.csv:4: self-tie: source and target are both "GBR"
	// ties.csv:5: until 1990 is before since 2001
}
