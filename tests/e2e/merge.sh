#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# merge.sh - two facilitators' databases brought together with
# `nextsteps merge`: every session arrives once, with the same answers
# (report --format csv before and after), a clashing name is renamed, a
# second merge changes nothing, a newer copy replaces the older one, and
# both copies changing the same row differently is one conflict line
# (the later change kept) and a count, and bad files give the documented
# exit statuses.
. "$(dirname "$0")/lib.sh"
ns_init

A=$NS_DIR/a.db
B=$NS_DIR/b.db
BOROUGH=$NS_DIR/borough.db
NEXTSTEPS_NOW=1767225600
export NEXTSTEPS_NOW

run() {   # run DB ARGS...: the real binary, no terminal
	db=$1; shift
	"$NEXTSTEPS_BIN" --db "$db" "$@"
}

expect_status() {   # expect_status WANT DB ARGS...
	want=$1; shift
	out=$(run "$@" 2>&1)
	got=$?
	[ "$got" -eq "$want" ] || ns_fail "nextsteps $* exited $got, wanted $want: $out"
}

expect_line() {   # expect_line TEXT: the last command's output has this line
	printf '%s\n' "$out" | grep -F -x -q -- "$1" || ns_fail "no line '$1' in:
$out"
}

csv() {   # csv DB SESSION: the session's answers as CSV
	run "$1" report "$2" --format csv || ns_fail "report $2 from $1 failed"
}

agree() {   # agree DB KEY SAID: the facilitator agrees a stage on Camden
	NS_DB=$1
	ns_start "" "" "" "" --session "Camden 2026"
	ns_wait_for "Alpha row one"
	ns_keys "$2"
	ns_wait_for "$3"
	ns_keys q
	ns_wait_for "NS-EXITED-0"
	ns_stop
}

# Facilitator A runs Camden (and agrees a stage on the screens); B runs
# Hackney; both have a session called "Shared".
run "$A" --content "$NS_SMALL" new "Camden 2026" --org "Camden PCN" \
	--participants "Ann, Ben" >/dev/null || ns_fail "cannot create Camden"
run "$A" --content "$NS_SMALL" new "Shared" --org "Camden PCN" >/dev/null ||
	ns_fail "cannot create Shared in A"
run "$B" --content "$NS_SMALL" new "Hackney 2026" --org "Hackney PCN" \
	--type pcn >/dev/null || ns_fail "cannot create Hackney"
run "$B" --content "$NS_SMALL" new "Shared" --org "Hackney PCN" >/dev/null ||
	ns_fail "cannot create Shared in B"

agree "$A" 2 "Saved: Build agreed."

csv "$A" "Camden 2026" > "$NS_DIR/camden.before"
csv "$A" "Shared" > "$NS_DIR/shared-a.before"
csv "$B" "Hackney 2026" > "$NS_DIR/hackney.before"
csv "$B" "Shared" > "$NS_DIR/shared-b.before"
out=$(ns_csv "$NS_DIR/camden.before" "session=Camden 2026" "organisation=Camden PCN" \
	section_id=alpha row_id=alpha-one participant= stage_id=build state=agreed) ||
	ns_fail "the agreed stage is not in A's report: $out"

# Both into a new borough database.
expect_status 0 "$BOROUGH" merge "$A" "$B"
expect_line "$A: 2 sessions added, 0 updated, 0 already up to date"
expect_line "$B: 2 sessions added, 0 updated, 0 already up to date (1 renamed: name already used here)"
echo "ok - merged two facilitators' databases"

csv "$BOROUGH" "Camden 2026" | cmp -s - "$NS_DIR/camden.before" ||
	ns_fail "Camden differs after the merge"
csv "$BOROUGH" "Shared" | cmp -s - "$NS_DIR/shared-a.before" ||
	ns_fail "A's Shared differs after the merge"
csv "$BOROUGH" "Hackney 2026" | cmp -s - "$NS_DIR/hackney.before" ||
	ns_fail "Hackney differs after the merge"
csv "$BOROUGH" "Shared (from b)" | sed 's/^\([^,]*\),Shared (from b),/\1,Shared,/' |
	cmp -s - "$NS_DIR/shared-b.before" || ns_fail "B's Shared differs after the merge"
echo "ok - reports are the same after the merge"

out=$(run "$BOROUGH" list) || ns_fail "list failed"
for s in "Camden 2026" "Shared " "Hackney 2026" "Shared (from b)"; do
	printf '%s\n' "$out" | grep -q "^$s" || ns_fail "list lacks '$s': $out"
done
[ "$(printf '%s\n' "$out" | wc -l)" -eq 5 ] || ns_fail "list is not 4 sessions: $out"
printf '%s\n' "$out" | grep "^Camden 2026" | grep -q "1/2" ||
	ns_fail "Camden's progress was not carried over: $out"
echo "ok - list shows every session once"

# Again: nothing new.
expect_status 0 "$BOROUGH" merge "$A" "$B"
expect_line "$A: 0 sessions added, 0 updated, 2 already up to date"
expect_line "$B: 0 sessions added, 0 updated, 2 already up to date"
[ "$(run "$BOROUGH" list | wc -l)" -eq 5 ] || ns_fail "a second merge duplicated sessions"
echo "ok - a second merge changes nothing"

# A works on later: the newer copy replaces the borough's.
NEXTSTEPS_NOW=$((NEXTSTEPS_NOW + 3600))
agree "$A" 3 "Saved: Enhance agreed."
expect_status 0 "$BOROUGH" merge "$A"
expect_line "$A: 0 sessions added, 1 updated, 1 already up to date"
csv "$A" "Camden 2026" > "$NS_DIR/camden.after"
csv "$BOROUGH" "Camden 2026" | cmp -s - "$NS_DIR/camden.after" ||
	ns_fail "the newer Camden did not replace the older one"
out=$(ns_csv "$NS_DIR/camden.after" row_id=alpha-one participant= stage_id=enhance \
	state=agreed) || ns_fail "A's change is not in its report: $out"
echo "ok - a newer copy replaces the older one"

# Both copies change the same row after that merge: the borough at 02:00,
# A at 02:05.  One conflict, A's later change kept, the borough's in the
# history; merging again reports none.
NEXTSTEPS_NOW=$((1767225600 + 7200))
agree "$BOROUGH" 1 "Saved: Start agreed."
NEXTSTEPS_NOW=$((1767225600 + 7500))
agree "$A" 2 "Saved: Build agreed."
expect_status 0 "$BOROUGH" merge "$A"
expect_line "$A: 0 sessions added, 1 updated, 1 already up to date"
expect_line "conflict: 'Camden 2026' row alpha-one agreed: Start (here, 2026-01-01 02:00) vs Build ($A, 02:05): kept Build"
expect_line "1 conflict"
csv "$BOROUGH" "Camden 2026" >"$NS_DIR/camden.kept"
out=$(ns_csv "$NS_DIR/camden.kept" row_id=alpha-one participant= stage_id=build \
	state=agreed) || ns_fail "the later change was not kept: $out"
run "$BOROUGH" history "Camden 2026" | grep -q 'agreed Start' ||
	ns_fail "the losing change is not in the history"
expect_status 0 "$BOROUGH" merge "$A"
expect_line "$A: 0 sessions added, 0 updated, 2 already up to date"
expect_line "0 conflicts"
echo "ok - a field changed in both copies is one conflict, the later kept"

# The change merged in is the other copy's facilitator's: the history
# says so, and the borough facilitator's undo does not revert it (their
# own Start was overruled by it, so undo says why not).
out=$(run "$BOROUGH" history "Camden 2026") || ns_fail "history failed: $out"
printf '%s\n' "$out" | grep 'facilitator (merged copy)' | grep -q 'agreed Build' ||
	ns_fail "the merged change does not name its author: $out"
out=$(printf 'u\nq\n' | run "$BOROUGH" --session "Camden 2026" --plain 2>&1)
printf '%s\n' "$out" | tr '\n' ' ' | grep -q 'a facilitator in a merged copy' ||
	ns_fail "undo did not say why it cannot revert the merged change: $out"
csv "$BOROUGH" "Camden 2026" >"$NS_DIR/camden.undo"
out=$(ns_csv "$NS_DIR/camden.undo" row_id=alpha-one participant= stage_id=build \
	state=agreed) || ns_fail "undo reverted the other copy's change: $out"
echo "ok - undo after a merge never reverts the other copy's change"

# Times no clock can show (a crafted history, both copies) print as "?",
# never as what lies past the end of the time's text.
C=$NS_DIR/c.db
D=$NS_DIR/d.db
run "$C" --content "$NS_SMALL" new "Crafted" >/dev/null || ns_fail "cannot create Crafted"
expect_status 0 "$D" merge "$C"
run "$C" edit Crafted --org "Org C" >/dev/null || ns_fail "cannot edit C"
run "$D" edit Crafted --org "Org D" >/dev/null || ns_fail "cannot edit D"
ns_need_python
python3 - "$C" "$D" <<'PY' || ns_fail "cannot craft the times"
import sqlite3, sys
for path in sys.argv[1:]:
    db = sqlite3.connect(path)
    db.execute("UPDATE history SET at = 9000000000000000000"
               " WHERE kind = 'organisation'")
    db.commit()
    db.close()
PY
expect_status 0 "$D" merge "$C"
want="conflict: 'Crafted' organisation: 'Org D' (here, ?) vs 'Org C' ($C, ?): kept 'Org "
printf '%s\n' "$out" | grep -F -q -- "$want" ||
	ns_fail "the times that cannot be shown are not '?': $out"
echo "ok - a conflict's times that cannot be shown print as '?'"

# Bad files: documented statuses, one line each; good files still merge.
expect_status 66 "$BOROUGH" merge "$NS_DIR/none.db"
printf 'just text\n' > "$NS_DIR/junk.db"
expect_status 65 "$BOROUGH" merge "$NS_DIR/junk.db"
expect_status 64 "$BOROUGH" merge "$BOROUGH"
expect_status 64 "$BOROUGH" merge
expect_status 64 "$BOROUGH" merge "$A" --width 80
expect_status 66 "$BOROUGH" merge "$NS_DIR/none.db" "$A"
expect_line "$A: 0 sessions added, 0 updated, 2 already up to date"
[ "$(printf '%s\n' "$out" | grep -c '^nextsteps: ')" -eq 1 ] || ns_fail "not one error line: $out"
echo "ok - bad files are refused"
