/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_sessions.c - the sessions in the database, most recently changed
 * first, with their progress: open one, start one, rename or delete.
 *
 * A first start with an empty database goes straight to the new-session
 * form, so a new facilitator is walking the matrix within a minute.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "text.h"

#define LIST_TOP 3

/* Only the sessions on screen are read: `list` holds `n` of them from
 * position `first` of the whole list, whose length is lv.n. */
typedef struct sessions_state {
	store_session *list;
	size_t n, first;
	listview lv;
	char selected_id[40];
	char new_id[40];
} sessions_state;

/* The selected session's whole name and organisation, under the list:
 * names cut to the column never leave two sessions looking the same. */
#define DETAIL_LINES 2

static size_t list_height(const ui *u)
{
	int h = u->body ? getmaxy(u->body) - LIST_TOP - DETAIL_LINES - 1 : 1;

	return h > 0 ? (size_t)h : 1;
}

static void page_free(sessions_state *ss)
{
	store_session_list_free(ss->list, ss->n);
	ss->list = NULL;
	ss->n = ss->first = 0;
}

/* Reads the lines from lv.top that fit on the screen. */
static void page_load(ui *u, sessions_state *ss)
{
	store_error err;

	page_free(ss);
	if (store_session_page(u->st, ss->lv.top, list_height(u), &ss->list,
			       &ss->n, &err) != 0)
		ui_error(u, &err);
	ss->first = ss->lv.top;
	ui_dirty(u, DIRTY_BODY);
}

/* Reads the page again when the screen shows lines it does not hold. */
static void page_follow(ui *u, sessions_state *ss)
{
	size_t h = list_height(u), want = ss->lv.top + h;

	if (want > ss->lv.n)
		want = ss->lv.n;
	if (ss->lv.top < ss->first || want > ss->first + ss->n)
		page_load(u, ss);
}

/* Reads the list again, keeping the same session selected. */
static void sessions_load(ui *u)
{
	sessions_state *ss = ui_private(u, &screen_sessions);
	store_error err;
	size_t pos;

	if (store_session_count(u->st, &ss->lv.n, &err) != 0)
		ui_error(u, &err);
	if (ss->selected_id[0] &&
	    store_session_position(u->st, ss->selected_id, &pos, &err) == 0)
		ss->lv.sel = pos;
	listview_fit(&ss->lv, list_height(u));
	page_load(u, ss);
}

static const store_session *selected(sessions_state *ss)
{
	if (!ss->lv.n || ss->lv.sel < ss->first || ss->lv.sel >= ss->first + ss->n)
		return NULL;
	return &ss->list[ss->lv.sel - ss->first];
}

/* ------------------------------------------------------------ new session */

static const char *const track_choices[] = { "LGPO", "PCN", NULL };
static const char *const yes_no[] = { "no", "yes", NULL };

/* "A, B,C" into trimmed, non-empty names, pointing into `buf`. */
static size_t split_names(char *buf, const char **out, size_t max)
{
	size_t n = 0;
	char *p;

	for (p = strtok(buf, ","); p && n < max; p = strtok(NULL, ",")) {
		char *end = p + strlen(p);

		while (*p == ' ')
			p++;
		while (end > p && end[-1] == ' ')
			*--end = '\0';
		if (*p)
			out[n++] = p;
	}
	return n;
}

#define MAX_PARTICIPANTS 64

static int new_submit(ui *u, char **v, void *ctx)
{
	sessions_state *ss = ui_private(u, &screen_sessions);
	const char *names[MAX_PARTICIPANTS];
	store_new_session spec;
	store_error err;
	int rc;

	(void)ctx;
	if (text_is_blank(v[0])) {
		ui_say(u, "The session needs a name.");
		return 1;
	}
	memset(&spec, 0, sizeof spec);
	spec.name = v[0];
	spec.organisation = v[1];
	spec.track = strcmp(v[2], "PCN") == 0 ? CONTENT_TRACK_PCN : CONTENT_TRACK_LGPO;
	spec.facilitator = v[3];
	spec.n_participants = split_names(v[4], names, MAX_PARTICIPANTS);
	spec.participants = names;
	spec.secret_ballot = strcmp(v[5], "yes") == 0;
	if (!ui_matrix(u))
		return 1;
	rc = store_session_create(u->st, &spec, ui_matrix(u), ss->new_id, &err);
	if (rc != 0) {
		ui_error(u, &err);
		return 1;
	}
	return 0;
}

static void new_after(ui *u, void *ctx)
{
	sessions_state *ss = ui_private(u, &screen_sessions);

	(void)ctx;
	snprintf(ss->selected_id, sizeof ss->selected_id, "%s", ss->new_id);
	sessions_load(u);
	if (ui_open_session(u, ss->new_id) == 0) {
		char offer[400];

		ui_push(u, &screen_walk);
		if (screen_brought_offer(u, offer, sizeof offer))
			ui_say(u, "Session created. %s; 1-%zu agree a stage.", offer,
			       u->ws->m->n_stages);
		else
			ui_say(u, "Session created. 1-%zu agree a stage, ? shows every key.",
			       u->ws->m->n_stages);
	}
}

static void sessions_new(ui *u)
{
	form_spec f;

	memset(&f, 0, sizeof f);
	f.title = "New session";
	f.intro = "Name the session; the rest can stay empty. Participants: comma-separated.";
	f.fields[0].label = "Name";
	f.fields[1].label = "Organisation";
	f.fields[2].label = "Type";
	f.fields[2].choices = track_choices;
	f.fields[2].value = "LGPO";
	f.fields[3].label = "Facilitator";
	f.fields[4].label = "Participants";
	f.fields[5].label = "Secret ballot";
	f.fields[5].choices = yes_no;
	f.fields[5].value = "no";
	f.n_fields = 6;
	f.submit = new_submit;
	f.after = new_after;
	screen_form_open(u, &f);
}

/* ------------------------------------------------------------ rename, delete */

static int rename_submit(ui *u, char **v, void *ctx)
{
	const store_session *s = selected(ctx);
	store_error err;

	if (!s)
		return 0;
	if (text_is_blank(v[0])) {
		ui_say(u, "The session needs a name.");
		return 1;
	}
	if (store_session_rename(u->st, s->id, v[0], &err) != 0) {
		ui_error(u, &err);
		return 1;
	}
	ui_say(u, "Saved: renamed.");
	return 0;
}

static void sessions_rename(ui *u, const store_session *s)
{
	form_spec f;

	memset(&f, 0, sizeof f);
	f.title = "Rename the session";
	f.fields[0].label = "Name";
	f.fields[0].value = s->name;
	f.n_fields = 1;
	f.submit = rename_submit;
	f.ctx = ui_private(u, &screen_sessions);
	screen_form_open(u, &f);
}

static int delete_submit(ui *u, char **v, void *ctx)
{
	const store_session *s = selected(ctx);
	store_error err;

	if (!s)
		return 0;
	if (strcmp(v[0], s->name) != 0) {
		ui_say(u, "That is not the session's name; nothing was deleted. Esc leaves.");
		return 1;
	}
	if (store_session_delete(u->st, s->id, &err) != 0) {
		ui_error(u, &err);
		return 1;
	}
	ui_say(u, "Deleted.");
	return 0;
}

static void sessions_delete(ui *u, const store_session *s)
{
	char intro[600];
	form_spec f;
	char *name = draw_clean(s->name, 0);

	snprintf(intro, sizeof intro,
		 "Deleting removes every answer of '%s'. Type its name to confirm.", name);
	free(name);
	memset(&f, 0, sizeof f);
	f.title = "Delete the session";
	f.intro = intro;
	f.fields[0].label = "Name";
	f.n_fields = 1;
	f.submit = delete_submit;
	f.ctx = ui_private(u, &screen_sessions);
	screen_form_open(u, &f);
}

/* ------------------------------------------------------------ drawing */

static void format_when(long long t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, size, "?");
}

static void draw_line(ui *u, int y, const store_session *s, int wn, int wo,
		      attr_t at)
{
	char right[64], when[32];
	int x = 2;

	format_when(s->updated, when, sizeof when);
	snprintf(right, sizeof right, "%-4s  %3d/%-4d  %s",
		 s->track == CONTENT_TRACK_PCN ? "PCN" : "LGPO",
		 s->rows_answered, s->rows_total, when);
	/* The selection is a marker plus reverse video on the name alone:
	 * moving it rewrites two names, not two whole lines (the byte budget
	 * is below dialog's highlight move, even at 9600 baud). */
	draw_text(u->body, y, 0, 1, at != A_NORMAL ? draw_glyph(GLYPH_ARROW) : " ",
		  A_NORMAL);
	draw_text(u->body, y, x, wn, s->name, at);
	draw_text(u->body, y, x + wn + 2, wo, s->organisation, A_NORMAL);
	draw_text(u->body, y, x + wn + wo + 4, u->cols - x - wn - wo - 4, right,
		  A_NORMAL);
}

/* "Name · Organisation" in full, wrapped over the detail lines (the
 * drawing cleans both). */
static void draw_detail(ui *u, const store_session *s)
{
	int y = getmaxy(u->body) - DETAIL_LINES;
	const char *dot = draw_glyph(GLYPH_DOT);
	char *t;

	int k;

	if (!s || y <= LIST_TOP)
		return;
	for (k = 0; k < DETAIL_LINES; k++)
		draw_text_fill(u->body, y + k, 0, u->cols, "", A_NORMAL);
	t = ui_xmalloc(strlen(s->name) + strlen(s->organisation) + strlen(dot) + 3);
	sprintf(t, "%s%s%s%s%s", s->name, s->organisation[0] ? " " : "",
		s->organisation[0] ? dot : "", s->organisation[0] ? " " : "", s->organisation);
	draw_wrapped(u->body, y, 1, u->cols - 2, DETAIL_LINES, t, draw_attr(ATTR_HEADING));
	free(t);
}

static void sessions_draw(ui *u)
{
	sessions_state *ss = ui_private(u, &screen_sessions);
	int rest = u->cols - 2 - 4 - 38, wn = rest * 55 / 100, wo = rest - wn;
	size_t i, h = list_height(u);

	draw_fmt(u->body, 0, 1, u->cols - 2, draw_attr(ATTR_HEADING),
		 u->opts->kiosk ? "Sessions (%zu)" : "Sessions (%zu) in %s", ss->lv.n,
		 store_path(u->st));
	if (!ss->lv.n) {
		draw_text(u->body, 2, 1, u->cols - 2,
			  "No sessions yet. Press n to start one.", A_NORMAL);
		return;
	}
	draw_text(u->body, 2, 2, wn, "SESSION", draw_attr(ATTR_HEADING));
	draw_text(u->body, 2, 4 + wn, wo, "ORGANISATION", draw_attr(ATTR_HEADING));
	draw_text(u->body, 2, 6 + wn + wo, u->cols - 6 - wn - wo,
		  "TYPE  PROGRESS  LAST CHANGE", draw_attr(ATTR_HEADING));
	for (i = ss->lv.top; i < ss->first + ss->n && i < ss->lv.top + h; i++)
		if (i >= ss->first)
			draw_line(u, LIST_TOP + (int)(i - ss->lv.top),
				  &ss->list[i - ss->first], wn, wo,
			  i == ss->lv.sel ? draw_attr(ATTR_SELECTED) : A_NORMAL);
	draw_detail(u, selected(ss));
}

/* ------------------------------------------------------------ the table */

static void sessions_action(ui *u, enum action a, int arg)
{
	sessions_state *ss = ui_private(u, &screen_sessions);
	const store_session *s = selected(ss);

	(void)arg;
	if (listview_action(&ss->lv, a, list_height(u))) {
		page_follow(u, ss);
		if ((s = selected(ss)))
			snprintf(ss->selected_id, sizeof ss->selected_id, "%s", s->id);
		ui_dirty(u, DIRTY_BODY);
		return;
	}
	if (a == ACT_SESSION_NEW) {
		sessions_new(u);
		return;
	}
	if (!s) {
		if (a == ACT_OPEN || a == ACT_SESSION_RENAME || a == ACT_SESSION_DELETE ||
		    a == ACT_SETTINGS)
			ui_say(u, "There is no session yet: n starts one.");
		return;
	}
	snprintf(ss->selected_id, sizeof ss->selected_id, "%s", s->id);
	if (a == ACT_OPEN && ui_open_session(u, s->id) == 0)
		ui_push(u, &screen_walk);
	else if (a == ACT_SESSION_RENAME)
		sessions_rename(u, s);
	else if (a == ACT_SESSION_DELETE)
		sessions_delete(u, s);
	else if (a == ACT_SETTINGS)
		screen_settings_open(u, s->id);
}

static void sessions_enter(ui *u)
{
	sessions_state *ss = ui_private(u, &screen_sessions);

	/* Under a walk opened from the command line the list is read when
	 * it is first shown (resume), not before the walk's first screen. */
	if (u->ws) {
		snprintf(ss->selected_id, sizeof ss->selected_id, "%s", u->ws->s.id);
		return;
	}
	sessions_load(u);
	if (!ss->lv.n)
		sessions_new(u);
}

static void sessions_leave(ui *u)
{
	page_free(ui_private(u, &screen_sessions));
}

static void sessions_resize(ui *u)
{
	sessions_state *ss = ui_private(u, &screen_sessions);

	listview_fit(&ss->lv, list_height(u));
	page_follow(u, ss);
}

const screen_ops screen_sessions = {
	.name = "sessions",
	.scope = SC_TOP | SC_LIST | SC_SESSIONS,
	.private_size = sizeof(sessions_state),
	.enter = sessions_enter,
	.resume = sessions_load,
	.leave = sessions_leave,
	.draw = sessions_draw,
	.action = sessions_action,
	.resize = sessions_resize,
};
