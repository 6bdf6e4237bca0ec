#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# The source tree keeps to its map (HACKING.md): under tui/ only main.c
# stands outside a folder, and nothing in the command line, the model or
# the line mode includes curses, directly or through one of our headers.
: "${TEST_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed: skipping"; exit 77; }
python3 - "$TEST_SRCDIR" <<'PY'
import os, re, sys
root = sys.argv[1]
tui = os.path.join(root, "tui")
loose = [f for f in os.listdir(tui) if os.path.isfile(os.path.join(tui, f)) and f != "main.c"]
bad = ["tui/%s stands outside a folder" % f for f in sorted(loose)]
headers = {}
for d, _, files in os.walk(root):
    if "/.git" in d or "/build" in d:
        continue
    for f in files:
        if f.endswith(".h"):
            headers.setdefault(f, os.path.join(d, f))
inc = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
curses = {"curses.h", "ncurses.h", "ncursesw/curses.h", "form.h", "menu.h", "panel.h", "term.h"}
def reaches_curses(path, seen):
    for kind, name in inc.findall(open(path, encoding="utf-8").read()):
        if name in curses:
            return [name]
        if kind == '"' and name in headers and name not in seen:
            seen.add(name)
            chain = reaches_curses(headers[name], seen)
            if chain:
                return [name] + chain
    return None
checked = 0
for folder in ("cli", "model", "plain"):
    for f in sorted(os.listdir(os.path.join(tui, folder))):
        checked += 1
        chain = reaches_curses(os.path.join(tui, folder, f), set())
        if chain:
            bad.append("tui/%s/%s includes curses through %s" % (folder, f, " -> ".join(chain)))
if checked == 0:
    bad.append("no files found under tui/cli, tui/model, tui/plain")
for b in bad:
    print("FAIL:", b)
if bad:
    sys.exit(1)
print("ok - %d files under tui/cli, tui/model and tui/plain include no curses" % checked)
PY
