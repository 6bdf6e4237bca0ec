/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_brought.c - the actions brought from the organisation's previous
 * session, and what became of each: done, in progress, dropped, carried
 * forward (an action of this session now) or not yet reviewed.
 *
 * Opened from a row that has some, it shows that row's; r shows every
 * row's and back, so the room can also review them all at the start.
 * Each outcome key is one store_brought_set, undone by u like any change.
 * Entries are indexes into the open session's loaded answers, collected
 * again after every reload, so the screen holds no copy to go stale; the
 * words come from tui/model/brought.h, as the walk and the line mode say
 * them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brought.h"
#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "text.h"

#define BR_TOP 2
/* Lines per entry: the outcome and action, then its row. */
#define BR_ENTRY 2
/* Where the action's words start, past the outcome. */
#define BR_TEXT_X 18

typedef struct brought_state {
	listview lv;
	size_t *shown;               /* indexes into u->ws->a.brought */
	size_t *step;                /* each brought action's step in the walk,
					n_steps when it has none */
	size_t cap;
	unsigned long long reloads;  /* the workshop's, when `step` was found */
	int this_row;                /* only one row's actions */
	char row_id[200];            /* that row, when this_row */
} brought_state;

static size_t br_height(const ui *u)
{
	int h = (getmaxy(u->body) - BR_TOP) / BR_ENTRY;

	return h > 0 ? (size_t)h : 1;
}

/* Where each action's row is in the walk, found again only after the
 * session was read again: moving in the list or narrowing it then costs
 * nothing that grows with the matrix. */
static void br_steps(ui *u, brought_state *bs)
{
	const store_answers *a = &u->ws->a;
	size_t i;

	if (a->n_brought > bs->cap) {
		free(bs->shown);
		free(bs->step);
		bs->shown = ui_xmalloc(a->n_brought * sizeof *bs->shown);
		bs->step = ui_xmalloc(a->n_brought * sizeof *bs->step);
		bs->cap = a->n_brought;
		bs->reloads = u->ws->reloads - 1;
	}
	if (bs->reloads == u->ws->reloads)
		return;
	for (i = 0; i < a->n_brought; i++)
		bs->step[i] = a->brought[i].row_gone ? u->ws->n_steps
			      : workshop_find_step(u->ws, a->brought[i].row_id);
	bs->reloads = u->ws->reloads;
}

/* The entries shown, keeping the selection's place. */
static void br_collect(ui *u)
{
	brought_state *bs = ui_private(u, &screen_brought);
	const store_answers *a = &u->ws->a;
	size_t i, k = 0;

	br_steps(u, bs);
	if (bs->this_row) {
		size_t first, n = store_answers_brought_of(a, bs->row_id, &first);

		/* by position, as the row's index keeps them */
		for (k = 0; k < n; k++)
			bs->shown[k] = a->brought_by_row[first + k];
	} else {
		for (i = 0; i < a->n_brought; i++)
			bs->shown[k++] = i;
	}
	bs->lv.n = k;
	listview_fit(&bs->lv, br_height(u));
	ui_dirty(u, DIRTY_BODY);
}

static const store_brought *br_selected(const ui *u, size_t *step)
{
	brought_state *bs = ui_private(u, &screen_brought);

	if (!bs->lv.n)
		return NULL;
	*step = bs->step[bs->shown[bs->lv.sel]];
	return &u->ws->a.brought[bs->shown[bs->lv.sel]];
}

/* "Row 5.1 Title", or the words every front end uses for a row the
 * walk lacks. */
static void br_where(const ui *u, const store_brought *b, size_t step, char *out,
		     size_t size)
{
	char num[32];

	if (step >= u->ws->n_steps) {
		brought_gone(b, out, size);
		return;
	}
	workshop_step_number(u->ws, step, num, sizeof num);
	snprintf(out, size, "Row %s %s", num,
		 u->ws->m->sections[u->ws->steps[step].section]
		 .rows[u->ws->steps[step].row].title);
}

static void br_entry(ui *u, int y, const store_brought *b, size_t step, attr_t at)
{
	char what[1200], where[400];
	int w = u->cols - BR_TEXT_X - 1;

	brought_what(b, what, sizeof what);
	br_where(u, b, step, where, sizeof where);
	if (at != A_NORMAL) {
		draw_text_fill(u->body, y, 0, u->cols, "", at);
		draw_text_fill(u->body, y + 1, 0, u->cols, "", at);
	}
	draw_text(u->body, y, 1, BR_TEXT_X - 2, store_outcome_words(b->outcome),
		  b->outcome == STORE_OUTCOME_NOT_REVIEWED ? at
		  : (at | draw_attr(ATTR_HEADING)));
	draw_text(u->body, y, BR_TEXT_X, w, what, at);
	draw_text(u->body, y + 1, BR_TEXT_X, w, where, at);
}

static void br_draw(ui *u)
{
	brought_state *bs = ui_private(u, &screen_brought);
	const store_answers *a = &u->ws->a;
	size_t i, h = br_height(u), open = 0;

	for (i = 0; i < bs->lv.n; i++)
		open += a->brought[bs->shown[i]].outcome == STORE_OUTCOME_NOT_REVIEWED;
	draw_fmt(u->body, 0, 1, u->cols - 2, draw_attr(ATTR_HEADING),
		 "Actions from %s%s: %zu of %zu to review",
		 a->n_brought ? a->brought[0].from_name : "the last session",
		 bs->this_row ? " on this row" : "", open, bs->lv.n);
	draw_text(u->body, 1, 1, u->cols - 2, bs->this_row ?
		  "outcome          action (who, due) and its row   (r: every row)" :
		  "outcome          action (who, due) and its row   (r: this row only)",
		  A_NORMAL);
	if (!bs->lv.n)
		draw_text(u->body, BR_TOP, 1, u->cols - 2,
			  "None was brought for this row: r shows every row's.", A_NORMAL);
	for (i = bs->lv.top; i < bs->lv.n && i < bs->lv.top + h; i++)
		br_entry(u, BR_TOP + (int)(i - bs->lv.top) * BR_ENTRY,
			 &a->brought[bs->shown[i]], bs->step[bs->shown[i]],
			 i == bs->lv.sel ? draw_attr(ATTR_SELECTED) : A_NORMAL);
}

/* d, i, x, c, 0: the key the table binds is the one BROUGHT_KEYS gives
 * the outcome, so the line mode and the screens never disagree. */
static void br_set(ui *u, enum action act)
{
	size_t step;
	const store_brought *b = br_selected(u, &step);
	int outcome = brought_outcome_of_key(action_get(act)->keys[0]);
	char what[80];
	store_error err;
	long long carried = 0;
	int rc, position;

	if (!b) {
		ui_say(u, "No action to mark.");
		return;
	}
	if (outcome < 0)
		return;
	store_quote(what, sizeof what, b->text);
	if ((int)b->outcome == outcome) {
		ui_say(u, "'%s' is %s already.", what,
		       store_outcome_words((enum store_outcome)outcome));
		return;
	}
	position = b->position;
	rc = store_brought_set(u->st, u->ws->s.id, position,
			       (enum store_outcome)outcome, &carried, &err);
	if (outcome == STORE_OUTCOME_CARRIED)
		ui_saved(u, rc, &err, "Saved: '%s' carried forward into this "
			 "session's actions.", what);
	else
		ui_saved(u, rc, &err, "Saved: '%s' %s.", what,
			 store_outcome_words((enum store_outcome)outcome));
	br_collect(u);
	ui_dirty(u, DIRTY_TITLE);
}

static void br_toggle_row(ui *u, brought_state *bs)
{
	const content_row *row = workshop_row(u->ws);

	if (!bs->this_row && !row) {
		ui_say(u, "There is no current row.");
		return;
	}
	bs->this_row = !bs->this_row;
	if (bs->this_row)
		snprintf(bs->row_id, sizeof bs->row_id, "%s", row->id);
	bs->lv.sel = bs->lv.top = 0;
	br_collect(u);
}

/* Enter: the walk moves to the action's row, and the screens above the
 * walk (the review, and the summary when it was opened from there) close
 * to show it. */
static void br_go(ui *u)
{
	size_t step;
	const store_brought *b = br_selected(u, &step);
	store_error err;

	if (!b)
		return;
	if (step >= u->ws->n_steps) {
		ui_say(u, "Row %s is gone from this matrix: the walk has no place for it.",
		       b->row_id);
		return;
	}
	if (workshop_goto(u->ws, step, &err) != 0) {
		ui_error(u, &err);
		return;
	}
	while (u->depth > 1 && ui_top(u) != &screen_walk)
		ui_pop(u);
}

static void br_action(ui *u, enum action a, int arg)
{
	brought_state *bs = ui_private(u, &screen_brought);

	(void)arg;
	if (listview_action(&bs->lv, a, br_height(u))) {
		ui_dirty(u, DIRTY_BODY);
		return;
	}
	switch (a) {
	case ACT_BROUGHT_DONE:
	case ACT_BROUGHT_PROGRESS:
	case ACT_BROUGHT_DROPPED:
	case ACT_BROUGHT_CARRY:
	case ACT_BROUGHT_UNREVIEWED:
		br_set(u, a);
		break;
	case ACT_BROUGHT_ROW: br_toggle_row(u, bs); break;
	case ACT_BROUGHT_GO: br_go(u); break;
	default: break;
	}
}

/* Narrowed to the current row when it has some. */
static void br_enter(ui *u)
{
	brought_state *bs = ui_private(u, &screen_brought);
	const content_row *row = u->ws->n_steps ? workshop_row(u->ws) : NULL;
	size_t open;

	memset(bs, 0, sizeof *bs);
	if (row && brought_count(&u->ws->a, row->id, &open) > 0) {
		bs->this_row = 1;
		snprintf(bs->row_id, sizeof bs->row_id, "%s", row->id);
	}
	br_collect(u);
}

static void br_leave(ui *u)
{
	brought_state *bs = ui_private(u, &screen_brought);

	free(bs->shown);
	free(bs->step);
	bs->shown = bs->step = NULL;
	bs->cap = 0;
}

static void br_resize(ui *u)
{
	brought_state *bs = ui_private(u, &screen_brought);

	listview_fit(&bs->lv, br_height(u));
}

/* An undo, or another terminal's change, read the session again. */
static void br_changed(ui *u, unsigned what)
{
	(void)what;
	br_collect(u);
}

void screen_brought_open(ui *u)
{
	if (!u->ws || !u->ws->a.n_brought) {
		ui_say(u, "No actions were brought from a previous session of %s.",
		       u->ws && u->ws->s.organisation[0] ? u->ws->s.organisation
		       : "this organisation");
		return;
	}
	ui_push(u, &screen_brought);
}

int screen_brought_offer(const ui *u, char *buf, size_t size)
{
	size_t total, n;
	char key[16];

	buf[0] = '\0';
	if (!u->ws || workshop_answered(u->ws, &total) != 0 ||
	    !brought_opening_text(&u->ws->a, buf, size))
		return 0;
	action_key_name(action_get(ACT_BROUGHT)->keys[0], key, sizeof key);
	n = strlen(buf);
	snprintf(buf + n, size - n, ": %s", key);
	return 1;
}

const screen_ops screen_brought = {
	.name = "brought",
	.scope = SC_SUB | SC_LIST | SC_BROUGHT | SC_CHANGES,
	.private_size = sizeof(brought_state),
	.enter = br_enter,
	.resume = br_collect,
	.leave = br_leave,
	.draw = br_draw,
	.action = br_action,
	.resize = br_resize,
	.changed = br_changed,
};
