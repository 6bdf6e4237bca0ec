#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# store.sh BUILD_DIR [SESSIONS | FILE...] - the store benchmark.
#
# Measures each FILE (or, given a number, a database of SESSIONS realistic
# workshops and one of a single workshop, filled here): opening the file,
# `list`, opening one session (find + load its answers) and changes per
# second with synchronous=FULL, after `sync` so that pages a fill left
# unwritten are not flushed during the measurement.  Opening one session
# should cost about the same on every file: its cost follows one session,
# not the file.  Not part of `make check`; figures go in bench/README.md.
set -eu
build=${1:-.}
shift || true
gen="$build/bench/gen-db"
[ -x "$gen" ] || make -C "$build" bench/gen-db >/dev/null

case "${1:-2000}" in
*[!0-9]*) ;;
*)
	sessions=${1:-2000}
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/ns-bench-XXXXXX")
	trap 'rm -rf "$tmp"' EXIT INT TERM
	"$gen" fill "$tmp/one.db" 1
	"$gen" fill "$tmp/many.db" "$sessions"
	set -- "$tmp/one.db" "$tmp/many.db"
	;;
esac

for db in "$@"; do
	echo "$(basename "$db"): $(wc -c < "$db") bytes"
done
echo
sync
for db in "$@"; do
	"$gen" measure "$db"
done
