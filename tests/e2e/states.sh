#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A row is not reached yet, parked (z on the walk), agreed or not
# applicable, and the walk, the text report and CSV say the same word.
# Due dates are typed YYYY-MM-DD or DD/MM/YYYY, stored YYYY-MM-DD and
# shown "31 Jan 2027"; a date already past is saved with a warning.
. "$(dirname "$0")/lib.sh"
ns_init

# 15 Jan 2027, 08:00 UTC: the clock the past-date warning reads.
NEXTSTEPS_NOW=1800000000
export NEXTSTEPS_NOW

ns_cli --content "$NS_SMALL" new States --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
# Wide enough for the hint bar to name the park key (at 80 columns the
# help, ?, does).
ns_start 110 "" "" "" --session States
ns_wait_for "Alpha row one"
ns_wait_for "[not reached yet]"
ns_wait_for "z park"

ns_keys z
ns_wait_for "Saved: parked, to come back to."
ns_wait_for "[parked]"

csv_has States row_id=alpha-one participant= stage_id= state=parked
csv_has States row_id=beta-one participant= stage_id= state=not_reached
ns_cli report States --format text | grep -q "Agreed stage: parked" ||
	ns_fail "the report does not say parked"
ns_cli report States --format text | grep -q "Agreed stage: not reached yet" ||
	ns_fail "the report does not say not reached yet"

python3 - "$NS_DB" <<'PY' || ns_fail "answers_v does not say parked"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
got = c.execute("SELECT state FROM answers_v WHERE row_id = 'alpha-one'"
                " AND participant IS NULL").fetchall()
assert got == [("parked",)], got
PY

ns_keys z
ns_wait_for "Saved: unparked; the row is not reached yet."
ns_wait_for "[not reached yet]"

# A due date the British way, shown in words, stored as YYYY-MM-DD.
ns_keys a
ns_wait_for "Actions: Alpha row one"
ns_keys a
ns_wait_for "Add an action"
ns_type "Book the room"
ns_keys Tab
ns_type "Ann"
ns_keys Tab
ns_type "31/01/2027"
ns_keys Enter
ns_wait_for "Saved: action added."
ns_wait_for "Ann, 31 Jan 2027"
csv_has --table actions States row_id=alpha-one "text=Book the room" owner=Ann \
	due=2027-01-31

# A date already past: saved, with a warning.
ns_keys a
ns_wait_for "Add an action"
ns_type "Ring the practices"
ns_keys Tab Tab
ns_type "2027-01-10"
ns_keys Enter
ns_wait_for "Saved: action added; note the due date 10 Jan 2027 has passed."
ns_wait_for "10 Jan 2027"
exit 0
