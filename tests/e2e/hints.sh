#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# The hint bar puts what comes next first: the next section on a section's
# last row, and the summary and report once every row is answered.
. "$(dirname "$0")/lib.sh"
ns_init

hints() {
	ns_screen | tail -n 1
}

ns_cli --content "$NS_SMALL" new Hints >/dev/null || ns_fail "cannot create the session"
ns_start "" "" "" "" --session Hints
ns_wait_for "Alpha row one"
hints | grep -q '^ \[/\] section  j/k row' ||
	ns_fail "the last row of a section does not offer the next section first: $(hints)"
ns_keys 1
ns_wait_for "Saved: Start agreed."
ns_keys j
ns_wait_for "Beta row one"
ns_keys 2
ns_wait_for "Saved: Build agreed."
hints | grep -q '^ s summary  p report  j/k row' ||
	ns_fail "a finished walk does not offer the summary first: $(hints)"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - hints"
