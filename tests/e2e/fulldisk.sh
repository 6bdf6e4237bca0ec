#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A full disk: opening says "disk full" in one line, and a "Not saved:
# disk full" on the screen is replaced by "Saved" as soon as a save works
# again.  The disk is a small tmpfs (root only; SKIP where it cannot be
# mounted).
. "$(dirname "$0")/lib.sh"
ns_init

mnt=$NS_DIR/mnt
mkdir "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=1m tmpfs "$mnt" 2>/dev/null; then
	echo "cannot mount a small tmpfs here (needs root)"
	exit 77
fi
trap 'ns_stop; umount "$mnt" 2>/dev/null; rm -rf "$NS_DIR"' EXIT

n=0
ok() {
	n=$((n + 1))
	echo "ok $n - $*"
}

fill() {
	dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null
	sync
}

# Opening a new database on a full disk.
fill
"$NEXTSTEPS_BIN" --db "$mnt/new.db" new Full >"$NS_DIR/out" 2>"$NS_DIR/err"
rc=$?
[ "$rc" -eq 74 ] || [ "$rc" -eq 73 ] || ns_fail "new on a full disk: exit $rc: $(cat "$NS_DIR/err")"
[ "$(wc -l < "$NS_DIR/err")" -eq 1 ] || ns_fail "not one line: $(cat "$NS_DIR/err")"
grep -q "disk full" "$NS_DIR/err" || ns_fail "does not say disk full: $(cat "$NS_DIR/err")"
ok "opening on a full disk says 'disk full' in one line"
rm -f "$mnt/filler" "$mnt"/new.db*

NS_DB=$mnt/full.db
ns_cli --content "$NS_SMALL" new Full --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
ns_start "" "" "" "" --session Full
ns_wait_for "Alpha row one"
ns_keys n
ns_wait_for "Esc"
fill
ns_type "written on a full disk"
ns_wait_for "Not saved" 15
ns_wait_for "disk full"
rm -f "$mnt/filler"
ns_wait_for "Saved: note (automatically)." 15
ns_keys Escape
ns_wait_for "Alpha row one"
ns_cli report Full --format csv | grep -q "written on a full disk" ||
	ns_fail "the note was not saved once there was room"
ok "a 'Not saved: disk full' gives way to 'Saved' when a save works again"
