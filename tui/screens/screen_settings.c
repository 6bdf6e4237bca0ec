/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_settings.c - a session's set-up, fixed after the fact: its name,
 * organisation, facilitator, type and planned minutes (one form), and its
 * participants (a list: add, rename, remove).  Reached with e from the
 * sessions list and from the walk.
 *
 * Every change goes through the same store functions as `nextsteps edit`,
 * so each is one history entry that undo takes back, and a refusal is
 * shown on the status line in the command line's words, named by the
 * field instead of the option.  Removing someone who has voted asks
 * first, saying how many votes would go.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "text.h"

#define LIST_TOP 9

typedef struct settings_state {
	char id[40];
	store_session s;             /* with its participants */
	listview lv;                 /* over s.participants */
	char name[STORE_MAX_NAME * 4 + 1];   /* the one a question is about */
} settings_state;

static const char *const track_choices[] = { "LGPO", "PCN", NULL };

static settings_state *state(ui *u)
{
	return ui_private(u, &screen_settings);
}

static size_t list_height(ui *u)
{
	int h = getmaxy(u->body) - LIST_TOP;

	return h > 1 ? (size_t)h : 1;
}

/* The session read again, after a change or when the screen opens. */
static void settings_load(ui *u)
{
	settings_state *ss = state(u);
	store_error err;

	store_session_clear(&ss->s);
	memset(&ss->s, 0, sizeof ss->s);
	if (store_session_find(u->st, ss->id, &ss->s, &err) != 0) {
		ui_error(u, &err);
		return;
	}
	ss->lv.n = ss->s.n_participants;
	listview_fit(&ss->lv, list_height(u));
	ui_dirty(u, DIRTY_BODY);
}

/* After a change: the list here, and the open session's walk (a new type
 * changes the rows it walks). */
static void settings_saved(ui *u, const char *what)
{
	settings_load(u);
	if (u->ws && strcmp(u->ws->s.id, state(u)->id) == 0)
		ui_reload(u);
	ui_say(u, "Saved: %s.", what);
}

/* A refusal in the command line's words, named by the form's field. */
static int refused(ui *u, const char *field, const store_error *err)
{
	ui_say(u, "Not saved: %s: %s", field, err->message);
	return 1;
}

/* ------------------------------------------------------------ the details */

/* Minutes as the command line reads them; -1 when they are not a number
 * in range (the status line says so). */
static int read_minutes(ui *u, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (!*v || *end || n < STORE_MINUTES_MIN || n > STORE_MINUTES_MAX) {
		ui_say(u, "Not saved: Minutes takes a number from %d to %d, not '%s'.",
		       STORE_MINUTES_MIN, STORE_MINUTES_MAX, v);
		return -1;
	}
	return (int)n;
}

static int details_submit(ui *u, char **v, void *ctx)
{
	settings_state *ss = ctx;
	unsigned track = strcmp(v[3], "PCN") == 0 ? CONTENT_TRACK_PCN : CONTENT_TRACK_LGPO;
	store_error err;
	int minutes;

	if (text_is_blank(v[0])) {
		ui_say(u, "Not saved: Name: the session needs a name, not an empty one.");
		return 1;
	}
	if ((minutes = read_minutes(u, v[4])) < 0)
		return 1;
	if (store_session_set_text(u->st, ss->id, STORE_SESSION_ORG, v[1], &err) != 0)
		return refused(u, "Organisation", &err);
	if (store_session_set_text(u->st, ss->id, STORE_SESSION_FACILITATOR, v[2],
				   &err) != 0)
		return refused(u, "Facilitator", &err);
	if (store_session_set_minutes(u->st, ss->id, minutes, &err) != 0)
		return refused(u, "Minutes", &err);
	if (store_session_set_track(u->st, ss->id, track, &err) != 0)
		return refused(u, "Type", &err);
	if (store_session_rename(u->st, ss->id, v[0], &err) != 0)
		return refused(u, "Name", &err);
	settings_saved(u, "the session's settings");
	return 0;
}

static void settings_details(ui *u)
{
	settings_state *ss = state(u);
	char minutes[16];
	form_spec f;

	snprintf(minutes, sizeof minutes, "%d", ss->s.planned_minutes);
	memset(&f, 0, sizeof f);
	f.title = "Session settings";
	f.intro = "Each change is in the history; u on the walk undoes it.";
	f.fields[0].label = "Name";
	f.fields[0].value = ss->s.name;
	f.fields[1].label = "Organisation";
	f.fields[1].value = ss->s.organisation;
	f.fields[2].label = "Facilitator";
	f.fields[2].value = ss->s.facilitator;
	f.fields[3].label = "Type";
	f.fields[3].choices = track_choices;
	f.fields[3].value = ss->s.track == CONTENT_TRACK_PCN ? "PCN" : "LGPO";
	f.fields[4].label = "Minutes";
	f.fields[4].value = minutes;
	f.fields[4].max_len = 3;
	f.n_fields = 5;
	f.submit = details_submit;
	f.ctx = ss;
	screen_form_open(u, &f);
}

/* ------------------------------------------------------------ participants */

static const char *selected_name(settings_state *ss)
{
	return ss->lv.n && ss->lv.sel < ss->s.n_participants
		? ss->s.participants[ss->lv.sel] : NULL;
}

/* Adding a participant, from here and from the votes screen: the same
 * form, and the same words when the name is refused. */
void screen_participant_form(ui *u, int (*submit)(ui *u, char **v, void *ctx),
			     void *ctx)
{
	form_spec f;

	memset(&f, 0, sizeof f);
	f.title = "Add a participant";
	f.intro = "A member practice or a person who will vote.";
	f.fields[0].label = "Name";
	f.n_fields = 1;
	f.submit = submit;
	f.ctx = ctx;
	screen_form_open(u, &f);
}

int screen_participant_add(ui *u, const char *session_id, const char *name,
			   int *index)
{
	store_error err;

	if (text_is_blank(name)) {
		ui_say(u, "Not saved: Add participant: a participant needs a name, not an "
		       "empty one.");
		return 1;
	}
	if (store_participant_add(u->st, session_id, name, index, &err) != 0)
		return refused(u, "Add participant", &err);
	return 0;
}

static int add_submit(ui *u, char **v, void *ctx)
{
	settings_state *ss = ctx;

	if (screen_participant_add(u, ss->id, v[0], NULL) != 0)
		return 1;
	settings_saved(u, "participant added");
	return 0;
}

static int rename_submit(ui *u, char **v, void *ctx)
{
	settings_state *ss = ctx;
	store_error err;

	if (text_is_blank(v[0])) {
		ui_say(u, "Not saved: Rename participant: a participant needs a name, not "
		       "an empty one.");
		return 1;
	}
	if (store_participant_rename(u->st, ss->id, ss->name, v[0], &err) != 0)
		return refused(u, "Rename participant", &err);
	settings_saved(u, "participant renamed; their votes stay theirs");
	return 0;
}

static void settings_rename(ui *u, const char *name)
{
	settings_state *ss = state(u);
	form_spec f;

	snprintf(ss->name, sizeof ss->name, "%s", name);
	memset(&f, 0, sizeof f);
	f.title = "Rename the participant";
	f.fields[0].label = "Name";
	f.fields[0].value = name;
	f.n_fields = 1;
	f.submit = rename_submit;
	f.ctx = ss;
	screen_form_open(u, &f);
}

static void remove_now(ui *u, void *ctx)
{
	settings_state *ss = ctx;
	store_error err;

	if (store_participant_remove(u->st, ss->id, ss->name, 1, NULL, &err) != 0) {
		refused(u, "Remove participant", &err);
		return;
	}
	settings_saved(u, "participant removed");
}

/* Removing someone who has voted takes their votes too: asked first. */
static void settings_remove(ui *u, const char *name)
{
	settings_state *ss = state(u);
	store_error err;
	char *shown;
	int votes = 0;

	snprintf(ss->name, sizeof ss->name, "%s", name);
	if (store_participant_votes(u->st, ss->id, name, &votes, &err) != 0) {
		refused(u, "Remove participant", &err);
		return;
	}
	shown = draw_clean(name, 0);
	if (votes)
		ui_ask(u, remove_now, ss, "Remove %s and their %d vote%s?", shown,
		       votes, votes == 1 ? "" : "s");
	else
		ui_ask(u, remove_now, ss, "Remove %s?", shown);
	free(shown);
}

/* ------------------------------------------------------------ the screen */

static void settings_draw(ui *u)
{
	settings_state *ss = state(u);
	const store_session *s = &ss->s;
	int w = u->cols - 2, y = 2;
	size_t i, h = list_height(u);

	draw_text(u->body, 0, 1, w, "Session settings", draw_attr(ATTR_HEADING));
	if (!s->name)
		return;
	draw_fmt(u->body, y++, 1, w, A_NORMAL, "Name          %s", s->name);
	draw_fmt(u->body, y++, 1, w, A_NORMAL, "Organisation  %s", s->organisation);
	draw_fmt(u->body, y++, 1, w, A_NORMAL, "Facilitator   %s", s->facilitator);
	draw_fmt(u->body, y++, 1, w, A_NORMAL, "Type          %s (%d rows apply)",
		 s->track == CONTENT_TRACK_PCN ? "PCN" : "LGPO", s->rows_total);
	draw_fmt(u->body, y++, 1, w, A_NORMAL, "Minutes       %d", s->planned_minutes);
	draw_fmt(u->body, LIST_TOP - 1, 1, w, draw_attr(ATTR_HEADING),
		 "Participants (%zu)", s->n_participants);
	if (!s->n_participants)
		draw_text(u->body, LIST_TOP, 2, w - 1, "None yet: + adds one.", A_NORMAL);
	for (i = ss->lv.top; i < s->n_participants && i < ss->lv.top + h; i++)
		draw_text_fill(u->body, LIST_TOP + (int)(i - ss->lv.top), 2, w - 1,
			       s->participants[i], i == ss->lv.sel
			       ? draw_attr(ATTR_SELECTED) : A_NORMAL);
}

static void settings_action(ui *u, enum action a, int arg)
{
	settings_state *ss = state(u);
	const char *name = selected_name(ss);

	(void)arg;
	if (listview_action(&ss->lv, a, list_height(u))) {
		ui_dirty(u, DIRTY_BODY);
		return;
	}
	if (a == ACT_SETTINGS_EDIT) {
		settings_details(u);
	} else if (a == ACT_PARTICIPANT_ADD) {
		screen_participant_form(u, add_submit, ss);
	} else if (a == ACT_PARTICIPANT_RENAME || a == ACT_PARTICIPANT_REMOVE) {
		if (!name)
			ui_say(u, "There is no participant yet: + adds one.");
		else if (a == ACT_PARTICIPANT_RENAME)
			settings_rename(u, name);
		else
			settings_remove(u, name);
	}
}

static void settings_leave(ui *u)
{
	store_session_clear(&state(u)->s);
}

static void settings_resize(ui *u)
{
	listview_fit(&state(u)->lv, list_height(u));
}

void screen_settings_open(ui *u, const char *session_id)
{
	settings_state *ss;

	ui_push(u, &screen_settings);
	ss = state(u);
	snprintf(ss->id, sizeof ss->id, "%s", session_id);
	settings_load(u);
}

const screen_ops screen_settings = {
	.name = "settings",
	.scope = SC_SUB | SC_LIST | SC_SETTINGS,
	.private_size = sizeof(settings_state),
	.draw = settings_draw,
	.action = settings_action,
	.resize = settings_resize,
	.leave = settings_leave,
};
