#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A real SSH drop.  OpenSSH's sshd runs on a free loopback port with its
# own host key, authorized key and config, and a ForceCommand that starts
# `nextsteps --kiosk`.  A client (ssh -tt, in tmux) walks a few rows; then
# the client is killed with SIGKILL, as when a laptop lid closes or the
# Wi-Fi goes.  The server-side nextsteps must exit within a few seconds,
# every answer shown as saved must be in the database, and reconnecting
# resumes at the same row.  SKIP only where sshd cannot run at all.
. "$(dirname "$0")/lib.sh"
ns_init

sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { echo "sshd is not installed (openssh-server)"; exit 77; }
command -v ssh >/dev/null 2>&1 || { echo "ssh is not installed"; exit 77; }
command -v ssh-keygen >/dev/null 2>&1 || { echo "ssh-keygen is not installed"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed"; exit 77; }
# sshd as root needs its privilege-separation folder
if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd && chmod 0755 /run/sshd || { echo "cannot make /run/sshd"; exit 77; }
fi

ssh-keygen -q -t ed25519 -N '' -f "$NS_DIR/host_key" || ns_fail "no host key"
ssh-keygen -q -t ed25519 -N '' -f "$NS_DIR/key" || ns_fail "no client key"
cp "$NS_DIR/key.pub" "$NS_DIR/authorized_keys"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

ns_cli --content "$NS_SMALL" new "Drop Day" --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"

# The server side: records its pid, then becomes nextsteps.
cat > "$NS_DIR/serve.sh" <<SH
#!/bin/sh
echo \$\$ > $(ns_quote "$NS_DIR/server.pid")
exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC NEXTSTEPS_NOW=1767225600 \\
	$(ns_quote "$NEXTSTEPS_BIN") --kiosk --db $(ns_quote "$NS_DB")
SH
chmod 0755 "$NS_DIR/serve.sh"
cat > "$NS_DIR/sshd_config" <<CONF
ListenAddress 127.0.0.1:$port
HostKey $NS_DIR/host_key
PidFile $NS_DIR/sshd.pid
AuthorizedKeysFile $NS_DIR/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
PermitTTY yes
X11Forwarding no
AllowTcpForwarding no
ClientAliveInterval 0
ForceCommand $NS_DIR/serve.sh
CONF
"$sshd" -t -f "$NS_DIR/sshd_config" 2>"$NS_DIR/sshd.err" || {
	echo "sshd cannot run here: $(cat "$NS_DIR/sshd.err")"
	exit 77
}
"$sshd" -f "$NS_DIR/sshd_config" -D -e 2>>"$NS_DIR/sshd.log" &
sshd_pid=$!
trap 'ns_stop; kill "$sshd_pid" 2>/dev/null; rm -rf "$NS_DIR"' EXIT
i=0
until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; do
	i=$((i + 1))
	if [ "$i" -ge 100 ] || ! kill -0 "$sshd_pid" 2>/dev/null; then
		ns_fail "sshd did not start: $(cat "$NS_DIR/sshd.log")"
	fi
	sleep 0.05
done

# The client, in tmux: its pid, so it can be killed like a dropped link.
cat > "$NS_DIR/client.sh" <<SH
echo \$\$ > $(ns_quote "$NS_DIR/client.pid")
exec ssh -tt -F /dev/null -i $(ns_quote "$NS_DIR/key") -p $port \\
	-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \\
	-o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR \\
	$(id -un)@127.0.0.1
SH
connect() {
	rm -f "$NS_DIR/client.pid" "$NS_DIR/server.pid"
	ns_stop
	ns_tmux new-session -d -x 80 -y 24 \
		"env TERM=xterm-256color sh $(ns_quote "$NS_DIR/client.sh"); echo NS-EXITED-\$?; sleep 60" ||
		ns_fail "tmux could not start"
	ns_wait_for "Sessions (1)" 15
	ns_keys Enter
}

connect
ns_wait_for "Alpha row one"
ns_keys 1
ns_wait_for "agreed"
ns_keys j
ns_wait_for "Beta row one"
ns_keys 2
ns_wait_for "agreed"
server=$(cat "$NS_DIR/server.pid")
kill -0 "$server" 2>/dev/null || ns_fail "no server-side nextsteps"

# The link drops: the client dies without a word to the server.
kill -KILL "$(cat "$NS_DIR/client.pid")"
i=0
while kill -0 "$server" 2>/dev/null; do
	i=$((i + 1))
	[ "$i" -lt 200 ] || ns_fail "the server-side nextsteps still runs 10 s after the drop"
	sleep 0.05
done
echo "ok 1 - the server-side nextsteps exits when the link drops"

csv_has "Drop Day" row_id=alpha-one participant= stage_id=start state=agreed
csv_has "Drop Day" row_id=beta-one participant= stage_id=build state=agreed
echo "ok 2 - every answer shown as saved is in the database"

connect
ns_wait_for "Beta row one"
ns_screen | grep -q "Alpha row one" && ns_fail "reconnecting did not resume at the same row"
ns_keys q
ns_wait_for "NS-EXITED-0" 10
echo "ok 3 - reconnecting resumes at the same row"
