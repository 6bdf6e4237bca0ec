#!/bin/sh
# run.sh BUILD_DIR - every benchmark of the project in one run (`make bench`):
# terminal bytes, start-up and memory against dialog (bench.py), the store
# (store.sh), and the command line on a 2,000-session database.
# Prints markdown for bench/README.md.
set -eu
build=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
bin="$build/tui/nextsteps"

# Setup: dialog is the peer every terminal figure is compared with.
if ! command -v dialog >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		apt-get install -y -qq dialog >/dev/null
	else
		echo "run.sh: install dialog first (apt-get install dialog)" >&2
		exit 69
	fi
fi
[ -x "$bin" ] || { echo "run.sh: build the program first ($bin)" >&2; exit 66; }

echo "## Terminal output, start-up and memory"
echo
echo "Machine: $(nproc) CPUs, $(uname -sr); ncurses $(ncursesw6-config --version 2>/dev/null || echo ?); $(dialog --version 2>&1 | head -1)."
echo "Command: \`make bench\` (bench/run.sh), $(date -u +%Y-%m-%d)."
echo
python3 "$here/bench.py" "$bin" || status=$?
echo
echo "## Store"
echo
sh "$here/store.sh" "$build" "${BENCH_SESSIONS:-2000}" | sed 's/^/    /'
echo
echo "## The command line on a large database"
echo
python3 "$here/cli_timing.py" "$build" "${BENCH_SESSIONS:-2000}"
exit "${status:-0}"
