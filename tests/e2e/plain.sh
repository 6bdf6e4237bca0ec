#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# plain.sh - the line-by-line mode (--plain, TERM=dumb, no TERM) driven
# through a pipe, as a screen reader or a printing terminal would see it:
# numbered prompts, no escape sequence, every line within $COLUMNS,
# answers stored at once (read back with report --format csv), a bad date
# asked again, end of input a clean exit, and the next plain run resuming
# at the same row.  plain_tty.sh runs it on a real terminal, plain_resume.sh
# between the line mode and the full screen.
. "$(dirname "$0")/lib.sh"
ns_init_cli
set -u
bin=$NEXTSTEPS_BIN
small=$NS_SMALL
dir=$NS_DIR
db=$NS_DB
COLUMNS=50 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
export COLUMNS LANG LC_ALL TERM
esc=$(printf '\033')
NS_SHOW="$dir/out $dir/err $dir/why"   # shown when a check fails

if ! command -v python3 >/dev/null 2>&1; then
	echo "python3 is needed to measure line widths: skipping"
	exit 77
fi

has() {      # has NAME TEXT: the last run printed TEXT
	grep -F -q -- "$2" "$dir/out"
	ns_result $? "$1"
}

with=""
run() {      # run INPUT ARGS...: nextsteps with INPUT piped in, and the
	input=$1   # environment changes in $with for this run only
	shift
	printf '%s' "$input" | env $with "$bin" --db "$db" --content "$small" "$@" \
		>"$dir/out" 2>"$dir/err"
	status=$?
	with=""
}

no_escape() {   # no_escape NAME [FILE]
	! grep -q "$esc" "${2:-$dir/out}"
	ns_result $? "$1: no escape byte"
}

within_width() {   # within_width NAME [WIDTH]: no line wider (default $COLUMNS)
	w=${2:-$COLUMNS}
	python3 - "$w" "$dir/out" <<'EOF'
import sys, unicodedata
width, bad = int(sys.argv[1]), 0
for i, line in enumerate(open(sys.argv[2], encoding="utf-8", errors="replace")):
    line = line.rstrip("\n")
    cols = sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if cols > width:
        print("# line %d has %d columns: %s" % (i + 1, cols, line))
        bad = 1
sys.exit(bad)
EOF
	ns_result $? "$1: lines within $w columns"
}

csv() {   # csv [--table T]: the session's CSV report into $dir/csv
	"$bin" --db "$db" report "Camden 2026" --format csv "$@" >"$dir/csv" 2>&1
}

csv_has() {  # csv_has NAME COND...: a record of $dir/csv meets every COND
	name=$1
	shift
	ns_csv "$dir/csv" "$@" >"$dir/why"
	ns_result $? "$name"
}

first_row() {   # the first "Row N of M" heading of the last run
	grep '^Row [0-9]* of [0-9]*:' "$dir/out" | head -n 1
}

# 1. An empty database goes straight to the new-session questions; then
# votes, a note with accented, wide and escape characters, an action with
# a bad date first, a stage, the next row -- and the input ends there.
note_esc="bad ${esc}[31mred${esc}[0m text"
run "Camden 2026
Camden PCN
1
J Patel
Dr A, Dr B
v
2
d
n
First line café
第二行 wide 表
$note_esc
.
a
Book the room
J Patel
2026-02-30
2026-03-31
2

" --plain
ns_result $status "first run ends with status 0 at the end of input"
has "new-session questions" "Session name >"
has "type asked by number" "1. LGPO"
has "row heading" "Row 1 of 2: Alpha row one"
has "descriptor 1 numbered" "  1. Start: Alpha one start text."
has "descriptor 2 numbered" "  2. Build: Alpha one build text."
has "descriptor 3 numbered" "  3. Enhance: Alpha one"
has "walk prompt numbered" "Agree a stage [1-3]"
has "votes asked by number" "1. Dr A [1-3, d, 0, Enter]"
has "vote confirmed" "Saved: Dr A: Build."
has "don't know confirmed" "Saved: Dr B: don't know."
has "note confirmed" "Saved: note."
has "bad date explained" "'2026-02-30' is not a real date"
[ "$(grep -c 'Due date, YYYY-MM-DD' "$dir/out")" -eq 2 ]
ns_result $? "bad date asked again"
has "action confirmed" "Saved: action added, owner J Patel"
has "stage confirmed" "Saved: Build agreed."
has "next row shown" "Row 2 of 2: Beta row one"
has "end of input says everything is saved" "Everything is saved"
no_escape "first run"
within_width "first run"

csv
csv_has "agreed stage stored" row_id=alpha-one participant= stage_number=2 \
	stage_id=build stage_label=Build state=agreed
csv_has "vote stored" row_id=alpha-one participant="Dr A" stage_id=build state=vote
csv_has "don't know stored" row_id=alpha-one participant="Dr B" stage_id= state=dont_know
csv_has "accented note stored" row_id=alpha-one participant= "note~First line café"
csv_has "wide note stored" row_id=alpha-one participant= "note~第二行 wide 表"
csv --table actions
csv_has "action stored" row_id=alpha-one "text=Book the room" "owner=J Patel" \
	due=2026-03-31 status=open

# 2. The next run picks the session by number and resumes at row 2.
run "1
" --plain
ns_result $status "second run: status 0"
has "sessions numbered" "   1. Camden 2026 -- Camden PCN, LGPO, 1 of 2 rows"
has "session prompt numbered" "Open a session [1-1], n new session, q quit >"
[ "$(first_row)" = "Row 2 of 2: Beta row one" ]
ns_result $? "second run resumes at the same row"

# 3. TERM=dumb without --plain: back to row 1, whose note shows its escape
# characters only as visible text.
with="TERM=dumb"
run "b
q
" --session "Camden 2026"
ns_result $status "TERM=dumb: status 0"
has "TERM=dumb is the plain mode" "Agree a stage [1-3]"
has "note shown" "Note: First line café"
has "escape shown visibly" "bad ^[[31mred^[[0m text"
no_escape "TERM=dumb"
within_width "TERM=dumb"

# 4. No TERM at all: plain too; Enter moves on and the input ends.
(unset TERM; printf '\n' | "$bin" --db "$db" --session "Camden 2026" \
	>"$dir/out" 2>"$dir/err")
ns_result $? "no TERM: status 0"
[ "$(first_row)" = "Row 1 of 2: Alpha row one" ]
ns_result $? "no TERM: resumes where TERM=dumb left off"
has "no TERM: moved on" "Row 2 of 2: Beta row one"

# 5. A non-UTF-8 locale gets ASCII only, a narrow width still holds, and
# an action cut off by the end of input is not stored (a lists the row's
# action first, and a again adds one).
with="COLUMNS=24 LC_ALL=C LANG=C"
run "b
a
a
Call the PCN lead
" --plain --session "Camden 2026"
ns_result $status "ASCII run: status 0"
! LC_ALL=C grep -q "$(printf '[\200-\377]')" "$dir/out"
ns_result $? "ASCII run: only ASCII bytes"
within_width "ASCII run" 24
has "unfinished action not saved" "Not saved: input ended"
csv --table actions
ns_csv "$dir/csv" --count 1 row_id=alpha-one >"$dir/why" &&
	ns_csv "$dir/csv" --none "text~Call the PCN lead" >>"$dir/why"
ns_result $? "unfinished action not in the store"

ns_done
