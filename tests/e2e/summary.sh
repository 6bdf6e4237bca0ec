#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# The summary screen, as the room sees it at the end of a workshop: the
# profile's counts per section, a flagged disagreement, the action plan
# with its due date, "No earlier session" and then the change after a
# second session of the same organisation; at 80x24 (scrolling) and
# 132x40 (side by side); p writes the report; TERM=vt100 LANG=C shows
# ASCII only.
. "$(dirname "$0")/lib.sh"
ns_init

# The numbers on the profile line of a section, bars left out:
# "section start build enhance n/a not-yet differ".
profile_numbers() {
	ns_screen | grep -F -- "$1" | head -n 1 | sed "s/$1//" |
		tr -cs '0-9' ' ' | sed 's/^ *//; s/ *$//'
}

expect_profile() {   # expect_profile TITLE NUMBERS
	got=$(profile_numbers "$1")
	[ "$got" = "$2" ] || ns_fail "profile of '$1' is '$got', wanted '$2'"
}

ns_expect_cli "session 'Spring'" --content "$NS_SMALL" new "Spring" \
	--org "Riverside" --participants "Ann, Ben, Cat"

# Alpha row one: Ann votes Start and Ben Enhance (two stages apart, so
# flagged), Start is agreed; an action with a due date.  Beta: Enhance.
ns_start "" "" "" "" --session "Spring"
ns_wait_for "Alpha row one"
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 1
ns_wait_for "1 Start"
ns_keys 3
ns_wait_for "Suggested: Start"
ns_keys Enter
ns_wait_for "[agreed: Start]"
ns_new_action "Write the shared aims" Ann 2030-01-15
ns_keys Enter
ns_wait_for "Saved: action added."
ns_keys q
ns_wait_for "1 open, 0 done: Write the shared aims"
ns_keys j
ns_wait_for "Beta row one"
ns_keys 3
ns_wait_for "[agreed: Enhance]"

# s opens the summary from the walk.
ns_keys s
ns_wait_for "Summary: Spring, Riverside"
ns_wait_for "2 of 2 rows agreed"
expect_profile "Alpha section" "1 1 0 0 0 0 1"
expect_profile "Beta section" "2 0 0 1 0 0 0"
expect_profile "All sections" "1 0 1 0 0 1"
ns_wait_for "Disagreements (!): 1 row"
ns_wait_for "! 1.1 Alpha row one"
ns_wait_for "Start 1, Build 0, Enhance 1; range Start-Enhance"
ns_wait_for "Action plan: 1 action, by due date"
ns_screen | grep -q '15 Jan 2030 *Write the shared aims *Ann *1\.1 Alpha' ||
	ns_fail "the action is not in the plan with its due date, owner and row"
ns_wait_for "No earlier session of Riverside on this matrix."
ns_screen | grep -q 'Start *Build *Enhance *N/A *Not yet *Differ' ||
	ns_fail "no profile heading"
# A bar in text beside each count (a block in UTF-8).
ns_screen | grep -F "Alpha section" | grep -q "1 █" || ns_fail "no bar for Alpha"

# p writes the report there too, next to the database.
ns_keys p
ns_wait_for "Report written to"
[ -s "$NS_DIR/Spring.txt" ] || ns_fail "no report next to the database"
grep -q "Write the shared aims" "$NS_DIR/Spring.txt" || ns_fail "the report lacks the action"

# q goes back to the walk; the overview opens the summary too.
ns_keys q
ns_wait_for "Beta row one"
ns_keys o
ns_wait_for "Overview: 2 of 2 rows answered"
ns_keys s
ns_wait_for "Summary: Spring, Riverside"
ns_keys Escape
ns_wait_for "Overview: 2 of 2 rows answered"
ns_keys Escape
ns_wait_for "Beta row one"
ns_keys q
ns_wait_for "NS-EXITED-0"

# 132x40: the profile and the action plan span the width, the
# disagreements and the changes stand side by side, and everything fits
# without scrolling.
ns_start 132 40 "" "" --session "Spring"
ns_wait_for "Beta row one"
ns_keys s
ns_wait_for "Summary: Spring, Riverside"
ns_screen | grep -q 'Disagreements (!): 1 row.*Since the previous session' ||
	ns_fail "the disagreements are not beside the changes at 132 columns"
ns_screen | grep -q '15 Jan 2030 *Write the shared aims *Ann' ||
	ns_fail "the action is not in the plan at 132 columns"
ns_wait_for "No earlier session of Riverside on this matrix."
expect_profile "Alpha section" "1 1 0 0 0 0 1"
ns_screen | grep -q 'lines [0-9]' && ns_fail "132x40 should not need scrolling"
ns_keys q q
ns_wait_for "NS-EXITED-0"

# A second session of the same organisation: Alpha moves up to Build,
# Beta stays at Enhance.
ns_expect_cli "session 'Autumn'" --content "$NS_SMALL" new "Autumn" \
	--org "Riverside" --participants "Ann, Ben"
ns_start "" "" "" "" --session "Autumn"
ns_wait_for "Alpha row one"
ns_keys 2
ns_wait_for "[agreed: Build]"
ns_keys j
ns_wait_for "Beta row one"
ns_keys 3
ns_wait_for "[agreed: Enhance]"
ns_keys s
ns_wait_for "Summary: Autumn, Riverside"
ns_wait_for "Disagreements: no row"
ns_wait_for "Compared with 'Spring' of"
ns_wait_for "1 up, 0 down, 1 same, 0 new, 0 no longer agreed, 0 not yet discussed."
# Spring's open action was brought into Autumn: its section comes first.
ns_keys G
ns_wait_for "Actions from Spring"
ns_screen | grep -q '^ up  *1\.1 Alpha row one  *Start -> Build' ||
	ns_fail "no 'up' line for Alpha"
ns_screen | grep -q '^ same  *2\.1 Beta row one  *Enhance -> Enhance' ||
	ns_fail "no 'same' line for Beta"
ns_screen | grep -q "No earlier session" && ns_fail "the earlier session is not found"
ns_keys g
ns_wait_for "lines 1-"
expect_profile "Alpha section" "1 0 1 0 0 0 0"
ns_keys q q
ns_wait_for "NS-EXITED-0"

# On the smallest terminal it scrolls: j/k, G and g, PgDn and PgUp.
ns_start 60 16 "" "" --session "Autumn"
ns_wait_for "Beta row one"
ns_keys s
ns_wait_for "lines 1-12 of"
ns_wait_for "2 of 2 rows agreed"
ns_keys j
ns_wait_for "lines 2-13 of"
ns_wait_gone "2 of 2 rows agreed"
ns_keys G
ns_wait_for "same     2.1 Beta row one"
ns_screen | grep -q "Section *Start" && ns_fail "G did not scroll to the end"
ns_keys g
ns_wait_for "lines 1-12 of"
# At 60 columns the section names go above their counts, and the
# benchmark says it has too few organisations, and Spring's action
# brought into Autumn takes four: 28 lines.
ns_keys PgDn
ns_wait_for "lines 12-23 of 28"
ns_keys PgUp
ns_wait_for "lines 1-12 of"
ns_keys q q
ns_wait_for "NS-EXITED-0"

# TERM=vt100 and LANG=C: the same screen in ASCII only, bars of '#'.
ns_start "" "" vt100 C --session "Spring"
ns_wait_for "Beta row one"
ns_keys s
ns_wait_for "Summary: Spring, Riverside"
ns_screen | grep -F "Alpha section" | grep -q "1 #" || ns_fail "no '#' bar in ASCII"
ns_wait_for "! 1.1 Alpha row one"
ns_screen | LC_ALL=C grep -q '[^ -~]' && ns_fail "non-ASCII on a LANG=C screen"
ns_keys G
ns_wait_for "No earlier session of Riverside"
ns_screen | LC_ALL=C grep -q '[^ -~]' && ns_fail "non-ASCII on a LANG=C screen"
ns_keys q q
ns_wait_for "NS-EXITED-0"
echo "ok - summary"
