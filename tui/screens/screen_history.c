/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_history.c - every change of the session, newest first: when, who
 * made it, its row, and what it did (old -> new), undone and redone
 * changes marked as such.  r narrows the list to the current row and
 * back; Enter goes to the selected change's row.
 *
 * The list is read from the store when the screen opens, when it comes
 * back to the top, and when another terminal changes the session; the
 * lines are worded only as they are drawn, so the cost of a keystroke
 * does not grow with the history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "history.h"
#include "listview.h"
#include "screens.h"

#define HIST_TOP 2

typedef struct history_state {
	listview lv;
	store_change *list;          /* store_history's, oldest first */
	size_t n;
	size_t *shown;               /* indexes into list, newest first */
	int this_row;                /* only the current row's changes */
	char row_id[200];            /* that row, when this_row */
} history_state;

static size_t hist_height(const ui *u)
{
	int h = getmaxy(u->body) - HIST_TOP;

	return h > 0 ? (size_t)h : 1;
}

static void hist_free(history_state *hs)
{
	store_history_free(hs->list, hs->n);
	free(hs->shown);
	hs->list = NULL;
	hs->shown = NULL;
	hs->n = 0;
	hs->lv.n = 0;
}

/* The entries shown, newest first, keeping the selection's place. */
static void hist_filter(ui *u, history_state *hs)
{
	size_t i, k = 0;

	for (i = hs->n; i-- > 0;)
		if (!hs->this_row || strcmp(hs->list[i].row_id, hs->row_id) == 0)
			hs->shown[k++] = i;
	hs->lv.n = k;
	listview_fit(&hs->lv, hist_height(u));
}

static void hist_load(ui *u)
{
	history_state *hs = ui_private(u, &screen_history);
	store_error err;

	hist_free(hs);
	if (store_history(u->st, u->ws->s.id, 0, &hs->list, &hs->n, &err) != 0) {
		ui_error(u, &err);
		return;
	}
	if (hs->n && !(hs->shown = malloc(hs->n * sizeof *hs->shown))) {
		hist_free(hs);
		ui_say(u, "Out of memory: the history cannot be shown.");
		return;
	}
	hist_filter(u, hs);
	ui_dirty(u, DIRTY_BODY);
}

/* "5.1" for a walked row, the row's id otherwise, "-" for the session. */
static void hist_where(const ui *u, const char *row_id, char *out, size_t size)
{
	size_t step;

	if (!row_id[0]) {
		snprintf(out, size, "-");
		return;
	}
	step = workshop_find_step(u->ws, row_id);
	if (step < u->ws->n_steps)
		workshop_step_number(u->ws, step, out, size);
	else
		snprintf(out, size, "%s", row_id);
}

static void hist_line(ui *u, int y, const store_change *c, attr_t at)
{
	history_line l;
	char where[40], text[1200];

	history_line_of(c, &l);
	hist_where(u, c->row_id, where, sizeof where);
	/* a long line is cut on the screen anyway */
	if (snprintf(text, sizeof text, "%s  %-12.40s %-6s %s%s%s%s%s%s%s", l.when + 11,
		 l.who, where, l.what, l.before[0] || l.after[0] ? ": " : "",
		 l.before, l.before[0] || l.after[0] ? " -> " : "", l.after,
		 l.status[0] ? "  " : "", l.status) < 0)
		text[0] = '\0';
	draw_text_fill(u->body, y, 1, u->cols - 2, text,
		       at != A_NORMAL ? at : c->undone ? draw_attr(ATTR_DIM) : at);
}

static void hist_draw(ui *u)
{
	history_state *hs = ui_private(u, &screen_history);
	size_t i, h = hist_height(u);

	draw_fmt(u->body, 0, 1, u->cols - 2, draw_attr(ATTR_HEADING),
		 "History: %zu change%s%s, newest first", hs->lv.n,
		 hs->lv.n == 1 ? "" : "s", hs->this_row ? " on this row" : "");
	draw_text(u->body, 1, 1, u->cols - 2, hs->this_row ?
		  "time      who          row    what   (r: every row, Enter: go to the row)" :
		  "time      who          row    what   (r: this row only, Enter: go to the row)",
		  A_NORMAL);
	for (i = hs->lv.top; i < hs->lv.n && i < hs->lv.top + h; i++)
		hist_line(u, HIST_TOP + (int)(i - hs->lv.top), &hs->list[hs->shown[i]],
			  i == hs->lv.sel ? draw_attr(ATTR_SELECTED) : A_NORMAL);
}

static void hist_toggle_row(ui *u, history_state *hs)
{
	const content_row *row = workshop_row(u->ws);

	if (!hs->this_row && !row) {
		ui_say(u, "There is no current row.");
		return;
	}
	hs->this_row = !hs->this_row;
	if (hs->this_row)
		snprintf(hs->row_id, sizeof hs->row_id, "%s", row->id);
	hs->lv.sel = hs->lv.top = 0;
	hist_filter(u, hs);
	ui_dirty(u, DIRTY_BODY);
}

/* Enter: the walk moves to the change's row and the history closes. */
static void hist_go(ui *u, history_state *hs)
{
	const store_change *c;
	store_error err;
	size_t step;

	if (!hs->lv.n)
		return;
	c = &hs->list[hs->shown[hs->lv.sel]];
	step = c->row_id[0] ? workshop_find_step(u->ws, c->row_id) : u->ws->n_steps;
	if (step >= u->ws->n_steps) {
		ui_say(u, "That change is not on a row of the walk.");
		return;
	}
	if (u->ws->follower) {
		ui_say(u, "The facilitator chooses the row.");
		return;
	}
	if (workshop_goto(u->ws, step, &err) != 0) {
		ui_error(u, &err);
		return;
	}
	ui_pop(u);
}

static void hist_action(ui *u, enum action a, int arg)
{
	history_state *hs = ui_private(u, &screen_history);

	(void)arg;
	if (listview_action(&hs->lv, a, hist_height(u))) {
		ui_dirty(u, DIRTY_BODY);
		return;
	}
	if (a == ACT_HISTORY_ROW)
		hist_toggle_row(u, hs);
	else if (a == ACT_HISTORY_GO)
		hist_go(u, hs);
}

static void hist_enter(ui *u)
{
	history_state *hs = ui_private(u, &screen_history);

	memset(hs, 0, sizeof *hs);
	hist_load(u);
}

static void hist_leave(ui *u)
{
	hist_free(ui_private(u, &screen_history));
}

static void hist_resize(ui *u)
{
	history_state *hs = ui_private(u, &screen_history);

	listview_fit(&hs->lv, hist_height(u));
}

/* Another terminal changed the session: its changes join the list. */
static void hist_changed(ui *u, unsigned what)
{
	(void)what;
	hist_load(u);
}

const screen_ops screen_history = {
	.name = "history",
	.scope = SC_SUB | SC_LIST | SC_HISTORY | SC_CHANGES,
	.private_size = sizeof(history_state),
	.enter = hist_enter,
	.resume = hist_load,
	.leave = hist_leave,
	.draw = hist_draw,
	.action = hist_action,
	.resize = hist_resize,
	.changed = hist_changed,
};
