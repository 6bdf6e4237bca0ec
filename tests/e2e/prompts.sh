#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# The facilitator's help on the built-in matrix: f on the walk opens the
# row's prompts, evidence and glossary terms in place of the stages (at
# 80x24, and on a vt100 in ASCII) and f again closes it; the help screen
# ends with the glossary; the line mode's f prints the same through a
# pipe; and a summary compared with a session on matrix 1.0 says which
# rows are not in that version.
. "$(dirname "$0")/lib.sh"
ns_init

old=$TEST_SRCDIR/tests/data/content/nextsteps-1.0.cfg
ns_expect_cli "session 'Then'" --content "$old" new "Then" --org "Riverside"
ns_expect_cli "session 'Now'" new "Now" --org "Riverside"

ns_start "" "" "" "" --session "Now"
ns_wait_for "Shared purpose and priorities"
ns_screen | tail -n 1 | grep -F -q "f prompts" ||
	ns_fail "the hint bar does not name f at 80 columns: $(ns_screen | tail -n 1)"
ns_keys f
ns_wait_for "If a new practice manager asked what the group is for"
ns_wait_for "A written statement of shared aims"
shown=$(ns_screen)
printf '%s\n' "$shown" | grep -F -q "Evidence" || ns_fail "the panel does not label the evidence"
printf '%s\n' "$shown" | grep -F -q "[ ] 1 Start" && ns_fail "the panel leaves the stages on screen"
echo "ok - f shows the row's prompts and evidence at 80x24"

# The panel stays open from row to row; the third row uses ICB, CCG, LMC.
ns_keys j j
ns_wait_for "Row 3 of 4: Voice with commissioners"
ns_wait_for "ICB: Integrated care board"
ns_wait_for "LMC: Local medical committee"
echo "ok - the panel names the glossary terms the row uses"

ns_keys f
ns_wait_for "[ ] 1 Start"
ns_screen | grep -F -q "For the facilitator" && ns_fail "f again does not close the panel"
echo "ok - f again shows the stages"

# The help screen ends with the glossary.
ns_keys '?' G
ns_wait_for "QOF                Quality and Outcomes Framework"
ns_keys q
ns_wait_for "Row 3 of 4"
echo "ok - the help screen shows the glossary"

# The summary: rows new in version 1.1 are not compared with 'Then'.
ns_keys s
ns_wait_for "Summary: Now, Riverside"
ns_keys G
ns_wait_for "Compared with 'Then'"
ns_wait_for "Continuity with a named clinician"
shown=$(ns_screen)
printf '%s\n' "$shown" | grep "Continuity with a named clinician" | grep -F -q "not in version 1.0" ||
	ns_fail "a row new to 1.1 does not say 'not in version 1.0'"
printf '%s\n' "$shown" | grep -F -q "new-row" && ns_fail "the summary still says new-row"
ns_keys q
ns_wait_for "Row 3 of 4"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - the summary names rows not in version 1.0"

# vt100 in the C locale: the panel in ASCII only.
ns_start 80 24 vt100 C --session "Now"
ns_wait_for "Row 3 of 4"
ns_keys f
ns_wait_for "ICB: Integrated care board"
ns_screen | LC_ALL=C grep -q '[^ -~]' && ns_fail "the panel is not ASCII on a vt100"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - the panel on a vt100 is ASCII"

# The line mode through a pipe: f on the third row, then the help.
out=$NS_DIR/plain.out
printf 'f\n?\nq\n' | env COLUMNS=200 TERM=dumb LANG=C.UTF-8 LC_ALL=C.UTF-8 \
	"$NEXTSTEPS_BIN" --db "$NS_DB" --plain --session "Now" >"$out" 2>&1 ||
	ns_fail "the line mode failed: $(cat "$out")"
for want in "Prompt 1: Think of a recent local decision" \
	"Evidence: Papers or minutes from borough or ICB meetings" \
	"Term ICB: Integrated care board" "Glossary of the matrix (" \
	"  ARRS: Additional Roles Reimbursement Scheme" "  f      for the facilitator"; do
	grep -F -q -- "$want" "$out" || ns_fail "the line mode's f does not print '$want': $(cat "$out")"
done
echo "ok - the line mode's f prints the prompts, evidence, terms and glossary"
