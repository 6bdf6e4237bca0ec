#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# export.sh - what analysts and scripts load: report --all and --table
# read back with Python's csv, every JSON document validated against the
# JSON Schema that is installed for it, list --format, --bom and the
# formula guard, the SQL views, and the command line's habits (errors
# prefixed "nextsteps: ", a failed write to standard output is exit 74).
set -u
bin=${NEXTSTEPS_BIN:?}
src=${TEST_SRCDIR:?}
small=$src/tests/data/small.cfg
schema=$src/schema
dir=$(mktemp -d "${TMPDIR:-/tmp}/nsexport.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
db=$dir/w.db
TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
export TZ LANG LC_ALL
unset NEXTSTEPS_DB
fail=0
n=0

if ! command -v python3 >/dev/null 2>&1 ||
   ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "python3 and python3-jsonschema are needed: skipping"
	exit 77
fi

result() {   # result STATUS NAME
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		sed 's/^/# /' "$dir/out" "$dir/err" 2>/dev/null | tail -20
		fail=1
	fi
}

check() {    # check NAME STATUS ARGS...: nextsteps --db $db ARGS exits STATUS
	name=$1 want=$2
	shift 2
	"$bin" --db "$db" "$@" >"$dir/out" 2>"$dir/err"
	got=$?
	[ "$got" -eq "$want" ]
	result $? "$name (exit $got, wanted $want)"
}

valid() {    # valid NAME SCHEMA: $dir/out is valid against schema/SCHEMA
	python3 "$src/tests/schema_check.py" "$schema/$2" "$dir/out" 2>"$dir/err"
	result $? "$1 matches $2"
}

# Three sessions of three organisations, answered through the line mode.
for org in Camden Hackney =Islington; do
	"$bin" --db "$db" --content "$small" new "W $org" --org "$org" \
		--participants "Ann,Bob" >/dev/null || fail=1
	printf 'v\n2\nd\nn\nNote for %s\n.\na\nBook, the "room"\nOwner\n2026-03-31\n2\n' \
		"$org" | "$bin" --db "$db" --content "$small" --session "W $org" --plain \
		>/dev/null 2>&1 || fail=1
done

check "report --all csv" 0 report --all --format csv
cp "$dir/out" "$dir/all.csv"
python3 - "$dir/all.csv" <<'PY' >"$dir/err" 2>&1
import csv, sys
cols = ["session_id", "session", "organisation", "type", "date", "matrix_id",
        "matrix_version", "section_id", "row_id", "participant", "stage_number",
        "stage_id", "stage_label", "state", "when", "note"]
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f, strict=True))
assert rows[0] == cols, rows[0]
assert all(len(r) == len(cols) for r in rows[1:]), "a row without the columns"
recs = [dict(zip(cols, r)) for r in rows[1:]]
assert len({r["session_id"] for r in recs}) == 3, "not three sessions"
# per session: 2 agreed lines + 2 votes on the first row
assert len(recs) == 12, len(recs)
agreed = [r for r in recs if r["state"] == "agreed"]
assert len(agreed) == 3 and all(r["stage_id"] == "build" and r["stage_number"] == "2"
                                and r["participant"] == "" for r in agreed), agreed
assert {r["state"] for r in recs} == {"agreed", "vote", "dont_know", "not_reached"}
assert all(r["when"] == "during" for r in recs)
assert "'=Islington" in {r["organisation"] for r in recs}, "no formula guard"
PY
result $? "report --all csv reads back: three sessions, declared columns"

check "report --all --table actions csv" 0 report --all --format csv --table actions
python3 - "$dir/out" <<'PY' >"$dir/err" 2>&1
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline=""), strict=True))
assert rows[0] == ["session_id", "session", "organisation", "row_id", "text", "owner",
                   "due", "status", "brought_from", "brought_from_id"], rows[0]
assert len(rows) == 4 and all(r[4] == 'Book, the "room"' and r[7] == "open" for r in rows[1:]), rows
PY
result $? "one line per action, text in its own cell"

# One session's CSV is that session's lines of the --all table, header
# and all, for each table: one shape whether one session or many.
for table in "" actions sessions; do
	"$bin" --db "$db" report --all --format csv ${table:+--table $table} \
		>"$dir/all" 2>"$dir/err" &&
	"$bin" --db "$db" report "W Hackney" --format csv ${table:+--table $table} \
		>"$dir/out" 2>>"$dir/err" &&
	python3 - "$dir/all" "$dir/out" <<'PY' >>"$dir/err" 2>&1
import csv, sys
read = lambda p: list(csv.reader(open(p, encoding="utf-8", newline=""), strict=True))
every, one = read(sys.argv[1]), read(sys.argv[2])
assert one[0] == every[0], (one[0], every[0])
mine = [r for r in every[1:] if r[1] == "W Hackney"]   # session, or name
assert len(one) > 1 and one[1:] == mine, (one, mine)
PY
	result $? "report SESSION --format csv ${table:+--table $table }is its lines of report --all"
done

check "report --all --org" 0 report --all --format csv --table sessions --org 'H*'
[ "$(grep -c Hackney "$dir/out")" -eq 1 ] && ! grep -q Camden "$dir/out"
result $? "--org keeps only matching organisations"
check "--since in the future" 66 report --all --format csv --since 2999-01-01
check "--since bad date" 64 report --all --format csv --since 01/02/2026
check "--all needs csv or json" 64 report --all
check "--all with a SESSION" 64 report --all "W Camden"

for t in answers actions sessions; do
	check "report --all --table $t json" 0 report --all --format json --table $t
	valid "report --all --table $t" table.schema.json
	grep -q '"format_version":1,' "$dir/out"
	result $? "$t json carries format_version"
done
check "single-session --table actions" 0 report "W Camden" --format json --table actions
valid "single-session --table actions" table.schema.json
check "report json" 0 report "W Camden" --format json
valid "report" report.schema.json
check "list json" 0 list --format json
valid "list" list.schema.json
check "list csv" 0 list --format csv
[ "$(sed -n 1p "$dir/out")" = "$(printf 'session_id,name,organisation,type,facilitator,created,updated,rows,answered,matrix_id,matrix_version\r')" ] &&
	[ "$(wc -l <"$dir/out")" -eq 4 ]
result $? "list csv: header and three sessions"

check "portfolio csv" 0 report --portfolio --format csv
python3 - "$dir/out" <<'PY' >"$dir/err" 2>&1
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline=""), strict=True))
assert rows[0] == ["organisation", "session_id", "session", "date", "matrix_id",
                   "matrix_version", "section_id", "row_id", "stage_number", "stage_id",
                   "stage_label", "state"], rows[0]
# three organisations x three rows (one is for PCNs only); the guard
# on '=Islington'
assert len(rows) == 10, len(rows)
assert [r[0] for r in rows[1:]] == ["'=Islington"] * 3 + ["Camden"] * 3 + ["Hackney"] * 3, rows
assert [r[11] for r in rows[1:]] == ["agreed", "not_in_track", "not_agreed"] * 3, rows
assert [r[7] for r in rows[1:4]] == ["alpha-one", "alpha-pcn", "beta-one"], rows
PY
result $? "portfolio csv: one line per organisation and row"
check "portfolio json" 0 report --portfolio --format json
valid "portfolio" table.schema.json
check "portfolio with --table" 64 report --portfolio --format csv --table answers

# An escape typed into a name stays exact in JSON, as a \u escape, and
# visible in CSV; a control character never reaches either raw.
esc=$(printf '\033')
"$bin" --db "$db" --content "$small" new "E${esc}[2Jvil" --org "Ev${esc}il" >/dev/null
check "json of an escaped name" 0 report "E${esc}[2Jvil" --format json
grep -q 'E\\u001b\[2Jvil' "$dir/out" && ! grep -q "$esc" "$dir/out"
result $? "json: the escape as \\u001b, exact"
valid "report with an escape" report.schema.json
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(d['session']['name'] != 'E\x1b[2Jvil')" "$dir/out"
result $? "json decodes to the text as typed"
check "csv of an escaped name" 0 report --all --format csv --table sessions
grep -q 'E^\[\[2Jvil' "$dir/out" && ! grep -q "$esc" "$dir/out"
result $? "csv: the escape shown visibly"

check "--bom" 0 report --all --format csv --table sessions --bom
[ "$(head -c 3 "$dir/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]
result $? "--bom starts with a UTF-8 byte-order mark"
check "--no-formula-guard" 0 report --all --format csv --no-formula-guard
grep -q ',=Islington,' "$dir/out" && ! grep -q "'=Islington" "$dir/out"
result $? "--no-formula-guard leaves = alone"
check "--bom with json" 64 report --all --format json --bom
check "--table with text" 64 report "W Camden" --table actions

# The SQL views, read with Python's sqlite3 as an analyst would.
python3 - "$db" <<'PY' >"$dir/err" 2>&1
import sqlite3, sys
c = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
agreed = c.execute("SELECT count(*) FROM answers_v WHERE state = 'agreed'"
                   " AND stage_number = 2 AND stage_label = 'Build'").fetchone()[0]
votes = c.execute("SELECT count(*) FROM answers_v WHERE participant IS NOT NULL").fetchone()[0]
acts = c.execute("SELECT count(*) FROM actions_v WHERE status = 'open'").fetchone()[0]
sess = c.execute("SELECT count(*) FROM sessions_v WHERE agreed = 1 AND rows = 2").fetchone()[0]
assert (agreed, votes, acts, sess) == (3, 6, 3, 3), (agreed, votes, acts, sess)
PY
result $? "views answers_v, actions_v, sessions_v"

# Command-line habits.
check "-o empty" 64 report "W Camden" -o ''
check "unknown option" 64 --frobnicate
grep -q "^nextsteps: unknown or ambiguous option '--frobnicate'" "$dir/err"
result $? "getopt's message starts with nextsteps:"
check "unknown short option" 64 -x
grep -q "^nextsteps: unknown option '-x'" "$dir/err"
result $? "an unknown short option is named"
check "argument to a flag" 64 --ascii=yes
grep -q "^nextsteps: option '--ascii' takes no argument" "$dir/err"
result $? "an argument to a flag is refused by name"
check "missing argument" 64 list --format
grep -q "^nextsteps: option '--format' needs an argument" "$dir/err"
result $? "a missing argument says so"
check "missing content file" 66 --content "$dir/none.cfg" new X
grep -q "^nextsteps: .*none.cfg" "$dir/err"
result $? "file errors start with nextsteps:"
if [ -w /dev/full ]; then
	for args in "list" "--help" "--version" "check-content $small" \
		"report --all --format csv"; do
		# shellcheck disable=SC2086
		NEXTSTEPS_DB=$db "$bin" $args >/dev/full 2>"$dir/err"
		got=$?
		[ "$got" -eq 74 ] && grep -q "^nextsteps: " "$dir/err"
		result $? "$args > /dev/full: exit 74 with a message (got $got)"
	done
fi

# Matrices by name: the user's folder, listed by `matrices`.
mkdir -p "$dir/xdg/nextsteps/matrices"
cp "$small" "$dir/xdg/nextsteps/matrices/mine.cfg"
XDG_DATA_HOME=$dir/xdg "$bin" --db "$dir/m.db" --content mine new Mine >"$dir/out" 2>"$dir/err"
result $? "--content NAME finds NAME.cfg in \$XDG_DATA_HOME/nextsteps/matrices"
grep -q "(2 rows" "$dir/out"
result $? "the user's matrix was used"
XDG_DATA_HOME=$dir/xdg "$bin" matrices >"$dir/out" 2>"$dir/err" &&
	grep -q "^mine  *user  *small  *1  *3  Small test matrix" "$dir/out" &&
	grep -q "^(built-in)  *built-in  *next-steps" "$dir/out"
result $? "matrices lists the built-in and the user's matrices"
XDG_DATA_HOME=$dir/xdg "$bin" --db "$dir/m.db" --content nosuch new X >"$dir/out" 2>"$dir/err"
[ $? -eq 66 ] && grep -q "^nextsteps: nosuch: " "$dir/err"
result $? "an unknown matrix name is a missing file (66)"

# The bash completion parses.
if command -v bash >/dev/null 2>&1; then
	bash -n "$src/completion/nextsteps.bash" 2>"$dir/err"
	result $? "bash completion: bash -n"
fi

echo "1..$n"
exit $fail
