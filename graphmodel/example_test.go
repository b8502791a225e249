package graphmodel_test

import (
	"fmt"
	"log"
	"testing/fstest"

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

// Load reads a data set folder (or a single ties file) and validates it; Actors and Clubs
// come back sorted by id, the other rows in input order.
func ExampleLoad() {
	d, err := graphmodel.Load("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Files)
	fmt.Println(len(d.Actors), "actors,", len(d.Ties), "tie rows")
	t := d.Ties[0]
	fmt.Println(t.Source, t.Target, t.Weight, t.Domains)
	// Output:
	// [actors.csv ties.csv]
	// 16 actors, 35 tie rows
	// Acciaiuoli Medici 1 [marriage]
}

// liaisonFS is a small data set in memory: two spells of US–Pakistan cooperation, the
// US–UK tie, and the Five Eyes club.
var liaisonFS = fstest.MapFS{
	"ties.csv": {Data: []byte(`source,target,weight,since,until,domains
USA,GBR,5,1946-03-05,,SIGINT;HUMINT;CT
USA,PAK,2,1954,1965,MILINT
USA,PAK,3,2001,2011,CT;RENDITION
`)},
	"clubs.csv": {Data: []byte(`id,name,since
FVEY,Five Eyes,1946-03-05
`)},
	"memberships.csv": {Data: []byte(`club,actor,since
FVEY,USA,1946
FVEY,GBR,1946
FVEY,CAN,1949
FVEY,AUS,1956
FVEY,NZL,1956
`)},
}

// LoadFS reads a data set from any fs.FS, here an in-memory one. Without actors.csv the
// actors are the ids the other files use.
func ExampleLoadFS() {
	d, err := graphmodel.LoadFS(liaisonFS, "liaison")
	if err != nil {
		log.Fatal(err)
	}
	var ids []string
	for _, a := range d.Actors {
		ids = append(ids, a.ID)
	}
	fmt.Println(ids)
	first, last, _ := d.Span()
	fmt.Println(len(d.Ties), "tie rows,", len(d.Memberships), "memberships, from", first, "to", last)
	// Output:
	// [AUS CAN GBR NZL PAK USA]
	// 3 tie rows, 5 memberships, from 1946 to 2011
}

// A layer is one period view; As gives the other layers of the same period. Five Eyes has
// five members, so Newman's projection adds 1/(5−1) = 0.25 to each of its member pairs.
func ExampleLayer_As() {
	d, err := graphmodel.LoadFS(liaisonFS, "liaison")
	if err != nil {
		log.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.At = 2005
	combined, err := d.Layer(o)
	if err != nil {
		log.Fatal(err)
	}
	usa, _ := combined.NodeID("USA")
	gbr, _ := combined.NodeID("GBR")
	for _, k := range graphmodel.LayerKinds {
		l, err := combined.As(k)
		if err != nil {
			log.Fatal(err)
		}
		w, _ := l.Weight(usa, gbr)
		fmt.Printf("%-9s %d nodes, %2d edges, USA–GBR weight %v\n", k, l.Len(), l.EdgeCount(), w)
	}
	// Output:
	// bilateral 6 nodes,  2 edges, USA–GBR weight 5
	// clubs     6 nodes, 10 edges, USA–GBR weight 0.25
	// combined  6 nodes, 11 edges, USA–GBR weight 5.25
}

// Pairs lists every pair of the period with both parts of its weight; TieRows gives the
// tie rows behind each pair that are active in the period (indexes into Dataset.Ties).
func ExampleLayer_Pairs() {
	d, err := graphmodel.LoadFS(liaisonFS, "liaison")
	if err != nil {
		log.Fatal(err)
	}
	o := graphmodel.DefaultOptions()
	o.Layer = graphmodel.Bilateral
	l, err := d.Layer(o) // all time: both US–Pakistan spells count
	if err != nil {
		log.Fatal(err)
	}
	for p, pair := range l.Pairs() {
		if pair.Bilateral == 0 {
			continue // a club-only pair: in Pairs, but not an edge of the bilateral layer
		}
		fmt.Printf("%s–%s bilateral %v club %v, rows:", l.Actor(int64(pair.U)), l.Actor(int64(pair.V)), pair.Bilateral, pair.Club)
		for _, r := range l.TieRows(p) {
			t := d.Ties[r]
			fmt.Printf(" %v (%v–%v)", t.Weight, t.Since, t.Until)
		}
		fmt.Println()
	}
	// Output:
	// GBR–USA bilateral 5 club 0.25, rows: 5 (1946-03-05–)
	// PAK–USA bilateral 5 club 0, rows: 2 (1954–1965) 3 (2001–2011)
}
