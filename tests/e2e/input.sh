#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Typed text that is not what the locale claims is never lost: in LANG=C
# with a terminal sending UTF-8 (PuTTY on a server with no locale) and in
# a UTF-8 locale with a terminal sending a raw Latin-1 byte -- in the note
# editor, in a form and in --plain (latin1.sh: a real Latin-1 locale).  A byte
# that cannot be read becomes one '?', the keys after it are kept, and the
# status line says so.  Also: Esc on a filled-in form asks before it
# throws the text away.
. "$(dirname "$0")/lib.sh"
ns_init

# 1. LANG=C, the terminal sends UTF-8: the real text is stored, the screen
# itself stays ASCII (the note is shown transliterated).
ns_cli --content "$NS_SMALL" new Plainc >/dev/null || ns_fail "cannot create a session"
ns_start "" "" vt100 C --session Plainc
type_c() {
	ns_type "Zoë café aëbc pé!"
	ns_wait_for "Zo"
	case $(ns_screen) in
	*"Note: "*) ns_wait_for "Zoe cafe aebc pe!" ;;
	*) ns_wait_for "Zoë café aëbc pé!" ;;
	esac
}
note_and_action type_c
csv_note_and_action Plainc "Zoë café aëbc pé!" "Zoë café aëbc pé!"
echo "ok - LANG=C keeps UTF-8 typed in note and action"

# 2. A UTF-8 locale, the terminal sends a raw Latin-1 0xEB: one '?', the
# rest of the line kept, and a warning on the status line.
ns_cli --content "$NS_SMALL" new Rawbyte >/dev/null || ns_fail "cannot create a session"
ns_start "" "" "" C.UTF-8 --session Rawbyte
type_raw() {
	ns_type "Zo"
	ns_keys -H eb
	ns_type " Adebayo"
	ns_wait_for "Zo? Adebayo"
	ns_wait_for "could not be read in this terminal's character set"
}
note_and_action type_raw
csv_note_and_action Rawbyte "Zo? Adebayo" "Zo? Adebayo"
echo "ok - a raw 0xEB in a UTF-8 locale becomes '?' and the rest survives"

# 3. Esc on a filled-in form asks; n keeps the form and its text, y
# discards it; Esc on an untouched form (and ^X) closes at once.
ns_cli --content "$NS_SMALL" new Discard >/dev/null || ns_fail "cannot create a session"
ns_start "" "" "" "" --session Discard
ns_wait_for "Alpha row one"
ns_keys a
ns_wait_for "a adds one"
ns_keys a
ns_wait_for "Add an action"
ns_screen | grep -q "Esc cancel" || ns_fail "the hint bar does not show Esc cancel"
ns_keys Escape
ns_wait_for "a adds one"
ns_screen | grep -q "Discard what" && ns_fail "an empty form asked before closing"
ns_keys a
ns_wait_for "Add an action"
ns_type "Book the room"
ns_wait_for "Book the room"
ns_keys Escape
ns_wait_for "Discard what you typed? (y/n)"
ns_keys n
ns_wait_for "Kept: go on typing"
ns_screen | grep -q "Add an action" || ns_fail "n closed the form"
ns_type " now"
ns_wait_for "Book the room now"
ns_keys C-x
ns_wait_for "Discard what you typed? (y/n)"
ns_keys y
ns_wait_for "a adds one"
ns_screen | grep -q "Book the room" && ns_fail "the discarded action was shown"
# A form changed back to its first text closes at once too.
ns_keys a
ns_wait_for "Add an action"
ns_type "x"
ns_keys BSpace Escape
ns_wait_for "a adds one"
ns_keys q
ns_wait_for "Alpha row one"
ns_keys q
ns_wait_for "NS-EXITED-0"
csv_lacks --table actions Discard "text~Book the room"
echo "ok - Esc asks before discarding a filled-in form"

# 4. --plain: bytes that are not UTF-8 are replaced, not refused; in LANG=C
# UTF-8 input is kept.
ns_cli --content "$NS_SMALL" new Plainmode >/dev/null || ns_fail "cannot create a session"
out=$(printf 'n\nZo\353 Adebayo\n.\nq\n' |
	LANG=C.UTF-8 LC_ALL=C.UTF-8 ns_cli --plain --session Plainmode 2>&1) ||
	ns_fail "plain run failed: $out"
printf '%s\n' "$out" | grep -q "could not be read" ||
	ns_fail "plain mode did not warn: $out"
printf '%s\n' "$out" | grep -q "Saved: note." || ns_fail "plain note not saved: $out"
out=$(printf 'a\nAsk Zo\303\253 re caf\303\251\n\n\nq\n' |
	LANG=C LC_ALL=C ns_cli --plain --session Plainmode 2>&1) ||
	ns_fail "plain run failed: $out"
csv_note_and_action Plainmode "Zo? Adebayo" "Ask Zoë re café"
echo "ok - plain mode replaces unreadable bytes and keeps UTF-8 in LANG=C"
