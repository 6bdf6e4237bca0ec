#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Three yearly sessions of one organisation, each agreeing the first row
# through the line mode from a pipe: `nextsteps report` on the latest shows
# the row's and the section's trend, oldest first, and says the benchmark
# needs three other organisations.
. "$(dirname "$0")/lib.sh"
ns_init_cli

review() {   # review YEAR UNIX-TIME STAGE
	NEXTSTEPS_NOW=$2 ns_expect_cli "session 'Review $1'" --content "$NS_SMALL" \
		new "Review $1" --org "Riverside" --participants "Ann"
	printf '%s\n' "$3" | NEXTSTEPS_NOW=$2 "$NEXTSTEPS_BIN" --db "$NS_DB" \
		--content "$NS_SMALL" --plain --session "Review $1" \
		>"$NS_DIR/walk" 2>&1 || ns_fail "walk of Review $1 failed: $(cat "$NS_DIR/walk")"
	grep -qF "Everything is saved: 1 of 2 rows answered" "$NS_DIR/walk" ||
		ns_fail "Review $1: the stage was not saved: $(cat "$NS_DIR/walk")"
}

review 2026 1767225600 2
review 2024 1704067200 1
review 2025 1735689600 3

"$NEXTSTEPS_BIN" --db "$NS_DB" report "Review 2026" >"$NS_DIR/report" 2>&1 ||
	ns_fail "report failed: $(cat "$NS_DIR/report")"
for want in "Trend across sessions" \
	"1 Alpha section: 2024 Start  2025 Enhance  2026 Build" \
	"  1.1 Alpha row one: 2024 Start  2025 Enhance  2026 Build" \
	"Benchmark: fewer than three other organisations on this matrix."; do
	grep -qF -- "$want" "$NS_DIR/report" ||
		ns_fail "the report lacks '$want':
$(cat "$NS_DIR/report")"
done
echo "ok - three sessions give the trend line in the report"
