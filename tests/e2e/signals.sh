#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Signals and the terminal: SIGTERM, SIGINT, SIGPIPE, SIGQUIT, SIGUSR1 and
# the other signals that would end the program, and a crash (SIGSEGV) each
# leave the terminal sane -- off the alternate screen, cursor shown -- and
# the data whole (suspend.sh does Ctrl-Z).
. "$(dirname "$0")/lib.sh"
ns_init

# The pane's screen mode and cursor (lib.sh), by short names.
wait_alt() {
	ns_wait_alt "$1"
}

cursor() {
	ns_cursor
}

ns_cli --content "$NS_SMALL" new Sig --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"

# Each of these ends the program at once, restores the terminal, and keeps
# the answer given just before.
stage=1
for sig in TERM INT PIPE; do
	ns_start "" "" "" "" --session Sig
	ns_wait_for "Alpha row one"
	wait_alt 1
	ns_keys "$stage"
	ns_wait_for "agreed."
	kill -"$sig" "$(ns_pid)"
	ns_wait_for "NS-EXITED-"
	wait_alt 0
	[ "$(cursor)" = 1 ] || ns_fail "SIG$sig left the cursor hidden"
	csv_has Sig row_id=alpha-one participant= stage_number="$stage" state=agreed
	echo "ok - SIG$sig restores the terminal and keeps the answer"
	stage=$((stage % 3 + 1))
done

# Every other signal whose default action would end the program does the
# same, and saves the note being typed (Ctrl-\\ sends SIGQUIT from the
# keyboard; the rest come from kill).
for sig in QUIT USR1 USR2 ALRM VTALRM XCPU HUP; do
	ns_start "" "" "" "" --session Sig
	ns_wait_for "Alpha row one"
	wait_alt 1
	ns_keys n
	ns_wait_for "Esc"
	ns_type "+$sig"
	ns_wait_for "+$sig"
	kill -"$sig" "$(ns_pid)"
	ns_wait_for "NS-EXITED-"
	wait_alt 0
	[ "$(cursor)" = 1 ] || ns_fail "SIG$sig left the cursor hidden"
	csv_has Sig row_id=alpha-one participant= "note~+$sig"
	echo "ok - SIG$sig restores the terminal and saves the note"
done

# A crash in the screen code: the terminal is restored before the process
# dies of the signal.
ns_start "" "" "" "" --session Sig
ns_wait_for "Alpha row one"
wait_alt 1
kill -SEGV "$(ns_pid)"
ns_wait_for "NS-EXITED-139"
wait_alt 0
[ "$(cursor)" = 1 ] || ns_fail "the crash left the cursor hidden"
echo "ok - a crash restores the terminal"

# A save that fails on the way out (the file locked by another program as
# the program is told to stop) is reported on the terminal, not lost
# silently.
cat > "$NS_DIR/lock.py" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(6)
PY
NEXTSTEPS_BUSY_TIMEOUT=300
export NEXTSTEPS_BUSY_TIMEOUT
ns_start "" "" "" "" --session Sig
ns_wait_for "Alpha row one"
ns_keys n
ns_wait_for "Esc"
ns_type "precious words"
python3 "$NS_DIR/lock.py" "$NS_DB" "$NS_DIR/locked" &
lock=$!
while [ ! -e "$NS_DIR/locked" ]; do sleep 0.05; done
kill -TERM "$(ns_pid)"
ns_wait_for "NS-EXITED-143"
ns_wait_for "Not saved"
kill "$lock" 2>/dev/null
wait "$lock" 2>/dev/null
unset NEXTSTEPS_BUSY_TIMEOUT
echo "ok - a save that fails on the way out is reported"
