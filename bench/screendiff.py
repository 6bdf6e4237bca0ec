#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
"""screendiff.py - the physical minimum of a screen update: the recorded
output is replayed in a terminal emulator (pyte, Debian's python3-pyte),
the two screens around a key are compared cell by cell, and the bytes an
ideal program would need to turn one into the other are estimated.

The estimate: for each line, the changed cells are grouped into runs
(unchanged cells between two changes are rewritten when that is cheaper
than moving the cursor); each run costs one cursor move (CSI row;col H,
with its real digits), the UTF-8 bytes of its characters, and 4 bytes
(CSI 7 m, the shortest SGR) each time the attributes change along it.
Changed cells that leave the rest of the line blank cost one erase to the
end of the line (CSI K, 3 bytes) instead.  Scrolling, insert/delete line,
erasing characters in the middle of a line and the cursor's own position
are not modelled, so a program that uses them can beat the estimate by a
little: it is the minimum of a plain cell-by-cell update, not a proof.
"""
import sys

try:
    import pyte
except ImportError:          # pyenv or venv pythons miss Debian's packages
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import pyte
    except ImportError:
        pyte = None

SGR_BYTES = 4


def available():
    return pyte is not None


class Replayer:
    """Feeds recorded output to an emulated screen of rows x cols."""

    def __init__(self, rows, cols):
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.rows, self.cols = rows, cols
        self.fed = 0

    def feed(self, data):
        self.stream.feed(bytes(data))

    def catch_up(self, log):
        """Feeds what a growing log holds beyond what was fed before."""
        self.feed(log[self.fed:])
        self.fed = len(log)

    def snapshot(self):
        """Every cell as (character, attributes)."""
        out = []
        for y in range(self.rows):
            line = self.screen.buffer[y]
            row = []
            for x in range(self.cols):
                c = line[x]
                row.append((c.data, (c.fg, c.bg, c.bold, c.italics,
                                     c.underscore, c.reverse)))
            out.append(row)
        return out


def changed_cells(before, after):
    return sum(1 for y in range(len(before)) for x in range(len(before[y]))
               if before[y][x] != after[y][x])


BLANK = (" ", ("default", "default", False, False, False, False))


def blank_from(line):
    """The first column from which the line is blank to its end."""
    x = len(line)
    while x > 0 and line[x - 1] == BLANK:
        x -= 1
    return x


def ideal_bytes(before, after):
    """The estimate described at the top of the file."""
    total = 0
    for y, (b, a) in enumerate(zip(before, after)):
        tail = blank_from(a)
        xs = [x for x in range(len(a)) if a[x] != b[x]]
        if any(x >= tail for x in xs):
            total += 3
            if not any(x == tail - 1 for x in xs):
                total += len("\x1b[%d;%dH" % (y + 1, tail + 1))
            xs = [x for x in xs if x < tail]
        if not xs:
            continue
        runs, start, end = [], xs[0], xs[0]
        for x in xs[1:]:
            move = len("\x1b[%d;%dH" % (y + 1, x + 1))
            gap = sum(len(a[g][0].encode("utf-8")) for g in range(end + 1, x))
            if gap <= move:
                end = x
            else:
                runs.append((start, end))
                start = end = x
        runs.append((start, end))
        for start, end in runs:
            total += len("\x1b[%d;%dH" % (y + 1, start + 1))
            attrs = None
            for x in range(start, end + 1):
                total += len(a[x][0].encode("utf-8"))
                if a[x][1] != attrs:
                    if attrs is not None or a[x][1] != b[start][1]:
                        total += SGR_BYTES
                    attrs = a[x][1]
    return total


if __name__ == "__main__":
    # screendiff.py ROWS COLS BEFORE_BYTES AFTER_BYTES: replay one file,
    # then the other, and print changed cells and the ideal bytes.
    if len(sys.argv) != 5 or not available():
        print(__doc__)
        sys.exit(64)
    r = Replayer(int(sys.argv[1]), int(sys.argv[2]))
    with open(sys.argv[3], "rb") as f:
        r.feed(f.read())
    one = r.snapshot()
    with open(sys.argv[4], "rb") as f:
        r.feed(f.read())
    two = r.snapshot()
    print(changed_cells(one, two), ideal_bytes(one, two))
