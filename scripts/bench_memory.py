#!/usr/bin/env python3
"""Peak memory of liaison validate, summary and analyze against the size of the input.

Generates seeded ties.csv files of the sizes asked (default 0.5 and 2 GB) under a temporary
folder in /tmp (never in the repository; deleted at the end): dyad-years as the COW data
have them, `source,target,weight,since,until` with since = until = the year, 20,000 actors
("A00000"…), 400,000 fixed random pairs, weights 1–9, one block of all pairs per year from
2019 backwards until the file has the size asked (about 26 bytes a row: 2 GB is 77 million
rows over 200 years). Every file has the same period view at --at 2015: the 400,000 pairs.

Then runs, each command as its own process under `/usr/bin/time -v` (peak resident set size,
"Maximum resident set size", and wall time), `--repeat` times (median of the times, largest
peak):

  validate          liaison validate FILE (streams: memory should not grow with the file)
  summary --at      liaison summary FILE --at 2015 (loads 2015 only: LoadOptions.At)
  analyze --at      liaison analyze FILE --at 2015 --sample 20 --format json -o OUT
  summary all time  liaison summary FILE (holds every row: about 7 times the file at peak,
                    so only on the files up to --load-max GB, 0.5 by default)

and, as the reference for "the period view", analyze --at 2015 on a file holding only the
2015 rows (the view itself, nothing to drop).

Usage: python3 scripts/bench_memory.py [--sizes 0.5,2] [--load-max 0.5] [--repeat 1] [--json OUT]
"""
import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACTORS, PAIRS = 20_000, 400_000
AT = "2015"  # the year analysed: in every file of at least 5 years (0.15 GB)


def generate(path, size_bytes, seed=1):
    """Writes the dyad-years ties.csv of about size_bytes; returns (rows, bytes, years)."""
    rng = random.Random(seed)
    pairs = set()
    while len(pairs) < PAIRS:
        a, b = rng.randrange(ACTORS), rng.randrange(ACTORS)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    prefixes = [f"A{a:05d},A{b:05d},{rng.randint(1, 9)}," for a, b in sorted(pairs)]
    rows = written = years = 0
    with open(path, "w") as f:
        head = "source,target,weight,since,until\n"
        f.write(head)
        written = len(head)
        year = 2019
        while written < size_bytes:
            suffix = f"{year},{year}\n"
            block = suffix.join(prefixes) + suffix
            f.write(block)
            written += len(block)
            rows += len(prefixes)
            years += 1
            year -= 1
    return rows, written, years


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak MiB)."""
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed (exit {r.returncode}):\n{r.stderr[-3000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    return wall, rss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.5,2", help="input sizes in GB (10^9 bytes), comma-separated")
    ap.add_argument("--load-max", type=float, default=0.5, help="largest size (GB) summary and analyze run on")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", help="also write the results as JSON to this file")
    a = ap.parse_args()
    sizes = [float(s) for s in a.sizes.split(",")]

    tmp = tempfile.mkdtemp(prefix="liaison-bench-memory-", dir="/tmp")
    results = []
    try:
        binary = os.path.join(tmp, "liaison")
        subprocess.run(["go", "build", "-o", binary, "./cmd/liaison"], cwd=REPO, check=True)
        view = os.path.join(tmp, "view.csv")
        generate(view, 100)  # one block: the 2019 rows, relabelled AT
        with open(view) as f:
            body = f.read().replace(",2019,2019\n", f",{AT},{AT}\n")
        with open(view, "w") as f:
            f.write(body)
        vw, vp = timed([binary, "analyze", view, "--at", AT, "--sample", "20", "--format", "json",
                        "-o", os.path.join(tmp, "out.json")])
        results.append({"command": f"analyze --at (the {AT} rows alone)", "gb": 0, "rows": PAIRS, "years": 1,
                        "input_mib": len(body) / 2**20, "wall": vw, "peak_mib": vp})
        for gb in sizes:
            ties = os.path.join(tmp, "ties.csv")
            print(f"generating {gb} GB …", file=sys.stderr, flush=True)
            rows, nbytes, years = generate(ties, gb * 1e9)
            mib = nbytes / 2**20
            runs = {"validate": [binary, "validate", ties],
                    "summary --at": [binary, "summary", ties, "--at", AT],
                    "analyze --at": [binary, "analyze", ties, "--at", AT, "--sample", "20", "--format", "json",
                                     "-o", os.path.join(tmp, "out.json")]}
            if gb <= a.load_max:
                runs["summary all time"] = [binary, "summary", ties]
            for name, cmd in runs.items():
                walls, peaks = [], []
                for i in range(a.repeat):
                    print(f"  {name} run {i + 1}/{a.repeat}", file=sys.stderr, flush=True)
                    w, p = timed(cmd)
                    walls.append(w)
                    peaks.append(p)
                results.append({"command": name, "gb": gb, "rows": rows, "years": years, "input_mib": mib,
                                "wall": statistics.median(walls), "peak_mib": max(peaks)})
            os.remove(ties)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    view_peak = results[0]["peak_mib"]
    print("| command | input | rows | wall time | peak RSS | peak / input | peak / view's analyze |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| `{r['command']}` | {r['input_mib']:,.0f} MiB | {r['rows']:,} | {r['wall']:.1f} s | "
              f"{r['peak_mib']:,.0f} MiB | {r['peak_mib'] / r['input_mib']:.3f} | {r['peak_mib'] / view_peak:.2f} |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
