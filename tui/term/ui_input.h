/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_input.h - keys from the terminal, decoded by us (text_input) rather
 * than by ncurses, and the locale they are read in. */
#ifndef NEXTSTEPS_UI_INPUT_H
#define NEXTSTEPS_UI_INPUT_H

#include <time.h>

#include "screen.h"

/* Before the terminal starts: remembers the user's locale (for
 * locale_is_utf8) and, when it is plain C/POSIX, switches LC_CTYPE to
 * C.UTF-8 so that ncurses and its form library can hold typed text. */
void ui_input_locale(void);
/* After the terminal is restored: the user's locale again. */
void ui_input_locale_restore(void);
/* One key: a character (a code point), a curses key code | UI_KEY_FN, or
 * 0 when the wait (up to timeout_ms) ended without one. */
int ui_input_key(ui *u, int timeout_ms);
/* Counts a typed character that had to be replaced (the form library
 * cannot hold it in this locale). */
void ui_input_replaced(void);
/* True for a few seconds after the first typed byte was replaced: the
 * status line says so (UI_INPUT_WARNING) while nothing else is said. */
int ui_input_warn(time_t now);

#define UI_INPUT_WARNING "Some typed characters could not be read in this " \
	"terminal's character set; check the terminal's UTF-8 setting."

#endif
