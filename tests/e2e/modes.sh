#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Report files get the database's rule, whatever the umask: 0600, or 0660
# inside a group-writable setgid folder, and never more open than the file
# they replace.  (The screens' `p` writes through the same function.)
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Camden --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"

mode() {
	stat -c %a "$1"
}

# report_as UMASK FILE: writes the report to FILE under UMASK
report_as() {
	(umask "$1" && ns_cli report Camden -o "$2") ||
		ns_fail "report -o $2 under umask $1 failed"
}

mkdir "$NS_DIR/private" "$NS_DIR/shared"
chmod 0700 "$NS_DIR/private"
chmod 2770 "$NS_DIR/shared"
for m in 000 022 077; do
	report_as "$m" "$NS_DIR/private/r$m.txt"
	[ "$(mode "$NS_DIR/private/r$m.txt")" = 600 ] ||
		ns_fail "umask $m made a $(mode "$NS_DIR/private/r$m.txt") report"
	report_as "$m" "$NS_DIR/shared/r$m.txt"
	[ "$(mode "$NS_DIR/shared/r$m.txt")" = 660 ] ||
		ns_fail "umask $m made a $(mode "$NS_DIR/shared/r$m.txt") report in a shared folder"
done
ns_ok "a new report is 0600, or 0660 in a group-shared folder, under umask 000, 022 and 077"

# Replacing: never more open than the file was, never more than the rule.
echo old > "$NS_DIR/shared/kept.txt"
chmod 0600 "$NS_DIR/shared/kept.txt"
report_as 000 "$NS_DIR/shared/kept.txt"
[ "$(mode "$NS_DIR/shared/kept.txt")" = 600 ] ||
	ns_fail "a replaced 0600 file became $(mode "$NS_DIR/shared/kept.txt")"
grep -q "Camden" "$NS_DIR/shared/kept.txt" || ns_fail "the file was not replaced"
echo old > "$NS_DIR/private/open.txt"
chmod 0644 "$NS_DIR/private/open.txt"
report_as 000 "$NS_DIR/private/open.txt"
[ "$(mode "$NS_DIR/private/open.txt")" = 600 ] ||
	ns_fail "a replaced 0644 file became $(mode "$NS_DIR/private/open.txt")"
echo old > "$NS_DIR/shared/ro.txt"
chmod 0640 "$NS_DIR/shared/ro.txt"
report_as 000 "$NS_DIR/shared/ro.txt"
[ "$(mode "$NS_DIR/shared/ro.txt")" = 640 ] ||
	ns_fail "a replaced 0640 file in a shared folder became $(mode "$NS_DIR/shared/ro.txt")"
ns_ok "a replaced report is never more open than the file it replaces"
