#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Three yearly sessions of one organisation, each agreeing the first row
# through the line mode from a pipe, the latest on a newer version of the
# matrix with a row the older ones lack: `nextsteps report` on the latest
# shows the row's and the section's trend, oldest first, and says the
# benchmark needs three other organisations.  The summary screen (80x24,
# vt100) shows the same trend lines, the new row as not in the older
# versions, and the benchmark: none with two other organisations, the
# others' median with three.
. "$(dirname "$0")/lib.sh"
ns_init

# The matrix's version 2: one more row in the beta section.
v2=$NS_DIR/small-v2.cfg
sed -e 's/version = "1";/version = "2";/' \
	-e 's/"Beta one enhance text."/&\n          );\n        },\n        {\n          id = "beta-two";\n          title = "Beta row two";\n          descriptors = (\n            "Beta two start text.",\n            "Beta two build text.",\n            "Beta two enhance text."/' \
	"$NS_SMALL" >"$v2"
out=$("$NEXTSTEPS_BIN" check-content "$v2" 2>&1) || ns_fail "the version 2 matrix does not load: $out"

review() {   # review NAME ORG UNIX-TIME STAGE MATRIX
	NEXTSTEPS_NOW=$3 ns_expect_cli "session '$1'" --content "$5" \
		new "$1" --org "$2" --participants "Ann"
	printf '%s\n' "$4" | NEXTSTEPS_NOW=$3 "$NEXTSTEPS_BIN" --db "$NS_DB" \
		--content "$5" --plain --session "$1" \
		>"$NS_DIR/walk" 2>&1 || ns_fail "walk of $1 failed: $(cat "$NS_DIR/walk")"
	grep -qF "Everything is saved: 1 of " "$NS_DIR/walk" ||
		ns_fail "$1: the stage was not saved: $(cat "$NS_DIR/walk")"
}

review "Review 2026" Riverside 1767225600 2 "$v2"
review "Review 2024" Riverside 1704067200 1 "$NS_SMALL"
review "Review 2025" Riverside 1735689600 3 "$NS_SMALL"

"$NEXTSTEPS_BIN" --db "$NS_DB" report "Review 2026" >"$NS_DIR/report" 2>&1 ||
	ns_fail "report failed: $(cat "$NS_DIR/report")"
for want in "Trend across sessions" \
	"1 Alpha section: 2024 Start  2025 Enhance  2026 Build" \
	"  1.1 Alpha row one: 2024 Start  2025 Enhance  2026 Build" \
	"  2.2 Beta row two: 2024 -  2025 -  2026 none" \
	"Benchmark: fewer than three other organisations on this matrix."; do
	grep -qF -- "$want" "$NS_DIR/report" ||
		ns_fail "the report lacks '$want':
$(cat "$NS_DIR/report")"
done
echo "ok - three sessions give the trend line in the report"

# The summary screen, scrolled to its end (G), where the trend and the
# benchmark are; each line is a label and its words on one screen line.
summary() {   # summary: the summary of Review 2026, at its end
	ns_start "" "" vt100 "" --session "Review 2026"
	ns_wait_for "Alpha row one"
	ns_keys s
	ns_wait_for "Summary: Review 2026"
	ns_keys G
	ns_wait_for "Benchmark"
}

on_one_line() {   # on_one_line LABEL WORDS: a screen line has both, in order
	ns_screen | grep -q -- "$1  *$2" ||
		ns_fail "no line with '$1' then '$2'"
}

review "Oak 2026" "Oak Surgery" 1767225600 1 "$NS_SMALL"
review "Elm 2026" "Elm Practice" 1767225600 2 "$NS_SMALL"
summary
ns_wait_for "Trend across sessions"
on_one_line "^  1 Alpha section" "2024 Start  2025 Enhance  2026 Build"
on_one_line "^    1.1 Alpha row one" "2024 Start  2025 Enhance  2026 Build"
on_one_line "2.2 Beta row two" "2024 -  2025 -  2026 none"
ns_wait_for "not in that version"
ns_wait_for "Benchmark: fewer than three other organisations on this matrix."
ns_screen | grep -q "Oak\|Elm" && ns_fail "another organisation is named"
ns_keys q q
ns_wait_for "NS-EXITED-0"
echo "ok - the summary screen shows the trend, and no benchmark with two others"

review "Ash 2026" "Ash Health Centre" 1767225600 2 "$NS_SMALL"
summary
ns_wait_for "Median agreed stage of 3 other organisations' latest sessions:"
on_one_line "^  1 Alpha section" "others Build (3 organisations); here Build"
on_one_line "2 Beta section" "no other organisation agreed a stage here; here none"
ns_screen | grep -q "Oak\|Elm\|Ash" && ns_fail "another organisation is named"
ns_keys q q
ns_wait_for "NS-EXITED-0"
echo "ok - the summary screen shows the benchmark with three other organisations"

# The line mode's summary (s) has the same lines.
printf 's\nq\n' | "$NEXTSTEPS_BIN" --db "$NS_DB" --plain --session "Review 2026" \
	>"$NS_DIR/plain" 2>&1 || ns_fail "the line mode failed: $(cat "$NS_DIR/plain")"
for want in "  1.1 Alpha row one: 2024 Start  2025 Enhance  2026 Build" \
	"  2.2 Beta row two: 2024 -  2025 -  2026 none" \
	"1 Alpha section: others Build (3 organisations); here Build"; do
	grep -qF -- "$want" "$NS_DIR/plain" ||
		ns_fail "the line mode's summary lacks '$want':
$(cat "$NS_DIR/plain")"
done
echo "ok - the line mode's summary has the same trend and benchmark"
