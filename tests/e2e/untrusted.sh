#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Database files nextsteps did not write, and one failure with one status.
#
# A corpus of crafted files, made here from a real database (a view, a
# trigger, a table replaced by a recursive view, a dropped column, a
# column of another type, a huge value, a future schema, a named pipe),
# is given to `report`, `merge` and the screens: each answers with one
# line and exit 65, and none hangs (10 s would mean a hang).  Then the
# same failure -- locked, damaged, missing, unwritable -- gives the same
# status from the screens, the line mode and the command line; and a
# database in a folder the user cannot write can still be listed and
# reported on.
. "$(dirname "$0")/lib.sh"
ns_init
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed"; exit 77; }
command -v timeout >/dev/null 2>&1 || { echo "timeout is not installed"; exit 77; }

ns_cli --content "$NS_SMALL" new Camden --participants "Ann,Ben" >/dev/null ||
	ns_fail "cannot create the session"
good=$NS_DIR/good.db
cp "$NS_DB" "$good"

# craft.py SOURCE DIR: one crafted copy of SOURCE per kind.
cat > "$NS_DIR/craft.py" <<'PY'
import shutil, sqlite3, sys
src, out = sys.argv[1], sys.argv[2]
corpus = {
    "view": "CREATE VIEW spy AS SELECT * FROM sessions",
    "trigger": "CREATE TRIGGER evil AFTER UPDATE ON sessions BEGIN"
               " DELETE FROM answers; END",
    "recursive": "DROP TABLE answers; CREATE VIEW answers"
                 " (session, row_id, state, stage, note, revealed, updated) AS"
                 " WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)"
                 " SELECT (SELECT id FROM sessions), 'r' || x, 1, 0, '', 0, 0 FROM r",
    "dropcol": "DROP VIEW answers_v; ALTER TABLE answers DROP COLUMN note",
    "coltype": "DROP TABLE section_time; CREATE TABLE section_time ("
               " session TEXT NOT NULL, section_id TEXT NOT NULL,"
               " seconds BLOB, PRIMARY KEY (session, section_id)) WITHOUT ROWID",
    "blob": "UPDATE matrices SET text = zeroblob(40 * 1024 * 1024);"
            " UPDATE sessions SET updated = updated + 1000",
    "future": "PRAGMA user_version = 999",
}
for name, sql in corpus.items():
    path = "%s/%s.db" % (out, name)
    shutil.copy(src, path)
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(sql)
    db.close()
PY
python3 "$NS_DIR/craft.py" "$good" "$NS_DIR" || ns_fail "cannot make the corpus"
mkfifo "$NS_DIR/fifo.db"

# one_line FILE: the file is exactly one "nextsteps: " line
one_line() {
	[ "$(wc -l < "$1")" -eq 1 ] && grep -q '^nextsteps: ' "$1"
}

# refused NAME STATUS WORDS CMD...: CMD exits STATUS within 10 s and says
# WORDS in one line on stderr.
refused() {
	name=$1; want=$2; words=$3
	shift 3
	timeout 10 "$@" >"$NS_DIR/out" 2>"$NS_DIR/err" </dev/null
	rc=$?
	[ "$rc" -ne 124 ] || ns_fail "$name: hung (killed after 10 s)"
	[ "$rc" -eq "$want" ] ||
		ns_fail "$name: exit $rc, wanted $want: $(cat "$NS_DIR/err")"
	one_line "$NS_DIR/err" || ns_fail "$name: not one line: $(cat "$NS_DIR/err")"
	grep -q -- "$words" "$NS_DIR/err" ||
		ns_fail "$name: '$words' not said: $(cat "$NS_DIR/err")"
}

for kind in view trigger recursive dropcol coltype blob future fifo; do
	f=$NS_DIR/$kind.db
	case $kind in
	future) words="newer nextsteps" ;;
	fifo) words="not a nextsteps database (a named pipe)" ;;
	*) words="damaged or not a nextsteps database" ;;
	esac
	refused "report of $kind" 65 "$words" \
		"$NEXTSTEPS_BIN" --db "$f" report Camden --format csv
	# list reads no matrix: the huge one is met by the others only
	[ "$kind" = blob ] ||
		refused "list of $kind" 65 "$words" "$NEXTSTEPS_BIN" --db "$f" list
	refused "merge of $kind" 65 "$words" "$NEXTSTEPS_BIN" --db "$NS_DB" merge "$f"
	refused "line mode on $kind" 65 "$words" \
		"$NEXTSTEPS_BIN" --db "$f" --plain --session Camden
	keep=$NS_DB
	NS_DB=$f
	ns_start "" "" "" "" --session Camden
	ns_wait_for "NS-EXITED-65" 10
	ns_wait_for "$words"
	NS_DB=$keep
	ns_ok "$kind: report, list, merge, line mode and screens each exit 65 in one line"
done
# The destination of the refused merges is as it was, and still writable.
ns_cli merge "$good" >/dev/null 2>&1
ns_cli list | grep -q Camden || ns_fail "the merge destination lost its session"

# ---------------------------------------------------------------- one status

# status NAME WANT CMD...: CMD exits WANT (the line mode and the CLI)
status() {
	name=$1; want=$2
	shift 2
	timeout 20 "$@" >"$NS_DIR/out" 2>"$NS_DIR/err" </dev/null
	rc=$?
	[ "$rc" -eq "$want" ] ||
		ns_fail "$name: exit $rc, wanted $want: $(cat "$NS_DIR/err")"
	one_line "$NS_DIR/err" || ns_fail "$name: not one line: $(cat "$NS_DIR/err")"
}

# screens DB WANT WORDS: the screens on DB exit WANT and say WORDS
screens() {
	keep=$NS_DB
	NS_DB=$1
	ns_start "" "" "" "" --session Camden
	ns_wait_for "NS-EXITED-$2" 15
	ns_wait_for "$3"
	NS_DB=$keep
}

# Missing session: 66 everywhere.
status "report of a missing session" 66 "$NEXTSTEPS_BIN" --db "$good" report Nobody
status "line mode on a missing session" 66 "$NEXTSTEPS_BIN" --db "$good" --plain --session Nobody
keep=$NS_DB; NS_DB=$good
ns_start "" "" "" "" --session Nobody
ns_wait_for "NS-EXITED-66"
NS_DB=$keep
ns_ok "a missing session is 66 from the screens, the line mode and report"

# Damaged: 65 everywhere (the tampered "no such column: note" included).
status "report of a dropped column" 65 "$NEXTSTEPS_BIN" --db "$NS_DIR/dropcol.db" report Camden
status "line mode on a dropped column" 65 "$NEXTSTEPS_BIN" --db "$NS_DIR/dropcol.db" --plain --session Camden
screens "$NS_DIR/dropcol.db" 65 "damaged or not a nextsteps database"
ns_ok "a tampered schema is 65 from the screens, the line mode and report"

# Locked: 75 everywhere.  In exclusive locking mode another program's
# write keeps even readers out, as a rollback-journal writer would.
cat > "$NS_DIR/lock.py" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
db.execute("UPDATE sessions SET updated = updated")
open(sys.argv[2], "w").close()
time.sleep(30)
PY
python3 "$NS_DIR/lock.py" "$good" "$NS_DIR/locked" &
lock=$!
i=0
while [ ! -e "$NS_DIR/locked" ] && [ "$i" -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
[ -e "$NS_DIR/locked" ] || ns_fail "could not lock the database"
NEXTSTEPS_BUSY_TIMEOUT=200
export NEXTSTEPS_BUSY_TIMEOUT
status "report of a locked file" 75 "$NEXTSTEPS_BIN" --db "$good" report Camden
status "line mode on a locked file" 75 "$NEXTSTEPS_BIN" --db "$good" --plain --session Camden
screens "$good" 75 "locked"
kill "$lock" 2>/dev/null
wait "$lock" 2>/dev/null
unset NEXTSTEPS_BUSY_TIMEOUT
ns_ok "a lock is 75 from the screens, the line mode and report"

# ---------------------------------------------------------------- read-only folder
# As `nobody` (root ignores permissions), in a folder nobody may not write.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	chmod 0711 "$NS_DIR"
	mkdir "$NS_DIR/ro"
	cp "$good" "$NS_DIR/ro/shared.db"
	chmod 0644 "$NS_DIR/ro/shared.db"
	chmod 0755 "$NS_DIR/ro"
	cat > "$NS_DIR/as-nobody.sh" <<SH
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups $(ns_quote "$NEXTSTEPS_BIN") "\$@"
SH
	chmod 0755 "$NS_DIR/as-nobody.sh"
	nobody=$NS_DIR/as-nobody.sh
	ro=$NS_DIR/ro/shared.db
	"$nobody" --db "$ro" list >"$NS_DIR/out" 2>"$NS_DIR/err" ||
		ns_fail "list in a read-only folder: $(cat "$NS_DIR/err")"
	grep -q Camden "$NS_DIR/out" || ns_fail "list in a read-only folder shows nothing"
	"$nobody" --db "$ro" report Camden --format csv \
		>"$NS_DIR/out" 2>"$NS_DIR/err" ||
		ns_fail "report in a read-only folder: $(cat "$NS_DIR/err")"
	grep -q "alpha-one" "$NS_DIR/out" || ns_fail "report in a read-only folder is empty"
	[ ! -e "$ro-shm" ] || ns_fail "a reader made a -shm file"
	ns_ok "list and report read a database in a folder the user cannot write"

	# Unwritable: 74 from each front end that would write.
	status "new in a read-only folder" 74 "$nobody" --db "$ro" new Other
	status "line mode in a read-only folder" 74 \
		"$nobody" --db "$ro" --plain --session Camden
	bin=$NEXTSTEPS_BIN
	NEXTSTEPS_BIN=$NS_DIR/as-nobody.sh
	screens "$ro" 74 "read-only"
	NEXTSTEPS_BIN=$bin
	ns_ok "an unwritable database is 74 from the screens, the line mode and new"
else
	echo "ok - read-only folder # SKIP needs root and setpriv to act as nobody"
fi
