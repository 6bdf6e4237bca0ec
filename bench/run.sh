#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# run.sh BUILD_DIR [large] - every benchmark of the project in one run
# (`make bench`; `make bench-large` adds 20,000 sessions): terminal bytes,
# start-up and memory against dialog (bench.py), the store (store.sh), one
# session's cost as the file grows (scale.py) and a key's cost as the
# matrix grows (matrix_size.py).  Prints markdown for bench/README.md and
# exits non-zero when any budget is missed.
#
# The databases are filled once (bench/gen-db) into a temporary folder;
# BENCH_DB_DIR names a folder of sN.db files filled before, to reuse them.
set -u
build=$(cd "${1:-.}" && pwd)
large=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
bin="$build/tui/nextsteps"
gen="$build/bench/gen-db"
status=0

# Setup: dialog is the peer every terminal figure is compared with, pyte
# replays the output to find the ideal update.
for pkg in dialog:dialog python3-pyte:/usr/lib/python3/dist-packages/pyte; do
	name=${pkg%%:*} probe=${pkg#*:}
	if ! command -v "$probe" >/dev/null 2>&1 && [ ! -e "$probe" ]; then
		if [ "$(id -u)" -eq 0 ]; then
			apt-get install -y -qq "$name" >/dev/null
		else
			echo "run.sh: install $name first (apt-get install $name)" >&2
			exit 69
		fi
	fi
done
[ -x "$bin" ] || { echo "run.sh: build the program first ($bin)" >&2; exit 66; }
[ -x "$gen" ] || make -C "$build" bench/gen-db >/dev/null || exit 66

counts="1 2000"
[ "$large" = large ] && counts="1 2000 20000"
if [ -n "${BENCH_DB_DIR:-}" ]; then
	dbs=$(cd "$BENCH_DB_DIR" && pwd)
else
	dbs=$(mktemp -d "${TMPDIR:-/tmp}/ns-bench-XXXXXX")
	trap 'rm -rf "$dbs"' EXIT INT TERM
fi
for c in $counts; do
	[ -f "$dbs/s$c.db" ] || "$gen" fill "$dbs/s$c.db" "$c" | sed 's/^/    /'
done
# A fill leaves dirty pages behind: written out now, they do not count
# against the large file's changes per second.
sync

note() {
	echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(uname -sr)," \
		"SQLite $(pkg-config --modversion sqlite3 2>/dev/null || echo ?), dialog $(dialog --version 2>&1 | head -1 | sed "s/^Version: //")."
	echo "Command: \`make bench${large:+-large}\` (bench/run.sh), $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo "Other work on the machine moves the times (not the bytes); every time"
	echo "is compared with a peer measured in the same run."
}

echo "## Terminal output, start-up and memory"
echo
note
echo
python3 "$here/bench.py" "$bin" || status=1
echo
echo "## Store"
echo
set --
for c in $counts; do set -- "$@" "$dbs/s$c.db"; done
sh "$here/store.sh" "$build" "$@" | sed 's/^/    /'
echo
echo "## One session as the file grows"
echo
# shellcheck disable=SC2086
python3 "$here/scale.py" "$build" "$dbs" $counts || status=1
echo
echo "## A key as the matrix grows"
echo
python3 "$here/matrix_size.py" "$bin" 100 1000 10000 || status=1
exit "$status"
