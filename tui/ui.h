/* ui.h - the full-screen program: the only code that includes curses. */
#ifndef NEXTSTEPS_UI_H
#define NEXTSTEPS_UI_H

#include "cli.h"

enum ui_mode {
	UI_MODE_FACILITATE,   /* the facilitator's screens */
	UI_MODE_WATCH,        /* read-only view that follows the facilitator */
	UI_MODE_JOIN          /* a participant's own terminal, to vote */
};

/* Runs the screens until the user quits; returns an exit status.
 * `session` may be NULL (start on the sessions screen); `as_name` is the
 * participant's name for UI_MODE_JOIN. */
int ui_run(const cli_options *o, int mode, const char *session,
	   const char *as_name);
/* True when the user's locale's character set is UTF-8 (the one the
 * program started in, even while the screens read keys in C.UTF-8). */
int ui_locale_is_utf8(void);
/* True when typed bytes are read as UTF-8: in a UTF-8 locale and in plain
 * C/POSIX, which claims nothing beyond ASCII (ui_input.c says why);
 * otherwise they are in the locale's own encoding. */
int ui_input_is_utf8(void);

#endif
