#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Two sessions whose names differ only at the end stay distinguishable at
# 80 columns: the sessions screen shows the selected one's full name and
# organisation under the list, and `nextsteps list` prints names in full.
. "$(dirname "$0")/lib.sh"
ns_init

A="Islington South 2026 spring review, morning"
B="Islington South 2026 spring review, afternoon"
ns_cli --content "$NS_SMALL" new "$A" --org "Islington South PCN" >/dev/null ||
	ns_fail "cannot create the first session"
ns_cli --content "$NS_SMALL" new "$B" --org "Islington South PCN" >/dev/null ||
	ns_fail "cannot create the second session"

out=$(ns_cli list) || ns_fail "list failed"
printf '%s\n' "$out" | grep -qF "$A" || ns_fail "list cut the first name: $out"
printf '%s\n' "$out" | grep -qF "$B" || ns_fail "list cut the second name: $out"

ns_start "" "" "" ""
ns_wait_for "Sessions (2)"
ns_wait_for "$B · Islington South PCN"
ns_keys j
ns_wait_for "$A · Islington South PCN"
ns_keys k
ns_wait_for "$B · Islington South PCN"
echo "ok - names"
