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

int cli_main(int argc, char **argv);
/* Prints "nextsteps: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...);
/* Loads --content or the built-in matrix, printing any error. */
content_matrix *cli_load_matrix(const cli_options *o, int *status);
/* Opens --db, else the default database, printing any error as one line;
 * every mode (commands, screens, plain) opens its file through this. */
struct store *cli_open_store(const cli_options *o, unsigned flags, int *status);

#endif
