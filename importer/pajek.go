package importer

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/liaison-net/liaison/graphmodel"
)

// Pajek imports a Pajek network or project file (.net, .paj). See the package
// documentation for the mapping.
func Pajek(path string, o Options) (*Output, *Report, error) {
	if _, err := o.check(PajekSource); err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read %w", err)
	}
	defer f.Close()
	p := &pajekIn{path: path, net: newNetOut(), pairs: map[pajekKey]int{}, relNames: map[int]string{}, n: -1}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if !utf8.ValidString(text) {
			p.probs.add(path, line, "", graphmodel.ErrEncoding, "invalid UTF-8")
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		t := strings.TrimSpace(text)
		if t == "" || t[0] == '%' {
			continue
		}
		if t[0] == '*' {
			p.section(line, t)
			continue
		}
		p.data(line, t)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	line++
	p.endVector(line)
	if p.n < 0 && len(p.probs.list) == 0 {
		p.probs.add(path, line, "", graphmodel.ErrEmptyFile, "no *Vertices section")
	}
	if err := p.probs.err(path); err != nil {
		return nil, nil, err
	}
	rep := &Report{Source: PajekSource, Inputs: o.inputs(path)}
	rep.read("lines", p.lines, "tie lines (%s arc, %s edge, %s matrix entries) over %s vertices", Num(p.arcs), Num(p.edges), Num(p.matrix), Num(p.n))
	rep.mapped("actors", len(p.net.ids), "vertices → actors (actors.csv: id = vertex number, name = label)")
	rep.mapped("ties", len(p.net.ties), "tie rows, one per pair and relation (ties.csv)")
	if len(p.relOrder) > 0 {
		var names []string
		for _, r := range p.relOrder {
			names = append(names, p.relName(r))
		}
		rep.mapped("relations", len(p.relOrder), "relations → domains: %s", strings.Join(names, ", "))
	}
	if len(p.net.actorCols) > 0 {
		rep.mapped("vectors", len(p.net.actorCols), "vectors and partitions → actors.csv columns: %s", strings.Join(p.net.actorCols, ", "))
	}
	rep.dropped("nonpositive", p.nonpos, "tie lines with a value of 0 or less dropped (weights must be > 0)")
	rep.dropped("self-loops", p.loops, "loops (a vertex tied to itself) dropped")
	rep.note("merged", p.merged, "tie lines of a pair already given in the same relation (the other direction, or repeated) merged into its row; weight the largest value")
	rep.note("merged-differ", p.differ, "of those merged with a different value")
	rep.note("arcs", p.arcs, "arcs read as undirected ties")
	rep.note("coordinates", p.coords, "vertices with layout coordinates (not carried over)")
	rep.note("skipped", p.skipped, "lines of sections without a liaison meaning skipped (%s)", strings.Join(p.skippedNames, ", "))
	return p.net.output(), rep, nil
}

type pajekKey struct{ u, v, rel int }

type pajekIn struct {
	path  string
	probs problems
	net   *netOut
	n     int // vertices; -1 before *Vertices
	mode  string
	// current relation of a tie section (0: none)
	rel      int
	relNames map[int]string
	relOrder []int
	relSeen  map[int]bool
	pairs    map[pajekKey]int
	matRow   int
	networks int

	// current vector or partition
	vecCol   int
	vecKind  colKind
	vecCount int
	vecLine  int

	lines, arcs, edges, matrix int
	nonpos, loops              int
	merged, differ, coords     int
	skipped                    int
	skippedNames               []string
}

// tokens splits a Pajek line into fields; a "quoted label" is one field.
func tokens(s string) []string {
	var out []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return out
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				out = append(out, s[1:])
				return out
			}
			out = append(out, s[1:1+end])
			s = s[2+end:]
			continue
		}
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			return append(out, s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
}

func (p *pajekIn) section(line int, t string) {
	word, rest, _ := strings.Cut(t, " ")
	if i := strings.IndexByte(word, '\t'); i >= 0 {
		word, rest = word[:i], word[i+1:]+" "+rest
	}
	word = strings.ToLower(word)
	rest = strings.TrimSpace(rest)
	if p.mode == "vector" || p.mode == "partition" {
		if word == "*vertices" {
			if _, ok := atoi(firstField(rest)); !ok {
				p.probs.add(p.path, line, "", ErrBadNumber, "*Vertices count %q is not an integer", rest)
			}
			return
		}
		p.endVector(line)
	}
	p.mode = word
	switch word {
	case "*network":
		p.networks++
		if p.networks > 1 {
			p.probs.add(p.path, line, "", graphmodel.ErrSyntax, "a second *Network in one file is not supported (import each network from its own file)")
		}
	case "*vertices":
		f := tokens(rest)
		n, ok := 0, len(f) > 0
		if ok {
			n, ok = atoi(f[0])
		}
		if !ok || n < 0 {
			p.probs.add(p.path, line, "", ErrBadNumber, "*Vertices count %q is not a non-negative integer", rest)
			return
		}
		if p.n >= 0 {
			p.probs.add(p.path, line, "", graphmodel.ErrSyntax, "a second *Vertices section")
			return
		}
		p.n = n
		for i := 1; i <= n; i++ {
			id := strconv.Itoa(i)
			p.net.actor(id, id)
		}
	case "*arcs", "*edges", "*arcslist", "*edgeslist", "*matrix":
		p.rel = 0
		p.matRow = 0
		if p.n < 0 {
			p.probs.add(p.path, line, "", graphmodel.ErrSyntax, "%s before *Vertices", word)
		}
		f := tokens(rest)
		if len(f) > 0 && strings.HasPrefix(f[0], ":") {
			r, ok := atoi(f[0][1:])
			if !ok || r < 1 {
				p.probs.add(p.path, line, "", ErrBadNumber, "relation number %q is not a positive integer", f[0])
				return
			}
			p.rel = r
			if len(f) > 1 {
				p.relNames[r] = strings.Join(f[1:], " ")
			}
			p.useRel(r)
		}
	case "*vector", "*partition":
		name := strings.Trim(rest, `"`)
		if name == "" {
			name = strings.TrimPrefix(word, "*")
		}
		taken := map[string]bool{"id": true, "name": true}
		for _, c := range p.net.actorCols {
			taken[strings.ToLower(c)] = true
		}
		p.vecCol = p.net.actorColumn(columnName(name, taken))
		p.vecKind = kindFloat
		if word == "*partition" {
			p.vecKind = kindInt
		}
		p.vecCount = 0
		p.vecLine = line
		p.mode = strings.TrimPrefix(word, "*")
	case "*permutation", "*cluster", "*hierarchy":
		p.skippedNames = append(p.skippedNames, t)
	default:
		p.probs.add(p.path, line, "", graphmodel.ErrSyntax, "unknown section %s", strings.Fields(t)[0])
		p.mode = "unknown"
	}
}

func firstField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func (p *pajekIn) useRel(r int) {
	if p.relSeen == nil {
		p.relSeen = map[int]bool{}
	}
	if !p.relSeen[r] {
		p.relSeen[r] = true
		p.relOrder = append(p.relOrder, r)
	}
}

func (p *pajekIn) relName(r int) string {
	if r == 0 {
		return ""
	}
	if nm, ok := p.relNames[r]; ok && nm != "" {
		return nm
	}
	return strconv.Itoa(r)
}

// endVector checks that the vector or partition just read has one value per vertex.
func (p *pajekIn) endVector(line int) {
	if p.mode != "vector" && p.mode != "partition" {
		return
	}
	if p.vecCount != p.n && p.n >= 0 {
		p.probs.add(p.path, p.vecLine, "", graphmodel.ErrFieldCount, "%s %s has %d values for %d vertices", p.mode, p.net.actorCols[p.vecCol], p.vecCount, p.n)
	}
	p.mode = ""
}

func (p *pajekIn) vertex(line int, tok string) (int, bool) {
	v, ok := atoi(tok)
	if !ok {
		p.probs.add(p.path, line, "", ErrBadNumber, "vertex %q is not a number", tok)
		return 0, false
	}
	if v < 1 || v > p.n {
		p.probs.add(p.path, line, "", graphmodel.ErrUnknownRef, "vertex %d is not among the %d vertices", v, p.n)
		return 0, false
	}
	return v, true
}

func (p *pajekIn) data(line int, t string) {
	switch p.mode {
	case "*network", "unknown":
		return
	case "*permutation", "*cluster", "*hierarchy":
		p.skipped++
		return
	case "":
		p.probs.add(p.path, line, "", graphmodel.ErrSyntax, "line outside any section")
		return
	case "vector", "partition":
		for _, v := range strings.Fields(t) {
			p.vecCount++
			if p.vecCount > p.n {
				continue // counted and reported at the end
			}
			s, ok := typed(p.vecKind, v)
			if !ok {
				p.probs.add(p.path, line, "", ErrBadNumber, "%s value %q is not %s", p.mode, v, map[colKind]string{kindFloat: "a number", kindInt: "an integer"}[p.vecKind])
				continue
			}
			if p.vecKind == kindFloat {
				s = v // vectors keep their text: a whole-number vector stays integer-valued
			}
			p.net.actorVals[p.vecCol][p.vecCount-1] = s
		}
		return
	case "*vertices":
		f := tokens(t)
		v, ok := p.vertex(line, f[0])
		if !ok {
			return
		}
		if len(f) > 1 {
			p.net.names[v-1] = f[1]
		}
		if len(f) > 2 {
			p.coords++
		}
		return
	}
	f := tokens(t)
	rel := p.rel
	if strings.HasSuffix(f[0], ":") { // "2: 1 3 1", a numbered relation's line
		r, ok := atoi(strings.TrimSuffix(f[0], ":"))
		if !ok || r < 1 {
			p.probs.add(p.path, line, "", ErrBadNumber, "relation number %q is not a positive integer", f[0])
			return
		}
		rel = r
		p.useRel(r)
		f = f[1:]
	}
	if len(f) == 0 {
		return
	}
	switch p.mode {
	case "*matrix":
		p.matRow++
		if p.matRow > p.n {
			p.probs.add(p.path, line, "", graphmodel.ErrFieldCount, "matrix row %d of %d vertices", p.matRow, p.n)
			return
		}
		if len(f) != p.n {
			p.probs.add(p.path, line, "", graphmodel.ErrFieldCount, "matrix row has %d values, want %d", len(f), p.n)
			return
		}
		for j, v := range f {
			w, ok, _ := weightOf(v)
			if !ok {
				p.probs.add(p.path, line, "", ErrBadNumber, "matrix value %q is not a number", v)
				continue
			}
			if w == 0 {
				continue
			}
			p.matrix++
			p.lines++
			p.tie(line, p.matRow, j+1, rel, v)
		}
	case "*arcslist", "*edgeslist":
		u, ok := p.vertex(line, f[0])
		if !ok {
			return
		}
		for _, tok := range f[1:] {
			v, ok := p.vertex(line, tok)
			if !ok {
				continue
			}
			p.count()
			p.tie(line, u, v, rel, "1")
		}
	default: // *arcs, *edges
		if len(f) < 2 {
			p.probs.add(p.path, line, "", graphmodel.ErrFieldCount, "tie line needs two vertices, got %q", t)
			return
		}
		u, ok1 := p.vertex(line, f[0])
		v, ok2 := p.vertex(line, f[1])
		w := "1"
		if len(f) > 2 {
			w = f[2]
		}
		if !ok1 || !ok2 {
			return
		}
		p.count()
		p.tie(line, u, v, rel, w)
	}
}

func (p *pajekIn) count() {
	p.lines++
	if strings.HasPrefix(p.mode, "*arcs") {
		p.arcs++
	} else {
		p.edges++
	}
}

// tie records the tie line u–v of relation rel with value w (text).
func (p *pajekIn) tie(line, u, v, rel int, w string) {
	x, ok, positive := weightOf(w)
	if !ok {
		p.probs.add(p.path, line, "", ErrBadNumber, "value %q is not a number", w)
		return
	}
	if !positive {
		p.nonpos++
		return
	}
	if u == v {
		p.loops++
		return
	}
	a, b := u, v
	if a > b {
		a, b = b, a
	}
	k := pajekKey{a, b, rel}
	if i, seen := p.pairs[k]; seen {
		p.merged++
		t := &p.net.ties[i]
		old, _, _ := weightOf(t.weight)
		if old != x {
			p.differ++
			if x > old {
				t.weight = w
			}
		}
		return
	}
	p.pairs[k] = len(p.net.ties)
	p.net.ties = append(p.net.ties, netTie{source: strconv.Itoa(u), target: strconv.Itoa(v), weight: w, domains: p.relName(rel)})
}
