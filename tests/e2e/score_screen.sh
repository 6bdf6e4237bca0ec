#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# `score` on the screens: a digit scores the row and moves on, the scorer
# sees their own score only, u undoes it, a rerun resumes at the first
# unscored row, and a row the facilitator's walk has opened is locked.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Screens --participants "Elm Practice,Oak Surgery" \
	>/dev/null || ns_fail "cannot create the session"
printf '1\n3\n' | ns_cli score Screens --as "Oak Surgery" --plain >/dev/null ||
	ns_fail "Oak cannot score"

ns_start "" "" "" "" score Screens --as "Elm Practice"
ns_wait_for "Scoring Screens as Elm Practice: 0 of 2 rows scored"
ns_wait_for "Row 1 of 2  Alpha section"
ns_wait_for "Your score: not scored"
ns_keys 2
ns_wait_for "Saved: Build on row 1."
ns_wait_for "Row 2 of 2  Beta section"
ns_wait_for "1 of 2 rows scored"
ns_ok "a digit scores the row and moves on"

# The hint bar and help name the session's stages and the scoring keys.
ns_wait_for "1-3 score  d don't know"
ns_keys '?'
ns_wait_for "Scoring"
ns_screen | grep -q "^   1-3  *Score the row at the stage with this number" ||
	ns_fail "help does not list the scoring keys"
ns_screen | grep -q "^   d  *Score don't know" ||
	ns_fail "help does not list d"
ns_keys q
ns_wait_for "Row 2 of 2  Beta section"
ns_keys Enter
ns_wait_for "The key Enter does nothing here; ? lists the keys."
ns_keys 4
ns_wait_for "There are 3 stages: press 1 to 3."
ns_ok "the hint bar and help give the scoring keys"

# Oak scored Enhance here: Elm never sees it.
ns_wait_for "Your score: not scored"
ns_keys k
ns_wait_for "Your score: Build"
ns_keys u
ns_wait_for "Saved: undid your score on alpha-one."
ns_wait_for "Your score: not scored"
ns_keys U
ns_wait_for "Saved: redid your score on alpha-one."
ns_wait_for "Your score: Build"
ns_ok "u and U undo and redo the scorer's own score"

ns_keys q
ns_wait_for "NS-EXITED-0"
ns_start "" "" "" "" score Screens --as "Elm Practice"
ns_wait_for "Row 2 of 2  Beta section"
ns_wait_for "1 of 2 rows scored"
ns_ok "a rerun resumes at the first unscored row"
ns_keys q
ns_wait_for "NS-EXITED-0"

# The facilitator's walk opens alpha-one: it is locked for Elm.
ns_start "" "" "" "" --session Screens
ns_wait_for "2 scored; secret until revealed"
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_start "" "" "" "" score Screens --as "Elm Practice"
ns_wait_for "Row 2 of 2  Beta section"
ns_keys k
ns_wait_for "Locked: the workshop has opened this row; your score stays Build."
ns_keys 1
ns_wait_for "alpha-one is locked"
ns_ok "a row the walk opened is locked"
ns_keys q
ns_wait_for "NS-EXITED-0"

ns_start "" "" "" "" score Screens --as "Nobody"
ns_wait_for "NS-EXITED-66"
ns_ok "a name that is not a participant exits 66"
exit 0
