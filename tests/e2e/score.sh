#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Private scores before the workshop: three participants score through
# the line mode from a pipe (one answer line per row, d don't know, an
# empty line skips); a rerun resumes at the first unscored row; a name
# that is not a participant, or an unknown session, exits 66.  The
# facilitator's walk shows "3 scored" and no values until r, then the
# spread; the CSV says the votes were given before; the row the walk
# opened refuses a scorer.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Score --participants "Elm Practice,Oak Surgery,Ash MC" \
	>/dev/null || ns_fail "cannot create the session"

score() {
	ns_cli score Score --as "$1" --plain
}

# Elm scores both rows; Oak the first and skips the second; Ash (without
# --plain, TERM=dumb) scores the first, then don't know.
out=$(printf '2\n3\n' | score "Elm Practice") || ns_fail "Elm's scores: $out"
printf '%s\n' "$out" | grep -q "Saved: Build on alpha-one." || ns_fail "no Build: $out"
printf '%s\n' "$out" | grep -q "Everything is saved: 2 of 2 rows scored." ||
	ns_fail "Elm's total: $out"
ns_ok "Elm Practice scores two rows from a pipe"

out=$(printf '1\n\n' | score " Oak Surgery ") || ns_fail "Oak's scores: $out"
printf '%s\n' "$out" | grep -q "The next run starts at row 2" || ns_fail "Oak: $out"
# u undoes Oak's own score and U redoes it, as on the walk.
out=$(printf 'u\nU\nq\n' | score "Oak Surgery") || ns_fail "Oak's undo: $out"
printf '%s\n' "$out" | grep -q "Saved: undid your score on alpha-one." || ns_fail "u: $out"
printf '%s\n' "$out" | grep -q "Saved: redid your score on alpha-one." || ns_fail "U: $out"
out=$(printf 'q\n' | score "Oak Surgery") || ns_fail "Oak again: $out"
printf '%s\n' "$out" | grep -q "^Row 2 of 2" || ns_fail "Oak did not resume at row 2: $out"
printf '%s\n' "$out" | grep -q "^Row 1 of 2" && ns_fail "Oak resumed at row 1: $out"
ns_ok "a skipped row is where the next run starts"

out=$(printf '3\nd\n' | env TERM=dumb "$NEXTSTEPS_BIN" --db "$NS_DB" score Score \
	--as "Ash MC") || ns_fail "Ash's scores: $out"
printf '%s\n' "$out" | grep -q "Saved: don't know on beta-one." || ns_fail "Ash: $out"
ns_ok "TERM=dumb scores in the line mode"

# The prompt offers ?, and ? names the matrix's own stages.
out=$(printf '?\nq\n' | env TERM=dumb "$NEXTSTEPS_BIN" --db "$NS_DB" score Score \
	--as "Ash MC") || ns_fail "Ash's ?: $out"
printf '%s\n' "$out" | grep -q "Enter to skip, ? for more > " || ns_fail "prompt: $out"
printf '%s\n' "$out" | grep -q "^  1-3    score the row at that stage: 1. Start, 2. Build" ||
	ns_fail "? does not name the stages: $out"
ns_ok "the score prompt offers ? and ? names the stages"

printf '2\n' | ns_cli score Score --as "Birch" --plain >"$NS_DIR/out" 2>"$NS_DIR/err"
rc=$?
[ "$rc" = 66 ] || ns_fail "unknown participant exits $rc, not 66"
grep -q "^nextsteps: .*3 participants" "$NS_DIR/err" || ns_fail "message: $(cat "$NS_DIR/err")"
grep -q "Elm" "$NS_DIR/err" && ns_fail "the message names participants"
ns_cli score Nothing --as "Elm Practice" --plain </dev/null >/dev/null 2>&1
rc=$?
[ "$rc" = 66 ] || ns_fail "unknown session exits $rc, not 66"
ns_ok "unknown participant and unknown session exit 66"

# Before the workshop the report says who scored, never the values.
ns_cli report Score >"$NS_DIR/report" || ns_fail "no report"
grep -q "5 votes were given before the workshop" "$NS_DIR/report" ||
	ns_fail "report: $(grep -A1 Scores "$NS_DIR/report")"
grep -q "Votes: not revealed." "$NS_DIR/report" || ns_fail "report shows scores"
ns_ok "the text report counts the scores and hides them"

# The facilitator's walk: "3 scored", no values, until r.
ns_start "" "" "" "" --session Score
ns_wait_for "Alpha row one"
ns_wait_for "3 scored; secret until revealed"
ns_screen | grep "3 scored" | grep -q "Start\|Build\|Enhance" &&
	ns_fail "the vote line shows values before the reveal"
ns_ok "the walk shows 3 scored and no values"
ns_cli report Score --format csv --table answers | grep -q ",vote," &&
	ns_fail "the CSV shows unrevealed scores"
ns_keys v
ns_wait_for "3 scored. Votes are secret until you reveal them (r)."
ns_keys r
ns_wait_for "Saved: votes revealed."
ns_wait_for "Lowest Start, highest Enhance."
ns_ok "r reveals the spread"
ns_keys Escape
ns_wait_for "Alpha row one"
ns_cli report Score --format csv --table answers >"$NS_DIR/csv"
n=$(grep -c ",alpha-one,.*,vote,before," "$NS_DIR/csv")
[ "$n" = 3 ] || ns_fail "CSV has $n votes given before: $(cat "$NS_DIR/csv")"
ns_ok "the CSV says the scores were given before"

ns_cli report Score --format json >"$NS_DIR/json" || ns_fail "no JSON"
grep -q '"participant":"Elm Practice","vote":"build","when":"before"' "$NS_DIR/json" ||
	ns_fail "JSON votes: $(cat "$NS_DIR/json")"
grep -q '"votes_before":5' "$NS_DIR/json" || ns_fail "JSON scores: $(cat "$NS_DIR/json")"
python3 "$TEST_SRCDIR/tests/schema_check.py" "$TEST_SRCDIR/schema/report.schema.json" \
	"$NS_DIR/json" || ns_fail "the JSON breaks its schema"
ns_ok "the JSON says when each vote was given and who scored"

# The facilitator's summary says who scored how many rows.
ns_keys s
ns_wait_for "5 votes were given before the workshop (Elm Practice 2/2, Oak"
ns_keys q
ns_wait_for "Alpha row one"
ns_ok "the summary screen says who scored"

# The line mode's R reveals every row still hidden: beta-one's scores.
out=$(printf 'R\nq\n' | ns_cli --session Score --plain) || ns_fail "R: $out"
printf '%s\n' "$out" | grep -q "Saved: votes revealed on 1 row." || ns_fail "R: $out"
ns_cli report Score --format csv --table answers | grep -q ",beta-one,Elm Practice,3,.*,vote,before," ||
	ns_fail "beta-one not revealed: $(ns_cli report Score --format csv --table answers)"
ns_ok "R in the line mode reveals every hidden row"

# The walk opened alpha-one: Elm can no longer change that score.
out=$(printf 'b\n1\n' | score "Elm Practice") || ns_fail "Elm again: $out"
printf '%s\n' "$out" | grep -q "Not saved: alpha-one is locked" ||
	ns_fail "the opened row took a score: $out"
grep -q "Elm Practice,2,build" "$NS_DIR/csv" || ns_fail "Elm's score changed"
ns_cli report Score --format csv --table answers | grep -q "Elm Practice,2,build,Build,vote,before" ||
	ns_fail "Elm's score changed: $(ns_cli report Score --format csv --table answers)"
ns_ok "a locked row refuses the scorer"
exit 0
