#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# suspend.sh - Ctrl-Z under a job-control shell (as over SSH): ncurses
# leaves screen mode before stopping, and `fg` brings the same screen back,
# still working.
. "$(dirname "$0")/lib.sh"
ns_init
if ! command -v bash >/dev/null 2>&1; then
	echo "bash is not installed (the job-control shell): skipping"
	exit 77
fi
ns_cli --content "$NS_SMALL" new Sig >/dev/null || ns_fail "cannot create the session"

ns_tmux new-session -d -x 80 -y 24 "env PS1='ns\$ ' TERM=xterm-256color \
	LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile -i" ||
	ns_fail "tmux could not start bash"
ns_wait_for "ns\$"
ns_type "$(ns_quote "$NEXTSTEPS_BIN") --db $(ns_quote "$NS_DB") --session Sig"
ns_keys Enter
ns_wait_for "Alpha row one"
ns_wait_alt 1
ns_keys C-z
ns_wait_for "Stopped"
ns_wait_alt 0
[ "$(ns_cursor)" = 1 ] || ns_fail "Ctrl-Z left the cursor hidden"
ns_type "fg"
ns_keys Enter
ns_wait_alt 1
ns_wait_for "Alpha row one"
ns_keys j
ns_wait_for "Beta row one"
ns_keys q
ns_wait_for "ns\$"
ns_wait_alt 0
echo "ok - Ctrl-Z and fg"
