# lib.sh - shared helpers for the end-to-end tests (sourced, POSIX sh).
#
# Each test drives the real binary in its own tmux server (-L), with the
# terminal type, size, locale and time zone pinned, and polls the screen
# until the expected text appears instead of sleeping for fixed times.
#
#   ns_init                 checks tmux and the binary, makes $NS_DIR
#   ns_start W H TERM LANG ARGS...   runs nextsteps --db $NS_DB ARGS
#                           ("" for the defaults: 80 24 xterm-256color C.UTF-8)
#   ns_keys KEYS...         tmux send-keys (key names: Enter, Escape, C-l)
#   ns_type TEXT            sends TEXT literally
#   ns_wait_for TEXT [SECS] waits until TEXT is on the screen (fixed string)
#   ns_wait_gone TEXT [SECS]
#   ns_screen               prints the screen
#   ns_pid                  the running program's process id
#   ns_stop                 ends the tmux server
#   ns_cli ARGS...          runs nextsteps --db $NS_DB ARGS (no terminal)
#   ns_expect_cli TEXT ARGS...  the command succeeds and prints TEXT
#   ns_fail MESSAGE         prints the message and the screen, exits 1

NS_W=80
NS_H=24
NS_TERM=xterm-256color
NS_LANG=C.UTF-8
NS_TIMEOUT=${NS_TIMEOUT:-5}

ns_init() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "tmux is not installed: skipping"
		exit 77
	fi
	if [ -z "$NEXTSTEPS_BIN" ] || [ ! -x "$NEXTSTEPS_BIN" ]; then
		echo "NEXTSTEPS_BIN is not set to the built program" >&2
		exit 1
	fi
	: "${TEST_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
	NS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/nstest.XXXXXX") || exit 1
	NS_DB=$NS_DIR/test.db
	NS_SOCK=nstest-$$
	NS_SMALL=$TEST_SRCDIR/tests/data/small.cfg
	trap 'ns_stop; rm -rf "$NS_DIR"' EXIT
	TZ=UTC
	export TZ
	unset NO_COLOR NEXTSTEPS_DB
}

ns_tmux() {
	tmux -L "$NS_SOCK" -f /dev/null "$@"
}

# Quotes one argument for the run script.
ns_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# The program runs from a small script that records the script's pid (the
# program is its child); when the program ends the pane shows
# NS-EXITED-<status>.
ns_start() {
	w=${1:-$NS_W}; h=${2:-$NS_H}; term=${3:-$NS_TERM}; lang=${4:-$NS_LANG}
	shift 4
	args=""
	for a in "$@"; do
		args="$args $(ns_quote "$a")"
	done
	rm -f "$NS_DIR/pid"
	{
		echo "echo \$\$ > $(ns_quote "$NS_DIR/pid")"
		echo "env TERM=$term LANG=$lang LC_ALL=$lang TZ=UTC $(ns_quote "$NEXTSTEPS_BIN") --db $(ns_quote "$NS_DB")$args"
		echo 'echo NS-EXITED-$?'
		echo 'sleep 60'
	} > "$NS_DIR/run.sh"
	ns_stop
	ns_tmux new-session -d -x "$w" -y "$h" "exec sh $(ns_quote "$NS_DIR/run.sh")" ||
		ns_fail "tmux could not start"
}

ns_pid() {
	ps -o pid= --ppid "$(cat "$NS_DIR/pid")" | tr -d ' '
}

ns_keys() {
	ns_tmux send-keys -t 0 "$@"
}

ns_type() {
	ns_tmux send-keys -t 0 -l "$1"
}

ns_screen() {
	ns_tmux capture-pane -p -t 0
}

ns_wait_for() {
	text=$1; secs=${2:-$NS_TIMEOUT}; i=0
	while [ "$i" -lt $((secs * 20)) ]; do
		if ns_screen | grep -F -q -- "$text"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	ns_fail "timed out waiting for '$text'"
}

ns_wait_gone() {
	text=$1; secs=${2:-$NS_TIMEOUT}; i=0
	while [ "$i" -lt $((secs * 20)) ]; do
		if ! ns_screen | grep -F -q -- "$text"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	ns_fail "timed out waiting for '$text' to go"
}

ns_stop() {
	if ns_tmux has-session 2>/dev/null; then
		ns_tmux kill-server 2>/dev/null
		sleep 0.2
	fi
	return 0
}

ns_cli() {
	"$NEXTSTEPS_BIN" --db "$NS_DB" "$@"
}

ns_fail() {
	echo "FAIL: $*" >&2
	echo "----- screen -----" >&2
	ns_screen >&2 2>/dev/null
	echo "------------------" >&2
	exit 1
}

ns_expect_cli() {
	pat=$1; shift
	out=$(ns_cli "$@" 2>&1) || ns_fail "nextsteps $* failed: $out"
	printf '%s\n' "$out" | grep -F -q -- "$pat" ||
		ns_fail "nextsteps $* does not show '$pat':
$out"
}
