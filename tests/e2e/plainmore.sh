#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# plainmore.sh - the line mode does what the screens do: a secret ballot
# revealed, the suggestion after the votes, actions edited and marked
# done, the overview's jump, the summary with the summary screen's
# figures, the report file, `?` made from the command table, honest exit
# statuses after failed writes, and join and watch in the line mode
# beside a facilitator in tmux.
. "$(dirname "$0")/lib.sh"
ns_init
bin=$NEXTSTEPS_BIN
small=$NS_SMALL
db=$NS_DB
out=$NS_DIR/out
COLUMNS=120 LANG=C.UTF-8 LC_ALL=C.UTF-8
export COLUMNS LANG LC_ALL
esc=$(printf '\033')

if ! command -v python3 >/dev/null 2>&1; then
	echo "python3 is needed (the lock and the figures): skipping"
	exit 77
fi

has() {   # has TEXT [FILE]: the last run printed TEXT
	grep -F -q -- "$1" "${2:-$out}" && return 0
	sed 's/^/# /' "${2:-$out}" | tail -40
	ns_fail "missing: $1"
}

plain() {   # plain INPUT ARGS...: the line mode through a pipe
	input=$1
	shift
	printf '%s' "$input" | "$bin" --db "$db" "$@" >"$out" 2>"$NS_DIR/err"
	status=$?
}

"$bin" --db "$db" --content "$small" new Sec --org Org \
	--participants "Dr A, Dr B, Dr C" --secret --open-join >/dev/null ||
	ns_fail "cannot create the session"

# 1. Votes in a secret ballot are hidden, r reveals them, and the spread
# and the suggested stage follow, in the votes screen's words.
plain "v
1
3
d
r
q
" --plain --session Sec
[ "$status" -eq 0 ] || ns_fail "the ballot run ended with $status"
has "Votes: 3 of 3 voted; secret until you reveal them (r)."
has "Saved: the votes on this row are revealed."
has "Votes: Start 1, Build 0, Enhance 1, don't know 1 (3 of 3"
has "Lowest Start, highest Enhance."
has "Suggested: Start (the lower, as views differ). Type 1 to agree it."
! grep -q "$esc" "$out" || ns_fail "an escape byte in the line mode"
csv_has Sec row_id=alpha-one "participant=Dr B" stage_id=enhance \
	stage_label=Enhance state=vote
echo "ok - a secret ballot is revealed from the line mode"

# Undo and redo are this person's own; H prints the history with both.
"$bin" --db "$db" --content "$small" new Redo >/dev/null ||
	ns_fail "cannot create the session Redo"
plain "2
u
U
H
q
" --plain --session Redo
[ "$status" -eq 0 ] || ns_fail "the undo run ended with $status"
for line in "Saved: Undone on 1.1 Alpha row one: agreed Build." \
	"Saved: Redone on 1.1 Alpha row one: agreed Build." \
	"History of 'Redo': 4 changes, newest first" "[undone]"; do
	has "$line"
done
csv_has Redo row_id=alpha-one participant= stage_id=build stage_label=Build \
	state=agreed
echo "ok - undo, redo and the history from the line mode"

# 2. An action added, edited (Enter keeps a field, - clears it) and
# marked done, each confirmed with Saved:.
plain "a
Book the room
J Patel
2026-03-31
a
e
Book the big room

-
x

q
" --plain --session Sec
has "Saved: action added, owner J Patel, due 2026-03-31."
has "Saved: action changed."
has "Saved: action done."
csv_has --table actions Sec row_id=alpha-one "text=Book the big room" \
	"owner=J Patel" due= status=done
echo "ok - an action is edited and marked done"

# 3. The summary: the same figures per section as the summary screen.
plain "s
q
" --plain --session Sec
cp "$out" "$NS_DIR/plain-summary"
has "Views differ widely (!): 1 row"
has "Start 1, Build 0, Enhance 1; don't know 1; range Start-Enhance"
has "Book the big room"
ns_start 80 30 "" "" --session Sec
ns_wait_for "Alpha row one"
ns_keys s
ns_wait_for "Disagreements (!): 1 row"
ns_screen >"$NS_DIR/screen-summary"
ns_keys q
ns_wait_for "Alpha row one"
ns_keys q
ns_stop
python3 - "$NS_DIR/plain-summary" "$NS_DIR/screen-summary" <<'PY' ||
import re, sys
def figures(path):
    got = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*(?:\d+ )?((?:Alpha|Beta) section|All sections)\s+([\d ]+)", line)
        if m:
            got[m.group(1)] = m.group(2).split()[:5]
    return got
a, b = figures(sys.argv[1]), figures(sys.argv[2])
if len(a) != 3 or a != b:
    print("# plain %s\n# screen %s" % (a, b))
    sys.exit(1)
PY
	ns_fail "the summary's section figures differ from the screen's"
echo "ok - the summary has the summary screen's section figures"
COLUMNS=40 plain "s
q
" --plain --session Sec
has "  Not applicable: 0; parked or not"
python3 - "$out" <<'PY' || ns_fail "a summary line is wider than COLUMNS=40"
import sys
sys.exit(any(len(l.rstrip("\n")) > 40 for l in open(sys.argv[1], encoding="utf-8")))
PY
COLUMNS=120
echo "ok - a narrow summary is laid out one figure a line, within \$COLUMNS"

# 4. The overview jumps to a section; p writes the report where the
# screens write it; ? lists every key the prompt offers.
rm -f "$NS_DIR/Sec.txt"
plain "o
2
p
?
q
" --plain --session Sec
has "2. Beta section: 0 of 1 rows answered"
has "Row 2 of 2: Beta row one"
has "Saved: report written to $NS_DIR/Sec.txt."
[ -s "$NS_DIR/Sec.txt" ] || ns_fail "no report file"
grep -F -q "Book the big room" "$NS_DIR/Sec.txt" || ns_fail "the report lacks the action"
keys=$(grep -o 'Row 2 of 2 \[[^]]*\]' "$out" | head -n 1 | sed 's/.*\[//; s/\]//; s/,//g')
[ -n "$keys" ] || ns_fail "no short prompt"
for k in $keys; do
	grep -q "^  $k\( \|,\)" "$out" || ns_fail "? does not explain '$k'"
done
echo "ok - overview, report and a help that lists every key"

# 5. A write that fails (the file locked by another program) says
# Not saved:, never "Everything is saved", and exits 75.
mkfifo "$NS_DIR/in"
cat > "$NS_DIR/lock.py" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(8)
PY
NEXTSTEPS_BUSY_TIMEOUT=200 "$bin" --db "$db" --plain --session Sec \
	<"$NS_DIR/in" >"$out" 2>"$NS_DIR/err" &
run=$!
exec 3>"$NS_DIR/in"
i=0
until grep -q "Agree a stage" "$out"; do
	i=$((i + 1)); [ $i -lt 200 ] || ns_fail "the line mode did not start"; sleep 0.05
done
python3 "$NS_DIR/lock.py" "$db" "$NS_DIR/locked" &
lock=$!
until [ -e "$NS_DIR/locked" ]; do sleep 0.05; done
printf '2\nq\n' >&3
exec 3>&-
wait "$run"
status=$?
kill "$lock" 2>/dev/null
wait "$lock" 2>/dev/null
has "Not saved:"
! grep -q "Everything is saved" "$out" || ns_fail "said everything is saved after a failed write"
[ "$status" -eq 75 ] || ns_fail "a locked file ended with $status, not 75"
echo "ok - a locked file gives Not saved: and status 75"

# 6. A read-only file in a writable folder: the open works, the first
# answer says Not saved:, and the run ends with status 74 (as root, the
# run is made as nobody, since root writes anyway).
if ns_readonly_plain "$db" "$out" '3\nq\n' --session Sec; then
	status=$NS_STATUS
	has "Not saved:"
	has "database is read-only"
	! grep -q "Everything is saved" "$out" || ns_fail "read-only: said everything is saved"
	[ "$status" -eq 74 ] || ns_fail "read-only: status $status, not 74"
	echo "ok - a read-only file gives Not saved: and status 74"
else
	echo "ok # SKIP no way to run as another user here"
fi

# 7. join --plain votes from a pipe while the facilitator walks in tmux,
# whose screen shows the vote; watch --plain (on a pty) prints the
# facilitator's next row.
ns_start 100 30 "" "" --session Sec
ns_wait_for "Beta row one"
ns_keys k
ns_wait_for "Row 1 of 1: Alpha row one"
ns_open watcher 80 24 dumb "" watch Sec --plain
ns_wait_for "Row 1 of 2: Alpha row one"
ns_use 0
plain "2
" join Sec --as "Dr Z" --plain
[ "$status" -eq 0 ] || ns_fail "join --plain ended with $status"
has "Row 1 of 2: Alpha row one"
has "Saved: your vote: Build."
ns_wait_for "4 of 4 voted"
ns_keys j
ns_use watcher
ns_wait_for "Row 2 of 2: Beta row one"
ns_use 0
ns_keys 3
ns_use watcher
ns_wait_for "Agreed: 3 Enhance."
ns_keys q Enter
ns_wait_for "Stopped watching."
echo "ok - join and watch in the line mode follow the facilitator"

# 8. A terminal type with no terminfo entry: the message names it and
# suggests --plain.
ns_start 100 10 nosuchterm-h15 "" --session Sec
ns_wait_for "the terminal 'nosuchterm-h15' is not known here"
ns_wait_for "run with --plain"
ns_wait_for "NS-EXITED-71"
echo "ok - an unknown terminal names itself and suggests --plain"

# 9. A facilitator in the line mode is in the live room while it waits
# for an answer: a watcher's screen follows it live, and sees it away
# once it quits.
mkfifo "$NS_DIR/in2"
"$bin" --db "$db" --plain --session Sec <"$NS_DIR/in2" >"$out" 2>"$NS_DIR/err" &
run=$!
exec 4>"$NS_DIR/in2"
i=0
until grep -q "Agree a stage" "$out"; do
	i=$((i + 1)); [ $i -lt 200 ] || ns_fail "the line mode did not start"; sleep 0.05
done
ns_start 100 24 "" "" watch Sec
ns_wait_for "Following the facilitator live"
printf 'q\n' >&4
exec 4>&-
wait "$run"
ns_wait_for "The facilitator is away"
echo "ok - the line mode's facilitator is in the live room"

# 11. The set-up: a participant added, the secret ballot turned off, the
# session renamed, each stored.
plain "i
+
Dr Q
b
n
Sec Two

q
" --plain --session Sec
has "Secret ballot: on."
has "Saved: Dr Q is participant 5."
has "Saved: secret ballot off."
has "Saved: the session is now 'Sec Two'."
"$bin" --db "$db" list --format csv >"$NS_DIR/list"
has "Sec Two" "$NS_DIR/list"
"$bin" --db "$db" report "Sec Two" --format json >"$NS_DIR/json"
has '"secret_ballot":false' "$NS_DIR/json"
has '"Dr Q"' "$NS_DIR/json"
echo "ok - the session's set-up is edited from the line mode"
echo "1..11"
