/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_term.h - the terminal itself: starting and restoring it, the signals
 * that end the program, and the four windows the screens draw into. */
#ifndef NEXTSTEPS_UI_TERM_H
#define NEXTSTEPS_UI_TERM_H

#include "screen.h"

/* Catches every signal that would end the program (SIGHUP, SIGTERM,
 * SIGINT, SIGQUIT, SIGUSR1, SIGALRM, ...) so the loop ends normally; call
 * before term_start. */
void ui_term_signals(void);
/* The signal that asked the program to end, or 0. */
int ui_term_signal(void);
/* Puts the terminal into screen mode and builds the windows; 0 or an exit
 * status (the terminal type is unusable). */
int ui_term_start(ui *u);
/* Restores the terminal; safe to call twice. */
void ui_term_stop(void);
/* The windows for the current size (after a resize). */
void ui_term_windows(ui *u);
void ui_term_windows_free(ui *u);

#endif
