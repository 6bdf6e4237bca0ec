/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain.c - see plain.h.  Line input and output and the run; the session
 * picker is in plain_sessions.c, the walk in plain_walk.c and
 * plain_answers.c. */
#include "plain.h"

#include <ctype.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "live.h"
#include "plain_internal.h"
#include "text.h"
#include "locale_info.h"

static volatile sig_atomic_t plain_signal;

/* ------------------------------------------------------------ output */

/* Out of memory ends the run: nothing is lost, every answer is stored. */
void plain_oom(void)
{
	fflush(stdout);
	cli_error("out of memory");
	exit(CLI_OSERR);
}

/* Every string shown passes through text_clean, so typed or loaded text
 * can never send an escape sequence to the reader's terminal. */
static char *plain_clean(const plain *p, const char *s, unsigned flags)
{
	char *c = text_clean(s ? s : "", p->flags | flags);

	if (!c)
		plain_oom();
	return c;
}

/* vsnprintf into a buffer of the right size: messages carry user text of
 * any length. */
static char *plain_vformat(const char *fmt, va_list ap)
{
	va_list aq;
	char *s = NULL;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		plain_oom();
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

/* Messages are built whole before cleaning and wrapping. */
char *plain_format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = plain_vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* Prints cleaned text wrapped to the width less `indent`: the first line
 * after `first` (as wide as the indent), the others after spaces.  A
 * prompt's last line ends in a space for the answer instead of a newline;
 * the column after it is returned. */
static size_t plain_wrapped(const plain *p, const char *first, size_t indent,
			    const char *s, int prompt)
{
	size_t avail = p->width - indent - (prompt ? 1 : 0), n, i, k, col = 0;
	text_line *lines;

	n = text_wrap(s, avail, NULL, 0);
	if (!(lines = calloc(n ? n : 1, sizeof *lines)))
		plain_oom();
	text_wrap(s, avail, lines, n);
	for (i = 0; i < n; i++) {
		if (i == 0)
			fputs(first, stdout);
		else
			for (k = 0; k < indent; k++)
				putchar(' ');
		fwrite(s + lines[i].start, 1, lines[i].len, stdout);
		if (i + 1 < n || !prompt)
			putchar('\n');
	}
	if (prompt && n) {
		char *last = plain_format("%.*s", (int)lines[n - 1].len,
					  s + lines[n - 1].start);

		putchar(' ');
		col = indent + text_width(last) + 1;
		free(last);
	}
	free(lines);
	return col;
}

/* The prefix and text cleaned, then wrapped with a hanging indent; a
 * prefix wider than half the line goes on a line of its own. */
static size_t plain_emit(const plain *p, const char *prefix, const char *text,
			 unsigned flags, int prompt)
{
	char *cp = plain_clean(p, prefix, 0), *ct = plain_clean(p, text, flags);
	size_t pw = text_width(cp), col;

	if (pw <= p->width / 2) {
		col = plain_wrapped(p, cp, pw, ct, prompt);
	} else {
		plain_wrapped(p, "", 0, cp, 0);
		col = plain_wrapped(p, "    ", 4, ct, prompt);
	}
	free(cp);
	free(ct);
	return col;
}

/* A labelled item (row, descriptor, note) with its hanging indent. */
void plain_show(const plain *p, const char *prefix, const char *text,
		unsigned flags)
{
	plain_emit(p, prefix, text, flags, 0);
}

/* One message of ours, which may quote user text; wrapped like the rest. */
void plain_say(const plain *p, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = plain_vformat(fmt, ap);
	va_end(ap);
	plain_emit(p, "", s, 0, 0);
	free(s);
}

/* The store's own one-line message, in the conversation on stdout. */
void plain_error(plain *p, const char *what, const store_error *err)
{
	plain_say(p, "%s: %s", what, err->message);
	if (err->status == STORE_EIO || err->status == STORE_EBUSY ||
	    err->status == STORE_ECANTCREAT || err->status == STORE_EOS) {
		p->failed = (int)err->status;
		p->n_failed++;
		snprintf(p->failure, sizeof p->failure, "%s", err->message);
	}
}

/* ------------------------------------------------------------ input */

/* The line buffer grows by doubling, so one long line costs little. */
static void plain_reserve(plain *p, size_t need)
{
	size_t cap = p->cap ? p->cap : 256;
	char *b;

	if (need <= p->cap)
		return;
	while (cap < need)
		cap *= 2;
	if (!(b = realloc(p->line, cap)))
		plain_oom();
	p->line = b;
	p->cap = cap;
}

/* A line cut at PLAIN_LINE_MAX loses the half character at its end, so
 * what is stored stays valid UTF-8. */
static size_t plain_char_boundary(const char *s, size_t n)
{
	size_t bad;

	if (!text_utf8_valid_prefix(s, n, &bad) && bad + 4 > n)
		return bad;
	return n;
}

/* The line as valid UTF-8 from the terminal's encoding: a byte that
 * cannot be read becomes '?' (counted in p->bad) rather than the store
 * refusing the whole answer. */
static void plain_decode(plain *p, size_t n)
{
	char *u = text_input_to_utf8(p->line, n, !p->input_utf8, &p->bad);

	if (!u)
		plain_oom();
	free(p->line);
	p->line = u;
	p->cap = strlen(u) + 1;
}

/* While the facilitator thinks, the heartbeat goes on, so joiners and
 * watchers do not see the facilitator as away.  Input is unbuffered
 * whenever a live presence runs (plain_run sets it), so poll sees every
 * byte not yet read. */
static void plain_wait_input(plain *p)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };

	while (p->lv && !plain_signal && poll(&pfd, 1, 1000) == 0)
		live_poll(p->lv, time(NULL));
}

/* getc in a loop rather than a fixed fgets buffer: a pasted paragraph is
 * one line of any length, kept up to PLAIN_LINE_MAX bytes.  NUL bytes are
 * dropped; a CR before the newline too. */
int plain_read(plain *p)
{
	size_t n = 0;
	int c;

	p->cut = 0;
	if (p->eof || plain_signal)
		return -1;
	plain_wait_input(p);
	while ((c = getc(stdin)) != EOF && c != '\n') {
		if (n + 1 >= PLAIN_LINE_MAX) {
			p->cut = 1;
			continue;
		}
		if (c == '\0')
			continue;
		plain_reserve(p, n + 2);
		p->line[n++] = (char)c;
	}
	if (c == EOF)
		p->eof = 1;
	if (plain_signal || (c == EOF && n == 0 && !p->cut))
		return -1;
	plain_reserve(p, n + 1);
	if (p->cut && p->input_utf8)
		n = plain_char_boundary(p->line, n);
	if (n && p->line[n - 1] == '\r')
		n--;
	plain_decode(p, n);
	return 0;
}

/* A pipe does not echo: repeating the answer keeps a transcript readable
 * (cut to the line so it never overflows), and says when a line was cut. */
void plain_echo(plain *p, size_t col)
{
	if (p->echo) {
		char *c = plain_clean(p, p->line, 0);
		size_t room = col < p->width ? p->width - col : 0;

		/* a prompt that filled its line: the answer goes under it */
		if (room < 10 && text_width(c) > room) {
			fputs("\n    ", stdout);
			room = p->width > 4 ? p->width - 4 : 0;
		}
		c[text_fit(c, room)] = '\0';
		puts(c);
		free(c);
	}
	if (p->cut)
		plain_say(p, "(That line was longer than %u bytes; the rest was "
			  "left out.)", PLAIN_LINE_MAX);
	if (p->bad && !p->warned) {
		p->warned = 1;
		plain_say(p, "(Some typed characters could not be read in this "
			  "terminal's character set and are shown as '?'; check "
			  "the terminal's UTF-8 setting.)");
	}
}

/* " 2 " and "2" are the same answer. */
char *plain_trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* The prompt is flushed before reading, since stdout may be a pipe. */
static size_t plain_vprompt(plain *p, const char *fmt, va_list ap)
{
	char *s = plain_vformat(fmt, ap), *q;
	size_t n = strlen(s), col;

	if (!(q = realloc(s, n + 3)))
		plain_oom();
	memcpy(q + n, " >", 3);
	col = plain_emit(p, "", q, 0, 1);
	free(q);
	fflush(stdout);
	return col;
}

static const char *plain_vask(plain *p, const char *fmt, va_list ap)
{
	size_t col = plain_vprompt(p, fmt, ap);

	if (plain_read(p) != 0) {
		putchar('\n');
		return NULL;
	}
	plain_echo(p, col);
	return plain_trim(p->line);
}

/* Every question goes through here, so every prompt looks the same. */
const char *plain_ask(plain *p, const char *fmt, ...)
{
	const char *a;
	va_list ap;

	va_start(ap, fmt);
	a = plain_vask(p, fmt, ap);
	va_end(ap);
	return a;
}

size_t plain_prompt(plain *p, const char *fmt, ...)
{
	va_list ap;
	size_t col;

	va_start(ap, fmt);
	col = plain_vprompt(p, fmt, ap);
	va_end(ap);
	return col;
}

/* For answers kept across further questions (the line buffer is reused). */
char *plain_ask_copy(plain *p, const char *fmt, ...)
{
	const char *a;
	char *c;
	va_list ap;

	va_start(ap, fmt);
	a = plain_vask(p, fmt, ap);
	va_end(ap);
	if (!a)
		return NULL;
	if (!(c = strdup(a)))
		plain_oom();
	return c;
}

/* Digits only (no sign, no spaces, at most nine): answers by number. */
int plain_number(const char *s, long lo, long hi, long *out)
{
	long v = 0;
	size_t i;

	for (i = 0; s[i]; i++) {
		if (!isdigit((unsigned char)s[i]) || i >= 9)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (i == 0 || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Letters in either case; anything longer is not a letter answer. */
int plain_letter(const char *s)
{
	if (!s[0] || s[1] || (unsigned char)s[0] >= 0x80)
		return 0;
	if (s[0] == '?')
		return '?';
	return isalpha((unsigned char)s[0]) ? tolower((unsigned char)s[0]) : 0;
}

/* ------------------------------------------------------------ the run */

int plain_stopped(void)
{
	return plain_signal != 0;
}

/* Only sets a flag; the read returns and the run ends normally. */
static void plain_on_signal(int sig)
{
	plain_signal = sig;
}

/* Ctrl-C, a hang-up or kill interrupt the read in progress (no
 * SA_RESTART), so the walk ends the usual way and stores its section
 * time. */
static void plain_signals(void)
{
	/* and every other signal whose default would end the walk unsaved */
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM,
				    SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = plain_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* $COLUMNS when it is a number, else 80: no terminal query, which a
 * printing terminal or a pipe could not answer. */
static size_t plain_width(void)
{
	const char *s = getenv("COLUMNS");
	long v;

	if (!s || plain_number(s, 1, 999999, &v) != 0)
		return 80;
	return v < 10 ? 10 : v > 1000 ? 1000 : (size_t)v;
}

/* The workshop model resumes at the stored position, whichever mode
 * stored it. */
static int plain_open(plain *p, const char *name_or_id)
{
	store_error err;

	if (!(p->ws = workshop_open(p->st, name_or_id, &err))) {
		cli_error("%s", err.message);
		return err.status ? err.status : CLI_NOINPUT;
	}
	return CLI_OK;
}

/* What every run sets up the same way. */
static void plain_init(plain *p, const cli_options *o)
{
	memset(p, 0, sizeof *p);
	p->o = o;
	p->width = plain_width();
	p->echo = !isatty(STDIN_FILENO);
	p->flags = o->ascii || !locale_is_utf8() ? TEXT_ASCII : 0;
	p->input_utf8 = locale_input_is_utf8();
	p->shown_section = PLAIN_NO_SECTION;
}

static void plain_free(plain *p)
{
	fflush(stdout);
	workshop_close(p->ws);
	store_close(p->st);
	content_free(p->matrix);
	free(p->line);
}

/* Errors before the walk are one line on stderr with the CLI's statuses. */
int plain_run(const cli_options *o, const char *session)
{
	char id[40] = "";
	plain p;
	int rc = CLI_OK;

	plain_init(&p, o);
	setvbuf(stdin, NULL, _IONBF, 0);
	if (!(p.matrix = cli_load_matrix(o, &rc)) ||
	    !(p.st = cli_open_store(o, STORE_OPEN_CREATE, &rc)))
		goto out;
	plain_signals();
	if (!session && (rc = plain_pick(&p, id)) == CLI_OK && *id)
		session = id;
	if (rc == CLI_OK && session && (rc = plain_open(&p, session)) == CLI_OK)
		rc = plain_walk(&p);
out:
	plain_free(&p);
	return plain_signal ? 128 + plain_signal : rc;
}

/* A scorer, like a joiner, needs the facilitator's file: never create one. */
int plain_score_main(const cli_options *o, const char *session, const char *as_name)
{
	plain p;
	int rc = CLI_OK;

	plain_init(&p, o);
	setvbuf(stdin, NULL, _IONBF, 0);
	if ((p.st = cli_open_store(o, 0, &rc)) != NULL) {
		plain_signals();
		rc = plain_score_run(&p, session, as_name);
	}
	plain_free(&p);
	return plain_signal ? 128 + plain_signal : rc;
}

/* Watchers and joiners need the facilitator's file: never create one. */
int plain_follow_main(const cli_options *o, enum cli_mode mode,
		      const char *session, const char *as_name)
{
	plain p;
	int rc = CLI_OK;

	plain_init(&p, o);
	if ((p.st = cli_open_store(o, 0, &rc)) != NULL) {
		plain_signals();
		rc = plain_follow_run(&p, mode == CLI_MODE_JOIN, session, as_name);
	}
	plain_free(&p);
	return plain_signal ? 128 + plain_signal : rc;
}
