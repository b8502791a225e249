package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/liaison-net/liaison/analysis"
	"github.com/liaison-net/liaison/graphmodel"
	"github.com/liaison-net/liaison/internal/style"
	"github.com/liaison-net/liaison/layout"
)

// Options tune an export. The zero value gives the defaults.
type Options struct {
	// Dataset names the data set in the neo4j-admin format (default "liaison").
	Dataset string
	// Seed seeds the layout (default 1).
	Seed uint64
	// Positions, when not nil, are the node positions (indexed by node id, in [−1, 1]²)
	// instead of Layout's.
	Positions []layout.Point
	// Static writes a GEXF without time even when the data set has times.
	Static bool
	// OpenEnds leaves the open ends of GEXF spells open (an empty since or until: Gephi reads
	// them as −∞ and +∞). By default an open end is closed at the earliest or latest time of
	// the data set, which every reader understands (NetworkX cannot read open spells) and
	// which keeps Gephi's timeline finite.
	OpenEnds bool
	// CSVSafe guards the Gephi CSV tables against formula injection: a cell that begins with
	// =, +, -, @, a tab or a carriage return gets a leading single quote (' ), so that a
	// spreadsheet shows it as text instead of running it (=HYPERLINK(…), @SUM(…)). Numbers are
	// written as they are (a negative number is not text). Off by default, since Gephi and
	// other CSV readers would keep the quote as part of the value.
	CSVSafe bool
	// Years, when not empty, are the analyses of the layer's years (analysis.EvolveEach with
	// the layer's options, ascending): a dynamic GEXF then carries each year's weight, class,
	// relational_score, p_relational and hub_score as dynamic attribute values (see
	// DynamicEdgeAttrs), each year's value holding for YearStep years (default 1).
	Years    []*analysis.Result
	YearStep int
	// TimeFormat is the dynamic GEXF's timeformat: "integer" (years), "date" (ISO dates; a
	// year since is 1 January, a year until 31 December) or "" (date when any time of the
	// data set is a full date, integer otherwise).
	TimeFormat string
}

// kind is the type of an exported attribute.
type kind uint8

const (
	kInt    kind = iota // 32-bit integer (counts, community numbers)
	kLong               // 64-bit integer (integer input columns)
	kDouble             // float64
	kBool               // boolean
	kString             // text
)

// gexfType, graphmlType name a kind in GEXF and GraphML.
func (k kind) gexfType() string {
	return [...]string{"integer", "long", "double", "boolean", "string"}[k]
}

func (k kind) graphmlType() string {
	return [...]string{"int", "long", "double", "boolean", "string"}[k]
}

// attrDef is an exported attribute: its name (the contract's JSON field name) and type.
type attrDef struct {
	Name string
	Kind kind
}

// val is one attribute value; ok is false when it is missing.
type val struct {
	ok bool
	i  int64
	f  float64
	b  bool
	s  string
}

func intVal(v int64) val     { return val{ok: true, i: v} }
func strVal(s string) val    { return val{ok: s != "", s: s} }
func boolVal(b bool) val     { return val{ok: true, b: b} }
func floatVal(f float64) val { return val{ok: !math.IsNaN(f) && !math.IsInf(f, 0), f: f} }

// text formats v as kind k; "" when missing.
func (v val) text(k kind) string {
	if !v.ok {
		return ""
	}
	switch k {
	case kInt, kLong:
		return strconv.FormatInt(v.i, 10)
	case kDouble:
		return formatFloat(v.f)
	case kBool:
		return strconv.FormatBool(v.b)
	default:
		return v.s
	}
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// reserved are names that readers treat specially (Gephi's id, label, weight, time columns;
// the CSV table headers) or that the export uses itself; an input column with one of these
// names is exported as input_NAME.
var reserved = map[string]bool{
	"id": true, "label": true, "weight": true, "source": true, "target": true, "type": true,
	"timeset": true, "interval": true, "start": true, "end": true, "kind": true,
	"x": true, "y": true, "size": true, "color": true, "r": true, "g": true, "b": true,
	"key": true, "attributes": true, "undirected": true, // node-link JSON
}

// graphData gathers, once, what every writer needs about the nodes and edges of a layer and
// its analysis. Rows are produced one at a time, so a writer never holds the document.
type graphData struct {
	l *graphmodel.Layer
	r *analysis.Result

	nodeDefs, edgeDefs []attrDef
	hasName, hasType   bool
	hasRegion, hasPath bool
	nodeExtra          []graphmodel.Column // extra actors.csv columns
	tieExtra           []graphmodel.Column // extra ties.csv columns

	colours [][3]uint8 // each community's colour (nodeColor)
	hub     []float64  // hub-like score of every node
	hubRank []int      // 1-based rank in r.Hubs, 0 when not listed
	clubsOf [][]string
	pos     []layout.Point
}

// newGraphData prepares the export of the analysis r of its period view.
func newGraphData(r *analysis.Result, o Options) (*graphData, error) {
	if r == nil || r.View == nil {
		return nil, fmt.Errorf("export: no analysed layer")
	}
	l := r.View
	n := l.Len()
	g := &graphData{l: l, r: r}
	d := l.Data
	for u := 0; u < n; u++ {
		a := g.actor(u)
		g.hasName = g.hasName || a.Name != ""
		g.hasType = g.hasType || a.Type != ""
		g.hasRegion = g.hasRegion || a.Region != ""
	}
	g.hasPath = n > 0 && r.Actors[0].Closeness != nil

	// Node attributes, named as the contract's JSON fields.
	add := func(defs *[]attrDef, name string, k kind) { *defs = append(*defs, attrDef{name, k}) }
	if g.hasName {
		add(&g.nodeDefs, "name", kString)
	}
	if g.hasType {
		add(&g.nodeDefs, "type", kString)
	}
	if g.hasRegion {
		add(&g.nodeDefs, "region", kString)
	}
	for _, m := range analysis.Measures {
		if !g.has(m) {
			continue
		}
		k := kDouble
		if m.Kind == analysis.Int {
			k = kInt
		}
		add(&g.nodeDefs, m.Name, k)
		if m.Name == "clubs" {
			add(&g.nodeDefs, "club_ids", kString)
		}
	}
	add(&g.nodeDefs, "hub_score", kDouble)
	add(&g.nodeDefs, "hub_rank", kInt)
	g.nodeExtra = d.Columns.Actors
	g.nodeDefs = appendExtra(g.nodeDefs, g.nodeExtra)

	add(&g.edgeDefs, "bilateral", kDouble)
	add(&g.edgeDefs, "club", kDouble)
	add(&g.edgeDefs, "class", kString)
	add(&g.edgeDefs, "relational_score", kDouble)
	add(&g.edgeDefs, "p_relational", kDouble)
	add(&g.edgeDefs, "decided_by", kString)
	add(&g.edgeDefs, "asymmetry", kDouble)
	for _, f := range analysis.TieFactors {
		add(&g.edgeDefs, "factor_"+f, kDouble)
	}
	add(&g.edgeDefs, "domains", kString)
	g.tieExtra = d.Columns.Ties
	g.edgeDefs = appendExtra(g.edgeDefs, g.tieExtra)

	g.hub = analysis.HubScores(r)
	g.hubRank = make([]int, n)
	for i, h := range r.Hubs {
		if u, ok := l.NodeID(h.ID); ok {
			g.hubRank[u] = i + 1
		}
	}
	g.clubsOf = make([][]string, n)
	for _, c := range r.Clubs {
		for _, m := range c.Members {
			if u, ok := l.NodeID(m); ok {
				g.clubsOf[u] = append(g.clubsOf[u], c.ID)
			}
		}
	}
	g.pos = o.Positions
	if g.pos == nil {
		seed := o.Seed
		if seed == 0 {
			seed = 1
		}
		groups := make([]int, n)
		for u := range groups {
			groups[u] = int(r.Actors[u].Community)
		}
		g.pos = layout.Layout(analysis.NewIndex(l), groups, seed)
	}
	if len(g.pos) != n {
		return nil, fmt.Errorf("export: %d positions for %d nodes", len(g.pos), n)
	}
	return g, nil
}

// has reports whether measure m is exported: a measure that can be absent (closeness and
// harmonic) only when the analysis has it.
func (g *graphData) has(m analysis.Measure) bool {
	if _, ok := m.Value(&analysis.ActorMetrics{}); ok {
		return true
	}
	return g.hasPath
}

// appendExtra adds the input's extra columns, renaming those whose names are taken.
func appendExtra(defs []attrDef, cols []graphmodel.Column) []attrDef {
	taken := map[string]bool{}
	for _, d := range defs {
		taken[strings.ToLower(d.Name)] = true
	}
	for _, c := range cols {
		name := c.Name
		for taken[strings.ToLower(name)] || reserved[strings.ToLower(name)] {
			name = "input_" + name
		}
		taken[strings.ToLower(name)] = true
		k := kString
		switch c.Type {
		case graphmodel.AttrInteger:
			k = kLong
		case graphmodel.AttrFloat:
			k = kDouble
		case graphmodel.AttrBoolean:
			k = kBool
		}
		defs = append(defs, attrDef{name, k})
	}
	return defs
}

func pairKey(u, v int64) uint64 {
	if u > v {
		u, v = v, u
	}
	return uint64(u)<<32 | uint64(v)
}

func (g *graphData) actor(u int) *graphmodel.Actor {
	i, _ := g.l.Data.ActorIndex(g.l.Actor(int64(u)))
	return &g.l.Data.Actors[i]
}

// label is the actor's name, or its id when it has none.
func (g *graphData) label(u int) string {
	if a := g.actor(u); a.Name != "" {
		return a.Name
	}
	return g.l.Actor(int64(u))
}

// nodeValues fills vals (len(g.nodeDefs)) with node u's attribute values.
func (g *graphData) nodeValues(u int, vals []val) {
	a := &g.r.Actors[u]
	act := g.actor(u)
	i := 0
	put := func(v val) { vals[i] = v; i++ }
	if g.hasName {
		put(strVal(act.Name))
	}
	if g.hasType {
		put(strVal(act.Type))
	}
	if g.hasRegion {
		put(strVal(act.Region))
	}
	for _, m := range analysis.Measures {
		if !g.has(m) {
			continue
		}
		v, _ := m.Value(a)
		if m.Kind == analysis.Int {
			put(intVal(int64(v)))
		} else {
			put(floatVal(v))
		}
		if m.Name == "clubs" {
			put(strVal(strings.Join(g.clubsOf[u], ";")))
		}
	}
	put(floatVal(g.hub[u]))
	put(intVal(int64(g.hubRank[u])))
	for _, at := range graphmodel.Attrs(g.nodeExtra, act.Extra) {
		put(attrVal(at))
	}
}

func attrVal(a graphmodel.Attr) val {
	switch x := a.Value.(type) {
	case int64:
		return intVal(x)
	case float64:
		return floatVal(x)
	case bool:
		return boolVal(x)
	case string:
		return strVal(x)
	}
	return val{}
}

// edgeRow is one edge of the layer with its analysis.
type edgeRow struct {
	index int // 0…m−1 in (u, v) order
	e     graphmodel.Edge
	tie   *analysis.TieResult // nil when the pair has no bilateral tie
}

// eachEdge calls fn for every edge in ascending (u, v) order, with its tie result (r.Ties is
// sorted the same way: node ids follow actor ids).
func (g *graphData) eachEdge(fn func(edgeRow) error) error {
	ties := g.r.Ties
	t, i := 0, 0
	var err error
	g.l.EachEdge(func(e graphmodel.Edge) {
		if err != nil {
			return
		}
		s, d := e.F.Actor(), e.T.Actor()
		for t < len(ties) && (ties[t].Source < s || ties[t].Source == s && ties[t].Target < d) {
			t++
		}
		row := edgeRow{index: i, e: e}
		if t < len(ties) && ties[t].Source == s && ties[t].Target == d {
			row.tie = &ties[t]
		}
		i++
		err = fn(row)
	})
	return err
}

// edgeValues fills vals (len(g.edgeDefs)) with the attribute values of an edge.
func (g *graphData) edgeValues(row edgeRow, vals []val) {
	i := 0
	put := func(v val) { vals[i] = v; i++ }
	put(floatVal(row.e.Bilateral))
	put(floatVal(row.e.Club))
	if t := row.tie; t != nil {
		put(strVal(t.Class))
		put(floatVal(t.RelationalScore))
		put(floatVal(t.PRelational))
		put(strVal(t.DecidedBy))
		if rc := t.Reciprocity; rc != nil {
			put(floatVal(rc.Asymmetry))
		} else {
			put(val{})
		}
		for _, f := range analysis.TieFactors {
			if x, ok := t.Factors.Get(f); ok {
				put(floatVal(x))
			} else {
				put(val{})
			}
		}
		put(strVal(strings.Join(t.Domains, ";")))
	} else {
		for range 6 + len(analysis.TieFactors) {
			put(val{})
		}
	}
	if len(g.tieExtra) == 0 {
		return
	}
	p, _ := g.l.PairOf(int32(row.e.F.ID()), int32(row.e.T.ID()))
	rows := g.l.TieRows(p)
	for c, col := range g.tieExtra {
		put(g.tieExtraValue(rows, c, col))
	}
}

// tieExtraValue merges extra column c over the active tie rows of a pair: the value when the
// rows agree (or only one gives one); distinct texts joined with ";" for a string column;
// missing when numbers or booleans differ (no sum or mean of them is meaningful in general).
func (g *graphData) tieExtraValue(rows []int32, c int, col graphmodel.Column) val {
	var out val
	var texts []string
	for _, ri := range rows {
		t := &g.l.Data.Ties[ri]
		if c >= len(t.Extra) {
			continue
		}
		v := attrVal(graphmodel.Attr{Type: col.Type, Value: col.Type.Value(t.Extra[c])})
		if !v.ok {
			continue
		}
		if col.Type == graphmodel.AttrString {
			dup := false
			for _, s := range texts {
				dup = dup || s == v.s
			}
			if !dup {
				texts = append(texts, v.s)
			}
			continue
		}
		if !out.ok {
			out = v
		} else if out != v {
			return val{}
		}
	}
	if col.Type == graphmodel.AttrString {
		return strVal(strings.Join(texts, ";"))
	}
	return out
}

// Styling shared by GEXF, GraphML and DOT.

// Edge colours by class (relational, transactional, club co-membership only) and node
// colours by community: the report's (internal/style).
var (
	colorRelational    = style.RGB(style.Relational)
	colorTransactional = style.RGB(style.Transactional)
	colorClubOnly      = style.RGB(style.ClubOnly)
)

// nodeColor is the colour of u's community: the largest communities get the palette's
// colours in order of size, the others grey (style.CommunityColours).
func (g *graphData) nodeColor(u int) [3]uint8 {
	if g.colours == nil {
		groups := g.r.Communities.Groups
		sizes := make([]int, len(groups))
		for i := range groups {
			sizes[i] = len(groups[i])
		}
		for _, c := range style.CommunityColours(sizes) {
			g.colours = append(g.colours, style.RGB(c))
		}
	}
	c := int(g.r.Actors[u].Community)
	if c < 0 || c >= len(g.colours) {
		return style.RGB(style.OtherCommunity)
	}
	return g.colours[c]
}

func edgeColor(row edgeRow) [3]uint8 {
	switch {
	case row.tie == nil:
		return colorClubOnly
	case row.tie.Class == "relational":
		return colorRelational
	default:
		return colorTransactional
	}
}

func hexColor(c [3]uint8) string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// Node sizes: baseSize for a hub score of 0, up to baseSize+hubSize for the top hub.
const (
	baseSize = 4.0
	hubSize  = 26.0
	// scale maps Layout's [−1, 1]² to drawing units.
	scale = 500.0
)

func (g *graphData) nodeSize(u int) float64 { return baseSize + hubSize*g.hub[u] }

// position is node u's position in drawing units, rounded to 0.01.
func (g *graphData) position(u int) (x, y float64) {
	p := g.pos[u]
	return math.Round(p.X*scale*100) / 100, math.Round(p.Y*scale*100) / 100
}
