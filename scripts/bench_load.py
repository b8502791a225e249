#!/usr/bin/env python3
"""Compare loading a large real file: liaison against pandas read_csv + NetworkX.

The COW IGO dyad-years (../shared/data/cow-igo-3.0/cow_igo_ndy.csv, 917,695 rows) are mapped
onto the contract's ties.csv (source = ccode1, target = ccode2, since = until = year, dyadigos
kept as an extra column) in a temporary folder. Then, in the same run and on the same file:

  liaison   `liaison summary FILE --format json`: load, validate, build the bilateral, club
            and combined layers, count components (more work than the peer does);
  peer      pandas.read_csv(FILE) + networkx.from_pandas_edgelist(df, "source", "target",
            edge_attr=True).

Each is run --repeat times as a separate process (started by a small launcher, see
bench_analysis.py); the table gives the median wall time, rows per second and the peak
resident memory (ru_maxrss of the process), and the ratios.

Usage: python3 scripts/bench_load.py [--shared DIR] [--repeat N] [--json OUT]
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_analysis import run as launch  # noqa: E402

PEER = """
import sys, pandas as pd, networkx as nx
df = pd.read_csv(sys.argv[1])
g = nx.from_pandas_edgelist(df, "source", "target", edge_attr=True)
print(g.number_of_nodes(), g.number_of_edges())
"""


def convert(src, dst):
    rows = 0
    with open(src, newline="") as fin, open(dst, "w", newline="") as fout:
        r = csv.reader(fin)
        next(r)
        w = csv.writer(fout, lineterminator="\n")
        w.writerow(["source", "target", "since", "until", "dyadigos"])
        for c1, c2, year, n in r:
            w.writerow([c1, c2, year, year, n])
            rows += 1
    return rows


def run(cmd):
    """Runs cmd through bench_analysis's launcher (a fresh small process, so that this one's
    memory does not count in the child's ru_maxrss); returns (wall seconds, peak MiB)."""
    r = launch(cmd)
    return r["wall"], r["peak_mib"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="also write the results as JSON to this file")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        ties = os.path.join(tmp, "ties.csv")
        rows = convert(os.path.join(a.shared, "data", "cow-igo-3.0", "cow_igo_ndy.csv"), ties)
        binary = os.path.join(tmp, "liaison")
        subprocess.run(["go", "build", "-o", binary, "./cmd/liaison"], cwd=REPO, check=True)
        peer = os.path.join(tmp, "peer.py")
        with open(peer, "w") as f:
            f.write(PEER)
        tools = {
            "liaison summary": [binary, "summary", ties, "--format", "json"],
            "pandas read_csv + networkx from_pandas_edgelist": [sys.executable, peer, ties],
        }
        results = {}
        for name, cmd in tools.items():
            runs = [run(cmd) for _ in range(a.repeat)]
            wall = statistics.median(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            results[name] = {"seconds": wall, "rows_per_second": rows / wall, "peak_mib": rss}

    names = list(results)
    base = results[names[1]]
    print(f"COW IGO dyad-years as ties.csv: {rows:,} rows; median of {a.repeat} runs each\n")
    print("| tool | wall time | rows/s | peak memory | speed vs peer |")
    print("|---|---:|---:|---:|---:|")
    for n in names:
        r = results[n]
        print(f"| {n} | {r['seconds']:.2f} s | {r['rows_per_second']:,.0f} | {r['peak_mib']:.0f} MiB | "
              f"{base['seconds'] / r['seconds']:.2f}x |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"rows": rows, "results": results}, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
