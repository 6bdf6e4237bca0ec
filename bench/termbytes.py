#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
"""termbytes.py - run a terminal program in a pseudo-terminal of a fixed size
and TERM, type scripted keys, and count the bytes it writes for each one.

Used by bench/run.sh to compare nextsteps with dialog in the same run.  A
step's cost is every byte written from the key until the program has been
quiet for QUIET seconds, so it is exact for a given binary and terminfo
entry, whatever the machine's speed.
"""
import os
import pty
import select
import signal
import struct
import fcntl
import termios
import time

QUIET = 0.25        # seconds of silence that end a step
STEP_LIMIT = 10.0   # a step that writes for longer than this is an error


class Session:
    def __init__(self, argv, rows=24, cols=80, term="xterm-256color", env=None):
        self.rows, self.cols, self.term = rows, cols, term
        e = dict(os.environ)
        e.update({"TERM": term, "LINES": str(rows), "COLUMNS": str(cols),
                  "LANG": e.get("BENCH_LANG", "C.UTF-8"), "TZ": "UTC"})
        e.pop("NO_COLOR", None)
        if env:
            e.update(env)
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(argv[0], argv, e)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.total = 0
        self.log = bytearray()      # everything written, for replaying
        self.last_byte = self.t0
        self.hwm_kb = 0
        self.alive = True

    def _read(self, timeout):
        """Read what is there within timeout; returns the byte count."""
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            self.alive = False
            return -1
        if not data:
            self.alive = False
            return -1
        self.total += len(data)
        self.log += data
        self.last_byte = time.monotonic()
        return len(data)

    def _sample_memory(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        self.hwm_kb = max(self.hwm_kb, int(line.split()[1]))
        except OSError:
            pass

    def settle(self, quiet=QUIET, first_byte_timeout=5.0):
        """Bytes written until the program is quiet; waits for the first
        byte up to first_byte_timeout (a key may legitimately write none)."""
        n = 0
        deadline = time.monotonic() + STEP_LIMIT
        got = self._read(first_byte_timeout if first_byte_timeout else quiet)
        if got <= 0:
            self._sample_memory()
            return 0
        n += got
        while time.monotonic() < deadline:
            got = self._read(quiet)
            if got <= 0:
                break
            n += got
        self._sample_memory()
        return n

    def startup(self):
        """(bytes, seconds) to the first complete screen."""
        n = self.settle(first_byte_timeout=10.0)
        return n, self.last_byte - self.t0

    def keycap(self, name):
        """The bytes the terminal sends for a terminfo key (kcud1, ...)."""
        import curses
        curses.setupterm(self.term, 1)
        return curses.tigetstr(name)

    def key(self, keys, quiet=QUIET, expect_output=True):
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)
        return self.settle(quiet, first_byte_timeout=2.0 if expect_output else quiet)

    def key_time(self, keys, quiet=QUIET):
        """Seconds from sending the keys to the last byte they caused."""
        t = time.monotonic()
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)
        self.settle(quiet, first_byte_timeout=STEP_LIMIT)
        return self.last_byte - t

    def wait_exit(self, keys, timeout=STEP_LIMIT):
        """Seconds from sending the keys until the program has exited."""
        t = time.monotonic()
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)
        end = t + timeout
        while time.monotonic() < end and self._read(0.05) >= 0:
            pass
        os.waitpid(self.pid, 0)
        self.alive = False
        spent = time.monotonic() - t
        os.close(self.fd)
        self.fd = -1
        return spent

    def idle(self, seconds):
        """Bytes written while nobody types for `seconds`."""
        n, end = 0, time.monotonic() + seconds
        while time.monotonic() < end:
            got = self._read(max(0.0, end - time.monotonic()))
            if got < 0:
                break
            n += max(got, 0)
        return n

    def close(self, quit_keys=None):
        if self.fd < 0:
            return self.hwm_kb
        self._sample_memory()
        if quit_keys and self.alive:
            try:
                os.write(self.fd, quit_keys.encode())
                self.settle(0.3, first_byte_timeout=1.0)
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)
        return self.hwm_kb
