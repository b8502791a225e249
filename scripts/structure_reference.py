#!/usr/bin/env python3
"""Independent references for the structure package (core-periphery and structural balance).

Writes small seeded test data sets under testdata/structure/<case>/ (ties.csv, and for the
signed cases actors.csv and rivalries.csv) and testdata/structure/reference.json with, per
case, values computed here from the CSV files alone, by other methods than liaison's:

- Borgatti-Everett continuous coreness: the least-squares c of sum_{i != j} (a_ij - c_i c_j)^2
  by Newton's method with the exact Hessian (liaison uses coordinate descent), unit norm;
  the continuous fit, Pearson's r of a_ij with c_i c_j over the pairs i < j (numpy).
- The discrete core/periphery model: the best fit over every partition (exhaustive, 2^n),
  core-periphery pairs left out ("missing" off-diagonal blocks).
- Structural balance: the signed triangles by type over every triple (exhaustive), and the
  minimum Doreian-Mrvar error alpha*N + (1-alpha)*P over every partition into at most k
  clusters (exhaustive, k^n), for k = 2 and 3, alpha = 0.5.

Usage: python3 scripts/structure_reference.py [--check]   (--check: fail if a file would change)
"""
import itertools
import json
import os
import random
import sys

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "testdata", "structure")


def cp_graph(seed, n, ncore, p_cc, p_cp, p_pp):
    rnd = random.Random(seed)
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            p = p_cc if (i < ncore and j < ncore) else (p_pp if i >= ncore and j >= ncore else p_cp)
            if rnd.random() < p:
                edges.append((i, j))
    ids = [f"N{rnd.randrange(1000):03d}x{i}" for i in range(n)]  # ids not in node order
    return ids, edges


def signed_graph(seed, n, p_pos, p_neg):
    rnd = random.Random(seed)
    pos, neg = [], []
    # two camps with noise, so balance is far from trivial
    camp = [rnd.randrange(2) for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            r = rnd.random()
            same = camp[i] == camp[j]
            if r < (p_pos if same else p_pos / 4):
                pos.append((i, j))
            elif r < (p_pos if same else p_pos / 4) + (p_neg / 4 if same else p_neg):
                neg.append((i, j))
    return [f"S{i:02d}" for i in range(n)], pos, neg


def write_csv(path, header, rows):
    lines = [",".join(header)] + [",".join(str(x) for x in r) for r in rows]
    return path, "\n".join(lines) + "\n"


def read_pairs(path):
    """The unordered pairs of a CSV file's source and target columns."""
    with open(path) as f:
        head = f.readline().strip().split(",")
        s, t = head.index("source"), head.index("target")
        out = set()
        for line in f:
            parts = line.strip().split(",")
            if len(parts) < 2:
                continue
            a, b = parts[s], parts[t]
            out.add((min(a, b), max(a, b)))
    return out


def coreness(nodes, pairs):
    n = len(nodes)
    idx = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for a, b in pairs:
        A[idx[a], idx[b]] = A[idx[b], idx[a]] = 1.0
    # start: the top eigenvector of A scaled by the root of its eigenvalue
    vals, vecs = np.linalg.eigh(A)
    c = np.abs(vecs[:, -1]) * np.sqrt(max(vals[-1], 1e-3))
    off = ~np.eye(n, dtype=bool)

    def f(c):
        R = (A - np.outer(c, c))[off]
        return float(np.sum(R * R))

    for _ in range(200):
        C = np.outer(c, c)
        R = (A - C) * off
        g = -4.0 * (R @ c)
        H = -4.0 * A + 8.0 * C
        s2 = np.sum(c * c)
        np.fill_diagonal(H, 4.0 * (s2 - c * c))
        try:
            step = np.linalg.solve(H, -g)
        except np.linalg.LinAlgError:
            step = -g * 1e-3
        t, f0 = 1.0, f(c)
        while f(c + t * step) > f0 + 1e-15 * max(1.0, f0) and t > 1e-12:
            t /= 2
        c = c + t * step
        if np.max(np.abs(g)) < 1e-14 and np.max(np.abs(t * step)) < 1e-15:
            break
    if np.sum(c) < 0:
        c = -c
    c = c / np.linalg.norm(c)
    iu = np.triu_indices(n, 1)
    a, p = A[iu], np.outer(c, c)[iu]
    fit = float(np.corrcoef(a, p)[0, 1]) if a.std() > 0 and p.std() > 0 else 0.0
    return A, c, fit


def discrete_best(A):
    n = len(A)
    iu = np.triu_indices(n, 1)
    a = A[iu]
    best = None
    for mask in range(1 << n):
        core = np.array([(mask >> i) & 1 for i in range(n)], dtype=bool)
        nc = int(core.sum())
        if nc < 2 or n - nc < 2:
            continue
        ci, cj = core[iu[0]], core[iu[1]]
        keep = (ci & cj) | (~ci & ~cj)
        x, d = a[keep], (ci & cj)[keep].astype(float)
        if x.std() == 0 or d.std() == 0:
            continue
        r = float(np.corrcoef(x, d)[0, 1])
        if best is None or r > best:
            best = r
    return best if best is not None else 0.0


def triads(nodes, pos, neg):
    sign = {}
    for p in pos:
        sign[p] = 1
    for p in neg:
        sign[p] = -1  # a pair in both is negative
    key = lambda a, b: (min(a, b), max(a, b))
    t = {"ppp": 0, "ppn": 0, "pnn": 0, "nnn": 0}
    for a, b, c in itertools.combinations(nodes, 3):
        s = [sign.get(key(a, b)), sign.get(key(a, c)), sign.get(key(b, c))]
        if None in s:
            continue
        t[["ppp", "ppn", "pnn", "nnn"][s.count(-1)]] += 1
    return t, sign


def min_balance_error(nodes, sign, k, alpha=0.5):
    active = sorted({v for p in sign for v in p})
    idx = {v: i for i, v in enumerate(active)}
    edges = [(idx[a], idx[b], s) for (a, b), s in sign.items()]
    best = None
    # symmetry: the first active node in cluster 0
    for rest in itertools.product(range(k), repeat=len(active) - 1):
        of = (0,) + rest
        e = 0.0
        for i, j, s in edges:
            if s < 0 and of[i] == of[j]:
                e += alpha
            elif s > 0 and of[i] != of[j]:
                e += 1 - alpha
        if best is None or e < best:
            best = e
    return best


def main():
    check = "--check" in sys.argv
    files = []
    ref = {}
    cp_cases = [("cp-1", 11, 4, 0.9, 0.35, 0.08), ("cp-2", 13, 5, 0.8, 0.3, 0.1), ("cp-3", 14, 3, 1.0, 0.5, 0.15)]
    for name, n, nc, pcc, pcp, ppp in cp_cases:
        ids, edges = cp_graph(sum(map(ord, name)), n, nc, pcc, pcp, ppp)
        files.append(write_csv(os.path.join(OUT, name, "ties.csv"), ["source", "target"], [(ids[i], ids[j]) for i, j in edges]))
        files.append(write_csv(os.path.join(OUT, name, "actors.csv"), ["id"], [(i,) for i in ids]))
    signed_cases = [("signed-1", 9, 0.5, 0.4), ("signed-2", 10, 0.4, 0.5), ("signed-3", 11, 0.6, 0.3)]
    for name, n, pp, pn in signed_cases:
        ids, pos, neg = signed_graph(sum(map(ord, name)), n, pp, pn)
        # one ambivalent pair: allied and rivals at once
        if pos:
            neg.append(pos[0])
        files.append(write_csv(os.path.join(OUT, name, "actors.csv"), ["id"], [(i,) for i in ids]))
        files.append(write_csv(os.path.join(OUT, name, "ties.csv"), ["source", "target"], [(ids[i], ids[j]) for i, j in pos]))
        files.append(write_csv(os.path.join(OUT, name, "rivalries.csv"), ["source", "target", "weight"], [(ids[j], ids[i], 2) for i, j in neg]))
    # write (or check) the data sets first: the references read them back
    changed = []
    for path, body in files:
        old = open(path).read() if os.path.exists(path) else None
        if old != body:
            changed.append(path)
            if not check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w") as f:
                    f.write(body)
    for name, *_ in cp_cases:
        d = os.path.join(OUT, name)
        nodes = sorted(open(os.path.join(d, "actors.csv")).read().split()[1:])
        A, c, fit = coreness(nodes, read_pairs(os.path.join(d, "ties.csv")))
        ref[name] = {"coreness": dict(zip(nodes, [float(x) for x in c])), "continuous_fit": fit, "discrete_fit": discrete_best(A)}
    # karate (bilateral, unweighted): continuous model only (2^34 partitions are too many)
    kd = os.path.join(ROOT, "testdata", "karate")
    pairs = read_pairs(os.path.join(kd, "ties.csv"))
    nodes = sorted({l.split(",")[0] for l in open(os.path.join(kd, "actors.csv")).read().split("\n")[1:] if l})
    _, c, fit = coreness(nodes, pairs)
    ref["karate"] = {"coreness": dict(zip(nodes, [float(x) for x in c])), "continuous_fit": fit}
    for name, *_ in signed_cases:
        d = os.path.join(OUT, name)
        nodes = sorted(open(os.path.join(d, "actors.csv")).read().split()[1:])
        t, sign = triads(nodes, read_pairs(os.path.join(d, "ties.csv")), read_pairs(os.path.join(d, "rivalries.csv")))
        tot = sum(t.values())
        ref[name] = {"triads": t, "balanced": (t["ppp"] + t["pnn"]) / tot if tot else 0.0,
                     "ambivalent": len(read_pairs(os.path.join(d, "ties.csv")) & read_pairs(os.path.join(d, "rivalries.csv"))),
                     "min_error_k2": min_balance_error(nodes, sign, 2), "min_error_k3": min_balance_error(nodes, sign, 3)}
    body = json.dumps(ref, indent=1, sort_keys=True) + "\n"
    path = os.path.join(OUT, "reference.json")
    old = open(path).read() if os.path.exists(path) else None
    if old != body:
        changed.append(path)
        if not check:
            with open(path, "w") as f:
                f.write(body)
    if check and changed:
        print("would change:", *changed, sep="\n  ")
        sys.exit(1)
    print(("checked" if check else "wrote"), len(files) + 1, "files")


if __name__ == "__main__":
    main()
