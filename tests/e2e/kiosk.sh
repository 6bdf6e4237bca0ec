#!/bin/sh
# Reports from the screens: `p` writes next to the database, `P` asks for a
# file name, never replacing a file without asking and never writing
# through a planted symlink; --kiosk takes no path from the user at all.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new "Kiosk Day" --participants "Ann" >/dev/null ||
	ns_fail "cannot create the session"
report="$NS_DIR/Kiosk-Day.txt"

# --kiosk: no database path on screen, no file name asked for.
ns_start "" "" "" "" --kiosk
ns_wait_for "Sessions (1)"
ns_screen | grep -F -q "$NS_DIR" && ns_fail "--kiosk shows the database path"
ns_keys Enter
ns_wait_for "Alpha row one"
ns_keys P
ns_wait_for "With --kiosk the report goes next to the database"
ns_screen | grep -F -q "Write the report" && ns_fail "--kiosk opened a file-name form"
ns_keys p
ns_wait_for "Report written to"
[ -s "$report" ] || ns_fail "p wrote no report next to the database"
grep -q "Kiosk Day" "$report" || ns_fail "the report is not the session's"
echo "ok - --kiosk writes next to the database and takes no path"
ns_keys q
ns_wait_for "NS-EXITED-0"

# Without --kiosk, P takes a file name; an existing file is never replaced
# without a yes.
ns_start "" "" "" "" --session "Kiosk Day"
ns_wait_for "Alpha row one"
ns_keys P
ns_wait_for "Write the report"
ns_keys C-u
ns_type "$NS_DIR/chosen.txt"
ns_keys Enter
ns_wait_for "Report written to"
[ -s "$NS_DIR/chosen.txt" ] || ns_fail "P did not write the named file"
echo "keep me" > "$NS_DIR/chosen.txt"
ns_keys P
ns_wait_for "Write the report"
ns_keys C-u
ns_type "$NS_DIR/chosen.txt"
ns_keys Enter
ns_wait_for "exists: replace it?"
ns_keys n
ns_wait_for "Cancelled."
[ "$(cat "$NS_DIR/chosen.txt")" = "keep me" ] || ns_fail "a file was replaced without a yes"
echo "ok - P writes a named file and asks before replacing one"

# A symlink planted where the report goes is never followed.
rm -f "$report"
echo "precious" > "$NS_DIR/target"
ln -s "$NS_DIR/target" "$report"
ns_keys p
ns_wait_for "exists: replace it?"
ns_keys y
ns_wait_for "is a symbolic link"
[ "$(cat "$NS_DIR/target")" = "precious" ] || ns_fail "the report went through a symlink"
echo "ok - a planted symlink is refused"
ns_keys q
ns_wait_for "NS-EXITED-0"
