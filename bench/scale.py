#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
"""scale.py BUILD_DIR DB_DIR COUNT... - what one session costs as the file
grows, through the real binary, on the databases DB_DIR/sCOUNT.db that
bench/run.sh filled (bench/gen-db fill).  Medians of 7 runs.

- the walk's first screen with --session, and quitting it (pseudo-terminal
  of 80x24, clock frozen);
- the text report of one session;
- merging one session (a new one, newer than every session here, from a
  file of its own; each run merges another);
- `list` and the portfolio, which read every session: their cost per
  thousand sessions is stated.

Budgets, checked when the largest COUNT is at least 20,000 (`make
bench-large`): one session's figures at the largest count are at most 1.3
times those at 2,000; `list` and the portfolio grow no faster than the file
(cost per session at the largest count at most 1.3 times that at 2,000).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from termbytes import Session  # noqa: E402

RUNS = 7
FROZEN = {"NEXTSTEPS_NOW": "1767225600"}
NAME = "Camden workshop 0000"


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def cli_ms(argv):
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        times.append((time.perf_counter() - t0) * 1000.0)
    return median(times)


def walk_ms(binary, db):
    """(first screen, quit) in ms: to the first screen's last byte, and from
    q to the process's exit."""
    first, leave = [], []
    for _ in range(RUNS):
        s = Session([binary, "--db", db, "--session", NAME], 24, 80, "xterm-256color",
                    env=FROZEN)
        first.append(s.startup()[1] * 1000.0)
        leave.append(s.wait_exit("q") * 1000.0)
    return median(first), median(leave)


def merge_ms(binary, gen, db, tmp, count):
    """Each run merges a different one-session file, so each adds one."""
    times = []
    for i in range(RUNS):
        other = os.path.join(tmp, "merge-%d-%d.db" % (count, i))
        subprocess.run([gen, "fill", other, "1", str(1000000 + i)], check=True,
                       stdout=subprocess.DEVNULL)
        t0 = time.perf_counter()
        subprocess.run([binary, "--db", db, "merge", other], check=True,
                       stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t0) * 1000.0)
    return median(times)


def measure(binary, gen, db, tmp, count):
    r = {}
    r["first"], r["quit"] = walk_ms(binary, db)
    r["report"] = cli_ms([binary, "--db", db, "report", NAME])
    r["list"] = cli_ms([binary, "--db", db, "list"])
    r["portfolio"] = cli_ms([binary, "--db", db, "report", "--portfolio"])
    r["merge"] = merge_ms(binary, gen, db, tmp, count)
    return r


ONE = [("the walk's first screen (`--session`)", "first"),
       ("quitting the walk", "quit"),
       ("one session's text report", "report"),
       ("merging one session", "merge")]
ALL = [("`list`", "list"), ("`report --portfolio`", "portfolio")]


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 64
    build, dbdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    counts = [int(c) for c in sys.argv[3:]]
    binary, gen = os.path.join(build, "tui/nextsteps"), os.path.join(build, "bench/gen-db")
    tmp = tempfile.mkdtemp()
    res = {}
    try:
        for c in counts:
            res[c] = measure(binary, gen, os.path.join(dbdir, "s%d.db" % c), tmp, c)
    finally:
        shutil.rmtree(tmp)
    head = " | ".join("%d session%s" % (c, "" if c == 1 else "s") for c in counts)
    print("| measure | %s | largest / 2,000 |" % head)
    print("|---|%s---:|" % ("---:|" * len(counts)))
    big = counts[-1]
    for label, key in ONE + ALL:
        cells = " | ".join("%.1f ms" % res[c][key] for c in counts)
        ratio = ("%.2f" % (res[big][key] / res[2000][key])
                 if 2000 in res and big > 2000 else "-")
        print("| %s | %s | %s |" % (label, cells, ratio))
    print()
    for label, key in ALL:
        per = ["%.1f ms per 1,000 sessions at %d" % ((res[c][key] - res[counts[0]][key])
                                                    * 1000.0 / (c - counts[0]), c)
               for c in counts if c > counts[0]]
        print("- %s: %s." % (label, "; ".join(per)))
    bad = []
    if big >= 20000 and 2000 in res:
        for label, key in ONE:
            if res[big][key] > 1.3 * res[2000][key]:
                bad.append("%s at %d costs %.2fx its cost at 2,000"
                           % (key, big, res[big][key] / res[2000][key]))
        for label, key in ALL:
            if res[big][key] / big > 1.3 * res[2000][key] / 2000:
                bad.append("%s grows faster than the file" % key)
        print()
        print("budgets missed: " + ("; ".join(bad) if bad else "none"))
    else:
        print()
        print("(the scale budgets are checked at 20,000 sessions: make bench-large)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
