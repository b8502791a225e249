#!/usr/bin/env python3
"""Reference ("golden") values for the liaison metrics, computed without any Go code.

For every case in CASES this script loads a liaison data set (CONTRACT.md section 1) with the
csv module, builds the analysed weighted layer exactly as CONTRACT.md section 2 says, computes
the per-actor metrics of section 3 (NetworkX semantics where NetworkX has the measure), and
writes one JSON file per case to testdata/reference/<case>.json, plus
testdata/reference/README.md (generated, with the measured numbers).

    python3 scripts/reference.py [--out testdata/reference] [--check]

--check writes everything into a temporary directory and compares it byte for byte with the
files under --out; it prints a unified diff and exits 1 on any difference, 0 if identical.

Requires Python 3.11+, networkx 3.6.1, numpy and igraph 1.0 (for the Leiden yardstick); nothing else (scipy is NOT needed: nx.pagerank
and nx.eigenvector_centrality_numpy need scipy, so PageRank and the eigenvector are computed
here directly, see below).

Exactness:
  * Weights are kept as fractions.Fraction parsed from the decimal strings of the CSV files
    (Fraction("2.5")), so every layer weight is exact; the float weight is float(Fraction),
    i.e. correctly rounded.
  * betweenness: Brandes with exact arithmetic (Fraction path lengths 1/w, exact equality of
    path lengths, exact path counts and dependencies), normalised like NetworkX
    normalized=True for an undirected graph. NetworkX's own value (float lengths, exact float
    comparison) is written next to it as betweenness_networkx.
  * pagerank: the exact solution of the PageRank linear system in Fractions (alpha = 17/20),
    rounded once to float. It is the fixed point nx.pagerank(alpha=0.85, weight="weight")
    converges to; cross-checked against NetworkX's pure-Python power iteration.
  * eigenvector: numpy.linalg.eigh gives the estimate; it is then refined by inverse
    iteration in 60-digit decimal arithmetic and rounded once to float, so the value is the
    true principal eigenvector rounded to float64 (independent of the BLAS/LAPACK build).
  * closeness, harmonic, clustering, core, constraint, effective_size, cliques, Louvain: NetworkX
    (pure Python, deterministic); closeness and harmonic are cross-checked against exact
    Fraction shortest-path distances.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import heapq
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import networkx as nx
import numpy as np
from networkx.algorithms.link_analysis import pagerank_alg

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "testdata" / "reference"

# ---------------------------------------------------------------------------------------
# cases

CASES = [
    # name, data set folder (relative to the repository), options
    {"case": "karate", "dataset": "testdata/karate",
     "options": {"layer": "combined", "at": None, "club_weight": 1.0, "projection": "newman"}},
    {"case": "florentine", "dataset": "testdata/florentine",
     "options": {"layer": "bilateral", "at": None, "club_weight": 1.0, "projection": "newman"}},
    {"case": "southern-women", "dataset": "testdata/southern-women",
     "options": {"layer": "clubs", "at": None, "club_weight": 1.0, "projection": "newman"}},
    {"case": "southern-women-count", "dataset": "testdata/southern-women",
     "options": {"layer": "clubs", "at": None, "club_weight": 1.0, "projection": "count"}},
    {"case": "example", "dataset": "testdata/example",
     "options": {"layer": "combined", "at": None, "club_weight": 1.0, "projection": "newman"}},
    {"case": "example-bilateral-2005", "dataset": "testdata/example",
     "options": {"layer": "bilateral", "at": 2005, "club_weight": 1.0, "projection": "newman"}},
    {"case": "example-clubs-1990", "dataset": "testdata/example",
     "options": {"layer": "clubs", "at": 1990, "club_weight": 1.0, "projection": "newman"}},
]

LOUVAIN_SEEDS = range(10)
PAGERANK_ALPHA = Fraction(17, 20)  # 0.85 exactly

# ---------------------------------------------------------------------------------------
# loading (CONTRACT.md section 1)


class DataError(Exception):
    pass


YEAR_RE = re.compile(r"^-?\d{1,4}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_time(text: str):
    """'' -> None; '1946' or '1946-03-05' -> (first day, last day) of what it denotes."""
    text = text.strip()
    if text == "":
        return None
    if YEAR_RE.match(text):
        y = int(text)
        if not 1 <= y <= 9999:
            raise ValueError(f"year {text!r} out of range")
        return (dt.date(y, 1, 1), dt.date(y, 12, 31))
    if DATE_RE.match(text):
        d = dt.date.fromisoformat(text)
        return (d, d)
    raise ValueError(f"date {text!r} is neither a year nor an ISO date YYYY-MM-DD")


def parse_amount(text: str, what: str) -> Fraction:
    """A finite number > 0 as an exact Fraction; empty -> 1."""
    t = text.strip()
    if t == "":
        return Fraction(1)
    try:
        v = Fraction(t)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{what} {text!r} is not a finite number")
    if v <= 0:
        raise ValueError(f"{what} {text!r} is not > 0")
    return v


def read_table(path: Path, required: list[str], errors: list[str]):
    """Rows of a CSV file as (line, {lower-case column: value}); None if the file is absent."""
    if not path.exists():
        return None
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        errors.append(f"{name}:1: invalid UTF-8 ({e})")
        return []
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, strict=True)
    rows = []
    try:
        header = next(reader, None)
        if header is None:
            errors.append(f"{name}:1: empty file")
            return []
        cols = [h.strip().lower() for h in header]
        if len(set(cols)) != len(cols):
            errors.append(f"{name}:1: duplicate column name")
        for r in required:
            if r not in cols:
                errors.append(f"{name}:1: missing required column {r!r}")
        if any(r not in cols for r in required):
            return []
        start = reader.line_num
        for row in reader:
            line = start + 1
            start = reader.line_num
            if row == []:
                continue  # blank line
            if len(row) != len(cols):
                errors.append(f"{name}:{line}: {len(row)} fields, header has {len(cols)}")
                continue
            rows.append((line, dict(zip(cols, row))))
    except csv.Error as e:
        errors.append(f"{name}:{reader.line_num}: {e}")
    return rows


def load_dataset(folder: Path) -> dict:
    """Load a liaison data set folder; raise DataError listing every problem found."""
    errors: list[str] = []
    actors_t = read_table(folder / "actors.csv", ["id"], errors)
    ties_t = read_table(folder / "ties.csv", ["source", "target"], errors)
    clubs_t = read_table(folder / "clubs.csv", ["id"], errors)
    mem_t = read_table(folder / "memberships.csv", ["club", "actor"], errors)
    exch_t = read_table(folder / "exchanges.csv", ["date", "from", "to"], errors)

    def span(fname, line, row):
        try:
            since = parse_time(row.get("since", ""))
            until = parse_time(row.get("until", ""))
        except ValueError as e:
            errors.append(f"{fname}:{line}: {e}")
            return None, None, False
        if since and until and until[1] < since[0]:
            errors.append(f"{fname}:{line}: until {row['until']!r} is before since {row['since']!r}")
            return None, None, False
        return (since[0].year if since else None), (until[1].year if until else None), True

    actors = None
    if actors_t is not None:
        actors = []
        seen = set()
        for line, row in actors_t:
            a = row["id"]
            if a == "":
                errors.append(f"actors.csv:{line}: empty id")
            elif a in seen:
                errors.append(f"actors.csv:{line}: duplicate id {a!r}")
            else:
                seen.add(a)
                actors.append(a)

    clubs = None  # id -> (since year, until year)
    if clubs_t is not None:
        clubs = {}
        for line, row in clubs_t:
            c = row["id"]
            s, u, ok = span("clubs.csv", line, row)
            if c == "":
                errors.append(f"clubs.csv:{line}: empty id")
            elif c in clubs:
                errors.append(f"clubs.csv:{line}: duplicate id {c!r}")
            elif ok:
                clubs[c] = (s, u)
            else:
                clubs[c] = (None, None)

    aset = set(actors) if actors is not None else None

    def check_actor(fname, line, a):
        if a == "":
            errors.append(f"{fname}:{line}: empty actor id")
            return False
        if aset is not None and a not in aset:
            errors.append(f"{fname}:{line}: unknown actor {a!r}")
            return False
        return True

    ties = []  # (u, v, weight, since year, until year)
    for line, row in ties_t or []:
        a, b = row["source"], row["target"]
        ok = check_actor("ties.csv", line, a) & check_actor("ties.csv", line, b)
        if ok and a == b:
            errors.append(f"ties.csv:{line}: self-tie {a!r}")
            ok = False
        try:
            w = parse_amount(row.get("weight", ""), "weight")
        except ValueError as e:
            errors.append(f"ties.csv:{line}: {e}")
            ok = False
        s, u, sok = span("ties.csv", line, row)
        if ok and sok:
            ties.append((a, b, w, s, u))

    memberships = []  # (club, actor, since year, until year)
    for line, row in mem_t or []:
        c, a = row["club"], row["actor"]
        ok = check_actor("memberships.csv", line, a)
        if c == "":
            errors.append(f"memberships.csv:{line}: empty club id")
            ok = False
        elif clubs is not None and c not in clubs:
            errors.append(f"memberships.csv:{line}: unknown club {c!r}")
            ok = False
        s, u, sok = span("memberships.csv", line, row)
        if ok and sok:
            memberships.append((c, a, s, u))

    exchanges = []  # (year, from, to, volume)
    for line, row in exch_t or []:
        a, b = row["from"], row["to"]
        ok = check_actor("exchanges.csv", line, a) & check_actor("exchanges.csv", line, b)
        if ok and a == b:
            errors.append(f"exchanges.csv:{line}: exchange of {a!r} with itself")
            ok = False
        try:
            d = parse_time(row["date"])
            if d is None:
                raise ValueError("empty date")
        except ValueError as e:
            errors.append(f"exchanges.csv:{line}: {e}")
            ok = False
        try:
            vol = parse_amount(row.get("volume", ""), "volume")
        except ValueError as e:
            errors.append(f"exchanges.csv:{line}: {e}")
            ok = False
        if ok:
            exchanges.append((d[0].year, a, b, vol))

    if errors:
        raise DataError("\n".join(f"{folder}/{e}" for e in errors))

    if actors is None:
        ref = set()
        for a, b, *_ in ties:
            ref.update((a, b))
        for _, a, *_ in memberships:
            ref.add(a)
        for _, a, b, _ in exchanges:
            ref.update((a, b))
        actors = sorted(ref)
    if clubs is None:
        clubs = {c: (None, None) for c, *_ in memberships}
    return {"actors": actors, "ties": ties, "clubs": clubs,
            "memberships": memberships, "exchanges": exchanges}


# ---------------------------------------------------------------------------------------
# the weighted layer (CONTRACT.md section 2)


def active(since, until, at) -> bool:
    if at is None:
        return True
    return (since is None or since <= at) and (until is None or at <= until)


def pair(a, b):
    return (a, b) if a < b else (b, a)


def build_layer(ds: dict, layer: str, at, club_weight, projection: str):
    """Return (sorted node ids, {(u, v): exact Fraction weight} with u < v and weight > 0)."""
    if layer not in ("bilateral", "clubs", "combined"):
        raise ValueError(f"unknown layer {layer!r}")
    if projection not in ("newman", "count"):
        raise ValueError(f"unknown projection {projection!r}")
    cw = Fraction(repr(float(club_weight)))

    referenced = set()
    bilateral: dict = {}
    for a, b, w, s, u in ds["ties"]:
        if active(s, u, at):
            referenced.update((a, b))
            p = pair(a, b)
            bilateral[p] = bilateral.get(p, Fraction(0)) + w
    for year, a, b, vol in ds["exchanges"]:
        if at is None or year == at:
            referenced.update((a, b))
            p = pair(a, b)
            bilateral[p] = bilateral.get(p, Fraction(0)) + vol

    members: dict = {}
    for c, a, s, u in ds["memberships"]:
        cs, cu = ds["clubs"][c]
        if active(s, u, at) and active(cs, cu, at):
            referenced.add(a)
            members.setdefault(c, set()).add(a)
    club: dict = {}
    for c in sorted(members):
        ms = sorted(members[c])
        k = len(ms)
        if k < 2:
            continue
        add = Fraction(1, k - 1) if projection == "newman" else Fraction(1)
        for a, b in itertools.combinations(ms, 2):
            p = pair(a, b)
            club[p] = club.get(p, Fraction(0)) + add

    if at is None:
        nodes = sorted(ds["actors"])
    else:
        nodes = sorted(referenced)

    edges: dict = {}
    if layer in ("bilateral", "combined"):
        for p, w in bilateral.items():
            edges[p] = edges.get(p, Fraction(0)) + w
    if layer == "clubs":
        for p, w in club.items():
            edges[p] = edges.get(p, Fraction(0)) + w
    if layer == "combined":
        for p, w in club.items():
            edges[p] = edges.get(p, Fraction(0)) + cw * w
    edges = {p: w for p, w in sorted(edges.items()) if w != 0}
    return nodes, edges


# ---------------------------------------------------------------------------------------
# exact shortest paths and betweenness


def exact_brandes(nodes, edges):
    """Exact Brandes.

    Returns (betweenness normalised as NetworkX, {s: {t: exact distance}}, smallest nonzero
    relative gap (d(s,v) + l(v,w) - d(s,w)) / d(s,w) over all edges (v, w) and sources s,
    or None if every such gap is 0).
    """
    adj = {v: [] for v in nodes}
    for (a, b), w in edges.items():
        length = 1 / w
        adj[a].append((b, length))
        adj[b].append((a, length))
    for v in adj:
        adj[v].sort()
    bc = {v: Fraction(0) for v in nodes}
    dists = {}
    min_gap = None
    for s in nodes:
        S = []
        P = {v: [] for v in nodes}
        sigma = dict.fromkeys(nodes, 0)
        sigma[s] = 1
        D = {}
        seen = {s: Fraction(0)}
        c = itertools.count()
        Q = [(Fraction(0), next(c), s, s)]
        while Q:
            dist, _, pred, v = heapq.heappop(Q)
            if v in D:
                continue
            if v != s:
                sigma[v] += sigma[pred]  # count paths (the source keeps sigma = 1)
            S.append(v)
            D[v] = dist
            for w, length in adj[v]:
                vw = dist + length
                if w not in D and (w not in seen or vw < seen[w]):
                    seen[w] = vw
                    heapq.heappush(Q, (vw, next(c), v, w))
                    sigma[w] = 0
                    P[w] = [v]
                elif vw == seen[w]:  # exactly equal: another shortest path
                    sigma[w] += sigma[v]
                    P[w].append(v)
        dists[s] = D
        # smallest nonzero relative gap between D[w] and a path D[v] + l(v, w) through a
        # neighbour: the contract treats gaps below 1e-9 as ties, the exact values do not.
        for v in D:
            for w, length in adj[v]:
                if w == s:
                    continue
                gap = D[v] + length - D[w]
                if gap > 0:
                    rel = gap / D[w]
                    if min_gap is None or rel < min_gap:
                        min_gap = rel
        delta = dict.fromkeys(S, Fraction(0))
        while S:
            w = S.pop()
            coeff = (1 + delta[w]) / sigma[w]
            for v in P[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                bc[w] += delta[w]
    n = len(nodes)
    if n <= 2:
        return {v: Fraction(0) for v in nodes}, dists, min_gap
    # bc sums over ordered pairs (s, t): that is 2x the unordered sum, so NetworkX's
    # normalized undirected value sum_unordered * 2/((n-1)(n-2)) is bc / ((n-1)(n-2)).
    scale = Fraction(1, (n - 1) * (n - 2))
    return {v: bc[v] * scale for v in nodes}, dists, min_gap


# ---------------------------------------------------------------------------------------
# exact PageRank


def solve_exact(A, b):
    """Solve A x = b (lists of Fractions) by Gaussian elimination with exact pivoting."""
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for col in range(n):
        piv = next(r for r in range(col, n) if M[r][col] != 0)
        if piv != col:
            M[col], M[piv] = M[piv], M[col]
        pr = M[col]
        inv = 1 / pr[col]
        for r in range(col + 1, n):
            row = M[r]
            f = row[col]
            if f == 0:
                continue
            f = f * inv
            for k in range(col, n + 1):
                if pr[k] != 0:
                    row[k] -= f * pr[k]
    x = [Fraction(0)] * n
    for i in range(n - 1, -1, -1):
        s = M[i][n] - sum((M[i][k] * x[k] for k in range(i + 1, n)), Fraction(0))
        x[i] = s / M[i][i]
    return x


def exact_pagerank(nodes, edges, alpha=PAGERANK_ALPHA):
    """PageRank with weighted transitions, uniform teleport and uniform dangling mass, exactly.

    x = (1 - alpha)/n * 1 + alpha * (W^T D^-1 x + (sum of dangling x)/n * 1); solved as
    (I - alpha M) x = (1 - alpha)/n * 1, whose solution sums to 1.
    """
    n = len(nodes)
    idx = {v: i for i, v in enumerate(nodes)}
    strength = [Fraction(0)] * n
    for (a, b), w in edges.items():
        strength[idx[a]] += w
        strength[idx[b]] += w
    M = [[Fraction(0)] * n for _ in range(n)]
    for (a, b), w in edges.items():
        i, j = idx[a], idx[b]
        M[j][i] += w / strength[i]  # i -> j
        M[i][j] += w / strength[j]  # j -> i
    for i in range(n):
        if strength[i] == 0:
            for j in range(n):
                M[j][i] += Fraction(1, n)
    A = [[(1 if i == j else 0) - alpha * M[i][j] for j in range(n)] for i in range(n)]
    b = [(1 - alpha) / n] * n
    x = solve_exact(A, b)
    assert sum(x) == 1
    return {v: x[idx[v]] for v in nodes}


# ---------------------------------------------------------------------------------------
# eigenvector


def refine_eigenvector(Mf, lam_est, v_est, digits=60):
    """Inverse iteration in Decimal arithmetic for the eigenvalue nearest lam_est (just above it).

    Mf: exact matrix (list of lists of Fraction), v_est: float start vector. Returns a list
    of Decimal with unit Euclidean norm and positive sum.
    """
    n = len(Mf)
    with localcontext() as ctx:
        ctx.prec = digits
        D = [[Decimal(x.numerator) / Decimal(x.denominator) for x in row] for row in Mf]
        shift = Decimal(repr(float(lam_est))) * (1 + Decimal("1e-9")) + Decimal("1e-12")
        A = [[D[i][j] - (shift if i == j else 0) for j in range(n)] for i in range(n)]
        # LU with partial pivoting
        perm = list(range(n))
        for col in range(n):
            piv = max(range(col, n), key=lambda r: abs(A[r][col]))
            if A[piv][col] == 0:
                raise ArithmeticError("singular shifted matrix")
            A[col], A[piv] = A[piv], A[col]
            perm[col], perm[piv] = perm[piv], perm[col]
            for r in range(col + 1, n):
                f = A[r][col] / A[col][col]
                A[r][col] = f
                if f != 0:
                    for k in range(col + 1, n):
                        A[r][k] -= f * A[col][k]

        def solve(b):
            y = [b[perm[i]] for i in range(n)]
            for i in range(n):
                y[i] -= sum((A[i][k] * y[k] for k in range(i)), Decimal(0))
            for i in range(n - 1, -1, -1):
                y[i] = (y[i] - sum((A[i][k] * y[k] for k in range(i + 1, n)), Decimal(0))) / A[i][i]
            return y

        def normalise(y):
            nrm = sum(t * t for t in y).sqrt()
            if sum(y) < 0:
                nrm = -nrm
            return [t / nrm for t in y]

        x = normalise([Decimal(repr(float(t))) for t in v_est])
        tol = Decimal(10) ** (-(digits - 12))
        for _ in range(1000):
            y = normalise(solve(x))
            change = max(abs(p - q) for p, q in zip(x, y))
            x = y
            if change < tol:
                break
        else:
            raise ArithmeticError("inverse iteration did not converge")
        # residual check: |M x - lambda x| small
        lam = sum(x[i] * sum(D[i][j] * x[j] for j in range(n)) for i in range(n))
        res = max(abs(sum(D[i][j] * x[j] for j in range(n)) - lam * x[i]) for i in range(n))
        if res > Decimal(10) ** (-(digits - 15)) * max(1, abs(lam)):
            raise ArithmeticError(f"eigenvector residual {res}")
        return x, lam


def eigenvector(G: nx.Graph, nodes, edges, notes: list[str]):
    """Principal eigenvector of the weighted adjacency matrix, unit norm, >= 0."""
    n = len(nodes)
    result = {v: 0.0 for v in nodes}
    if not edges:
        notes.append("eigenvector: the layer has no edges; the adjacency matrix is 0 and every "
                      "actor gets 0.0")
        return result
    idx = {v: i for i, v in enumerate(nodes)}
    # what plain numpy gives on the whole (float) matrix
    Af = np.zeros((n, n))
    for (a, b), w in edges.items():
        Af[idx[a], idx[b]] = Af[idx[b], idx[a]] = float(w)
    vals, vecs = np.linalg.eigh(Af)
    top = vecs[:, -1]
    top = top * (1.0 if top.sum() >= 0 else -1.0)

    comps = [sorted(c) for c in nx.connected_components(G)]
    comps.sort(key=lambda c: c[0])
    best = []  # (principal eigenvalue estimate, component)
    for c in comps:
        if len(c) < 2:
            best.append((0.0, c))
            continue
        ci = [idx[v] for v in c]
        cv = np.linalg.eigvalsh(Af[np.ix_(ci, ci)])
        best.append((float(cv[-1]), c))
    lam_max = max(l for l, _ in best)
    winners = [c for l, c in best if l >= lam_max * (1 - 1e-9)]
    comp = winners[0]
    if len(winners) > 1:
        notes.append("eigenvector: AMBIGUOUS: several components share the largest eigenvalue "
                      f"{lam_max!r}; the component containing {comp[0]!r} was used")
    ci = [idx[v] for v in comp]
    sub = [[Fraction(0)] * len(comp) for _ in comp]
    pos = {v: i for i, v in enumerate(comp)}
    for (a, b), w in edges.items():
        if a in pos and b in pos:
            sub[pos[a]][pos[b]] = sub[pos[b]][pos[a]] = w
    cvals, cvecs = np.linalg.eigh(Af[np.ix_(ci, ci)])
    x, lam = refine_eigenvector(sub, cvals[-1], cvecs[:, -1])
    for v, t in zip(comp, x):
        if t <= 0:
            raise ArithmeticError(f"Perron vector entry of {v!r} is not positive: {t}")
        result[v] = float(t)
    diff = max(abs(result[v] - float(top[idx[v]])) for v in nodes)
    if len(comps) > 1:
        notes.append(
            "eigenvector: the layer is disconnected. nx.eigenvector_centrality_numpy raises "
            "AmbiguousSolution for disconnected graphs, so the value written is the principal "
            "eigenvector of the whole weighted adjacency matrix, computed per component: the "
            f"component with the largest eigenvalue ({float(lam)!r}, {len(comp)} actors, "
            f"first {comp[0]!r}) carries its unit-norm Perron vector and every other actor gets "
            "0.0 (numpy.linalg.eigh on the whole matrix, sign fixed so the sum is >= 0, gives "
            f"the same vector within {diff:.3g})")
    else:
        notes.append(
            f"eigenvector: largest eigenvalue {float(lam)!r}; numpy.linalg.eigh on the whole "
            f"matrix agrees with the refined vector within {diff:.3g}")
    return result


# ---------------------------------------------------------------------------------------
# one case


def clean(x: float) -> float:
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        raise ValueError(f"non-finite value {x!r}")
    return 0.0 if x == 0 else x


def compute_case(spec: dict) -> tuple[dict, dict]:
    opts = spec["options"]
    ds = load_dataset(REPO / spec["dataset"])
    nodes, edges = build_layer(ds, opts["layer"], opts["at"], opts["club_weight"],
                               opts["projection"])
    notes: list[str] = []
    n = len(nodes)

    G = nx.Graph()
    G.add_nodes_from(nodes)  # sorted insertion order: Louvain's seeded shuffles depend on it
    for (a, b), w in edges.items():
        wf = float(w)
        G.add_edge(a, b, weight=wf, length=1.0 / wf)
    connected = n > 0 and nx.is_connected(G)

    strength = {v: Fraction(0) for v in nodes}
    for (a, b), w in edges.items():
        strength[a] += w
        strength[b] += w

    bc_exact, dists, min_gap = exact_brandes(nodes, edges)
    if min_gap is not None and min_gap < Fraction(1, 10**9):
        notes.append(f"WARNING: two path lengths differ by the relative {float(min_gap)!r} < 1e-9: "
                     "the contract counts them as tied, the exact betweenness does not")
        print(f"warning: {spec['case']}: near-tie of relative gap {float(min_gap)!r}",
              file=sys.stderr)
    else:
        notes.append("path lengths: unequal path lengths differ by at least the relative "
                     f"{float(min_gap) if min_gap is not None else 0.0!r} (smallest nonzero "
                     "(d(s,v) + 1/w(v,t) - d(s,t)) / d(s,t) over all sources s and edges v-t), "
                     "so exact ties and the contract's relative-1e-9 ties agree")
    bc_nx = nx.betweenness_centrality(G, weight="length", normalized=True)
    bc_err = max((abs(float(bc_exact[v]) - bc_nx[v]) for v in nodes), default=0.0)

    closeness = nx.closeness_centrality(G, distance="length", wf_improved=True)
    harmonic = nx.harmonic_centrality(G, distance="length")
    # cross-check against exact distances
    cl_err = hm_err = 0.0
    for v in nodes:
        others = [d for t, d in dists[v].items() if t != v]
        r, tot = len(others), sum(others, Fraction(0))
        cl = (Fraction(r) / tot) * Fraction(r, n - 1) if tot > 0 and n > 1 else Fraction(0)
        hm = sum((1 / d for d in others), Fraction(0))
        cl_err = max(cl_err, abs(float(cl) - closeness[v]))
        hm_err = max(hm_err, abs(float(hm) - harmonic[v]))
    notes.append(f"closeness, harmonic: NetworkX (float lengths 1.0/weight); they differ from "
                 f"the same formulas on exact Fraction distances by at most {cl_err:.3g} and "
                 f"{hm_err:.3g}")

    ev = eigenvector(G, nodes, edges, notes)

    pr_exact = exact_pagerank(nodes, edges) if n else {}
    pr_py = pagerank_alg._pagerank_python(G, alpha=0.85, weight="weight", tol=1e-13,
                                          max_iter=10000) if n else {}
    pr_err = max((abs(float(pr_exact[v]) - pr_py[v]) for v in nodes), default=0.0)
    if pr_err > 1e-10:
        raise ArithmeticError(f"{spec['case']}: PageRank power iteration differs by {pr_err}")
    notes.append("pagerank: exact solution of the PageRank system (alpha = 17/20, weighted "
                 "transitions, uniform teleport, dangling mass spread uniformly) rounded to float; "
                 "NetworkX's power iteration (tol=1e-13, max_iter=10000) agrees within "
                 f"{pr_err:.3g}")

    core = nx.core_number(G)
    clustering = nx.clustering(G)
    constraint = nx.constraint(G, weight="weight")
    # nodes=list(G) selects NetworkX's per-node implementation, which follows Burt's and
    # Borgatti's definition. With scipy installed and nodes=None, NetworkX 3.6.1 takes a
    # vectorised path that disagrees with it (e.g. weighted karate, node 0: 13.954 against
    # 13.775 by the definition); see the README.
    eff = nx.effective_size(G, nodes=list(G), weight="weight")
    isolates = [v for v in nodes if G.degree(v) == 0]
    for v in nodes:
        for table in (constraint, eff):
            if math.isnan(table[v]):
                if v not in isolates:
                    raise ArithmeticError(f"{spec['case']}: NaN for non-isolate {v!r}")
                table[v] = 0.0
    if isolates:
        notes.append("constraint, effective_size: NetworkX gives NaN for isolated actors; 0.0 is "
                     f"written instead for the {len(isolates)} isolate(s): "
                     + ", ".join(isolates))

    cliques = sorted(sorted(c) for c in nx.find_cliques(G) if len(c) >= 3)

    mods = []
    if edges:
        for s in LOUVAIN_SEEDS:
            comms = nx.community.louvain_communities(G, weight="weight", resolution=1, seed=s)
            mods.append(clean(nx.community.modularity(G, comms, weight="weight")))
    else:
        notes.append("louvain: the layer has no edges; modularity is undefined, written as 0.0")
        mods = [0.0 for _ in LOUVAIN_SEEDS]

    # igraph's Leiden (Traag et al. 2019) on modularity, weighted, iterated until stable,
    # one run per seed of Python's random module (python-igraph's random number source).
    leiden = []
    if edges:
        import random
        import igraph as ig
        index = {v: i for i, v in enumerate(nodes)}
        g = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for (a, b) in edges],
                     directed=False)
        g.es["weight"] = [float(w) for w in edges.values()]
        for s in LOUVAIN_SEEDS:
            random.seed(s)
            part = g.community_leiden(objective_function="modularity", weights="weight",
                                      resolution=1, beta=0.01, n_iterations=-1)
            leiden.append(clean(g.modularity(part.membership, weights="weight")))
    else:
        leiden = [0.0 for _ in LOUVAIN_SEEDS]

    if 0 < bc_err < 1e-12:
        notes.append("betweenness: exact Brandes; nx.betweenness_centrality(weight='length') "
                     f"agrees within {bc_err!r} (float rounding only: no tie is missed)")
    elif bc_err > 0:
        notes.append("betweenness: exact Brandes; nx.betweenness_centrality(weight='length') "
                     f"differs by up to {bc_err!r} because it compares float path lengths "
                     "exactly and so misses ties whose float sums differ in the last bit "
                     "(e.g. 1/3 + 1/3 + 1/2 + 1/3 = 1.4999999999999998 vs 1 + 1/2 = 1.5)")
    else:
        notes.append("betweenness: exact Brandes; nx.betweenness_centrality(weight='length') "
                     "gives the same values (difference 0.0)")

    actors = []
    for v in nodes:
        actors.append({
            "id": v,
            "degree": G.degree(v),
            "strength": clean(strength[v]),
            "betweenness": clean(bc_exact[v]),
            "betweenness_networkx": clean(bc_nx[v]),
            "closeness": clean(closeness[v]),
            "harmonic": clean(harmonic[v]),
            "eigenvector": clean(ev[v]),
            "pagerank": clean(pr_exact[v]),
            "core": core[v],
            "clustering": clean(clustering[v]),
            "constraint": clean(constraint[v]),
            "effective_size": clean(eff[v]),
        })

    doc = {
        "case": spec["case"],
        "dataset": spec["dataset"],
        "options": {"layer": opts["layer"], "at": opts["at"],
                    "club_weight": float(opts["club_weight"]), "projection": opts["projection"]},
        "n": n,
        "connected": connected,
        "nodes": nodes,
        "edges": [[a, b, clean(w)] for (a, b), w in edges.items()],
        "actors": actors,
        "cliques": cliques,
        "louvain_best_modularity": max(mods),
        "louvain_modularities": mods,
        "leiden_igraph_best_modularity": max(leiden),
        "leiden_igraph_modularities": leiden,
        "max_betweenness_networkx_error": clean(bc_err),
        "notes": notes,
    }
    stats = {"case": spec["case"], "n": n, "m": len(edges), "connected": connected,
             "bc_err": bc_err, "cl_err": cl_err, "hm_err": hm_err, "pr_err": pr_err,
             "isolates": len(isolates), "best_q": max(mods),
             "min_gap": float(min_gap) if min_gap is not None else 0.0}
    return doc, stats


# ---------------------------------------------------------------------------------------
# README


README_HEAD = """\
# Reference values for the liaison metrics

Generated by `scripts/reference.py` — do not edit by hand. Regenerate with
`python3 scripts/reference.py` and verify with `python3 scripts/reference.py --check`
(byte-for-byte comparison; exit status 1 and a diff on any difference). The output is
deterministic: the script re-runs itself with `PYTHONHASHSEED=0`, because some NetworkX
functions (`harmonic_centrality`, `modularity`) add floats in the iteration order of a set of
actor ids, which changes their last bits from one hash seed to the next. Requirements:
Python 3.11+, networkx 3.6.1, numpy, igraph 1.0 (no scipy, no Go code).

Each `<case>.json` holds "golden" values that the Go tests compare against (with a float
tolerance). The script loads the data set with Python's `csv` module and builds the layer
itself, following `CONTRACT.md` §1–§3, independently of the Go implementation.

## Cases

| case | data set | layer | at | club weight | projection | n | edges | connected | isolates | max \\|betweenness_networkx − betweenness\\| | smallest nonzero relative path-length gap |
|---|---|---|---|---|---|---|---|---|---|---|---|
"""

README_BODY = """
## File layout

`{"case", "dataset", "options": {"layer", "at", "club_weight", "projection"}, "n",
"connected", "nodes", "edges", "actors", "cliques", "louvain_best_modularity",
"louvain_modularities", "leiden_igraph_best_modularity", "leiden_igraph_modularities",
"max_betweenness_networkx_error", "notes"}`, keys sorted, indent 1,
floats written with Python's `repr` (shortest string that round-trips to the same float64).

- `nodes`: actor ids, sorted as strings (code-point order, which is Go's byte order for UTF-8).
- `edges`: `[u, v, weight]` with `u < v`, sorted; only edges with weight > 0.
- `actors`: one item per node, sorted by `id`, with the fields below.
- `cliques`: every maximal clique of ≥ 3 actors (`nx.find_cliques`, unweighted), each sorted,
  the list sorted.
- `louvain_modularities`: `nx.community.modularity(G, C, weight="weight")` of
  `C = nx.community.louvain_communities(G, weight="weight", resolution=1, seed=s)` for
  `s = 0..9`; `louvain_best_modularity` is their maximum. (NetworkX's Louvain shuffles
  nodes with the seed, so its result depends on the graph's insertion order: nodes are added
  in sorted order, then edges in sorted order. A Go implementation will not reproduce these
  partitions; the numbers are a yardstick for the modularity it should reach.)
- `leiden_igraph_modularities`: igraph's `Graph.community_leiden(objective_function=
  "modularity", weights="weight", resolution=1, beta=0.01, n_iterations=-1)` (iterated until
  stable) after `random.seed(s)` (python-igraph draws from Python's `random`), for `s = 0..9`,
  scored by `Graph.modularity(membership, weights="weight")`; `leiden_igraph_best_modularity`
  is their maximum: the yardstick of `--community leiden`.
- `notes`: case-specific remarks (cross-check figures, isolates, disconnected layers).

## Building the layer (CONTRACT.md §2)

- Times: `since`/`until`/`date` are a year or an ISO date; only the year matters for `at`.
  A row is active in year Y when year(since) ≤ Y ≤ year(until) (an empty bound is open;
  `until` is inclusive). Without `at` every row counts.
- Nodes: every actor of `actors.csv` (or, without it, every actor id used in ties,
  memberships or exchanges). With `at`, only actors referenced by an active tie row, an
  active membership whose club is active too, or an exchange dated in that year — whatever
  the layer (so e.g. an actor with only ties is an isolate in the clubs layer). `n` is the
  size of this node set and is used in every normalisation.
- Bilateral weight of a pair = sum of the weights of its active `ties.csv` rows (weight
  defaults to 1) + the volumes of the exchanges between the two (either direction; volume
  defaults to 1; with `at`, only exchanges dated in that year).
- Club layer: every active club with k ≥ 2 distinct active members adds 1/(k−1) (`newman`)
  or 1 (`count`) to each pair of its members. Without `at` a club's k is everyone who ever
  belonged.
- Combined = bilateral + club_weight × club. The `clubs` layer is the club weight itself
  (club_weight is not applied to it). Edges whose weight is 0 are dropped.
- Weights are exact (`fractions.Fraction` of the CSV decimal strings) until they are written;
  the written weight is the exact sum rounded once to float64.

## Metric definitions (per actor)

Path length of an edge = 1/weight.

- `degree`: number of neighbours. `strength`: sum of incident weights (exact, then rounded).
- `betweenness`: Brandes with **exact arithmetic** — path lengths are `Fraction(1, w)`, two
  path lengths are tied only when exactly equal, path counts and dependencies are exact —
  normalised as NetworkX `normalized=True` for undirected graphs:
  (Σ over unordered pairs s<t, s≠v≠t, of σ_st(v)/σ_st) · 2/((n−1)(n−2)); 0 when n ≤ 2.
  Written as `float(Fraction)`.
- `betweenness_networkx`: `nx.betweenness_centrality(G, weight="length", normalized=True)`
  with `length = 1.0/weight` as float. NetworkX compares float path lengths with `==`, so
  when two shortest paths have the same real length but different float sums it keeps only
  one of them (weighted karate club: from actor 12 to actor 14 the paths 12–3–2–32–14 and
  12–3–13–33–14 both have length exactly 3/2, but their float sums are 1.4999999999999998
  and 1.5, so NetworkX drops the path via 33; Southern Women with `count` and the
  example's 2005 bilateral layer have similar cases); the field is here
  so that the size of that effect is visible. `max_betweenness_networkx_error` is
  max over actors of |betweenness_networkx − betweenness|. The contract treats path lengths
  equal within a relative 1e-9 as ties, which is what the exact values model: the last
  column of the table above is the smallest nonzero relative gap
  (d(s,v) + 1/w(v,t) − d(s,t)) / d(s,t) over every source s and edge v–t, so in every case
  a path is either exactly tied with the shortest one or longer by far more than 1e-9, and
  exact ties and relative-1e-9 ties give the same betweenness. A "1e-9 relative
  tolerance" Go implementation should match `betweenness`, not `betweenness_networkx`.
- `closeness`: `nx.closeness_centrality(G, distance="length", wf_improved=True)`, i.e.
  (r/(n−1)) · (r/Σ d) over the r reachable others, 0 if r = 0.
- `harmonic`: `nx.harmonic_centrality(G, distance="length")` = Σ 1/d over reachable others.
- `eigenvector`: principal eigenvector of the weighted adjacency matrix, unit Euclidean norm,
  ≥ 0 — what `nx.eigenvector_centrality_numpy(G, weight="weight")` returns for a connected
  graph (that function needs scipy, which is not used here): estimated with
  `numpy.linalg.eigh`, then refined by inverse iteration in 60-digit decimal arithmetic and
  rounded once to float64. For a **disconnected** layer (`"connected": false`) NetworkX
  refuses (`AmbiguousSolution`); the value written is the eigenvector of the largest
  eigenvalue of the whole matrix: the Perron vector of the component with the largest
  eigenvalue, with 0.0 for every actor outside it (numpy.linalg.eigh on the whole matrix
  gives the same up to rounding, as the case's `notes` record). If several components
  shared the largest eigenvalue the note says AMBIGUOUS. A layer without edges gives 0.0.
- `pagerank`: damping 0.85, transitions proportional to weight, uniform teleport, the rank
  of dangling (isolated) actors spread uniformly — `nx.pagerank(G, alpha=0.85,
  weight="weight")`. Computed as the exact solution of the linear system in Fractions
  (alpha = 17/20), rounded once to float; the notes give its distance to NetworkX's power
  iteration (`tol=1e-13, max_iter=10000`).
- `core`: `nx.core_number(G)` (unweighted). `clustering`: `nx.clustering(G)` (unweighted).
- `constraint`, `effective_size`: `nx.constraint(G, weight="weight")`,
  `nx.effective_size(G, nodes=list(G), weight="weight")`. Passing `nodes` selects
  NetworkX's per-node implementation of Burt's definition; with scipy installed and no
  `nodes`, NetworkX 3.6.1 takes a vectorised path that gives other numbers (weighted karate,
  actor 0: 13.954 instead of 13.775), so it is not used. **NetworkX returns NaN for an isolated actor;
  0.0 is written for both measures there** (and the case's `notes` list the isolates).

Floats are compared by the Go tests with a tolerance; the exact-arithmetic fields
(`betweenness`, `pagerank`, `eigenvector`, `strength`, edge weights) are correctly rounded,
the NetworkX fields are within a few ulps of the real value (see the notes).
"""


def readme(all_stats) -> str:
    rows = []
    for spec, st in all_stats:
        o = spec["options"]
        at = "—" if o["at"] is None else str(o["at"])
        rows.append(f"| `{spec['case']}` | `{spec['dataset']}` | {o['layer']} | {at} | "
                    f"{float(o['club_weight'])!r} | {o['projection']} | {st['n']} | {st['m']} | "
                    f"{'yes' if st['connected'] else 'no'} | {st['isolates']} | "
                    f"{st['bc_err']:.6g} | {st['min_gap']:.3g} |")
    return README_HEAD + "\n".join(rows) + "\n" + README_BODY


# ---------------------------------------------------------------------------------------
# main


def dump(doc: dict) -> bytes:
    return (json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False)
            + "\n").encode("utf-8")


def generate(out: Path, verbose: bool = True) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    all_stats = []
    for spec in CASES:
        folder = REPO / spec["dataset"]
        if not folder.is_dir():
            print(f"warning: {spec['dataset']} does not exist; case {spec['case']} skipped",
                  file=sys.stderr)
            continue
        doc, st = compute_case(spec)
        name = f"{spec['case']}.json"
        (out / name).write_bytes(dump(doc))
        written.append(name)
        all_stats.append((spec, st))
        if verbose:
            print(f"{spec['case']:24s} n={st['n']:3d} m={st['m']:4d} "
                  f"connected={str(st['connected']):5s} isolates={st['isolates']} "
                  f"max|bc_nx-bc|={st['bc_err']:.6g} max|closeness err|={st['cl_err']:.3g} "
                  f"max|harmonic err|={st['hm_err']:.3g} max|pagerank iter err|={st['pr_err']:.3g} "
                  f"best Q={st['best_q']:.6f} min rel gap={st['min_gap']:.3g}")
    (out / "README.md").write_bytes(readme(all_stats).encode("utf-8"))
    written.append("README.md")
    return written


def main(argv=None) -> int:
    # Several NetworkX functions iterate over sets of actor ids (harmonic_centrality sums
    # 1/d in set order, modularity sums edge weights in set order), so the last bits of
    # their floats depend on Python's string-hash seed. Pin it for byte-identical output.
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        cmd = [sys.executable, str(Path(__file__).resolve())]
        cmd += sys.argv[1:] if argv is None else list(argv)
        return subprocess.run(cmd, env=env).returncode
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="output folder (default: testdata/reference of the repository)")
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary folder and compare byte for byte")
    args = ap.parse_args(argv)
    try:
        if not args.check:
            generate(args.out)
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            names = generate(tmp, verbose=False)
            bad = False
            for name in names:
                new = (tmp / name).read_bytes()
                path = args.out / name
                old = path.read_bytes() if path.exists() else None
                if old == new:
                    continue
                bad = True
                if old is None:
                    print(f"missing: {path}")
                    continue
                sys.stdout.writelines(difflib.unified_diff(
                    old.decode("utf-8", "replace").splitlines(keepends=True),
                    new.decode("utf-8").splitlines(keepends=True),
                    fromfile=str(path), tofile=f"regenerated/{name}"))
            for path in sorted(args.out.glob("*.json")):
                if path.name not in names:
                    bad = True
                    print(f"stale (no case produces it): {path}")
            if bad:
                print("reference files differ from a fresh run", file=sys.stderr)
                return 1
            print(f"ok: {len(names)} files identical")
            return 0
    except DataError as e:
        print(e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
