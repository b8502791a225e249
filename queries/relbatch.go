package queries

import (
	"fmt"
	"strconv"
	"strings"
)

// The fast form of a relationship write into a data set that has none of the type yet
// (Push's first load): each batch sends the distinct ids of its endpoints once, looks each up
// once by (dataset, id) and creates the batch's relationships between the nodes found, in one
// transaction (the nodes are held only within it: element ids are never carried across
// transactions). A row is a list, not a map: [the source's position in $as, the target's in
// $bs, the properties in the order of keys]; a missing property is null, which CREATE leaves
// out. So each endpoint is sought once per batch instead of once per row, and no property
// name travels with every row.

// relCreate is the Cypher of the fast form for the kind k with the properties keys. A batch
// in which an endpoint is not found writes nothing (its count is 0, which writeBatches
// refuses), so a row never meets the wrong node.
func relCreate(k kind, keys []string) string {
	lookup := func(v, label, ids string) string {
		return "CALL () { UNWIND range(0, size($" + ids + ") - 1) AS i MATCH " + endpoint("n", label, "$"+ids+"[i]") +
			" WITH i, n ORDER BY i RETURN collect(n) AS " + v + " } "
	}
	ps := make([]string, len(keys))
	for i, key := range keys {
		ps[i] = "`" + strings.ReplaceAll(key, "`", "``") + "`: row[" + strconv.Itoa(i+2) + "]"
	}
	return lookup("na", k.from, "as") + lookup("nb", k.to, "bs") +
		"WITH na, nb WHERE size(na) = size($as) AND size(nb) = size($bs) " +
		"UNWIND $rows AS row WITH na[row[0]] AS a, nb[row[1]] AS b, row " +
		"CREATE (a)-[x:" + k.label + " {" + strings.Join(ps, ", ") + "}]->(b) RETURN count(*) AS n"
}

// batch returns the parameters of relCreate for the relationships lo … hi-1 of s: $as and $bs,
// the distinct ids of their sources and targets, and $rows. A property not among keys is an
// error (it would be lost).
func (s relSet) batch(keys []string) func(lo, hi int) (map[string]any, error) {
	pos := make(map[string]int, len(keys))
	for i, k := range keys {
		pos[k] = i
	}
	return func(lo, hi int) (map[string]any, error) {
		ia, ib := map[string]int{}, map[string]int{}
		var as, bs []string
		at := func(m map[string]int, ids *[]string, id string) int {
			i, ok := m[id]
			if !ok {
				i = len(*ids)
				m[id], *ids = i, append(*ids, id)
			}
			return i
		}
		rows := make([][]any, hi-lo)
		var scratch map[string]any
		for i := lo; i < hi; i++ {
			r := s.rels[i]
			p := r.props
			switch {
			case p != nil:
			case s.fill != nil:
				if scratch == nil {
					scratch = make(map[string]any, len(keys))
				}
				clear(scratch)
				s.fill(i, scratch)
				p = scratch
			default:
				p = s.props(i)
			}
			row := make([]any, 2+len(keys))
			row[0], row[1] = int64(at(ia, &as, r.a)), int64(at(ib, &bs, r.b))
			for k, v := range p {
				j, ok := pos[k]
				if !ok {
					return nil, fmt.Errorf("relationship property %q is not in the schema's list", k)
				}
				row[2+j] = v
			}
			rows[i-lo] = row
		}
		return map[string]any{"as": as, "bs": bs, "rows": rows}, nil
	}
}
