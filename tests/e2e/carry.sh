#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Last session's actions reviewed on the screens.  Camden's 2025 session
# (a network's, so it walks the networks' row too) leaves four actions
# open and one done; a session for "camden" made through the new-session
# form brings the four: the walk offers the review and shows, on a row
# that has some, how many are left to review.  The review (B) marks one
# done, carries one forward (an action of this session now), refuses to
# carry the one whose row this session does not walk, and drops one;
# Enter goes to a row.  The text report and the CSV say the same; the
# outcomes are there after quitting, u undoes the last one and U redoes
# it, at 80x24 on a vt100 in ASCII.
. "$(dirname "$0")/lib.sh"
ns_init

NEXTSTEPS_NOW=1735689600 ns_expect_cli "session 'Camden 2025'" --content "$NS_SMALL" \
	new "Camden 2025" --org Camden --type pcn --participants "Ann"
printf '%s\n' a "Write the rota" "Dr Ada" 2026-03-01 \
	a a "Call the LMC" "" "" a "Already done" "" "" "x 3" "" \
	"" a "$(printf 'Ask the \033[1mnetwork')" "" "" \
	"" a "Book the room" "" "" q |
	NEXTSTEPS_NOW=1735689600 "$NEXTSTEPS_BIN" --db "$NS_DB" --plain \
	--session "Camden 2025" >"$NS_DIR/a" 2>&1 ||
	ns_fail "the 2025 walk failed: $(cat "$NS_DIR/a")"
[ "$(grep -c "Saved: action" "$NS_DIR/a")" = 6 ] ||
	ns_fail "the 2025 actions were not all saved: $(cat "$NS_DIR/a")"

# A session without brought actions has no line for them.
ns_start "" "" "" "" --session "Camden 2025"
ns_wait_for "Actions  1 open, 0 done: Book the room"
ns_screen | grep -q "Previous " && ns_fail "a line for brought actions in 2025"
ns_keys B
ns_wait_for "No actions were brought from a previous session of Camden."
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_ok "a session with nothing brought shows nothing for it"

# The new session, through the form: the organisation's case differs.
ns_start "" "" "" "" --content "$NS_SMALL"
ns_wait_for "Camden 2025"
ns_keys n
ns_wait_for "New session"
ns_type "Camden 2026"
ns_keys Tab
ns_type "camden"
ns_keys C-s
ns_wait_for "Session created. 4 actions from Camden 2025 to review: B"
ns_wait_for "Previous From Camden 2025: 2 actions to review (B)"
ns_screen | tail -1 | grep -q '^ B last time' ||
	ns_fail "the hint bar does not offer the review first"
ns_ok "the walk offers the review and shows the row's brought actions"

ns_keys B
ns_wait_for "Actions from Camden 2025 on this row: 2 of 2 to review"
ns_wait_for "not yet reviewed Write the rota (Dr Ada, 2026-03-01)"
ns_wait_for "Row 1.1 Alpha row one"
ns_keys d
ns_wait_for "Saved: 'Write the rota' done."
ns_wait_for "done             Write the rota (Dr Ada, 2026-03-01)"
ns_keys j c
ns_wait_for "Saved: 'Call the LMC' carried forward into this session's actions."
ns_wait_for "carried forward  Call the LMC"
ns_wait_for "on this row: 0 of 2 to review"
ns_keys r
ns_wait_for "Actions from Camden 2025: 2 of 4 to review"
ns_wait_for "row alpha-pcn is gone from this matrix"
ns_keys j j c
ns_wait_for "Not saved: row alpha-pcn is not in this session's matrix"
ns_wait_for "not yet reviewed Ask the ^[[1mnetwork"
ns_keys j x
ns_wait_for "Saved: 'Book the room' dropped."
ns_wait_for "dropped          Book the room"
ns_wait_for "Row 2.1 Beta row one"
ns_wait_for "Actions from Camden 2025: 1 of 4 to review"
ns_ok "the review marks done, carries forward, refuses a gone row, drops"

ns_keys Enter
ns_wait_for "Row 1 of 1: Beta row one"
ns_wait_for "Previous From Camden 2025: 1 action, reviewed (B)"
ns_keys k
ns_wait_for "Actions  1 open, 0 done: Call the LMC"
ns_wait_for "Previous From Camden 2025: 2 actions, reviewed (B)"
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_ok "Enter goes to the row; the carried action is the row's"

report=$NS_DIR/report
ns_cli report "Camden 2026" >"$report" 2>&1 || ns_fail "report failed: $(cat "$report")"
for want in "Actions from Camden 2025" \
	"done              Write the rota" \
	"                  Owner: Dr Ada. Due: 2026-03-01. Row: 1.1 Alpha row one." \
	"carried forward   Call the LMC" \
	"not yet reviewed  Ask the ^[[1mnetwork" \
	"Due: no date. Row alpha-pcn is not in this" \
	"dropped           Book the room"; do
	grep -qF -- "$want" "$report" || ns_fail "the report lacks '$want':
$(cat "$report")"
done
csv_has --table actions "Camden 2026" row_id=alpha-one "text=Call the LMC" \
	status=open "brought_from=Camden 2025"
csv_has --table actions "Camden 2026" row_id=beta-one "text=Book the room" \
	status=dropped "brought_from=Camden 2025"
ns_ok "the report and the CSV carry the outcomes"

# Again on a vt100 at 80x24 in ASCII: the outcomes were kept.
ns_start 80 24 vt100 C --session "Camden 2026"
ns_wait_for "Previous From Camden 2025: 2 actions, reviewed (B)"
ns_keys B
ns_wait_for "Actions from Camden 2025 on this row: 0 of 2 to review"
ns_keys r
ns_wait_for "Actions from Camden 2025: 1 of 4 to review"
ns_wait_for "dropped          Book the room"
ns_wait_for "done             Write the rota (Dr Ada, 2026-03-01)"
ns_screen | LC_ALL=C grep -q '[^ -~]' && ns_fail "non-ASCII on a vt100 in LANG=C"
ns_keys q
ns_wait_for "Previous From Camden 2025: 2 actions, reviewed (B)"
ns_keys u
ns_wait_for "Undone on 2.1 Beta row one: marked last session's action dropped"
ns_wait_for "Previous From Camden 2025: 1 action to review (B)"
ns_keys U
ns_wait_for "Redone on 2.1 Beta row one: marked last session's action dropped"
ns_wait_for "Previous From Camden 2025: 1 action, reviewed (B)"
ns_keys u
ns_wait_for "Previous From Camden 2025: 1 action to review (B)"
ns_keys B
ns_wait_for "not yet reviewed Book the room"
ns_keys q
ns_wait_for "Previous From Camden 2025: 1 action to review (B)"
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_ok "kept after quitting; u undoes an outcome and U redoes it"

# The summary screen: the section in the report's words.
ns_start 80 24 vt100 C --session "Camden 2026"
ns_wait_for "Beta row one"
ns_keys s
ns_wait_for "Summary: Camden 2026, camden"
ns_keys G
ns_wait_for "Actions from Camden 2025"
ns_wait_for "carried forward   Call the LMC"
ns_wait_for "not yet reviewed  Book the room"
ns_keys B
ns_wait_for "not yet reviewed Book the room"
ns_keys i
ns_wait_for "Saved: 'Book the room' in progress."
ns_keys q
ns_wait_for "in progress       Book the room"
# Enter in a review opened from the summary goes to the walk itself.
ns_keys B
ns_wait_for "in progress      Book the room"
ns_keys Enter
ns_wait_for "Previous From Camden 2025: 1 action, reviewed (B)"
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_ok "the summary screen shows the outcomes and B reviews from it"
