#!/usr/bin/env python3
"""Compare writing a large graph into Neo4j: `liaison neo4j push` against LOAD CSV.

A seeded random data set of --n actors and --m ties (default 100,000 / 1,000,000; integer
weights 1..10) is written as ties.csv. Then, on the same server in the same run:

  liaison   `liaison neo4j push FILE --sample 1 --timings`; the time of its write stages
            (actors, ties: everything after "connect") gives its rows per second;
  LOAD CSV  the same file loaded by Cypher into the same database after emptying it:
            actors with MERGE, then ties with MATCH + CREATE, in transactions of --batch
            rows (CALL { … } IN TRANSACTIONS), with a uniqueness constraint on the actor's
            id; a tie gets only its weight (the yardstick of issue 16);
  LOAD CSV, push's schema  the files of `liaison export FILE --format neo4j-admin` (made
            once, before the runs; not timed), which hold every property push writes, loaded
            by Cypher the way push writes them: the constraints of schema.cypher (the
            composite (dataset, id) key), the data set node, each actor with CREATE and its
            CONTAINS link, each tie with its endpoints MATCHed by (dataset, id) and CREATE with
            every property of tie.csv, typed as its header says (toInteger, toFloat,
            toBoolean, date(), lists split at U+001F), in transactions of --batch rows;

  floor     (--floor) what the server alone takes to create the same number of relationships
            with no client data at all: n plain nodes, then relationships between nodes found
            by internal id (the cheapest lookup there is; the n ids are the query's one parameter), their values computed in Cypher from
            the row number, in transactions of --batch rows, one at a time and (CALL { … } IN
            2 CONCURRENT TRANSACTIONS) two at a time; once with push's tie properties on this
            data (11 of them: weight, class, relationalScore, pRelational, decidedBy, four
            factors, spellLines, spellWeights, of the same types), once with the weight only.
            No writer that sends the rows over Bolt and finds the endpoints by key can be
            faster than the first; LOAD CSV cannot beat the second;

  neo4j-admin  `liaison export FILE --format neo4j-admin` (the time of its write stage) and
            `scripts/neo4j import` of the folder into a scratch database of the stopped
            server (the whole command: a JVM start, the import, the indexes), then the
            server is started again on its own data (--admin; not timed).

Push and both LOAD CSV start from an empty database, use the same --batch (push's default, 2,000,
unless given) and alternate --repeat times; the medians are compared. Rows are the tie rows of the
file. The server is the one of NEO4J_URI / NEO4J_USER /
NEO4J_PASSWORD (scripts/neo4j start); LOAD CSV reads from its import folder (NEO4J_IMPORT,
default .neo4j/import).

Usage: python3 scripts/bench_neo4j.py [--n N] [--m M] [--batch B] [--repeat R] [--admin] [--floor] [--baseline BINARY]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMING = re.compile(r"^timing: (.+?)\s+([0-9.]+) s$")


def typed(col, var="row"):
    """The property name of a neo4j-admin header column and the Cypher that reads it from a
    LOAD CSV row as that type (an empty field is null: no property)."""
    name, _, typ = col.partition(":")
    v = f"{var}.`{col}`"
    conv = {"long": "toInteger({})", "int": "toInteger({})", "double": "toFloat({})", "float": "toFloat({})",
            "boolean": "toBoolean({})", "date": "date({})", "string": "{}", "": "{}"}
    if typ.startswith("ID("):
        typ = ""
    if typ.endswith("[]"):
        return name, f"[x IN split({v}, '\\u001f') | {conv[typ[:-2]].format('x')}]"
    return name, conv[typ].format(v)


def full_load(folder, batch):
    """The LOAD CSV statements that write the data set node, actors and ties of a neo4j-admin
    folder (read from the server's import folder as bench_dataset.csv, bench_actor.csv,
    bench_tie.csv) the way push writes them: every property typed, each actor created with its
    CONTAINS link, each tie's endpoints found by (dataset, id)."""
    def header(name):
        with open(os.path.join(folder, name)) as f:
            return f.readline().rstrip("\n").split(",")

    def props(cols):
        return "{" + ", ".join("`%s`: %s" % typed(c) for c in cols if not c.startswith(":")) + "}"

    ds, actor, tie = header("dataset.csv"), header("actor.csv"), header("tie.csv")
    with open(os.path.join(folder, "dataset.csv")) as f:
        name = f.readlines()[1].split(",")[0]  # the data set's name (plain: no quotes in it here)
    return [
        f"LOAD CSV WITH HEADERS FROM 'file:///bench_dataset.csv' AS row CREATE (d:Dataset {props(ds)})",
        f"""LOAD CSV WITH HEADERS FROM 'file:///bench_actor.csv' AS row
            CALL (row) {{ MATCH (d:Dataset {{id: '{name}'}})
                          CREATE (x:Actor {props(actor)}) CREATE (d)-[:CONTAINS]->(x) }}
            IN TRANSACTIONS OF {batch} ROWS""",
        f"""LOAD CSV WITH HEADERS FROM 'file:///bench_tie.csv' AS row
            CALL (row) {{ MATCH (s:Actor {{dataset: '{name}', id: row.`{tie[0]}`}})
                          MATCH (t:Actor {{dataset: '{name}', id: row.`{tie[1]}`}})
                          CREATE (s)-[:TIE {props(tie)}]->(t) }}
            IN TRANSACTIONS OF {batch} ROWS""",
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--m", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=2_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--admin", action="store_true", help="also time the neo4j-admin export and offline import")
    ap.add_argument("--floor", action="store_true", help="also time the server-only floor (see above)")
    ap.add_argument("--baseline", metavar="BINARY", help="also push with this liaison binary (an earlier build), in the same alternation")
    a = ap.parse_args()

    from neo4j import GraphDatabase  # pip package "neo4j" (scripts/requirements.txt)

    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "liaison-test-password")
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    import_dir = os.environ.get("NEO4J_IMPORT", os.path.join(REPO, ".neo4j", "import"))

    rng = np.random.default_rng(a.seed)
    u = rng.integers(0, a.n, int(a.m * 1.2))
    v = rng.integers(0, a.n, int(a.m * 1.2))
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    keep = lo != hi
    lo, hi = lo[keep], hi[keep]
    _, idx = np.unique(lo.astype(np.int64) * a.n + hi, return_index=True)
    idx = np.sort(idx)[: a.m]
    w = rng.integers(1, 11, len(idx))
    rows = len(idx)

    with tempfile.TemporaryDirectory() as tmp:
        ties = os.path.join(tmp, "ties.csv")
        with open(ties, "w") as f:
            f.write("source,target,weight\n")
            f.write("".join(f"a{x},a{y},{z}\n" for x, y, z in zip(lo[idx], hi[idx], w)))
        binary = os.path.join(tmp, "liaison")
        subprocess.run(["go", "build", "-o", binary, "./cmd/liaison"], cwd=REPO, check=True)

        drv = GraphDatabase.driver(uri, auth=(user, password))

        def run(q, **params):
            with drv.session(database=database) as s:
                return list(s.run(q, **params))

        def empty():
            run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")

        def push(binary=binary):
            """liaison push (analysis sampled, its time not counted): seconds of its write stages."""
            empty()
            r = subprocess.run([binary, "neo4j", "push", ties, "--sample", "1", "--louvain-runs", "1", "--timings",
                                "--batch", str(a.batch)], capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(r.stderr)
            stages = {}
            for line in r.stderr.splitlines():
                mt = TIMING.match(line.strip())
                if mt:
                    stages[mt.group(1)] = float(mt.group(2))
            write = [k for k in stages if k in ("connect", "actors", "clubs", "ties", "memberships", "exchanges", "clean up")]
            return sum(stages[k] for k in write), stages

        def load_csv():
            """LOAD CSV of the same file into the same database: seconds, ties created."""
            empty()
            os.makedirs(import_dir, exist_ok=True)
            shutil.copy(ties, os.path.join(import_dir, "bench_ties.csv"))
            run("CREATE CONSTRAINT liaison_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE")
            t0 = time.perf_counter()
            run(f"""LOAD CSV WITH HEADERS FROM 'file:///bench_ties.csv' AS row
                    CALL (row) {{ MERGE (:Actor {{id: row.source}}) MERGE (:Actor {{id: row.target}}) }}
                    IN TRANSACTIONS OF {a.batch} ROWS""")
            run(f"""LOAD CSV WITH HEADERS FROM 'file:///bench_ties.csv' AS row
                    CALL (row) {{ MATCH (s:Actor {{id: row.source}}), (t:Actor {{id: row.target}})
                                  CREATE (s)-[:TIE {{weight: toFloat(row.weight)}}]->(t) }}
                    IN TRANSACTIONS OF {a.batch} ROWS""")
            took = time.perf_counter() - t0
            n = run("MATCH ()-[t:TIE]->() RETURN count(t) AS n")[0]["n"]
            os.remove(os.path.join(import_dir, "bench_ties.csv"))
            return took, n

        full = os.path.join(tmp, "full")
        r = subprocess.run([binary, "export", ties, "--format", "neo4j-admin", "-o", full, "--sample", "1",
                            "--louvain-runs", "1"], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(r.stderr)

        def load_csv_full():
            """LOAD CSV of push's schema (the neo4j-admin files): seconds, ties created."""
            empty()
            os.makedirs(import_dir, exist_ok=True)
            for f in ("dataset.csv", "actor.csv", "tie.csv"):
                shutil.copy(os.path.join(full, f), os.path.join(import_dir, "bench_" + f))
            run("DROP CONSTRAINT liaison_actor_id IF EXISTS")
            with open(os.path.join(full, "schema.cypher")) as f:
                for q in f.read().split(";"):
                    if q.strip():
                        run(q)
            t0 = time.perf_counter()
            for q in full_load(full, a.batch):
                run(q)
            took = time.perf_counter() - t0
            n = run("MATCH ()-[t:TIE]->() RETURN count(t) AS n")[0]["n"]
            for f in ("dataset.csv", "actor.csv", "tie.csv"):
                os.remove(os.path.join(import_dir, "bench_" + f))
            return took, n

        # The floor's relationship properties: push's 11 tie properties on this data, typed as
        # push writes them, computed from the row number i; or the weight alone.
        floor_props = {
            "push's 11 tie properties": (
                "weight: toFloat(i % 10 + 1), class: CASE i % 3 WHEN 0 THEN 'relational' ELSE 'transactional' END, "
                "relationalScore: toFloat(i % 89) / 89.0, pRelational: toFloat(i % 97) / 97.0, decidedBy: 'factors', "
                "factorCliques: toFloat(i % 2), factorCore: toFloat(i % 83) / 83.0, factorOverlap: toFloat(i % 79) / 79.0, "
                "factorWeight: toFloat(i % 73) / 73.0, spellLines: [i + 2], spellWeights: [toFloat(i % 10 + 1)]"),
            "the weight only": "weight: toFloat(i % 10 + 1)",
        }

        def floor(props, concurrent):
            """The server alone: seconds to create rows relationships with props between n nodes
            found by internal id, one transaction at a time or two."""
            empty()
            run(f"UNWIND range(0, {a.n - 1}) AS i CALL (i) {{ CREATE (:FloorNode) }} IN TRANSACTIONS OF 10000 ROWS")
            ids = [r["id"] for r in run("MATCH (x:FloorNode) RETURN id(x) AS id ORDER BY id")]
            n = len(ids)
            t0 = time.perf_counter()
            run(f"""UNWIND range(0, {rows - 1}) AS i
                    CALL (i) {{ MATCH (s) WHERE id(s) = $ids[(i * 7919) % {n}] MATCH (t) WHERE id(t) = $ids[(i * 104729 + 13) % {n}]
                                CREATE (s)-[:FLOOR {{{props}}}]->(t) }}
                    IN {concurrent} CONCURRENT TRANSACTIONS OF {a.batch} ROWS""", ids=ids)
            took = time.perf_counter() - t0
            got = run("MATCH ()-[x:FLOOR]->() RETURN count(x) AS n")[0]["n"]
            if got != rows:
                sys.exit(f"floor: {got} relationships created, not {rows}")
            return took

        def admin():
            """neo4j-admin: seconds of the export's write stage and of scripts/neo4j import."""
            out = os.path.join(tmp, "admin")
            shutil.rmtree(out, ignore_errors=True)
            r = subprocess.run([binary, "export", ties, "--format", "neo4j-admin", "-o", out, "--sample", "1",
                                "--louvain-runs", "1", "--timings"], capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit(r.stderr)
            write = sum(float(m.group(2)) for m in map(TIMING.match, map(str.strip, r.stderr.splitlines()))
                        if m and m.group(1) == "write neo4j-admin")
            script = os.path.join(REPO, "scripts", "neo4j")
            subprocess.run(["bash", script, "stop"], check=True, capture_output=True)
            env = dict(os.environ, NEO4J_DATA=os.path.join(tmp, "admin-data"))
            shutil.rmtree(env["NEO4J_DATA"], ignore_errors=True)
            t0 = time.perf_counter()
            subprocess.run(["bash", script, "import", out], check=True, capture_output=True, env=env)
            took = time.perf_counter() - t0
            shutil.rmtree(env["NEO4J_DATA"], ignore_errors=True)
            subprocess.run(["bash", script, "start"], check=True, capture_output=True)
            return write, took

        pushes, loads, fulls, stage_runs, admins, bases = [], [], [], [], [], []
        floors = {(what, c): [] for what in floor_props for c in (1, 2)}  # (properties, transactions at once): seconds
        for i in range(a.repeat):
            if a.baseline:
                bases.append(push(a.baseline))
                print(f"run {i + 1}: baseline push {bases[-1][0]:.1f} s {bases[-1][1]}", file=sys.stderr)
            p, stages = push()
            pushes.append(p)
            stage_runs.append(stages)
            took, n_ties = load_csv()
            loads.append(took)
            took_full, n_full = load_csv_full()
            fulls.append(took_full)
            if n_full != n_ties:
                sys.exit(f"LOAD CSV of push's schema created {n_full} ties, the weight-only one {n_ties}")
            msg = f"run {i + 1}: push {p:.1f} s, LOAD CSV {took:.1f} s, LOAD CSV push's schema {took_full:.1f} s"
            if a.floor:
                for (what, c), took_floor in floors.items():
                    took_floor.append(floor(floor_props[what], c))
                msg += ", floor " + ", ".join(f"{what} ×{c} {v[-1]:.1f} s" for (what, c), v in floors.items())
            if a.admin:
                drv.close()
                admins.append(admin())
                drv = GraphDatabase.driver(uri, auth=(user, password))
                msg += f", neo4j-admin export write {admins[-1][0]:.1f} s + import {admins[-1][1]:.1f} s"
            print(msg, file=sys.stderr)
        empty()
        drv.close()
    push_s, load_s, full_s = statistics.median(pushes), statistics.median(loads), statistics.median(fulls)
    stages = stage_runs[pushes.index(sorted(pushes)[len(pushes) // 2])]
    write_stages = [k for k in stages if k in ("connect", "actors", "clubs", "ties", "memberships", "exchanges", "clean up")]

    print(f"Random data set: {a.n:,} actors, {rows:,} tie rows; batch {a.batch:,}; median of {a.repeat} alternating runs; server {uri}\n")
    print("| writer | time | tie rows/s | vs LOAD CSV (weight only) | vs LOAD CSV (push's schema) |")
    print("|---|---:|---:|---:|---:|")
    print(f"| liaison neo4j push (write stages: {', '.join(write_stages)}) | {push_s:.1f} s | {rows / push_s:,.0f} | {load_s / push_s:.2f}× | {full_s / push_s:.2f}× |")
    if bases:
        base_s = statistics.median(b for b, _ in bases)
        print(f"| baseline push ({a.baseline}) | {base_s:.1f} s | {rows / base_s:,.0f} | {load_s / base_s:.2f}× | {full_s / base_s:.2f}× |")
    print(f"| LOAD CSV (MERGE actors, CREATE ties with their weight) | {load_s:.1f} s | {rows / load_s:,.0f} | 1.00× | {full_s / load_s:.2f}× |")
    print(f"| LOAD CSV of push's schema (neo4j-admin files) | {full_s:.1f} s | {rows / full_s:,.0f} | {load_s / full_s:.2f}× | 1.00× |")
    if a.floor:
        for (what, c), runs in floors.items():
            f = statistics.median(runs)
            print(f"| floor: the server alone creates the relationships with {what}, {c} transaction(s) at a time | {f:.1f} s | {rows / f:,.0f} | {load_s / f:.2f}× | {full_s / f:.2f}× |")
    if admins:
        tot = statistics.median(w + t for w, t in admins)
        print(f"| neo4j-admin (export write stage + scripts/neo4j import) | {tot:.1f} s | {rows / tot:,.0f} | {load_s / tot:.2f}× | {full_s / tot:.2f}× |")
        print("neo4j-admin runs (export write, import): " + "; ".join(f"{w:.1f} + {t:.1f} s" for w, t in admins))
    print(f"\nruns: push {', '.join(f'{x:.1f}' for x in pushes)} s; LOAD CSV {', '.join(f'{x:.1f}' for x in loads)} s; "
          f"LOAD CSV push's schema {', '.join(f'{x:.1f}' for x in fulls)} s; load average at the end {os.getloadavg()[0]:.1f}")
    if bases:
        print("baseline push runs: " + "; ".join(f"{b:.1f} s {st}" for b, st in bases))
    print(f"LOAD CSV created {n_ties:,} ties; liaison stage times (median run): {stages}")


if __name__ == "__main__":
    main()
