/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui.c - the screen stack, the status line, the open session, and the
 * start and end of the full-screen program.
 *
 * The terminal is in ui_term.c, painting in ui_paint.c, the main loop in
 * ui_loop.c and the live room (watch, join, presence) in ui_live.c.
 * Nothing is ever unsaved (the store commits each answer before it is
 * shown), so every way out only has to restore the terminal and store the
 * running section time.
 */
#include "ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "locale_info.h"
#include "screens.h"
#include "scoring.h"
#include "text.h"
#include "ui_input.h"
#include "ui_live.h"
#include "ui_loop.h"
#include "ui_term.h"

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
	u->private[u->depth] = NULL;
	if (s->private_size) {
		u->private[u->depth] = ui_xmalloc(s->private_size);
		memset(u->private[u->depth], 0, s->private_size);
	}
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
	s = u->stack[u->depth - 1];
	if (s->leave)
		s->leave(u);
	free(u->private[--u->depth]);
	u->private[u->depth] = NULL;
	ui_dirty(u, DIRTY_ALL);
	/* On the way out nothing more is shown: the screen below is not
	 * brought up to date (the sessions list would read the whole file). */
	if (u->depth && !u->quit && ui_top(u)->resume)
		ui_top(u)->resume(u);
	if (!u->depth)
		u->quit = 1;
}

void *ui_private(const ui *u, const screen_ops *s)
{
	int i;

	for (i = u->depth - 1; i >= 0; i--)
		if (u->stack[i] == s)
			return u->private[i];
	return NULL;
}

int ui_stage_count(ui *u)
{
	int i;

	if (u->ws)
		return (int)u->ws->m->n_stages;
	for (i = u->depth - 1; i >= 0; i--)
		if (u->stack[i]->stages)
			return (int)u->stack[i]->stages(u);
	return 9;
}

void ui_reset(ui *u, const screen_ops *s)
{
	while (u->depth) {
		const screen_ops *t = u->stack[u->depth - 1];

		if (t->leave)
			t->leave(u);
		free(u->private[--u->depth]);
		u->private[u->depth] = NULL;
	}
	ui_push(u, s);
}

/* ------------------------------------------------------------ status line */

static void ui_vsay(ui *u, const char *fmt, va_list ap)
{
	vsnprintf(u->status_text, sizeof u->status_text, fmt, ap);
	u->status_error = 0;
	ui_dirty(u, DIRTY_STATUS);
}

void ui_say(ui *u, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vsay(u, fmt, ap);
	va_end(ap);
}

/* The session is read again either way, so the screen shows what is
 * stored; the confirmation comes only after that worked, so it never
 * says "Saved" above stale answers. */
int ui_saved(ui *u, int rc, const store_error *err, const char *fmt, ...)
{
	va_list ap;

	if (rc != 0) {
		ui_error(u, err);
		ui_reload(u);
		return 0;
	}
	ui_reload(u);
	if (u->status_error)
		return 0;
	va_start(ap, fmt);
	ui_vsay(u, fmt, ap);
	va_end(ap);
	return 1;
}

/* The same for a change to one row: only that row is read again. */
int ui_saved_row(ui *u, int rc, const store_error *err, const char *row_id,
		 const char *fmt, ...)
{
	store_error rerr;
	va_list ap;

	if (rc != 0) {
		ui_error(u, err);
		ui_reload(u);
		return 0;
	}
	if (u->ws && workshop_refresh_row(u->ws, row_id, &rerr) != 0) {
		snprintf(u->status_text, sizeof u->status_text,
			 "Could not refresh the screen: %s", rerr.message);
		u->status_error = 1;
		ui_dirty(u, DIRTY_STATUS | DIRTY_BODY | DIRTY_TITLE);
		return 0;
	}
	if (u->ws && u->ws->follower)
		workshop_follow(u->ws);
	ui_dirty(u, DIRTY_BODY | DIRTY_TITLE);
	va_start(ap, fmt);
	ui_vsay(u, fmt, ap);
	va_end(ap);
	return 1;
}

void ui_error(ui *u, const store_error *err)
{
	snprintf(u->status_text, sizeof u->status_text, "Not saved: %s",
		 err->message[0] ? err->message : "unknown error");
	u->status_error = 1;
	ui_dirty(u, DIRTY_STATUS);
}

const char *ui_status_shown(const ui *u, char *buf, size_t size)
{
	const char *db = u->st ? store_path(u->st) : NULL, *slash;
	char dir[4096] = "";

	if (!u->opts || !u->opts->kiosk)
		return u->status_text;
	if (db && (slash = strrchr(db, '/')) != NULL && slash > db &&
	    (size_t)(slash - db) < sizeof dir)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - db), db);
	return text_hide_paths(u->status_text, dir, buf, size);
}

static void ui_vask(ui *u, void (*yes)(ui *u, void *ctx),
		    void (*no)(ui *u, void *ctx), void *ctx, const char *fmt, va_list ap)
{
	size_t n;

	vsnprintf(u->status_text, sizeof u->status_text, fmt, ap);
	n = strlen(u->status_text);
	snprintf(u->status_text + n, sizeof u->status_text - n, " (y/n)");
	u->status_error = 0;
	u->ask_yes = yes;
	u->ask_no = no;
	u->ask_ctx = ctx;
	ui_dirty(u, DIRTY_STATUS);
}

void ui_ask(ui *u, void (*yes)(ui *u, void *ctx), void *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vask(u, yes, NULL, ctx, fmt, ap);
	va_end(ap);
}

void ui_ask_either(ui *u, void (*yes)(ui *u, void *ctx), void (*no)(ui *u, void *ctx),
		   void *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vask(u, yes, no, ctx, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------ sessions */

/* A session keeps the exact wording it was run with; when the matrix has
 * been edited since (same id, other text), the facilitator is told, so
 * nobody wonders why the screen differs from the new file. */
static void say_if_matrix_changed(ui *u)
{
	const content_matrix *then = u->ws->m, *now;
	size_t len;

	if (u->mode != CLI_MODE_FACILITATE)
		return;
	/* The built-in text is embedded with LF line ends and no byte-order
	 * mark, as a session stores it: the same bytes mean the same matrix,
	 * and parsing it (most of the start-up) is needed only when they
	 * differ. */
	if (!u->matrix && strcmp(content_builtin_text(&len), then->text) == 0)
		return;
	if (!(now = ui_matrix(u)))
		return;
	if (strcmp(now->id, then->id) == 0 && strcmp(now->text, then->text) != 0)
		ui_say(u, "Matrix edited since this session began (version %s, now %s);"
		       " it keeps its wording.", then->version, now->version);
}

int ui_open_session(ui *u, const char *name_or_id)
{
	store_error err;
	workshop *ws = workshop_open(u->st, name_or_id, &err);
	int rc;

	if (!ws) {
		snprintf(u->status_text, sizeof u->status_text, "%s", err.message);
		u->status_error = 1;
		ui_dirty(u, DIRTY_STATUS);
		return err.status ? err.status : STORE_EIO;
	}
	ui_close_session(u);
	u->ws = ws;
	rc = ui_live_open(u);
	if (rc == 0)
		say_if_matrix_changed(u);
	return rc;
}

/* Says goodbye to the room before the session goes. */
void ui_close_session(ui *u)
{
	ui_live_close(u);
	workshop_close(u->ws);
	u->ws = NULL;
}

/* A follower moves with the facilitator's stored position as well. */
void ui_reload(ui *u)
{
	store_error err;

	/* Reloading follows a change that may well have been stored: its
	 * failure must not read "Not saved" and invite a second try. */
	if (u->ws && workshop_reload(u->ws, &err) != 0) {
		snprintf(u->status_text, sizeof u->status_text,
			 "Could not refresh the screen: %s", err.message);
		u->status_error = 1;
		ui_dirty(u, DIRTY_STATUS);
	}
	else if (u->ws && u->ws->follower)
		workshop_follow(u->ws);
	ui_dirty(u, DIRTY_BODY | DIRTY_TITLE);
}

/* Every screen that takes undo shows the current row, so after the walk
 * has moved a repaint (and the screen's own resume) is all they need. */
void ui_undo_change(ui *u, int redo)
{
	char msg[512];
	store_error err;
	int moved, rc;

	if (!u->ws)
		return;
	rc = redo ? workshop_redo(u->ws, &moved, msg, sizeof msg, &err)
		  : workshop_undo(u->ws, &moved, msg, sizeof msg, &err);
	ui_dirty(u, DIRTY_BODY | DIRTY_TITLE);
	if (ui_top(u)->resume)
		ui_top(u)->resume(u);
	if (rc == 0) {
		ui_say(u, "%s", msg);
	} else {
		ui_error(u, &err);
		/* the undo itself was saved: say what it was as well */
		if (msg[0])
			snprintf(u->status_text, sizeof u->status_text,
				 "%.300s; not saved: %.250s", msg, err.message);
	}
}

/* The matrix new sessions are made from.  The built-in one is parsed
 * only when a session is created (it is half of the start-up work); a
 * --content file is read at start so its errors come before the screens. */
const content_matrix *ui_matrix(ui *u)
{
	content_error err;

	if (!u->matrix && !(u->matrix = content_load_builtin(&err)))
		ui_say(u, "%s", err.message);
	return u->matrix;
}

/* A session and participant the score screen can open, checked before
 * the terminal changes mode so that a wrong name is one line on stderr. */
static int ui_check_scorer(ui *u, const char *session)
{
	store_error err;
	scoring *sc = scoring_open(u->st, session, u->as_name, &err);

	if (!sc) {
		cli_error("%s", err.message);
		return err.status ? (int)err.status : CLI_NOINPUT;
	}
	scoring_close(sc);
	store_set_actor(u->st, STORE_FACILITATOR);
	u->score_session = session;
	return CLI_OK;
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
	if (u->opts->content_path && !(u->matrix = cli_load_matrix(u->opts, &status)))
		return status;
	/* Watchers and joiners need the facilitator's file: never create one. */
	if (!(u->st = cli_open_store(u->opts, u->mode == CLI_MODE_FACILITATE ?
				     STORE_OPEN_CREATE : 0, &status)))
		return status;
	if (u->mode == CLI_MODE_SCORE)
		return ui_check_scorer(u, session);
	if (session && (status = ui_open_session(u, session)) != 0) {
		char shown[sizeof u->status_text];

		cli_error("%s", ui_status_shown(u, shown, sizeof shown));
		/* the store's statuses are the CLI's: a lock stays 75, damage 65 */
		return status;
	}
	if (u->status_error)
		u->status_text[0] = '\0';
	return CLI_OK;
}

/* Screens, session, terminal, file: in that order. */
static void ui_finish(ui *u)
{
	u->status_error = 0;
	u->quit = 1;
	while (u->depth)
		ui_pop(u);
	ui_close_session(u);
	ui_term_stop();
	/* A last save that failed on the way out (a note, the section time)
	 * would otherwise vanish with the screen: say it on stderr. */
	if (u->status_error) {
		char shown[sizeof u->status_text];

		cli_error("%s", ui_status_shown(u, shown, sizeof shown));
	}
	if (u->exit_status)
		cli_error("%s", u->exit_text);
	ui_term_windows_free(u);
	store_close(u->st);
	content_free(u->matrix);
}

/* Facilitate: the sessions list (and the walk when a session is named);
 * watch and join: their one screen, following the facilitator. */
int ui_run(const cli_options *o, enum cli_mode mode, const char *session,
	   const char *as_name)
{
	ui u;
	int rc;

	memset(&u, 0, sizeof u);
	u.opts = o;
	u.mode = mode;
	u.as_name = as_name;
	u.utf8 = !o->ascii && locale_is_utf8();
	u.text_flags = u.utf8 ? 0 : TEXT_ASCII;
	if ((rc = ui_prepare(&u, session)) != CLI_OK) {
		ui_close_session(&u);
		store_close(u.st);
		content_free(u.matrix);
		return rc;
	}
	ui_input_locale();
	ui_term_signals();
	if ((rc = ui_term_start(&u)) != 0) {
		ui_finish(&u);
		return rc;
	}
	if (mode == CLI_MODE_WATCH) {
		ui_push(&u, &screen_watch);
	} else if (mode == CLI_MODE_JOIN) {
		ui_push(&u, &screen_join);
	} else if (mode == CLI_MODE_SCORE) {
		ui_push(&u, &screen_score);
	} else {
		ui_push(&u, &screen_sessions);
		if (u.ws)
			ui_push(&u, &screen_walk);
	}
	ui_loop(&u);
	ui_finish(&u);
	if (ui_term_signal())
		return 128 + ui_term_signal();
	return u.exit_status ? u.exit_status : CLI_OK;
}

