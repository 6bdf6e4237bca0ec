/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain.h - the line-by-line workshop: no cursor addressing, no curses.
 *
 * For screen readers, printing terminals and the worst links (`--plain`,
 * or TERM unset, empty or "dumb").  Everything is numbered prompts answered
 * by a number or a letter on its own line; output is ASCII-safe text
 * (text_clean) wrapped to $COLUMNS (default 80) and never holds an escape
 * sequence.  It reads and writes the same store as the screens, through the
 * same workshop model, so a session can move between the two modes and
 * resumes at the same row.  It works through pipes, which is how the tests
 * drive it.
 */
#ifndef NEXTSTEPS_PLAIN_H
#define NEXTSTEPS_PLAIN_H

#include "cli.h"

/* Runs the plain workshop until the user quits or input ends; returns an
 * exit status (0 also on end of input: every answer is already stored).
 * `session` may be NULL: the user then picks or creates one. */
int plain_run(const cli_options *o, const char *session);

/* watch (CLI_MODE_WATCH) and join (CLI_MODE_JOIN, as `as_name`) in the
 * line mode: the row under discussion, then each change as lines; join
 * reads one vote per line.  Ends at the end of input or on q. */
int plain_follow_main(const cli_options *o, enum cli_mode mode,
		      const char *session, const char *as_name);

/* `score SESSION --as NAME` in the line mode: the participant scores the
 * rows privately before the workshop, one answer line per row; ends at
 * the end of input or on q, every score given kept. */
int plain_score_main(const cli_options *o, const char *session, const char *as_name);

#endif
