#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# watch on a projector: at 200x60 the row's title is in the top part and
# text reaches the lower half (the stages in the middle, the clock at the
# foot), the agreed stage has reverse video and a text marker, the votes
# after a reveal show as bars, and the hint bar names only q; at 80x24 on
# vt100 every stage and the clock are whole.
. "$(dirname "$0")/lib.sh"
ns_init

NEXTSTEPS_NOW=1800000000
export NEXTSTEPS_NOW
ns_small Proj --participants "Ann,Ben"
ns_start "" "" "" "" --session Proj
ns_wait_for "Alpha row one"
ns_keys v
ns_wait_for "Votes: Alpha row one"
ns_keys 1 j 2 q
ns_wait_for "(2 of 2 voted)"
ns_keys 2
ns_wait_for "Saved: Build agreed."

ns_open watch 200 60 "" "" watch Proj
ns_wait_for "Following the facilitator live"
ns_wait_for "[*] 2 Build"
ns_wait_for "Workshop clock: 0/90 min"
scr=$(ns_screen)
# the row's title in the top part (the first ten lines of sixty)
echo "$scr" | head -10 | grep -q "Alpha row one" ||
	ns_fail "the row's title is not at the top"
# text in the lower half, above the hint bar
echo "$scr" | sed -n '31,58p' | grep -q "[A-Za-z]" ||
	ns_fail "nothing in the lower half of a 200x60 watch"
# the stages side by side: all three labels on one line, with margins
echo "$scr" | grep -q "^ \{10,\}\[ \] 1 Start .*\[\*\] 2 Build .*\[ \] 3 Enhance" ||
	ns_fail "the stages are not side by side with margins at 200 columns"
echo "$scr" | grep -q "(agreed)  # 1 vote" || ns_fail "no marker or vote bar by the agreed stage"
echo "$scr" | grep -q "^ *# 1 vote" || ns_fail "no vote bar by Start"
# the hint bar names q alone
[ "$(echo "$scr" | tail -1 | sed 's/ *$//')" = " q quit" ] ||
	ns_fail "the hint bar holds more than q: $(echo "$scr" | tail -1)"
# reverse video on the agreed stage's label
ns_tmux capture-pane -e -p -t "=watch:" | grep "\[\*\] 2 Build" | grep -q "$(printf '\033')\[[0-9;]*7[;m]" ||
	ns_fail "the agreed stage is not in reverse video"
ns_ok "watch at 200x60 uses the window, marks the agreed stage and names only q"

ns_open small 80 24 vt100 "" watch Proj
ns_wait_for "Following the facilitator live"
for want in "Alpha row one" "[ ] 1 Start  · # 1 vote" "[*] 2 Build  (agreed)" \
	"[ ] 3 Enhance" "Alpha one enhance text." "Workshop clock: 0/90 min" \
	"Votes" " q quit"; do
	ns_wait_for "$want"
done
ns_ok "watch at 80x24 on vt100 is whole"
ns_stop
echo "ok - projector"
