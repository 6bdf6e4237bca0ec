#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Reports from the screens: `p` writes next to the database, `P` asks for a
# file name, never replacing a file without asking and never writing
# through a planted symlink; --kiosk takes no path from the user at all.
. "$(dirname "$0")/lib.sh"
ns_init

ns_small "Kiosk Day"
report="$NS_DIR/Kiosk-Day.txt"

# --kiosk: no database path on screen, no file name asked for.  A lock
# held by another process gives up quickly.
NEXTSTEPS_BUSY_TIMEOUT=300
export NEXTSTEPS_BUSY_TIMEOUT
ns_start "" "" "" "" --kiosk
ns_wait_for "Sessions (1)"
ns_screen | grep -F -q "$NS_DIR" && ns_fail "--kiosk shows the database path"
ns_keys Enter
ns_wait_for "Alpha row one"
ns_keys P
ns_wait_for "With --kiosk the report goes next to the database"
ns_screen | grep -F -q "Write the report" && ns_fail "--kiosk opened a file-name form"
ns_keys p
ns_wait_for "Report written to"
[ -s "$report" ] || ns_fail "p wrote no report next to the database"
grep -q "Kiosk Day" "$report" || ns_fail "the report is not the session's"
echo "ok - --kiosk writes next to the database and takes no path"

names_no_path() {   # names_no_path TEXT WHAT: the screen shows TEXT, no path
	shown=$(ns_screen)
	printf '%s\n' "$shown" | grep -F -q "$1" || ns_fail "--kiosk does not name $2"
	printf '%s\n' "$shown" | grep -F -q "$NS_DIR" && ns_fail "--kiosk shows the path of $2"
	return 0
}

# --kiosk names files, never their paths: the written report, the
# question before replacing it, and a store error about the database.
names_no_path "Report written to Kiosk-Day.txt" "the report it wrote"
ns_keys p
ns_wait_for "exists: replace it?"
names_no_path "Kiosk-Day.txt exists: replace it?" "the file it would replace"
ns_keys n
ns_wait_for "Cancelled"
if command -v python3 >/dev/null 2>&1; then
	# Another process holds the write lock while the room agrees a stage.
	python3 - "$NS_DB" "$NS_DIR/locked" "$NS_DIR/unlock" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
for _ in range(200):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.05)
db.execute("COMMIT")
PY
	locker=$!
	i=0
	while [ ! -e "$NS_DIR/locked" ] && [ "$i" -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ -e "$NS_DIR/locked" ] || ns_fail "the test could not lock the database"
	ns_keys 1
	ns_wait_for "database is locked"
	shown=$(ns_screen)
	: > "$NS_DIR/unlock"
	wait "$locker"
	printf '%s\n' "$shown" | grep -F -q "Not saved: test.db: database is locked" ||
		ns_fail "--kiosk does not name the database that is locked"
	printf '%s\n' "$shown" | grep -F -q "$NS_DIR" && ns_fail "--kiosk shows the database's path"
fi
echo "ok - --kiosk shows file names, never paths"
ns_keys q
ns_wait_for "NS-EXITED-0"

# Without --kiosk, P takes a file name; an existing file is never replaced
# without a yes.
ns_start "" "" "" "" --session "Kiosk Day"
ns_wait_for "Alpha row one"
ns_keys P
ns_wait_for "Write the report"
ns_keys C-u
ns_type "$NS_DIR/chosen.txt"
ns_keys Enter
ns_wait_for "Report written to"
[ -s "$NS_DIR/chosen.txt" ] || ns_fail "P did not write the named file"
echo "keep me" > "$NS_DIR/chosen.txt"
ns_keys P
ns_wait_for "Write the report"
ns_keys C-u
ns_type "$NS_DIR/chosen.txt"
ns_keys Enter
ns_wait_for "exists: replace it?"
ns_keys n
ns_wait_for "Cancelled."
[ "$(cat "$NS_DIR/chosen.txt")" = "keep me" ] || ns_fail "a file was replaced without a yes"
echo "ok - P writes a named file and asks before replacing one"

# A symlink planted where the report goes is never followed.
rm -f "$report"
echo "precious" > "$NS_DIR/target"
ln -s "$NS_DIR/target" "$report"
ns_keys p
ns_wait_for "exists: replace it?"
ns_keys y
ns_wait_for "is a symbolic link"
[ "$(cat "$NS_DIR/target")" = "precious" ] || ns_fail "the report went through a symlink"
echo "ok - a planted symlink is refused"
ns_keys q
ns_wait_for "NS-EXITED-0"
