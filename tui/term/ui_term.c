/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_term.c - the terminal: screen mode on and off, signals, windows.
 *
 * Every way out -- q, SIGHUP from a dropped SSH link, SIGTERM, SIGINT,
 * SIGQUIT or any other signal that would end the program, a fatal error --
 * comes through ui_term_stop(), so the terminal is always
 * left sane (tig's die()).
 */
#include "ui_term.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "draw.h"
#include "ui.h"

static volatile sig_atomic_t ui_signal;
static int curses_active;

/* ------------------------------------------------------------ fatal errors */

/* Safe to call twice: every exit path ends here. */
void ui_term_stop(void)
{
	if (curses_active) {
		curses_active = 0;
		curs_set(1);
		endwin();
	}
}

/* The terminal first, then the one-line message (exit 70). */
void ui_die(const char *fmt, ...)
{
	va_list ap;

	ui_term_stop();
	fputs("nextsteps: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(CLI_SOFTWARE);
}

/* Checked allocation (htop xMalloc): no caller handles NULL. */
void *ui_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		ui_die("out of memory");
	return p;
}

/* Checked copy; NULL copies as "". */
char *ui_xstrdup(const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *p = ui_xmalloc(n);

	memcpy(p, s ? s : "", n);
	return p;
}

/* A formatted copy, for the lines a screen builds before drawing them;
 * longer than 1023 bytes it is cut (no line on a screen is that wide). */
char *ui_xprintf(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ui_xstrdup(buf);
}

/* Room for one more element in a growing array of `size`-byte elements
 * holding `n` of `*cap`: doubled when full (from `first` elements). */
void *ui_xgrow(void *v, size_t n, size_t *cap, size_t size, size_t first)
{
	size_t want;

	if (n < *cap)
		return v;
	want = *cap ? *cap * 2 : first;
	v = realloc(v, want * size);
	if (!v)
		ui_die("out of memory");
	*cap = want;
	return v;
}

/* ------------------------------------------------------------ signals */

/* Only records the signal: the loop notices it within one turn. */
static void on_signal(int sig)
{
	ui_signal = sig;
}

/* Every catchable signal whose default action ends the process, apart
 * from the crashes below (SIGSEGV and friends, which cannot return to the
 * loop): each must leave the terminal sane and save what is open, as a
 * hang-up does.  SIGPIPE is the terminal's reader gone; SIGXFSZ makes the
 * write fail with EFBIG instead of killing the program mid-change. */
static const int ui_term_ending[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
	SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGPOLL
	SIGPOLL,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGLOST
	SIGLOST,
#endif
};

/* Installed before the terminal is set up, so ncurses leaves these alone
 * and keeps its own handling of SIGTSTP (Ctrl-Z) and SIGWINCH.  No
 * SA_RESTART: a pending read returns at once. */
void ui_term_signals(void)
{
	struct sigaction sa;
	size_t i;
#ifdef SIGRTMIN
	int rt;
#endif

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof ui_term_ending / sizeof ui_term_ending[0]; i++)
		sigaction(ui_term_ending[i], &sa, NULL);
#ifdef SIGRTMIN
	/* real-time signals end the process by default too */
	for (rt = SIGRTMIN; rt <= SIGRTMAX; rt++)
		sigaction(rt, &sa, NULL);
#endif
}

/* ------------------------------------------------------------ crashes */

/* What a crash handler needs, prepared while it is still safe to call
 * anything: the terminal's modes from before screen mode, and the bytes
 * that leave the alternate screen and show the cursor again. */
static struct termios crash_modes;
static int crash_have_modes;
static char crash_reset[128];
static size_t crash_reset_len;

static void crash_add(const char *cap)
{
	const char *s = tigetstr((char *)cap);
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (crash_reset_len + n < sizeof crash_reset) {
		memcpy(crash_reset + crash_reset_len, s, n);
		crash_reset_len += n;
	}
}

/* A crash in the screen code must not leave the facilitator's terminal in
 * raw mode on the alternate screen.  Only async-signal-safe calls here:
 * restore the modes, write the prepared bytes, then die of the signal as
 * before (the default action runs after the handler is reset). */
static void on_crash(int sig)
{
	if (crash_have_modes)
		tcsetattr(STDIN_FILENO, TCSANOW, &crash_modes);
	if (crash_reset_len && write(STDOUT_FILENO, crash_reset, crash_reset_len) < 0)
		crash_reset_len = 0;
	raise(sig);
}

static void crash_handlers(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	struct sigaction sa;
	size_t i;

	crash_add("sgr0");
	crash_add("rmcup");
	crash_add("cnorm");
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_crash;
	sa.sa_flags = (int)(SA_RESETHAND | SA_NODEFER);
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* The loop ends when this is set. */
int ui_term_signal(void)
{
	return ui_signal;
}

/* ------------------------------------------------------------ windows */

void ui_term_windows_free(ui *u)
{
	WINDOW **w[] = { &u->title, &u->body, &u->status, &u->hints };
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (*w[i]) {
			delwin(*w[i]);
			*w[i] = NULL;
		}
}

/* Builds the four windows for the current size.  The hint bar also reads
 * the keyboard, so it carries keypad mode. */
void ui_term_windows(ui *u)
{
	ui_term_windows_free(u);
	u->lines = LINES;
	u->cols = COLS;
	u->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	if (u->too_small) {
		u->hints = newwin(1, COLS > 0 ? COLS : 1, LINES > 0 ? LINES - 1 : 0, 0);
	} else {
		u->title = newwin(1, COLS, 0, 0);
		u->body = newwin(LINES - 3, COLS, 1, 0);
		u->status = newwin(1, COLS, LINES - 2, 0);
		u->hints = newwin(1, COLS, LINES - 1, 0);
		if (!u->title || !u->body || !u->status)
			ui_die("cannot create windows");
		leaveok(u->title, TRUE);
		leaveok(u->status, TRUE);
	}
	if (!u->hints)
		ui_die("cannot create windows");
	leaveok(u->hints, TRUE);
	keypad(u->hints, TRUE);
	u->title_clock[0] = '\0';
	ui_dirty(u, DIRTY_ALL);
}

/* ------------------------------------------------------------ start and end */

/* Flow control off, so ^S and ^Q reach the note editor; ncurses keeps this
 * mode across Ctrl-Z. */
static void no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
}

/* Screen mode: no echo, keys one at a time, a short ESCDELAY so Escape
 * acts at once, colour only when wanted. */
int ui_term_start(ui *u)
{
	const char *term = getenv("TERM");

	crash_have_modes = tcgetattr(STDIN_FILENO, &crash_modes) == 0;
	if (!newterm(NULL, stdout, stdin)) {
		cli_error("the terminal '%s' is not known here (no terminfo "
			  "entry): run with --plain for the line mode, or set TERM "
			  "to a known terminal such as xterm-256color", term ? term : "");
		return CLI_OSERR;
	}
	curses_active = 1;
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	set_escdelay(25);
	no_flow_control();
	def_prog_mode();
	u->color = !u->opts->no_color && has_colors() && start_color() == OK;
	if (u->color)
		use_default_colors();
	draw_init(!u->utf8, u->color);
	ui_term_windows(u);
	crash_handlers();
	return 0;
}
