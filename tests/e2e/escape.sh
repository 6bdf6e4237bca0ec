#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A participant, a session and a note holding terminal escape sequences
# are shown in a visible form and never act on the terminal: the pane
# title does not change.
. "$(dirname "$0")/lib.sh"
ns_init

evil=$(printf 'Eve\033]0;pwned\007')
ns_cli --content "$NS_SMALL" new "$(printf 'Bad\033[2Jname')" \
	--participants "Ann,$evil" >/dev/null || ns_fail "cannot create the session"
ns_start "" "" "" ""
ns_wait_for "Sessions (1)"
ns_tmux select-pane -t 0 -T "clean-title"
ns_wait_for 'Bad^[[2Jname'
ns_keys Enter
ns_wait_for "Alpha row one"
ns_keys v
ns_wait_for 'Eve^[]0;pwned^G'
ns_keys q
ns_wait_for "Alpha row one"
ns_keys Escape
ns_wait_for 'Bad^[[2Jname'
title=$(ns_tmux display -p -t 0 '#{pane_title}')
[ "$title" = "clean-title" ] || ns_fail "the pane title changed to '$title'"
ns_keys q
ns_wait_for "NS-EXITED-0"
# (On exit xterm's rmcup pops the title saved at start, so only check that
# nothing of ours got there.)
title=$(ns_tmux display -p -t 0 '#{pane_title}')
case $title in *pwned*) ns_fail "the pane title changed to '$title'" ;; esac
echo "ok - escape"

# U+009B (CSI as one character) typed into a note is kept and shown
# visibly, like the other C1 controls, never dropped or sent raw.
ns_start "" "" "" "" --session "$(printf 'Bad\033[2Jname')"
ns_wait_for "Alpha row one"
ns_keys n
ns_wait_for "Esc"
ns_type "a$(printf '\302\233')b$(printf '\302\205')c"
ns_wait_for "a<U+009B>b<U+0085>c"
ns_keys Escape
ns_wait_for "Saved: note."
ns_cli report "$(printf 'Bad\033[2Jname')" |
	grep -q -F 'a<U+009B>b<U+0085>c' || ns_fail "the typed C1 controls were not stored"
ns_cli report "$(printf 'Bad\033[2Jname')" --format json |
	grep -q -F 'a\u009bb\u0085c' || ns_fail "the JSON does not carry the typed C1 controls"
echo "ok - C1 controls typed into a note are kept and shown"
