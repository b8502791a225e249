#!/usr/bin/env python3
"""Reference null distribution for `liaison significance`, computed with NetworkX, without Go.

    python3 scripts/null_reference.py [--out testdata/null-reference]

It writes two unweighted data sets (ties.csv only) and, for each, the null distribution of
Freeman's betweenness centralisation under degree-preserving rewiring: DRAWS graphs, each
the data rewired by nx.double_edge_swap with nswap = 10·m and max_tries = 100·m (Maslov and
Sneppen's swaps, as liaison's null), centralisation = sum(max b - b_i) / (n - 1) over the
normalised betweenness (nx.betweenness_centralization's normalisation). It writes
OUT/reference.csv: case, observed, null_mean, null_sd, draws.

  planted: two 6-cliques joined by one bridge (a0-b0): the rewired graphs lose the bridge's
           monopoly, so the data is far above the null.
  random:  an Erdős–Rényi graph G(30, 0.15) (seed 15), whose centralisation is typical.

inference.TestNullAgainstNetworkX runs liaison's null on the same files and checks that the
two null means agree within Monte Carlo error; with LIAISON_EXTERNAL=1 it reruns this script.
Requires networkx (scripts/requirements.txt).
"""
import argparse
import csv
import math
import random
from pathlib import Path

import networkx as nx

DRAWS = 400


def planted():
    g = nx.Graph()
    for side in "ab":
        for i in range(6):
            for j in range(i + 1, 6):
                g.add_edge(f"{side}{i}", f"{side}{j}")
    g.add_edge("a0", "b0")
    return g


def er():
    g = nx.gnp_random_graph(30, 0.15, seed=15)
    g.remove_nodes_from([v for v in list(g) if g.degree(v) == 0])
    return nx.relabel_nodes(g, {v: f"v{v:02d}" for v in g})


def centralization(g):
    n = g.number_of_nodes()
    b = nx.betweenness_centrality(g, normalized=True)
    top = max(b.values())
    return sum(top - v for v in b.values()) / (n - 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="testdata/null-reference")
    out = Path(ap.parse_args().out)
    rows = []
    for name, g in (("planted", planted()), ("random", er())):
        d = out / name
        d.mkdir(parents=True, exist_ok=True)
        with open(d / "ties.csv", "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["source", "target"])
            for u, v in sorted(tuple(sorted(e)) for e in g.edges()):
                w.writerow([u, v])
        m = g.number_of_edges()
        rng = random.Random(1)
        vals = []
        for _ in range(DRAWS):
            h = g.copy()
            nx.double_edge_swap(h, nswap=10 * m, max_tries=100 * m, seed=rng.randrange(2**31))
            vals.append(centralization(h))
        mean = sum(vals) / len(vals)
        sd = math.sqrt(sum((x - mean) ** 2 for x in vals) / (len(vals) - 1))
        rows.append([name, repr(centralization(g)), repr(mean), repr(sd), DRAWS])
    with open(out / "reference.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "observed", "null_mean", "null_sd", "draws"])
        w.writerows(rows)
    print(f"wrote {out}/reference.csv (networkx {nx.__version__}, {DRAWS} draws)")


if __name__ == "__main__":
    main()
