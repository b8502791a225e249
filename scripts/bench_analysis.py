#!/usr/bin/env python3
"""Benchmark liaison's analysis against igraph and networkit (and NetworkX) on the same files.

In one run, on seeded random graphs G(n, m) (m distinct undirected ties, no self loops,
integer weights uniform in 1..10, numpy default_rng(seed); ids "a0".."a{n-1}", path length
1/weight) written as ties.csv files in a temporary folder, three kinds of work:

  betweenness  (--n, --m; default 5,000 / 50,000) exact weighted betweenness: liaison's
               "shortest paths" stage of `analyze --timings` (which also gives closeness and
               harmonic) against igraph's `Graph.betweenness(weights=lengths)` call and
               networkit's `centrality.Betweenness(G, normalized=True).run()` call, each tool
               timed inside its own process; the values are compared with liaison's;
  whole        (--whole-n, --whole-m, --whole-sample; default 20,000 / 200,000, 500 sources)
               the whole `liaison analyze --sample K --format json -o FILE` process against a
               peer process that loads the same CSV and computes the same metrics that its
               library has (below), betweenness from the same number of sources, and writes
               them as JSON;
  large        (--large-n, --large-m, --large-sample; default 100,000 / 1,000,000, 50
               sources) the same as whole, on the large graph; also the peak memory.

The peers' "same metrics": igraph: degree, strength, betweenness from K sources (sources=),
eigenvector (weighted), PageRank (0.85, weighted), coreness, local transitivity, Burt's
constraint (weighted), Louvain (community_multilevel, weighted), maximal cliques of ≥ 3.
networkit: the same without constraint (it has none), betweenness by
EstimateBetweenness(K pivots), Louvain by PLM without refinement. Neither classifies ties
(liaison's typology) or writes a tie table, so the peers do less than liaison.

Every measured command runs as its own process under `/usr/bin/time -v` (wall clock,
user + system CPU, maximum resident set size); the tools alternate within each repetition
(liaison, igraph, networkit; --repeat times, default 5) and the medians are reported. The
machine's background load (other processes' CPU, from /proc/stat around each run) is printed
with the results. networkit runs on as many threads as the machine has cores, like liaison;
igraph is single-threaded (its CPU ratio is printed beside the wall ratio).

--networkx also times NetworkX's betweenness on --nx-sources sources (default 200) and
extrapolates it to n (slow). --accuracy also measures liaison's sampled betweenness (--sample
K for K in --sample-sizes, --epsilon E for E in --epsilons) against its exact values.

Machine information and Markdown tables go to stdout (progress to stderr); --json OUT also
writes every number as JSON. The binary is built from this repository unless --bin names one.

Usage: python3 scripts/bench_analysis.py [--repeat R] [--seed S] [--n N --m M]
           [--whole-n N --whole-m M --whole-sample K] [--large-n N --large-m M --large-sample K]
           [--skip betweenness,whole,large] [--networkx] [--accuracy] [--bin BIN] [--json OUT]
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np

from benchproc import timed

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The peers read the CSV with the csv module (as a user would), build the graph once, and
# print their own call timings as JSON on the last line of stdout.
IGRAPH_PEER = r"""
import csv, json, random, sys, time
import igraph as ig
T0 = time.perf_counter()
path, mode, k, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
ids, edges, weights = {}, [], []
with open(path, newline="") as f:
    r = csv.reader(f)
    next(r)
    for s, t, w in r:
        edges.append((ids.setdefault(s, len(ids)), ids.setdefault(t, len(ids))))
        weights.append(float(w))
n = len(ids)
g = ig.Graph(n=n, edges=edges, directed=False)
lengths = [1.0 / w for w in weights]
names = list(ids)
scale = 2.0 / ((n - 1) * (n - 2))
t = {}
if mode == "betweenness":
    t0 = time.perf_counter()
    b = g.betweenness(weights=lengths, directed=False)
    t["call"] = time.perf_counter() - t0
    res = {"betweenness": {names[i]: x * scale for i, x in enumerate(b)}}
else:
    random.seed(seed)
    src = random.sample(range(n), k)
    t0 = time.perf_counter()
    res = {}
    res["degree"] = g.degree()
    res["strength"] = g.strength(weights=weights)
    b = g.betweenness(weights=lengths, directed=False, sources=src)
    res["betweenness"] = [x * scale * n / k / 2 for x in b]
    res["eigenvector"] = g.eigenvector_centrality(weights=weights, scale=False)
    res["pagerank"] = g.pagerank(weights=weights, damping=0.85)
    res["core"] = g.coreness()
    res["clustering"] = g.transitivity_local_undirected(mode="zero")
    res["constraint"] = g.constraint(weights=weights)
    res["community"] = g.community_multilevel(weights=weights).membership
    res["cliques"] = len(g.maximal_cliques(min=3))
    t["call"] = time.perf_counter() - t0
with open(out, "w") as f:
    json.dump(res, f)
t["work"] = time.perf_counter() - T0
print(json.dumps(t))
"""

NETWORKIT_PEER = r"""
import csv, json, os, sys, time
import networkit as nk
T0 = time.perf_counter()
path, mode, k, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
nk.setNumberOfThreads(len(os.sched_getaffinity(0)))
nk.engineering.setSeed(seed, False)
ids, rows = {}, []
with open(path, newline="") as f:
    r = csv.reader(f)
    next(r)
    for s, t, w in r:
        rows.append((ids.setdefault(s, len(ids)), ids.setdefault(t, len(ids)), float(w)))
n = len(ids)
glen = nk.Graph(n, weighted=True)
for u, v, w in rows:
    glen.addEdge(u, v, 1.0 / w)
names = list(ids)
t = {}
if mode == "betweenness":
    t0 = time.perf_counter()
    bc = nk.centrality.Betweenness(glen, normalized=True)
    bc.run()
    t["call"] = time.perf_counter() - t0
    res = {"betweenness": dict(zip(names, bc.scores()))}
else:
    gw = nk.Graph(n, weighted=True)
    for u, v, w in rows:
        gw.addEdge(u, v, w)
    t0 = time.perf_counter()
    res = {}
    res["degree"] = [gw.degree(u) for u in range(n)]
    res["strength"] = [gw.weightedDegree(u) for u in range(n)]
    eb = nk.centrality.EstimateBetweenness(glen, k, normalized=True, parallel=True)
    eb.run()
    res["betweenness"] = eb.scores()
    ev = nk.centrality.EigenvectorCentrality(gw)
    ev.run()
    res["eigenvector"] = ev.scores()
    pr = nk.centrality.PageRank(gw, damp=0.85)
    pr.run()
    res["pagerank"] = pr.scores()
    cd = nk.centrality.CoreDecomposition(gw)
    cd.run()
    res["core"] = cd.scores()
    lc = nk.centrality.LocalClusteringCoefficient(gw)
    lc.run()
    res["clustering"] = lc.scores()
    plm = nk.community.PLM(gw, refine=False)
    plm.run()
    res["community"] = plm.getPartition().getVector()
    mc = nk.clique.MaximalCliques(gw)
    mc.run()
    res["cliques"] = sum(1 for c in mc.getCliques() if len(c) >= 3)
    t["call"] = time.perf_counter() - t0
with open(out, "w") as f:
    json.dump(res, f)
t["work"] = time.perf_counter() - T0
print(json.dumps(t))
"""

LEIDEN_PEER = r"""
import csv, json, random, statistics, sys, time
import igraph as ig
path, repeat = sys.argv[1], int(sys.argv[2])
ids, edges, weights = {}, [], []
with open(path, newline="") as f:
    r = csv.reader(f)
    next(r)
    for s, t, w in r:
        edges.append((ids.setdefault(s, len(ids)), ids.setdefault(t, len(ids))))
        weights.append(float(w))
g = ig.Graph(n=len(ids), edges=edges, directed=False)
g.es["weight"] = weights
secs, cpus, qs = [], [], []
for i in range(repeat):
    random.seed(i)
    t0, c0 = time.perf_counter(), time.process_time()
    p = g.community_leiden(objective_function="modularity", weights="weight", resolution=1,
                           beta=0.01, n_iterations=-1)
    secs.append(time.perf_counter() - t0)
    cpus.append(time.process_time() - c0)
    qs.append(g.modularity(p.membership, weights="weight"))
print(json.dumps({"seconds": statistics.median(secs), "cpu": statistics.median(cpus),
                  "modularity": statistics.median(qs)}))
"""

NX_PEER = r"""
import csv, json, sys, time
import networkx as nx
path, out, k, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
G = nx.Graph()
with open(path, newline="") as f:
    r = csv.reader(f)
    next(r)
    for s, t, w in r:
        G.add_edge(s, t, length=1.0 / float(w))
n = G.number_of_nodes()
t0 = time.perf_counter()
nx.betweenness_centrality(G, k=k, normalized=True, weight="length", seed=seed)
print(json.dumps({"call": (time.perf_counter() - t0) * n / k, "sources": k, "n": n}))
"""

TIMING = re.compile(r"^timing: (.+?)\s+([0-9.]+) s$")


def progress(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- graph

def gnm(n, m, seed):
    """G(n, m): m distinct unordered pairs {u, v}, u != v, uniformly at random; integer
    weights uniform in 1..10. Returns (u, v, w) arrays with u < v, in random order."""
    if m > n * (n - 1) // 2:
        sys.exit(f"m = {m} is more than the {n * (n - 1) // 2} possible ties of {n} actors")
    rng = np.random.default_rng(seed)
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < m:
        need = m - len(keys)
        size = int(need * 1.05) + 64
        a = rng.integers(0, n, size=size, dtype=np.int64)
        b = rng.integers(0, n, size=size, dtype=np.int64)
        keep = a != b
        lo, hi = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
        allk = np.concatenate([keys, lo * n + hi])
        _, first = np.unique(allk, return_index=True)  # first occurrence of each pair
        first.sort()                                   # ... in the order drawn
        keys = allk[first][:m]
    u, v = keys // n, keys % n
    w = rng.integers(1, 11, size=m, dtype=np.int64)
    return u, v, w


def write_ties(path, u, v, w):
    with open(path, "w") as f:
        f.write("source,target,weight\n")
        f.write("".join(f"a{a},a{b},{c}\n" for a, b, c in zip(u.tolist(), v.tolist(), w.tolist())))
    return len(np.union1d(u, v))


# ---------------------------------------------------------------- sampling

def ranks(x):
    """Average ranks (ties share the mean rank), like scipy.stats.rankdata."""
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    r = np.empty(len(x))
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and xs[j + 1] == xs[i]:
            j += 1
        r[order[i:j + 1]] = (i + j) / 2.0 + 1
        i = j + 1
    return r


def spearman(a, b):
    try:
        from scipy.stats import spearmanr
        return float(spearmanr(a, b).statistic)
    except ImportError:
        ra, rb = ranks(a), ranks(b)
        return float(np.corrcoef(ra, rb)[0, 1])


def top(ids, x, k):
    order = sorted(range(len(ids)), key=lambda i: (-x[i], ids[i]))
    return {ids[i] for i in order[:k]}


def sample_errors(exact, est, topk=50):
    ids = sorted(exact)
    a = np.array([exact[i] for i in ids])
    b = np.array([est.get(i, 0.0) for i in ids])
    d = np.abs(a - b)
    return {"max_abs_error": float(d.max()), "mean_abs_error": float(d.mean()),
            "mean_exact": float(a.mean()), "max_exact": float(a.max()),
            "spearman": spearman(a, b),
            f"top{topk}_overlap": len(top(ids, a, topk) & top(ids, b, topk)) / topk}


# ---------------------------------------------------------------- output

def secs(x):
    if x is None or x != x:
        return "—"
    if x >= 600:
        return f"{x:,.0f} s ({x / 60:.1f} min)"
    if x >= 100:
        return f"{x:.0f} s"
    if x >= 1:
        return f"{x:.2f} s"
    return f"{x:.3f} s"


def ratio(a, b):
    return a / b if b else float("inf")


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    try:
        gov = subprocess.run(["go", "version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        gov = "go ?"
    import igraph
    import networkit
    import networkx
    return {"nproc": nproc, "cpu_count": os.cpu_count(), "cpu_model": model, "mem_gib": mem,
            "go": gov, "python": platform.python_version(), "igraph": igraph.__version__,
            "networkit": networkit.__version__, "networkx": networkx.__version__,
            "numpy": np.__version__}



# ---------------------------------------------------------------- processes

def stages_of(stderr):
    st = {}
    for line in stderr.splitlines():
        mt = TIMING.match(line.strip())
        if mt:
            st[mt.group(1)] = float(mt.group(2))
    return st


def liaison(binary, tmp, ties, extra, name):
    out = os.path.join(tmp, name + ".json")
    r = timed([binary, "analyze", ties, "--format", "json", "-o", out, "--timings"] + extra, tmp, name)
    r["stages"] = stages_of(r.pop("stderr"))
    r.pop("stdout")
    r["output"] = out
    return r


def peer(script, tmp, args, name):
    r = timed([sys.executable, script] + args, tmp, name)
    t = json.loads(r.pop("stdout").strip().splitlines()[-1])
    r["call"], r["work"] = t["call"], t.get("work", t["call"])
    r.pop("stderr")
    return r


def med(runs, key):
    return statistics.median(r[key] for r in runs)


def compare_values(exact, other):
    """Largest relative difference of other against exact (liaison's exact betweenness),
    over the actors whose exact value is above 1e-12 of the largest."""
    top = max(exact.values())
    rel = [abs(other.get(k, 0.0) - v) / v for k, v in exact.items() if v > 1e-12 * top]
    return max(rel) if rel else 0.0


def write_peers(tmp):
    paths = {}
    for name, text in (("igraph", IGRAPH_PEER), ("networkit", NETWORKIT_PEER), ("networkx", NX_PEER),
                       ("leiden", LEIDEN_PEER)):
        paths[name] = os.path.join(tmp, name + "_peer.py")
        with open(paths[name], "w") as f:
            f.write(text)
    return paths


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--large-repeat", type=int, help="repetitions of the large graph (default --repeat)")
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--m", type=int, default=50000)
    ap.add_argument("--whole-n", type=int, default=20000)
    ap.add_argument("--whole-m", type=int, default=200000)
    ap.add_argument("--whole-sample", type=int, default=500)
    ap.add_argument("--large-n", type=int, default=100000)
    ap.add_argument("--large-m", type=int, default=1000000)
    ap.add_argument("--large-sample", type=int, default=50)
    ap.add_argument("--skip", default="", help="comma-separated kinds of work to skip: betweenness, whole, large, leiden")
    ap.add_argument("--networkx", action="store_true", help="also NetworkX's betweenness, extrapolated")
    ap.add_argument("--nx-sources", type=int, default=200)
    ap.add_argument("--accuracy", action="store_true", help="also liaison's sampling accuracy")
    ap.add_argument("--sample-sizes", default="100,500,1000")
    ap.add_argument("--epsilons", default="0.01,0.005")
    ap.add_argument("--bin")
    ap.add_argument("--json")
    a = ap.parse_args()
    skip = {s.strip() for s in a.skip.split(",") if s.strip()}
    R = {"args": vars(a), "machine": machine()}
    with tempfile.TemporaryDirectory() as tmp:
        if a.bin:
            binary = os.path.abspath(a.bin)
        else:
            binary = os.path.join(tmp, "liaison")
            progress("building liaison")
            subprocess.run(["go", "build", "-o", binary, "./cmd/liaison"], cwd=REPO, check=True)
        peers = write_peers(tmp)
        graphs = []
        if "betweenness" not in skip:
            graphs.append(("betweenness", a.n, a.m, 0))
        if "whole" not in skip:
            graphs.append(("whole", a.whole_n, a.whole_m, a.whole_sample))
        if "large" not in skip:
            graphs.append(("large", a.large_n, a.large_m, a.large_sample))
        for kind, n, m, k in graphs:
            progress(f"generating G(n={n}, m={m}), seed {a.seed}")
            ties = os.path.join(tmp, f"{kind}.csv")
            u, v, w = gnm(n, m, a.seed)
            write_ties(ties, u, v, w)
            del u, v, w
            runs = {"liaison": [], "igraph": [], "networkit": []}
            extra = [] if kind == "betweenness" else ["--sample", str(k)]
            mode = "betweenness" if kind == "betweenness" else "whole"
            repeat = a.large_repeat if kind == "large" and a.large_repeat else a.repeat
            for i in range(repeat):
                progress(f"{kind}: repetition {i + 1}/{repeat}")
                runs["liaison"].append(liaison(binary, tmp, ties, extra, f"{kind}-liaison"))
                for tool in ("igraph", "networkit"):
                    out = os.path.join(tmp, f"{kind}-{tool}.json")
                    runs[tool].append(peer(peers[tool], tmp, [ties, mode, str(k), out, str(a.seed)], f"{kind}-{tool}"))
            res = {"n": n, "m": m, "sample": k, "repeat": repeat}
            for tool, rs in runs.items():
                res[tool] = {"wall": med(rs, "wall"), "cpu": med(rs, "cpu"), "peak_mib": med(rs, "peak_mib"),
                             "other_cpus_worst": max(r["other_cpus"] for r in rs),
                             "wall_runs": [r["wall"] for r in rs]}
                if tool == "liaison":
                    res[tool]["stages"] = {s: statistics.median(r["stages"].get(s, float("nan")) for r in rs)
                                           for s in rs[0]["stages"]}
                else:
                    res[tool]["call"] = med(rs, "call")
                    res[tool]["work"] = med(rs, "work")
            if kind == "betweenness":
                exact = betweenness_of(runs["liaison"][-1]["output"])
                res["liaison"]["betweenness"] = statistics.median(r["stages"]["shortest paths"] for r in runs["liaison"])
                for tool in ("igraph", "networkit"):
                    with open(os.path.join(tmp, f"{kind}-{tool}.json")) as f:
                        other = json.load(f)["betweenness"]
                    res[tool]["max_rel_diff"] = compare_values(exact, other)
                if a.networkx:
                    progress(f"NetworkX betweenness on {a.nx_sources} sources")
                    res["networkx"] = peer(peers["networkx"], tmp, [ties, os.devnull, str(a.nx_sources), str(a.seed)], "nx")
                if a.accuracy:
                    res["accuracy"] = accuracy(binary, tmp, ties, exact, a)
            R[kind] = res
        if "leiden" not in skip:
            R["leiden"] = leiden(tmp, peers, a)
    report(R, a)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(R, f, indent=2, sort_keys=True)


def leiden(tmp, peers, a):
    """Leiden, one run: liaison's (go test -bench BenchmarkLeidenFile, LIAISON_BENCH_TIES) against
    igraph's community_leiden (iterated until stable), on the betweenness and whole graphs."""
    rows = []
    for n, m in ((a.n, a.m), (a.whole_n, a.whole_m)):
        ties = os.path.join(tmp, f"leiden-{n}.csv")
        u, v, w = gnm(n, m, a.seed)
        write_ties(ties, u, v, w)
        progress(f"leiden: G(n={n}, m={m})")
        r = subprocess.run(["go", "test", "./analysis", "-run", "XXX", "-bench", "BenchmarkLeidenFile",
                            "-benchtime", f"{a.repeat}x", "-count", "1"], cwd=REPO, capture_output=True, text=True,
                           env=dict(os.environ, LIAISON_BENCH_TIES=ties))
        got = {}
        for line in r.stdout.splitlines():
            mt = re.match(r"BenchmarkLeidenFile/(\w+)\S*\s+\d+\s+([0-9.]+) ns/op\s+([0-9.]+) cpu-s/op\s+([0-9.]+) modularity", line)
            if mt:
                got[mt.group(1)] = {"seconds": float(mt.group(2)) / 1e9, "cpu": float(mt.group(3)),
                                    "modularity": float(mt.group(4))}
        if "leiden" not in got:
            sys.exit(f"BenchmarkLeidenFile gave no result:\n{r.stdout}\n{r.stderr}")
        p = subprocess.run([sys.executable, peers["leiden"], ties, str(a.repeat)], capture_output=True, text=True, check=True)
        rows.append({"n": n, "m": m, "liaison": got["leiden"], "louvain": got.get("louvain"),
                     "igraph": json.loads(p.stdout.strip().splitlines()[-1])})
    return rows


def betweenness_of(path):
    with open(path) as f:
        doc = json.load(f)
    return {x["id"]: float(x.get("betweenness", 0.0)) for x in doc["actors"]}


def accuracy(binary, tmp, ties, exact, a):
    rows = []
    for K in [int(s) for s in a.sample_sizes.split(",") if s.strip()]:
        r = liaison(binary, tmp, ties, ["--sample", str(K)], f"acc-s{K}")
        rows.append({"how": f"--sample {K}", "wall": r["wall"], **sample_errors(exact, betweenness_of(r["output"]))})
    for e in [s.strip() for s in a.epsilons.split(",") if s.strip()]:
        r = liaison(binary, tmp, ties, ["--epsilon", e], f"acc-e{e}")
        with open(r["output"]) as f:
            pairs = json.load(f)["layer"].get("betweenness_pairs")
        rows.append({"how": f"--epsilon {e} (δ 0.1, {pairs:,} pairs)", "wall": r["wall"],
                     **sample_errors(exact, betweenness_of(r["output"]))})
    return rows


def report(R, a):
    mc = R["machine"]
    print(f"Machine: nproc {mc['nproc']} (cpu_count {mc['cpu_count']}), {mc['cpu_model']}"
          + (f", {mc['mem_gib']:.1f} GiB RAM" if mc["mem_gib"] else "")
          + f"; {mc['go']}; Python {mc['python']}, igraph {mc['igraph']}, networkit {mc['networkit']}, "
          f"networkx {mc['networkx']}")
    reps = ", ".join(f"{k} {R[k]['repeat']}" for k in ("betweenness", "whole", "large") if k in R)
    print(f"Seeded G(n, m), seed {a.seed}, weights 1..10, length 1/weight; each tool a separate process "
          f"under /usr/bin/time -v, alternating; medians of the repetitions ({reps}).\n")
    print("Ratios liaison / peer (< 1: liaison faster or smaller):\n")
    print("| work | igraph | networkit | NetworkX |")
    print("|---|---|---|---|")
    b = R.get("betweenness")
    if b:
        L = b["liaison"]["betweenness"]
        ig, nk = b["igraph"], b["networkit"]
        nx_ = f"{L / b['networkx']['call']:.4f}" if "networkx" in b else "–"
        print(f"| exact weighted betweenness {b['n'] // 1000}k/{b['m'] // 1000}k (stage vs call; CPU: processes) | "
              f"{L / ig['call']:.2f} (CPU {b['liaison']['cpu'] / ig['cpu']:.2f}) | "
              f"{L / nk['call']:.2f} (CPU {b['liaison']['cpu'] / nk['cpu']:.2f}) | {nx_} |")
    for kind in ("whole", "large"):
        w = R.get(kind)
        if not w:
            continue
        L = w["liaison"]
        print(f"| whole analyze vs the same metrics, {w['n'] // 1000}k/{w['m'] // 1000}k, {w['sample']} sources "
              f"(wall: liaison's process vs the peer's load + metrics + write; CPU: processes) | "
              f"{L['wall'] / w['igraph']['work']:.2f} (CPU {L['cpu'] / w['igraph']['cpu']:.2f}) | "
              f"{L['wall'] / w['networkit']['work']:.2f} (CPU {L['cpu'] / w['networkit']['cpu']:.2f}) | – |")
    w = R.get("large")
    if w:
        L = w["liaison"]["peak_mib"]
        print(f"| peak memory {w['n'] // 1000}k/{w['m'] // 1000}k | {L / w['igraph']['peak_mib']:.2f}× "
              f"({L:.0f} vs {w['igraph']['peak_mib']:.0f} MiB) | {L / w['networkit']['peak_mib']:.2f}× "
              f"({w['networkit']['peak_mib']:.0f} MiB) | – |")
    print()
    print("Medians (seconds; MiB):\n")
    print("| work | tool | measured call / stage | load + metrics + write | process wall | process CPU | peak memory | busy other CPUs (worst run) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for kind in ("betweenness", "whole", "large"):
        w = R.get(kind)
        if not w:
            continue
        label = f"{kind} {w['n']:,}/{w['m']:,}" + (f", {w['sample']} sources" if w["sample"] else "")
        for tool in ("liaison", "igraph", "networkit"):
            t = w[tool]
            call = t.get("call", t.get("betweenness", float("nan")) if kind == "betweenness" else float("nan"))
            print(f"| {label} | {tool} | {secs(call)} | {secs(t.get('work', t['wall']))} | {secs(t['wall'])} | {secs(t['cpu'])} | {t['peak_mib']:.0f} | "
                  f"{t['other_cpus_worst']:.2f} |")
    b = R.get("betweenness")
    if b:
        print()
        print(f"Exact betweenness against liaison's: igraph max relative difference "
              f"{b['igraph']['max_rel_diff']:.3g}, networkit {b['networkit']['max_rel_diff']:.3g}")
        if "networkx" in b:
            print(f"NetworkX: {b['networkx']['call']:.0f} s extrapolated from {a.nx_sources} sources")
        if "accuracy" in b:
            print()
            print("| liaison sampling | wall (whole run) | max abs error | mean abs error | Spearman ρ | top-50 overlap |")
            print("|---|---:|---:|---:|---:|---:|")
            for r in b["accuracy"]:
                print(f"| {r['how']} | {secs(r['wall'])} | {r['max_abs_error']:.3g} | {r['mean_abs_error']:.3g} | "
                      f"{r['spearman']:.3f} | {r['top50_overlap'] * 100:.0f}% |")
    if "leiden" in R:
        print()
        print("Leiden, one run, single-threaded (liaison: go test -bench BenchmarkLeidenFile, seed 1; igraph: "
              "community_leiden, n_iterations=-1, seeds 0..R-1), CPU seconds (wall in brackets), medians:\n")
        print("| graph | liaison Leiden | igraph Leiden | CPU ratio | liaison modularity | igraph modularity | liaison Louvain |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in R["leiden"]:
            L, I = r["liaison"], r["igraph"]
            lv = r["louvain"]
            print(f"| {r['n']:,}/{r['m']:,} | {secs(L['cpu'])} ({secs(L['seconds'])}) | {secs(I['cpu'])} "
                  f"({secs(I['seconds'])}) | {L['cpu'] / I['cpu']:.2f} | {L['modularity']:.4f} | {I['modularity']:.4f} | "
                  + (f"{lv['modularity']:.4f} ({secs(lv['cpu'])})" if lv else "–") + " |")
    worst = max((R[k][t]["other_cpus_worst"] for k in ("betweenness", "whole", "large") if k in R
                 for t in ("liaison", "igraph", "networkit")), default=0.0)
    if not any(k in R for k in ("betweenness", "whole", "large")):
        return
    print()
    print(f"Background load: up to {worst:.2f} of {mc['nproc']} CPUs busy with other processes during a run"
          + (" — the machine was shared: absolute times are inflated, ratios (same conditions, alternating) less so"
             if worst > 0.1 else " — machine quiet"))


if __name__ == "__main__":
    main()
