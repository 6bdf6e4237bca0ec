#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# plain_resume.sh - the full screen resumes where the line mode left off,
# and the other way round.
. "$(dirname "$0")/lib.sh"
ns_init

first_row() {   # the first "Row N of M" heading the line mode printed
	grep '^Row [0-9]* of [0-9]*:' "$NS_DIR/out" | head -n 1
}

ns_cli --content "$NS_SMALL" new "Camden 2026" >/dev/null || ns_fail "cannot create the session"
# Enter moves the line mode on to row 2, then the input ends.
printf '\n' | ns_cli --plain --session "Camden 2026" >"$NS_DIR/out" 2>&1 ||
	ns_fail "the line mode failed: $(cat "$NS_DIR/out")"
grep -F -q "Row 2 of 2: Beta row one" "$NS_DIR/out" || ns_fail "Enter did not move on"

ns_start "" "" "" "" --session "Camden 2026"
ns_wait_for "Beta row one"
ns_keys k
ns_wait_for "Alpha row one"
ns_keys q
ns_wait_for "NS-EXITED-0"

ns_cli --plain --session "Camden 2026" </dev/null >"$NS_DIR/out" 2>&1 ||
	ns_fail "the line mode failed: $(cat "$NS_DIR/out")"
[ "$(first_row)" = "Row 1 of 2: Alpha row one" ] ||
	ns_fail "the line mode did not resume at the full screen's row: $(first_row)"
echo "ok - the line mode and the full screen resume at each other's row"
