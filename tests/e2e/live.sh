#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# The live room: a facilitator, a watcher and two joiners, each
# in its own terminal, on one database.
#  - the watcher follows the facilitator's row and stages within a second;
#  - the note reaches the watcher only when the facilitator shows it (N);
#  - an idle watcher writes zero bytes over three heartbeats, and a change of
#    row costs less than repainting the watcher's screen;
#  - two joiners vote in a secret ballot: the facilitator sees who voted
#    and how many, not what, until the reveal shows the spread everywhere;
#    a joiner's vote still reaches the walk after the facilitator's own
#    change (which reads back only its row);
#  - kill -9 of the facilitator: the others say the facilitator is away and
#    keep the last state, then follow again when the session is reopened.
. "$(dirname "$0")/lib.sh"
ns_init

# Follow within a second (the watcher looks four times a second).
FOLLOW=1

ns_room Room
ns_use watch
ns_wait_for "Alpha row one"
ns_wait_for "Not reached yet"
ns_wait_for "[ ] 2 Build"
ns_use 0

# ---------------------------------------------------------------- follow
ns_keys 2
ns_wait_for "Saved: Build agreed."
ns_use watch
ns_wait_for "[*] 2 Build  (agreed)" $FOLLOW
ns_wait_for "Agreed: 2 Build" $FOLLOW
ns_use 0
ns_keys j
ns_wait_for "Beta row one"
ns_use watch
ns_wait_for "Beta row one" $FOLLOW
ns_wait_for "Section 2 of 2" $FOLLOW
ns_wait_for "Not reached yet" $FOLLOW
ns_use 0
ns_keys 3
ns_use watch
ns_wait_for "[*] 3 Enhance  (agreed)" $FOLLOW

# ---------------------------------------------------------------- the note
ns_use 0
ns_keys n
ns_wait_for "Note: Beta row one"
ns_type "Ask the board first"
ns_keys Escape
ns_wait_for "Ask the board first"
# A move made after the note was saved: once the watcher follows it back
# to this row, it has read the row with its note.
ns_keys k
ns_use watch
ns_wait_for "Section 1 of 2" $FOLLOW
ns_use 0
ns_keys j
ns_use watch
ns_wait_for "Section 2 of 2" $FOLLOW
ns_screen | grep -q "Ask the board" && ns_fail "the watcher sees a note not shown to the room"
ns_use 0
ns_keys N
ns_wait_for "Saved: watchers see the row's note"
ns_wait_for "note shown (N hides it)"
ns_use watch
ns_wait_for "Ask the board first" $FOLLOW
ns_use 0
ns_keys N
ns_wait_for "Saved: the note is hidden from watchers."
ns_use watch
ns_wait_gone "Ask the board first" $FOLLOW

# ---------------------------------------------------------------- bytes
# An idle watcher writes nothing, though the heartbeats (the facilitator's
# and its own, each every three seconds) change the file: the window lasts
# until the file has been written three times.
ns_use watch
ns_wait_quiet 1
ns_pipe_start "$NS_DIR/idle"
ns_wait_writes 3
ns_pipe_stop
idle=$(ns_bytes "$NS_DIR/idle")
[ "$idle" -eq 0 ] || ns_fail "an idle watcher wrote $idle bytes over three heartbeats"

# A change of row redraws what changed, less than a whole repaint.
ns_pipe_start "$NS_DIR/row"
ns_use 0
ns_keys k
ns_use watch
ns_wait_for "Alpha row one" $FOLLOW
ns_wait_settled "$NS_DIR/row"
ns_pipe_stop
ns_wait_quiet 1
ns_pipe_start "$NS_DIR/full"
ns_keys C-l
ns_wait_settled "$NS_DIR/full"
ns_pipe_stop
row=$(ns_bytes "$NS_DIR/row")
full=$(ns_bytes "$NS_DIR/full")
echo "# watcher: idle over three heartbeats $idle bytes, row change $row bytes, full repaint $full bytes"
[ "$row" -gt 0 ] || ns_fail "the row change was not drawn"
[ "$row" -lt "$full" ] || ns_fail "a row change ($row bytes) cost a whole repaint ($full)"

# ---------------------------------------------------------------- secret ballot
ns_use 0
ns_keys v b
ns_wait_for "Secret ballot: on"
ns_keys q
ns_wait_for "Alpha row one"
ns_open ann "" "" "" "" join Room --as Ann
ns_wait_for "Your vote: none yet"
ns_wait_for "Alpha row one"
# Ben is not a participant yet: he asks, and the facilitator admits him.
ns_open ben "" "" "" "" join Room --as Ben
ns_wait_for "Waiting for the facilitator to admit you."
ns_use 0
ns_wait_for "Ben asks to join (+ admits, - refuses)"
ns_keys +
ns_wait_for "Saved: Ben joined as a participant."
ns_use ben
ns_wait_for "Your vote: none yet"
ns_use 0
ns_wait_for "Ann (not voted), Ben (not voted)"
ns_wait_for "0 of 2 voted; secret"

ns_use ann
ns_keys 1
ns_wait_for "Your vote: 1 Start"
ns_use ben
ns_keys 2
ns_wait_for "Your vote: 2 Build"
ns_wait_for "2 of 2 voted; secret until the facilitator reveals them"
ns_screen | grep -q "Start 1" && ns_fail "a joiner sees the spread before the reveal"
ns_use 0
ns_wait_for "Ann (voted), Ben (voted)"
ns_wait_for "2 of 2 voted; secret until revealed"
ns_screen | grep -q "Start 1" && ns_fail "the facilitator sees the spread before the reveal"
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_wait_for "2 of 2 voted. Votes are secret"
ns_screen | grep -q "1 Start" && ns_fail "the votes screen shows a secret vote"
ns_use watch
ns_wait_for "2 of 2 voted; secret until the facilitator reveals them"

ns_use 0
ns_keys r
ns_wait_for "Saved: votes revealed."
ns_keys q
SPREAD="Start 1  Build 1  Enhance 0  don't know 0  (2 of 2 voted)"
ns_wait_for "$SPREAD"
for t in watch ann ben; do
	ns_use $t
	ns_wait_for "$SPREAD" $FOLLOW
done
ns_use ann
ns_wait_for "[ ] 1 Start  · # 1 vote  · your vote"

# A joiner changes their vote; the facilitator sees it.
ns_use ben
ns_keys d
ns_wait_for "Your vote: don't know"
ns_use 0
ns_wait_for "agreed above all votes: Start 1  Build 0  Enhance 0  don't know 1"

# The facilitator's own change reads back only its row; a joiner's vote
# after it still reaches the walk, with the agreed stage kept.
ns_keys 3
ns_wait_for "Saved: Enhance agreed."
ns_wait_for "[*] 3 Enhance"
ns_use ben
ns_keys 2
ns_wait_for "Your vote: 2 Build"
ns_use 0
ns_wait_for "agreed above all votes: Start 1  Build 1  Enhance 0"
ns_wait_for "[*] 3 Enhance"
ns_use ben
ns_keys d
ns_wait_for "Your vote: don't know"
ns_use 0
ns_wait_for "Start 1  Build 0  Enhance 0  don't know 1"

# ---------------------------------------------------------------- away
ns_use 0
pid=$(ns_pid)
[ -n "$pid" ] || ns_fail "no facilitator process"
kill -9 "$pid"
ns_wait_for "NS-EXITED-137"
for t in watch ann; do
	ns_use $t
	ns_wait_for "The facilitator is away: showing the last state."
	ns_wait_for "Alpha row one"
	ns_wait_for "Enhance 0  don't know 1"
done
# A joiner can still vote while the facilitator is away.
ns_use ann
ns_keys 3
ns_wait_for "Your vote: 3 Enhance"

ns_use 0
ns_respawn
ns_wait_for "Alpha row one"
ns_wait_for "Ann (voted), Ben (voted)"
for t in watch ann ben; do
	ns_use $t
	ns_wait_gone "The facilitator is away"
	ns_wait_for "Following the facilitator live"
done
ns_use 0
ns_keys j
ns_wait_for "Beta row one"
ns_use watch
ns_wait_for "Beta row one" $FOLLOW
ns_use ann
ns_wait_for "Beta row one" $FOLLOW
ns_wait_for "Your vote: none yet"

# ---------------------------------------------------------------- leaving
ns_use ben
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_use 0
ns_wait_for "Ann (not voted)"
ns_wait_gone "Ben ("
ns_use watch
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_use 0
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_use ann
ns_wait_for "The facilitator is away"

# Votes went through the store: Ann's Enhance on alpha-one is in the report.
csv_has Room row_id=alpha-one participant=Ann stage_id=enhance \
	stage_label=Enhance state=vote
csv_has Room participant=Ben stage_id= state=dont_know

# A session that does not exist, and a join without a name.
ns_open bad "" "" "" "" watch "No such"
ns_wait_for "NS-EXITED-66"
out=$(ns_cli join Room 2>&1) && ns_fail "join without --as succeeded"
echo "$out" | grep -q -- "--as" || ns_fail "join without --as: $out"
echo "ok - live"
