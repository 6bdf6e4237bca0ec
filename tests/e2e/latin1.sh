#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A real ISO-8859-1 locale, built with localedef into the test's folder
# (no root needed; the definitions come from Debian's locales package):
# the terminal sends Latin-1 bytes, the store gets UTF-8, in the note
# editor, a form and --plain; text the locale cannot show survives a form
# that is opened and saved unchanged.
. "$(dirname "$0")/lib.sh"
ns_init

hex() {   # the bytes of a string as send-keys -H arguments
	printf '%s' "$1" | od -An -tx1 | tr -s ' \n' '  '
}

loc=$NS_DIR/loc
if ! mkdir -p "$loc" || ! localedef -i en_GB -f ISO-8859-1 "$loc/en_GB.ISO-8859-1" \
	>"$NS_DIR/localedef.log" 2>&1; then
	echo "SKIP: no ISO-8859-1 locale (localedef needs the locales package)"
	exit 77
fi
LOCPATH=$loc
export LOCPATH
ns_cli --content "$NS_SMALL" new Latin >/dev/null || ns_fail "cannot create a session"
ns_start "" "" vt100 en_GB.ISO-8859-1 --session Latin
latin1=$(printf 'Zo\353 caf\351')
# The note is drawn in ASCII (the locale is not UTF-8), the form field as
# the locale's bytes, which tmux cannot show: there, wait for the ASCII.
type_latin1() {
	# shellcheck disable=SC2046
	ns_keys -H $(hex "$latin1")
	case $(ns_screen) in
	*"Note: "*) ns_wait_for "Zoe cafe" ;;
	*) ns_wait_for "caf" ;;
	esac
	if ns_screen | grep -q "could not be read"; then
		ns_fail "Latin-1 input was called unreadable"
	fi
}
note_and_action type_latin1
csv_note_and_action Latin "Zoë café" "Zoë café"
# Text the locale cannot show (typed in a UTF-8 terminal) is kept when a
# form is saved or left unchanged in the Latin-1 one.
ns_cli --content "$NS_SMALL" new Wide >/dev/null || ns_fail "cannot create a session"
unset LOCPATH
ns_start "" "" "" C.UTF-8 --session Wide
ns_wait_for "Alpha row one"
ns_keys a
ns_wait_for "a adds one"
ns_keys a
ns_wait_for "Add an action"
ns_type "日本 Zoë"
ns_keys C-s
ns_wait_for "Saved: action added."
LOCPATH=$loc
export LOCPATH
ns_start "" "" vt100 en_GB.ISO-8859-1 --session Wide
ns_wait_for "Alpha row one"
ns_keys a
ns_wait_for "what / who, due"
ns_keys e
ns_wait_for "Change the action"
ns_keys Escape
ns_wait_for "what / who, due"
ns_screen | grep -q "Discard what" && ns_fail "an unchanged form asked before closing"
ns_keys e
ns_wait_for "Change the action"
ns_keys C-s
ns_wait_for "Saved: action changed."
ns_keys q
ns_wait_for "Alpha row one"
ns_keys q
ns_wait_for "NS-EXITED-0"
csv_has --table actions Wide row_id=alpha-one "text=日本 Zoë"
out=$(printf 'n\nRen\351e\n.\nq\n' | LANG=en_GB.ISO-8859-1 LC_ALL=en_GB.ISO-8859-1 \
	ns_cli --plain --session Wide 2>&1) || ns_fail "plain Latin-1 run failed: $out"
csv_note_and_action Wide "Renée" "日本 Zoë"
echo "ok - an ISO-8859-1 locale is read in its own encoding and stored as UTF-8"
