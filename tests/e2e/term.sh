#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# TERM=vt100 (no colour) and LANG=C (ASCII drawing), at 80x24 and 200x60:
# the walk is fully usable, the agreed stage is marked in text, and no
# UTF-8 reaches the terminal.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new "Zoë's group" --org "Café Practice" \
	--participants "Ann" >/dev/null || ns_fail "cannot create the session"
for size in "80 24" "200 60"; do
	set -- $size
	ns_start "$1" "$2" vt100 C --session "Zoë's group"
	ns_wait_for "Alpha row one"
	ns_wait_for "Zoe's group"              # transliterated, not raw UTF-8
	ns_keys 3
	ns_wait_for "[*] 3 Enhance"
	ns_wait_for "[agreed: Enhance]"
	ns_keys j
	ns_wait_for "Beta row one"
	ns_keys 1
	ns_wait_for "[agreed: Start]"
	ns_keys k
	ns_wait_for "Alpha row one"
	ns_keys '?'
	ns_wait_for "Agree the stage with this number"
	ns_keys q o
	ns_wait_for "Overview: 2 of 2 rows answered"
	ns_keys q
	ns_screen | LC_ALL=C grep -q '[^ -~]' && ns_fail "non-ASCII on a LANG=C screen"
	ns_keys Escape
	ns_wait_for "Cafe Practice"
	ns_keys q
	ns_wait_for "NS-EXITED-0"
done
echo "ok - term"
