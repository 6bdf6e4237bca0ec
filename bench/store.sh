#!/bin/sh
# store.sh [BUILD_DIR] [SESSIONS] - the store benchmark.
#
# Fills a database with SESSIONS realistic workshops (default 2000) and
# another with one, then measures on both in the same run: opening the file,
# `list`, opening one session (find + load its answers) and changes per
# second with synchronous=FULL.  Opening one session should cost about the
# same on both: its cost follows one session, not the file.
# Not part of `make check`; figures go in bench/README.md.
set -eu
build=${1:-.}
sessions=${2:-2000}

make -C "$build" bench/gen-db >/dev/null
gen="$build/bench/gen-db"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ns-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

"$gen" fill "$tmp/one.db" 1
"$gen" fill "$tmp/many.db" "$sessions"
echo "file sizes: one $(wc -c < "$tmp/one.db") bytes," \
	"many $(wc -c < "$tmp/many.db") bytes"
echo
"$gen" measure "$tmp/one.db"
"$gen" measure "$tmp/many.db"

# The command line too, when the program has been built.
if [ -x "$build/tui/nextsteps" ]; then
	for db in one many; do
		start=$(date +%s%N)
		"$build/tui/nextsteps" --db "$tmp/$db.db" list >/dev/null
		end=$(date +%s%N)
		echo "nextsteps list on $db.db: $(( (end - start) / 1000000 )) ms"
	done
fi
