#!/usr/bin/env python3
"""Compare loading a large real file: liaison against pandas + NetworkX pipelines.

The COW IGO dyad-years (../shared/data/cow-igo-3.0/cow_igo_ndy.csv, 917,695 rows) are mapped
onto the contract's ties.csv (source = ccode1, target = ccode2, since = until = year, dyadigos
kept as an extra column) in a temporary folder. Then, in the same run and on the same file:

  liaison     `liaison summary FILE --format json`: load and validate every row, build the
              bilateral, club and combined layers, count the components;
  vectorised  pandas.read_csv, the rows' weights summed per unordered pair with
              groupby(["source", "target"]).sum(), networkx.from_pandas_edgelist of the pairs
              and number_connected_components: the same output as liaison's bilateral layer
              (nodes, edges, total weight, components, first and last year), checked;
  edgelist    (--edgelist) pandas.read_csv + networkx.from_pandas_edgelist(df, edge_attr=True)
              of the rows (keeps the last row of a repeated pair instead of summing: not the
              same output, and slower: a dict per row);
  baseline    (--baseline BINARY) another liaison binary on the same file, e.g. one built
              from an older commit, for a before/after in the same run.

Each is a separate process under /usr/bin/time -v (wall, user + system CPU, peak resident
memory); the tools alternate, --repeat rounds, and the table gives medians, the ratio of the
medians and the median of the per-round ratios (the runs of one round are back to back, so
they share the machine's load). The peers also report the time of their work after their
imports (pandas and NetworkX take about half a second of CPU to import): the table shows it
too, since a reader may want to compare the work alone. Load averages before and after, and
the CPUs other processes kept busy during each run, are printed: on a shared machine they
say how much the wall times can be trusted.

Usage: python3 scripts/bench_load.py [--shared DIR] [--repeat N] [--json OUT] [--edgelist]
                                    [--baseline BINARY]
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile

from benchproc import timed

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PRELUDE = """
import json, sys, time
t0, c0 = time.perf_counter(), time.process_time()
import numpy as np, pandas as pd, networkx as nx
t1, c1 = time.perf_counter(), time.process_time()
"""

VECTORISED = PRELUDE + """
df = pd.read_csv(sys.argv[1])
if "weight" not in df:
    df["weight"] = 1.0
a, b = df["source"].to_numpy(), df["target"].to_numpy()
df["source"], df["target"] = np.minimum(a, b), np.maximum(a, b)
pairs = df.groupby(["source", "target"], as_index=False)["weight"].sum()
g = nx.from_pandas_edgelist(pairs, "source", "target", edge_attr="weight")
out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
       "total_weight": float(pairs["weight"].sum()),
       "components": nx.number_connected_components(g),
       "first": str(int(df["since"].min())), "last": str(int(df["until"].max()))}
t2, c2 = time.perf_counter(), time.process_time()
out.update(work_wall=t2 - t1, work_cpu=c2 - c1, import_wall=t1 - t0, import_cpu=c1 - c0)
print(json.dumps(out))
"""

EDGELIST = PRELUDE + """
df = pd.read_csv(sys.argv[1])
g = nx.from_pandas_edgelist(df, "source", "target", edge_attr=True)
out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
t2, c2 = time.perf_counter(), time.process_time()
out.update(work_wall=t2 - t1, work_cpu=c2 - c1, import_wall=t1 - t0, import_cpu=c1 - c0)
print(json.dumps(out))
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


def liaison_output(stdout):
    s = json.loads(stdout)
    b = next(x for x in s["layers"] if x["layer"] == "bilateral")
    return {"nodes": b["nodes"], "edges": b["edges"], "total_weight": float(b["total_weight"]),
            "components": s["components"], "first": s["first"], "last": s["last"]}


def med(runs, key):
    return statistics.median(r[key] for r in runs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", help="also write the results as JSON to this file")
    ap.add_argument("--edgelist", action="store_true", help="also run the edgelist peer (slow: about 5 s)")
    ap.add_argument("--baseline", metavar="BINARY", help="also run this liaison binary (e.g. one built from an older commit)")
    a = ap.parse_args()

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        ties = os.path.join(tmp, "ties.csv")
        rows = convert(os.path.join(a.shared, "data", "cow-igo-3.0", "cow_igo_ndy.csv"), ties)
        binary = os.path.join(tmp, "liaison")
        subprocess.run(["go", "build", "-o", binary, "./cmd/liaison"], cwd=REPO, check=True)
        scripts = {}
        for name, text in (("vectorised", VECTORISED), ("edgelist", EDGELIST)):
            scripts[name] = os.path.join(tmp, name + ".py")
            with open(scripts[name], "w") as f:
                f.write(text)
        tools = {
            "liaison summary": [binary, "summary", ties, "--format", "json"],
            "pandas groupby-sum + NetworkX components (vectorised)": [sys.executable, scripts["vectorised"], ties],
        }
        if a.edgelist:
            tools["pandas + NetworkX from_pandas_edgelist (rows, no sums)"] = [sys.executable, scripts["edgelist"], ties]
        if a.baseline:
            tools["liaison summary, baseline binary"] = [os.path.abspath(a.baseline), "summary", ties, "--format", "json"]
        names = list(tools)
        runs = {n: [] for n in names}
        for i in range(a.repeat):
            for n in names:
                r = timed(tools[n], tmp, "run")
                out = r.pop("stdout")
                r.pop("stderr")
                if n.startswith("liaison"):
                    r["output"] = liaison_output(out)
                else:
                    r.update(json.loads(out.strip().splitlines()[-1]))
                runs[n].append(r)
                print(f"round {i + 1}: {n}: {r['wall']:.2f} s wall, {r['cpu']:.2f} s CPU, "
                      f"{r['peak_mib']:.0f} MiB, {r['other_cpus']:.1f} other CPUs busy", file=sys.stderr)
    load_after = os.getloadavg()

    lia, vec = runs[names[0]], runs[names[1]]
    want = {k: v for k, v in vec[0].items() if k in lia[0]["output"]}
    if lia[0]["output"] != want:
        sys.exit(f"outputs differ: liaison {lia[0]['output']}, vectorised peer {want}")

    print(f"COW IGO dyad-years as ties.csv: {rows:,} rows; {a.repeat} alternating rounds, medians")
    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; "
          f"other processes kept a median {statistics.median(r['other_cpus'] for n in names for r in runs[n]):.1f} "
          f"of {os.cpu_count()} CPUs busy during the runs")
    print(f"same output (liaison's bilateral layer and the vectorised peer): {want}\n")
    print("| tool | wall | CPU (user + sys) | rows/s (wall) | peak memory | peer wall / liaison wall | peer CPU / liaison CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    results = {}
    for n in names:
        rs = runs[n]
        wall, cpu = med(rs, "wall"), med(rs, "cpu")
        rw = statistics.median(p["wall"] / q["wall"] for p, q in zip(rs, lia))
        rc = statistics.median(p["cpu"] / q["cpu"] for p, q in zip(rs, lia))
        results[n] = {"wall": wall, "cpu": cpu, "user": med(rs, "user"), "sys": med(rs, "sys"),
                      "peak_mib": max(r["peak_mib"] for r in rs), "rows_per_second": rows / wall,
                      "wall_ratio": rw, "cpu_ratio": rc, "runs": rs}
        ratio = "–" if n == names[0] else f"{rw:.2f}× (of medians {wall / med(lia, 'wall'):.2f}×)"
        cratio = "–" if n == names[0] else f"{rc:.2f}× (of medians {cpu / med(lia, 'cpu'):.2f}×)"
        print(f"| {n} | {wall:.2f} s | {cpu:.2f} s | {rows / wall:,.0f} | {results[n]['peak_mib']:.0f} MiB | {ratio} | {cratio} |")
    for n in names[1:]:
        if n.startswith("liaison") and runs[n][0]["output"] != lia[0]["output"]:
            sys.exit(f"outputs differ: {n} {runs[n][0]['output']}, liaison {lia[0]['output']}")
    print("\nThe peers' work after their imports (time.perf_counter / process_time in the process):")
    for n in [n for n in names[1:] if not n.startswith("liaison")]:
        rs = runs[n]
        w, c = med(rs, "work_wall"), med(rs, "work_cpu")
        print(f"- {n}: {w:.2f} s wall, {c:.2f} s CPU (imports {med(rs, 'import_wall'):.2f} s wall, "
              f"{med(rs, 'import_cpu'):.2f} s CPU); liaison's whole process against the work alone: "
              f"{w / med(lia, 'wall'):.2f}× wall, {c / med(lia, 'cpu'):.2f}× CPU")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"rows": rows, "load_before": load_before, "load_after": load_after,
                       "results": results}, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
