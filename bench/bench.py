#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
"""bench.py - the budgets of DESIGN.md, measured: bytes written to the
terminal per keystroke, start-up, idle output and peak memory of nextsteps,
side by side with dialog(1) in the same run and on the same terminal.

    bench/bench.py NEXTSTEPS_BINARY [--markdown]

Bytes are exact: nextsteps runs with its clock frozen (NEXTSTEPS_NOW), so
the section timer shows the same time throughout and no second ticks into
a key's count; only the idle-timer figure runs on the real clock, since it
measures exactly that.  Times are reported as a ratio against dialog in
the same run, so a slow or busy machine does not change the verdict.
"""
import statistics
import threading
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from termbytes import Session  # noqa: E402
import screendiff  # noqa: E402

TERMS = ["xterm-256color", "vt100"]
ROWS, COLS = 24, 80
BAUD = 9600
FROZEN = {"NEXTSTEPS_NOW": "1767225600"}    # 2026-01-01 00:00 UTC
IDLE_SECONDS = 60


def dialog_menu_argv(items):
    argv = ["dialog", "--menu", "Sessions", "20", "70", "12"]
    for i in range(items):
        argv += ["s%d" % i, "Workshop session number %d" % i]
    return argv


def startup_time(argv, term, quit_keys, runs=7):
    """Median seconds to the last byte of the first screen over `runs`."""
    times = []
    for _ in range(runs):
        s = Session(argv, ROWS, COLS, term)
        times.append(s.startup()[1])
        s.close(quit_keys=quit_keys)
    times.sort()
    return times[len(times) // 2]


def startup_ratios(binary, db, term, runs=25, extra=()):
    """(nextsteps / dialog, dialog / dialog): the fastest of `runs` start-ups,
    interleaved with dialog's so machine load falls on both alike (the
    minimum is the cost without interference: the steadiest estimate on a
    shared machine); the second ratio is dialog against itself, the run's
    own noise."""
    dialog = dialog_menu_argv(10)
    ours, theirs, again = [], [], []
    for _ in range(runs):
        for argv, keys, out in ((dialog, "\x1b", theirs),
                                ([binary, "--db", db] + list(extra), "q", ours),
                                (dialog, "\x1b", again)):
            s = Session(argv, ROWS, COLS, term)
            out.append(s.startup()[1])
            s.close(quit_keys=keys)
    return min(ours) / min(theirs), min(again) / min(theirs)


def measure_dialog(term):
    s = Session(dialog_menu_argv(10), ROWS, COLS, term)
    start_bytes, _ = s.startup()
    down = s.keycap("kcud1")
    move = s.key(down)
    move2 = s.key(down)
    hwm = s.close(quit_keys="\x1b")
    return {"start_bytes": start_bytes,
            "move": min(move, move2), "hwm_kb": hwm}


def prepare_db(binary, tmp, sessions=10):
    db = os.path.join(tmp, "bench.db")
    for i in range(sessions):
        subprocess.run([binary, "--db", db, "new", "Workshop %02d" % i,
                        "--org", "Borough practice group %d" % (i % 4),
                        "--participants", "Dr Shah,Ms Okafor,Mr Byrne,Dr Lee",
                        "--facilitator", "J Patel"],
                       check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, NEXTSTEPS_NOW=str(1700000000 + i)))
    return db


def measure_nextsteps(binary, term, db, walk_rows):
    res = {}
    # The sessions list: start-up and moving the selection.
    s = Session([binary, "--db", db], ROWS, COLS, term, env=FROZEN)
    res["start_bytes"], _ = s.startup()
    res["start_ratio"], res["start_noise"] = startup_ratios(binary, db, term)
    # The walk's first screen, opened with --session (the session read,
    # the matrix compared, no list under it read, nothing written).
    res["walk_start_ratio"], res["walk_start_noise"] = startup_ratios(
        binary, db, term, extra=("--session", "Workshop 01"))
    res["list_move"] = min(s.key("j"), s.key("j"))
    res["idle_no_timer"] = s.idle(5.0)
    res["list_hwm_kb"] = s.close(quit_keys="q")

    s = Session([binary, "--db", db, "--session", "Workshop 00"], ROWS, COLS, term,
                env=FROZEN)
    s.startup()
    res["repaint"] = s.key("\x0c")
    res["set_stage"] = s.key("2")
    res["clear_stage"] = s.key("0")
    res["next_section"] = s.key("]")
    s.key("[")
    res["help"] = s.key("?")
    s.key("q")
    s.key("v")
    res["votes_move"] = min(s.key("j"), s.key("k"))
    s.key("q")
    res["overview"] = s.key("o")
    res["overview_move"] = min(s.key("j"), s.key("j"))
    s.key("\x1b")
    res["hwm_kb"] = s.close(quit_keys="q")
    res.update(measure_walk(binary, term, db, walk_rows))
    return res


def measure_walk(binary, term, db, walk_rows):
    """A whole walk: every row answered, moving on after each.  Every move
    to the next row is counted (the last one stays put), and replayed in
    pyte to count the cells that changed and the ideal update's bytes."""
    res = {}
    s = Session([binary, "--db", db, "--session", "Workshop 01"], ROWS, COLS, term,
                env=FROZEN)
    first, _ = s.startup()
    total = first
    moves, cells, ideal = [], [], []
    replay = screendiff.Replayer(ROWS, COLS) if screendiff.available() else None
    for i in range(walk_rows):
        total += s.key(str(1 + i % 3))
        if i == walk_rows - 1:
            break
        if replay:
            replay.catch_up(s.log)
            one = replay.snapshot()
        n = s.key("j")
        total += n
        moves.append(n)
        if replay:
            replay.catch_up(s.log)
            two = replay.snapshot()
            cells.append(screendiff.changed_cells(one, two))
            ideal.append(screendiff.ideal_bytes(one, two))
    res["walk_total"] = total
    res["walk_rows"] = walk_rows
    res["row_moves"] = moves
    res["row_cells"] = cells
    res["row_ideal"] = ideal
    s.close(quit_keys="q")
    return res


def idle_minute(binary, db, term, out):
    """Bytes written in IDLE_SECONDS on the walk with the section timer
    shown, on the real clock (the one figure the frozen clock would hide)."""
    s = Session([binary, "--db", db, "--session", "Workshop 02"], ROWS, COLS, term)
    s.startup()
    out[term] = s.idle(IDLE_SECONDS) * 60.0 / IDLE_SECONDS
    s.close(quit_keys="q")


def measure_idle(binary, dbs):
    """Both terminals at once, so the minute is spent once."""
    out = {}
    threads = [threading.Thread(target=idle_minute, args=(binary, dbs[t], t, out))
               for t in TERMS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def row_count(binary):
    tmp = tempfile.mkdtemp()
    try:
        db = os.path.join(tmp, "r.db")
        out = subprocess.run([binary, "--db", db, "new", "x"], capture_output=True,
                             text=True, check=True).stdout
        return int(out.split("(")[1].split()[0])
    finally:
        shutil.rmtree(tmp)


def fmt_table(results, dialog):
    lines = []
    add = lines.append
    add("| measure | " + " | ".join(TERMS) + " | budget |")
    add("|---|" + "---|" * len(TERMS) + "---|")

    def row(label, key, budget="", src=None):
        cells = []
        for t in TERMS:
            r = (src or results)[t]
            cells.append(str(r[key]) if key in r else "-")
        add("| %s | %s | %s |" % (label, " | ".join(cells), budget))

    row("dialog --menu start-up (bytes)", "start_bytes", src=dialog)
    row("nextsteps start-up, sessions list (bytes)", "start_bytes", "< 3072")
    row("dialog menu highlight move (bytes)", "move", src=dialog)
    row("nextsteps sessions list move (bytes)", "list_move", "< dialog's")
    row("nextsteps overview move (bytes)", "overview_move", "< dialog's")
    row("nextsteps votes move (bytes)", "votes_move", "< dialog's")
    row("walk: Ctrl-L repaint (bytes)", "repaint", "< 3072")
    cells = []
    for t in TERMS:
        m = results[t]["row_moves"]
        cells.append("%.0f / %.0f / %d" % (statistics.mean(m), statistics.median(m), max(m)))
    add("| walk: next row, mean / median / max over %d moves (bytes) | %s | mean <= 60%% of"
        " repaint |" % (len(results[TERMS[0]]["row_moves"]), " | ".join(cells)))
    if results[TERMS[0]]["row_ideal"]:
        cells = []
        for t in TERMS:
            r = results[t]
            cells.append("%.0f cells, %.0f bytes; ours %.2fx" % (
                statistics.mean(r["row_cells"]), statistics.mean(r["row_ideal"]),
                sum(r["row_moves"]) / max(sum(r["row_ideal"]), 1)))
        add("| walk: next row, changed cells and ideal update (mean, pyte) | %s | |"
            % " | ".join(cells))
    row("walk: set stage (bytes)", "set_stage", "< 300")
    row("walk: clear stage (bytes)", "clear_stage", "< 300")
    row("walk: next section (bytes)", "next_section", "")
    row("help screen (bytes)", "help", "< 3072")
    row("idle 5 s on the sessions list, no timer (bytes)", "idle_no_timer", "0")
    cells = ["%.0f" % results[t]["idle_minute"] for t in TERMS]
    add("| idle walk with the section timer, real clock (bytes a minute) | %s | <= 60 |"
        % " | ".join(cells))
    row("whole walk, every row answered (bytes)", "walk_total", "")
    cells = []
    for t in TERMS:
        r = results[t]
        cells.append("%.1f s" % (r["walk_total"] * 10.0 / BAUD))
    add("| whole walk at 9600 baud | %s | |" % " | ".join(cells))
    cells = []
    for t in TERMS:
        cells.append("%.2f (dialog/dialog %.2f)" % (results[t]["start_ratio"],
                                                    results[t]["start_noise"]))
    add("| start-up time, sessions list, ratio to dialog | %s | <= 1.3 |"
        % " | ".join(cells))
    cells = []
    for t in TERMS:
        cells.append("%.2f (dialog/dialog %.2f)" % (results[t]["walk_start_ratio"],
                                                    results[t]["walk_start_noise"]))
    add("| start-up time, walk with --session, ratio to dialog | %s | <= 1.3 |"
        % " | ".join(cells))
    cells = []
    for t in TERMS:
        cells.append("%d / %d kB = %.2f" % (results[t]["hwm_kb"], dialog[t]["hwm_kb"],
                                            results[t]["hwm_kb"] / max(dialog[t]["hwm_kb"], 1)))
    add("| peak memory VmHWM, nextsteps / dialog | %s | <= 2 |" % " | ".join(cells))
    return "\n".join(lines)


def verdicts(results, dialog):
    bad = []
    for t in TERMS:
        r, d = results[t], dialog[t]
        checks = [
            ("list move < dialog move", r["list_move"] < d["move"]),
            ("overview move < dialog move", r["overview_move"] < d["move"]),
            ("votes move < dialog move", r["votes_move"] < d["move"]),
            ("next row, mean over the walk, <= 60% of repaint",
             statistics.mean(r["row_moves"]) <= 0.6 * r["repaint"]),
            ("idle walk <= 60 bytes a minute", r["idle_minute"] <= 60),
            ("set stage < 300", r["set_stage"] < 300),
            ("repaint < 3072", r["repaint"] < 3072),
            ("start-up screen < 3072", r["start_bytes"] < 3072),
            ("memory <= 2x dialog", r["hwm_kb"] <= 2 * d["hwm_kb"]),
            # Dynamically linked (the default): Debian's BIND_NOW SQLite
            # and form libraries cost a fraction of a millisecond a start.
            ("start-up time <= 1.3 x dialog's", r["start_ratio"] <= 1.3),
            ("walk start-up (--session) <= 1.3 x dialog's",
             r["walk_start_ratio"] <= 1.3),
            ("idle without a timer writes nothing", r.get("idle_no_timer", 0) == 0),
        ]
        for name, ok in checks:
            if not ok:
                bad.append("%s: %s" % (t, name))
    return bad


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 64
    binary = os.path.abspath(sys.argv[1])
    if not shutil.which("dialog"):
        print("bench: dialog is not installed (apt-get install dialog)", file=sys.stderr)
        return 69
    tmp = tempfile.mkdtemp()
    try:
        rows = row_count(binary)
        results, dialog, dbs = {}, {}, {}
        for t in TERMS:
            folder = os.path.join(tmp, t.replace("-", "_"))
            os.makedirs(folder)
            dbs[t] = prepare_db(binary, folder, 10)
            dialog[t] = measure_dialog(t)
            results[t] = measure_nextsteps(binary, t, dbs[t], rows)
        for t, v in measure_idle(binary, dbs).items():
            results[t]["idle_minute"] = v
        print("nextsteps at %dx%d, %d rows in the built-in walk, clock frozen at %s, %s" %
              (COLS, ROWS, rows, FROZEN["NEXTSTEPS_NOW"], time.strftime("%Y-%m-%d")))
        if not screendiff.available():
            print("(python3-pyte is not installed: no ideal-update figures)")
        print()
        print(fmt_table(results, dialog))
        bad = verdicts(results, dialog)
        print()
        print("budgets missed: " + ("; ".join(bad) if bad else "none"))
        return 1 if bad else 0
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
