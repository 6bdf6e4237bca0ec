/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_paint.c - turning the dirty flags into terminal output.
 *
 * Each turn repaints only the windows marked dirty, with wnoutrefresh per
 * window and one doupdate() (tig's display.c); with nothing dirty it
 * writes nothing at all, which is what keeps an idle watcher silent.
 */
#include "ui_paint.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "pacing.h"
#include "text.h"
#include "ui.h"

/* ------------------------------------------------------------ painting */

/* The pacing, for the facilitator only: the section's minutes against its
 * plan and the workshop's against the whole (pacing.c words them).
 * Watchers get no timer, so an idle watcher writes nothing; whole minutes
 * are enough for pacing, so the title bar changes once a minute at most. */
static void clock_text(const ui *u, char *buf, size_t size)
{
	pacing p;

	buf[0] = '\0';
	if (!u->ws || !u->ws->n_steps || u->mode != CLI_MODE_FACILITATE)
		return;
	pacing_of(u->ws, (time_t)text_now(), &p);
	pacing_text(&p, draw_glyph(GLYPH_DOT), buf, size);
}

/* The session, its track and the section on the title bar. */
static void paint_title(ui *u)
{
	const workshop *ws = u->ws;
	attr_t bar = draw_attr(ATTR_BAR);
	char left[600], right[128];
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

/* The last confirmation or error, in the error attribute when it is one. */
static void paint_status(ui *u)
{
	char shown[sizeof u->status_text];

	werase(u->status);
	if (u->status_text[0])
		draw_text(u->status, 0, 1, u->cols - 2,
			  ui_status_shown(u, shown, sizeof shown),
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
static int is_first(const enum action *first, enum action a)
{
	for (; first && *first != ACT_NONE; first++)
		if (*first == a)
			return 1;
	return 0;
}

/* The order the hint bar considers actions in: the screen's "what comes
 * next" first, then the table's order. */
static enum action hint_order(const enum action *first, size_t k)
{
	size_t n = 0, i;

	while (first && first[n] != ACT_NONE)
		n++;
	if (k < n)
		return first[k];
	for (i = 1, k -= n; i < ACT_COUNT; i++)
		if (!is_first(first, (enum action)i) && k-- == 0)
			return (enum action)i;
	return ACT_NONE;
}

static void paint_hints(ui *u)
{
	const screen_ops *s = ui_top(u);
	int n_stages = ui_stage_count(u), pass, x = 1, room;
	const enum action *first = s && s->hints_first ? s->hints_first(u) : NULL;
	char hint[96];
	size_t k;

	werase(u->hints);
	room = u->cols - 1;
	for (pass = 0; pass < 3 && s; pass++)
		for (k = 0; hint_order(first, k) != ACT_NONE; k++) {
			const action_info *ai = action_get(hint_order(first, k));
			int general = (ai->scope & GENERAL_SCOPES) != 0;
			int w;

			if (!(ai->scope & (s->scope | SC_ANY)) ||
			    (pass == 1) == general)
				continue;
			if (s->quit_hint_only && ai->id != ACT_QUIT)
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

/* Below the minimum size a few short lines replace the layout; each fits
 * in 30 columns, so even a phone's SSH window shows the whole message. */
static void paint_too_small(void)
{
	char need[32];
	const char *lines[3];
	int i, y = LINES / 2 - 1;

	snprintf(need, sizeof need, "need %dx%d", UI_MIN_COLS, UI_MIN_LINES);
	lines[0] = "Terminal too small:";
	lines[1] = need;
	lines[2] = "(q quits)";
	if (y + 3 > LINES)
		y = LINES - 3;
	if (y < 0)
		y = 0;
	werase(stdscr);
	for (i = 0; i < 3 && y + i < LINES; i++) {
		wmove(stdscr, y + i, 0);
		waddnstr(stdscr, lines[i], COLS > 0 ? COLS : 1);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* The cursor shows only where a text field has the keyboard. */
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
void ui_paint(ui *u)
{
	const screen_ops *s = ui_top(u);
	WINDOW *cur;
	char clock[80];

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
	/* A screen whose hints follow its state redraws them with its body;
	 * ncurses sends nothing when they came out the same. */
	if ((u->dirty & DIRTY_HINTS) ||
	    (s && s->hints_first && (u->dirty & DIRTY_BODY)))
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

