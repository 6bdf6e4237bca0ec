#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Pacing: the walk's title bar shows the section's minutes against its
# plan (its share of the rows that apply) and the workshop's against the
# whole, with an overrun mark; the overview shows every section's time and
# plan.  NEXTSTEPS_NOW holds still within one run, so the time spent is
# seeded in the file between runs, as earlier sittings leave it.
. "$(dirname "$0")/lib.sh"
ns_init

NEXTSTEPS_NOW=1800000000
export NEXTSTEPS_NOW
ns_cli --content "$NS_SMALL" new Pace --minutes 60 --participants "Ann" >/dev/null ||
	ns_fail "cannot create the session"

spent() {
	python3 - "$NS_DB" "$1" <<'PY' || ns_fail "cannot seed the section time"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
sid = c.execute("SELECT id FROM sessions WHERE name = 'Pace'").fetchone()[0]
c.execute("DELETE FROM section_time WHERE session = ?", (sid,))
c.execute("INSERT INTO section_time (session, section_id, seconds) VALUES (?, 'alpha', ?)",
          (sid, int(sys.argv[2])))
c.commit()
PY
}

# Two sections of one row each: 30 minutes of the 60 apiece.
ns_start "" "" "" "" --session Pace
ns_wait_for "0/30 min · 0/60 min, on time"
ns_keys q
ns_wait_for "NS-EXITED-0"

spent 600
ns_start "" "" "" "" --session Pace
ns_wait_for "10/30 min · 10/60 min, 10 behind"
ns_keys 2
ns_wait_for "10/30 min · 10/60 min, 20 ahead"
ns_keys o
ns_wait_for "10/30 min"
ns_wait_for " 0/30 min"
ns_keys q q
ns_wait_for "NS-EXITED-0"

spent 2100
ns_start "" "" "" "" --session Pace
ns_wait_for "35/30 min +5 min · 35/60 min, 5 behind"
ns_keys q
ns_wait_for "NS-EXITED-0"

# The room sees the workshop clock (the stored time) on watch.
ns_start "" "" "" "" watch Pace
ns_wait_for "Workshop clock: 35/60 min, 5 behind"
ns_stop

ns_cli report Pace --format text | grep -q "Time: 35 min spent of 30 planned." ||
	ns_fail "the report has no time against plan"
ns_cli report Pace --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["session"]["planned_minutes"] == 60, d["session"]
s = d["sections"][0]
assert s["seconds"] == 2100 and s["planned_seconds"] == 1800, s
' || ns_fail "the JSON has no planned time"
echo "ok - pace"
