#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
"""matrix_size.py NEXTSTEPS_BINARY [ROWS...] - how a key's cost and a
line-mode walk grow with the matrix, on generated matrices whose rows are
all in one section (default 100, 1000 and 10000 rows).

- A key: the time from sending it to the last byte it causes, in a
  pseudo-terminal of 80x24, over 10 pairs of "agree Build" (2) and
  "next row" (j); median and mean.
- A line-mode walk: every row agreed and moved on from (--plain, input
  piped), wall time divided by the rows.

Budgets: a key in the largest section costs at most twice what it costs
in the smallest; a line-mode walk's time per row at the largest size is at
most twice that at the middle one.  Times, not bytes: other work on the
machine moves them, and the ratios are what is checked.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from termbytes import Session  # noqa: E402

FROZEN = {"NEXTSTEPS_NOW": "1767225600"}
PAIRS = 10


def write_matrix(path, n):
    """One section of n rows, each with three descriptors of realistic length."""
    rows = []
    for i in range(n):
        rows.append(
            '      { id = "row-%d"; title = "Row %d of the bench matrix"; descriptors = ('
            ' "Row %d start: the practices talk about it but nothing is written down yet.",'
            ' "Row %d build: a written plan is agreed and reviewed at the board.",'
            ' "Row %d enhance: the plan shapes budgets and is reviewed with every'
            ' practice." ); }' % (i, i, i, i, i))
    with open(path, "w") as f:
        f.write('matrix:\n{\n  id = "bench-%d";\n  title = "Bench matrix of %d rows";\n'
                '  version = "1";\n  source = "nextsteps bench";\n' % (n, n))
        f.write('  stages = ( { id = "start"; label = "Start"; },'
                ' { id = "build"; label = "Build"; },'
                ' { id = "enhance"; label = "Enhance"; } );\n')
        f.write('  sections = ( {\n    id = "only";\n    title = "One long section";\n'
                '    intro = "Every row of the bench matrix is in this one section.";\n'
                '    rows = (\n')
        f.write(",\n".join(rows))
        f.write('\n    ); } );\n};\n')


def new_session(binary, db, cfg, name):
    subprocess.run([binary, "--db", db, "--content", cfg, "new", name,
                    "--participants", "Dr Shah,Ms Okafor"],
                   check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, **FROZEN))


def key_costs(binary, db, cfg):
    s = Session([binary, "--db", db, "--content", cfg, "--session", "keys"],
                24, 80, "xterm-256color", env=FROZEN)
    s.startup()
    times = []
    for _ in range(PAIRS):
        times.append(s.key_time("2"))
        times.append(s.key_time("j"))
    s.close(quit_keys="q")
    return times


def plain_walk(binary, db, cfg, n):
    feed = "2\n\n" * n + "q\n"
    env = dict(os.environ, COLUMNS="80", TERM="dumb", **FROZEN)
    t0 = time.perf_counter()
    subprocess.run([binary, "--db", db, "--content", cfg, "--plain", "--session", "walk"],
                   input=feed.encode(), stdout=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - t0


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 64
    binary = os.path.abspath(sys.argv[1])
    sizes = [int(a) for a in sys.argv[2:]] or [100, 1000, 10000]
    tmp = tempfile.mkdtemp()
    res = {}
    try:
        for n in sizes:
            cfg = os.path.join(tmp, "m%d.cfg" % n)
            db = os.path.join(tmp, "m%d.db" % n)
            write_matrix(cfg, n)
            new_session(binary, db, cfg, "keys")
            new_session(binary, db, cfg, "walk")
            keys = key_costs(binary, db, cfg)
            walk = plain_walk(binary, db, cfg, n)
            res[n] = {"median": statistics.median(keys) * 1000.0,
                      "mean": statistics.mean(keys) * 1000.0,
                      "walk": walk, "per_row": walk / n * 1000.0}
    finally:
        shutil.rmtree(tmp)
    print("| rows in the section | key, median | key, mean | line-mode walk | per row |")
    print("|---:|---:|---:|---:|---:|")
    for n in sizes:
        r = res[n]
        print("| %d | %.1f ms | %.1f ms | %.2f s | %.2f ms |"
              % (n, r["median"], r["mean"], r["walk"], r["per_row"]))
    bad = []
    small, large = sizes[0], sizes[-1]
    key_ratio = res[large]["median"] / res[small]["median"]
    print()
    print("key at %d rows / at %d rows: %.1fx (budget <= 2)" % (large, small, key_ratio))
    if key_ratio > 2:
        bad.append("a key at %d rows costs %.1fx what it costs at %d" % (large, key_ratio, small))
    if len(sizes) >= 3:
        mid = sizes[-2]
        walk_ratio = res[large]["per_row"] / res[mid]["per_row"]
        print("line-mode walk per row at %d rows / at %d rows: %.1fx (budget <= 2)"
              % (large, mid, walk_ratio))
        if walk_ratio > 2:
            bad.append("a line-mode row at %d rows costs %.1fx what it costs at %d"
                       % (large, walk_ratio, mid))
    print()
    print("budgets missed: " + ("; ".join(bad) if bad else "none"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
