/* ui.c - the terminal, the screen stack and the main loop.
 *
 * One turn of the loop: repaint the windows marked dirty (wnoutrefresh
 * each, one doupdate), wait for one key with a timeout, hand it to the
 * screen on top.  Nothing is ever unsaved (the store commits each answer
 * before it is shown), so every way out -- q, SIGHUP from a dropped SSH
 * link, SIGTERM, SIGINT, a fatal error -- only has to restore the terminal
 * and store the running section time.
 */
#include "ui.h"

#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "draw.h"
#include "screens.h"
#include "text.h"

static volatile sig_atomic_t ui_signal;
static int curses_active;

int ui_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* ------------------------------------------------------------ fatal errors */

static void term_stop(void)
{
	if (curses_active) {
		curses_active = 0;
		curs_set(1);
		endwin();
	}
}

void ui_die(const char *fmt, ...)
{
	va_list ap;

	term_stop();
	fputs("nextsteps: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(CLI_SOFTWARE);
}

void *ui_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		ui_die("out of memory");
	return p;
}

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
static void signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/* ------------------------------------------------------------ the stack */

const screen_ops *ui_top(const ui *u)
{
	return u->depth ? u->stack[u->depth - 1] : NULL;
}

void ui_dirty(ui *u, unsigned what)
{
	u->dirty |= what;
}

void ui_push(ui *u, const screen_ops *s)
{
	if (u->depth == UI_STACK_MAX)
		ui_die("too many screens open");
	u->stack[u->depth++] = s;
	ui_dirty(u, DIRTY_ALL);
	if (s->enter)
		s->enter(u);
}

void ui_pop(ui *u)
{
	const screen_ops *s;

	if (!u->depth)
		return;
	s = u->stack[--u->depth];
	if (s->leave)
		s->leave(u);
	ui_dirty(u, DIRTY_ALL);
	if (u->depth && ui_top(u)->resume)
		ui_top(u)->resume(u);
	if (!u->depth)
		u->quit = 1;
}

void ui_reset(ui *u, const screen_ops *s)
{
	while (u->depth) {
		const screen_ops *t = u->stack[--u->depth];

		if (t->leave)
			t->leave(u);
	}
	ui_push(u, s);
}

/* ------------------------------------------------------------ status line */

void ui_say(ui *u, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->status_text, sizeof u->status_text, fmt, ap);
	va_end(ap);
	u->status_error = 0;
	ui_dirty(u, DIRTY_STATUS);
}

void ui_error(ui *u, const store_error *err)
{
	snprintf(u->status_text, sizeof u->status_text, "Not saved: %s",
		 err->message[0] ? err->message : "unknown error");
	u->status_error = 1;
	ui_dirty(u, DIRTY_STATUS);
}

void ui_ask(ui *u, void (*yes)(ui *u), const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(u->status_text, sizeof u->status_text, fmt, ap);
	va_end(ap);
	n = strlen(u->status_text);
	snprintf(u->status_text + n, sizeof u->status_text - n, " (y/n)");
	u->status_error = 0;
	u->ask_yes = yes;
	ui_dirty(u, DIRTY_STATUS);
}

/* ------------------------------------------------------------ sessions */

int ui_open_session(ui *u, const char *name_or_id)
{
	store_error err;
	workshop *ws = workshop_open(u->st, name_or_id, &err);

	if (!ws) {
		snprintf(u->status_text, sizeof u->status_text, "%s", err.message);
		u->status_error = 1;
		ui_dirty(u, DIRTY_STATUS);
		return err.status ? err.status : STORE_EIO;
	}
	ui_close_session(u);
	u->ws = ws;
	return 0;
}

void ui_close_session(ui *u)
{
	workshop_close(u->ws);
	u->ws = NULL;
}

void ui_reload(ui *u)
{
	store_error err;

	if (u->ws && workshop_reload(u->ws, &err) != 0)
		ui_error(u, &err);
	ui_dirty(u, DIRTY_BODY | DIRTY_TITLE);
}

/* ------------------------------------------------------------ windows */

static void windows_free(ui *u)
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
static void windows_build(ui *u)
{
	windows_free(u);
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

static void ui_resize(ui *u)
{
	windows_build(u);
	if (!u->too_small && ui_top(u) && ui_top(u)->resize)
		ui_top(u)->resize(u);
}

/* ------------------------------------------------------------ painting */

static void clock_text(const ui *u, char *buf, size_t size)
{
	long long t;

	buf[0] = '\0';
	if (!u->ws || !u->ws->n_steps || u->mode != UI_MODE_FACILITATE)
		return;
	t = workshop_section_seconds(u->ws, time(NULL));
	if (t >= 3600)
		snprintf(buf, size, "%lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%02lld:%02lld", t / 60, t % 60);
}

static void paint_title(ui *u)
{
	const workshop *ws = u->ws;
	attr_t bar = draw_attr(ATTR_BAR);
	char left[600], right[64];
	int rw = 0;

	if (ws && ws->n_steps)
		snprintf(left, sizeof left, " nextsteps %s %s %s %s", draw_glyph(GLYPH_DOT),
			 ws->s.name, draw_glyph(GLYPH_DOT),
			 ws->s.track == CONTENT_TRACK_PCN ? "PCN" : "LGPO");
	else
		snprintf(left, sizeof left, " nextsteps %s %s", draw_glyph(GLYPH_DOT),
			 ui_top(u) ? ui_top(u)->name : "");
	if (ws && ws->n_steps)
		snprintf(right, sizeof right, "section %zu/%zu  %s ",
			 ws->steps[ws->cur].section + 1, ws->m->n_sections,
			 u->title_clock);
	else
		right[0] = '\0';
	rw = (int)text_width(right);
	werase(u->title);
	draw_text_fill(u->title, 0, 0, u->cols - rw, left, bar);
	draw_text(u->title, 0, u->cols - rw, rw, right, bar);
	wnoutrefresh(u->title);
}

static void paint_status(ui *u)
{
	werase(u->status);
	if (u->status_text[0])
		draw_text(u->status, 0, 1, u->cols - 2, u->status_text,
			  u->status_error ? draw_attr(ATTR_ERROR) : A_NORMAL);
	wnoutrefresh(u->status);
}

/* Draws one hint: the key in bold, then its label. */
static int paint_hint(ui *u, int x, char *hint)
{
	char *sp = strchr(hint, ' ');
	int w = (int)text_width(hint), kw;

	if (!sp)
		return x;
	kw = (int)(sp - hint);
	*sp = '\0';
	draw_text(u->hints, 0, x, kw, hint, draw_attr(ATTR_KEY));
	draw_text(u->hints, 0, x + kw + 1, w - kw - 1, sp + 1, A_NORMAL);
	return x + w + 2;
}

#define GENERAL_SCOPES (SC_ANY | SC_TOP | SC_SUB | SC_LIST)

/* The hint bar is generated from the action table: the screen's own
 * actions in table order, as many as fit, then help and quit or back,
 * which always have room. */
static void paint_hints(ui *u)
{
	const screen_ops *s = ui_top(u);
	int n_stages = u->ws ? (int)u->ws->m->n_stages : 9, pass, x = 1, room;
	char hint[96];
	size_t i;

	werase(u->hints);
	room = u->cols - 1;
	for (pass = 0; pass < 3 && s; pass++)
		for (i = 1; i < ACT_COUNT; i++) {
			const action_info *ai = action_get((enum action)i);
			int general = (ai->scope & GENERAL_SCOPES) != 0;
			int w;

			if (!(ai->scope & (s->scope | SC_ANY)) ||
			    (pass == 1) == general)
				continue;
			action_hint_text(ai, n_stages, s->typing, hint, sizeof hint);
			if (!hint[0])
				continue;
			w = (int)text_width(hint) + 2;
			if (pass == 0) {
				room -= w;     /* reserve room for the general hints */
				continue;
			}
			if (pass == 1 && w > room)
				continue;
			if (pass == 1)
				room -= w;
			x = paint_hint(u, x, hint);
		}
	wnoutrefresh(u->hints);
}

static void paint_too_small(void)
{
	char msg[64];
	int y = LINES / 2;

	snprintf(msg, sizeof msg, "Enlarge the terminal to at least %dx%d",
		 UI_MIN_COLS, UI_MIN_LINES);
	werase(stdscr);
	wmove(stdscr, y > 0 ? y - 1 : 0, 0);
	waddnstr(stdscr, msg, COLS > 0 ? COLS : 1);
	wnoutrefresh(stdscr);
	doupdate();
}

static void set_cursor(ui *u, WINDOW *w)
{
	static int shown = -1;
	int want = w != NULL;

	if (u->body)
		leaveok(u->body, !want);
	if (want != shown) {
		curs_set(want);
		shown = want;
	}
	if (w)
		wnoutrefresh(w);
}

/* Repaints what is dirty, then sends it all with one doupdate(). */
static void ui_paint(ui *u)
{
	const screen_ops *s = ui_top(u);
	WINDOW *cur;
	char clock[32];

	if (u->too_small) {
		if (u->dirty)
			paint_too_small();
		u->dirty = 0;
		return;
	}
	clock_text(u, clock, sizeof clock);
	if (strcmp(clock, u->title_clock) != 0) {
		snprintf(u->title_clock, sizeof u->title_clock, "%s", clock);
		u->dirty |= DIRTY_TITLE;
	}
	if (!u->dirty && !(s && s->cursor))
		return;
	if (u->dirty & DIRTY_TITLE)
		paint_title(u);
	if (u->dirty & DIRTY_STATUS)
		paint_status(u);
	if (u->dirty & DIRTY_HINTS)
		paint_hints(u);
	if (u->dirty & DIRTY_BODY) {
		if (!s || !s->keeps_body)
			werase(u->body);
		if (s && s->draw)
			s->draw(u);
		wnoutrefresh(u->body);
	}
	cur = s && s->cursor ? s->cursor(u) : NULL;
	set_cursor(u, cur);
	if (u->dirty || cur)
		doupdate();
	u->dirty = 0;
}

/* ------------------------------------------------------------ keys */

/* One key: a character, or a curses key code with UI_KEY_FN set; 0 when
 * the wait timed out or a signal arrived. */
/* Escape alone acts at once.  But a function key the terminfo entry does
 * not know arrives as Escape plus "[4~" and the like, all at once: that
 * is swallowed whole, so it can never act as Escape, '[' and '4'.  Any
 * other key right after Escape is a key of its own (not Alt). */
static int escape_or_unknown(ui *u)
{
	wint_t wch;
	int rc, n = 0;

	wtimeout(u->hints, 0);
	rc = wget_wch(u->hints, &wch);
	if (rc != OK)
		return KESC;
	if (wch != '[' && wch != 'O') {
		unget_wch((wchar_t)wch);
		return KESC;
	}
	/* CSI: parameters, then a final byte from '@' to '~'; SS3: one byte. */
	while (n++ < 16 && wget_wch(u->hints, &wch) == OK)
		if (wch >= '@' && wch <= '~' && (wch != '[' || n > 1))
			break;
	ui_say(u, "That key means nothing to this terminal type (TERM); ? lists the keys.");
	return 0;
}

static int read_key(ui *u, int timeout_ms)
{
	wint_t wch;
	int rc;

	wtimeout(u->hints, timeout_ms);
	rc = wget_wch(u->hints, &wch);
	if (rc == KEY_CODE_YES)
		return KF((int)wch);
	if (rc == OK && wch == KESC)
		return escape_or_unknown(u);
	if (rc == OK)
		return (int)wch;
	return 0;
}

/* Undo is the same on every screen that changes answers. */
static void ui_undo(ui *u)
{
	workshop *ws = u->ws;
	store_error err;

	if (!ws)
		return;
	char what[256];
	int undone = 0;

	if (store_undo(ws->st, ws->s.id, &undone, what, sizeof what, &err) != 0) {
		ui_error(u, &err);
		return;
	}
	ui_reload(u);
	if (ui_top(u)->resume)
		ui_top(u)->resume(u);
	if (u->status_error)
		return;
	if (undone)
		ui_say(u, "Undone: %s", what);
	else
		ui_say(u, "Nothing left to undo.");
}

static void handle_global(ui *u, enum action a)
{
	switch (a) {
	case ACT_HELP:
		if (ui_top(u) != &screen_help)
			ui_push(u, &screen_help);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		ui_dirty(u, DIRTY_ALL);
		break;
	case ACT_QUIT:
		u->quit = 1;
		break;
	case ACT_BACK:
		ui_pop(u);
		break;
	case ACT_UNDO:
		ui_undo(u);
		break;
	default:
		break;
	}
}

static void handle_key(ui *u, int key)
{
	const screen_ops *s = ui_top(u);
	enum action a;
	char name[32];
	int arg;

	if (u->status_text[0]) {
		u->status_text[0] = '\0';
		ui_dirty(u, DIRTY_STATUS);
	}
	if (u->ask_yes) {
		void (*yes)(ui *) = u->ask_yes;

		u->ask_yes = NULL;
		if (key == 'y' || key == 'Y')
			yes(u);
		else
			ui_say(u, "Cancelled.");
		return;
	}
	if (s->input && s->input(u, key))
		return;
	a = action_for_key(key, s->scope | SC_ANY, &arg);
	if (a == ACT_NONE) {
		ui_say(u, "The key %s does nothing here; ? lists the keys.",
		       action_key_name(key, name, sizeof name));
		return;
	}
	if (s->action)
		s->action(u, a, arg);
	if (ui_top(u) == s)
		handle_global(u, a);
}

static void ui_loop(ui *u)
{
	time_t last_tick = 0;

	while (!u->quit && !ui_signal && u->depth) {
		time_t now;
		int key;

		ui_paint(u);
		key = read_key(u, 1000);
		if (ui_signal)
			break;
		now = time(NULL);
		if (now != last_tick && ui_top(u)->tick) {
			last_tick = now;
			ui_top(u)->tick(u, now);
		}
		if (key == KF(KEY_RESIZE) || LINES != u->lines || COLS != u->cols) {
			ui_resize(u);
			if (key == KF(KEY_RESIZE))
				continue;
		}
		if (!key)
			continue;
		if (u->too_small) {
			if (key == 'q')
				u->quit = 1;
			continue;
		}
		handle_key(u, key);
	}
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

static int term_start(ui *u)
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
	windows_build(u);
	return 0;
}

static store *open_store(const cli_options *o, int *status)
{
	char path[4096];
	store_error err;
	store *st;

	if (o->db_path) {
		snprintf(path, sizeof path, "%s", o->db_path);
	} else if (store_default_path(path, sizeof path, &err) != 0) {
		cli_error("%s", err.message);
		*status = err.status;
		return NULL;
	}
	if (!(st = store_open(path, STORE_OPEN_CREATE, &err))) {
		cli_error("%s", err.message);
		*status = err.status;
	}
	return st;
}

/* Everything the screens need before the terminal changes mode, so that
 * errors print as ordinary one-line messages. */
static int ui_prepare(ui *u, const char *session)
{
	int status = CLI_OK;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("the screens need a terminal; 'list' and 'report' work without one");
		return CLI_USAGE;
	}
	if (!(u->matrix = cli_load_matrix(u->opts, &status)))
		return status;
	if (!(u->st = open_store(u->opts, &status)))
		return status;
	if (session && ui_open_session(u, session) != 0) {
		cli_error("%s", u->status_text);
		return CLI_NOINPUT;
	}
	u->status_text[0] = '\0';
	return CLI_OK;
}

static void ui_finish(ui *u)
{
	while (u->depth)
		ui_pop(u);
	ui_close_session(u);
	term_stop();
	windows_free(u);
	store_close(u->st);
	content_free(u->matrix);
}

int ui_run(const cli_options *o, int mode, const char *session,
	   const char *as_name)
{
	ui u;
	int rc;

	(void)as_name;
	if (mode != UI_MODE_FACILITATE || o->plain) {
		cli_error("'%s' comes in a later release",
			  o->plain ? "--plain" : mode == UI_MODE_JOIN ? "join" : "watch");
		return CLI_USAGE;
	}
	memset(&u, 0, sizeof u);
	u.opts = o;
	u.mode = mode;
	u.utf8 = !o->ascii && ui_locale_is_utf8();
	u.text_flags = u.utf8 ? 0 : TEXT_ASCII;
	if ((rc = ui_prepare(&u, session)) != CLI_OK) {
		ui_close_session(&u);
		store_close(u.st);
		content_free(u.matrix);
		return rc;
	}
	signals_install();
	if ((rc = term_start(&u)) != 0) {
		ui_finish(&u);
		return rc;
	}
	ui_push(&u, &screen_sessions);
	if (u.ws)
		ui_push(&u, &screen_walk);
	ui_loop(&u);
	ui_finish(&u);
	return ui_signal ? 128 + ui_signal : CLI_OK;
}
