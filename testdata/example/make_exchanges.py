#!/usr/bin/env python3
"""Generate exchanges.csv for the liaison example data set.

Run from anywhere:  python3 testdata/example/make_exchanges.py
It writes exchanges.csv next to this file. The output is deterministic: the
random generator has a fixed seed and no input other than this file is read.

What the rows are (see SOURCES.md, section "Exchanges"):
  * DOCUMENTED: individual transfers that public reporting describes, with the
    date as reported (where only a month is reported the day is set to 01 and
    the note says so). Volumes of documented rows are our ordinal judgement of
    size (1 = one person or one warning, 3 = a major capture or disclosure).
  * Everything else is a STYLISED illustration of a reported pattern, not a
    record of real transfers:
      - specific reciprocity for transactional pairs: episodic bursts in which
        a transfer is answered by the other side within days or weeks with a
        similar volume, and long silences between bursts;
      - diffuse reciprocity for relational pairs: steady independent flows in
        both directions over years, balanced only over the whole period;
      - a little background traffic around the Russian and Chinese hubs and
        the US-Ukraine flow with the reported pause of March 2025.
"""
import csv
import datetime as dt
import os
import random

SEED = 1946
# Volumes are abstract units. The contract adds exchange volumes to a pair's
# bilateral tie weight (scale 1-5), so every volume below is multiplied by
# SCALE to keep a pair's exchanges over the whole period in the same order of
# magnitude as one or two weight points: 0.1 is one ordinary transfer (one
# report, one warning, one detainee), 0.3 a major capture or disclosure.
SCALE = 0.1
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "exchanges.csv")

rng = random.Random(SEED)


def day(s):
    return dt.date.fromisoformat(s)


def rand_date(start, end):
    a, b = day(start), day(end)
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def vol(x):
    return max(0.01, round(x * SCALE, 2))


rows = []  # (date, from, to, volume, domain, note)


def add(date, src, dst, volume, domain, note):
    if isinstance(date, str):
        date = day(date)
    rows.append((date, src, dst, vol(volume), domain, note))


# ------------------------------------------------------------------ documented
DOCUMENTED = [
    ("1988-04-01", "USA", "IRQ", 2, "IMINT",
     "documented (month): US satellite imagery of Iranian positions passed to Iraq before the Fao offensive "
     "of April 1988 (Harris and Aid, Foreign Policy 2013); day not reported, set to 01"),
    ("1995-02-07", "PAK", "USA", 1, "CT",
     "documented: Ramzi Yousef arrested in Islamabad by Pakistani authorities with US agents and handed to the US"),
    ("2001-12-18", "SWE", "EGY", 2, "RENDITION",
     "documented: Sweden expels Ahmed Agiza and Mohammed al-Zery to Egypt on a CIA-chartered aircraft "
     "(UN Committee against Torture, Agiza v. Sweden, 2005)"),
    ("2002-01-01", "USA", "EGY", 1, "RENDITION",
     "documented (approximate): Ibn al-Shaykh al-Libi transferred from US custody to Egypt in early 2002; "
     "day and month approximate"),
    ("2002-03-28", "PAK", "USA", 3, "CT",
     "documented: Abu Zubaydah captured in Faisalabad in a joint Pakistani-US raid and handed to US custody"),
    ("2002-07-01", "USA", "MAR", 1, "RENDITION",
     "documented (month): Binyam Mohamed flown from Pakistan to Morocco in July 2002 (OSJI 2013); "
     "day not reported, set to 01"),
    ("2002-09-11", "PAK", "USA", 2, "CT",
     "documented: Ramzi bin al-Shibh captured in Karachi and handed to US custody"),
    ("2002-10-08", "USA", "SYR", 1, "RENDITION",
     "documented: Maher Arar removed from New York via Jordan to Syria (Arar Commission 2006)"),
    ("2003-02-17", "USA", "EGY", 1, "RENDITION",
     "documented: Hassan Mustafa Osama Nasr (Abu Omar) abducted in Milan and flown to Cairo"),
    ("2003-03-01", "PAK", "USA", 3, "CT",
     "documented: Khalid Sheikh Mohammed captured in Rawalpindi and handed to US custody"),
    ("2003-12-19", "LBY", "USA", 3, "MILINT",
     "documented: Libya announces the end of its WMD programmes after disclosures to US and UK officials; "
     "date of the announcement"),
    ("2003-12-19", "LBY", "GBR", 3, "MILINT",
     "documented: Libya announces the end of its WMD programmes after disclosures to US and UK officials; "
     "date of the announcement"),
    ("2004-03-09", "GBR", "LBY", 1, "RENDITION",
     "documented: Abdel Hakim Belhaj and his wife arrive in Tripoli after rendition from Bangkok with British "
     "involvement; date derived from reporting that the MI6 letter of 18 March 2004 came nine days after arrival"),
    ("2004-03-18", "GBR", "LBY", 1, "HUMINT",
     "documented: MI6 letter to Musa Kusa on Belhaj's 'safe arrival'; UK services sent questions for his "
     "interrogation (Tripoli documents; HRW 2012)"),
    ("2010-10-29", "SAU", "USA", 2, "CT",
     "documented: Saudi tip-off on the AQAP printer-cartridge bombs shipped from Yemen"),
    ("2010-10-29", "SAU", "GBR", 2, "CT",
     "documented: Saudi tip-off on the AQAP printer-cartridge bombs shipped from Yemen"),
    ("2011-03-01", "RUS", "USA", 1, "CT",
     "documented (month): FSB warning to the FBI about Tamerlan Tsarnaev in March 2011; day not reported, set to 01"),
    ("2015-11-17", "MAR", "FRA", 2, "CT",
     "documented (approximate): Moroccan information that helped French police locate Abdelhamid Abaaoud "
     "before the Saint-Denis raid of 18 November 2015; day approximate"),
    ("2017-12-15", "USA", "RUS", 1, "CT",
     "documented (approximate): CIA information that helped the FSB stop a bomb plot in St Petersburg "
     "(Kremlin statement of 17 December 2017); day approximate"),
    ("2024-03-07", "USA", "RUS", 1, "CT",
     "documented: US 'duty to warn' of a planned attack on large gatherings in Moscow before the Crocus City "
     "Hall attack of 22 March 2024; date of the public US embassy alert"),
]
for r in DOCUMENTED:
    add(*r)

# Stylised answers to documented transfers (specific reciprocity).
ANSWERS = [
    # (documented date, answering from, to, domain, note)
    ("2002-03-28", "USA", "PAK", "CT",
     "stylised answer to the documented handover of 2002-03-28: reward and CT support (Musharraf 2006 reports "
     "bounty payments); timing and size illustrative"),
    ("2002-09-11", "USA", "PAK", "CT",
     "stylised answer to the documented handover of 2002-09-11: reward and CT support; timing and size illustrative"),
    ("2003-03-01", "USA", "PAK", "CT",
     "stylised answer to the documented handover of 2003-03-01: reward and CT support; timing and size illustrative"),
    ("2003-12-19", "USA", "LBY", "CT",
     "stylised answer to Libya's WMD disclosure of 2003-12-19: information on exiled LIFG members; "
     "timing and size illustrative"),
    ("2003-12-19", "GBR", "LBY", "CT",
     "stylised answer to Libya's WMD disclosure of 2003-12-19: information on exiled LIFG members; "
     "timing and size illustrative"),
    ("2004-03-18", "LBY", "GBR", "HUMINT",
     "stylised answer to the questions of 2004-03-18: interrogation results returned (the Tripoli documents "
     "describe such exchanges); timing and size illustrative"),
]
doc_index = {}
for r in DOCUMENTED:
    doc_index.setdefault(r[0], []).append(r)
for date, src, dst, domain, note in ANSWERS:
    base = [r for r in doc_index[date] if {r[1], r[2]} == {src, dst}][0]  # volume before SCALE
    add(day(date) + dt.timedelta(days=rng.randint(5, 30)), src, dst, base[3] * rng.uniform(0.85, 1.15),
        domain, note)

# ------------------------------------------------------------------ specific reciprocity (transactional pairs)
# Each burst: (initiator, responder, window start, window end, base volume, domain out, domain back, rounds)
BURSTS = {
    ("USA", "PAK"): [
        ("USA", "PAK", "1981-01-01", "1983-12-31", 2, "MILINT", "HUMINT", 2),
        ("PAK", "USA", "1985-01-01", "1987-12-31", 2, "HUMINT", "MILINT", 2),
        ("PAK", "USA", "2005-01-01", "2006-12-31", 1.5, "CT", "CT", 1),
        ("USA", "PAK", "2008-01-01", "2009-12-31", 1.5, "CT", "CT", 2),
        ("USA", "PAK", "2013-01-01", "2016-12-31", 1, "CT", "CT", 1),
    ],
    ("USA", "JOR"): [
        ("USA", "JOR", "2001-11-01", "2002-03-31", 1, "RENDITION", "HUMINT", 2),
        ("USA", "JOR", "2002-06-01", "2002-12-31", 1, "RENDITION", "HUMINT", 1),
        ("USA", "JOR", "2003-03-01", "2003-09-30", 1, "RENDITION", "HUMINT", 2),
        ("JOR", "USA", "2004-01-01", "2004-12-31", 2, "CT", "CT", 1),
    ],
    ("USA", "EGY"): [
        ("USA", "EGY", "1995-06-01", "1996-12-31", 1, "RENDITION", "HUMINT", 1),
        ("USA", "EGY", "1998-01-01", "1999-12-31", 1, "RENDITION", "HUMINT", 2),
        ("EGY", "USA", "2004-01-01", "2005-12-31", 2, "CT", "CT", 1),
    ],
    ("USA", "LBY"): [
        ("USA", "LBY", "2004-06-01", "2005-06-30", 1, "RENDITION", "HUMINT", 1),
        ("LBY", "USA", "2006-01-01", "2007-12-31", 2, "CT", "CT", 1),
        ("USA", "LBY", "2008-01-01", "2009-12-31", 1.5, "CT", "CT", 1),
    ],
    ("USA", "UZB"): [
        ("USA", "UZB", "2001-11-01", "2002-06-30", 2, "MILINT", "CT", 2),
        ("UZB", "USA", "2003-01-01", "2003-12-31", 1.5, "CT", "CT", 1),
        ("USA", "UZB", "2004-01-01", "2004-12-31", 1, "RENDITION", "HUMINT", 1),
    ],
    ("USA", "YEM"): [
        ("YEM", "USA", "2002-06-01", "2002-12-31", 2, "CT", "CT", 1),
        ("USA", "YEM", "2009-12-01", "2010-12-31", 2, "CT", "CT", 2),
        ("YEM", "USA", "2012-01-01", "2013-12-31", 1.5, "CT", "CT", 1),
    ],
    ("GBR", "LBY"): [
        ("LBY", "GBR", "2005-01-01", "2005-12-31", 1.5, "CT", "CT", 1),
        ("GBR", "LBY", "2007-01-01", "2008-12-31", 1, "CT", "HUMINT", 1),
    ],
}
for (a, b), bursts in BURSTS.items():
    for k, (ini, res, start, end, base, d_out, d_back, rounds) in enumerate(bursts, 1):
        t = rand_date(start, end)
        for r in range(rounds):
            v = base * rng.uniform(0.8, 1.25)
            add(t, ini, res, v, d_out, "stylised: specific reciprocity, %s-%s burst %d, transfer" % (a, b, k))
            t2 = t + dt.timedelta(days=rng.randint(3, 30))
            add(t2, res, ini, v * rng.uniform(0.85, 1.15), d_back,
                "stylised: specific reciprocity, %s-%s burst %d, answer to %s" % (a, b, k, t.isoformat()))
            t = t2 + dt.timedelta(days=rng.randint(5, 40))

# ------------------------------------------------------------------ diffuse reciprocity (relational pairs)
# (a, b, start, end, events per direction, base volume, domains)
DIFFUSE = [
    ("USA", "GBR", "2000-01-01", "2014-12-31", 14, 1, ["SIGINT", "SIGINT", "HUMINT", "CT", "IMINT"]),
    ("USA", "CAN", "2003-01-01", "2014-12-31", 10, 1, ["SIGINT", "CT", "HUMINT"]),
    ("USA", "AUS", "2003-01-01", "2014-12-31", 11, 1, ["SIGINT", "IMINT", "MILINT", "CT"]),
    ("GBR", "AUS", "2004-01-01", "2014-12-31", 9, 0.8, ["SIGINT", "HUMINT", "CT"]),
    ("AUS", "NZL", "2004-01-01", "2014-12-31", 9, 0.6, ["SIGINT", "CT", "MILINT"]),
    ("DNK", "SWE", "2000-01-01", "2014-12-31", 5, 0.6, ["SIGINT"]),
]
for a, b, start, end, n, base, domains in DIFFUSE:
    fwd = [(rand_date(start, end), base * rng.uniform(0.4, 1.6), rng.choice(domains)) for _ in range(n)]
    back = [(rand_date(start, end), base * rng.uniform(0.4, 1.6), rng.choice(domains)) for _ in range(n)]
    # balance only over the whole period: scale one direction so the totals end up within about 10 %
    scale = sum(v for _, v, _ in fwd) / sum(v for _, v, _ in back) * rng.uniform(0.9, 1.1)
    for t, v, d in fwd:
        add(t, a, b, v, d, "stylised: diffuse reciprocity, %s-%s steady flow" % (a, b))
    for t, v, d in back:
        add(t, b, a, v * scale, d, "stylised: diffuse reciprocity, %s-%s steady flow" % (a, b))

# ------------------------------------------------------------------ US-Ukraine flow with the March 2025 pause
pause_start, pause_end = day("2025-03-05"), day("2025-03-10")
t = day("2022-03-01")
while t <= day("2025-06-30"):
    if not (pause_start <= t <= pause_end):
        add(t, "USA", "UKR", rng.uniform(0.8, 1.6), rng.choice(["MILINT", "IMINT", "SIGINT"]),
            "stylised: wartime flow (no transfers during the reported pause of 5-10 March 2025)")
    t += dt.timedelta(days=rng.randint(45, 80))
add("2025-03-12", "USA", "UKR", 1.5, "MILINT", "stylised: first transfer after the pause was lifted on 11 March 2025")
for s in ("2022-09-01", "2023-06-01", "2024-02-01", "2024-10-01"):
    add(rand_date(s, (day(s) + dt.timedelta(days=90)).isoformat()), "UKR", "USA", rng.uniform(0.4, 1.0),
        "MILINT", "stylised: battlefield information returned to the US")

# ------------------------------------------------------------------ background traffic around the RUS and CHN hubs
BACKGROUND = [
    ("RUS", "KAZ", "2005-01-01", "2014-12-31", 3, 1, "CT"),
    ("KAZ", "RUS", "2005-01-01", "2014-12-31", 2, 1, "CT"),
    ("RUS", "BLR", "2005-01-01", "2014-12-31", 3, 1.5, "HUMINT"),
    ("BLR", "RUS", "2005-01-01", "2014-12-31", 3, 1.5, "HUMINT"),
    ("CHN", "PAK", "2005-01-01", "2014-12-31", 2, 2, "MILINT"),
    ("PAK", "CHN", "2005-01-01", "2014-12-31", 2, 1.5, "CT"),
]
for src, dst, start, end, n, base, domain in BACKGROUND:
    for _ in range(n):
        add(rand_date(start, end), src, dst, base * rng.uniform(0.6, 1.4), domain,
            "stylised: background traffic around the %s hub" % ("RUS" if "RUS" in (src, dst) else "CHN"))

# ------------------------------------------------------------------ write
rows.sort(key=lambda r: (r[0], r[1], r[2], r[5]))
with open(OUT, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["date", "from", "to", "volume", "domain", "note"])
    for d, src, dst, v, domain, note in rows:
        w.writerow([d.isoformat(), src, dst, ("%g" % v), domain, note])
print("wrote %d rows to %s" % (len(rows), OUT))
