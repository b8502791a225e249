#!/usr/bin/env python3
"""Check liaison's GEXF and GraphML exports with NetworkX and igraph.

Usage: python3 scripts/check_exports.py MANIFEST.json

The manifest (written by export/readers_test.go) lists files and what they must hold:

  {"files": [{"path": "out.gexf", "format": "gexf" | "graphml",
              "nodes": 16, "edges": 27,
              "weights": [["A", "B", 4.5], ...],            # every edge
              "node_attrs": {"A": {"betweenness": ["double", 0.1], ...}, ...},
              "edge_attrs": [["A", "B", {"class": ["string", "relational"], ...}], ...],
              "labels": {"A": "Alpha", ...},
              "spells": {"A": [[1950, 2010]], ...}}]}       # GEXF, dynamic files only

Kinds are int, long, double, boolean and string. NetworkX (read_gexf, read_graphml) must
give the right Python types (int, float, bool, str) and values; igraph (Read_GraphML) the
right values (it keeps every number as a float). Prints one line per file and reader; exits
1 on any failure.
"""

import json
import math
import sys

import igraph
import networkx as nx

failures = []


def fail(where, msg):
    failures.append(f"{where}: {msg}")


def same_value(kind, got, want, strict_types=True):
    if kind in ("int", "long"):
        if strict_types and (not isinstance(got, int) or isinstance(got, bool)):
            return False
        return isinstance(got, (int, float)) and not isinstance(got, bool) and got == want
    if kind == "double":
        if strict_types and not isinstance(got, float):
            return False
        return isinstance(got, (int, float)) and math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-15)
    if kind == "boolean":
        return isinstance(got, bool) and got == want
    return isinstance(got, str) and got == want


def check_attrs(where, data, want, strict_types=True):
    for name, (kind, value) in want.items():
        if name not in data:
            fail(where, f"no attribute {name}")
        elif not same_value(kind, data[name], value, strict_types):
            fail(where, f"{name}: got {data[name]!r} ({type(data[name]).__name__}), want {value!r} ({kind})")


def check_networkx(f):
    where = f"networkx {f['format']} {f['path']}"
    g = nx.read_gexf(f["path"]) if f["format"] == "gexf" else nx.read_graphml(f["path"])
    if g.is_directed() or g.is_multigraph():
        fail(where, f"graph type {type(g).__name__}, want Graph")
    if g.number_of_nodes() != f["nodes"] or g.number_of_edges() != f["edges"]:
        fail(where, f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges; want {f['nodes']}, {f['edges']}")
    for s, t, w in f["weights"]:
        if not g.has_edge(s, t):
            fail(where, f"no edge {s}–{t}")
        elif not math.isclose(g[s][t].get("weight", math.nan), w, rel_tol=1e-12):
            fail(where, f"weight {s}–{t}: got {g[s][t].get('weight')}, want {w}")
    for node, want in f["node_attrs"].items():
        if node not in g:
            fail(where, f"no node {node}")
            continue
        check_attrs(f"{where} node {node}", g.nodes[node], want)
    for node, label in f.get("labels", {}).items():
        if node in g and g.nodes[node].get("label") != label:
            fail(where, f"label of {node}: got {g.nodes[node].get('label')!r}, want {label!r}")
    for s, t, want in f["edge_attrs"]:
        if g.has_edge(s, t):
            check_attrs(f"{where} edge {s}–{t}", g[s][t], want)
    for node, spells in f.get("spells", {}).items():
        data = g.nodes[node]
        got = data.get("spells") or [(data.get("start"), data.get("end"))]
        got = [list(s) for s in got]
        if got != spells:
            fail(where, f"spells of {node}: got {got}, want {spells}")
    print(f"ok {where}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


def check_igraph(f):
    where = f"igraph graphml {f['path']}"
    g = igraph.Graph.Read_GraphML(f["path"])
    if g.is_directed():
        fail(where, "directed")
    if g.vcount() != f["nodes"] or g.ecount() != f["edges"]:
        fail(where, f"{g.vcount()} nodes, {g.ecount()} edges; want {f['nodes']}, {f['edges']}")
    index = {v["id"]: v.index for v in g.vs}
    for s, t, w in f["weights"]:
        eid = g.get_eid(index[s], index[t], directed=False, error=False)
        if eid < 0:
            fail(where, f"no edge {s}–{t}")
        elif not math.isclose(g.es[eid]["weight"], w, rel_tol=1e-12):
            fail(where, f"weight {s}–{t}: got {g.es[eid]['weight']}, want {w}")
    for node, want in f["node_attrs"].items():
        check_attrs(f"{where} node {node}", g.vs[index[node]].attributes(), want, strict_types=False)
    for s, t, want in f["edge_attrs"]:
        eid = g.get_eid(index[s], index[t], directed=False, error=False)
        if eid >= 0:
            check_attrs(f"{where} edge {s}–{t}", g.es[eid].attributes(), want, strict_types=False)
    print(f"ok {where}: {g.vcount()} nodes, {g.ecount()} edges")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as fh:
        manifest = json.load(fh)
    for f in manifest["files"]:
        for check in (check_networkx, check_igraph) if f["format"] == "graphml" else (check_networkx,):
            try:
                check(f)
            except Exception as e:  # a reader that cannot read the file is a failure
                fail(f"{check.__name__} {f['path']}", f"{type(e).__name__}: {e}")
    for msg in failures:
        print("FAIL", msg)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
