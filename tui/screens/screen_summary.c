/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_summary.c - the session at a glance, for the end of a workshop:
 * the profile (sections x stages, with counts and bars drawn in text), the
 * rows where views differ widely, the action plan, what became of the
 * previous session's actions (when some were brought), what changed since
 * the organisation's previous session, and its trend and benchmark
 * (summary_compare.c).
 *
 * Everything shown comes from the one summary model (report/summary.h),
 * the same one the printed report is written from, so the screen and the
 * paper can never disagree; it is loaded again each time the screen is
 * entered, which costs one session's worth of queries.
 *
 * The body is a fixed heading line over a list of lines that scrolls as
 * one.  On an ordinary terminal every part takes the full width, one under
 * the other.  From UI_WIDE_COLS the profile gets whole titles and wider
 * bars, the action plan room for the actions' own words (what the
 * practices take away), and the disagreements and the changes stand side
 * by side below them, so a projected 132x40 screen shows it all at once.
 * Meaning is never carried by colour: bars come with their count, flagged
 * rows carry "!", changes are named in words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "listview.h"
#include "live.h"
#include "report_file.h"
#include "screens.h"
#include "summary.h"
#include "summary_compare.h"
#include "summary_profile.h"
#include "text.h"

/* What one line of a column shows; `idx` picks the section, row or plan
 * entry of the model. */
enum sum_kind {
	SL_NONE,            /* nothing: the shorter column of a pair */
	SL_HEADING,         /* text, bold */
	SL_TEXT,            /* text */
	SL_PROFILE_HEAD,
	SL_PROFILE,         /* idx: section; text: its title's first line */
	SL_TOTAL,           /* text: "All sections" or its first line */
	SL_PROFILE_MORE,    /* text: a further line of the title above */
	SL_FLAG,            /* idx: row */
	SL_FLAG_VOTES,      /* text: the row's vote spread, under it */
	SL_PLAN_HEAD,
	SL_PLAN,            /* idx: plan entry */
	SL_CHANGE,          /* idx: row */
	SL_COMPARE          /* idx: a line of the trend and benchmark */
};

typedef struct sum_cell {
	int kind;
	size_t idx;
	char *text;         /* owned; NULL where the kind needs none */
} sum_cell;

/* A line spans the body, or holds a left and a right column. */
typedef struct sum_line {
	sum_cell left, right;
	int span;
} sum_line;

typedef struct cell_list {
	sum_cell *v;
	size_t n, cap;
} cell_list;

typedef struct summary_state {
	report_summary *sm;
	sum_line *lines;
	size_t n_lines;
	int wide;           /* the layout the lines were built for */
	int cols;           /* the width they were built for (titles wrap) */
	listview lv;        /* lv.top: the first line shown; lv.n: lines */
	summary_profile profile;
	summary_compare compare;
	report_file report; /* where p and P write the report */
	unsigned long long reloads;  /* the workshop's when it was loaded */
} summary_state;

/* Lines above the scrolling part: the heading. */
#define SUM_TOP 1

/* ------------------------------------------------------------ building */

static void cells_add(cell_list *l, int kind, size_t idx, char *text)
{
	l->v = ui_xgrow(l->v, l->n, &l->cap, sizeof *l->v, 32);
	l->v[l->n].kind = kind;
	l->v[l->n].idx = idx;
	l->v[l->n].text = text;
	l->n++;
}

static void cells_blank(cell_list *l)
{
	cells_add(l, SL_NONE, 0, NULL);
}

/* "1.2": the row's place among the rows of its section that apply, as the
 * printed report numbers it. */
static void row_number(const report_summary *sm, const summary_row *r,
		       char *out, size_t size)
{
	const summary_section *sec = &sm->sections[r->section];

	snprintf(out, size, "%zu.%zu", r->section + 1,
		 (size_t)(r - sm->rows) - sec->first_row + 1);
}

/* The profile's line `kind` for a title, then a line for each further
 * piece of it when it is longer than the title column `tw`. */
static void add_title(cell_list *l, int kind, size_t idx, const char *title, int tw)
{
	text_line parts[16];
	size_t n = text_wrap(title, tw > 3 ? (size_t)tw : 3, parts, 16), k;

	if (n > 1)      /* room for the indent of the lines after the first */
		n = text_wrap(title, tw > 6 ? (size_t)tw - 3 : 3, parts, 16);
	for (k = 0; k < n && k < 16; k++) {
		char *t = ui_xprintf("%s%.*s", k ? "   " : "", (int)parts[k].len,
				  title + parts[k].start);

		cells_add(l, k ? SL_PROFILE_MORE : kind, idx, t);
	}
	if (!n)
		cells_add(l, kind, idx, ui_xprintf("%s", title));
}

/* Below this many columns a title goes on lines of its own above its
 * counts, wrapped to the whole width, rather than a word a line. */
#define SUM_TITLE_NARROW 16

/* A title on its own lines above its counts, which get `kind` with the
 * number alone. */
static void add_title_above(cell_list *l, int kind, size_t idx, const char *num,
			    const char *title, int fw)
{
	text_line parts[16];
	size_t n = text_wrap(title, fw > 6 ? (size_t)fw - 3 : 3, parts, 16), k;

	for (k = 0; k < n && k < 16; k++)
		cells_add(l, SL_TEXT, 0, ui_xprintf("%s%.*s", k ? "   " : num,
			  (int)parts[k].len, title + parts[k].start));
	cells_add(l, kind, idx, ui_xprintf("%s", n ? "" : title));
}

static void build_profile(const report_summary *sm, cell_list *l, int tw, int fw)
{
	const summary_counts *t = &sm->totals;
	int agreed = t->rows - t->not_applicable - t->not_discussed - t->not_agreed;
	size_t i;

	cells_add(l, SL_TEXT, 0, ui_xprintf("%d of %d rows agreed, %d not applicable, "
		  "%d parked or not reached yet.", agreed, t->rows,
		  t->not_applicable, t->not_discussed + t->not_agreed));
	cells_blank(l);
	cells_add(l, SL_PROFILE_HEAD, 0, NULL);
	for (i = 0; i < sm->n_sections; i++) {
		char *title;

		if (!sm->sections[i].n_rows)   /* none of its rows apply: left out */
			continue;
		title = ui_xprintf("%2zu ", i + 1);
		if (tw < SUM_TITLE_NARROW) {
			add_title_above(l, SL_PROFILE, i, title,
					sm->sections[i].section->title, fw);
		} else {
			char *whole = ui_xprintf("%s%s", title, sm->sections[i].section->title);

			/* Continuation lines are indented past the number. */
			add_title(l, SL_PROFILE, i, whole, tw);
			free(whole);
		}
		free(title);
	}
	if (tw < SUM_TITLE_NARROW)
		add_title_above(l, SL_TOTAL, 0, "", "All sections", fw);
	else
		add_title(l, SL_TOTAL, 0, "All sections", tw);
	cells_blank(l);
}

/* A part with nothing in it: its heading and a line saying so. */
static void build_none(cell_list *l, const char *heading, const char *text)
{
	cells_add(l, SL_HEADING, 0, ui_xprintf("%s", heading));
	cells_add(l, SL_TEXT, 0, ui_xprintf("%s", text));
	cells_blank(l);
}

/* Who scored how many rows before the workshop, never the values;
 * nothing when nobody scored. */
static void build_scores(const report_summary *sm, cell_list *l)
{
	rowfacts_progress pr;
	char *gone;

	rowfacts_score_progress(sm->matrix, sm->session, sm->answers, &pr);
	if (pr.votes_before) {
		char *said = rowfacts_progress_sentence(&pr, sm->session);

		cells_add(l, SL_HEADING, 0, ui_xprintf("Scores"));
		cells_add(l, SL_TEXT, 0, said ? said : ui_xstrdup("?"));
		gone = rowfacts_gone_sentence(&pr);
		if (gone && *gone)
			cells_add(l, SL_TEXT, 0, gone);
		else
			free(gone);
		cells_blank(l);
	}
	rowfacts_progress_free(&pr);
}

/* The row's disagreement: views differ widely, or the room agreed a stage
 * outside every vote. */
static int row_disagrees(const summary_row *r)
{
	rowfacts_state fs = { r->state, r->stage };

	return rowfacts_disagrees(fs, &r->votes);
}

static void build_flags(const report_summary *sm, cell_list *l)
{
	size_t i;
	int n = 0;

	for (i = 0; i < sm->n_rows; i++)
		n += row_disagrees(&sm->rows[i]);
	if (!n) {
		build_none(l, "Disagreements: no row",
			   "No votes two stages apart; no stage agreed outside the votes.");
		return;
	}
	cells_add(l, SL_HEADING, 0, ui_xprintf("Disagreements (!): %d row%s", n,
		  n == 1 ? "" : "s"));
	for (i = 0; i < sm->n_rows; i++) {
		const summary_row *r = &sm->rows[i];
		rowfacts_state fs = { r->state, r->stage };
		char why[64], *v;

		if (!row_disagrees(r))
			continue;
		v = summary_votes_text(sm, &r->votes);
		rowfacts_disagreement_text(fs, &r->votes, why, sizeof why);
		cells_add(l, SL_FLAG, i, NULL);
		cells_add(l, SL_FLAG_VOTES, i, ui_xprintf("%s: %s", why, v ? v : "?"));
		free(v);
	}
	cells_blank(l);
}

static void build_plan(const report_summary *sm, cell_list *l)
{
	size_t i;

	if (!sm->n_plan) {
		build_none(l, "Action plan: no actions",
			   "None recorded yet (a in the walk adds one).");
		return;
	}
	cells_add(l, SL_HEADING, 0, ui_xprintf("Action plan: %zu action%s, by due date",
		  sm->n_plan, sm->n_plan == 1 ? "" : "s"));
	cells_add(l, SL_PLAN_HEAD, 0, NULL);
	for (i = 0; i < sm->n_plan; i++)
		cells_add(l, SL_PLAN, i, NULL);
	cells_blank(l);
}

/* The previous session's actions and what became of each, in the text
 * report's words: the outcome, the action, then its owner, due date and
 * row below; nothing when none were brought. */
static void build_brought(const report_summary *sm, cell_list *l)
{
	const char *from = summary_brought_from(sm);
	size_t i;

	if (!from)
		return;
	cells_add(l, SL_HEADING, 0, ui_xprintf("Actions from %s", from));
	for (i = 0; i < sm->answers->n_brought; i++) {
		const store_brought *b = &sm->answers->brought[i];
		char *more = summary_brought_details(sm, b);

		cells_add(l, SL_TEXT, 0, ui_xprintf("%-17s %s",
			  store_outcome_words(b->outcome), b->text));
		cells_add(l, SL_TEXT, 0, ui_xprintf("%18s%s", "", more ? more : "?"));
		free(more);
	}
	cells_blank(l);
}

static void format_date(long long t, char out[16])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm))
		snprintf(out, 16, "unknown");
}

static void build_changes(const report_summary *sm, cell_list *l)
{
	const summary_changes *c = &sm->changes;
	const char *org = sm->session->organisation;
	char date[16];
	size_t i;

	cells_add(l, SL_HEADING, 0, ui_xprintf("Since the previous session"));
	if (!sm->previous) {
		cells_add(l, SL_TEXT, 0, ui_xprintf("No earlier session of %s on this "
			  "matrix.", *org ? org : "this organisation"));
		return;
	}
	format_date(sm->previous->created, date);
	cells_add(l, SL_TEXT, 0, ui_xprintf("Compared with '%s' of %s:",
		  sm->previous->name, date));
	cells_add(l, SL_TEXT, 0, ui_xprintf("%d up, %d down, %d same, %d new, "
		  "%d no longer agreed, %d not yet discussed%s", c->up, c->down,
		  c->same, c->added, c->dropped, c->not_reached,
		  c->not_in_previous ? "; some rows not compared:" : "."));
	for (i = 0; i < sm->n_rows; i++)
		if (sm->rows[i].change != SUMMARY_CHANGE_NONE)
			cells_add(l, SL_CHANGE, i, NULL);
}

static void lines_free(summary_state *ss)
{
	size_t i;

	for (i = 0; i < ss->n_lines; i++) {
		free(ss->lines[i].left.text);
		free(ss->lines[i].right.text);
	}
	free(ss->lines);
	ss->lines = NULL;
	ss->n_lines = 0;
	summary_compare_free(&ss->compare);
}

static sum_line *line_new(summary_state *ss)
{
	sum_line *ln = &ss->lines[ss->n_lines++];

	memset(ln, 0, sizeof *ln);
	return ln;
}

/* Moves the cells into spanning lines (the cells' texts change owner). */
static void lines_span(summary_state *ss, cell_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		sum_line *ln = line_new(ss);

		ln->left = l->v[i];
		ln->span = 1;
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Two columns side by side, as long as the longer one. */
static void lines_pair(summary_state *ss, cell_list *a, cell_list *b)
{
	size_t i, n = a->n > b->n ? a->n : b->n;

	for (i = 0; i < n; i++) {
		sum_line *ln = line_new(ss);

		if (i < a->n)
			ln->left = a->v[i];
		if (i < b->n)
			ln->right = b->v[i];
	}
	free(a->v);
	free(b->v);
	memset(a, 0, sizeof *a);
	memset(b, 0, sizeof *b);
}

/* The lines for the current width: one column, or from UI_WIDE_COLS the
 * disagreements and the changes in two columns under the plan. */
static void lines_build(ui *u)
{
	summary_state *ss = ui_private(u, &screen_summary);
	cell_list prof = { 0 }, flags = { 0 }, plan = { 0 }, changes = { 0 };
	cell_list compare = { 0 }, brought = { 0 };
	size_t k;

	lines_free(ss);
	ss->wide = u->cols >= UI_WIDE_COLS;
	ss->cols = u->cols;
	if (!ss->sm)
		return;
	build_profile(ss->sm, &prof,
		      summary_profile_title_width(&ss->profile, ss->sm, u->cols - 2),
		      u->cols - 2);
	build_scores(ss->sm, &prof);
	build_flags(ss->sm, &flags);
	build_plan(ss->sm, &plan);
	build_brought(ss->sm, &brought);
	build_changes(ss->sm, &changes);
	summary_compare_build(&ss->compare, ss->sm, u->cols - 2);
	cells_blank(&compare);
	for (k = 0; k < ss->compare.n; k++)
		cells_add(&compare, SL_COMPARE, k, NULL);
	ss->lines = ui_xmalloc((prof.n + flags.n + plan.n + brought.n + changes.n +
				compare.n) * sizeof *ss->lines);
	lines_span(ss, &prof);
	if (ss->wide) {
		lines_span(ss, &plan);
		lines_span(ss, &brought);
		lines_pair(ss, &flags, &changes);
	} else {
		lines_span(ss, &flags);
		lines_span(ss, &plan);
		lines_span(ss, &brought);
		lines_span(ss, &changes);
	}
	lines_span(ss, &compare);
	ss->lv.n = ss->n_lines;
}

/* ------------------------------------------------------------ drawing */

/* A section's line of the profile (summary_profile.c draws the table),
 * with the first line of its title. */
static void draw_profile(ui *u, int y, int x, int width, const sum_cell *c)
{
	summary_state *ss = ui_private(u, &screen_summary);
	const summary_section *sec = &ss->sm->sections[c->idx];

	summary_profile_line(&ss->profile, u->body, y, x, width, ss->sm, c->text,
			     &sec->counts, ss->sm->max_section_rows, A_NORMAL);
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The row's number and title in `width` columns. */
static void draw_row_ref(ui *u, int y, int x, int width, const summary_row *r,
			 attr_t at)
{
	summary_state *ss = ui_private(u, &screen_summary);

	char num[32], buf[512];

	row_number(ss->sm, r, num, sizeof num);
	snprintf(buf, sizeof buf, "%s %s", num, r->row->title);
	draw_text(u->body, y, x, width, buf, at);
}

/* "! 1.2 Title", and the spread on the next line (SL_FLAG_VOTES): the
 * model's words for it are too long to share a line with the title. */
static void draw_flag(ui *u, int y, int x, int width, size_t row)
{
	summary_state *ss = ui_private(u, &screen_summary);

	draw_text(u->body, y, x, 2, "!", draw_attr(ATTR_HEADING));
	draw_row_ref(u, y, x + 2, width - 2, &ss->sm->rows[row], A_NORMAL);
}

/* Columns of the action plan: done mark, due date, action, owner, row;
 * the action's text takes what the others leave. */
typedef struct plan_cols {
	int due, text, owner, row;      /* x of each */
	int text_w, owner_w, row_w;
} plan_cols;

static void plan_layout(int x, int width, plan_cols *p)
{
	p->owner_w = clamp(width / 7, 9, 24);
	p->row_w = clamp(width / 5, 6, 32);
	p->text_w = width - 17 - 2 - p->owner_w - p->row_w;
	p->due = x + 5;
	p->text = x + 17;
	p->owner = p->text + p->text_w + 1;
	p->row = p->owner + p->owner_w + 1;
}

static void draw_plan_head(ui *u, int y, int x, int width)
{
	attr_t at = draw_attr(ATTR_HEADING);
	plan_cols p;

	plan_layout(x, width, &p);
	draw_text(u->body, y, x, 4, "Done", at);
	draw_text(u->body, y, p.due, 10, "Due", at);
	draw_text(u->body, y, p.text, p.text_w, "Action", at);
	draw_text(u->body, y, p.owner, p.owner_w, "Owner", at);
	draw_text(u->body, y, p.row, p.row_w, "Row", at);
}

static void draw_plan(ui *u, int y, int x, int width, size_t idx)
{
	summary_state *ss = ui_private(u, &screen_summary);
	const summary_action *pa = &ss->sm->plan[idx];
	const store_action *a = pa->action;
	plan_cols p;
	char due[32];

	plan_layout(x, width, &p);
	draw_text(u->body, y, x, 3, a->done ? "[x]" : "[ ]", A_NORMAL);
	draw_text(u->body, y, p.due, 11, *a->due ? text_date_show(a->due, due, sizeof due)
		  : "no date", A_NORMAL);
	draw_text(u->body, y, p.text, p.text_w, a->text, A_NORMAL);
	draw_text(u->body, y, p.owner, p.owner_w, *a->owner ? a->owner : "-", A_NORMAL);
	if (pa->row)
		draw_row_ref(u, y, p.row, p.row_w, pa->row, A_NORMAL);
	else
		draw_text(u->body, y, p.row, p.row_w, a->row_id, A_NORMAL);
}

/* "up  1.2 Title  Start -> Build": the change in words, so it needs no
 * colour; moves up or down are bold. */
static void draw_change(ui *u, int y, int x, int width, size_t idx)
{
	summary_state *ss = ui_private(u, &screen_summary);
	const summary_row *r = &ss->sm->rows[idx];
	const content_matrix *m = ss->sm->matrix;
	int moved = r->change == SUMMARY_CHANGE_UP || r->change == SUMMARY_CHANGE_DOWN;
	int sw = clamp(width * 40 / 100, 16, 40), tw = width - 9 - sw - 1;
	rowfacts_state fs = { r->state, r->stage };
	char buf[256], now[128];

	if (r->change == SUMMARY_CHANGE_NOT_IN_PREVIOUS) {
		/* Nothing to compare with: say why instead of a move. */
		sw = clamp(width * 40 / 100, 20, 40);
		draw_row_ref(u, y, x + 9, width - 9 - sw - 1, r, A_NORMAL);
		draw_text(u->body, y, x + width - sw, sw,
			  summary_not_in_previous_text(ss->sm, r, buf, sizeof buf), A_NORMAL);
		return;
	}
	draw_text(u->body, y, x, 8, summary_change_name(r->change),
		  moved ? draw_attr(ATTR_HEADING) : A_NORMAL);
	draw_row_ref(u, y, x + 9, tw, r, A_NORMAL);
	snprintf(buf, sizeof buf, "%.100s -> %.100s",
		 r->prev_stage_label ? r->prev_stage_label : "not agreed",
		 rowfacts_state_text(m, fs, ROWFACTS_CHANGE, now, sizeof now));
	draw_text(u->body, y, x + width - sw, sw, buf, A_NORMAL);
}

static void draw_cell(ui *u, int y, int x, int width, const sum_cell *c)
{
	summary_state *ss = ui_private(u, &screen_summary);

	switch (c->kind) {
	case SL_HEADING:
		draw_text(u->body, y, x, width, c->text, draw_attr(ATTR_HEADING));
		break;
	case SL_TEXT:
		draw_text(u->body, y, x, width, c->text, A_NORMAL);
		break;
	case SL_PROFILE_HEAD:
		summary_profile_head(&ss->profile, u->body, y, x, width, ss->sm);
		break;
	case SL_PROFILE: draw_profile(u, y, x, width, c); break;
	case SL_TOTAL:
		summary_profile_line(&ss->profile, u->body, y, x, width, ss->sm, c->text,
				     &ss->sm->totals, 0, draw_attr(ATTR_HEADING));
		break;
	case SL_PROFILE_MORE:
		draw_text(u->body, y, x, summary_profile_title_width(&ss->profile, ss->sm,
			  width), c->text, A_NORMAL);
		break;
	case SL_FLAG: draw_flag(u, y, x, width, c->idx); break;
	case SL_FLAG_VOTES:
		draw_text(u->body, y, x + 6, width - 6, c->text, A_NORMAL);
		break;
	case SL_PLAN_HEAD: draw_plan_head(u, y, x, width); break;
	case SL_PLAN: draw_plan(u, y, x, width, c->idx); break;
	case SL_CHANGE: draw_change(u, y, x, width, c->idx); break;
	case SL_COMPARE:
		summary_compare_draw(u->body, y, x, width, &ss->compare.v[c->idx]);
		break;
	default: break;
	}
}

/* ------------------------------------------------------------ the screen */

static size_t sum_height(const ui *u)
{
	int h = getmaxy(u->body) - SUM_TOP;

	return h > 0 ? (size_t)h : 1;
}

/* The heading: whose summary, and where the scrolling part stands. */
static void draw_top(ui *u)
{
	summary_state *ss = ui_private(u, &screen_summary);
	const store_session *s = ss->sm->session;
	size_t h = sum_height(u), last = ss->lv.top + h;
	char right[64] = "";
	int rw;

	if (ss->n_lines > h)
		snprintf(right, sizeof right, "lines %zu-%zu of %zu (j/k)",
			 ss->lv.top + 1, last < ss->n_lines ? last : ss->n_lines, ss->n_lines);
	rw = (int)strlen(right);
	draw_fmt(u->body, 0, 1, u->cols - rw - 4, draw_attr(ATTR_HEADING),
		 "Summary: %s%s%s", s->name, *s->organisation ? ", " : "",
		 s->organisation);
	draw_text(u->body, 0, u->cols - rw - 1, rw, right, A_NORMAL);
}

static void sum_draw(ui *u)
{
	summary_state *ss = ui_private(u, &screen_summary);

	size_t i, h = sum_height(u);
	int lw = (u->cols - 5) / 2, rx = 1 + lw + 3;

	if (!ss->sm) {
		draw_text(u->body, 1, 1, u->cols - 2, "The summary could not be "
			  "loaded; q goes back.", A_NORMAL);
		return;
	}
	draw_top(u);
	for (i = ss->lv.top; i < ss->n_lines && i < ss->lv.top + h; i++) {
		const sum_line *ln = &ss->lines[i];
		int y = SUM_TOP + (int)(i - ss->lv.top);

		if (ln->span) {
			draw_cell(u, y, 1, u->cols - 2, &ln->left);
			continue;
		}
		draw_cell(u, y, 1, lw, &ln->left);
		draw_cell(u, y, rx, u->cols - rx - 1, &ln->right);
	}
}

static void sum_load(ui *u)
{
	summary_state *ss = ui_private(u, &screen_summary);
	store_error err;

	report_summary_free(ss->sm);
	ss->sm = NULL;
	summary_profile_reset(&ss->profile);
	ss->reloads = u->ws->reloads;
	if (report_summary_load(u->st, &u->ws->s, &ss->sm, &err) != 0)
		ui_error(u, &err);
	lines_build(u);
	listview_scroll_fit(&ss->lv, sum_height(u));
}

static void sum_enter(ui *u)
{
	summary_state *ss = ui_private(u, &screen_summary);

	ss->lv.top = 0;
	sum_load(u);
}

static void sum_leave(ui *u)
{
	summary_state *ss = ui_private(u, &screen_summary);

	lines_free(ss);
	report_summary_free(ss->sm);
	ss->sm = NULL;
}

/* Rebuilt when the width changes: the profile's titles wrap to it. */
static void sum_resize(ui *u)
{
	summary_state *ss = ui_private(u, &screen_summary);

	if (u->cols != ss->cols)
		lines_build(u);
	listview_scroll_fit(&ss->lv, sum_height(u));
}

/* Votes and answers given from other terminals (join) show at once. */
static void sum_changed(ui *u, unsigned what)
{
	if (what & LIVE_SESSION) {
		sum_load(u);
		ui_dirty(u, DIRTY_BODY);
	}
}

/* Back from a screen that changed the session (the review of last
 * session's actions): its outcomes show.  Back from help, nothing is
 * read again. */
static void sum_resume(ui *u)
{
	summary_state *ss = ui_private(u, &screen_summary);

	if (ss->reloads != u->ws->reloads) {
		sum_load(u);
		ui_dirty(u, DIRTY_BODY);
	}
}

static void sum_action(ui *u, enum action a, int arg)
{
	summary_state *ss = ui_private(u, &screen_summary);

	(void)arg;
	if (listview_scroll(&ss->lv, a, sum_height(u)))
		ui_dirty(u, DIRTY_BODY);
	else if (a == ACT_REPORT_AS)
		report_file_write_as(u, &ss->report);
	else if (a == ACT_REPORT)
		report_file_write(u, &ss->report);
	else if (a == ACT_BROUGHT)
		screen_brought_open(u);
}

const screen_ops screen_summary = {
	.name = "summary",
	.scope = SC_SUB | SC_LIST | SC_SUMMARY,
	.private_size = sizeof(summary_state),
	.enter = sum_enter,
	.resume = sum_resume,
	.leave = sum_leave,
	.draw = sum_draw,
	.action = sum_action,
	.resize = sum_resize,
	.changed = sum_changed,
};
