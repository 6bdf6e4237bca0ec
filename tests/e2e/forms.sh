#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# Forms never lose text: a name longer than the field (wide characters
# count two cells) survives a rename form saved unchanged, and what was
# typed survives the terminal being shrunk below its minimum and back.
. "$(dirname "$0")/lib.sh"
ns_init

long=$(python3 -c "print('\u6771' * 150)")
ns_cli --content "$NS_SMALL" new "$long" >/dev/null || ns_fail "cannot create the session"

ns_start "" "" "" ""
ns_wait_for "Sessions (1)"
ns_keys r
ns_wait_for "Rename"
ns_keys C-s
ns_wait_for "Sessions (1)"
got=$(ns_cli report --format csv | python3 -c "
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows[0]['session']))")
[ "$got" = 150 ] || ns_fail "the rename form cut a 150-character name to $got"
echo "ok - a long wide-character name survives the rename form"

ns_keys n
ns_wait_for "New session"
ns_type "Hello form"
# every key is read before the window shrinks: a key pressed while the
# terminal is too small is not the form's
ns_wait_for "Hello form"
ns_tmux resize-window -t "=0:" -x 20 -y 5
ns_wait_for "Terminal too small"
ns_tmux resize-window -t "=0:" -x 80 -y 24
ns_wait_for "Hello form"
ns_keys Escape
ns_wait_for "Discard what you typed?"
ns_keys y
ns_wait_for "Sessions (1)"
ns_keys q
ns_wait_for "NS-EXITED-0"
echo "ok - typed text survives a resize below the minimum"
