#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Joining is admitting: `join --as` a name that is not a participant asks
# the facilitator and waits;
#  - the walk's room line names who asks; + admits them, and their vote
#    reaches the walk; the history has them joining;
#  - - refuses: the joiner's terminal ends with a message and status 66,
#    and the name never becomes a participant;
#  - a session made with --open-join takes any name at once, as does the
#    line mode's join, which waits too and ends on a refusal.
. "$(dirname "$0")/lib.sh"
ns_init

ns_small Room
ns_start 100 30 "" "" --session Room
ns_wait_for "Alpha row one"

# Admitted with +.
ns_open ash 100 30 "" "" join Room --as "Ash Practice"
ns_wait_for "Waiting for the facilitator to admit you."
ns_keys 2
ns_wait_for "Not saved: waiting for the facilitator to admit you."
ns_use 0
ns_wait_for "Ash Practice asks to join (+ admits, - refuses)"
ns_keys +
ns_wait_for "Saved: Ash Practice joined as a participant."
ns_use ash
ns_wait_for "The facilitator admitted you"
ns_wait_for "Your vote: none yet"
ns_keys 2
ns_wait_for "Saved: you voted Build."
ns_use 0
ns_wait_for "Ash Practice (voted)"
ns_cli history Room > "$NS_DIR/h" || ns_fail "history failed"
grep -q "Ash Practice joined" "$NS_DIR/h" ||
	ns_fail "the history lacks the admission: $(cat "$NS_DIR/h")"
echo "ok - + admits the one who asks, who then votes"

# Refused with -.
ns_open typo 100 30 "" "" join Room --as "Ann Typo"
ns_wait_for "Waiting for the facilitator to admit you."
ns_use 0
ns_wait_for "Ann Typo asks to join (+ admits, - refuses)"
ns_keys -
ns_wait_for "Refused: Ann Typo is told they were not admitted."
ns_use typo
ns_wait_for "nextsteps: the facilitator did not admit you to this session"
ns_wait_for "NS-EXITED-66"
ns_cli history Room > "$NS_DIR/h2" || ns_fail "history failed"
grep -q "Ash Practice joined" "$NS_DIR/h2" || ns_fail "history: $(cat "$NS_DIR/h2")"
grep -q "Ann Typo" "$NS_DIR/h2" && ns_fail "a refused name is in the history"
ns_use 0
ns_keys v
ns_wait_for "Ash Practice"
ns_screen | grep -q "Ann Typo" && ns_fail "a refused name became a participant"
ns_keys Escape
echo "ok - - refuses: the joiner is told, the name is not kept"

# The line mode waits too, and ends on a refusal.
ns_open plainz 80 24 dumb "" join Room --as "Zed" --plain
ns_wait_for "Waiting for the facilitator to admit you."
ns_use 0
ns_wait_for "Zed asks to join"
ns_keys -
ns_use plainz
ns_wait_for "nextsteps: the facilitator did not admit you to this session"
ns_wait_for "NS-EXITED-66"
ns_open plainy 80 24 dumb "" join Room --as "Yan" --plain
ns_wait_for "Waiting for the facilitator to admit you."
ns_use 0
ns_wait_for "Yan asks to join"
ns_keys +
ns_use plainy
ns_wait_for "The facilitator admitted you."
ns_wait_for "Your vote on row"
ns_keys 3 Enter
ns_wait_for "Saved: your vote: Enhance."
echo "ok - the line mode's join waits, and is admitted or refused"

# --open-join: anyone is a participant at once.
ns_small Open --open-join
ns_open open 100 30 "" "" join Open --as "Bea"
ns_wait_for "Your vote: none yet"
ns_keys 1
ns_wait_for "Saved: you voted Start."
echo "ok - --open-join admits anyone at once"
