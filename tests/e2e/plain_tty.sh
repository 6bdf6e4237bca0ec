#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# plain_tty.sh - TERM=dumb on a real terminal (script(1) gives it one): the
# line mode still writes not a byte of cursor addressing.
. "$(dirname "$0")/lib.sh"
ns_init_cli
if ! command -v script >/dev/null 2>&1; then
	echo "script(1) is not installed (bsdutils): skipping"
	exit 77
fi
ns_cli --content "$NS_SMALL" new "Camden 2026" >/dev/null || ns_fail "cannot create the session"
printf 'q\n' >"$NS_DIR/in"
TERM=dumb LANG=C.UTF-8 LC_ALL=C.UTF-8 script -qec \
	"$(ns_quote "$NEXTSTEPS_BIN") --db $(ns_quote "$NS_DB") --session 'Camden 2026'" \
	"$NS_DIR/typescript" <"$NS_DIR/in" >/dev/null 2>&1 ||
	ns_fail "TERM=dumb on a terminal did not end with status 0"
grep -F -q "Agree a stage [1-3]" "$NS_DIR/typescript" ||
	ns_fail "TERM=dumb on a terminal: no plain prompt"
if grep -q "$(printf '\033')" "$NS_DIR/typescript"; then
	ns_fail "TERM=dumb on a terminal wrote an escape byte"
fi
echo "ok - TERM=dumb on a terminal is the plain mode, without escapes"
