#!/usr/bin/env python3
"""Writes testdata/planted/: a generated data set with planted relational and transactional
ties, the typology's validation case (analysis/planted_test.go). Everything in it is invented.

  python3 scripts/planted_typology.py          # (re)write the files
  python3 scripts/planted_typology.py --check  # exit 1 if the files differ from the output

Planted (the expected class in the `planted` column of ties.csv, the way it is decided in
`decided_by`):
- DIF1-DIF2: an isolated pair whose structure and history say transactional (one recent
  single-domain row of weight 1) but whose 480 exchanges are diffuse (two independent
  Poisson streams, one each way, over ten years): relational, by reciprocity.
- QPQ1-QPQ2: an isolated pair whose history says relational (weight 5 since 1950, four
  domains) but whose exchanges are quid pro quo (every transfer answered in kind within
  1-10 days): transactional, by reciprocity.
- CORE1..CORE6: a dense core (every pair tied since 1950 in four domains, weight 5). Inside
  it CORE1-CORE2 trade quid pro quo (transactional, by reciprocity) and CORE3-CORE4
  exchange diffusely (relational, by reciprocity); the other 13 core ties have no exchanges
  (relational, by the factors).
- HUB and its spokes SPK1..SPK5: short (2008-2010) single-domain ties of weight 1 without
  exchanges, the spokes sharing no neighbour (transactional, by the factors); HUB is also
  tied to CORE1.
"""
import datetime
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "testdata", "planted")
START = datetime.date(2010, 1, 1)
DAYS = 3650


def day(d):
    return (START + datetime.timedelta(days=int(d))).isoformat()


def diffuse(rng, a, b, per_year):
    rows = []
    for src, dst in ((a, b), (b, a)):
        t = rng.expovariate(per_year / 365)
        while t < DAYS:
            rows.append((t, src, dst, round(rng.lognormvariate(0, 0.5), 3), "CT"))
            t += rng.expovariate(per_year / 365)
    return rows


def quid_pro_quo(rng, a, b, episodes):
    rows = []
    t = rng.uniform(0, 60)
    for _ in range(episodes):
        src, dst = (a, b) if rng.random() < 0.5 else (b, a)
        v = round(rng.lognormvariate(0, 0.5), 3)
        rows.append((t, src, dst, v, "CT"))
        lag = rng.uniform(1, 10)
        rows.append((t + lag, dst, src, round(v * rng.uniform(0.8, 1.2), 3), "CT"))
        t += lag + rng.uniform(40, 120)
        if t >= DAYS - 20:
            break
    return rows


def files():
    rng = random.Random(20261201)
    four = "SIGINT;HUMINT;CT;MILINT"
    ties = [("source", "target", "weight", "since", "until", "domains", "planted")]
    ties.append(("DIF1", "DIF2", "1", "2015", "", "CT", "relational"))
    ties.append(("QPQ1", "QPQ2", "5", "1950", "", four, "transactional"))
    core = ["CORE%d" % i for i in range(1, 7)]
    for i, a in enumerate(core):
        for b in core[i + 1:]:
            planted = "transactional" if (a, b) == ("CORE1", "CORE2") else "relational"
            ties.append((a, b, "5", "1950", "", four, planted))
    ties.append(("HUB", "CORE1", "3", "1990", "", "SIGINT;CT", ""))
    for i in range(1, 6):
        ties.append(("HUB", "SPK%d" % i, "1", "2008", "2010", "CT", "transactional"))
    ex = []
    ex += diffuse(rng, "DIF1", "DIF2", 24)
    ex += quid_pro_quo(rng, "QPQ1", "QPQ2", 30)
    ex += quid_pro_quo(rng, "CORE1", "CORE2", 30)
    ex += diffuse(rng, "CORE3", "CORE4", 12)
    ex.sort(key=lambda r: (r[0], r[1], r[2]))
    exchanges = [("date", "from", "to", "volume", "domain")] + [(day(t), s, d, "%g" % v, dom) for t, s, d, v, dom in ex]
    return {"ties.csv": ties, "exchanges.csv": exchanges}


def render(rows):
    return "".join(",".join(r) + "\n" for r in rows)


def main():
    check = "--check" in sys.argv[1:]
    bad = False
    for name, rows in files().items():
        path = os.path.join(OUT, name)
        text = render(rows)
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    bad = bad or f.read() != text
            except FileNotFoundError:
                bad = True
        else:
            os.makedirs(OUT, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
    if check and bad:
        print("testdata/planted differs from scripts/planted_typology.py's output", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
