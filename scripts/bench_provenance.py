#!/usr/bin/env python3
"""Time `liaison provenance` on a generated record of 1,000,000 exchanges with provenance.

The record (seeded, written to --dir, default a temporary folder) has 2,000 actors, 20,000
ties, 40 clubs of 100 members, and about 280,000 reports, each collected by an actor
of a club and passed along a walk of 3.6 transfers on average among the members of one of its
clubs (2% of the hops leave it; dated in increasing order); 30% are derived from one or two
earlier reports of one club by an actor that received them (and circulate in that club); each report is about one of 2,000
assessments, named on half its transfers; 6% of reports carry a caveat (ORCON, NOFORN, REL TO FVEY or REL TO a
club). The script builds the CLI, then runs, alternating, `liaison validate` (the load and
validation alone: the peer) and `liaison provenance --format json -o FILE` (load,
validation, analysis and the JSON written), --runs times each, and prints the median wall
time, the median CPU time (user + system) and the peak memory (ru_maxrss of the child) of
each, and the load average (the machine is shared: CPU time is the steadier number).

    python3 scripts/bench_provenance.py [--rows 1000000] [--runs 3] [--dir DIR]
"""
import argparse
import csv
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def generate(path, rows, seed=19):
    rng = random.Random(seed)
    n_actors = 2000
    actors = ["A%04d" % i for i in range(n_actors)]
    actors[:5] = ["AUS", "CAN", "GBR", "NZL", "USA"]
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "actors.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id"])
        w.writerows([a] for a in actors)
    with open(os.path.join(path, "ties.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "since"])
        seen = set()
        while len(seen) < 20000:
            a, b = rng.sample(range(n_actors), 2)
            k = (min(a, b), max(a, b))
            if k not in seen:
                seen.add(k)
                w.writerow([actors[a], actors[b], rng.randint(1950, 2000)])
    clubs = ["K%02d" % i for i in range(40)]
    members = {c: rng.sample(actors, 100) for c in clubs}
    clubs_of = {a: [] for a in actors}
    for c in clubs:
        for a in members[c]:
            clubs_of[a].append(c)
    with open(os.path.join(path, "clubs.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id"])
        w.writerows([c] for c in clubs)
    with open(os.path.join(path, "memberships.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["club", "actor"])
        for c in clubs:
            for a in members[c]:
                w.writerow([c, a])
    in_clubs = [a for a in actors if clubs_of[a]]
    assessments = ["X%04d" % i for i in range(2000)]
    caveats = ["ORCON", "NOFORN", "REL TO FVEY", "REL TO K03"]
    held = []  # per report: the actors that received it (for derivations)
    club_of = []  # per report: the club it circulates in
    out = []
    k = 0
    while len(out) < rows:
        rid = "R%06d" % k
        derived = ""
        origin = rng.choice(in_clubs)
        if k > 100 and rng.random() < 0.3:
            srcs = sorted(set(s for s in (rng.randrange(max(0, k - 5000), k) for _ in range(rng.randint(1, 2))) if held[s]))
            srcs = [s for s in srcs if club_of[s] == club_of[srcs[0]]]  # the sources of one club
            holders = [a for a in held[srcs[0]] if club_of[srcs[0]] in clubs_of[a]] if srcs else []
            if holders:
                origin = rng.choice(holders)
                derived = ";".join("R%06d" % s for s in srcs)
        caveat = rng.choice(caveats) if rng.random() < 0.06 else ""
        topic = rng.choice(assessments)
        # A derived report circulates in its first source's club, others in one of the origin's.
        c = club_of[srcs[0]] if derived else rng.choice(clubs_of[origin])
        club_of.append(c)
        club = members[c]
        year = rng.randint(1990, 2015)
        cur, got = origin, []
        for hop in range(rng.randint(2, 6)):
            # Walks stay in one of the origin's clubs; 2% of the hops leave it.
            nxt = rng.choice(actors) if rng.random() < 0.02 else rng.choice(club)
            if nxt == cur:
                continue
            out.append([str(year + hop), cur, nxt, rid, origin if hop == 0 else "",
                        derived if hop == 0 else "", topic if rng.random() < 0.5 else "",
                        caveat if hop == 0 else ""])
            got.append(nxt)
            cur = nxt
        held.append(got)
        k += 1
    out = out[:rows]
    with open(os.path.join(path, "exchanges.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["date", "from", "to", "report", "origin", "derived_from", "assessment", "caveat"])
        w.writerows(out)
    return len(out)


def run(cmd):
    """Runs cmd; returns its wall time and CPU time (user + system, of the child)."""
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit("%s: exit %d\n%s" % (" ".join(cmd), p.returncode, p.stderr))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="liaison-prov-")
    data = args.dir or os.path.join(tmp, "record")
    if not os.path.exists(os.path.join(data, "exchanges.csv")):
        n = generate(data, args.rows)
        print("generated %d exchanges in %s" % (n, data))
    exe = os.path.join(tmp, "liaison")
    subprocess.run(["go", "build", "-o", exe, "./cmd/liaison"], cwd=ROOT, check=True)
    cmds = {
        "validate (load + checks: peer)": [exe, "validate", data],
        "provenance --format json": [exe, "provenance", data, "--format", "json", "-o", os.path.join(tmp, "out.json")],
    }
    times = {k: [] for k in cmds}
    for _ in range(args.runs):
        for k, c in cmds.items():  # alternating
            times[k].append(run(c))
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: measured per command in a
    # fresh process below.
    for k, c in cmds.items():
        rss = subprocess.run([sys.executable, "-c",
                              "import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
                              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"] + c,
                             capture_output=True, text=True, check=True).stdout.strip()
        walls = [w for w, _ in times[k]]
        cpus = [c for _, c in times[k]]
        print("%-34s median wall %.2f s (runs: %s), median CPU %.2f s, peak %d MiB" % (k, statistics.median(walls),
              ", ".join("%.2f" % w for w in walls), statistics.median(cpus), int(rss) // 1024))
    print("load average during the runs: %.1f (this machine has %d cores)" % (os.getloadavg()[0], os.cpu_count()))
    print("output: %d MB of JSON" % (os.path.getsize(os.path.join(tmp, "out.json")) // 1_000_000))


if __name__ == "__main__":
    main()
