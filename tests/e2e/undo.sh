#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Undo never changes a row the room cannot see: each undo first takes the
# walk to the undone change's row, and the status line names the row by
# its number and title and says the change in words, not ids.  From the
# votes screen the same: the screen follows the walk to that row.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Undo --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
ns_start "" "" "" "" --session Undo
ns_wait_for "Alpha row one"
ns_keys 2
ns_wait_for "[agreed: Build]"
ns_keys j
ns_wait_for "Beta row one"
ns_keys 1
ns_wait_for "[agreed: Start]"

# The latest change is on this row: the walk stays, the row is named.
ns_keys u
ns_wait_for "Undone on 2.1 Beta row one: agreed Start"
ns_wait_for "Beta row one"
ns_wait_for "[not reached yet]"

# The next one is on 1.1: the walk goes there before saying so.
ns_keys u
ns_wait_for "Undone on 1.1 Alpha row one: agreed Build"
ns_wait_for "Section 1 of 2"
ns_wait_for "Row 1 of 1: Alpha row one"
ns_wait_for "[not reached yet]"
ns_screen | grep -q "online\|alpha-one" && ns_fail "an internal id is on the screen"

# From the votes screen of 2.1, undoing a change of 1.1 shows 1.1.
ns_keys 3
ns_wait_for "[agreed: Enhance]"
ns_keys j
ns_wait_for "Beta row one"
ns_keys v
ns_wait_for "Votes: Beta row one"
ns_keys u
ns_wait_for "Undone on 1.1 Alpha row one: agreed Enhance"
ns_wait_for "Votes: Alpha row one"
ns_keys q
ns_wait_for "Row 1 of 1: Alpha row one"

# A change with no row (the secret ballot) is named without one, and a
# vote keeps the participant's name as it was given.
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 2
ns_wait_for "2 Build"
ns_keys b
ns_wait_for "Secret ballot: on"
ns_keys u
ns_wait_for "Undone: turned the secret ballot on"
ns_wait_for "Secret ballot: off"
ns_keys u
ns_wait_for "Undone on 1.1 Alpha row one: Ann voted Build"
ns_keys u
ns_wait_for "Nothing left to undo."
ns_keys q
ns_wait_for "Row 1 of 1: Alpha row one"

# The walk's position was stored: a restart resumes on 1.1, and nothing
# is agreed any more.
ns_keys q
ns_wait_for "NS-EXITED-0"
csv_has Undo --count 1 row_id=alpha-one participant= state=not_reached
ns_respawn
ns_wait_for "Row 1 of 1: Alpha row one"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - undo"
