#!/bin/sh
# cli.sh - the command-line contract: exit statuses and messages that other
# tools and the README rely on.
set -u
bin=${NEXTSTEPS_BIN:?}
src=${TEST_SRCDIR:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
n=0

check() {   # check NAME EXPECTED_STATUS COMMAND...
	name=$1 want=$2
	shift 2
	n=$((n + 1))
	"$@" >"$dir/out" 2>"$dir/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name (exit $got, wanted $want)"
		sed 's/^/# /' "$dir/err"
		fail=1
	fi
}

expect_out() {   # expect_out FILE PATTERN
	if ! grep -q -- "$2" "$dir/$1"; then
		echo "not ok - $1 lacks '$2':"
		sed 's/^/# /' "$dir/$1"
		fail=1
	fi
}

check "help" 0 "$bin" --help
expect_out out "Usage: nextsteps"
check "version" 0 "$bin" --version
expect_out out "^nextsteps [0-9]"
check "unknown option" 64 "$bin" --frobnicate
check "unknown command" 64 "$bin" frobnicate
expect_out err "unknown command 'frobnicate'"
check "check-content shipped" 0 "$bin" check-content "$src/content/nextsteps.cfg"
expect_out out "10 sections"
check "check-content pcn" 0 "$bin" check-content "$src/content/pcn-maturity.cfg"
expect_out out "4 stages"
check "check-content bad line" 65 "$bin" check-content "$src/tests/data/content/dup-row.cfg"
expect_out err "dup-row.cfg:20: duplicate row id 'row-a'"
check "check-content missing" 66 "$bin" check-content "$dir/none.cfg"
check "check-content binary" 65 "$bin" check-content "$src/tests/data/content/binary.cfg"
check "check-content no file" 64 "$bin" check-content
check "option not for command" 64 "$bin" list --width 90
check "bad width" 64 "$bin" report --width 20

db="$dir/w.db"
check "new" 0 "$bin" --db "$db" new "Camden 2026" --org "Camden PCN" --type pcn \
	--participants "Dr A, Dr B,,Ms C" --facilitator "J Patel"
expect_out out "3 participants"
check "new duplicate" 65 "$bin" --db "$db" new "Camden 2026"
expect_out err "already exists"
check "new bad type" 64 "$bin" --db "$db" new "X" --type gp
check "new with bad content" 65 "$bin" --db "$db" --content "$src/tests/data/content/bad-id.cfg" new "Y"
check "list" 0 "$bin" --db "$db" list
expect_out out "Camden 2026"
expect_out out "Camden PCN"
expect_out out "pcn"
check "list missing db" 66 "$bin" --db "$dir/none.db" list
printf 'this is not a database at all, just some text in a file\n%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 > "$dir/text.db"
check "list not a database" 65 "$bin" --db "$dir/text.db" list
check "report missing session" 66 "$bin" --db "$db" report "No such"

# Damage found while reading is a clear exit 65, even without the
# whole-file check that list and report skip to stay fast.
"$bin" --db "$dir/c.db" new "C" >/dev/null
python3 -c "
import os, sys
p = sys.argv[1]
with open(p, 'r+b') as f:
    for off in range(4096, os.path.getsize(p), 4096):
        f.seek(off + 100); f.write(b'\xde\xad\xbe\xef' * 200)
" "$dir/c.db"
check "list corrupt database" 65 "$bin" --db "$dir/c.db" list
expect_out err "database is corrupt"

# Error messages quote what the user or a file said: never raw escapes.
esc=$(printf '\033]0;pwned\007')
check "escape in a missing file name" 66 "$bin" check-content "$dir/$esc.cfg"
check "escape in a repeated participant" 64 "$bin" --db "$db" new "E" \
	--participants "A$esc,A$esc"
n=$((n + 1))
if grep -q "$(printf '\033')" "$dir/err"; then
	echo "not ok $n - an escape sequence reached the terminal"; fail=1
else
	echo "ok $n - error messages show escapes visibly"
fi
expect_out err "listed twice"
check "name over the limit" 64 "$bin" --db "$db" new "$(printf '%0201d' 0)"
expect_out err "longer than 200 characters"

mode=$(stat -c %a "$db")
n=$((n + 1))
if [ "$mode" = 600 ]; then echo "ok $n - database mode 0600"; else echo "not ok $n - database mode $mode"; fail=1; fi
echo "1..$n"
exit $fail
