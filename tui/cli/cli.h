/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* cli.h - the command line: parsing options and running the commands that
 * need no screen (new, list, report, check-content). */
#ifndef NEXTSTEPS_CLI_H
#define NEXTSTEPS_CLI_H

#include "content.h"

/* Exit statuses (sysexits.h), documented in the man page. */
enum cli_status {
	CLI_OK = 0,
	CLI_USAGE = 64,
	CLI_DATAERR = 65,
	CLI_NOINPUT = 66,
	CLI_SOFTWARE = 70,
	CLI_OSERR = 71,
	CLI_CANTCREAT = 73,
	CLI_IOERR = 74,
	CLI_TEMPFAIL = 75
};

/* Options shared by every command. */
typedef struct cli_options {
	const char *db_path;        /* --db, else NULL for the default */
	const char *content_path;   /* --content, else NULL for the built-in */
	const char *session;        /* --session */
	int ascii;                  /* --ascii */
	int no_color;               /* --no-color or NO_COLOR */
	int kiosk;                  /* --kiosk */
	int plain;                  /* --plain */
} cli_options;

/* The front ends a command can hand over to: main() supplies them, so the
 * command line depends on neither the curses screens nor the line mode. */
enum cli_mode {
	CLI_MODE_FACILITATE,   /* the facilitator's screens */
	CLI_MODE_WATCH,        /* read-only view that follows the facilitator */
	CLI_MODE_JOIN,         /* a participant's own terminal, to vote */
	CLI_MODE_SCORE         /* a participant scoring before the workshop */
};
typedef struct cli_frontends {
	/* The full screens; `session` may be NULL (start on the sessions
	 * screen), `as_name` is the participant's name for CLI_MODE_JOIN. */
	int (*screens)(const cli_options *o, enum cli_mode mode,
		       const char *session, const char *as_name);
	/* The line mode; `session` may be NULL. */
	int (*plain)(const cli_options *o, const char *session);
	/* watch and join in the line mode, as `screens` takes them. */
	int (*plain_follow)(const cli_options *o, enum cli_mode mode,
			    const char *session, const char *as_name);
	/* score in the line mode (the screens take CLI_MODE_SCORE). */
	int (*plain_score)(const cli_options *o, const char *session,
			   const char *as_name);
} cli_frontends;

int cli_main(int argc, char **argv, const cli_frontends *fe);
/* Prints "nextsteps: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...);
/* Loads --content or the built-in matrix, printing any error. */
content_matrix *cli_load_matrix(const cli_options *o, int *status);
/* Opens --db, else the default database, printing any error as one line;
 * every mode (commands, screens, plain) opens its file through this. */
struct store *cli_open_store(const cli_options *o, unsigned flags, int *status);

#endif
