/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_text.c - the printable report: what the practices take away.
 *
 * Layout, in order: a cover (session, organisation, type, date,
 * facilitator, participants, matrix and its provenance, progress); the
 * profile (sections x stages with '#' bars); each section with each of its
 * rows (agreed stage and its descriptor, the vote spread with "[!]" where
 * views differ widely or the agreed stage is outside every vote, the
 * note); the action plan; changes since the previous session; the
 * disagreements; rows parked or not reached yet; when the matrix has
 * one, an appendix with its glossary.  The rows' prompts and evidence, for
 * the facilitator, are printed only when asked for.  Rows are numbered
 * "section.row" among the rows that apply, so the action plan can refer to
 * them.  Every piece of text goes through report_doc, which cleans, wraps
 * and pages it.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_doc.h"
#include "text.h"

#define LEAD_WIDTH 15   /* "Organisation:  " */

static void format_date(long long t, char out[16])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm))
		strcpy(out, "unknown");
}

static const char *track_words(unsigned track)
{
	return track == CONTENT_TRACK_PCN ? "Primary Care Network (PCN)"
		: "Larger-scale general practice organisation (LGPO)";
}

/* A cover line: a label padded to LEAD_WIDTH, then wrapped text. */
static void field(report_doc *d, const char *label, const char *text)
{
	char lead[LEAD_WIDTH + 1];

	snprintf(lead, sizeof lead, "%-*s", LEAD_WIDTH, label);
	report_doc_para(d, 0, lead, text && *text ? text : "(not given)", 0);
}

/* Owns `s`: a paragraph of composed text, freed afterwards. */
static void para_owned(report_doc *d, size_t indent, const char *lead, char *s)
{
	report_doc_para(d, indent, lead, s ? s : "?", 0);
	free(s);
}

static char *join_participants(const store_session *s)
{
	size_t i, len = 1;
	char *out;

	for (i = 0; i < s->n_participants; i++)
		len += strlen(s->participants[i]) + 2;
	if (!(out = calloc(len, 1)))
		return NULL;
	for (i = 0; i < s->n_participants; i++) {
		if (i)
			strcat(out, ", ");
		strcat(out, s->participants[i]);
	}
	return out;
}

/* Private scores given before the workshop: how many votes, who scored
 * how many rows (never the values), and the rows scored that this
 * session's matrix does not have.  Nothing when nobody scored. */
static void write_scores(report_doc *d, const report_summary *sm)
{
	rowfacts_progress pr;
	char *gone;

	rowfacts_score_progress(sm->matrix, sm->session, sm->answers, &pr);
	if (pr.votes_before) {
		para_owned(d, 0, "Scores:        ", rowfacts_progress_sentence(&pr, sm->session));
		gone = rowfacts_gone_sentence(&pr);
		if (gone && *gone)
			para_owned(d, 15, NULL, gone);
		else
			free(gone);
	}
	rowfacts_progress_free(&pr);
}

static void write_cover(report_doc *d, const report_summary *sm)
{
	const store_session *s = sm->session;
	const content_matrix *m = sm->matrix;
	const summary_counts *t = &sm->totals;
	char date[16];

	report_doc_heading(d, "Workshop report", '=');
	report_doc_blank(d);
	format_date(s->created, date);
	field(d, "Session:", s->name);
	field(d, "Organisation:", s->organisation);
	field(d, "Type:", track_words(s->track));
	field(d, "Date:", date);
	field(d, "Facilitator:", s->facilitator);
	para_owned(d, 0, "Participants:  ", s->n_participants
		   ? join_participants(s) : strdup("(none recorded)"));
	para_owned(d, 0, "Matrix:        ",
		   report_doc_strf("%s, version %s", m->title, m->version));
	field(d, "Source:", m->source);
	para_owned(d, 0, "Progress:      ", report_doc_strf(
		"%d of %d rows agreed, %d not applicable, %d parked, "
		"%d not reached yet.", t->rows - t->not_applicable - t->not_discussed
		- t->not_agreed, t->rows, t->not_applicable, t->not_discussed,
		t->not_agreed));
	write_scores(d, sm);
}

/* ---------------------------------------------------------- profile */

typedef struct profile_layout {
	size_t title_w;      /* section title column */
	size_t cell_w;       /* each stage column */
	size_t bar_w;        /* room for bars in a stage column */
	size_t num_w;        /* digits of the largest count */
} profile_layout;

static size_t digits(int n)
{
	size_t k = 1;

	while (n >= 10)
		n /= 10, k++;
	return k;
}

/* The widest bars (up to 20 columns) that leave `title_min` columns for
 * the section titles. */
static int try_layout(size_t n, size_t label_w, size_t width, size_t title_min,
		      profile_layout *l)
{
	size_t fixed = 5 + 9;

	for (l->bar_w = 20; l->bar_w >= 1; l->bar_w--) {
		l->cell_w = l->num_w + 1 + l->bar_w;
		if (l->cell_w < label_w)
			l->cell_w = label_w;
		if (fixed + n * (l->cell_w + 2) + title_min <= width) {
			l->title_w = width - fixed - n * (l->cell_w + 2);
			return 0;
		}
	}
	return -1;
}

/* Fits the table in the width.  Returns -1 when even one-column bars
 * leave less than 16 columns for the titles (many or long stages). */
static int layout_profile(const report_summary *sm, size_t width,
			  profile_layout *l)
{
	size_t k, label_w = 0, n = sm->matrix->n_stages;

	for (k = 0; k < n; k++)
		if (text_width(sm->matrix->stages[k].label) > label_w)
			label_w = text_width(sm->matrix->stages[k].label);
	l->num_w = digits(sm->totals.rows);
	/* Generous bars while the titles keep 28 columns, else down to 16. */
	if (try_layout(n, label_w, width, 28, l) == 0 ||
	    try_layout(n, label_w, width, 16, l) == 0)
		return 0;
	return -1;
}

/* Pads `line` with spaces up to column `col`. */
static void pad_to(char *line, size_t col)
{
	size_t w = text_width(line), len = strlen(line);

	for (; w < col; w++)
		line[len++] = ' ';
	line[len] = '\0';
}

/* A count and a bar of '#' scaled so `max` fills the column. */
static void bar_cell(char *line, const profile_layout *l, int count, int max)
{
	size_t start = text_width(line), bars = 0, len;

	if (count > 0 && max > 0)
		bars = ((size_t)count * l->bar_w + (size_t)max - 1) / (size_t)max;
	if (bars > l->bar_w)
		bars = l->bar_w;
	sprintf(line + strlen(line), "%*d", (int)l->num_w, count);
	if (bars) {
		len = strlen(line);
		line[len++] = ' ';
		memset(line + len, '#', bars);
		line[len + bars] = '\0';
	}
	pad_to(line, start + l->cell_w + 2);
}

/* The N/A and "not yet" columns after the stage columns. */
static void tail_cells(char *line, const summary_counts *c)
{
	sprintf(line + strlen(line), "%3d  %7d", c->not_applicable,
		c->not_discussed + c->not_agreed);
}

/* One table row; `title` (cleaned) wraps inside its column.  `max` 0
 * draws no bars (the totals line). */
static void profile_row(report_doc *d, const report_summary *sm,
			const profile_layout *l, const char *title,
			const summary_counts *c, int max)
{
	size_t n = text_wrap(title, l->title_w, NULL, 0), i, k;
	text_line *ls = calloc(n ? n : 1, sizeof *ls);
	char *line = malloc((size_t)report_doc_width(d) * 4 + 64);

	if (!ls || !line) {
		free(ls);
		free(line);
		return;
	}
	text_wrap(title, l->title_w, ls, n);
	for (i = 0; i < n; i++) {
		memcpy(line, title + ls[i].start, ls[i].len);
		line[ls[i].len] = '\0';
		if (i == 0) {
			pad_to(line, l->title_w + 2);
			for (k = 0; k < sm->matrix->n_stages; k++)
				bar_cell(line, l, c->at_stage[k], max);
			tail_cells(line, c);
		}
		report_doc_line(d, line);
		if (i + 1 < n)
			report_doc_keep(d, 1);
	}
	free(ls);
	free(line);
}

/* The column titles and a rule under each column. */
static void profile_head(report_doc *d, const report_summary *sm,
			 const profile_layout *l)
{
	char *line = malloc((size_t)report_doc_width(d) * 4 + 64);
	char *rule = malloc((size_t)report_doc_width(d) + 64);
	size_t k, col;

	if (!line || !rule) {
		free(line);
		free(rule);
		return;
	}
	strcpy(line, "Section");
	pad_to(line, l->title_w + 2);
	memset(rule, '-', l->title_w);
	rule[l->title_w] = '\0';
	pad_to(rule, l->title_w + 2);
	for (k = 0, col = l->title_w + 2; k < sm->matrix->n_stages; k++) {
		char *lab = report_doc_clean(d, sm->matrix->stages[k].label);

		strcat(line, lab);
		col += l->cell_w + 2;
		pad_to(line, col);
		memset(rule + strlen(rule), '-', l->cell_w);
		rule[col - 2] = '\0';
		pad_to(rule, col);
		free(lab);
	}
	strcat(line, "N/A  Not yet");
	strcat(rule, "---  -------");
	report_doc_line(d, line);
	report_doc_keep(d, 3);
	report_doc_line(d, rule);
	free(line);
	free(rule);
}

/* When the stages do not fit side by side: one block per section. */
static void profile_stacked(report_doc *d, const report_summary *sm)
{
	size_t i, k;

	for (i = 0; i < sm->n_sections; i++) {
		const summary_counts *c = &sm->sections[i].counts;

		if (!sm->sections[i].n_rows)
			continue;
		report_doc_para(d, 0, NULL, sm->sections[i].section->title, 0);
		report_doc_keep(d, 1);
		for (k = 0; k < sm->matrix->n_stages; k++)
			para_owned(d, 2, NULL, report_doc_strf("%s: %d",
				   sm->matrix->stages[k].label, c->at_stage[k]));
		para_owned(d, 2, NULL, report_doc_strf(
			"Not applicable: %d; parked or not reached yet: %d", c->not_applicable,
			c->not_discussed + c->not_agreed));
	}
}

static void write_profile(report_doc *d, const report_summary *sm)
{
	profile_layout l;
	size_t i;

	report_doc_blank(d);
	report_doc_heading(d, "Profile", '=');
	report_doc_para(d, 0, NULL, "Rows at each agreed stage, by section; "
			"'Not yet' counts rows parked or not reached yet.", 0);
	report_doc_blank(d);
	if (layout_profile(sm, (size_t)report_doc_width(d), &l) < 0) {
		profile_stacked(d, sm);
		return;
	}
	profile_head(d, sm, &l);
	for (i = 0; i < sm->n_sections; i++) {
		char *t;

		if (!sm->sections[i].n_rows)
			continue;   /* none of its rows apply to this track */
		t = report_doc_clean(d, sm->sections[i].section->title);

		profile_row(d, sm, &l, t, &sm->sections[i].counts,
			    sm->max_section_rows);
		free(t);
	}
	profile_row(d, sm, &l, "All sections", &sm->totals, 0);
}

/* ---------------------------------------------------------- sections */

/* "1.2": the row's place among the rows of its section that apply. */
static void row_number(const report_summary *sm, const summary_row *r,
		       char out[32])
{
	const summary_section *sec = &sm->sections[r->section];

	snprintf(out, 32, "%zu.%zu", r->section + 1,
		 (size_t)(r - sm->rows) - sec->first_row + 1);
}

/* The row's state as the report words it: the agreed stage's label,
 * or the state's words from rowfacts. */
static const char *row_state(const report_summary *sm, const summary_row *r,
			     char *buf, size_t size)
{
	rowfacts_state fs = { r->state, r->stage };

	return rowfacts_state_text(sm->matrix, fs, ROWFACTS_REPORT, buf, size);
}

/* The facilitator's questions and what to look for, under the row. */
static void write_prompts(report_doc *d, const content_row *row)
{
	size_t k;

	for (k = 0; k < row->n_prompts; k++)
		report_doc_para(d, 2, "Prompt: ", row->prompts[k], 0);
	if (*row->evidence)
		report_doc_para(d, 2, "Evidence: ", row->evidence, 0);
}

/* "[!] Agreed above all votes." when the room agreed a stage no vote was
 * for, in the row's own words from rowfacts. */
static void write_outside(report_doc *d, const summary_row *r)
{
	rowfacts_state fs = { r->state, r->stage };
	const char *o = rowfacts_outside_text(rowfacts_agreed_outside(fs, &r->votes));

	if (o)
		para_owned(d, 2, NULL, report_doc_strf("[!] %c%s.", o[0] - 'a' + 'A', o + 1));
}

static void write_row(report_doc *d, const report_summary *sm,
		      const summary_row *r, int with_prompts)
{
	char num[32], lead[48], state[128];
	size_t start;

	row_number(sm, r, num);
	snprintf(lead, sizeof lead, "%s ", num);
	report_doc_blank(d);
	start = report_doc_count(d);
	report_doc_para(d, 0, lead, r->row->title, 0);
	report_doc_para(d, 2, "Agreed stage: ", row_state(sm, r, state, sizeof state), 0);
	if (r->state == STORE_ROW_AGREED)
		report_doc_para(d, 4, NULL, r->row->descriptors[r->stage], 0);
	if (!r->votes.hidden && r->votes.total + r->votes.dont_know > 0) {
		char *v = summary_votes_text(sm, &r->votes);

		para_owned(d, 2, "Votes: ", report_doc_strf("%s.", v ? v : "?"));
		if (r->votes.flag)
			report_doc_para(d, 2, NULL, "[!] Views differ widely.", 0);
		write_outside(d, r);
		free(v);
	} else if (r->votes.hidden) {
		report_doc_para(d, 2, "Votes: ", "not revealed.", 0);
	}
	if (*r->note)
		report_doc_para(d, 2, "Note: ", r->note, 1);
	if (r->n_actions)
		para_owned(d, 2, "Actions: ", report_doc_strf(
			"%zu, in the action plan.", r->n_actions));
	if (with_prompts)
		write_prompts(d, r->row);
	/* A row is read as one block: never split across pages if it fits. */
	report_doc_keep_from(d, start);
}

static void write_sections(report_doc *d, const report_summary *sm,
			   int with_prompts)
{
	size_t i, j, start;

	for (i = 0; i < sm->n_sections; i++) {
		const summary_section *sec = &sm->sections[i];
		char *title = report_doc_strf("%zu. %s", i + 1, sec->section->title);

		report_doc_blank(d);
		start = report_doc_count(d);
		report_doc_heading(d, title ? title : "?", '=');
		free(title);
		if (*sec->section->intro)
			report_doc_para(d, 0, NULL, sec->section->intro, 0);
		if (sec->n_rows)
			para_owned(d, 0, "Time: ", report_doc_strf("%lld min spent of %lld "
				   "planned.", summary_section_seconds(sm, i) / 60,
				   summary_section_planned_seconds(sm, i) / 60));
		if (!sec->n_rows)
			report_doc_para(d, 0, NULL, "No rows of this section apply "
					"to this type of organisation.", 0);
		for (j = 0; j < sec->n_rows; j++) {
			write_row(d, sm, &sm->rows[sec->first_row + j], with_prompts);
			/* The heading and intro stay with the first row. */
			if (j == 0)
				report_doc_keep_from(d, start);
		}
	}
}

/* ---------------------------------------------------------- action plan */

static void write_action(report_doc *d, const report_summary *sm,
			 const summary_action *pa)
{
	const store_action *a = pa->action;
	char due[16], num[32];

	snprintf(due, sizeof due, "%-12s", a->due && *a->due ? a->due : "No date");
	report_doc_blank(d);
	report_doc_para(d, 0, due, a->text, 0);
	report_doc_keep(d, 1);
	if (pa->row)
		row_number(sm, pa->row, num);
	para_owned(d, 12, NULL, report_doc_strf("Owner: %s. Row: %s %s.%s",
		   a->owner && *a->owner ? a->owner : "not named",
		   pa->row ? num : "-", pa->row ? pa->row->row->title : a->row_id,
		   a->done ? " Done." : ""));
}

static void write_plan(report_doc *d, const report_summary *sm)
{
	size_t i;

	report_doc_blank(d);
	report_doc_heading(d, "Action plan", '=');
	if (!sm->n_plan) {
		report_doc_para(d, 0, NULL, "No actions were recorded.", 0);
		return;
	}
	report_doc_para(d, 0, NULL, "By due date, then in the order of the rows.", 0);
	for (i = 0; i < sm->n_plan; i++)
		write_action(d, sm, &sm->plan[i]);
}

/* ---------------------------------------------------------- brought */

/* The previous session's open actions and what became of each; nothing
 * when none were brought. */
static void write_brought(report_doc *d, const report_summary *sm)
{
	const char *from = summary_brought_from(sm);
	char *title;
	size_t i;

	if (!from)
		return;
	report_doc_blank(d);
	title = report_doc_strf("Actions from %s", from);
	report_doc_heading(d, title ? title : "Actions from the last session", '=');
	free(title);
	for (i = 0; i < sm->answers->n_brought; i++) {
		const store_brought *b = &sm->answers->brought[i];
		char lead[24];

		snprintf(lead, sizeof lead, "%-18s", store_outcome_words(b->outcome));
		report_doc_blank(d);
		report_doc_para(d, 0, lead, b->text, 0);
		report_doc_keep(d, 1);
		para_owned(d, 18, NULL, summary_brought_details(sm, b));
	}
}

/* ---------------------------------------------------------- changes */

static void write_change_group(report_doc *d, const report_summary *sm,
			       enum summary_change change, const char *title)
{
	size_t i;
	int first = 1;

	for (i = 0; i < sm->n_rows; i++) {
		const summary_row *r = &sm->rows[i];
		char num[32], state[128];

		if (r->change != change)
			continue;
		if (first) {
			report_doc_blank(d);
			report_doc_para(d, 0, NULL, title, 0);
			report_doc_keep(d, 1);
			first = 0;
		}
		row_number(sm, r, num);
		para_owned(d, 2, NULL, report_doc_strf("%s %s: %s%s%s", num,
			   r->row->title, r->prev_stage_label ? r->prev_stage_label : "",
			   r->prev_stage_label ? " -> " : "",
			   row_state(sm, r, state, sizeof state)));
	}
}

/* Rows with nothing to compare: listed apart, never as a move. */
static void write_not_in_previous(report_doc *d, const report_summary *sm)
{
	size_t i;
	int first = 1;

	for (i = 0; i < sm->n_rows; i++) {
		const summary_row *r = &sm->rows[i];
		char num[32], why[64];

		if (r->change != SUMMARY_CHANGE_NOT_IN_PREVIOUS)
			continue;
		if (first) {
			report_doc_blank(d);
			report_doc_para(d, 0, NULL, "Not compared (no such row in the "
					"previous session)", 0);
			report_doc_keep(d, 1);
			first = 0;
		}
		row_number(sm, r, num);
		para_owned(d, 2, NULL, report_doc_strf("%s %s: %s", num, r->row->title,
			   summary_not_in_previous_text(sm, r, why, sizeof why)));
	}
}

/* " Not yet discussed: N." when this session has not reached rows that
 * were agreed last time, so they are never counted as no longer agreed. */
static const char *not_reached_words(const summary_changes *c, char *out,
				     size_t size)
{
	if (!c->not_reached)
		return "";
	snprintf(out, size, " Not yet discussed: %d.", c->not_reached);
	return out;
}

static void write_changes(report_doc *d, const report_summary *sm)
{
	const summary_changes *c = &sm->changes;
	char date[16], reached[96];

	report_doc_blank(d);
	report_doc_heading(d, "Changes since the previous session", '=');
	if (!sm->previous) {
		para_owned(d, 0, NULL, report_doc_strf("No earlier session of %s on "
			   "this matrix.", *sm->session->organisation
			   ? sm->session->organisation : "this organisation"));
		return;
	}
	format_date(sm->previous->created, date);
	para_owned(d, 0, NULL, report_doc_strf("Compared with the session '%s' "
		   "of %s. Moved up: %d. Moved down: %d. Unchanged: %d. Agreed for "
		   "the first time: %d. No longer agreed: %d.%s%s", sm->previous->name,
		   date, c->up, c->down, c->same, c->added, c->dropped,
		   not_reached_words(c, reached, sizeof reached),
		   c->not_in_previous ? " Some rows are not compared: the previous "
		   "session did not have them." : ""));
	write_change_group(d, sm, SUMMARY_CHANGE_UP, "Moved up");
	write_change_group(d, sm, SUMMARY_CHANGE_DOWN, "Moved down");
	write_change_group(d, sm, SUMMARY_CHANGE_NEW, "Agreed for the first time");
	write_change_group(d, sm, SUMMARY_CHANGE_DROPPED, "No longer agreed");
	write_change_group(d, sm, SUMMARY_CHANGE_NOT_REACHED,
			   "Not yet discussed (agreed last time)");
	write_not_in_previous(d, sm);
}

/* Every row where views differ widely or the agreed stage lies outside
 * every vote, with why: the list the summary screen shows. */
static void write_disagreements(report_doc *d, const report_summary *sm)
{
	size_t i;
	int any = 0;

	report_doc_blank(d);
	report_doc_heading(d, "Disagreements", '=');
	for (i = 0; i < sm->n_rows; i++) {
		const summary_row *r = &sm->rows[i];
		rowfacts_state fs = { r->state, r->stage };
		char num[32], why[64];

		if (!rowfacts_disagrees(fs, &r->votes))
			continue;
		row_number(sm, r, num);
		para_owned(d, 2, NULL, report_doc_strf("%s %s (%s)", num, r->row->title,
			   rowfacts_disagreement_text(fs, &r->votes, why, sizeof why)));
		any = 1;
	}
	if (!any)
		report_doc_para(d, 0, NULL, "No votes two stages apart; no stage agreed "
				"outside the votes.", 0);
}

/* ---------------------------------------------------------- trends */

/* Each section's and row's agreed stage in every session of the
 * organisation on this matrix, oldest first. */
static void write_trends(report_doc *d, const report_summary *sm)
{
	const summary_trend *t = &sm->trend;
	size_t i, j;

	if (!summary_trend_shown(sm))
		return;
	report_doc_blank(d);
	report_doc_heading(d, "Trend across sessions", '=');
	para_owned(d, 0, NULL, report_doc_strf("Agreed stages in the %zu sessions "
		   "of %s on this matrix, oldest first (- not in that version, "
		   "none: not agreed); a section's is the median of its rows' "
		   "agreed stages.", t->n, sm->session->organisation));
	for (j = 0; j < sm->n_sections; j++) {
		const summary_section *sec = &sm->sections[j];
		char *line = summary_trend_text(sm, t->section_stages + j * t->n);

		report_doc_blank(d);
		para_owned(d, 0, NULL, report_doc_strf("%zu %s: %s", j + 1,
			   sec->section->title, line ? line : "?"));
		free(line);
		for (i = sec->first_row; i < sec->first_row + sec->n_rows; i++) {
			char num[32];

			line = summary_trend_text(sm, t->stages + i * t->n);
			row_number(sm, &sm->rows[i], num);
			para_owned(d, 2, NULL, report_doc_strf("%s %s: %s", num,
				   sm->rows[i].row->title, line ? line : "?"));
			free(line);
		}
	}
}

/* ---------------------------------------------------------- benchmark */

/* Where the other organisations stand, per section, never by name. */
static void write_benchmark(report_doc *d, const report_summary *sm)
{
	size_t j;

	report_doc_blank(d);
	report_doc_heading(d, "Benchmark", '=');
	if (!sm->benchmark) {
		report_doc_para(d, 0, NULL, SUMMARY_NO_BENCHMARK, 0);
		return;
	}
	para_owned(d, 0, NULL, report_doc_strf("The latest sessions of %d other "
		   "organisations on this matrix: per section, the median of their "
		   "agreed stages, and how many organisations agreed a stage there.",
		   sm->other_organisations));
	for (j = 0; j < sm->n_sections; j++) {
		char *line = summary_benchmark_text(sm, j);

		para_owned(d, 2, NULL, report_doc_strf("%zu %s: %s", j + 1,
			   sm->sections[j].section->title, line ? line : "?"));
		free(line);
	}
}

static void write_open_rows(report_doc *d, const report_summary *sm)
{
	size_t i;
	int any = 0;

	report_doc_blank(d);
	report_doc_heading(d, "Rows parked or not reached yet", '=');
	for (i = 0; i < sm->n_rows; i++) {
		const summary_row *r = &sm->rows[i];
		char num[32], state[128];

		if (r->state != STORE_ROW_OPEN && r->state != STORE_ROW_NOT_DISCUSSED)
			continue;
		row_number(sm, r, num);
		para_owned(d, 2, NULL, report_doc_strf("%s %s (%s)", num,
			   r->row->title, row_state(sm, r, state, sizeof state)));
		any = 1;
	}
	if (!any)
		report_doc_para(d, 0, NULL, "Every row has an agreed stage or is "
				"not applicable.", 0);
}

/* ---------------------------------------------------------- glossary */

#define TERM_COLUMN 12

/* Every term of the matrix's glossary, in the matrix's own order. */
static void write_glossary(report_doc *d, const content_matrix *m)
{
	size_t i, w = 0;

	if (!m->n_glossary)
		return;
	for (i = 0; i < m->n_glossary; i++) {
		char *t = report_doc_clean(d, m->glossary[i].term);
		size_t tw = text_width(t);

		if (tw > w && tw <= TERM_COLUMN)
			w = tw;
		free(t);
	}
	report_doc_blank(d);
	report_doc_heading(d, "Appendix: glossary", '=');
	for (i = 0; i < m->n_glossary; i++) {
		char *t = report_doc_clean(d, m->glossary[i].term);
		char *lead = report_doc_strf("%s%*s", t, (int)(w + 2 -
				(text_width(t) < w ? text_width(t) : w)), "");

		report_doc_para(d, 0, lead ? lead : "? ", m->glossary[i].meaning, 0);
		free(lead);
		free(t);
	}
}

int report_write_text(const report_summary *sm, const report_options *o,
		      FILE *out)
{
	report_doc *d = report_doc_new(o->width, o->utf8);
	const store_session *s = sm->session;
	char *header;
	int rc;

	if (!d)
		return -1;
	write_cover(d, sm);
	write_profile(d, sm);
	write_sections(d, sm, o->with_prompts);
	write_plan(d, sm);
	write_brought(d, sm);
	write_changes(d, sm);
	write_disagreements(d, sm);
	write_trends(d, sm);
	write_benchmark(d, sm);
	write_open_rows(d, sm);
	write_glossary(d, sm->matrix);
	header = *s->organisation ? report_doc_strf("%s - %s", s->name,
		 s->organisation) : report_doc_strf("%s", s->name);
	rc = header ? report_doc_write(d, out, o->page_length, header) : -1;
	free(header);
	report_doc_free(d);
	return rc;
}

/* The rows whose views differ widely, in the summary screen's words. */
static void write_flags(report_doc *d, const report_summary *sm)
{
	size_t i;

	report_doc_blank(d);
	if (!sm->totals.flagged) {
		report_doc_heading(d, "Views differ widely: no row", '=');
		report_doc_para(d, 0, NULL, "No row has votes two or more stages "
				"apart.", 0);
		return;
	}
	para_owned(d, 0, NULL, report_doc_strf("Views differ widely (!): %d row%s",
		   sm->totals.flagged, sm->totals.flagged == 1 ? "" : "s"));
	for (i = 0; i < sm->n_rows; i++) {
		const summary_row *r = &sm->rows[i];
		char num[32];

		if (!r->votes.flag)
			continue;
		row_number(sm, r, num);
		para_owned(d, 2, NULL, report_doc_strf("! %s %s", num, r->row->title));
		para_owned(d, 4, NULL, summary_votes_text(sm, &r->votes));
	}
}

int report_write_summary_text(const report_summary *sm,
			      const report_options *o, FILE *out)
{
	report_doc *d = report_doc_new(o->width, o->utf8);
	int rc;

	if (!d)
		return -1;
	write_cover(d, sm);
	write_profile(d, sm);
	write_flags(d, sm);
	write_plan(d, sm);
	write_brought(d, sm);
	write_changes(d, sm);
	write_trends(d, sm);
	write_benchmark(d, sm);
	rc = report_doc_write(d, out, 0, "");
	report_doc_free(d);
	return rc;
}
