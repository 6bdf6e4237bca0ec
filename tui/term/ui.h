/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui.h - the full-screen program's entry point (this header has no curses). */
#ifndef NEXTSTEPS_UI_H
#define NEXTSTEPS_UI_H

#include "cli.h"

/* Runs the screens until the user quits; returns an exit status.
 * `session` may be NULL (start on the sessions screen); `as_name` is the
 * participant's name for CLI_MODE_JOIN. */
int ui_run(const cli_options *o, enum cli_mode mode, const char *session,
	   const char *as_name);

#endif
