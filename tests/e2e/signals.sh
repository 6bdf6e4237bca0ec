#!/bin/sh
# Signals and the terminal: SIGTERM, SIGINT, SIGPIPE, SIGQUIT, SIGUSR1 and
# the other signals that would end the program, Ctrl-Z then SIGCONT,
# and a crash (SIGSEGV) each leave the terminal sane -- off the alternate
# screen, cursor shown -- and the data whole.
. "$(dirname "$0")/lib.sh"
ns_init

# tmux's view of the pane: 1 while the program is in screen mode.
alt() {
	ns_tmux display -p -t "=$NS_T:" '#{alternate_on}'
}

cursor() {
	ns_tmux display -p -t "=$NS_T:" '#{cursor_flag}'
}

wait_alt() {   # wait_alt 0|1
	i=0
	while [ "$(alt)" != "$1" ] && [ "$i" -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ "$(alt)" = "$1" ] || ns_fail "alternate screen is $(alt), wanted $1"
}

ns_cli --content "$NS_SMALL" new Sig --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"

# Each of these ends the program at once, restores the terminal, and keeps
# the answer given just before.
stage=1
for sig in TERM INT PIPE; do
	ns_start "" "" "" "" --session Sig
	ns_wait_for "Alpha row one"
	wait_alt 1
	ns_keys "$stage"
	ns_wait_for "agreed."
	kill -"$sig" "$(ns_pid)"
	ns_wait_for "NS-EXITED-"
	wait_alt 0
	[ "$(cursor)" = 1 ] || ns_fail "SIG$sig left the cursor hidden"
	ns_cli report Sig --format csv | grep -q ",alpha-one,.*,agreed" ||
		ns_fail "SIG$sig lost the agreed stage"
	echo "ok - SIG$sig restores the terminal and keeps the answer"
	stage=$((stage % 3 + 1))
done

# Every other signal whose default action would end the program does the
# same, and saves the note being typed (Ctrl-\\ sends SIGQUIT from the
# keyboard; the rest come from kill).
for sig in QUIT USR1 USR2 ALRM VTALRM XCPU HUP; do
	ns_start "" "" "" "" --session Sig
	ns_wait_for "Alpha row one"
	wait_alt 1
	ns_keys n
	ns_wait_for "Esc"
	ns_type "+$sig"
	ns_wait_for "+$sig"
	kill -"$sig" "$(ns_pid)"
	ns_wait_for "NS-EXITED-"
	wait_alt 0
	[ "$(cursor)" = 1 ] || ns_fail "SIG$sig left the cursor hidden"
	ns_cli report Sig --format csv | grep -q -- "+$sig" ||
		ns_fail "SIG$sig lost the note being typed"
	echo "ok - SIG$sig restores the terminal and saves the note"
done

# Ctrl-Z under a job-control shell (as over SSH): ncurses leaves screen
# mode before stopping, and `fg` brings the same screen back.
if command -v bash >/dev/null 2>&1; then
	NS_T=0
	ns_stop
	ns_tmux new-session -d -x 80 -y 24 "env PS1='ns\$ ' TERM=xterm-256color \
		LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile -i" ||
		ns_fail "tmux could not start bash"
	ns_wait_for "ns\$"
	ns_type "$(ns_quote "$NEXTSTEPS_BIN") --db $(ns_quote "$NS_DB") --session Sig"
	ns_keys Enter
	ns_wait_for "Alpha row one"
	wait_alt 1
	ns_keys C-z
	ns_wait_for "Stopped"
	wait_alt 0
	[ "$(cursor)" = 1 ] || ns_fail "Ctrl-Z left the cursor hidden"
	ns_type "fg"
	ns_keys Enter
	wait_alt 1
	ns_wait_for "Alpha row one"
	ns_keys j
	ns_wait_for "Beta row one"
	ns_keys q
	ns_wait_for "ns\$"
	wait_alt 0
	echo "ok - Ctrl-Z and fg"
else
	echo "ok - Ctrl-Z # SKIP bash is not installed"
fi

# A crash in the screen code: the terminal is restored before the process
# dies of the signal.
ns_start "" "" "" "" --session Sig
ns_wait_for "Beta row one"   # resumed where Ctrl-Z left it
wait_alt 1
kill -SEGV "$(ns_pid)"
ns_wait_for "NS-EXITED-139"
wait_alt 0
[ "$(cursor)" = 1 ] || ns_fail "the crash left the cursor hidden"
echo "ok - a crash restores the terminal"

# A save that fails on the way out (the file locked by another program as
# the program is told to stop) is reported on the terminal, not lost
# silently.
cat > "$NS_DIR/lock.py" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(6)
PY
NEXTSTEPS_BUSY_TIMEOUT=300
export NEXTSTEPS_BUSY_TIMEOUT
ns_start "" "" "" "" --session Sig
ns_wait_for "Beta row one"
ns_keys n
ns_wait_for "Esc"
ns_type "precious words"
python3 "$NS_DIR/lock.py" "$NS_DB" "$NS_DIR/locked" &
lock=$!
while [ ! -e "$NS_DIR/locked" ]; do sleep 0.05; done
kill -TERM "$(ns_pid)"
ns_wait_for "NS-EXITED-143"
ns_wait_for "Not saved"
kill "$lock" 2>/dev/null
wait "$lock" 2>/dev/null
unset NEXTSTEPS_BUSY_TIMEOUT
echo "ok - a save that fails on the way out is reported"
