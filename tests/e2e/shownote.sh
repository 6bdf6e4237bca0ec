#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# N shows the row's note to watchers for that row only: a note that says
# who disagreed must not follow the facilitator onto the next row.
. "$(dirname "$0")/lib.sh"
ns_init
FOLLOW=1

ns_room Shown

# A note on each row, so a note left on would show on the next one too.
ns_keys j
ns_wait_for "Beta row one"
ns_keys n
ns_wait_for "Note: Beta row one"
ns_type "Second row note"
ns_keys Escape
ns_wait_for "Second row note"
ns_keys k
ns_wait_for "Alpha row one"
ns_keys n
ns_wait_for "Note: Alpha row one"
ns_type "Ann disagreed"
ns_keys Escape
ns_wait_for "Ann disagreed"

ns_keys N
ns_wait_for "Saved: watchers see the row's note"
ns_wait_for "note shown (N hides it)"
ns_use watch
ns_wait_for "Ann disagreed" $FOLLOW

# Moving on hides it: the watcher shows neither note, the Room line no
# longer says it is shown.
ns_use 0
ns_keys j
ns_wait_for "Beta row one"
ns_wait_gone "note shown"
ns_use watch
ns_wait_for "Beta row one" $FOLLOW
ns_screen | grep -q "Second row note" && ns_fail "the watcher sees the next row's note"
ns_screen | grep -q "Ann disagreed" && ns_fail "the watcher still sees the note"

# Coming back does not show it again by itself.
ns_use 0
ns_keys k
ns_wait_for "Alpha row one"
ns_use watch
ns_wait_for "Alpha row one" $FOLLOW
ns_screen | grep -q "Ann disagreed" && ns_fail "the note came back without N"

# A long note shown to the room wraps over several lines instead of being
# cut at the edge of the watcher's screen.
ns_use 0
ns_keys j
ns_wait_for "Beta row one"
ns_keys n
ns_wait_for "Note: Beta row one"
ns_type " and then a long explanation that goes well past one line of the"
ns_type " watcher's screen, so that the room can still read it all ENDWORD"
ns_keys Escape
ns_wait_for "Saved"
ns_keys N
ns_wait_for "note shown (N hides it)"
ns_use watch
ns_wait_for "ENDWORD" $FOLLOW

ns_keys q
ns_wait_for "NS-EXITED-0"
ns_use 0
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - shownote"
