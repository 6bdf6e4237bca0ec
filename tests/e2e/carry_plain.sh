#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# carry_plain.sh - last session's actions reviewed in the line mode: a
# second session of the same organisation (its name in other capitals)
# says how many actions came from the first before its first row, shows
# each row's under it, and B marks them done, carried forward or dropped
# (refusing to carry one whose row the new session does not walk), with
# undo and redo; the report, the CSV and the summary say what became of
# each; a failed write is never called saved.  Through a pipe, then on a
# terminal (tmux, TERM=dumb).
. "$(dirname "$0")/lib.sh"
ns_init
bin=$NEXTSTEPS_BIN
db=$NS_DB
out=$NS_DIR/out
COLUMNS=200 LANG=C.UTF-8 LC_ALL=C.UTF-8
export COLUMNS LANG LC_ALL
NS_SHOW=$out
esc=$(printf '\033')

has() {   # has TEXT [FILE]: the last run printed TEXT
	grep -F -q -- "$1" "${2:-$out}" && return 0
	sed 's/^/# /' "${2:-$out}" | tail -40
	ns_fail "missing: $1"
}

plain() {   # plain INPUT ARGS...: the line mode through a pipe
	input=$1
	shift
	printf '%s' "$input" | "$bin" --db "$db" "$@" >"$out" 2>"$NS_DIR/err"
	status=$?
}

# Line number of the first line holding TEXT in the last run, or 0.
at() {
	grep -F -n -- "$1" "$out" | head -n 1 | cut -d: -f1 | grep . || echo 0
}

# Session A on the PCN track walks alpha-pcn, which an LGPO session does
# not: an action there comes over with its row gone.  "Audit the notes"
# is done, so it stays behind.
"$bin" --db "$db" --content "$NS_SMALL" new "Camden 2025" --org Camden \
	--type pcn --participants Ann >/dev/null || ns_fail "cannot create session A"
plain "a
Write the rota
Dr Ada
2026-03-01
a
a
Call the LMC



g
2
a
Ask the PCN


g
3
a
Audit the notes


a
x
a
Train staff



q
" --plain --session "Camden 2025"
[ "$status" -eq 0 ] || ns_fail "session A's run ended with $status"
[ "$(grep -c 'Saved: action added' "$out")" -eq 5 ] || ns_fail "session A: not 5 actions"
has "Saved: action done."
"$bin" --db "$db" --content "$NS_SMALL" new "Camden 2026" --org CAMDEN \
	--participants Ann >/dev/null || ns_fail "cannot create session B"

# 1. The count once before the first row, each row's line under it, and
# a pipe that answers nothing is not held up by either.
plain "
q
" --plain --session "Camden 2026"
[ "$status" -eq 0 ] || ns_fail "the first look ended with $status"
has "4 actions from Camden 2025 to review: B, then *, lists them all."
has "From Camden 2025: 2 actions to review (B)."
has "From Camden 2025: 1 action to review (B)."
opening=$(at "4 actions from Camden 2025")
row1=$(at "Row 1 of 2: Alpha row one")
line1=$(at "From Camden 2025: 2 actions")
row2=$(at "Row 2 of 2: Beta row one")
line2=$(at "From Camden 2025: 1 action to review")
[ "$opening" -lt "$row1" ] && [ "$row1" -lt "$line1" ] && [ "$line1" -lt "$row2" ] &&
	[ "$row2" -lt "$line2" ] ||
	ns_fail "the lines are out of place ($opening $row1 $line1 $row2 $line2)"
printf '' | "$bin" --db "$db" --plain --session "Camden 2026" >"$out" 2>&1 ||
	ns_fail "an empty pipe did not end with 0"
has "4 actions from Camden 2025 to review"
has "Everything is saved"
ns_ok "the count before the first row and each row's line, never waiting"

# 2. B lists the row's, a number and a key set the outcome; * lists all;
# the action whose row is gone is refused carrying forward, then dropped;
# u and U revert and restore it.
plain "g
1
B
1
d
2
c
*
3
c
3
x

u
U
l
?
s
q
" --plain --session "Camden 2026"
[ "$status" -eq 0 ] || ns_fail "the review ended with $status"
has "Actions from Camden 2025 on this row:"
has "  1. not yet reviewed: Write the rota (Dr Ada, 2026-03-01)"
has "  2. not yet reviewed: Call the LMC"
has "Review [1-2 an action, l list, * all, Enter back] >"
has "[d done, i in progress, x dropped, c carried forward, 0 not yet reviewed, Enter keeps it] >"
has "Saved: done: Write the rota (Dr Ada, 2026-03-01)"
has "Saved: carried forward: Call the LMC -- an action of this session now"
has "Actions from Camden 2025, all of them:"
has "  3. not yet reviewed: Ask the PCN; row alpha-pcn is gone from this matrix"
has "  4. not yet reviewed: Train staff -- row 2.1 Beta row one"
has "Not saved: row alpha-pcn is not in this session's matrix: mark the action done, in progress or dropped"
has "Saved: dropped: Ask the PCN; row alpha-pcn is gone from this matrix"
has "Saved: Undone on Alpha row for networks: marked last session's action dropped: Ask the PCN."
has "Saved: Redone on Alpha row for networks: marked last session's action dropped: Ask the PCN."
has "Action: Call the LMC (carried forward from Camden 2025)"
has "From Camden 2025: 2 actions, reviewed (B)."
has "Everything is saved"
ns_ok "B marks actions done, carried forward and dropped; undo and redo"

# ? lists B with the outcome keys; s prints the section.
has "  B      last session's actions on this row (all of them when it has none;"
has "dropped, c carried forward, 0 not yet reviewed"
summary=$(at "Workshop report")
[ "$summary" -gt 0 ] || ns_fail "s printed no summary"
sed -n "$summary,\$p" "$out" >"$NS_DIR/summary"
has "Actions from Camden 2025" "$NS_DIR/summary"
has "done              Write the rota" "$NS_DIR/summary"
has "carried forward   Call the LMC" "$NS_DIR/summary"
has "dropped           Ask the PCN" "$NS_DIR/summary"
has "not yet reviewed  Train staff" "$NS_DIR/summary"
ns_ok "? lists B and the summary has the actions from the last session"

# 3. The report and the CSV say what became of each, and the carried
# action is this session's, naming the session it came from.
"$bin" --db "$db" report "Camden 2026" >"$NS_DIR/report" 2>&1 ||
	ns_fail "report failed: $(cat "$NS_DIR/report")"
has "Actions from Camden 2025" "$NS_DIR/report"
has "carried forward   Call the LMC" "$NS_DIR/report"
has "dropped           Ask the PCN" "$NS_DIR/report"
has "Row alpha-pcn is not in" "$NS_DIR/report"
csv_has --table actions "Camden 2026" "text=Call the LMC" status=open \
	"brought_from=Camden 2025" row_id=alpha-one
csv_has --table actions "Camden 2026" "text=Call the LMC" status=carried_forward
csv_has --table actions "Camden 2026" "text=Write the rota" status=done \
	"brought_from=Camden 2025"
csv_has --table actions "Camden 2026" "text=Ask the PCN" status=dropped row_id=alpha-pcn
csv_has --table actions "Camden 2026" "text=Train staff" status=not_reviewed
csv_lacks --table actions "Camden 2026" "text=Audit the notes"
ns_ok "the report and the CSV carry the outcomes and brought_from"

# 4. Enter keeps an outcome, 0 takes a carried one back (its action
# goes), and a key that is no outcome is asked again.
plain "g
1
B
2
q
0

q
" --plain --session "Camden 2026"
has "Type one of d done, i in progress, x dropped, c carried forward, 0 not yet reviewed, or Enter."
has "Saved: not yet reviewed: Call the LMC"
csv_lacks --table actions "Camden 2026" "text=Call the LMC" status=open
plain "g
1
B
2


q
" --plain --session "Camden 2026"
has "Not saved: nothing changed; it stays not yet reviewed."
ns_ok "Enter keeps an outcome and 0 takes a carried action back"

# 5. A failed write (a read-only file) says Not saved: and ends with 74,
# never "Everything is saved" (as root, run as nobody, since root writes
# anyway).
if ns_readonly_plain "$db" "$out" 'g\n1\nB\n1\ni\n\nq\n' --session "Camden 2026"; then
	status=$NS_STATUS
	grep -F -A1 "Enter keeps it] > i" "$out" | grep -q "^Not saved: .*read-only" ||
		ns_fail "read-only: the outcome was not answered with Not saved:"
	! grep -q "Everything is saved" "$out" || ns_fail "read-only: said everything is saved"
	[ "$status" -eq 74 ] || ns_fail "read-only: status $status, not 74"
	ns_ok "a failed outcome is Not saved: and status 74"
else
	ns_ok "a failed outcome # SKIP no way to run as another user here"
fi

# 6. On a terminal (tmux, TERM=dumb, its width the default): the row's
# line, B, an outcome.
unset COLUMNS
ns_start 100 40 dumb "" --session "Camden 2026"
ns_wait_for "From Camden 2025: 1 action to review (B)."
ns_type B
ns_keys Enter
ns_wait_for "Review [1-2 an action, l list, * all, Enter back] >"
ns_type 1
ns_keys Enter
ns_wait_for "Outcome of 1, now done"
ns_type i
ns_keys Enter
ns_wait_for "Saved: in progress: Write the rota (Dr Ada, 2026-03-01)"
ns_keys Enter
ns_type q
ns_keys Enter
ns_wait_for "NS-EXITED-0"
csv_has --table actions "Camden 2026" "text=Write the rota" status=in_progress
ns_ok "on a terminal, B reviews the row's actions"

# 7. Once a row is answered the count is no longer said at the start
# (the run has ended: its whole output is there to read).
plain "g
1
a
Book the ${esc}[2Jroom


2
q
" --plain --session "Camden 2026"
has "Saved: action added."
has "Saved: Build agreed."
plain "q
" --plain --session "Camden 2026"
has "Session 'Camden 2026': 1 of 2 rows answered."
! grep -q "actions from Camden 2025 to review" "$out" ||
	ns_fail "the count was said again after a row was answered"
ns_ok "the count is for a session not yet begun"

# 8. A session created in the line mode's picker for the organisation
# brings the open action of the latest one, and says so at once; its
# text is shown with the escape made visible.
plain "n
Camden 2027
camden


Ann
B

q
" --content "$NS_SMALL" --plain
[ "$status" -eq 0 ] || ns_fail "creating from the picker ended with $status"
has "Saved: session 'Camden 2027' created"
has "1 action from Camden 2026 to review: B, then *, lists them all."
has "From Camden 2026: 1 action to review (B)."
has "  1. not yet reviewed: Book the ^[[2Jroom"
! grep -q "$esc" "$out" || ns_fail "an escape byte reached the line mode's output"
ns_ok "a session made in the line mode opens with the count"
echo "1..${NS_OK}"
