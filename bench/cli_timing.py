#!/usr/bin/env python3
"""cli_timing.py BUILD_DIR [SESSIONS] - list, report and opening a session
through the real command line, on a database of one session and on one of
SESSIONS, in the same run.  Their cost should follow one session, not the
file: the ratio column says how far it does.  Medians of 7 runs."""
import os
import subprocess
import sys
import tempfile
import time


def median_ms(argv, runs=7):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    return times[len(times) // 2]


def main():
    build = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    gen, binary = os.path.join(build, "bench/gen-db"), os.path.join(build, "tui/nextsteps")
    subprocess.run(["make", "-C", build, "bench/gen-db"], check=True,
                   stdout=subprocess.DEVNULL)
    tmp = tempfile.mkdtemp()
    dbs = {"1": os.path.join(tmp, "one.db"), str(n): os.path.join(tmp, "many.db")}
    for count, path in dbs.items():
        subprocess.run([gen, "fill", path, count], check=True, stdout=subprocess.DEVNULL)
    name = "Camden workshop 0000"
    cases = [
        ("every session", ["list"]),
        ("one session, text", ["report", name]),
        ("one session, CSV", ["report", name, "--format", "csv"]),
        ("one session, JSON", ["report", name, "--format", "json"]),
        ("the latest session", ["report"]),
        ("latest of each organisation", ["report", "--portfolio"]),
    ]
    print("| command | 1 session | %d sessions | ratio |" % n)
    print("|---|---:|---:|---:|")
    for label, args in cases:
        one = median_ms([binary, "--db", dbs["1"]] + args)
        many = median_ms([binary, "--db", dbs[str(n)]] + args)
        print("| %s: `nextsteps %s` | %.1f ms | %.1f ms | %.2f |"
              % (label, " ".join(args), one, many, many / one))
    for p in dbs.values():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(p + suffix):
                os.remove(p + suffix)
    os.rmdir(tmp)


if __name__ == "__main__":
    main()
