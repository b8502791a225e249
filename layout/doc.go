// Package layout places the nodes of a layer in the plane for drawing: one deterministic
// layout shared by the exports (GEXF, GraphML, DOT positions) and the report's pictures.
//
// # Entry point
//
//	func Layout(x *analysis.Index, groups []int, seed uint64) []Point
//
// [Layout] takes the compact index of an analysed layer (analysis.NewIndex of Result.View),
// each node's group (the Louvain community numbers of the analysis) and a seed, and returns
// one [Point] per node, indexed by node id, in the square [−1, 1]². The same index, groups
// and seed always give the same positions, so an export and a report of the same analysis
// draw the network alike. The export package calls it unless Options.Positions is given, and
// scales the points to its formats (GEXF and GraphML x, y; DOT pos in points, for neato -n).
//
// # Method
//
// Up to 1,000 nodes the layout is Fruchterman and Reingold's force-directed one (1991), with
// k = √(area/n) for the area 4 of the square:
//
//	repulsion between every pair   k²/d
//	attraction along every edge    (w/w̄)·d²/k   (w̄ the mean edge weight)
//
// run for 300 iterations with a step cooling linearly from 0.1, from seeded random positions
// (so heavier ties draw their ends closer). Larger graphs, where that O(n²) loop is too slow,
// are drawn by community: the groups sit on a circle, each with an arc in proportion to its
// size, and their members on a smaller circle around each group's centre, in id order. The
// points are finally scaled and centred into [−1, 1]², keeping the aspect ratio.
package layout
