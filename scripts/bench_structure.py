#!/usr/bin/env python3
"""Speed of liaison's positions and core-periphery at 1,000 actors, against peers.

A seeded random graph of 1,000 actors and about 10,000 ties (a planted core of 100 actors
tied with probability 0.6, the rest at random; integer weights 1-5) is written as a data set
in a temporary folder. Then, alternating, 3 rounds, medians:

- `liaison positions DIR --layer bilateral --blocks 5` (the whole command: load, layer,
  distances, complete linkage, cut, image matrix, JSON) against R sna's sedist +
  equiv.clust + blockmodel on the same ties (Rscript: wall time of the run, and the time of
  the sna calls alone, measured inside R);
- core-periphery: `go test -bench CorePeriphery1000 ./structure` (liaison's both models on the
  same kind of graph, generated in Go) against the same continuous MINRES (Gauss-Seidel, each
  row a numpy dot product) to the same tolerance on this graph, timed in-process.

Usage: python3 scripts/bench_structure.py [--liaison PATH]
"""
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))


def graph(n=1000, m=10000, nc=100, p_core=0.6, seed=1):
    rnd = random.Random(seed)
    core_pairs = nc * (nc - 1) // 2
    p = (m - p_core * core_pairs) / (n * (n - 1) / 2 - core_pairs)
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            if rnd.random() < (p_core if j < nc else p):
                edges.append((i, j, 1 + (i + j) % 5))
    return edges


R_CODE = r"""
suppressMessages(library(sna))
t <- read.csv(file.path(Sys.getenv("DIR"), "ties.csv"), colClasses = c("character", "character", "numeric"))
ids <- sort(unique(c(t$source, t$target)), method = "radix")
A <- matrix(0, length(ids), length(ids))
i <- match(t$source, ids); j <- match(t$target, ids)
A[cbind(i, j)] <- t$weight; A[cbind(j, i)] <- t$weight
s <- proc.time()[["elapsed"]]
ec <- equiv.clust(A, method = "hamming", cluster.method = "complete")
bm <- blockmodel(A, ec, k = 5)
cat("sna", proc.time()[["elapsed"]] - s, "\n")
"""


def minres(A, tol=1e-13):
    """Gauss-Seidel MINRES, as liaison computes it: c_i = sum_j a_ij c_j / (|c|^2 - c_i^2)."""
    n = len(A)
    c = A.sum(1)
    c = c / np.linalg.norm(c)
    s2 = float(c @ c)
    for sweep in range(100000):
        delta = 0.0
        for i in range(n):
            rest = s2 - c[i] * c[i]
            new = float(A[i] @ c) / rest if rest > 0 else 0.0
            delta = max(delta, abs(new - c[i]))
            s2 = rest + new * new
            c[i] = new
        s2 = float(c @ c)
        if delta <= tol * np.max(c):
            return c, sweep + 1
    return c, sweep + 1


def main():
    liaison = None
    if "--liaison" in sys.argv:
        liaison = sys.argv[sys.argv.index("--liaison") + 1]
    tmp = tempfile.mkdtemp(prefix="bench-structure-")
    if liaison is None:
        liaison = os.path.join(tmp, "liaison")
        subprocess.run(["go", "build", "-o", liaison, "./cmd/liaison"], cwd=ROOT, check=True)
    edges = graph()
    d = os.path.join(tmp, "data")
    os.makedirs(d)
    with open(os.path.join(d, "ties.csv"), "w") as f:
        f.write("source,target,weight\n")
        for i, j, w in edges:
            f.write(f"A{i:04d},A{j:04d},{w}\n")
    print(f"graph: 1000 actors, {len(edges)} ties", flush=True)
    go_t, r_wall, r_sna = [], [], []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([liaison, "positions", d, "--layer", "bilateral", "--blocks", "5", "--format", "json",
                        "-o", os.path.join(tmp, "p.json")], check=True)
        go_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        out = subprocess.run(["Rscript", "-e", R_CODE], env=dict(os.environ, DIR=d), check=True,
                             capture_output=True, text=True).stdout
        r_wall.append(time.perf_counter() - t0)
        r_sna.append(float(re.search(r"sna ([0-9.]+)", out).group(1)))
    g, rw, rs = statistics.median(go_t), statistics.median(r_wall), statistics.median(r_sna)
    print(f"positions: liaison {g:.3f} s (whole command); R sna {rw:.3f} s wall, {rs:.3f} s in the sna calls; "
          f"sna calls / liaison = {rs / g:.1f}x", flush=True)
    A = np.zeros((1000, 1000))
    for i, j, _ in edges:
        A[i, j] = A[j, i] = 1
    py, gb = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        _, sweeps = minres(A)
        py.append(time.perf_counter() - t0)
        out = subprocess.run(["go", "test", "./structure", "-run", "XXX", "-bench", "CorePeriphery1000$", "-benchtime", "5x"],
                             cwd=ROOT, check=True, capture_output=True, text=True).stdout
        gb.append(float(re.search(r"CorePeriphery1000-\d+\s+\d+\s+(\d+) ns/op", out).group(1)) / 1e9)
    p, q = statistics.median(py), statistics.median(gb)
    print(f"core-periphery: liaison {q * 1000:.2f} ms (continuous + discrete); numpy MINRES (continuous only) "
          f"{p * 1000:.2f} ms ({sweeps} iterations); numpy / liaison = {p / q:.1f}x")


if __name__ == "__main__":
    main()
