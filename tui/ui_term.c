/* ui_term.c - the terminal: screen mode on and off, signals, windows.
 *
 * Every way out -- q, SIGHUP from a dropped SSH link, SIGTERM, SIGINT, a
 * fatal error -- comes through ui_term_stop(), so the terminal is always
 * left sane (tig's die()).
 */
#include "ui_term.h"

#include <langinfo.h>
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

/* UTF-8 drawing only where the locale can show it. */
int ui_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

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

/* ------------------------------------------------------------ signals */

/* Only records the signal: the loop notices it within one turn. */
static void on_signal(int sig)
{
	ui_signal = sig;
}

/* Installed before the terminal is set up, so ncurses leaves these three
 * alone and keeps its own handling of SIGTSTP (Ctrl-Z) and SIGWINCH.  No
 * SA_RESTART: a pending read returns at once. */
void ui_term_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
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

	if (!newterm(NULL, stdout, stdin)) {
		cli_error("cannot use the terminal '%s'", term ? term : "");
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
	return 0;
}
