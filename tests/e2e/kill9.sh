#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# kill -9 in the middle of a walk: reopening shows every answer given and
# the same section and row.  Then SIGHUP (a dropped SSH link) exits at
# once and keeps everything too.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Crash --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
ns_start "" "" "" "" --session Crash
ns_wait_for "Alpha row one"
ns_keys 1
ns_wait_for "Saved: Start agreed."
ns_keys v 3
ns_wait_for "Saved: vote recorded."
ns_keys q j
ns_wait_for "Beta row one"
ns_keys 2
ns_wait_for "Saved: Build agreed."
pid=$(ns_pid)
[ -n "$pid" ] || ns_fail "no process"
kill -9 "$pid"
ns_wait_for "NS-EXITED-137"

ns_start "" "" "" "" --session Crash
ns_wait_for "Beta row one"
ns_wait_for "[agreed: Build]"
ns_wait_for "2/2 answered"
ns_keys k
ns_wait_for "[agreed: Start]"
ns_wait_for "Start 0  Build 0  Enhance 1"

# A hang-up ends the program cleanly, with the position kept.
kill -HUP "$(ns_pid)"
ns_wait_for "NS-EXITED-"
ns_start "" "" "" "" --session Crash
ns_wait_for "Alpha row one"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - kill9"
