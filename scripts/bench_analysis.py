#!/usr/bin/env python3
"""Benchmark the analysis (weighted betweenness and the whole `analyze`) against igraph and NetworkX.

In one run, on a seeded random graph G(n, m) (default n = 5,000 actors, m = 50,000 distinct
undirected ties, no self loops, integer weights uniform in 1..10, numpy default_rng(seed);
ids "a0".."a{n-1}") written as ties.csv in a temporary folder:

  liaison   `liaison analyze ties.csv --format json -o out.json --timings`, --repeat times as a
            separate process: median wall time of the whole process, median "shortest paths"
            stage (the exact weighted betweenness pass, which also gives closeness and
            harmonic) and the peak resident memory (ru_maxrss) of the process;
  igraph    in a separate process: build the graph from the same file, then time only
            g.betweenness(weights=[1/w ...], directed=False), --repeat times, median. Its
            values, normalised as NetworkX normalized=True does (igraph returns the sum over
            unordered pairs on an undirected graph, checked on small graphs at start-up, times
            2/((n-1)(n-2))), are compared with liaison's exact betweenness;
  NetworkX  in a separate process: time only nx.betweenness_centrality(G, k=K, weight="length",
            seed=seed) with length = 1/w on K random sources (--nx-sources, default 200) and
            extrapolate linearly to all n sources (time * n / K); --nx-full runs it on every
            source instead (several minutes; its values are then compared with liaison's too);
  sampling  `liaison analyze ties.csv --format json -o sampled.json --sample K --timings` for K
            in --sample-sizes: max and mean absolute error against the exact betweenness,
            Spearman rank correlation, overlap of the top-50 actors, and the time of the run;
  --large   also n = 100,000, m = 1,000,000 (--large-n, --large-m): `liaison analyze ...
            --sample 50 --timings` (--large-sample), median wall time, peak memory, stages.

Machine information and a Markdown table go to stdout (progress to stderr); --json OUT also
writes every number as JSON. The binary is built from this repository into the temporary
folder unless --bin names one.

Usage: python3 scripts/bench_analysis.py [--n N] [--m M] [--seed S] [--repeat R]
           [--nx-sources K | --nx-full] [--sample-sizes 100,500,1000] [--large] [--bin BIN]
           [--json OUT]
"""
import argparse
import csv
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

IGRAPH_PEER = r"""
import csv, json, sys, time
import igraph as ig
path, out, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
ids, edges, lengths = {}, [], []
with open(path, newline="") as f:
    r = csv.reader(f)
    next(r)
    for s, t, w in r:
        edges.append((ids.setdefault(s, len(ids)), ids.setdefault(t, len(ids))))
        lengths.append(1.0 / float(w))
g = ig.Graph(n=len(ids), edges=edges, directed=False)
seconds = []
for _ in range(repeat):
    t0 = time.perf_counter()
    b = g.betweenness(weights=lengths, directed=False)
    seconds.append(time.perf_counter() - t0)
with open(out, "w") as f:
    json.dump({"n": g.vcount(), "m": g.ecount(), "seconds": seconds,
               "raw": dict(zip(ids, b))}, f)
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
full = k <= 0 or k >= n
t0 = time.perf_counter()
b = nx.betweenness_centrality(G, k=None if full else k, normalized=True, weight="length", seed=seed)
seconds = time.perf_counter() - t0
with open(out, "w") as f:
    json.dump({"n": n, "m": G.number_of_edges(), "sources": n if full else k, "seconds": seconds,
               "betweenness": b if full else None}, f)
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


# ---------------------------------------------------------------- processes

# ru_maxrss of a child counts the memory of the process that spawned it (at exec the kernel
# folds the parent's RSS high-water mark into the child's: posix_spawn and fork alike), so a
# child spawned straight from this process, which holds numpy, igraph and the results, would
# report this process's RSS when its own peak is lower. Every measured command is therefore
# spawned by this small launcher (a fresh `python -I -S`); what it adds is the floor reported
# in the output (the peak memory of `true` started the same way).
# The launcher also reads the machine's CPU counters (/proc/stat) around the run: the busy CPU
# time not spent by the measured process is what other processes used meanwhile (noise), and
# steal is the time the hypervisor gave to other guests.
LAUNCHER = r"""
import os, sys, time
def stat():
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]] + [0] * 8
        return v[0] + v[1] + v[2] + v[5] + v[6], v[7]
    except OSError:
        return 0, 0
out, err, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
b0, s0 = stat()
t0 = time.perf_counter()
pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=[
    (os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    (os.POSIX_SPAWN_OPEN, 2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)])
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
b1, s1 = stat()
hz = os.sysconf("SC_CLK_TCK")
print(repr(wall), ru.ru_maxrss, os.waitstatus_to_exitcode(status), repr(ru.ru_utime + ru.ru_stime),
      repr((b1 - b0) / hz), repr((s1 - s0) / hz))
"""


def run(cmd, out_path=os.devnull, err_path=os.devnull):
    """Run cmd as a separate process (through LAUNCHER), stdout and stderr to files.
    Returns a dict: wall (seconds), peak_mib (ru_maxrss), cpu (seconds of CPU the process used),
    other_cpus and steal_cpus (average CPUs busy with other processes / stolen, over the run)."""
    r = subprocess.run([sys.executable, "-I", "-S", "-c", LAUNCHER, out_path, err_path] + cmd,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"launcher failed for {' '.join(cmd)}:\n{r.stderr}")
    wall, maxrss, code, cpu, busy, steal = r.stdout.split()
    if int(code) != 0:
        err = ""
        if err_path != os.devnull:
            with open(err_path) as f:
                err = f.read()[-3000:]
        sys.exit(f"{' '.join(cmd)} failed (exit {code}):\n{err}")
    wall, cpu = float(wall), float(cpu)
    return {"wall": wall, "peak_mib": int(maxrss) / 1024.0, "cpu": cpu,
            "other_cpus": max(0.0, float(busy) - cpu) / wall if wall > 0 else 0.0,
            "steal_cpus": float(steal) / wall if wall > 0 else 0.0}


def timings(err_path):
    st = {}
    with open(err_path) as f:
        for line in f:
            mt = TIMING.match(line.strip())
            if mt:
                st[mt.group(1)] = float(mt.group(2))
    return st


def liaison_runs(binary, tmp, ties, repeat, extra, out_name, label):
    """Runs `analyze` repeat times; medians of the wall time and of every stage, max peak."""
    walls, rss, stages, noise = [], [], [], []
    out = os.path.join(tmp, out_name)
    err = os.path.join(tmp, out_name + ".stderr")
    for i in range(repeat):
        progress(f"{label}: run {i + 1}/{repeat}")
        r = run([binary, "analyze", ties, "--format", "json", "-o", out, "--timings"] + extra,
                err_path=err)
        walls.append(r["wall"])
        rss.append(r["peak_mib"])
        noise.append(r)
        stages.append(timings(err))
    names = list(stages[0])
    med = {s: statistics.median(st.get(s, float("nan")) for st in stages) for s in names}
    return {"wall_seconds": statistics.median(walls), "wall_seconds_runs": walls,
            "peak_mib": max(rss), "peak_mib_runs": rss, "stages": med, "stages_runs": stages,
            "cpu_seconds_runs": [r["cpu"] for r in noise],
            "other_cpus": max(r["other_cpus"] for r in noise),
            "steal_cpus": max(r["steal_cpus"] for r in noise), "output": out}


def betweenness_of(path):
    with open(path) as f:
        doc = json.load(f)
    return {a["id"]: float(a.get("betweenness", 0.0)) for a in doc["actors"]}


# ---------------------------------------------------------------- checks

def check_igraph_normalisation(binary, tmp):
    """igraph's undirected betweenness is the unordered pair sum: check it on a star and on a
    small random graph with real weights (no length ties) against NetworkX normalized=True;
    liaison is checked on the same graph."""
    import igraph as ig
    import networkx as nx
    res = {}
    # Star with 5 leaves: the centre lies on all C(5,2) = 10 leaf pairs.
    star = ig.Graph.Star(6, mode="undirected")
    raw_centre = star.betweenness(directed=False)[0]
    res["star_centre_raw"] = raw_centre
    res["star_ok"] = abs(raw_centre - 10.0) < 1e-12
    # Random graph with float weights.
    rng = np.random.default_rng(7)
    G = nx.gnm_random_graph(40, 120, seed=7)
    for a, b in G.edges():
        G[a][b]["weight"] = float(rng.uniform(1, 10))
        G[a][b]["length"] = 1.0 / G[a][b]["weight"]
    nodes = list(G.nodes())
    n = len(nodes)
    edges = list(G.edges())
    g = ig.Graph(n=n, edges=edges, directed=False)
    raw = g.betweenness(weights=[G[a][b]["length"] for a, b in edges], directed=False)
    ref = nx.betweenness_centrality(G, normalized=True, weight="length")
    scale = 2.0 / ((n - 1) * (n - 2))
    res["random_max_abs_diff_igraph_vs_networkx"] = max(abs(raw[i] * scale - ref[i]) for i in nodes)
    s_raw = sum(raw)
    res["random_fitted_scale_over_expected"] = (sum(ref.values()) / s_raw) / scale if s_raw else float("nan")
    res["random_ok"] = res["random_max_abs_diff_igraph_vs_networkx"] < 1e-9
    # liaison on the same graph (weights written with repr, i.e. round-trip exact).
    path = os.path.join(tmp, "check.csv")
    with open(path, "w") as f:
        f.write("source,target,weight\n")
        for a, b in edges:
            f.write(f"v{a},v{b},{G[a][b]['weight']!r}\n")
    out = os.path.join(tmp, "check.json")
    run([binary, "analyze", path, "--format", "json", "-o", out])
    lb = betweenness_of(out)
    res["random_max_abs_diff_liaison_vs_networkx"] = max(abs(lb[f"v{i}"] - ref[i]) for i in nodes)
    return res


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
    import networkx
    return {"nproc": nproc, "cpu_count": os.cpu_count(), "cpu_model": model, "mem_gib": mem,
            "go": gov, "python": platform.python_version(), "igraph": igraph.__version__,
            "networkx": networkx.__version__, "numpy": np.__version__}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="actors (default 5000)")
    ap.add_argument("--m", type=int, default=50000, help="distinct undirected ties (default 50000)")
    ap.add_argument("--seed", type=int, default=42, help="seed of the graph, NetworkX sources (default 42)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of liaison and igraph; medians (default 3)")
    ap.add_argument("--nx-sources", type=int, default=200, help="NetworkX sources K, extrapolated to n (default 200)")
    ap.add_argument("--nx-full", action="store_true", help="run NetworkX on all n sources (slow)")
    ap.add_argument("--sample-sizes", default="100,500,1000", help="liaison --sample K values (default 100,500,1000)")
    ap.add_argument("--large", action="store_true", help="also time --sample on a large graph")
    ap.add_argument("--large-n", type=int, default=100000)
    ap.add_argument("--large-m", type=int, default=1000000)
    ap.add_argument("--large-sample", type=int, default=50)
    ap.add_argument("--bin", help="use this liaison binary instead of building one")
    ap.add_argument("--json", help="also write the results as JSON to this file")
    a = ap.parse_args()
    sample_sizes = [int(s) for s in a.sample_sizes.split(",") if s.strip()]
    R = {"args": vars(a), "machine": machine()}
    R["machine"]["peak_mib_floor"] = run(["true"])["peak_mib"]

    with tempfile.TemporaryDirectory() as tmp:
        if a.bin:
            binary = os.path.abspath(a.bin)
        else:
            binary = os.path.join(tmp, "liaison")
            progress("building liaison")
            subprocess.run(["go", "build", "-o", binary, "./cmd/liaison"], cwd=REPO, check=True)

        progress("checking igraph's normalisation on small graphs")
        R["normalisation_check"] = chk = check_igraph_normalisation(binary, tmp)

        progress(f"generating G(n={a.n}, m={a.m}), seed {a.seed}")
        ties = os.path.join(tmp, "ties.csv")
        u, v, w = gnm(a.n, a.m, a.seed)
        actors = write_ties(ties, u, v, w)
        R["graph"] = {"n": a.n, "m": a.m, "seed": a.seed, "actors_in_ties": actors,
                      "weights": "integers uniform in 1..10", "length": "1/weight"}

        # liaison, exact
        lx = liaison_runs(binary, tmp, ties, a.repeat, [], "out.json", "liaison analyze (exact)")
        exact = betweenness_of(lx.pop("output"))
        R["liaison"] = lx
        sp = lx["stages"].get("shortest paths", float("nan"))

        # igraph
        progress(f"igraph betweenness ({a.repeat} runs in one process)")
        peer = os.path.join(tmp, "igraph_peer.py")
        with open(peer, "w") as f:
            f.write(IGRAPH_PEER)
        ig_out = os.path.join(tmp, "igraph.json")
        ig_run = run([sys.executable, peer, ties, ig_out, str(a.repeat)],
                     err_path=os.path.join(tmp, "igraph.stderr"))
        with open(ig_out) as f:
            igr = json.load(f)
        n_ig = igr["n"]
        scale = 2.0 / ((n_ig - 1) * (n_ig - 2))
        ig_norm = {k: x * scale for k, x in igr["raw"].items()}
        diffs = {k: abs(ig_norm.get(k, 0.0) - exact.get(k, 0.0)) for k in set(ig_norm) | set(exact)}
        worst = max(diffs, key=diffs.get)
        rel = [diffs[k] / exact[k] for k in diffs if exact.get(k, 0) > 0]
        R["igraph"] = {"seconds": statistics.median(igr["seconds"]), "seconds_runs": igr["seconds"],
                       "peak_mib": ig_run["peak_mib"], "process_wall_seconds": ig_run["wall"],
                       "other_cpus": ig_run["other_cpus"], "steal_cpus": ig_run["steal_cpus"],
                       "n": n_ig, "m": igr["m"],
                       "max_abs_diff_vs_liaison": diffs[worst], "worst_actor": worst,
                       "worst_liaison": exact.get(worst), "worst_igraph": ig_norm.get(worst),
                       "max_rel_diff_vs_liaison": max(rel) if rel else 0.0,
                       "actors_differing_above_1e-12": sum(1 for x in diffs.values() if x > 1e-12)}

        # NetworkX
        k = 0 if a.nx_full else min(a.nx_sources, a.n)
        progress(f"NetworkX betweenness on {'all' if k == 0 else k} sources (one process)")
        peer = os.path.join(tmp, "nx_peer.py")
        with open(peer, "w") as f:
            f.write(NX_PEER)
        nx_out = os.path.join(tmp, "nx.json")
        nx_run = run([sys.executable, peer, ties, nx_out, str(k), str(a.seed)],
                     err_path=os.path.join(tmp, "nx.stderr"))
        with open(nx_out) as f:
            nxr = json.load(f)
        full = nxr["sources"] >= nxr["n"]
        nx_time = nxr["seconds"] * nxr["n"] / nxr["sources"]
        R["networkx"] = {"sources": nxr["sources"], "measured_seconds": nxr["seconds"],
                         "seconds": nx_time, "extrapolated": not full, "peak_mib": nx_run["peak_mib"],
                         "process_wall_seconds": nx_run["wall"], "other_cpus": nx_run["other_cpus"],
                         "steal_cpus": nx_run["steal_cpus"]}
        if full:
            nb = nxr["betweenness"]
            R["networkx"]["max_abs_diff_vs_liaison"] = max(abs(nb.get(x, 0.0) - exact.get(x, 0.0))
                                                           for x in set(nb) | set(exact))

        # sampling
        samples = []
        for K in sample_sizes:
            s = liaison_runs(binary, tmp, ties, 1, ["--sample", str(K)], f"sampled{K}.json",
                             f"liaison analyze --sample {K}")
            est = betweenness_of(s.pop("output"))
            samples.append({"k": K, "wall_seconds": s["wall_seconds"], "peak_mib": s["peak_mib"],
                            "other_cpus": s["other_cpus"], "steal_cpus": s["steal_cpus"],
                            "shortest_paths_seconds": s["stages"].get("shortest paths"),
                            **sample_errors(exact, est)})
        R["sampling"] = samples

        # large
        if a.large:
            progress(f"generating G(n={a.large_n}, m={a.large_m}), seed {a.seed}")
            big = os.path.join(tmp, "large.csv")
            bu, bv, bw = gnm(a.large_n, a.large_m, a.seed)
            big_actors = write_ties(big, bu, bv, bw)
            del bu, bv, bw
            lg = liaison_runs(binary, tmp, big, a.repeat, ["--sample", str(a.large_sample)],
                              "large.json", f"large: liaison analyze --sample {a.large_sample}")
            lg.pop("output")
            R["large"] = {"n": a.large_n, "m": a.large_m, "actors_in_ties": big_actors,
                          "sample": a.large_sample, **lg}

    # ------------------------------------------------------------ report
    mc = R["machine"]
    ig_t = R["igraph"]["seconds"]
    nx_s = R["networkx"]
    nx_t = nx_s["seconds"]
    whole = lx["wall_seconds"]
    print(f"Machine: nproc {mc['nproc']} (cpu_count {mc['cpu_count']}), {mc['cpu_model']}"
          + (f", {mc['mem_gib']:.1f} GiB RAM" if mc["mem_gib"] else "")
          + f"; {mc['go']}; Python {mc['python']}, igraph {mc['igraph']}, networkx {mc['networkx']}")
    print(f"Peak memory is ru_maxrss of each process (floor of the measurement: {mc['peak_mib_floor']:.1f} MiB, "
          f"the launcher's own resident memory).")
    print(f"Graph: G(n={a.n:,}, m={a.m:,}) seed {a.seed}, {actors:,} actors appear in the ties, "
          f"integer weights uniform in 1..10, path length 1/weight; "
          f"liaison and igraph: median of {a.repeat} runs\n")
    nx_label = ("NetworkX betweenness (all sources, measured)" if not nx_s["extrapolated"] else
                f"NetworkX betweenness (EXTRAPOLATED: {nx_s['sources']} sources measured "
                f"{secs(nx_s['measured_seconds'])}, × {a.n}/{nx_s['sources']})")
    rows = [
        ("liaison betweenness pass (\"shortest paths\" stage, also closeness + harmonic)", sp,
         None, "—"),
        ("liaison whole analyze (every metric; whole process incl. load + JSON write)", whole,
         lx["peak_mib"], None),
        ("igraph betweenness (`g.betweenness` call only; memory = Python process)", ig_t,
         R["igraph"]["peak_mib"], None),
        (nx_label + "; memory = Python process", nx_t, nx_s["peak_mib"], None),
    ]
    print("| run | wall time | peak memory | NetworkX time / this | igraph time / this |")
    print("|---|---:|---:|---:|---:|")
    for name, t, mem, memtxt in rows:
        mem_s = memtxt if memtxt else f"{mem:.0f} MiB"
        if name.startswith("liaison betweenness"):
            mem_s = "(in the run below)"
        print(f"| {name} | {secs(t)} | {mem_s} | {ratio(nx_t, t):.1f}× | {ratio(ig_t, t):.2f}× |")
    print()
    x_nx, y_ig, z = ratio(nx_t, sp), ratio(ig_t, sp), ratio(whole, ig_t)
    met = lambda ok: "met" if ok else "NOT met"
    ext = " (NetworkX extrapolated)" if nx_s["extrapolated"] else ""
    print(f"betweenness: {x_nx:.1f}× faster than NetworkX (target ≥ 40×){ext} — {met(x_nx >= 40)}")
    print(f"betweenness: {y_ig:.2f}× faster than igraph (target ≥ 2×) — {met(y_ig >= 2)}")
    print(f"whole analyze / igraph betweenness: {z:.2f} (target ≤ 2) — {met(z <= 2)}")
    print(f"liaison peak memory: {lx['peak_mib']:.1f} MiB (target < 100 MiB) — {met(lx['peak_mib'] < 100)}")
    R["ratios"] = {"networkx_over_liaison_betweenness": x_nx, "igraph_over_liaison_betweenness": y_ig,
                   "liaison_whole_over_igraph_betweenness": z, "liaison_peak_mib": lx["peak_mib"]}
    print()
    igc = R["igraph"]
    print(f"igraph vs liaison exact betweenness (igraph raw × 2/((n−1)(n−2))): max |Δ| = "
          f"{igc['max_abs_diff_vs_liaison']:.3g} (actor {igc['worst_actor']}: liaison "
          f"{igc['worst_liaison']:.12g}, igraph {igc['worst_igraph']:.12g}); max relative Δ "
          f"{igc['max_rel_diff_vs_liaison']:.3g}; {igc['actors_differing_above_1e-12']} actors differ by > 1e-12")
    if "max_abs_diff_vs_liaison" in nx_s:
        print(f"NetworkX (all sources) vs liaison exact betweenness: max |Δ| = {nx_s['max_abs_diff_vs_liaison']:.3g}")
    print(f"Normalisation check: igraph star centre raw = {chk['star_centre_raw']:g} (C(5,2) = 10: "
          f"{'ok' if chk['star_ok'] else 'MISMATCH'}); random 40-node float-weight graph: igraph × 2/((n−1)(n−2)) "
          f"vs NetworkX max |Δ| = {chk['random_max_abs_diff_igraph_vs_networkx']:.2g} "
          f"(fitted/expected scale {chk['random_fitted_scale_over_expected']:.6f}), "
          f"liaison vs NetworkX max |Δ| = {chk['random_max_abs_diff_liaison_vs_networkx']:.2g}")
    print()
    print(f"Sampled betweenness (`--sample K`) against liaison's exact betweenness "
          f"(mean exact value {samples[0]['mean_exact']:.3g}, max {samples[0]['max_exact']:.3g})"
          if samples else "")
    if samples:
        print()
        print("| K sources | wall time (whole run) | shortest paths stage | peak memory | max abs error | "
              "mean abs error | Spearman ρ | top-50 overlap |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for s in samples:
            print(f"| {s['k']} | {secs(s['wall_seconds'])} | {secs(s['shortest_paths_seconds'])} | "
                  f"{s['peak_mib']:.0f} MiB | {s['max_abs_error']:.3g} | {s['mean_abs_error']:.3g} | "
                  f"{s['spearman']:.4f} | {s['top50_overlap'] * 100:.0f}% |")
        print(f"| exact ({a.n}) | {secs(whole)} | {secs(sp)} | {lx['peak_mib']:.0f} MiB | 0 | 0 | 1 | 100% |")
    if a.large:
        lg = R["large"]
        print()
        print(f"Large: G(n={lg['n']:,}, m={lg['m']:,}) seed {a.seed} ({lg['actors_in_ties']:,} actors appear), "
              f"`liaison analyze --sample {lg['sample']} --timings`, median of {a.repeat} runs: wall "
              f"{secs(lg['wall_seconds'])}, peak memory {lg['peak_mib']:.0f} MiB")
        print()
        print("| stage | time |")
        print("|---|---:|")
        for st, t in lg["stages"].items():
            print(f"| {st} | {secs(t)} |")

    print()
    noise = [("liaison exact", lx, lx["wall_seconds"]), ("igraph", R["igraph"], R["igraph"]["process_wall_seconds"]),
             ("NetworkX", nx_s, nx_s["process_wall_seconds"])]
    noise += [(f"liaison --sample {s['k']}", s, s["wall_seconds"]) for s in samples]
    if a.large:
        noise.append(("large", R["large"], R["large"]["wall_seconds"]))
    noise = [(nm, x) for nm, x, wall in noise if wall >= 1.0]  # /proc/stat ticks are 10 ms
    if noise:
        worst = max(x["other_cpus"] for _, x in noise)
        print("Background load during the runs of ≥ 1 s (average CPUs busy with other processes, worst run; "
              "hypervisor steal): "
              + ", ".join(f"{nm} {x['other_cpus']:.2f} (steal {x['steal_cpus']:.2f})" for nm, x in noise)
              + (f" — WARNING: other processes used up to {worst:.2f} of {mc['nproc']} CPUs during a run; "
                 "those timings are disturbed, rerun on an idle machine" if worst > 0.1 else " — machine quiet"))
        R["background_other_cpus_worst"] = worst

    if a.json:
        with open(a.json, "w") as f:
            json.dump(R, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
