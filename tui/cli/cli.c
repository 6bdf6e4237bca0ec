/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* cli.c - command-line parsing and the commands that need no screen.
 *
 * Options are accepted in any order around the command word (GNU style);
 * each command then checks that it was given only options it understands,
 * so a misplaced flag is a usage error rather than silently ignored.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "history.h"
#include "report.h"
#include "text.h"
#include "store.h"
#include "locale_info.h"
#include "cli_matrices.h"

enum opt_bits {
	OPT_DB = 1 << 0, OPT_CONTENT = 1 << 1, OPT_SESSION = 1 << 2,
	OPT_ASCII = 1 << 3, OPT_NOCOLOR = 1 << 4, OPT_KIOSK = 1 << 5,
	OPT_ORG = 1 << 6, OPT_TYPE = 1 << 7, OPT_PARTICIPANTS = 1 << 8,
	OPT_FACILITATOR = 1 << 9, OPT_FORMAT = 1 << 10, OPT_OUTPUT = 1 << 11,
	OPT_WIDTH = 1 << 12, OPT_PAGELEN = 1 << 13, OPT_UTF8 = 1 << 14,
	OPT_SECRET = 1 << 15, OPT_PLAIN = 1 << 16, OPT_AS = 1 << 17,
	OPT_PORTFOLIO = 1 << 18, OPT_ALL = 1 << 19, OPT_TABLE = 1 << 20,
	OPT_SINCE = 1 << 21, OPT_BOM = 1 << 22, OPT_NOGUARD = 1 << 23,
	OPT_WITH_PROMPTS = 1 << 24, OPT_OPEN_JOIN = 1 << 25, OPT_MINUTES = 1 << 26,
	OPT_NAME = 1 << 27, OPT_ADD_PART = 1 << 28, OPT_RENAME_PART = 1 << 29,
	OPT_REMOVE_PART = 1 << 30
};
/* Past what an enum constant may hold. */
#define OPT_FORCE (1u << 31)

typedef struct cli_args {
	cli_options o;
	unsigned given;             /* OPT_* bits seen */
	const char *org, *type, *participants, *facilitator, *format, *output;
	const char *as, *table, *since;
	int width, page_length, utf8, secret, portfolio, all, bom, no_guard;
	int with_prompts, open_join;
	int minutes;                /* --minutes, 0 when not given */
	const char *name, *add_participant, *rename_participant, *remove_participant;
	int force;                  /* --force: remove a participant who voted */
	char **pos;                 /* positional words after the command */
	int n_pos;
	const char *command;
	const cli_frontends *fe;
} cli_args;

/* Messages quote names, paths and file text, so they are cleaned like any
 * user text before they reach the terminal, and kept to one line. */
static void print_error_line(const char *prefix, const char *msg)
{
	char *clean = text_clean(msg, locale_is_utf8() ? 0 : TEXT_ASCII);

	fprintf(stderr, "%s%s\n", prefix, clean ? clean : "(message lost: out of memory)");
	free(clean);
}

/* A line of output that quotes names, paths or file text: composed, then
 * cleaned as a whole, so nothing typed or read can act on the terminal. */
static void print_line(const char *fmt, ...)
{
	va_list ap;
	char *line, *clean;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(line = malloc((size_t)n + 1)))
		return;
	va_start(ap, fmt);
	vsnprintf(line, (size_t)n + 1, fmt, ap);
	va_end(ap);
	clean = text_clean(line, locale_is_utf8() ? 0 : TEXT_ASCII);
	puts(clean ? clean : "(out of memory)");
	free(clean);
	free(line);
}

void cli_error(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	print_error_line("nextsteps: ", msg);
}

static void print_help(void)
{
	fputs(
"Usage: nextsteps [OPTION]...            walk the room through the matrix\n"
"  or:  nextsteps new NAME [--org ORG] [--type lgpo|pcn]\n"
"                 [--participants \"A,B,C\"] [--facilitator NAME] [--secret]\n"
"                 [--open-join] [--minutes N]\n"
"  or:  nextsteps edit SESSION [--name NEW] [--org ORG] [--facilitator NAME]\n"
"                 [--type lgpo|pcn] [--minutes N] [--add-participant NAME]\n"
"                 [--rename-participant OLD=NEW]\n"
"                 [--remove-participant NAME [--force]]  fix the set-up (undoable)\n"
"  or:  nextsteps list [--format text|csv|json]\n"
"  or:  nextsteps report [SESSION] [--format text|csv|json] [-o FILE]\n"
"                 [--width N] [--page-length N] [--utf8] [--with-prompts]\n"
"                 [--table answers|actions|sessions] [--bom]\n"
"  or:  nextsteps report --all [--org PATTERN] [--since YYYY-MM-DD]\n"
"                 --format csv|json [--table answers|actions|sessions]\n"
"  or:  nextsteps report --portfolio [--org PATTERN] [--format text|csv|json]\n"
"  or:  nextsteps history SESSION [--format text|csv|json]\n"
"                                         every change, who made it, newest first\n"
"  or:  nextsteps matrices                list the matrices --content can name\n"
"  or:  nextsteps check-content FILE\n"
"  or:  nextsteps check-db                read every page of the database\n"
"  or:  nextsteps merge OTHER.db...       combine copies field by field; each\n"
"                                         conflict is printed, the later kept\n"
"  or:  nextsteps watch SESSION           follow the facilitator (projector)\n"
"  or:  nextsteps join SESSION --as NAME  vote from your own terminal\n"
"  or:  nextsteps score SESSION --as NAME score the rows privately before the\n"
"                                         workshop (1..N, d don't know, Enter skips)\n"
"Run a 'Next Steps to the Strategic Commissioning Framework' collaboration\n"
"workshop: for each row of the matrix the group agrees whether it is at the\n"
"Start, Build or Enhance stage.  Every answer is saved the moment it is given.\n"
"\n", stdout);
	fputs(
"Options:\n"
"      --db FILE           use this database (default $NEXTSTEPS_DB, else\n"
"                          $XDG_DATA_HOME/nextsteps/nextsteps.db)\n"
"      --content FILE|NAME use this matrix instead of the built-in one; a NAME\n"
"                          (no '/', no .cfg) is looked up among the user's\n"
"                          and the installed matrices\n"
"      --session NAME      open this session directly\n"
"      --ascii             draw with ASCII characters only\n"
"      --no-color          no colour (also when NO_COLOR is set)\n"
"      --kiosk             no file paths or shell from the screens (for an\n"
"                          SSH ForceCommand)\n"
"      --plain             line by line, numbered prompts, no cursor movement\n"
"                          (screen readers, printing terminals, slow links;\n"
"                          also when TERM is unset or 'dumb'); with watch and\n"
"                          join too; ? in it lists its answers\n"
"      --org ORG           organisation (new); name pattern (--all, --portfolio)\n"
"      --type lgpo|pcn     larger-scale organisation or primary care network\n"
"      --participants LIST comma-separated member practices or people\n"
"      --facilitator NAME  who runs the workshop\n"
"      --secret            hide votes until the facilitator reveals them\n",
	stdout);
	fputs(
"      --minutes N         the workshop's planned length, 15 to 600 (default 90)\n"
"      --name NEW          edit: the session's new name\n"
"      --add-participant NAME      edit: one more participant\n"
"      --rename-participant OLD=NEW  edit: rename one, keeping their votes\n"
"      --remove-participant NAME  edit: remove one (undo puts them back)\n"
"      --force             edit: remove them even when they have voted\n"
"      --open-join         anyone may join (new); otherwise a name that is not\n"
"                          a participant waits for the facilitator's +\n"
"      --as NAME           who you are, for 'join' and 'score' (score: a\n"
"                          participant's exact name)\n"
"      --format FORMAT     report or list as text (default), csv or json\n"
"  -o, --output FILE       write the report to FILE ('-' for standard output)\n"
"      --width N           report line width, 60 to 200 (default 80)\n"
"      --page-length N     lines per page, 0 for no paging (default 66)\n"
"      --utf8              keep UTF-8 text in the report (default ASCII)\n"
"      --portfolio         report on the latest session of every organisation,\n"
"                          one part per matrix\n"
"      --all               every session as one table (csv or json)\n"
"      --since DATE        with --all: sessions created on or after DATE\n"
"      --table TABLE       answers (the default), actions or sessions (csv, json)\n"
"      --bom               start CSV with a UTF-8 byte-order mark\n"
"      --no-formula-guard  no ' before a CSV cell starting = + - @\n"
"      --with-prompts      text report: print each row's facilitator prompts\n"
"                          and evidence\n"
"  -h, --help              show this help and exit\n"
"  -V, --version           show the version and exit\n"
"\n"
"Exit status: 0 ok, 64 usage, 65 bad content or data, 66 missing file or\n"
"session (join: not admitted; score: not a participant), 70 the screens\n"
"cannot go on, 71 out of memory, 73 cannot create, 74 cannot write, 75\n"
"database busy.\n"
"See nextsteps(1) for the keys and the export formats.\n"
"Report bugs to: " PACKAGE_BUGREPORT "\n", stdout);
}

static void print_version(void)
{
	printf("nextsteps %s\n", PACKAGE_VERSION);
	puts("Copyright (C) 2026 the nextsteps authors.\n"
	     "License: MIT.  This is free software: you are free to change and\n"
	     "redistribute it.  There is NO WARRANTY, to the extent permitted by law.");
}

static int parse_int(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0 || v > 100000)
		return -1;
	*out = (int)v;
	return 0;
}

enum { LO_DB = 256, LO_CONTENT, LO_SESSION, LO_ASCII, LO_NOCOLOR, LO_KIOSK,
       LO_ORG, LO_TYPE, LO_PARTICIPANTS, LO_FACILITATOR, LO_FORMAT, LO_WIDTH,
       LO_PAGELEN, LO_UTF8, LO_SECRET, LO_PLAIN, LO_AS, LO_PORTFOLIO,
       LO_ALL, LO_TABLE, LO_SINCE, LO_BOM, LO_NOGUARD,
       LO_WITH_PROMPTS, LO_OPEN_JOIN, LO_MINUTES, LO_NAME, LO_ADD_PART,
       LO_RENAME_PART, LO_REMOVE_PART, LO_FORCE };

static const struct option long_options[] = {
	{ "db", required_argument, NULL, LO_DB },
	{ "content", required_argument, NULL, LO_CONTENT },
	{ "session", required_argument, NULL, LO_SESSION },
	{ "ascii", no_argument, NULL, LO_ASCII },
	{ "no-color", no_argument, NULL, LO_NOCOLOR },
	{ "no-colour", no_argument, NULL, LO_NOCOLOR },
	{ "kiosk", no_argument, NULL, LO_KIOSK },
	{ "plain", no_argument, NULL, LO_PLAIN },
	{ "org", required_argument, NULL, LO_ORG },
	{ "type", required_argument, NULL, LO_TYPE },
	{ "participants", required_argument, NULL, LO_PARTICIPANTS },
	{ "facilitator", required_argument, NULL, LO_FACILITATOR },
	{ "secret", no_argument, NULL, LO_SECRET },
	{ "open-join", no_argument, NULL, LO_OPEN_JOIN },
	{ "format", required_argument, NULL, LO_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "width", required_argument, NULL, LO_WIDTH },
	{ "page-length", required_argument, NULL, LO_PAGELEN },
	{ "utf8", no_argument, NULL, LO_UTF8 },
	{ "as", required_argument, NULL, LO_AS },
	{ "portfolio", no_argument, NULL, LO_PORTFOLIO },
	{ "all", no_argument, NULL, LO_ALL },
	{ "table", required_argument, NULL, LO_TABLE },
	{ "since", required_argument, NULL, LO_SINCE },
	{ "bom", no_argument, NULL, LO_BOM },
	{ "no-formula-guard", no_argument, NULL, LO_NOGUARD },
	{ "with-prompts", no_argument, NULL, LO_WITH_PROMPTS },
	{ "minutes", required_argument, NULL, LO_MINUTES },
	{ "name", required_argument, NULL, LO_NAME },
	{ "add-participant", required_argument, NULL, LO_ADD_PART },
	{ "rename-participant", required_argument, NULL, LO_RENAME_PART },
	{ "remove-participant", required_argument, NULL, LO_REMOVE_PART },
	{ "force", no_argument, NULL, LO_FORCE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* Returns -1 to continue, or an exit status. */
static int parse_option(cli_args *a, int c, const char *arg)
{
	switch (c) {
	case LO_DB: a->o.db_path = arg; a->given |= OPT_DB; break;
	case LO_CONTENT: a->o.content_path = arg; a->given |= OPT_CONTENT; break;
	case LO_SESSION: a->o.session = arg; a->given |= OPT_SESSION; break;
	case LO_ASCII: a->o.ascii = 1; a->given |= OPT_ASCII; break;
	case LO_NOCOLOR: a->o.no_color = 1; a->given |= OPT_NOCOLOR; break;
	case LO_KIOSK: a->o.kiosk = 1; a->given |= OPT_KIOSK; break;
	case LO_PLAIN: a->o.plain = 1; a->given |= OPT_PLAIN; break;
	case LO_ORG: a->org = arg; a->given |= OPT_ORG; break;
	case LO_TYPE: a->type = arg; a->given |= OPT_TYPE; break;
	case LO_PARTICIPANTS: a->participants = arg; a->given |= OPT_PARTICIPANTS; break;
	case LO_FACILITATOR: a->facilitator = arg; a->given |= OPT_FACILITATOR; break;
	case LO_SECRET: a->secret = 1; a->given |= OPT_SECRET; break;
	case LO_OPEN_JOIN: a->open_join = 1; a->given |= OPT_OPEN_JOIN; break;
	case LO_FORMAT: a->format = arg; a->given |= OPT_FORMAT; break;
	case 'o':
		if (!*arg) {
			cli_error("-o needs a FILE name ('-' for standard output)");
			return CLI_USAGE;
		}
		a->output = arg;
		a->given |= OPT_OUTPUT;
		break;
	case LO_UTF8: a->utf8 = 1; a->given |= OPT_UTF8; break;
	case LO_AS: a->as = arg; a->given |= OPT_AS; break;
	case LO_PORTFOLIO: a->portfolio = 1; a->given |= OPT_PORTFOLIO; break;
	case LO_ALL: a->all = 1; a->given |= OPT_ALL; break;
	case LO_TABLE: a->table = arg; a->given |= OPT_TABLE; break;
	case LO_SINCE: a->since = arg; a->given |= OPT_SINCE; break;
	case LO_BOM: a->bom = 1; a->given |= OPT_BOM; break;
	case LO_NOGUARD: a->no_guard = 1; a->given |= OPT_NOGUARD; break;
	case LO_WITH_PROMPTS: a->with_prompts = 1; a->given |= OPT_WITH_PROMPTS; break;
	case LO_NAME: a->name = arg; a->given |= OPT_NAME; break;
	case LO_ADD_PART: a->add_participant = arg; a->given |= OPT_ADD_PART; break;
	case LO_RENAME_PART: a->rename_participant = arg; a->given |= OPT_RENAME_PART; break;
	case LO_REMOVE_PART: a->remove_participant = arg; a->given |= OPT_REMOVE_PART; break;
	case LO_FORCE: a->force = 1; a->given |= OPT_FORCE; break;
	case LO_MINUTES:
		if (parse_int(arg, &a->minutes) < 0 || a->minutes < STORE_MINUTES_MIN ||
		    a->minutes > STORE_MINUTES_MAX) {
			cli_error("--minutes takes a number from %d to %d, not '%s'",
				  STORE_MINUTES_MIN, STORE_MINUTES_MAX, arg);
			return CLI_USAGE;
		}
		a->given |= OPT_MINUTES;
		break;
	case LO_WIDTH:
		if (parse_int(arg, &a->width) < 0 || a->width < 60 || a->width > 200) {
			cli_error("--width takes a number from 60 to 200, not '%s'", arg);
			return CLI_USAGE;
		}
		a->given |= OPT_WIDTH;
		break;
	case LO_PAGELEN:
		if (parse_int(arg, &a->page_length) < 0 ||
		    (a->page_length != 0 && a->page_length < 20)) {
			cli_error("--page-length takes 0 or a number of at least 20, not '%s'", arg);
			return CLI_USAGE;
		}
		a->given |= OPT_PAGELEN;
		break;
	case 'h': print_help(); return CLI_OK;
	case 'V': print_version(); return CLI_OK;
	default:
		return CLI_USAGE;
	}
	return -1;
}

/* getopt's own messages name the program by its full path and have no
 * fixed prefix; ours say "nextsteps: " like every other error. */
static int bad_option(int c, char **argv)
{
	const char *word = optind > 0 ? argv[optind - 1] : "";

	int is_long = word[0] == '-' && word[1] == '-';
	const char *eq = is_long ? strchr(word, '=') : NULL;

	if (c == ':' && !is_long)
		cli_error("option '-%c' needs an argument", optopt);
	else if (c == ':')
		cli_error("option '%s' needs an argument", word);
	else if (is_long && eq && optopt)
		cli_error("option '%.*s' takes no argument", (int)(eq - word), word);
	else if (is_long)
		cli_error("unknown or ambiguous option '%s'", word);
	else
		cli_error("unknown option '-%c'", optopt);
	fputs("Try 'nextsteps --help' for more information.\n", stderr);
	return CLI_USAGE;
}

static int parse_args(cli_args *a, int argc, char **argv)
{
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:V", long_options, NULL)) != -1) {
		if (c == '?' || c == ':')
			return bad_option(c, argv);
		if ((rc = parse_option(a, c, optarg)) >= 0)
			return rc;
	}
	if (optind < argc) {
		a->command = argv[optind];
		a->pos = argv + optind + 1;
		a->n_pos = argc - optind - 1;
	}
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		a->o.no_color = 1;
	return -1;
}

/* Refuse options that mean nothing to this command. */
static int check_allowed(const cli_args *a, unsigned allowed, int max_pos)
{
	static const char *const names[] = { "--db", "--content", "--session",
		"--ascii", "--no-color", "--kiosk", "--org", "--type",
		"--participants", "--facilitator", "--format", "--output",
		"--width", "--page-length", "--utf8", "--secret", "--plain", "--as",
		"--portfolio", "--all", "--table", "--since", "--bom",
		"--no-formula-guard", "--with-prompts", "--open-join", "--minutes",
		"--name", "--add-participant", "--rename-participant",
		"--remove-participant", "--force" };
	unsigned bad = a->given & ~allowed;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (bad & (1u << i)) {
			cli_error("%s cannot be used with '%s'", names[i],
				  a->command ? a->command : "the screens");
			return CLI_USAGE;
		}
	if (a->n_pos > max_pos) {
		cli_error("unexpected argument '%s'", a->pos[max_pos]);
		return CLI_USAGE;
	}
	return -1;
}

content_matrix *cli_load_matrix(const cli_options *o, int *status)
{
	content_error err;
	char found[4096];
	content_matrix *m = o->content_path ?
		content_load_file(cli_matrix_path(o->content_path, found, sizeof found), &err) :
		content_load_builtin(&err);

	if (!m) {
		print_error_line("nextsteps: ", err.message);
		*status = err.status;
	}
	return m;
}

static int cmd_check_content(cli_args *a)
{
	content_matrix *m;
	content_error err;
	char **warnings;
	size_t i, n_warnings;
	size_t rows;
	int rc;

	if ((rc = check_allowed(a, 0, 1)) >= 0)
		return rc;
	if (a->n_pos != 1) {
		cli_error("check-content needs exactly one FILE");
		return CLI_USAGE;
	}
	if (!(m = content_load_file(a->pos[0], &err))) {
		print_error_line("nextsteps: ", err.message);
		return err.status;
	}
	if (!(warnings = content_warnings(m, a->pos[0], &n_warnings))) {
		cli_error("out of memory");
		content_free(m);
		return CLI_OSERR;
	}
	for (i = 0; i < n_warnings; i++)
		print_error_line("", warnings[i]);
	content_warnings_free(warnings);
	rows = content_count_rows(m, CONTENT_TRACK_BOTH);
	print_line("%s: ok: matrix '%s' version %s: %zu section%s, %zu row%s "
	       "(%zu LGPO, %zu PCN), %zu stages", a->pos[0], m->id, m->version,
	       m->n_sections, m->n_sections == 1 ? "" : "s", rows,
	       rows == 1 ? "" : "s",
	       content_count_rows(m, CONTENT_TRACK_LGPO),
	       content_count_rows(m, CONTENT_TRACK_PCN), m->n_stages);
	content_free(m);
	return CLI_OK;
}

store *cli_open_store(const cli_options *o, unsigned flags, int *status)
{
	char path[4096];
	store_error err;
	store *st;

	if (o->db_path) {
		if (strlen(o->db_path) >= sizeof path) {
			cli_error("%s: path too long", o->db_path);
			*status = CLI_USAGE;
			return NULL;
		}
		strcpy(path, o->db_path);
	} else if (store_default_path(path, sizeof path, &err) != 0) {
		cli_error("%s", err.message);
		*status = err.status;
		return NULL;
	}
	if (!(st = store_open(path, flags, &err))) {
		cli_error("%s", err.message);
		*status = err.status;
	}
	return st;
}

/* Splits "A, B,C" into trimmed, non-empty names (malloc'd array of
 * pointers into `buf`). */
static char **split_names(char *buf, size_t *n)
{
	size_t cap = 1, k = 0;
	char *p, **out;

	for (p = buf; *p; p++)
		cap += *p == ',';
	if (!(out = calloc(cap, sizeof *out)))
		return NULL;
	for (p = strtok(buf, ","); p; p = strtok(NULL, ",")) {
		char *end = p + strlen(p);

		while (*p == ' ' || *p == '\t')
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (*p)
			out[k++] = p;
	}
	*n = k;
	return out;
}

/* Opening checks only what the program's cost allows (identity, schema);
 * this reads every page, so it takes as long as the file is large. */
static int cmd_check_db(cli_args *a)
{
	store_error err;
	store *st;
	int rc;

	if ((rc = check_allowed(a, OPT_DB, 0)) >= 0)
		return rc;
	rc = CLI_OK;
	if (!(st = cli_open_store(&a->o, STORE_OPEN_READER, &rc)))
		return rc;
	if (store_check(st, &err) != 0) {
		cli_error("%s", err.message);
		store_close(st);
		return err.status;
	}
	printf("%s: ok\n", store_path(st));
	store_close(st);
	return CLI_OK;
}

/* The actions the new session brought from the organisation's previous
 * one, so whoever created it knows there is a review waiting.  Only
 * words: the session is created whatever this finds. */
static void say_brought(store *st, const char *id)
{
	store_answers ans;
	store_error err;

	if (store_answers_load(st, id, &ans, &err) != 0)
		return;
	if (ans.n_brought)
		print_line("brought %zu open action%s from '%s' to review", ans.n_brought,
			   ans.n_brought == 1 ? "" : "s", ans.brought[0].from_name);
	store_answers_free(&ans);
}

static int cmd_new(cli_args *a)
{
	store_new_session spec;
	content_matrix *m = NULL;
	store *st = NULL;
	store_error err;
	char id[40], *buf = NULL, **names = NULL;
	int rc = CLI_OK;

	if ((rc = check_allowed(a, OPT_DB | OPT_CONTENT | OPT_ORG | OPT_TYPE |
				OPT_PARTICIPANTS | OPT_FACILITATOR | OPT_SECRET |
				OPT_OPEN_JOIN | OPT_MINUTES, 1)) >= 0)
		return rc;
	rc = CLI_OK;
	memset(&spec, 0, sizeof spec);
	spec.planned_minutes = a->minutes;
	if (a->n_pos != 1 || text_is_blank(a->pos[0])) {
		cli_error("new needs a session NAME");
		return CLI_USAGE;
	}
	spec.name = a->pos[0];
	spec.organisation = a->org;
	spec.facilitator = a->facilitator;
	spec.secret_ballot = a->secret;
	spec.open_join = a->open_join;
	spec.track = a->type ? content_track_parse(a->type) : CONTENT_TRACK_LGPO;
	if (!spec.track) {
		cli_error("--type must be 'lgpo' or 'pcn', not '%s'", a->type);
		return CLI_USAGE;
	}
	if (a->participants) {
		if (!(buf = strdup(a->participants)) ||
		    !(names = split_names(buf, &spec.n_participants))) {
			cli_error("out of memory");
			free(buf);
			return CLI_OSERR;
		}
		spec.participants = (const char *const *)names;
	}
	if (!(m = cli_load_matrix(&a->o, &rc)) ||
	    !(st = cli_open_store(&a->o, STORE_OPEN_CREATE, &rc)))
		goto out;
	if (store_session_create(st, &spec, m, id, &err) != 0) {
		cli_error("%s", err.message);
		rc = err.status;
		goto out;
	}
	print_line("created session '%s' (%zu rows, %zu participants) in %s",
	       spec.name, content_count_rows(m, spec.track), spec.n_participants,
	       store_path(st));
	say_brought(st, id);
out:
	store_close(st);
	content_free(m);
	free(names);
	free(buf);
	return rc;
}

/* ------------------------------------------------------------ edit */

/* "OLD=NEW" split in place at the first '=', both sides non-blank. */
static int split_rename(char *buf, char **old, char **name)
{
	char *eq = strchr(buf, '=');

	if (!eq)
		return -1;
	*eq = '\0';
	*old = buf;
	*name = eq + 1;
	return text_is_blank(*old) || text_is_blank(*name) ? -1 : 0;
}

/* The edit's words checked before anything is opened, so bad input
 * changes nothing. */
static int edit_check(const cli_args *a)
{
	if (a->n_pos != 1) {
		cli_error("edit needs a SESSION name");
		return CLI_USAGE;
	}
	if (!(a->given & (OPT_NAME | OPT_ORG | OPT_FACILITATOR | OPT_MINUTES |
			  OPT_TYPE | OPT_ADD_PART | OPT_RENAME_PART | OPT_REMOVE_PART))) {
		cli_error("edit needs a change: --name, --org, --type, --facilitator, "
			  "--minutes, --add-participant, --rename-participant or "
			  "--remove-participant");
		return CLI_USAGE;
	}
	if ((a->given & OPT_TYPE) && !content_track_parse(a->type)) {
		cli_error("--type takes lgpo or pcn, not '%s'", a->type);
		return CLI_USAGE;
	}
	if ((a->given & OPT_REMOVE_PART) && text_is_blank(a->remove_participant)) {
		cli_error("--remove-participant: name the participant to remove");
		return CLI_USAGE;
	}
	if ((a->given & OPT_FORCE) && !(a->given & OPT_REMOVE_PART)) {
		cli_error("--force goes with --remove-participant");
		return CLI_USAGE;
	}
	if ((a->given & OPT_NAME) && text_is_blank(a->name)) {
		cli_error("--name: the session needs a name, not an empty one");
		return CLI_USAGE;
	}
	if ((a->given & OPT_ADD_PART) && text_is_blank(a->add_participant)) {
		cli_error("--add-participant: a participant needs a name, not an empty one");
		return CLI_USAGE;
	}
	return -1;
}

/* The option a failed change came from, in front of the store's words,
 * so the one line names the field. */
static int edit_failed(const char *option, store_error *err)
{
	char msg[sizeof err->message];

	snprintf(msg, sizeof msg, "%s", err->message);
	snprintf(err->message, sizeof err->message, "%s: %.400s", option, msg);
	return -1;
}

/* Removing someone who has voted takes --force; without it the line says
 * how many votes would go. */
static int edit_remove(const cli_args *a, store *st, const store_session *s,
		       store_error *err)
{
	int votes = 0, rc = store_participant_remove(st, s->id, a->remove_participant,
						     a->force, &votes, err);

	if (rc == STORE_EDATA && votes > 0 && !a->force)
		snprintf(err->message, sizeof err->message, "'%.200s' has %d vote%s that "
			 "would go with them: add --force to remove them and their "
			 "votes", a->remove_participant, votes, votes == 1 ? "" : "s");
	return rc ? edit_failed("--remove-participant", err) : 0;
}

/* Each change is its own entry in the history, so undo takes them back
 * one at a time; they run in a fixed order and stop at the first that
 * fails, saying which. */
static int edit_apply(cli_args *a, store *st, const store_session *s,
		      const char *old, const char *name, store_error *err)
{
	if ((a->given & OPT_ORG) &&
	    store_session_set_text(st, s->id, STORE_SESSION_ORG, a->org, err) != 0)
		return edit_failed("--org", err);
	if ((a->given & OPT_FACILITATOR) &&
	    store_session_set_text(st, s->id, STORE_SESSION_FACILITATOR, a->facilitator,
				   err) != 0)
		return edit_failed("--facilitator", err);
	if ((a->given & OPT_MINUTES) && store_session_set_minutes(st, s->id, a->minutes, err))
		return edit_failed("--minutes", err);
	if ((a->given & OPT_TYPE) &&
	    store_session_set_track(st, s->id, content_track_parse(a->type), err) != 0)
		return edit_failed("--type", err);
	if ((a->given & OPT_ADD_PART) &&
	    store_participant_add(st, s->id, a->add_participant, NULL, err) != 0)
		return edit_failed("--add-participant", err);
	if (old && store_participant_rename(st, s->id, old, name, err) != 0)
		return edit_failed("--rename-participant", err);
	if ((a->given & OPT_REMOVE_PART) && edit_remove(a, st, s, err) != 0)
		return -1;
	if ((a->given & OPT_NAME) && store_session_rename(st, s->id, a->name, err) != 0)
		return edit_failed("--name", err);
	return 0;
}

static int cmd_edit(cli_args *a)
{
	store_session s;
	store_error err;
	store *st;
	char *rename = NULL, *o = NULL, *n = NULL;
	int rc;

	if ((rc = check_allowed(a, OPT_DB | OPT_NAME | OPT_ORG | OPT_FACILITATOR |
				OPT_MINUTES | OPT_TYPE | OPT_ADD_PART | OPT_RENAME_PART |
				OPT_REMOVE_PART | OPT_FORCE, 1)) >= 0 ||
	    (rc = edit_check(a)) >= 0)
		return rc;
	if (a->rename_participant) {
		if (!(rename = strdup(a->rename_participant)))
			return CLI_OSERR;
		if (split_rename(rename, &o, &n) != 0) {
			cli_error("--rename-participant takes OLD=NEW, both names given, "
				  "not '%s'", a->rename_participant);
			free(rename);
			return CLI_USAGE;
		}
	}
	rc = CLI_OK;
	if (!(st = cli_open_store(&a->o, 0, &rc))) {
		free(rename);
		return rc;
	}
	memset(&s, 0, sizeof s);
	if (store_session_find(st, a->pos[0], &s, &err) != 0 ||
	    edit_apply(a, st, &s, o, n, &err) != 0) {
		cli_error("%s", err.message);
		rc = err.status;
	} else {
		print_line("changed session '%s'", (a->given & OPT_NAME) ? a->name : s.name);
	}
	store_session_clear(&s);
	store_close(st);
	free(rename);
	return rc;
}

/* User text on our own terminal: cleaned, and ASCII outside UTF-8 locales. */
static char *clean_for_terminal(const char *s)
{
	char *c = text_clean(s ? s : "", locale_is_utf8() ? 0 : TEXT_ASCII);

	return c ? c : strdup("?");
}

static void print_padded(const char *s, size_t width)
{
	char *c = clean_for_terminal(s);
	size_t w;

	if (!c)
		return;
	c[text_fit(c, width)] = '\0';
	w = text_width(c);
	fputs(c, stdout);
	for (; w < width + 2; w++)
		putchar(' ');
	free(c);
}

static void format_time(long long t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, size, "?");
}

static size_t column_width(const store_session *list, size_t n, int org,
			   size_t floor, size_t cap)
{
	size_t i, w = floor;

	for (i = 0; i < n; i++) {
		char *c = clean_for_terminal(org ? list[i].organisation : list[i].name);
		size_t cw = c ? text_width(c) : 1;

		free(c);
		if (cw > w)
			w = cw;
	}
	return w > cap ? cap : w;
}

static int parse_format(const char *s, report_format *f)
{
	if (!s || strcmp(s, "text") == 0)
		*f = REPORT_TEXT;
	else if (strcmp(s, "csv") == 0)
		*f = REPORT_CSV;
	else if (strcmp(s, "json") == 0)
		*f = REPORT_JSON;
	else
		return -1;
	return 0;
}

/* The list as a table for scripts; the same cleaning rules as reports. */
static int list_as_data(cli_args *a, const store_session *list, size_t n,
			report_format f)
{
	report_options ro;
	store_error err;

	memset(&ro, 0, sizeof ro);
	ro.format = f;
	ro.bom = a->bom;
	ro.no_formula_guard = a->no_guard;
	if (report_list_write(list, n, &ro, stdout, &err) != 0) {
		cli_error("%s", err.message);
		return err.status;
	}
	return CLI_OK;
}

static void list_as_text(const store_session *list, size_t n)
{
	size_t i, wn, wo;

	/* Names and organisations in full, however long: two sessions must
	 * never look the same. */
	wn = column_width(list, n, 0, 7, (size_t)-1);
	wo = column_width(list, n, 1, 12, (size_t)-1);
	print_padded("SESSION", wn);
	print_padded("ORGANISATION", wo);
	printf("TYPE  PROGRESS  LAST CHANGE\n");
	for (i = 0; i < n; i++) {
		char when[32], progress[32];

		format_time(list[i].updated, when, sizeof when);
		snprintf(progress, sizeof progress, "%d/%d", list[i].rows_answered,
			 list[i].rows_total);
		print_padded(list[i].name, wn);
		print_padded(list[i].organisation, wo);
		printf("%-4s  %-8s  %s\n", content_track_name(list[i].track),
		       progress, when);
	}
}

static int cmd_list(cli_args *a)
{
	store_session *list = NULL;
	report_format f;
	store_error err;
	size_t n = 0;
	store *st;
	int rc;

	if ((rc = check_allowed(a, OPT_DB | OPT_FORMAT | OPT_BOM | OPT_NOGUARD, 0)) >= 0)
		return rc;
	if (parse_format(a->format, &f) < 0) {
		cli_error("--format must be text, csv or json, not '%s'", a->format);
		return CLI_USAGE;
	}
	if (f != REPORT_CSV && (a->given & (OPT_BOM | OPT_NOGUARD))) {
		cli_error("--bom and --no-formula-guard go with --format csv");
		return CLI_USAGE;
	}
	rc = CLI_OK;
	if (!(st = cli_open_store(&a->o, STORE_OPEN_READER, &rc)))
		return rc;
	if (store_session_list(st, &list, &n, &err) != 0) {
		cli_error("%s", err.message);
		store_close(st);
		return err.status;
	}
	if (f == REPORT_TEXT)
		list_as_text(list, n);
	else
		rc = list_as_data(a, list, n, f);
	store_session_list_free(list, n);
	store_close(st);
	return rc;
}

static int parse_table(const char *s, report_table_kind *t)
{
	if (!s)
		*t = REPORT_TABLE_DEFAULT;
	else if (strcmp(s, "answers") == 0)
		*t = REPORT_TABLE_ANSWERS;
	else if (strcmp(s, "actions") == 0)
		*t = REPORT_TABLE_ACTIONS;
	else if (strcmp(s, "sessions") == 0)
		*t = REPORT_TABLE_SESSIONS;
	else
		return -1;
	return 0;
}

/* The report options from the command line; -1 to go on, else a status. */
static int report_options_of(cli_args *a, report_options *ro)
{
	memset(ro, 0, sizeof *ro);
	ro->width = (a->given & OPT_WIDTH) ? a->width : 80;
	ro->page_length = (a->given & OPT_PAGELEN) ? a->page_length : 66;
	ro->utf8 = a->utf8;
	ro->bom = a->bom;
	ro->no_formula_guard = a->no_guard;
	ro->with_prompts = a->with_prompts;
	if (parse_format(a->format, &ro->format) < 0) {
		cli_error("--format must be text, csv or json, not '%s'", a->format);
		return CLI_USAGE;
	}
	if (parse_table(a->table, &ro->table) < 0) {
		cli_error("--table must be answers, actions or sessions, not '%s'",
			  a->table);
		return CLI_USAGE;
	}
	if (ro->format == REPORT_TEXT && (a->all || a->table)) {
		cli_error("%s writes csv or json: add --format csv or --format json",
			  a->all ? "--all" : "--table");
		return CLI_USAGE;
	}
	if (ro->format != REPORT_CSV && (a->given & (OPT_BOM | OPT_NOGUARD))) {
		cli_error("--bom and --no-formula-guard go with --format csv");
		return CLI_USAGE;
	}
	if (a->with_prompts && (ro->format != REPORT_TEXT || a->portfolio)) {
		cli_error("--with-prompts goes with the text report of one session");
		return CLI_USAGE;
	}
	if (ro->format != REPORT_TEXT && (a->given & (OPT_WIDTH | OPT_PAGELEN | OPT_UTF8))) {
		cli_error("--width, --page-length and --utf8 go with --format text");
		return CLI_USAGE;
	}
	return -1;
}

/* Which sessions: one (named, else the latest), --all, or --portfolio. */
static int check_report_scope(const cli_args *a)
{
	if (a->all && a->portfolio) {
		cli_error("--all and --portfolio are different reports: choose one");
		return CLI_USAGE;
	}
	if ((a->given & OPT_ORG) && !a->portfolio && !a->all) {
		cli_error("--org goes with --all or --portfolio in 'report'");
		return CLI_USAGE;
	}
	if ((a->given & OPT_SINCE) && !a->all) {
		cli_error("--since goes with --all");
		return CLI_USAGE;
	}
	if (a->since && (!*a->since || !text_valid_date(a->since))) {
		cli_error("--since takes a date as YYYY-MM-DD, not '%s'", a->since);
		return CLI_USAGE;
	}
	if ((a->portfolio || a->all) && a->n_pos) {
		cli_error("--%s covers every session; name no SESSION",
			  a->all ? "all" : "portfolio");
		return CLI_USAGE;
	}
	if (a->portfolio && a->table) {
		cli_error("--table goes with a session's report or --all");
		return CLI_USAGE;
	}
	return -1;
}

static int cmd_report(cli_args *a)
{
	report_options ro;
	store_session s;
	store_error err;
	store *st;
	int rc;

	if ((rc = check_allowed(a, OPT_DB | OPT_FORMAT | OPT_OUTPUT | OPT_WIDTH |
				OPT_PAGELEN | OPT_UTF8 | OPT_PORTFOLIO | OPT_ORG |
				OPT_ALL | OPT_TABLE | OPT_SINCE | OPT_BOM |
				OPT_NOGUARD | OPT_WITH_PROMPTS, 1)) >= 0 ||
	    (rc = report_options_of(a, &ro)) >= 0 ||
	    (rc = check_report_scope(a)) >= 0)
		return rc;
	/* UTF-8 text is laid out with wcwidth(), which knows nothing outside
	 * a UTF-8 locale (a cron job in LANG=C): borrow C.UTF-8 for widths. */
	if (ro.utf8 && !locale_is_utf8() && !setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
	rc = CLI_OK;
	if (!(st = cli_open_store(&a->o, STORE_OPEN_READER, &rc)))
		return rc;
	memset(&s, 0, sizeof s);
	if (a->portfolio)
		rc = report_portfolio_to_path(st, a->org, &ro, a->output, &err);
	else if (a->all)
		rc = report_all_to_path(st, a->org, a->since, &ro, a->output, &err);
	else if ((a->n_pos ? store_session_find(st, a->pos[0], &s, &err)
			   : store_session_latest(st, &s, &err)) != 0)
		rc = err.status;
	else
		rc = report_session_to_path(st, &s, &ro, a->output, 1, &err);
	if (rc != 0)
		cli_error("%s", err.message);
	store_session_clear(&s);
	store_close(st);
	return rc;
}

/* Every change of one session, newest first, on standard output. */
static int cmd_history(cli_args *a)
{
	report_options ro;
	store_session s;
	store_error err;
	store *st;
	int rc;

	if ((rc = check_allowed(a, OPT_DB | OPT_FORMAT | OPT_BOM | OPT_NOGUARD |
				OPT_UTF8, 1)) >= 0)
		return rc;
	if (a->n_pos != 1) {
		cli_error("history needs the SESSION's name");
		return CLI_USAGE;
	}
	memset(&ro, 0, sizeof ro);
	ro.utf8 = a->utf8;
	ro.bom = a->bom;
	ro.no_formula_guard = a->no_guard;
	ro.table = REPORT_TABLE_HISTORY;
	if (parse_format(a->format, &ro.format) < 0) {
		cli_error("--format must be text, csv or json, not '%s'", a->format);
		return CLI_USAGE;
	}
	if (ro.format != REPORT_CSV && (a->given & (OPT_BOM | OPT_NOGUARD))) {
		cli_error("--bom and --no-formula-guard go with --format csv");
		return CLI_USAGE;
	}
	if (ro.format != REPORT_TEXT && a->utf8) {
		cli_error("--utf8 goes with --format text");
		return CLI_USAGE;
	}
	if (ro.utf8 && !locale_is_utf8() && !setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
	rc = CLI_OK;
	if (!(st = cli_open_store(&a->o, 0, &rc)))
		return rc;
	memset(&s, 0, sizeof s);
	if (store_session_find(st, a->pos[0], &s, &err) != 0 ||
	    history_write(st, &s, &ro, stdout, &err) != 0) {
		cli_error("%s", err.message);
		rc = err.status;
	} else if (fflush(stdout) != 0) {
		cli_error("cannot write the history to standard output");
		rc = CLI_IOERR;
	}
	store_session_clear(&s);
	store_close(st);
	return rc;
}

/* "s" when n is not one. */
static const char *plural(int n)
{
	return n == 1 ? "" : "s";
}

/* One line per field both copies changed differently: the session, the
 * field, each copy's value and when, and which was kept.  The other
 * copy's time leaves out its day when it is the same day; a time that
 * cannot be shown ("?", from a crafted file) has no day to leave out. */
static void print_conflict(const store_merge_conflict *c, const char *file)
{
	char here[40], there[40];
	int same_day;

	format_time(c->here_at, here, sizeof here);
	format_time(c->there_at, there, sizeof there);
	same_day = strlen(there) > 11 && strncmp(here, there, 11) == 0;
	print_line("conflict: '%s' %s: %s (here, %s) vs %s (%s, %s): kept %s",
		   c->session, c->field, c->here, here, c->there, file,
		   same_day ? there + 11 : there, c->kept_there ? c->there : c->here);
}

/* Each file is its own all-or-nothing merge: one that fails is reported
 * and the others are still merged; the first failure is the exit status.
 * The conflicts are counted over all files at the end. */
static int cmd_merge(cli_args *a)
{
	store_merge_result res;
	char renamed[64];
	store_error err;
	store *st;
	size_t conflicts = 0, j;
	int rc, i, first = CLI_OK;

	if ((rc = check_allowed(a, OPT_DB, a->n_pos)) >= 0)
		return rc;
	if (a->n_pos < 1) {
		cli_error("merge needs at least one OTHER.db");
		return CLI_USAGE;
	}
	rc = CLI_OK;
	if (!(st = cli_open_store(&a->o, STORE_OPEN_CREATE, &rc)))
		return rc;
	for (i = 0; i < a->n_pos; i++) {
		if (store_merge(st, a->pos[i], &res, &err) != 0) {
			cli_error("%s", err.message);
			if (!first)
				first = err.status;
			continue;
		}
		snprintf(renamed, sizeof renamed, " (%d renamed: name already used here)",
			 res.renamed);
		print_line("%s: %d session%s added, %d updated, %d already up to date%s",
			   a->pos[i], res.added, plural(res.added), res.updated,
			   res.skipped_older_or_same, res.renamed ? renamed : "");
		for (j = 0; j < res.n_conflicts; j++)
			print_conflict(&res.conflicts[j], a->pos[i]);
		conflicts += res.n_conflicts;
		store_merge_result_free(&res);
	}
	print_line("%zu conflict%s", conflicts, conflicts == 1 ? "" : "s");
	store_close(st);
	return first;
}

/* Without cursor addressing (--plain, or TERM unset, empty or "dumb") the
 * workshop runs line by line: screen readers, printing terminals, pipes. */
static int cli_wants_plain(const cli_args *a)
{
	const char *term = getenv("TERM");

	return a->o.plain || !term || !*term || strcmp(term, "dumb") == 0;
}

static int cmd_screens(cli_args *a)
{
	int rc;

	if ((rc = check_allowed(a, OPT_DB | OPT_CONTENT | OPT_SESSION | OPT_ASCII |
				OPT_NOCOLOR | OPT_KIOSK | OPT_PLAIN, 0)) >= 0)
		return rc;
	if (cli_wants_plain(a))
		return a->fe->plain(&a->o, a->o.session);
	return a->fe->screens(&a->o, CLI_MODE_FACILITATE, a->o.session, NULL);
}

static int cmd_follow(cli_args *a, enum cli_mode mode)
{
	int rc;
	unsigned allowed = OPT_DB | OPT_ASCII | OPT_NOCOLOR | OPT_KIOSK | OPT_PLAIN;

	if ((rc = check_allowed(a, allowed | (mode != CLI_MODE_WATCH ? OPT_AS : 0), 1)) >= 0)
		return rc;
	if (a->n_pos != 1) {
		cli_error("%s needs a SESSION", a->command);
		return CLI_USAGE;
	}
	if (mode != CLI_MODE_WATCH && (!a->as || text_is_blank(a->as))) {
		cli_error("%s needs --as NAME", a->command);
		return CLI_USAGE;
	}
	/* Scores piped in need no --plain: the screens need a terminal. */
	if (mode == CLI_MODE_SCORE && (cli_wants_plain(a) || !isatty(STDIN_FILENO)))
		return a->fe->plain_score(&a->o, a->pos[0], a->as);
	if (cli_wants_plain(a))
		return a->fe->plain_follow(&a->o, mode, a->pos[0], a->as);
	return a->fe->screens(&a->o, mode, a->pos[0], a->as);
}

/* Output that never arrived is an error, as in coreutils: a full disk or
 * a closed pipe behind `list > file` must not look like success. */
static int check_stdout(int rc)
{
	int failed = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;

	if (failed && rc == CLI_OK) {
		cli_error("cannot write to standard output: %s",
			  e ? strerror(e) : "write error");
		return CLI_IOERR;
	}
	return rc;
}

static int run_command(cli_args *a);

int cli_main(int argc, char **argv, const cli_frontends *fe)
{
	cli_args a;
	int rc;

	memset(&a, 0, sizeof a);
	a.fe = fe;
	errno = 0;
	if ((rc = parse_args(&a, argc, argv)) >= 0)
		return check_stdout(rc);
	return check_stdout(run_command(&a));
}

static int run_command(cli_args *a)
{
	if (!a->command)
		return cmd_screens(a);
	if (strcmp(a->command, "check-content") == 0)
		return cmd_check_content(a);
	if (strcmp(a->command, "check-db") == 0)
		return cmd_check_db(a);
	if (strcmp(a->command, "new") == 0)
		return cmd_new(a);
	if (strcmp(a->command, "list") == 0)
		return cmd_list(a);
	if (strcmp(a->command, "edit") == 0)
		return cmd_edit(a);
	if (strcmp(a->command, "report") == 0)
		return cmd_report(a);
	if (strcmp(a->command, "watch") == 0)
		return cmd_follow(a, CLI_MODE_WATCH);
	if (strcmp(a->command, "join") == 0)
		return cmd_follow(a, CLI_MODE_JOIN);
	if (strcmp(a->command, "score") == 0)
		return cmd_follow(a, CLI_MODE_SCORE);
	if (strcmp(a->command, "merge") == 0)
		return cmd_merge(a);
	if (strcmp(a->command, "history") == 0)
		return cmd_history(a);
	if (strcmp(a->command, "matrices") == 0) {
		int rc = check_allowed(a, 0, 0);

		return rc >= 0 ? rc : cli_matrices_list();
	}
	cli_error("unknown command '%s'", a->command);
	fputs("Try 'nextsteps --help' for more information.\n", stderr);
	return CLI_USAGE;
}
