/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* locale_info.h - what the user's locale can show and what their keys send.
 *
 * Every front end asks here: the command line and the line mode clean
 * their output for the locale, the screens choose their drawing and how
 * typed bytes are decoded.  The answers are the locale the program started
 * in, even after the screens switch LC_CTYPE to C.UTF-8 to hold typed text
 * (locale_remember keeps them across that switch).  No curses here. */
#ifndef NEXTSTEPS_LOCALE_INFO_H
#define NEXTSTEPS_LOCALE_INFO_H

/* True when the user's locale's character set is UTF-8. */
int locale_is_utf8(void);
/* True when the user's locale is plain C/POSIX (ASCII). */
int locale_is_ascii(void);
/* True when typed bytes are read as UTF-8: in a UTF-8 locale and in plain
 * C/POSIX, which claims nothing beyond ASCII -- that is what a server with
 * no locale set gives a PuTTY session, and PuTTY sends UTF-8.  Otherwise
 * they are in the locale's own encoding. */
int locale_input_is_utf8(void);
/* Freezes the answers above at the current locale, before LC_CTYPE is
 * switched for the screens. */
void locale_remember(void);

#endif
