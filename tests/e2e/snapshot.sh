#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A session keeps the exact matrix text it was run with: editing the
# matrix file later changes neither its screens nor its report, and
# opening it says the matrix has changed since.
. "$(dirname "$0")/lib.sh"
ns_init

ns_small Snap
ns_cli report Snap --format csv >/dev/null || ns_fail "no report"
sed -e 's/version = "1";/version = "2";/' \
    -e 's/Alpha one build text\./Alpha one build text, reworded./' \
	"$NS_SMALL" > "$NS_DIR/edited.cfg"

ns_start "" "" "" "" --content "$NS_DIR/edited.cfg" --session Snap
ns_wait_for "Matrix edited since this session began (version 1, now 2)"
ns_screen | grep -F -q "reworded" && ns_fail "the screen shows the edited wording"
ns_keys 2
ns_wait_for "Saved: Build agreed."
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_cli report Snap > "$NS_DIR/report.txt" || ns_fail "no report"
grep -q "Alpha one build text\." "$NS_DIR/report.txt" || ns_fail "the report lost the session's wording"
grep -q "reworded" "$NS_DIR/report.txt" && ns_fail "the report took the edited wording"

# Unchanged matrix: nothing to say.
ns_start "" "" "" "" --content "$NS_SMALL" --session Snap
ns_wait_for "Alpha row one"
ns_screen | grep -F -q "Matrix edited" && ns_fail "warned about an unchanged matrix"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - snapshot"
