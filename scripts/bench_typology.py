#!/usr/bin/env python3
"""Benchmark the typology at scale against a baseline build of liaison (typology v1).

A seeded data set of --n actors (100,000), --m distinct ties (1,000,000; integer weights 1..10,
years 1950..2020 as since, one domain of four) and --x exchanges (1,000,000: a random tenth of
the ties get exchanges, full dates over 2000..2020, each direction a Poisson stream) is
written to a temporary folder. Then `liaison analyze DIR --sample 50 --timings --format json`
runs --repeat times for each binary, alternating, and the script prints the median of the
"typology" stage, of the wall time and the peak memory (ru_maxrss) of each, and their ratios.

Usage: python3 scripts/bench_typology.py --base BASE_BINARY [--bin BINARY] [--n N] [--m M]
           [--x X] [--repeat R] [--draws D]
--base is a liaison binary built from the commit to compare with (e.g. `git worktree add
/tmp/base 88311de && (cd /tmp/base && go build -o /tmp/liaison-base ./cmd/liaison)`).
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(d, n, m, x, seed):
    rng = np.random.default_rng(seed)
    seen = set()
    us, vs = [], []
    while len(us) < m:
        k = (m - len(us)) * 11 // 10 + 10
        a = rng.integers(0, n, k)
        b = rng.integers(0, n, k)
        for p, q in zip(a.tolist(), b.tolist()):
            if p == q:
                continue
            key = (min(p, q), max(p, q))
            if key in seen:
                continue
            seen.add(key)
            us.append(key[0])
            vs.append(key[1])
            if len(us) == m:
                break
    w = rng.integers(1, 11, m)
    since = rng.integers(1950, 2021, m)
    doms = np.array(["SIGINT", "HUMINT", "CT", "MILINT"])[rng.integers(0, 4, m)]
    with open(os.path.join(d, "ties.csv"), "w") as f:
        f.write("source,target,weight,since,domains\n")
        for i in range(m):
            f.write(f"a{us[i]},a{vs[i]},{w[i]},{since[i]},{doms[i]}\n")
    # Exchanges on a tenth of the ties, x in all, spread over their pairs.
    pairs = rng.choice(m, size=m // 10, replace=False)
    owner = pairs[rng.integers(0, len(pairs), x)]
    day0 = np.datetime64("2000-01-01")
    days = rng.integers(0, 7300, x)
    forward = rng.integers(0, 2, x)
    vol = np.round(rng.lognormal(0, 0.5, x), 3)
    with open(os.path.join(d, "exchanges.csv"), "w") as f:
        f.write("date,from,to,volume\n")
        for i in range(x):
            p = owner[i]
            a, b = (us[p], vs[p]) if forward[i] else (vs[p], us[p])
            f.write(f"{day0 + int(days[i])},a{a},a{b},{vol[i]}\n")


def run(binary, d, extra):
    out = os.path.join(d, "out.json")
    err = os.path.join(d, "err.txt")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    with open(err, "w") as e:
        subprocess.run([binary, "analyze", d, "--sample", "50", "--timings", "--format", "json", "-o", out] + extra,
                       check=True, stderr=e, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    stages = {}
    for line in open(err):
        # "  typology                       2.28 s"
        parts = line.strip().rsplit(None, 2)
        if len(parts) == 3 and parts[2] in ("s", "ms"):
            try:
                v = float(parts[1]) * (0.001 if parts[2] == "ms" else 1)
            except ValueError:
                continue
            stages[parts[0].removeprefix("timing:").strip()] = v
    return wall, stages, max(rss, before) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True)
    ap.add_argument("--bin")
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--m", type=int, default=1000000)
    ap.add_argument("--x", type=int, default=1000000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--draws", type=int, default=0, help="--draws for the new binary (0: its default)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        binary = a.bin
        if not binary:
            binary = os.path.join(tmp, "liaison")
            subprocess.run(["go", "build", "-o", binary, "./cmd/liaison"], cwd=REPO, check=True)
        d = os.path.join(tmp, "data")
        os.mkdir(d)
        print(f"generating n={a.n} m={a.m} x={a.x}", file=sys.stderr)
        generate(d, a.n, a.m, a.x, a.seed)
        res = {"base": [], "new": []}
        extra = ["--draws", str(a.draws)] if a.draws else []
        for i in range(a.repeat):
            for name, b, ex in (("base", a.base, []), ("new", binary, extra)):
                print(f"{name} run {i + 1}", file=sys.stderr)
                res[name].append(run(b, d, ex))
        print("| build | typology stage (median) | wall (median) | runs (typology) |")
        print("|---|---:|---:|---|")
        med = {}
        for name, runs in res.items():
            typ = [r[1].get("typology", float("nan")) for r in runs]
            wall = [r[0] for r in runs]
            med[name] = (statistics.median(typ), statistics.median(wall))
            print(f"| {name} | {med[name][0]:.2f} s | {med[name][1]:.2f} s | {', '.join(f'{t:.2f}' for t in typ)} |")
        print(f"\nratio new/base: typology {med['new'][0] / med['base'][0]:.2f}×, wall {med['new'][1] / med['base'][1]:.2f}×")


if __name__ == "__main__":
    main()
