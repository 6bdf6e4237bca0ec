#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A section's minutes planned on the overview: the walk's plan follows
# (the other sections share the rest by rows), the clock moves while the
# program runs (NEXTSTEPS_NOW=@FILE), the reports carry the same plan,
# and the line mode shows the pacing and plans minutes with the same words.
. "$(dirname "$0")/lib.sh"
ns_init

CLOCK=$NS_DIR/now
echo 1800000000 > "$CLOCK"
NEXTSTEPS_NOW=@$CLOCK
export NEXTSTEPS_NOW
ns_cli --content "$NS_SMALL" new Plan --minutes 60 --participants "Ann" >/dev/null ||
	ns_fail "cannot create the session"

# Two sections of one row each: 30 minutes apiece until one is set.
ns_start "" "" "" "" --session Plan
ns_wait_for "0/30 min · 0/60 min, on time"
ns_keys o
ns_wait_for "m minutes"
ns_keys j m
ns_wait_for "Minutes for section 2, 1-600 or blank for its share (now 30)"
ns_type "20"
ns_keys Enter
ns_wait_for "Saved: section 2 planned at 20 min."
ns_wait_for "0/20* min"
ns_wait_for "0/40 min"
# The '*' moves no column: each section's done count and time line up
# with the other's and with the heading's words.
ns_screen | awk '
	{ sub(/^[^ ]+/, ">") }  # the selection marker, one column in any encoding
	/done  rows/ { head = index($0, "done"); time = index($0, "time") }
	/0\/40 min/ { d1 = index($0, " 0/1 "); t1 = index($0, "0/40") }
	/0\/20\* min/ { d2 = index($0, " 0/1 "); t2 = index($0, "0/20") }
	END { exit !(head && d1 && d1 == d2 && head == d1 + 1 &&
		     t1 == t2 && time == t1 - 2) }' ||
	ns_fail "the overview's columns do not line up"
ns_keys q
ns_wait_for "0/40 min · 0/60 min, on time"
ns_ok "the overview plans a section and the walk's plan follows"

# The clock moves while the walk is open.
echo 1800000600 > "$CLOCK"
ns_wait_for "10/40 min · 10/60 min, 10 behind"
echo 1800002700 > "$CLOCK"
ns_wait_for "45/40 min +5 min · 45/60 min, 45 behind"
ns_ok "the pacing follows the clock within one run"
ns_keys q
ns_wait_for "NS-EXITED-0"
ns_stop

ns_cli report Plan --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
a, b = d["sections"]
assert a["seconds"] == 2700 and a["planned_seconds"] == 2400, a
assert b["seconds"] == 0 and b["planned_seconds"] == 1200, b
' || ns_fail "the JSON does not carry the plan the walk showed"
ns_cli report Plan --format text | grep -q "Time: 45 min spent of 40 planned." ||
	ns_fail "the text report does not carry the plan the walk showed"
ns_ok "the reports carry the walk's plan"

# The line mode: the pacing with the row, on t, and in the overview; m
# plans the current section's minutes; the time is counted.
# The clock moves only once the program has answered the first t (a
# positive marker: "Saved:" then "Time:" after it), so the second t
# must see the later time.
out=$NS_DIR/plain.out
: > "$out"
{
	printf 'o\n\nm\n30\nt\n'
	i=0
	until sed -n '/^Saved: section 1/,$p' "$out" | grep -q "^Time:"; do
		i=$((i + 1))
		[ $i -gt 100 ] && break
		sleep 0.1
	done
	echo 1800003000 > "$CLOCK"
	printf 't\nq\n'
} | "$NEXTSTEPS_BIN" --db "$NS_DB" --plain --session Plan > "$out" 2>&1 ||
	ns_fail "the line mode failed: $(cat "$out")"
for want in "Time: 45/40 min +5 min · 45/60 min, 45 behind." \
	"1. Alpha section: 0 of 1 rows answered, 45/40 min +5 min (you are here)" \
	"2. Beta section: 0 of 1 rows answered, 0/20 min, minutes set" \
	"Saved: section 1 planned at 30 min." \
	"Time: 50/30 min +20 min · 50/60 min, 50 behind."; do
	grep -qF "$want" "$out" || ns_fail "the line mode lacks '$want': $(cat "$out")"
done
ns_cli report Plan --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)["sections"][0]
assert a["seconds"] == 3000 and a["planned_seconds"] == 1800, a
' || ns_fail "the line mode's time or minutes were not stored"
ns_ok "the line mode shows the pacing, plans minutes and counts time"

# ? lists the new answers.
printf '?\nq\n' | "$NEXTSTEPS_BIN" --db "$NS_DB" --plain --session Plan > "$out" 2>&1
grep -q "^  t, time$" "$out" && grep -q "^         the time" "$out" && grep -q "^  m .*plan this section's minutes" "$out" ||
	ns_fail "? does not list t and m: $(cat "$out")"
ns_ok "? lists t and m"
echo "ok - plan"
