#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A whole walk of the small test matrix from a first start with an empty
# database: the new-session form, stages, votes, a note and an action,
# then the answers read back through the store (report --format csv, list).
. "$(dirname "$0")/lib.sh"
ns_init

ns_start "" "" "" "" --content "$NS_SMALL"
# An empty database leads straight into the new-session form.
ns_wait_for "New session"
ns_type "Walk test"
ns_keys Tab
ns_type "Riverside Federation"
ns_keys Tab Tab
ns_type "Dr Facil"
ns_keys Tab
ns_type "Ann, Ben"
ns_keys Enter Enter
ns_wait_for "Alpha row one"
ns_wait_for "Row 1 of 1"          # the PCN row is not part of an LGPO session
ns_wait_for "0/2 answered"

# Row one: votes (Ann Start, Ben Build), then agree the suggestion.
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 1
ns_wait_for "1 Start"
ns_keys 2
ns_wait_for "Suggested: Start"
ns_keys Enter
ns_wait_for "[agreed: Start]"
ns_wait_for "[*] 1 Start"
ns_wait_for "1/2 answered"

# Change it to Build, with a note and an action.
ns_keys 2
ns_wait_for "[agreed: Build]"
ns_wait_for "Saved: Build agreed."
ns_keys n
ns_wait_for "Note: Alpha row one"
ns_type "Talk to the board"
ns_keys Escape
ns_wait_for "Talk to the board"
ns_new_action "Write the shared aims" Ann 2030-02-30
ns_keys Enter
ns_wait_for "real day"
ns_keys BSpace BSpace
ns_type "28"
ns_keys Enter
ns_wait_for "Saved: action added."
ns_wait_for "Write the shared aims"
ns_keys q
ns_wait_for "1 open, 0 done: Write the shared aims"

# Row two is in the next section: j moves there, 3 agrees Enhance.
ns_keys j
ns_wait_for "Beta row one"
ns_wait_for "Section 2 of 2"
ns_keys 3
ns_wait_for "[agreed: Enhance]"
ns_wait_for "2/2 answered"
# x and undo: the undone change is named on the status line, with its row.
ns_keys x
ns_wait_for "[not applicable]"
ns_keys u
ns_wait_for "Undone on 2.1 Beta row one: marked not applicable"
ns_wait_for "[agreed: Enhance]"

# Overview, help, quit.
ns_keys o
ns_wait_for "Overview: 2 of 2 rows answered"
ns_keys Escape
ns_wait_for "Beta row one"
ns_keys '?'
ns_wait_for "Agree the stage with this number"
ns_keys q
ns_wait_for "Beta row one"
ns_keys q
ns_wait_for "NS-EXITED-0"

csv_has "Walk test" "session=Walk test" "organisation=Riverside Federation" \
	row_id=alpha-one participant= stage_id=build stage_label=Build state=agreed \
	"note=Talk to the board"
csv_has "Walk test" row_id=beta-one participant= stage_id=enhance \
	stage_label=Enhance state=agreed
csv_has "Walk test" row_id=alpha-one participant=Ann stage_id=start state=vote
csv_has "Walk test" row_id=alpha-one participant=Ben stage_id=build state=vote
csv_has --table actions "Walk test" row_id=alpha-one "text=Write the shared aims" \
	owner=Ann due=2030-02-28 status=open
ns_expect_cli "2/2" list
ns_expect_cli "Riverside Federation" list
echo "ok - walk"
