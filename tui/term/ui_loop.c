/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_loop.c - the main loop: wait for a key (or a few times a second for
 * the live room), hand it to the screen on top, repaint what changed.
 */
#include "ui_loop.h"

#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "screens.h"
#include "text.h"
#include "ui_input.h"
#include "ui_live.h"
#include "ui_paint.h"
#include "ui_term.h"

/* New windows for the new size; the screen lays itself out again. */
static void ui_resize(ui *u)
{
	/* After a size change the terminal's contents are unknown (tmux and
	 * some emulators reflow or clear them), so the next update repaints
	 * everything instead of trusting what ncurses thinks is shown. */
	clearok(curscr, TRUE);
	ui_term_windows(u);
	if (!u->too_small && ui_top(u) && ui_top(u)->resize)
		ui_top(u)->resize(u);
}

/* SIGWINCH can be lost when several arrive while one is being handled
 * (a window dragged about, a flaky SSH link), leaving the screen drawn
 * for a size the terminal no longer has.  Asking the terminal on every
 * wake-up (one ioctl) catches that; ncurses is told with resizeterm. */
static int size_drifted(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col)
		return 0;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return 0;
	resizeterm(ws.ws_row, ws.ws_col);
	return 1;
}

/* The warning about unreadable characters stays up a few seconds while
 * the user types on, unless something else has to be said. */
static void input_warning(ui *u, time_t now)
{
	if (ui_input_warn(now) && !u->status_text[0] && !u->ask_yes)
		ui_say(u, "%s", UI_INPUT_WARNING);
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
		ui_undo_change(u, 0);
		break;
	case ACT_REDO:
		ui_undo_change(u, 1);
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

	/* An error shown until this key is over with it: a change made now
	 * must not be taken for one that failed (ui_saved) */
	u->status_error = 0;
	if (u->status_text[0]) {
		u->status_text[0] = '\0';
		ui_dirty(u, DIRTY_STATUS);
	}
	if (u->ask_yes) {
		void (*yes)(ui *, void *) = u->ask_yes, (*no)(ui *, void *) = u->ask_no;
		void *ctx = u->ask_ctx;

		u->ask_yes = NULL;
		u->ask_no = NULL;
		u->ask_ctx = NULL;
		if (key == 'y' || key == 'Y')
			yes(u, ctx);
		else if (no)
			no(u, ctx);
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
	/* A digit beyond the matrix's stages, refused here for every screen
	 * that takes a stage by its number. */
	if (arg > ui_stage_count(u)) {
		ui_say(u, "There are %d stages: press 1 to %d.", ui_stage_count(u),
		       ui_stage_count(u));
		return;
	}
	if (s->action)
		s->action(u, a, arg);
	if (ui_top(u) == s)
		handle_global(u, a);
}

/* The section clock is stored when the facilitator leaves a section or
 * quits; a kill -9 or a dropped link would lose the minutes since, so it
 * is also stored once a minute (no history, no output). */
static void keep_section_time(ui *u, time_t now)
{
	store_error err;

	if (u->ws && !u->ws->follower && now - u->ws->entered >= 60 &&
	    workshop_flush_time(u->ws, now, &err) != 0)
		ui_error(u, &err);
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
		if (ui_live_greet(u))
			continue;
		key = ui_input_key(u, ui_live_wait(u));
		if (ui_term_signal())
			break;
		now = time(NULL);
		ui_live_poll(u, now);
		keep_section_time(u, (time_t)text_now());
		if (now != last_tick && ui_top(u)->tick) {
			last_tick = now;
			ui_top(u)->tick(u, now);
		}
		if (key == KF(KEY_RESIZE) || size_drifted() ||
		    LINES != u->lines || COLS != u->cols) {
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
		input_warning(u, now);
	}
}

