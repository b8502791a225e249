#!/usr/bin/env python3
"""Write a provenance record with planted cases and the findings they must give.

Output: testdata/provenance-planted/ with actors.csv, ties.csv, clubs.csv, memberships.csv,
exchanges.csv (a data set of the contract with the provenance columns) and expected.json:

- circular: every (consumer, assessment, origin, kind) with its lines (report, partner) and,
  for each line, the chain of actors it travelled (origin ... consumer), as planted;
- breaches: every (line, rule, source report), as planted;
- dependence: for every consumer, the Herfindahl indexes over origins and partners of all its
  received items and of each assessment's, computed here from the rows with exact fractions
  (roots of derived reports found by this script's own walk of derived_from);
- convergence: for every assessment, partners, origins and whether it is flagged (>= 3
  partners and origins/partners <= 1/2).

The planted cases are of known shapes: corroboration by 2-4 lines along chains of 1-3 hops
(forwarding or deriving at each hop), the consumer's own reporting returned, clean records
(independent origins, a duplicated transfer of one report by one partner, a report derived
from two origins), and one breach of each rule (NOFORN, REL TO, ORCON, third-party) beside
the same transfers made legitimate (a REL TO naming a club or an actor, an agreement by a
tie, by a shared club, by an earlier direct exchange). Every actor group of a circular or
clean case is tied pairwise, so that no planted circular or clean case breaks the third-party
rule. Deterministic for a seed: `python3 scripts/provenance_planted.py [--check]`.
"""
import argparse
import csv
import io
import json
import os
import random
import sys
from fractions import Fraction

OUT = os.path.join(os.path.dirname(__file__), "..", "testdata", "provenance-planted")


class Record:
    def __init__(self):
        self.actors = []
        self.ties = []  # (a, b)
        self.clubs = []
        self.members = []  # (club, actor)
        self.rows = []  # dicts of exchanges.csv, in order
        self.circular = []
        self.breaches = []
        self.n = 0
        self.reports = 0

    def actor(self):
        self.n += 1
        a = "P%03d" % self.n
        self.actors.append(a)
        return a

    def group(self, k):
        g = [self.actor() for _ in range(k)]
        for i in range(k):
            for j in range(i + 1, k):
                self.ties.append((g[i], g[j]))
        return g

    def report(self, prefix="R"):
        self.reports += 1
        return "%s%04d" % (prefix, self.reports)

    def row(self, date, a, b, report, origin="", derived="", assessment="", caveat=""):
        self.rows.append(dict(date=str(date), frm=a, to=b, report=report, origin=origin,
                              derived=derived, assessment=assessment, caveat=caveat))
        return len(self.rows) + 1  # its line in exchanges.csv (the header is line 1)


def chain(rec, rng, origin, report0, hops, consumer, assessment, year):
    """Moves report0 (collected by origin) along hops to consumer; at each intermediate
    actor it is forwarded or a new report derived from it. Returns the final report, the
    last partner and the actor chain."""
    actors = [origin] + hops + [consumer]
    rep = report0
    for i in range(len(actors) - 1):
        a, b = actors[i], actors[i + 1]
        if i > 0 and rng.random() < 0.5:  # a derives a report of its own from what it holds
            new = rec.report()
            rec.row(year + i, a, b, new, origin=a, derived=rep,
                    assessment=assessment if b == consumer else "")
            rep = new
        else:
            rec.row(year + i, a, b, rep, origin=origin if rep == report0 and i == 0 else "",
                    assessment=assessment if b == consumer else "")
    return rep, actors[-2], actors


def build(seed):
    rng = random.Random(seed)
    rec = Record()
    year = 2000
    # Corroboration: one origin, 2-4 lines to one consumer.
    for case in range(12):
        lines = rng.randint(2, 4)
        g = rec.group(2 + 3 * lines)
        origin, consumer, pool = g[0], g[1], g[2:]
        assessment = "CIRC-%02d" % case
        r0 = rec.report()
        want = {}
        for j in range(lines):
            hops = [pool[3 * j + k] for k in range(rng.randint(1, 3))]
            rep, partner, actors = chain(rec, rng, origin, r0, hops, consumer, assessment, year)
            want[(rep, partner)] = actors
        if case % 4 == 0:  # the origin also sends its report straight to the consumer
            rec.row(year, origin, consumer, r0, assessment=assessment)
            want[(r0, origin)] = [origin, consumer]
        rec.circular.append(dict(consumer=consumer, assessment=assessment, origin=origin,
                                 kind="corroboration", lines=[dict(report=k[0], partner=k[1], chain=v)
                                                              for k, v in sorted(want.items())]))
    # Returned: the consumer's own report comes back through 1-2 partners.
    for case in range(4):
        g = rec.group(4)
        consumer, p1, p2 = g[0], g[1], g[2]
        assessment = "BACK-%02d" % case
        r0 = rec.report()
        rec.row(year, consumer, p1, r0, origin=consumer)
        r1 = rec.report()
        rec.row(year + 1, p1, consumer, r1, origin=p1, derived=r0, assessment=assessment)
        lines = [dict(report=r1, partner=p1, chain=[consumer, p1, consumer])]
        if case % 2:
            rec.row(year + 1, p1, p2, r0)
            rec.row(year + 2, p2, consumer, r0, assessment=assessment)
            lines.append(dict(report=r0, partner=p2, chain=[consumer, p1, p2, consumer]))
        lines.sort(key=lambda l: (l["report"], l["partner"]))
        rec.circular.append(dict(consumer=consumer, assessment=assessment, origin=consumer,
                                 kind="returned", lines=lines))
    # Clean: independent origins (some via a forwarding partner); a report sent twice by one
    # partner (one line); a report derived from two origins' reports.
    for case in range(10):
        k = rng.randint(2, 4)
        g = rec.group(1 + 2 * k)
        consumer = g[0]
        assessment = "CLEAN-%02d" % case
        for j in range(k):
            origin, fwd = g[1 + 2 * j], g[2 + 2 * j]
            r = rec.report()
            if rng.random() < 0.5:
                rec.row(year, origin, fwd, r, origin=origin)
                rec.row(year + 1, fwd, consumer, r, assessment=assessment)
            else:
                rec.row(year, origin, consumer, r, origin=origin, assessment=assessment)
                if j == 0:
                    rec.row(year + 1, origin, consumer, r, assessment=assessment)  # the same line twice
        if case % 3 == 0:
            a, b = g[1], g[3]
            ra, rb = rec.report(), rec.report()
            rec.row(year, a, b, ra, origin=a)
            rec.row(year, b, g[2], rb, origin=b)
            rm = rec.report()
            rec.row(year + 1, b, consumer, rm, origin=b, derived=ra + ";" + rb, assessment="MIX-%02d" % case)
    # Breaches, each beside its legitimate twin.
    def fresh(k):
        return [rec.actor() for _ in range(k)]

    # NOFORN: any transfer to another actor.
    o, b = fresh(2)
    r = rec.report()
    line = rec.row(year, o, b, r, origin=o, caveat="NOFORN")
    rec.breaches.append(dict(line=line, rule="NOFORN", source=r))
    # REL TO an actor and a club: in the set (clean), then outside it (breach). The origin
    # has ties with everyone here, so that the third-party rule is met.
    o, p, q, s, t = fresh(5)
    for x in (p, q, s, t):
        rec.ties.append((o, x))
    rec.clubs.append("KLUB")
    rec.members += [("KLUB", p), ("KLUB", q)]
    r = rec.report()
    rec.row(year, o, p, r, origin=o, caveat="REL TO KLUB, " + s)
    rec.row(year + 1, p, q, r)  # q in KLUB: clean
    rec.row(year + 1, p, s, r)  # s named: clean
    line = rec.row(year + 2, q, t, r)  # t outside: breach
    rec.breaches.append(dict(line=line, rule="REL TO", source=r))
    # ORCON: the originator may release it; an onward transfer is a breach.
    o, p, q = fresh(3)
    rec.ties += [(o, p), (o, q)]
    r = rec.report()
    rec.row(year, o, p, r, origin=o, caveat="ORCON")
    rec.row(year, o, q, r)  # the originator itself: clean
    line = rec.row(year + 1, p, q, r)
    rec.breaches.append(dict(line=line, rule="ORCON", source=r))
    # Third-party: onward transfers to actors the originator has an agreement with (a tie,
    # a shared club, an earlier direct exchange) are clean; to one without, a breach.
    o, p, q1, q2, q3, q4 = fresh(6)
    rec.ties += [(o, p), (o, q1)]
    rec.clubs.append("CLUBX")
    rec.members += [("CLUBX", o), ("CLUBX", q2)]
    rec.row(year, o, q3, "")  # an untracked direct exchange: an agreement from then on
    r = rec.report()
    rec.row(year + 1, o, p, r, origin=o)
    rec.row(year + 2, p, q1, r)
    rec.row(year + 2, p, q2, r)
    rec.row(year + 2, p, q3, r)
    line = rec.row(year + 2, p, q4, r)
    rec.breaches.append(dict(line=line, rule="third-party", source=r))
    # A derived report inherits its source's caveat (NOFORN laundered by derivation).
    o, p, q = fresh(3)
    rec.ties += [(o, p), (o, q), (p, q)]
    r0 = rec.report()
    line0 = rec.row(year, o, p, r0, origin=o, caveat="NOFORN")
    rec.breaches.append(dict(line=line0, rule="NOFORN", source=r0))
    r1 = rec.report()
    line1 = rec.row(year + 1, p, q, r1, origin=p, derived=r0)
    rec.breaches.append(dict(line=line1, rule="NOFORN", source=r0))
    rec.breaches.sort(key=lambda b: (b["line"], b["rule"], b["source"]))
    return rec


def expected_shares(rec):
    """Dependence and convergence from the rows, independently of liaison."""
    origin, sources = {}, {}
    first = {}
    for i, r in enumerate(rec.rows):
        rep = r["report"]
        if not rep:
            continue
        if rep not in first:
            first[rep] = r["frm"]  # rows are written in date order within each report
        if r["origin"]:
            origin.setdefault(rep, r["origin"])
        if r["derived"]:
            sources.setdefault(rep, r["derived"].split(";"))
    memo = {}

    def roots(rep):
        if rep not in memo:
            if rep in sources:
                memo[rep] = sorted(set(o for s in sources[rep] for o in roots(s)))
            else:
                memo[rep] = [origin.get(rep, first[rep])]
        return memo[rep]

    def shares(items):
        by_o, by_p = {}, {}
        for rep, partner in items:
            rs = roots(rep)
            for o in rs:
                by_o[o] = by_o.get(o, 0) + Fraction(1, len(rs))
            by_p[partner] = by_p.get(partner, 0) + 1
        n = len(items)
        h = lambda m: sum((v / n) ** 2 for v in m.values())
        top = lambda m: max(sorted(m), key=lambda k: m[k])
        return dict(items=n, hhi_origin=float(h(by_o)), hhi_partner=float(h(by_p)),
                    top_origin=top(by_o), top_origin_share=float(by_o[top(by_o)] / n),
                    top_partner=top(by_p), top_partner_share=float(by_p[top(by_p)] / n))

    consumers = {}
    for r in rec.rows:
        if r["report"]:
            consumers.setdefault(r["to"], []).append(r)
    dependence = []
    for c in sorted(consumers):
        rows = consumers[c]
        d = dict(consumer=c, **shares([(r["report"], r["frm"]) for r in rows]), assessments=[])
        for a in sorted(set(r["assessment"] for r in rows if r["assessment"])):
            d["assessments"].append(dict(assessment=a, **shares([(r["report"], r["frm"]) for r in rows if r["assessment"] == a])))
        dependence.append(d)
    convergence = []
    for a in sorted(set(r["assessment"] for r in rec.rows if r["assessment"])):
        rows = [r for r in rec.rows if r["assessment"] == a]
        partners = sorted(set(r["frm"] for r in rows))
        origins = sorted(set(o for r in rows for o in roots(r["report"])))
        ratio = Fraction(len(origins), len(partners))
        convergence.append(dict(assessment=a, partners=partners, origins=origins,
                                flagged=len(partners) >= 3 and ratio <= Fraction(1, 2)))
    return dependence, convergence


def render(rec):
    files = {}

    def table(name, header, rows):
        b = io.StringIO()
        w = csv.writer(b, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        files[name] = b.getvalue()

    table("actors.csv", ["id"], [[a] for a in rec.actors])
    table("ties.csv", ["source", "target"], sorted(set(rec.ties)))
    table("clubs.csv", ["id"], [[c] for c in rec.clubs])
    table("memberships.csv", ["club", "actor"], rec.members)
    table("exchanges.csv", ["date", "from", "to", "report", "origin", "derived_from", "assessment", "caveat"],
          [[r["date"], r["frm"], r["to"], r["report"], r["origin"], r["derived"], r["assessment"], r["caveat"]] for r in rec.rows])
    dependence, convergence = expected_shares(rec)
    files["expected.json"] = json.dumps(dict(circular=rec.circular, breaches=rec.breaches,
                                             dependence=dependence, convergence=convergence), indent=1, sort_keys=True) + "\n"
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the files on disk instead of writing")
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    files = render(build(args.seed))
    os.makedirs(OUT, exist_ok=True)
    bad = False
    for name, body in sorted(files.items()):
        path = os.path.join(OUT, name)
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != body:
                        print("differs:", path, file=sys.stderr)
                        bad = True
            except FileNotFoundError:
                print("missing:", path, file=sys.stderr)
                bad = True
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(body)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
