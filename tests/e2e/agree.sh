#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# The votes screen shows what the room already agreed, and Enter never
# replaces it without asking: n keeps the stage, y replaces it.  An open
# row is agreed at once, and votes all on one stage say so plainly.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Agree --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
ns_start "" "" "" "" --session Agree
ns_wait_for "Alpha row one"

agreed() {   # agreed STATE [STAGE_ID]: what the room agreed for alpha-one
	csv_has Agree row_id=alpha-one participant= "state=$1" "stage_id=${2:-}"
}

# An open row: Enter agrees at once; both on Build is "All agree".
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_wait_for "Not reached yet"
ns_keys 2 2
ns_wait_for "All agree: Build."
ns_screen | grep -q "Lowest" && ns_fail "one stage is called lowest and highest"
ns_wait_for "Suggested: Build. Enter agrees it."
ns_keys Enter
ns_wait_for "Saved: Build agreed."
ns_wait_for "[agreed: Build]"

# Views differ: the suggestion is the lower, Start; the agreed Build is shown.
ns_keys v
ns_wait_for "Agreed now: Build"
ns_keys 1
ns_wait_for "Lowest Start, highest Build."
ns_wait_for "Suggested: Start (the lower, as views differ)"
ns_keys Enter
ns_wait_for "Replace the agreed Build with Start? (y/n)"
ns_keys n
ns_wait_for "Cancelled."
ns_wait_for "Agreed now: Build"
agreed agreed build

ns_keys Enter
ns_wait_for "Replace the agreed Build with Start? (y/n)"
ns_keys y
ns_wait_for "Saved: Start agreed."
ns_wait_for "[agreed: Start]"
agreed agreed start

# The suggestion already agreed: Enter changes nothing and says so.
ns_keys v
ns_wait_for "Agreed now: Start"
ns_wait_for "Suggested: Start, as agreed."
ns_keys Enter
ns_wait_for "Start is already agreed."
ns_wait_for "[agreed: Start]"

# Not applicable is a decision too: replacing it asks.
ns_keys x
ns_wait_for "[not applicable]"
ns_keys v
ns_wait_for "Marked not applicable"
ns_keys Enter
ns_wait_for "Replace not applicable with Start? (y/n)"
ns_keys n
ns_wait_for "Cancelled."
agreed not_applicable

# The help says why the lower stage is suggested, in full.
ns_keys '?'
ns_wait_for "the lower where views differ"
ns_wait_for "guidance advises"
ns_keys q
ns_wait_for "Votes: Alpha row one"
ns_keys q q
ns_wait_for "NS-EXITED-0"
echo "ok - agree"
