#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Many hands, one record: undo and redo are per person, and the history
# screen and `nextsteps history` show every change with who made it.
#  - the facilitator's u after a joiner's vote undoes the facilitator's
#    own change and leaves the vote, on every screen;
#  - U redoes it; the joiner's own u withdraws only their vote;
#  - the history screen (H) lists both people's changes, undone and
#    redone ones marked; r narrows it to the row; `history` prints it.
. "$(dirname "$0")/lib.sh"
ns_init

ns_small Room

ns_start 100 30 "" "" --session Room
ns_wait_for "Alpha row one"
ns_keys 2
ns_wait_for "Saved: Build agreed."
ns_open ann 100 30 "" "" join Room --as Ann
ns_wait_for "Your vote: none yet"
ns_keys 3
ns_wait_for "Your vote: 3 Enhance"
ns_use 0
ns_wait_for "Start 0  Build 0  Enhance 1"

# ---------------------------------------------------------------- undo
ns_keys u
ns_wait_for "Undone on 1.1 Alpha row one: agreed Build"
ns_wait_for "[not reached yet]"
ns_wait_for "Start 0  Build 0  Enhance 1"
ns_use ann
ns_wait_for "Your vote: 3 Enhance"
ns_use 0
ns_keys u
ns_wait_for "Nothing left to undo."
ns_wait_for "Start 0  Build 0  Enhance 1"

# ---------------------------------------------------------------- redo
ns_keys U
ns_wait_for "Redone on 1.1 Alpha row one: agreed Build"
ns_wait_for "[agreed: Build]"
ns_keys C-r
ns_wait_for "Nothing to redo."

# The joiner's u is theirs alone.
ns_use ann
ns_keys u
ns_wait_for "Undone on 1.1 Alpha row one: Ann voted Enhance"
ns_wait_for "Your vote: none yet"
ns_keys U
ns_wait_for "Redone on 1.1 Alpha row one: Ann voted Enhance"
ns_wait_for "Your vote: 3 Enhance"
ns_use 0
ns_wait_for "[agreed: Build]"

# ---------------------------------------------------------------- history
ns_keys H
ns_wait_for "History: 7 changes, newest first"
ns_wait_for "Ann          1.1    Ann voted Enhance: no vote -> Enhance  redo"
ns_wait_for "Ann          1.1    Ann voted Enhance: no vote -> Enhance  undone"
ns_wait_for "facilitator  1.1    agreed Build: open -> Build  redo"
ns_wait_for "facilitator  1.1    Undid: Agreed Build on"
ns_wait_for "facilitator  -      created the session"
ns_keys j j j j j j
ns_keys r
ns_wait_for "History: 6 changes on this row, newest first"
ns_keys r
ns_wait_for "History: 7 changes, newest first"
ns_keys q
ns_wait_for "[agreed: Build]"

ns_cli history Room >"$NS_DIR/h" 2>&1 || ns_fail "history failed: $(cat "$NS_DIR/h")"
grep -q "^History of 'Room': 7 changes, newest first" "$NS_DIR/h" ||
	ns_fail "history heading: $(head -1 "$NS_DIR/h")"
grep -q "  Ann  alpha-one  Ann voted Enhance: no vote -> Enhance  \[undone\]" "$NS_DIR/h" ||
	ns_fail "history lacks the joiner's undone vote: $(cat "$NS_DIR/h")"
grep -q "  facilitator  alpha-one  agreed Build: open -> Build  \[redo\]" "$NS_DIR/h" ||
	ns_fail "history lacks the facilitator's redo: $(cat "$NS_DIR/h")"
ns_cli history Room --format csv >"$NS_DIR/h.csv" || ns_fail "history csv failed"
head -1 "$NS_DIR/h.csv" | grep -q "^session_id,session,change_id,at,who,actor,row_id,kind,what,before,after,status,undoes" ||
	ns_fail "history csv header: $(head -1 "$NS_DIR/h.csv")"
grep -q ",Ann,participant,alpha-one,vote,Ann voted Enhance,no vote,Enhance,redo," "$NS_DIR/h.csv" ||
	ns_fail "history csv lacks the joiner's redo: $(cat "$NS_DIR/h.csv")"
if command -v python3 >/dev/null 2>&1 && python3 -c "import jsonschema" 2>/dev/null; then
	ns_cli history Room --format json >"$NS_DIR/h.json" || ns_fail "history json failed"
	python3 "$TEST_SRCDIR/tests/schema_check.py" "$TEST_SRCDIR/schema/history.schema.json" \
		"$NS_DIR/h.json" || ns_fail "history json does not match its schema"
fi
ns_cli history Nowhere >/dev/null 2>"$NS_DIR/err"
[ $? -eq 66 ] || ns_fail "history of no session did not exit 66"
grep -q "^nextsteps: no session named 'Nowhere'" "$NS_DIR/err" ||
	ns_fail "history of no session: $(cat "$NS_DIR/err")"
# ---------------------------------------------------------------- clear
# Clearing a vote the participant cast themselves asks first, and the
# history records who cleared it.
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 0
ns_wait_for "Clear the vote Ann cast at their own terminal?"
ns_keys n
ns_wait_for "Cancelled."
ns_keys 0
ns_wait_for "Clear the vote Ann cast at their own terminal?"
ns_keys y
ns_wait_for "Saved: Ann's own vote cleared; the history says you cleared it."
ns_use ann
ns_wait_for "Your vote: none yet"
ns_use 0
ns_keys q
ns_wait_for "[agreed: Build]"
ns_keys H
ns_wait_for "facilitator  1.1    Ann withdrew the vote: Enhance -> no vote"
ns_keys q
echo "ok: undo and redo per person, the history screen and command"
