#!/usr/bin/env python3
"""The typology on real alliance data: COW Formal Alliances 4.1 and ATOP 4.01, imported with
`liaison import`, classified at 1914, 1939, 1962, 1989 and 2010 (`liaison analyze --at Y
--layer combined --format json`). Prints a Markdown table of NATO, the Warsaw Pact, the Rio
Pact and the Arab League (its 1945 pact and the 1950 Joint Defence Treaty), and of the three
heaviest bilateral ties of each year, with class, p_relational and decided_by.

Usage: python3 scripts/real_typology.py [--bin BIN] [--shared ../shared/data] [--club-weights W]
Cite: Gibler (2009), International Military Alliances 1648-2008, CQ Press (COW alliances);
Leeds, Ritter, Mitchell and Long (2002), International Interactions 28: 237-60 (ATOP);
Correlates of War Project (2017), State System Membership List v2016.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YEARS = [1914, 1939, 1962, 1989, 2010]
CLUBS = {
    "cow": [("NATO", "COW227"), ("Warsaw Pact", "COW243"), ("Rio Pact", "COW210"),
            ("Arab League 1945", "COW199"), ("Arab League 1950", "COW230")],
    "atop": [("NATO", "ATOP3180"), ("Warsaw Pact", "ATOP3285"), ("Rio Pact", "ATOP3075"),
             ("Arab League 1945", "ATOP3015"), ("Arab League 1950", "ATOP3205")],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared", "data"))
    ap.add_argument("--club-weights", default="", help="passed to analyze (e.g. density=0,strength=0,cliques=0)")
    a = ap.parse_args()
    s = a.shared
    with tempfile.TemporaryDirectory() as tmp:
        binary = a.bin or os.path.join(tmp, "liaison")
        if not a.bin:
            subprocess.run(["go", "build", "-o", binary, "./cmd/liaison"], cwd=REPO, check=True)
        states = os.path.join(s, "cow-states-2016", "cow_states.csv")
        src = {
            "cow": ["cow-alliance", os.path.join(s, "cow-alliance-4.1", "alliance_v4.1_by_member.csv")],
            "atop": ["atop", os.path.join(s, "atop-4.01", "atop-member-level.csv"),
                     "--alliances", os.path.join(s, "atop-4.01", "atop-alliance-level.csv")],
        }
        print("| data | year | ties (rel/trans) | clubs (rel/trans) | " + " | ".join(n for n, _ in CLUBS["cow"]) + " | heaviest bilateral ties |")
        print("|---|---|---|---|" + "---|" * len(CLUBS["cow"]) + "---|")
        for name, args in src.items():
            d = os.path.join(tmp, name)
            subprocess.run([binary, "import"] + args + ["--states", states, "-o", d], check=True, stdout=subprocess.DEVNULL)
            for y in YEARS:
                extra = ["--club-weights", a.club_weights] if a.club_weights else []
                out = subprocess.run([binary, "analyze", d, "--at", str(y), "--format", "json"] + extra, check=True,
                                     capture_output=True, text=True).stdout
                r = json.loads(out)
                clubs = {c["id"]: c for c in r["clubs"]}
                cells = []
                for _, cid in CLUBS[name]:
                    c = clubs.get(cid)
                    cells.append("–" if c is None else f"{c['class'][:5]}. {c['p_relational']:.2f} ({c['decided_by'][0]}; {len(c['members'])})")
                ties = sorted(r["ties"], key=lambda t: (-t["weight"], -t["factors"].get("duration", 0), t["source"], t["target"]))[:3]
                tc = ", ".join(f"{t['source']}–{t['target']} {t['class'][:5]}. {t['p_relational']:.2f}" for t in ties)
                ty = r["typology"]
                print(f"| {name.upper()} | {y} | {ty['relational_bilateral']}/{ty['transactional_bilateral']} | "
                      f"{ty['relational_multilateral']}/{ty['transactional_multilateral']} | " + " | ".join(cells) + f" | {tc} |")


if __name__ == "__main__":
    main()
