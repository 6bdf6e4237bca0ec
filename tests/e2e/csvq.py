#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
"""csvq.py - asks a CSV export a question, reading it with Python's csv as
an analyst's program would (strict RFC 4180, UTF-8).

    csvq.py FILE [--none | --count N] COND...

COND is COLUMN=VALUE (the cell is VALUE exactly) or COLUMN~TEXT (the cell
holds TEXT).  Exit 0 when some record meets every COND (--none: when no
record does; --count N: when exactly N do); otherwise exit 1 with the
question and the records on standard output.  A column the header lacks
is an error (exit 2), so a misspelt question can never pass by matching
nothing."""
import csv
import sys


def parse(cond):
    for i, ch in enumerate(cond):
        if ch in "=~":
            return cond[:i], ch, cond[i + 1:]
    sys.exit("csvq: condition %r is neither COLUMN=VALUE nor COLUMN~TEXT" % cond)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit("usage: csvq.py FILE [--none | --count N] COND...")
    path, args = args[0], args[1:]
    want = None                         # None: at least one
    if args[:1] == ["--none"]:
        want, args = 0, args[1:]
    elif args[:1] == ["--count"]:
        want, args = int(args[1]), args[2:]
    conds = [parse(c) for c in args]
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, strict=True)
        rows = list(reader)
        header = reader.fieldnames or []
    for col, _, _ in conds:
        if col not in header:
            print("csvq: no column %r in %s" % (col, ",".join(header)))
            sys.exit(2)
    hits = sum(1 for r in rows
               if all((r[c] == v) if op == "=" else (v in r[c])
                      for c, op, v in conds))
    if (hits > 0) if want is None else (hits == want):
        return
    print("%d record(s) with %s, expected %s; the records:" %
          (hits, " ".join(args), "some" if want is None else want))
    same = {"session_id", "type", "date", "matrix_id", "matrix_version"}
    for r in rows:
        print("  " + ",".join("%s=%s" % (k, v) for k, v in r.items()
                              if v and k not in same))
    sys.exit(1)


main()
