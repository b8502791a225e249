#!/usr/bin/env python3
"""PROFILE every named query of queries/cypher on the data set pushed to the server of NEO4J_URI
(liaison neo4j push testdata/example [--dataset NAME]) and print its database hits and rows,
as the table of queries/README.md. The parameters are the header's defaults plus the example
values below; the APOC variant is profiled when the server has APOC (its inner query is not
counted by PROFILE). The "before" of third-party-reach is the query of issue 16 (a Cartesian
product of the actor with every other and one shortestPath per pair) on the same schema.

Usage: python3 scripts/profile_queries.py [--dataset NAME]
"""
import argparse
import glob
import os
import re

from neo4j import GraphDatabase

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = {"limit": 5, "club": "FVEY", "actor": "NZL", "a": "AUS", "b": "JPN", "from": "NZL", "to": "NOR", "year": 2005}
BEFORE = """MATCH (a:Actor {dataset: $dataset, id: $actor}), (b:Actor) WHERE b <> a AND b.dataset = $dataset
MATCH p = shortestPath((a)-[:TIE*..15]-(b))
WHERE all(t IN relationships(p) WHERE t.class = 'relational')
WITH b, length(p) AS hops WHERE hops <= $k
RETURN b.id AS id, hops ORDER BY hops, id"""


def hits(p):
    return p.get("dbHits", 0) + sum(hits(c) for c in p.get("children", []))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default="liaison")
    a = ap.parse_args()
    drv = GraphDatabase.driver(os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
                               auth=(os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "liaison-test-password")))
    print("| query | parameters | rows | db hits |")
    print("|---|---|---:|---:|")
    for path in sorted(glob.glob(os.path.join(REPO, "queries", "cypher", "*.cypher"))):
        text = open(path).read()
        name = os.path.basename(path)[: -len(".cypher")]
        params = {"dataset": a.dataset}
        decl = re.search(r"^// params:(.*)$", text, re.M).group(1)
        for p in filter(None, (x.strip() for x in decl.split(","))):
            f = p.split()
            if f[0] == "dataset":
                continue
            if f[0] in EXAMPLE:
                params[f[0]] = EXAMPLE[f[0]]
            elif len(f) == 3:
                params[f[0]] = int(f[2]) if f[1] == "int" else float(f[2]) if f[1] == "float" else f[2]
        with drv.session() as s:
            try:
                r = s.run("PROFILE " + text.rstrip().rstrip(";"), **params)
                n = len(list(r))
                h = hits(r.consume().profile)
            except Exception as e:  # the APOC variant without APOC
                print(f"| {name} | | (not run: {type(e).__name__}) | |")
                continue
        shown = ", ".join(f"{k}={v}" for k, v in params.items() if k != "dataset")
        print(f"| {name} | {shown} | {n} | {h:,} |")
        if name == "third-party-reach":
            with drv.session() as s:
                r = s.run("PROFILE " + BEFORE, **params)
                n = len(list(r))
                print(f"| third-party-reach before (issue 16's query) | {shown} | {n} | {hits(r.consume().profile):,} |")
    drv.close()


if __name__ == "__main__":
    main()
