/* ui_loop.c - the main loop: wait for a key (or a few times a second for
 * the live room), hand it to the screen on top, repaint what changed.
 */
#include "ui_loop.h"

#include <time.h>

#include "screens.h"
#include "ui_live.h"
#include "ui_paint.h"
#include "ui_term.h"

/* New windows for the new size; the screen lays itself out again. */
static void ui_resize(ui *u)
{
	ui_term_windows(u);
	if (!u->too_small && ui_top(u) && ui_top(u)->resize)
		ui_top(u)->resize(u);
}

/* ------------------------------------------------------------ keys */

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

/* One key: a character, or a curses key code with UI_KEY_FN set; 0 when
 * the wait (up to timeout_ms) timed out or a signal arrived. */
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

/* What every screen shares once the screen itself has had the action. */
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

/* A pending y/n question first, then the screen's raw input, then the
 * action table. */
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

/* Until q, a signal or an empty stack.  The wait is a second, or a
 * quarter of one while a session is open (ui_live_wait): short enough to
 * follow another terminal within half a second, with no busy-waiting. */
void ui_loop(ui *u)
{
	time_t last_tick = 0;

	while (!u->quit && !ui_term_signal() && u->depth) {
		time_t now;
		int key;

		ui_paint(u);
		key = read_key(u, ui_live_wait(u));
		if (ui_term_signal())
			break;
		now = time(NULL);
		ui_live_poll(u, now);
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

