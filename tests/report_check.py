#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
"""report_check.py - reads back the exports of tests/test_report.c with real
parsers: `csv FILE RECORDS` and `json FILE ROWS`, as many of them as are
given (one run checks many files).  Exit 0 when every file is valid;
otherwise a one-line reason on stderr and exit 1."""
import csv
import io
import json
import sys

HEADER = ["session_id", "session", "organisation", "type", "date", "matrix_id",
          "matrix_version", "section_id", "row_id", "participant",
          "stage_number", "stage_id", "stage_label", "state", "when", "note"]
STATES = {"agreed", "vote", "dont_know", "not_applicable", "parked", "not_reached"}


CURRENT = []                            # the file being checked


def fail(why):
    sys.stderr.write("report_check: %s\n" % ": ".join(CURRENT + [why]))
    sys.exit(1)


def check_csv(raw, records):
    text = raw.decode("utf-8")          # strict: invalid UTF-8 fails
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if rows[0] != HEADER:
        fail("header is %r" % rows[0])
    for r in rows[1:]:
        if len(r) != len(HEADER):
            fail("record with %d fields: %r" % (len(r), r))
        r = dict(zip(HEADER, r))
        if r["state"] not in STATES:
            fail("bad state %r" % r["state"])
        if (r["participant"] == "") != (r["state"] not in ("vote", "dont_know")):
            fail("participant/state mismatch: %r" % r)
        if (r["stage_id"] == "") != (r["stage_number"] == ""):
            fail("stage_id/stage_number mismatch: %r" % r)
        if r["participant"] and r["note"]:
            fail("a note on a vote's line: %r" % r)
    if len(rows) - 1 != records:
        fail("%d records, expected %d" % (len(rows) - 1, records))
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    if out.getvalue() != text:          # RFC 4180 quoting and CRLF exactly
        fail("not minimal RFC 4180 (CRLF, quoting) on round trip")


def check_json(raw, n_rows):
    doc = json.loads(raw.decode("utf-8"))
    for key in ("session", "matrix", "participants", "sections", "previous"):
        if key not in doc:
            fail("missing %s" % key)
    for key in ("id", "name", "organisation", "type", "facilitator",
                "created", "updated"):
        if not isinstance(doc["session"].get(key), str):
            fail("session.%s" % key)
    stage_ids = {s["id"] for s in doc["matrix"]["stages"]}
    count = 0
    for sec in doc["sections"]:
        for row in sec["rows"]:
            count += 1
            if row["agreed"] is not None and row["agreed"]["id"] not in stage_ids:
                fail("agreed stage %r" % row["agreed"])
            for v in row["votes"]:
                if v["vote"] != "dont_know" and v["vote"] not in stage_ids:
                    fail("vote %r" % v)
                if v["participant"] not in doc["participants"]:
                    fail("voter %r" % v["participant"])
            for a in row["actions"]:
                if not isinstance(a["done"], bool):
                    fail("action %r" % a)
    if count != n_rows:
        fail("%d rows, expected %d" % (count, n_rows))


def main():
    args = sys.argv[1:]
    if not args or len(args) % 3 != 0:
        fail("usage: report_check.py csv|json FILE COUNT [csv|json FILE COUNT]...")
    for kind, path, count in zip(args[0::3], args[1::3], args[2::3]):
        CURRENT[:] = [path]
        with open(path, "rb") as f:
            raw = f.read()
        try:
            (check_csv if kind == "csv" else check_json)(raw, int(count))
        except (ValueError, KeyError, TypeError, csv.Error) as e:
            fail("%s: %s" % (type(e).__name__, e))


main()
