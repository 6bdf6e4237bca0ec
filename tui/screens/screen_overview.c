/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_overview.c - every section with its progress, the stage agreed
 * for each of its rows so far (by number, so no colour is needed), and the
 * time spent; Enter walks the selected section. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "pacing.h"
#include "text.h"

#define OV_TOP 2

/* The columns right of a section's title, as its heading names them:
 * done ("12/12"), the rows' marks, and the time; the time has a field of
 * its own width so that a 5-minute plan or an overrun moves nothing. */
#define OV_RIGHT_FMT "%2zu/%-2zu  %-12s %-16s"
#define OV_HEAD_FMT " %-6s%-13s%s"


static size_t ov_height(const ui *u)
{
	int h = getmaxy(u->body) - OV_TOP - 2;

	return h > 0 ? (size_t)h : 1;
}

/* Views differ widely on the row, or the agreed stage is outside every
 * vote: the same test the walk, the summary and the report use. */
static int row_disagrees(const workshop *ws, const store_row_answer *a)
{
	rowfacts_spread sp;

	workshop_spread_of(ws, a, &sp);
	return rowfacts_disagrees(workshop_state_of(ws, a), &sp);
}

/* One character per applicable row: the agreed stage's number, '-' not
 * applicable, 'p' parked, '.' not reached yet; then '!' where the room
 * disagrees. */
static void row_marks(const workshop *ws, size_t section, char *buf, size_t size)
{
	size_t k, n = 0;

	for (k = 0; k < ws->n_steps && n + 3 < size; k++) {
		const store_row_answer *a;
		char c = '.';

		if (ws->steps[k].section != section)
			continue;
		a = workshop_answer_at(ws, k);
		if (a && a->state == STORE_ROW_AGREED && a->stage >= 0 && a->stage < 9)
			c = (char)('1' + a->stage);
		else if (a && a->state == STORE_ROW_NOT_APPLICABLE)
			c = '-';
		else if (a && a->state == STORE_ROW_NOT_DISCUSSED)
			c = 'p';
		if (n)
			buf[n++] = ' ';
		buf[n++] = c;
		if (row_disagrees(ws, a))
			buf[n++] = '!';
	}
	buf[n] = '\0';
}

static void ov_line(ui *u, int y, size_t section, attr_t at)
{
	const workshop *ws = u->ws;
	size_t total, done = workshop_section_answered(ws, section, &total);
	long long t = workshop_stored_seconds(ws, section);
	long long plan = pacing_section_plan(ws, section);
	char marks[64], right[256], time[96], over[24] = "";
	int rw;

	if (ws->n_steps && ws->steps[ws->cur].section == section)
		t = workshop_section_seconds(ws, (time_t)text_now());
	row_marks(ws, section, marks, sizeof marks);
	/* Time against plan in whole minutes, with the overrun in text; a
	 * plan the facilitator set is marked '*'. */
	if (t / 60 > plan / 60)
		snprintf(over, sizeof over, " +%lld", t / 60 - plan / 60);
	snprintf(time, sizeof time, "%3lld/%lld%s min%s", t / 60, plan / 60,
		 pacing_section_set(ws, section) ? "*" : "", over);
	snprintf(right, sizeof right, OV_RIGHT_FMT, done, total, marks, time);
	rw = (int)strlen(right);
	/* Marker plus the section number in reverse video: moving the
	 * selection rewrites a few cells, not two titles, so it stays under
	 * dialog's highlight move even on vt100 at 9600 baud. */
	draw_text(u->body, y, 0, 1, at != A_NORMAL ? draw_glyph(GLYPH_ARROW) : " ",
		  A_NORMAL);
	draw_fmt(u->body, y, 1, 4, at, "%2zu", section + 1);
	draw_text(u->body, y, 5, u->cols - rw - 8, ws->m->sections[section].title,
		  A_NORMAL);
	draw_text(u->body, y, u->cols - rw - 1, rw, right, A_NORMAL);
}

static void ov_legend(ui *u, int y)
{
	char buf[512];
	size_t i, len = 0;

	for (i = 0; i < u->ws->m->n_stages && len + 1 < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%zu %s  ", i + 1,
					u->ws->m->stages[i].label);
	if (len < sizeof buf)
		snprintf(buf + len, sizeof buf - len, ". not reached  p parked  - n/a  ! views differ");
	draw_text(u->body, y, 1, u->cols - 2, buf, A_NORMAL);
}

static void ov_draw(ui *u)
{
	listview *ov = ui_private(u, &screen_overview);
	const workshop *ws = u->ws;
	size_t total, done = workshop_answered(ws, &total), i, h = ov_height(u);
	char head[64], blank[64];
	int hw;

	/* The heading over the same columns a section's line uses. */
	snprintf(blank, sizeof blank, OV_RIGHT_FMT, (size_t)0, (size_t)0, "", "");
	hw = (int)strlen(blank);
	snprintf(head, sizeof head, OV_HEAD_FMT, "done", "rows", "time");
	draw_fmt(u->body, 0, 1, u->cols - 2, draw_attr(ATTR_HEADING),
		 "Overview: %zu of %zu rows answered", done, total);
	draw_text(u->body, 1, u->cols - hw - 1, hw, head, A_NORMAL);
	for (i = ov->top; i < ov->n && i < ov->top + h; i++)
		ov_line(u, OV_TOP + (int)(i - ov->top), i,
			i == ov->sel ? draw_attr(ATTR_SELECTED) : A_NORMAL);
	draw_text(u->body, getmaxy(u->body) - 2, 1, u->cols - 2,
		  "time: minutes spent/planned, * planned with m (the rest shared by rows)",
		  A_NORMAL);
	ov_legend(u, getmaxy(u->body) - 1);
}

static void ov_enter(ui *u)
{
	listview *ov = ui_private(u, &screen_overview);

	ov->n = u->ws->m->n_sections;
	ov->sel = u->ws->n_steps ? u->ws->steps[u->ws->cur].section : 0;
	ov->top = 0;
	listview_fit(ov, ov_height(u));
}

/* Jumps to the first open row of the section, else its first row. */
static void ov_jump(ui *u)
{
	listview *ov = ui_private(u, &screen_overview);
	workshop *ws = u->ws;
	size_t k = workshop_section_start(ws, ov->sel), first = k;
	store_error err;

	if (k >= ws->n_steps || ws->steps[k].section != ov->sel) {
		ui_say(u, "No row of this section applies to this session.");
		return;
	}
	while (k < ws->n_steps && ws->steps[k].section == ov->sel &&
	       workshop_step_answered(ws, k))
		k++;
	if (k >= ws->n_steps || ws->steps[k].section != ov->sel)
		k = first;
	if (workshop_goto(ws, k, &err) != 0)
		ui_error(u, &err);
	ui_pop(u);
}

/* The form's answer: the selected section's minutes, or blank. */
static int minutes_submit(ui *u, char **v, void *ctx)
{
	const listview *ov = ctx;
	size_t section = ov->sel;
	store_error err;
	char words[120];
	int minutes;

	if (pacing_parse_minutes(v[0], &minutes) != 0) {
		ui_say(u, "%s", PACING_MINUTES_BAD);
		return 1;
	}
	if (store_section_set_minutes(u->st, u->ws->s.id, u->ws->m->sections[section].id,
				      minutes, &err) != 0) {
		ui_error(u, &err);
		return 1;
	}
	ui_reload(u);
	ui_say(u, "Saved: %s.", pacing_section_words(u->ws, section, words, sizeof words));
	return 0;
}

static void ov_minutes(ui *u)
{
	listview *ov = ui_private(u, &screen_overview);
	char intro[200], now[16] = "";
	form_spec f;
	int set = pacing_section_set(u->ws, ov->sel);

	if (set)
		snprintf(now, sizeof now, "%d", set);
	memset(&f, 0, sizeof f);
	f.title = "Plan the section's minutes";
	f.intro = pacing_minutes_prompt(u->ws, ov->sel, intro, sizeof intro);
	f.fields[0].label = "Minutes";
	f.fields[0].value = now;
	f.fields[0].max_len = 3;
	f.n_fields = 1;
	f.submit = minutes_submit;
	f.ctx = ov;
	screen_form_open(u, &f);
}

static void ov_action(ui *u, enum action a, int arg)
{
	listview *ov = ui_private(u, &screen_overview);

	(void)arg;
	if (listview_action(ov, a, ov_height(u)))
		ui_dirty(u, DIRTY_BODY);
	else if (a == ACT_JUMP)
		ov_jump(u);
	else if (a == ACT_SECTION_MINUTES)
		ov_minutes(u);
	else if (a == ACT_SUMMARY)
		ui_push(u, &screen_summary);
}

static void ov_resize(ui *u)
{
	listview *ov = ui_private(u, &screen_overview);

	listview_fit(ov, ov_height(u));
}

const screen_ops screen_overview = {
	.name = "overview",
	.scope = SC_SUB | SC_LIST | SC_OVERVIEW,
	.private_size = sizeof(listview),
	.enter = ov_enter,
	.draw = ov_draw,
	.action = ov_action,
	.resize = ov_resize,
};
