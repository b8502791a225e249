#!/usr/bin/env python3
"""Read liaison's node-link JSON export with NetworkX and check it against a manifest.

Usage: python3 scripts/check_nodelink.py EXPORT.json MANIFEST.json

The manifest (written by export/nodelink_test.go) gives the node and edge counts, every
edge's weight ([source, target, weight]) and some node attributes ({id: {name: value}}).
networkx.node_link_graph must give an undirected simple Graph with them. Prints one line;
exits 1 on any failure.
"""

import json
import sys

import networkx as nx

path, manifest = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    data = json.load(f)
with open(manifest, encoding="utf-8") as f:
    want = json.load(f)
g = nx.node_link_graph(data)
fails = []
if g.is_directed() or g.is_multigraph():
    fails.append(f"graph {type(g).__name__}, want an undirected Graph")
if g.number_of_nodes() != want["nodes"]:
    fails.append(f"nodes: got {g.number_of_nodes()}, want {want['nodes']}")
if g.number_of_edges() != want["edges"]:
    fails.append(f"edges: got {g.number_of_edges()}, want {want['edges']}")
for s, t, w in want["weights"]:
    if not g.has_edge(s, t):
        fails.append(f"no edge {s}–{t}")
    elif g[s][t]["weight"] != w:
        fails.append(f"weight {s}–{t}: got {g[s][t]['weight']!r}, want {w!r}")
for node, attrs in want["node_attrs"].items():
    for name, value in attrs.items():
        got = g.nodes[node].get(name)
        if got != value or type(got) is not type(value):
            fails.append(f"{node}.{name}: got {got!r}, want {value!r}")
for msg in fails[:20]:
    print("FAIL " + msg)
if fails:
    sys.exit(1)
print(f"ok networkx {path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {len(want['weights'])} weights")
