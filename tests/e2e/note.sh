#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# A note typed with accents and wide (CJK) characters, edited by
# character (cursor moves, backspace over a wide character), read back
# intact through the CSV export.
. "$(dirname "$0")/lib.sh"
ns_init

ns_cli --content "$NS_SMALL" new Notes >/dev/null || ns_fail "cannot create the session"
ns_start "" "" "" "" --session Notes
ns_wait_for "Alpha row one"
ns_keys n
ns_wait_for "Note: Alpha row one"
ns_type "Café naïve 日本語X"
ns_wait_for "Café naïve 日本語X"
# Backspace removes X, then the wide 語; left over 本, type 中.
ns_keys BSpace BSpace Left
ns_type "中"
ns_wait_for "Café naïve 日中本"
ns_keys Right Enter
ns_type "Zoë's second line"
# Up keeps the column by display width: the end of the first line.
ns_keys Up
ns_type "!"
ns_keys C-s
ns_wait_for "Saved: note."
ns_keys Escape
ns_wait_for "Café naïve 日中本! Zoë's second line"
ns_keys q
ns_wait_for "NS-EXITED-0"

# The note read back whole, both lines, exactly as typed.
csv_has Notes row_id=alpha-one participant= "note=Café naïve 日中本!
Zoë's second line"
echo "ok - note"
