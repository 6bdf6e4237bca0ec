#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Stage labels are never cut: the shipped PCN matrix's "Foundation" and
# "Developing" (10 characters) and "Maturing" (8) read whole at 80x24 on
# the walk; the summary heads its columns with them and wraps its section
# names instead of cutting them.
. "$(dirname "$0")/lib.sh"
ns_init

PCN=$TEST_SRCDIR/content/pcn-maturity.cfg
ns_cli --content "$PCN" new Labels --type pcn --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
ns_start "" "" "" "" --session Labels
ns_wait_for "[ ] 1 Foundation "
ns_wait_for "[ ] 2 Developing "
ns_wait_for "[ ] 3 Maturing "
ns_keys 2
ns_wait_for "[*] 2 Developing "
ns_screen | grep -q "Foundati…" && ns_fail "a stage label is cut"

ns_keys s
ns_wait_for "Summary: Labels"
ns_wait_for "Section  Foundation  Developing  Maturing    Thriving"
ns_wait_for "1 Leadership, planning and partnerships"
ns_wait_for "2 Use of data and population health management"
ns_wait_for "All sections"
echo "ok - labels"
