#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Resizing to 30x8 and back, 50 times, in the middle of a walk: below the
# minimum size the program says how large it needs to be, in lines that
# fit 30 columns, never crashes, and comes back to the same screen.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Resize --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
ns_start "" "" "" "" --session Resize
ns_wait_for "Alpha row one"
ns_keys 2
ns_wait_for "[agreed: Build]"
ns_keys v
ns_wait_for "Votes: Alpha row one"

i=0
while [ $i -lt 50 ]; do
	ns_tmux resize-window -t 0 -x 30 -y 8
	ns_tmux resize-window -t 0 -x 80 -y 24
	i=$((i + 1))
done
# Whole lines, not cut at the edge.  The program may still be working
# through the queue of resizes (slowly, under the sanitizers), so wait for
# the screen that the last one leaves.  Under load tmux can coalesce a
# burst of resizes and leave the terminal's own size (TIOCGWINSZ, which the
# program reads) at the old value while the pane is already small; a
# second, distinct resize every two seconds gets the size through.
sleep 0.3
ns_tmux resize-window -t 0 -x 30 -y 8
whole() {
	ns_screen | grep -q '^Terminal too small: *$' &&
		ns_screen | grep -q '^need 60x16 *$' &&
		ns_screen | grep -q '^(q quits) *$'
}
i=0
while ! whole && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
	if [ $((i % 40)) -eq 0 ]; then
		ns_tmux resize-window -t 0 -x 31 -y 8
		ns_tmux resize-window -t 0 -x 30 -y 8
	fi
done
whole || ns_fail "the too-small message is cut or missing"
ns_tmux resize-window -t 0 -x 80 -y 24
ns_wait_for "Votes: Alpha row one"
ns_wait_for "Ann"
ns_wait_gone "Terminal too small"
# Still working: back to the walk, then the next row.
ns_keys q
ns_wait_for "[agreed: Build]"
ns_keys j
ns_wait_for "Beta row one"
ns_tmux resize-window -t 0 -x 132 -y 40
ns_wait_for "[ ] 1 Start"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - resize"
