#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# cli.sh - the command-line contract: exit statuses and messages that other
# tools and the README rely on.
. "$(dirname "$0")/lib.sh"
ns_init_cli
set -u
bin=$NEXTSTEPS_BIN
src=$TEST_SRCDIR
dir=$NS_DIR
fail=0      # a check written out in full sets fail=1 when it fails

check() {   # check NAME EXPECTED_STATUS COMMAND...
	name=$1 want=$2
	shift 2
	"$@" >"$dir/out" 2>"$dir/err"
	got=$?
	NS_SHOW="$dir/err"
	[ "$got" -eq "$want" ]
	ns_result $? "$name (exit $got, wanted $want)"
}

expect_out() {   # expect_out FILE PATTERN
	grep -q -- "$2" "$dir/$1"
	NS_SHOW="$dir/$1"
	ns_result $? "$1 has '$2'"
}

check "help" 0 "$bin" --help
expect_out out "Usage: nextsteps"
check "version" 0 "$bin" --version
expect_out out "^nextsteps [0-9]"
check "unknown option" 64 "$bin" --frobnicate
check "unknown command" 64 "$bin" frobnicate
expect_out err "unknown command 'frobnicate'"
check "check-content shipped" 0 "$bin" check-content "$src/content/nextsteps.cfg"
expect_out out "11 sections"
check "check-content pcn" 0 "$bin" check-content "$src/content/pcn-maturity.cfg"
expect_out out "4 stages"
check "check-content bad line" 65 "$bin" check-content "$src/tests/data/content/dup-row.cfg"
expect_out err "dup-row.cfg:20: duplicate row id 'row-a'"
check "check-content missing" 66 "$bin" check-content "$dir/none.cfg"
check "check-content binary" 65 "$bin" check-content "$src/tests/data/content/binary.cfg"
check "check-content no file" 64 "$bin" check-content
check "check-content shipped has no warnings" 0 "$bin" check-content "$src/content/nextsteps.cfg"
if [ -s "$dir/err" ]; then echo "not ok - warnings:"; sed 's/^/# /' "$dir/err"; fail=1; fi
check "check-content glossary warning" 0 "$bin" check-content "$src/tests/data/content/glossary.cfg"
expect_out err "glossary.cfg:20: warning: 'CCG' is not explained in the glossary"
mkfifo "$dir/fifo"
check "check-content fifo" 65 timeout 20 "$bin" check-content "$dir/fifo"
expect_out err "fifo: a FIFO"
check "check-content directory" 65 "$bin" check-content "$dir"
check "check-content byte-order mark" 0 "$bin" check-content "$src/tests/data/content/bom.cfg"
check "check-content CR line ends" 65 "$bin" check-content "$src/tests/data/content/cr-only-dup-row.cfg"
expect_out err "cr-only-dup-row.cfg:21: duplicate row id 'row-a'"
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
check "report with prompts" 0 "$bin" --db "$db" report "Camden 2026" --with-prompts
expect_out out "  Prompt: "
expect_out out "^Appendix: glossary"
check "report without prompts" 0 "$bin" --db "$db" report "Camden 2026"
if grep -q "Prompt: " "$dir/out"; then echo "not ok - prompts printed unasked"; fail=1; fi
check "prompts only in text" 64 "$bin" --db "$db" report "Camden 2026" --with-prompts --format csv

# Damage found while reading is a clear exit 65, even without the
# whole-file check that opening leaves to check-db to stay fast.
"$bin" --db "$dir/c.db" new "C" >/dev/null
check "check-db on a sound file" 0 "$bin" --db "$dir/c.db" check-db
expect_out out "c.db: ok"
check "check-db takes no argument" 64 "$bin" --db "$dir/c.db" check-db x
python3 -c "
import os, sys
p = sys.argv[1]
with open(p, 'r+b') as f:
    for off in range(4096, os.path.getsize(p), 4096):
        f.seek(off + 100); f.write(b'\xde\xad\xbe\xef' * 200)
" "$dir/c.db"
check "list corrupt database" 65 "$bin" --db "$dir/c.db" list
expect_out err "database is corrupt"
check "check-db on a damaged file" 65 "$bin" --db "$dir/c.db" check-db
expect_out err "^nextsteps: .*damaged"
if [ "$(wc -l <"$dir/err")" -ne 1 ]; then echo "not ok - check-db: one line"; fail=1; fi

# Error messages quote what the user or a file said: never raw escapes.
esc=$(printf '\033]0;pwned\007')
check "escape in a missing file name" 66 "$bin" check-content "$dir/$esc.cfg"
check "escape in a repeated participant" 64 "$bin" --db "$db" new "E" \
	--participants "A$esc,A$esc"
! grep -q "$(printf '\033')" "$dir/err"
ns_result $? "error messages show escapes visibly"
expect_out err "listed twice"
check "new with an escape in its name" 0 "$bin" --db "$dir/esc.db" new "Evil$esc"
sed "s/version = \"1\";/version = \"1$esc\";/" "$src/tests/data/content/valid.cfg" \
	> "$dir/esc.cfg"
check "check-content of an escaped version" 0 "$bin" check-content "$dir/esc.cfg"
! grep -q "$(printf '\033')" "$dir/out"
ns_result $? "output lines show escapes visibly"
expect_out out "version 1^\[\]0;pwned^G"
check "name over the limit" 64 "$bin" --db "$db" new "$(printf '%0201d' 0)"
expect_out err "longer than 200 characters"

# A 10,000-row matrix and 200 participants load, make a session and a
# report without trouble.
python3 -c "
rows = ',\n'.join('{ id = \"r%d\"; title = \"Row %d\"; descriptors = ( \"a\", \"b\", \"c\" ); }' % (i, i) for i in range(100))
secs = ',\n'.join('{ id = \"s%d\"; title = \"S%d\"; intro = \"\"; rows = ( %s ); }' % (k, k, rows.replace('\"r', '\"s%d-r' % k)) for k in range(100))
print('matrix: { id = \"big\"; title = \"Big\"; version = \"1\"; source = \"t\"; stages = ( { id = \"a\"; label = \"A\"; }, { id = \"b\"; label = \"B\"; }, { id = \"c\"; label = \"C\"; } ); sections = ( %s ); };' % secs)
" > "$dir/big.cfg"
people=$(python3 -c "print(','.join('Person %d' % i for i in range(200)))")
check "10,000-row matrix" 0 "$bin" check-content "$dir/big.cfg"
expect_out out "10000 rows"
printf '%s\n' 'matrix: { id = "one"; title = "One"; version = "1"; source = "t";' \
	'stages = ( { id = "a"; label = "A"; }, { id = "b"; label = "B"; } );' \
	'sections = ( { id = "s"; title = "S"; intro = ""; rows = (' \
	'{ id = "r"; title = "R"; descriptors = ( "a", "b" ); } ); } ); };' > "$dir/one.cfg"
check "one-section matrix" 0 "$bin" check-content "$dir/one.cfg"
expect_out out "1 section, 1 row "
check "session of 10,000 rows and 200 people" 0 "$bin" --db "$dir/big.db" \
	--content "$dir/big.cfg" new Big --participants "$people"
check "report of it" 0 "$bin" --db "$dir/big.db" report Big -o "$dir/big.txt"
grep -q "Page 1 of" "$dir/big.txt"
ns_result $? "the big report has pages"

# --utf8 in a non-UTF-8 locale (a cron job) still wraps wide characters
# by their real width.
cjk=$(python3 -c "print(','.join('\u674e\u660e\u738b\u82b3 %d' % i for i in range(30)))")
"$bin" --db "$dir/cjk.db" new CJK --participants "$cjk" >/dev/null
LANG=C LC_ALL=C "$bin" --db "$dir/cjk.db" report CJK --width 60 --utf8 > "$dir/cjk.txt"
python3 -c "
import sys, unicodedata
w = lambda l: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in l)
sys.exit(max(w(l.rstrip('\n\f')) for l in open(sys.argv[1], encoding='utf-8')) > 60)
" "$dir/cjk.txt"
ns_result $? "--utf8 wraps wide characters to 60 columns in LANG=C"

# A new session for an organisation that has one says what it brought
# to review: an action added in the line mode, then a second session
# whose organisation is spelt in other case.
NEXTSTEPS_NOW=1767225600 "$bin" --db "$dir/org.db" new "Camden 2025" --org Camden \
	--participants "A,B" >/dev/null
printf 'a\na\nWrite the rota\nDr Ada\n\n\nq\n' |
	NEXTSTEPS_NOW=1767225600 "$bin" --db "$dir/org.db" --session "Camden 2025" \
	--plain >/dev/null
out=$(NEXTSTEPS_NOW=1798761600 "$bin" --db "$dir/org.db" new "Camden 2026" --org camden)
printf '%s\n' "$out" | grep -qx "brought 1 open action from 'Camden 2025' to review"
ns_result $? "new says what it brought from the last session: $out"

mode=$(stat -c %a "$db")
[ "$mode" = 600 ]
ns_result $? "database mode 0600 (is $mode)"
[ "$fail" -eq 0 ] || NS_FAILED=1
ns_done
