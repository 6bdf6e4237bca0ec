#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Disagreement in sight: votes of Start and Enhance say "Views differ" on
# the walk's vote line and mark the row '!' on the overview; a stage agreed
# above every vote says so on the walk, in the summary and the report;
# watch shows the spread as a bar per stage.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Differ --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
ns_start "" "" "" "" --session Differ
ns_wait_for "Alpha row one"

ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 1 3
ns_wait_for "Lowest Start, highest Enhance."
ns_keys q
ns_wait_for "Views differ: Start 1  Build 0  Enhance 1"

ns_keys o
ns_wait_for ".!"
ns_wait_for "! views differ"
ns_keys Escape
ns_wait_for "Views differ: Start 1"

# Both on Start, the room agrees Enhance: above every vote.
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 1 1
ns_wait_for "All agree: Start."
ns_keys q
ns_wait_for "Start 2  Build 0  Enhance 0"
ns_keys 3
ns_wait_for "agreed above all votes: Start 2"
ns_keys s
ns_wait_for "Disagreements (!): 1 row"
ns_wait_for "agreed above all votes: Start 2"
ns_cli report Differ --format text | grep -q "\[!\] Agreed above all votes." ||
	ns_fail "the report does not say the stage is above every vote"
ns_cli report Differ --format text | grep -q "Alpha row one (agreed above all votes)" ||
	ns_fail "the report's disagreements do not list the row"

ns_open watch "" "" "" "" watch Differ
ns_wait_for "## 2 votes"
echo "ok - disagree"
