# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# lib.sh - shared helpers for the end-to-end tests (sourced, POSIX sh).
#
# Each test drives the real binary in its own tmux server (-L), with the
# terminal type, size, locale and time zone pinned, and polls the screen
# until the expected text appears instead of sleeping for fixed times.
#
#   ns_init                 checks tmux and the binary, makes $NS_DIR
#   ns_init_cli             the same for a test that needs no terminal (no tmux)
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
#
# Several terminals on one database (the live room): ns_open NAME W H TERM
# LANG ARGS... starts another named terminal in the same tmux server, and
# ns_use NAME points ns_keys, ns_type, ns_screen, ns_wait_for, ns_pid and
# ns_respawn at it (ns_use 0 for the one ns_start made).
#   ns_respawn              runs the current terminal's command again
#   ns_pipe_start FILE      appends every byte the program writes to FILE
#   ns_pipe_stop            ends the pipe
#   ns_small NAME [ARGS...] creates session NAME on the small matrix with
#                           the participant Ann (ARGS go to 'new'), or fails
#   ns_ok TEXT              prints "ok N - TEXT", numbering the checks
#   ns_room SESSION         the live room's start: SESSION (small matrix,
#                           participant Ann), its facilitator in terminal 0
#                           and a watcher in terminal "watch"; back in 0 once
#                           the facilitator counts the watcher
#   ns_new_action TEXT OWNER DUE   from the walk: the row's actions, then a
#                           new action's form filled in (not yet saved)
#   ns_wait_quiet [SECS]    waits until the program has written nothing for
#                           SECS seconds (1 by default)
#   ns_alt, ns_cursor       tmux's view of the pane: 1 while the program is
#                           in screen mode, 1 while the cursor shows
#   ns_wait_alt 0|1         waits until the pane is off / on the alternate screen
#   ns_wait_settled FILE    waits until FILE (a running pipe) stops growing
#   ns_wait_writes N        waits until the database file has been written N
#                           more times (heartbeats: something to react to)
#
# Tests made of many small checks (cli.sh, plain.sh) report each one:
#   ns_result STATUS NAME   "ok N - NAME" when STATUS is 0, else "not ok"
#                           and the files named in $NS_SHOW; the run goes on
#   ns_skip NAME REASON     "ok N - NAME # SKIP REASON"
#   ns_done                 prints the plan and exits 1 if any check failed

NS_W=80
NS_H=24
NS_TERM=xterm-256color
NS_LANG=C.UTF-8
NS_TIMEOUT=${NS_TIMEOUT:-5}
NS_T=0

NS_N=0
NS_FAILED=0
NS_SHOW=

ns_init() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "tmux is not installed: skipping"
		exit 77
	fi
	ns_init_cli
}

ns_init_cli() {
	if [ -z "${NEXTSTEPS_BIN:-}" ] || [ ! -x "$NEXTSTEPS_BIN" ]; then
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
# Files of terminal $NS_T: "0" keeps the names the single-terminal tests use.
ns_file() {
	if [ "$NS_T" = 0 ]; then
		echo "$NS_DIR/$1"
	else
		echo "$NS_DIR/$1-$NS_T"
	fi
}

# Writes the run script of terminal $NS_T: ns_script TERM LANG ARGS...
ns_script() {
	term=$1; lang=$2
	shift 2
	args=""
	for a in "$@"; do
		args="$args $(ns_quote "$a")"
	done
	rm -f "$(ns_file pid)"
	{
		echo "echo \$\$ > $(ns_quote "$(ns_file pid)")"
		echo "env TERM=$term LANG=$lang LC_ALL=$lang TZ=UTC $(ns_quote "$NEXTSTEPS_BIN") --db $(ns_quote "$NS_DB")$args"
		echo 'echo NS-EXITED-$?'
		echo 'sleep 60'
	} > "$(ns_file run.sh)"
}

ns_start() {
	w=${1:-$NS_W}; h=${2:-$NS_H}; term=${3:-$NS_TERM}; lang=${4:-$NS_LANG}
	shift 4
	NS_T=0
	ns_script "$term" "$lang" "$@"
	ns_stop
	ns_tmux new-session -d -x "$w" -y "$h" "exec sh $(ns_quote "$(ns_file run.sh)")" ||
		ns_fail "tmux could not start"
}

# Another terminal in the same server; it becomes the current one.
ns_open() {
	name=$1; w=${2:-$NS_W}; h=${3:-$NS_H}; term=${4:-$NS_TERM}; lang=${5:-$NS_LANG}
	shift 5
	NS_T=$name
	ns_script "$term" "$lang" "$@"
	ns_tmux new-session -d -s "$name" -x "$w" -y "$h" \
		"exec sh $(ns_quote "$(ns_file run.sh)")" ||
		ns_fail "tmux could not open terminal $name"
}

ns_use() {
	NS_T=$1
}

ns_respawn() {
	rm -f "$(ns_file pid)"
	ns_tmux respawn-pane -k -t "=$NS_T:" "exec sh $(ns_quote "$(ns_file run.sh)")" ||
		ns_fail "tmux could not restart terminal $NS_T"
}

ns_pid() {
	i=0
	while [ ! -s "$(ns_file pid)" ] && [ "$i" -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	ps -o pid= --ppid "$(cat "$(ns_file pid)")" | tr -d ' '
}

ns_keys() {
	ns_tmux send-keys -t "=$NS_T:" "$@"
}

ns_type() {
	ns_tmux send-keys -t "=$NS_T:" -l "$1"
}

ns_screen() {
	ns_tmux capture-pane -p -t "=$NS_T:"
}

ns_pipe_start() {
	: > "$1"
	ns_tmux pipe-pane -t "=$NS_T:" "cat >> $(ns_quote "$1")" ||
		ns_fail "tmux cannot pipe terminal $NS_T"
}

ns_pipe_stop() {
	ns_tmux pipe-pane -t "=$NS_T:"
	sleep 0.1
}

ns_bytes() {
	wc -c < "$1" | tr -d ' '
}

ns_wait_quiet() {
	secs=${1:-1}; f=$(ns_file quiet); i=0
	ns_pipe_start "$f"
	last=-1; still=0
	while [ "$i" -lt $((NS_TIMEOUT * 10)) ]; do
		sleep 0.1
		n=$(ns_bytes "$f")
		if [ "$n" = "$last" ]; then
			still=$((still + 1))
			if [ "$still" -ge $((secs * 10)) ]; then
				ns_pipe_stop
				return 0
			fi
		else
			still=0
			last=$n
		fi
		i=$((i + 1))
	done
	ns_pipe_stop
	ns_fail "terminal $NS_T never went quiet"
}

ns_alt() {
	ns_tmux display -p -t "=$NS_T:" '#{alternate_on}'
}

ns_cursor() {
	ns_tmux display -p -t "=$NS_T:" '#{cursor_flag}'
}

ns_wait_alt() {
	i=0
	while [ "$(ns_alt)" != "$1" ] && [ "$i" -lt $((NS_TIMEOUT * 20)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ "$(ns_alt)" = "$1" ] || ns_fail "alternate screen is $(ns_alt), wanted $1"
}

ns_wait_settled() {   # some bytes, then none for 0.3 s
	last=-1; still=0; i=0
	while [ "$i" -lt $((NS_TIMEOUT * 10)) ]; do
		n=$(ns_bytes "$1")
		if [ "$n" = "$last" ] && [ "$n" -gt 0 ]; then
			still=$((still + 1))
			[ "$still" -ge 3 ] && return 0
		else
			still=0
			last=$n
		fi
		sleep 0.1
		i=$((i + 1))
	done
	ns_fail "$1 stayed empty or kept growing"
}

# The database's write-ahead log changes with every write, heartbeats too.
ns_db_stamp() {
	stat -c '%s %y' "$NS_DB-wal" "$NS_DB" 2>/dev/null
}

ns_wait_writes() {
	left=$1; last=$(ns_db_stamp); i=0
	while [ "$left" -gt 0 ] && [ "$i" -lt $((NS_TIMEOUT * 40)) ]; do
		sleep 0.05
		now=$(ns_db_stamp)
		if [ "$now" != "$last" ]; then
			left=$((left - 1))
			last=$now
		fi
		i=$((i + 1))
	done
	[ "$left" -eq 0 ] || ns_fail "the database was not written in $NS_TIMEOUT s"
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

ns_result() {
	NS_N=$((NS_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $NS_N - $2"
	else
		echo "not ok $NS_N - $2"
		for f in $NS_SHOW; do
			[ -s "$f" ] && sed 's/^/# /' "$f" | tail -40
		done
		NS_FAILED=1
	fi
	return 0
}

ns_skip() {
	NS_N=$((NS_N + 1))
	echo "ok $NS_N - $1 # SKIP $2"
}

ns_done() {
	echo "1..$NS_N"
	exit "$NS_FAILED"
}

ns_expect_cli() {
	pat=$1; shift
	out=$(ns_cli "$@" 2>&1) || ns_fail "nextsteps $* failed: $out"
	printf '%s\n' "$out" | grep -F -q -- "$pat" ||
		ns_fail "nextsteps $* does not show '$pat':
$out"
}

ns_small() {
	name=$1
	shift
	ns_cli --content "$NS_SMALL" new "$name" --participants "Ann" "$@" >/dev/null ||
		ns_fail "cannot create the session $name"
}

ns_ok() {
	NS_OK=$((${NS_OK:-0} + 1))
	echo "ok $NS_OK - $*"
}

ns_room() {
	ns_small "$1"
	ns_start "" "" "" "" --session "$1"
	ns_wait_for "Alpha row one"
	ns_open watch "" "" "" "" watch "$1"
	ns_wait_for "Following the facilitator live"
	ns_use 0
	ns_wait_for "1 watching"
}

# ns_readonly_plain DB OUT INPUT ARGS...: the line mode (ARGS) on a
# read-only copy of DB in a folder it may write, fed INPUT, its output in
# OUT and its status in NS_STATUS; run as nobody when root (root writes
# anyway).  Returns 1 when that cannot be done here (root without setpriv).
ns_readonly_plain() {
	_db=$1 _out=$2 _in=$3
	shift 3
	_as=""
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null 2>&1 || return 1
		_as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	fi
	_ro=$(mktemp -d "${TMPDIR:-/tmp}/nsro.XXXXXX") || ns_fail "no folder"
	chmod 777 "$_ro"
	cp "$_db" "$_ro/ro.db"
	chmod 444 "$_ro/ro.db"
	printf "$_in" | $_as "$NEXTSTEPS_BIN" --db "$_ro/ro.db" --plain "$@" \
		>"$_out" 2>"$NS_DIR/err"
	NS_STATUS=$?
	rm -rf "$_ro"
	return 0
}

ns_new_action() {
	ns_keys a
	ns_wait_for "Actions: "
	ns_keys a
	ns_wait_for "Add an action"
	ns_type "$1"
	ns_keys Tab
	ns_type "$2"
	ns_keys Tab
	ns_type "$3"
}

# The CSV report of a session, read back with Python's csv (tests/e2e/csvq.py):
# a COND is COLUMN=VALUE (exact) or COLUMN~TEXT (the cell holds TEXT), the
# columns those of the answers table (or of --table T's).
#   ns_csv FILE [--none|--count N] COND...   asks a CSV file; prints why not
#   csv SESSION [--table T]          writes the session's CSV to $NS_DIR/csv
#   csv_has [--table T] SESSION COND...    some record meets every COND
#   csv_lacks [--table T] SESSION COND...  no record does
#   csv_note_and_action SESSION NOTE ACTION   alpha-one's note is NOTE and
#                           it has an action whose text is ACTION
ns_need_python() {
	command -v python3 >/dev/null 2>&1 && return 0
	echo "python3 is needed to read the CSV back: skipping"
	exit 77
}

ns_csv() {
	ns_need_python
	python3 "$TEST_SRCDIR/tests/e2e/csvq.py" "$@"
}

csv() {
	ns_cli report "$@" --format csv >"$NS_DIR/csv" 2>&1 ||
		ns_fail "report $* failed: $(cat "$NS_DIR/csv")"
}

csv_ask() {   # csv_ask MODE [--table T] SESSION COND...: MODE "" or --none
	ns_mode=$1
	shift
	if [ "$1" = --table ]; then
		csv "$3" --table "$2"
		shift 3
	else
		csv "$1"
		shift
	fi
	if [ -n "$ns_mode" ]; then
		ns_csv "$NS_DIR/csv" "$ns_mode" "$@"
	else
		ns_csv "$NS_DIR/csv" "$@"
	fi
}

csv_has() {
	ns_need_python
	ns_why=$(csv_ask "" "$@") || ns_fail "the CSV report of $*: $ns_why"
}

csv_lacks() {
	ns_need_python
	ns_why=$(csv_ask --none "$@") || ns_fail "the CSV report of $*: $ns_why"
}

csv_note_and_action() {
	csv_has "$1" row_id=alpha-one participant= "note=$2"
	csv_has --table actions "$1" row_id=alpha-one "text=$3"
}

# The note editor, then an action, from the walk of SESSION; TYPE is a
# command that types the text (ns_type or a send-keys -H of raw bytes).
note_and_action() {
	ns_wait_for "Alpha row one"
	ns_keys n
	ns_wait_for "Note: Alpha row one"
	"$@"
	ns_keys C-s
	ns_wait_for "Saved: note."
	ns_keys Escape
	ns_wait_for "Alpha row one"
	ns_keys a
	ns_wait_for "a adds one"
	ns_keys a
	ns_wait_for "Add an action"
	"$@"
	ns_keys C-s
	ns_wait_for "Saved: action added."
	ns_keys q
	ns_wait_for "Alpha row one"
	ns_keys q
	ns_wait_for "NS-EXITED-0"
}
