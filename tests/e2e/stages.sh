#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Matrices with other stage counts: nine stages (keys 1-9) and two.  Every
# stage stays reachable and visible in the walk, the summary and the report.
. "$(dirname "$0")/lib.sh"
ns_init

make_matrix() {   # make_matrix N FILE
	python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
st = ", ".join('{ id = "s%d"; label = "Stage%d"; }' % (i, i) for i in range(1, n + 1))
ds = ", ".join('"Descriptor of stage %d."' % i for i in range(1, n + 1))
rows = ", ".join('{ id = "r%d"; title = "Row %d"; descriptors = ( %s ); }' % (r, r, ds)
                 for r in range(1, 4))
open(path, "w").write('matrix: { id = "m%d"; title = "M"; version = "1"; source = "t";'
                      ' stages = ( %s ); sections = ( { id = "a"; title = "Alpha";'
                      ' intro = ""; rows = ( %s ); } ); };\n' % (n, st, rows))
PY
}

make_matrix 9 "$NS_DIR/nine.cfg"
make_matrix 2 "$NS_DIR/two.cfg"
ns_cli --content "$NS_DIR/nine.cfg" new Nine >/dev/null || ns_fail "cannot create Nine"
ns_cli --content "$NS_DIR/two.cfg" new Two >/dev/null || ns_fail "cannot create Two"

ns_start "" "" "" "" --session Nine
ns_wait_for "Row 1"
ns_wait_for "Stage9"
ns_keys 9
ns_wait_for "[agreed: Stage9]"
ns_keys s
ns_wait_for "Summary: Nine"
# Nine stage names do not fit 80 columns: the columns are numbered 1-9 and
# the agreed row is counted under 9.
ns_screen | grep -E -q "Section +1 +2 +3 +4 +5 +6 +7 +8 +9 " ||
	ns_fail "the summary does not show all nine stage columns"
ns_keys q q
ns_wait_for "NS-EXITED-0"
csv_has Nine row_id=r1 participant= stage_number=9 stage_id=s9 \
	stage_label=Stage9 state=agreed

ns_start "" "" "" "" --session Two
ns_wait_for "Row 1"
ns_keys 3
ns_wait_for "There are 2 stages: press 1 to 2."
ns_screen | grep -F -q "agreed:" && ns_fail "key 3 agreed a stage in a two-stage matrix"
ns_keys 2
ns_wait_for "[agreed: Stage2]"
ns_keys q
ns_wait_for "NS-EXITED-0"
# At the smallest size nine stages no longer fit one a line: they go into
# columns, in the walk and on a watcher's screen, and none is lost.
ns_start 60 16 "" "" --session Nine
ns_wait_for "[*] 9 Stage9"
ns_wait_for "[ ] 1 Stage1"
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_start 60 16 "" "" watch Nine
ns_wait_for "[*] 9 Stage9"
ns_wait_for "[ ] 1 Stage1"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - nine and two stages"
