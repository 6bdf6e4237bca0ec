#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# joinundo.sh - a vote given from the line mode's join is the joiner's:
# the history names them as who made it, and the facilitator's `u`, on
# the screens or in the line mode, undoes only the facilitator's own
# changes and leaves that vote.
. "$(dirname "$0")/lib.sh"
ns_init

plain_run() {   # plain_run INPUT ARGS...: the line mode fed from a pipe
	input=$1; shift
	out=$(printf '%s' "$input" | "$NEXTSTEPS_BIN" --db "$NS_DB" "$@" 2>&1)
	status=$?
}

has() {   # has TEXT: the last line-mode run printed TEXT
	printf '%s\n' "$out" | grep -F -q -- "$1" || ns_fail "no '$1' in:
$out"
}

ns_small Room

# The facilitator agrees a stage on the screens; Ann votes from the line
# mode meanwhile.
ns_start "" "" "" "" --session Room
ns_wait_for "Alpha row one"
ns_keys 2
ns_wait_for "Saved: Build agreed."
plain_run "1
" join Room --as Ann --plain
[ "$status" -eq 0 ] || ns_fail "join --plain ended with $status: $out"
has "Saved: your vote: Start."
ns_ok "the line mode's join saves the vote"

hist=$(ns_cli history Room --format csv) || ns_fail "history failed"
printf '%s\n' "$hist" | grep -q ',Ann,participant,alpha-one,vote,Ann voted Start,' ||
	ns_fail "the history does not name Ann as who voted: $hist"
ns_ok "the history shows the participant as who made the vote"

# The facilitator's u on the screens: their own agreement, then nothing.
ns_keys u
ns_wait_for "Undone on 1.1 Alpha row one: agreed Build"
ns_keys u
ns_wait_for "Nothing left to undo."
ns_keys q
ns_wait_for "NS-EXITED-0"
csv=$(ns_cli report Room --format csv) || ns_fail "report failed"
printf '%s\n' "$csv" | grep -q ',Ann,start,Start,vote,' ||
	ns_fail "the facilitator's undo on the screens removed Ann's vote: $csv"
ns_ok "the facilitator's u on the screens leaves the joiner's vote"

# The same in the line mode: agree, undo it, and undo finds nothing more.
plain_run "2
u
u
q
" --session Room --plain
[ "$status" -eq 0 ] || ns_fail "the line mode ended with $status: $out"
has "Saved: Build agreed."
has "Saved: Undone on 1.1 Alpha row one: agreed Build."
has "Nothing left to undo."
csv=$(ns_cli report Room --format csv) || ns_fail "report failed"
printf '%s\n' "$csv" | grep -q ',Ann,start,Start,vote,' ||
	ns_fail "the facilitator's undo in the line mode removed Ann's vote: $csv"
ns_ok "the facilitator's u in the line mode leaves the joiner's vote"
