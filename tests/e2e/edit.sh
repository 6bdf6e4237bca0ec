#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Fixing the set-up with `nextsteps edit`: renaming a participant keeps
# their votes (the CSV has them under the new name), every change is in
# the history and undone by u on the walk, and bad input changes nothing:
# unknown session 66, a name already taken 65, --minutes 5 64, an empty
# name 64, each with one line naming the field.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Edit --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
ns_cli --content "$NS_SMALL" new Other >/dev/null || ns_fail "cannot create Other"
ns_start "" "" "" "" --session Edit
ns_wait_for "Alpha row one"
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 1 2
ns_wait_for "Lowest Start, highest Build."
ns_keys q q
ns_wait_for "NS-EXITED-0"

ns_expect_cli "changed session 'Edit'" edit Edit --rename-participant Ann=Anne \
	--org "Riverside PCN" --minutes 120
csv_has Edit row_id=alpha-one participant=Anne stage_id=start state=vote
csv_lacks Edit participant=Ann
ns_cli report Edit --table sessions --format csv | grep -q ',Riverside PCN,.*,120,2,' ||
	ns_fail "the organisation or minutes did not change"

# Bad input: one line naming the field, the documented status.
check() {
	want=$1 field=$2
	shift 2
	ns_cli "$@" 2>"$NS_DIR/err" >/dev/null
	got=$?
	[ "$got" -eq "$want" ] || ns_fail "'$*' exited $got, not $want"
	[ "$(wc -l <"$NS_DIR/err")" -eq 1 ] || ns_fail "'$*' said more than one line"
	grep -q "^nextsteps: .*$field" "$NS_DIR/err" || ns_fail "'$*': $(cat "$NS_DIR/err")"
}
check 66 "Nope" edit Nope --org X
check 65 "Other" edit Edit --name Other
check 64 "minutes" edit Edit --minutes 5
check 64 "name" edit Edit --name ""
check 64 "rename-participant" edit Edit --rename-participant Anne=

# Undo on the walk takes the changes back one at a time, newest first.
undo_once() {
	ns_start "" "" "" "" --session Edit
	ns_wait_for "Alpha row one"
	ns_keys u
	ns_wait_for "Undone: changed the session"
	ns_keys q
	ns_wait_for "NS-EXITED-0"
}
undo_once
csv_has Edit row_id=alpha-one participant=Ann stage_id=start state=vote
undo_once
ns_cli report Edit --table sessions --format csv | grep -q ',Riverside PCN,.*,90,2,' ||
	ns_fail "undo did not put back 90 minutes"
undo_once
ns_cli report Edit --table sessions --format csv | grep -q ',Riverside PCN,' &&
	ns_fail "undo did not put back the organisation"
echo "ok - edit"
