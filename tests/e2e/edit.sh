#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Fixing the set-up with `nextsteps edit`: renaming a participant keeps
# their votes (the CSV has them under the new name), every change is in
# the history and undone by u on the walk, and bad input changes nothing:
# unknown session 66, a name already taken 65, --minutes 5 64, an empty
# name 64, each with one line naming the field.  A type change hides the
# answers of rows outside it and gives them back; removing a participant
# who voted takes --force and leaves the others' votes theirs.  The same
# from the settings screen (walk and sessions list) and the line mode.
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
check 66 "rename-participant: .*Zed" edit Edit --rename-participant Zed=Q
check 65 "rename-participant: .*Ben" edit Edit --rename-participant Anne=Ben
check 64 "type" edit Edit --type gp

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
# The type: rows outside it keep their answers, hidden, until it comes back.
ns_cli --content "$NS_SMALL" new Net --type pcn --participants "Ann,Ben,Cy" \
	>/dev/null || ns_fail "cannot create Net"
ns_start "" "" "" "" --session Net
ns_wait_for "Alpha row one"
ns_keys 2
ns_wait_for "Saved: Build agreed."
ns_keys j
ns_wait_for "Alpha row for networks"
ns_keys 3
ns_wait_for "Saved: Enhance agreed."
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_expect_cli "changed session 'Net'" edit Net --type lgpo
csv_lacks Net row_id=alpha-pcn
ns_cli list | grep -q "Net .*lgpo  *1/2 " || ns_fail "the count follows the type: $(ns_cli list)"
ns_expect_cli "changed session 'Net'" edit Net --type pcn
csv_has Net row_id=alpha-pcn participant= stage_id=enhance state=agreed
ns_cli list | grep -q "Net .*pcn  *2/3 " || ns_fail "the count is not back: $(ns_cli list)"

# Removing someone who voted takes --force; the others keep their votes.
ns_start "" "" "" "" --session Net
ns_wait_for "Alpha row for networks"
ns_keys k
ns_wait_for "Row 1 of 2: Alpha row one"
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 1 2 3
ns_wait_for "Lowest Start, highest Enhance."
ns_keys q q
ns_wait_for "NS-EXITED-0"
check 65 "2 votes\|1 vote" edit Net --remove-participant Ben
check 65 "remove-participant: 'Ben' has 1 vote that would go" edit Net \
	--remove-participant Ben
check 66 "remove-participant: .*Zed" edit Net --remove-participant Zed
check 64 "remove-participant" edit Net --remove-participant ""
csv_has Net row_id=alpha-one participant=Ben stage_id=build state=vote
ns_expect_cli "changed session 'Net'" edit Net --remove-participant Ben --force
csv_lacks Net participant=Ben
csv_has Net row_id=alpha-one participant=Cy stage_id=enhance state=vote
ns_start "" "" "" "" --session Net
ns_wait_for "Section 1 of 2"
ns_keys u
ns_wait_for "Undone: removed participant 'Ben'"
ns_keys q
ns_wait_for "NS-EXITED-0"
csv_has Net row_id=alpha-one participant=Ben stage_id=build state=vote
csv_has Net row_id=alpha-one participant=Cy stage_id=enhance state=vote
# The settings from the walk: rename a participant, change the minutes.
ns_start "" "" "" "" --session Edit
ns_wait_for "Section 1 of"
ns_keys e
ns_wait_for "Participants (2)"
ns_keys ?
ns_wait_for "Session settings"
ns_wait_for "Remove the selected participant"
ns_keys q
ns_wait_for "Participants (2)"
ns_keys r
ns_wait_for "Rename the participant"
ns_keys C-u
ns_type "Annie"
ns_keys C-s
ns_wait_for "Saved: participant renamed"
ns_keys e
ns_wait_for "Each change is in the history"
ns_keys Tab Tab Tab Tab C-u
ns_type "5"
ns_keys C-s
ns_wait_for "Not saved: Minutes takes a number from 15 to 600, not '5'."
ns_keys C-u
ns_type "45"
ns_keys C-s
ns_wait_for "Minutes       45"
ns_keys q
ns_wait_for "Section 1 of"
ns_keys q
ns_wait_for "NS-EXITED-0"
csv_has Edit row_id=alpha-one participant=Annie stage_id=start state=vote
ns_cli report Edit --table sessions --format csv | grep -q ',45,2,' ||
	ns_fail "the minutes did not change from the settings"

# From the sessions screen: removing someone who voted asks first.
ns_start "" "" "" ""
ns_wait_for "Sessions (3)"
ns_wait_for "Edit"
ns_keys e
ns_wait_for "Participants (2)"
ns_keys D
ns_wait_for "Remove Annie and their 1 vote? (y/n)"
ns_keys y
ns_wait_for "Saved: participant removed."
ns_wait_for "Participants (1)"
# Adding one: the votes screen's form, the same words for a blank name.
ns_keys +
ns_wait_for "A member practice or a person who will vote."
ns_keys Enter
ns_wait_for "Not saved: Add participant: a participant needs a name, not an empty one."
ns_type "Dee"
ns_keys Enter
ns_wait_for "Saved: participant added."
ns_wait_for "Participants (2)"
ns_keys q
ns_wait_for "Sessions (3)"
ns_keys q
ns_wait_for "NS-EXITED-0"
csv_lacks Edit participant=Annie
csv_has Edit row_id=alpha-one participant=Ben stage_id=build state=vote

# A type changed from the walk's settings: the walk follows at once.
ns_start "" "" "" "" --session Net
ns_wait_for "Row 1 of 2: Alpha row one"
ns_keys j
ns_wait_for "Row 2 of 2: Alpha row for networks"
ns_keys e
ns_wait_for "Type          PCN (3 rows apply)"
ns_keys e
ns_wait_for "Each change is in the history"
ns_keys Tab Tab Tab Space C-s
ns_wait_for "Type          LGPO (2 rows apply)"
ns_keys q
ns_wait_for "Row 1 of 1: Beta row one"
ns_keys e e Tab Tab Tab Space C-s
ns_wait_for "Type          PCN (3 rows apply)"
ns_keys q
ns_wait_for "Section 2 of 2"
ns_keys q
ns_wait_for "NS-EXITED-0"

# The line mode's set-up, from a pipe: the same changes, Saved: or
# Not saved: for each, and ? lists it.
printf '%s\n' "?" i o "Canal PCN" f Fay t 1 m 5 m 75 r Cy Cyd D Ben y + Eve "" q |
	ns_cli --plain --session Net >"$NS_DIR/plain" 2>&1 ||
	ns_fail "the line mode failed: $(cat "$NS_DIR/plain")"
for want in "remove a participant" "Saved: Organisation changed." \
	"Saved: Facilitator changed." "Saved: the type is LGPO" \
	"Not saved: Minutes takes a number from 15 to 600, not '5'." \
	"Saved: 75 minutes planned." "Saved: 'Cy' is now 'Cyd'" \
	"Remove Ben and their 1 vote? [y/n]" "Saved: Ben removed" \
	"Saved: Eve is participant 3."; do
	grep -qF -- "$want" "$NS_DIR/plain" ||
		ns_fail "the line mode did not say '$want': $(cat "$NS_DIR/plain")"
done
csv_has Net row_id=alpha-one participant=Cyd stage_id=enhance state=vote
csv_lacks Net row_id=alpha-pcn
csv_lacks Net participant=Ben
ns_cli report Net --table sessions --format csv | grep -q ',Canal PCN,lgpo,Fay,.*,75,' ||
	ns_fail "the set-up did not change: $(ns_cli report Net --table sessions --format csv)"
# Enter at the set-up's type keeps the session's type, as Enter keeps
# every other field there.
ns_cli edit Net --type pcn >/dev/null || ns_fail "cannot make Net a PCN again"
printf '%s\n' i t "" "" q | ns_cli --plain --session Net >"$NS_DIR/plain" 2>&1 ||
	ns_fail "the line mode failed: $(cat "$NS_DIR/plain")"
grep -qF "[1-2, Enter keeps 2]" "$NS_DIR/plain" &&
	grep -qF "Not saved: the type is unchanged." "$NS_DIR/plain" ||
	ns_fail "Enter did not keep the type: $(cat "$NS_DIR/plain")"
ns_cli report Net --table sessions --format csv | grep -q ',Canal PCN,pcn,Fay,' ||
	ns_fail "Enter changed the type: $(ns_cli report Net --table sessions --format csv)"
echo "ok - edit"
