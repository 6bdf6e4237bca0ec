/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_actions.c - the actions agreed for the current row: what, who
 * and by when (a real YYYY-MM-DD day), each one done or not. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "text.h"

#define ACT_TOP 2
#define ACT_MAX 256

typedef struct actions_state {
	listview lv;
	long long ids[ACT_MAX];      /* the row's actions, in order */
	long long editing;           /* 0 when adding */
	long long asked_id;          /* the action "Delete this action?" names */
} actions_state;

static size_t act_height(const ui *u)
{
	int h = getmaxy(u->body) - ACT_TOP;

	return h > 0 ? (size_t)h : 1;
}

/* The row's actions from the loaded answers, keeping the selection. */
static void act_collect(ui *u)
{
	actions_state *as = ui_private(u, &screen_actions);
	const workshop *ws = u->ws;
	const char *row = workshop_row(ws)->id;
	size_t i, n = 0;

	for (i = 0; i < ws->a.n_actions && n < ACT_MAX; i++)
		if (strcmp(ws->a.actions[i].row_id, row) == 0)
			as->ids[n++] = ws->a.actions[i].id;
	as->lv.n = n;
	listview_fit(&as->lv, act_height(u));
}

static const store_action *act_find(const ui *u, long long id)
{
	size_t i;

	for (i = 0; i < u->ws->a.n_actions; i++)
		if (u->ws->a.actions[i].id == id)
			return &u->ws->a.actions[i];
	return NULL;
}

static const store_action *act_selected(const ui *u)
{
	actions_state *as = ui_private(u, &screen_actions);

	return as->lv.n ? act_find(u, as->ids[as->lv.sel]) : NULL;
}

static void act_line(ui *u, int y, const store_action *ac, attr_t at)
{
	int wt = u->cols * 55 / 100, x2 = 6 + wt + 1;
	char right[300], due[32];

	text_date_show(ac->due, due, sizeof due);
	snprintf(right, sizeof right, "%s%s%s", ac->owner[0] ? ac->owner : "",
		 ac->owner[0] && ac->due[0] ? ", " : "", due);
	if (at != A_NORMAL)
		draw_text_fill(u->body, y, 0, u->cols, "", at);
	draw_text(u->body, y, 1, 4, ac->done ? "[x]" : "[ ]", at);
	draw_text(u->body, y, 5, wt, ac->text, at);
	draw_text(u->body, y, x2, u->cols - x2 - 1, right, at);
}

static void act_draw(ui *u)
{
	actions_state *as = ui_private(u, &screen_actions);

	size_t i, h = act_height(u);

	draw_fmt(u->body, 0, 1, u->cols - 2, draw_attr(ATTR_HEADING), "Actions: %s",
		 workshop_row(u->ws)->title);
	if (!as->lv.n) {
		draw_text(u->body, ACT_TOP, 1, u->cols - 2,
			  "No actions for this row yet: a adds one.", A_NORMAL);
		return;
	}
	draw_text(u->body, 1, 5, u->cols - 6, "what / who, due", A_NORMAL);
	for (i = as->lv.top; i < as->lv.n && i < as->lv.top + h; i++) {
		const store_action *ac = act_find(u, as->ids[i]);

		if (ac)
			act_line(u, ACT_TOP + (int)(i - as->lv.top), ac,
				 i == as->lv.sel ? draw_attr(ATTR_SELECTED) : A_NORMAL);
	}
}

static int act_submit(ui *u, char **v, void *ctx)
{
	actions_state *as = ui_private(u, &screen_actions);
	const store_action *old = as->editing ? act_find(u, as->editing) : NULL;
	store_error err;
	long long id;
	int rc;
	char due[11], shown[32];

	(void)ctx;
	if (!v[0][0]) {
		ui_say(u, "Say what is to be done, or Esc to leave.");
		return 1;
	}
	if (!text_parse_date(v[2], due)) {
		ui_say(u, "The due date must be a real day, e.g. 2026-04-30 or 30/04/2026.");
		return 1;
	}
	if (old)
		rc = store_action_update(u->st, u->ws->s.id, old->id, v[0], v[1], due,
					 old->done, &err);
	else
		rc = store_action_add(u->st, u->ws->s.id, workshop_row(u->ws)->id, v[0],
				      v[1], due, &id, &err);
	if (rc != 0) {
		ui_error(u, &err);
		return 1;
	}
	ui_reload(u);
	act_collect(u);
	if (!old && as->lv.n)
		as->lv.sel = as->lv.n - 1;
	if (text_date_past(due))
		ui_say(u, "Saved: action %s; note the due date %s has passed.",
		       old ? "changed" : "added", text_date_show(due, shown, sizeof shown));
	else
		ui_say(u, "Saved: action %s.", old ? "changed" : "added");
	return 0;
}

static void act_form(ui *u, const store_action *ac)
{
	actions_state *as = ui_private(u, &screen_actions);
	form_spec f;

	as->editing = ac ? ac->id : 0;
	memset(&f, 0, sizeof f);
	f.title = ac ? "Change the action" : "Add an action";
	f.intro = "Due date as YYYY-MM-DD, or empty.";
	f.fields[0].label = "What";
	f.fields[0].value = ac ? ac->text : "";
	f.fields[1].label = "Who";
	f.fields[1].value = ac ? ac->owner : "";
	f.fields[2].label = "Due";
	f.fields[2].value = ac ? ac->due : "";
	f.fields[2].max_len = 10;
	f.n_fields = 3;
	f.submit = act_submit;
	screen_form_open(u, &f);
}

static void act_toggle(ui *u, const store_action *ac)
{
	store_error err;
	int done = !ac->done;
	int rc = store_action_update(u->st, u->ws->s.id, ac->id, ac->text, ac->owner,
				     ac->due, done, &err);

	ui_saved(u, rc, &err, done ? "Saved: done." : "Saved: not done.");
	if (rc == 0)
		act_collect(u);
}

/* Deletes the action the question named, even if another terminal has
 * changed the list since. */
static void act_delete_yes(ui *u, void *ctx)
{
	const actions_state *as = ctx;
	store_error err;
	int rc = store_action_delete(u->st, u->ws->s.id, as->asked_id, &err);

	ui_saved(u, rc, &err, "Deleted (u undoes it).");
	if (rc == 0)
		act_collect(u);
}

static void act_action(ui *u, enum action a, int arg)
{
	actions_state *as = ui_private(u, &screen_actions);
	const store_action *ac = act_selected(u);

	(void)arg;
	if (listview_action(&as->lv, a, act_height(u))) {
		ui_dirty(u, DIRTY_BODY);
		return;
	}
	if (a == ACT_ACTION_ADD) {
		act_form(u, NULL);
		return;
	}
	if (!ac) {
		if (a == ACT_ACTION_EDIT || a == ACT_ACTION_DONE || a == ACT_ACTION_DELETE)
			ui_say(u, "No actions yet: a adds one.");
		return;
	}
	if (a == ACT_ACTION_EDIT)
		act_form(u, ac);
	else if (a == ACT_ACTION_DONE)
		act_toggle(u, ac);
	else if (a == ACT_ACTION_DELETE) {
		as->asked_id = ac->id;
		ui_ask(u, act_delete_yes, as, "Delete this action?");
	}
}

static void act_enter(ui *u)
{
	actions_state *as = ui_private(u, &screen_actions);

	memset(as, 0, sizeof *as);
	act_collect(u);
}

static void act_resume(ui *u)
{
	act_collect(u);
}

const screen_ops screen_actions = {
	.name = "actions",
	.scope = SC_SUB | SC_LIST | SC_ACTIONS | SC_CHANGES,
	.private_size = sizeof(actions_state),
	.enter = act_enter,
	.resume = act_resume,
	.draw = act_draw,
	.action = act_action,
	.resize = act_resume,
};
