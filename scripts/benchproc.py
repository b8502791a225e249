"""Timing a command the way every comparison script here does: under /usr/bin/time -v, with
the CPUs that other processes kept busy meanwhile (from /proc/stat). Imported by
bench_analysis.py and bench_load.py (run from any folder: Python puts this one on the path)."""
import os
import subprocess
import sys


def cpu_busy():
    """CPU seconds spent by every process on the machine so far (from /proc/stat)."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]] + [0] * 8
        return (v[0] + v[1] + v[2] + v[5] + v[6]) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def timed(cmd, tmp, name):
    """Runs cmd under /usr/bin/time -v (its output in tmp/name.*) and returns wall, user, sys,
    cpu (user + sys), peak_mib, other_cpus (average CPUs busy with other processes during the
    run), stdout and stderr. A failing command ends the script with its stderr's tail."""
    tv = os.path.join(tmp, name + ".time")
    out = os.path.join(tmp, name + ".stdout")
    err = os.path.join(tmp, name + ".stderr")
    b0 = cpu_busy()
    with open(out, "w") as fo, open(err, "w") as fe:
        r = subprocess.run(["/usr/bin/time", "-v", "-o", tv] + cmd, stdout=fo, stderr=fe)
    b1 = cpu_busy()
    if r.returncode != 0:
        with open(err) as f:
            sys.exit(f"{' '.join(cmd)} failed (exit {r.returncode}):\n{f.read()[-3000:]}")
    info = {}
    with open(tv) as f:
        for line in f:
            k, _, v = line.strip().rpartition(": ")
            info[k] = v
    h = info["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(h)))
    user, system = float(info["User time (seconds)"]), float(info["System time (seconds)"])
    with open(out) as f:
        stdout = f.read()
    with open(err) as f:
        stderr = f.read()
    return {"wall": wall, "user": user, "sys": system, "cpu": user + system,
            "peak_mib": int(info["Maximum resident set size (kbytes)"]) / 1024,
            "other_cpus": max(0.0, (b1 - b0) - user - system) / wall if wall > 0 else 0.0,
            "stdout": stdout, "stderr": stderr}
