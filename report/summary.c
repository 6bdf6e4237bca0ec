/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* summary.c - see summary.h.  The model is computed once, in one pass over
 * the snapshot, so its cost follows the size of one session. */
#include "summary.h"
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The state and the vote spread of a row, as every reader sees them. */
static void set_state(const report_summary *sm, summary_row *r)
{
	rowfacts_state fs = rowfacts_state_of(sm->matrix, r->answer);

	r->state = fs.state;
	r->stage = fs.stage;
	r->note = r->answer && r->answer->note ? r->answer->note : "";
	rowfacts_spread_of(sm->matrix, sm->session, r->answer,
			   sm->answers->n_participants, &r->votes);
}

static void add_count(summary_counts *c, const summary_row *r)
{
	c->rows++;
	if (r->state == STORE_ROW_AGREED)
		c->at_stage[r->stage]++;
	else if (r->state == STORE_ROW_NOT_APPLICABLE)
		c->not_applicable++;
	else if (r->state == STORE_ROW_NOT_DISCUSSED)
		c->not_discussed++;
	else
		c->not_agreed++;
	c->flagged += r->votes.flag;
}

/* Fills the rows and the per-section and total counts. */
static void fill_rows(report_summary *sm)
{
	const content_matrix *m = sm->matrix;
	unsigned track = sm->session->track;
	size_t i, j, k = 0;

	for (i = 0; i < m->n_sections; i++) {
		summary_section *sec = &sm->sections[i];

		sec->section = &m->sections[i];
		sec->first_row = k;
		for (j = 0; j < m->sections[i].n_rows; j++) {
			summary_row *r;

			if (!content_row_applies(&m->sections[i].rows[j], track))
				continue;
			r = &sm->rows[k++];
			r->row = &m->sections[i].rows[j];
			r->section = i;
			r->answer = store_answers_row(sm->answers, r->row->id);
			set_state(sm, r);
			add_count(&sec->counts, r);
			add_count(&sm->totals, r);
		}
		sec->n_rows = k - sec->first_row;
		if ((int)sec->n_rows > sm->max_section_rows)
			sm->max_section_rows = (int)sec->n_rows;
	}
}

static summary_row *find_row(report_summary *sm, const char *row_id)
{
	size_t i;

	for (i = 0; row_id && i < sm->n_rows; i++)
		if (strcmp(sm->rows[i].row->id, row_id) == 0)
			return &sm->rows[i];
	return NULL;
}

const char *summary_brought_from(const report_summary *sm)
{
	return sm->answers && sm->answers->n_brought ?
	       sm->answers->brought[0].from_name : NULL;
}

const summary_row *summary_brought_row(const report_summary *sm,
				       const store_brought *b)
{
	return b->row_gone ? NULL : find_row((report_summary *)sm, b->row_id);
}

size_t summary_brought_open(const report_summary *sm)
{
	size_t i, n = 0;

	for (i = 0; sm->answers && i < sm->answers->n_brought; i++)
		n += sm->answers->brought[i].outcome == STORE_OUTCOME_NOT_REVIEWED;
	return n;
}

char *summary_brought_details(const report_summary *sm, const store_brought *b)
{
	const summary_row *r = summary_brought_row(sm, b);
	const char *owner = *b->owner ? b->owner : "not named";
	const char *due = *b->due ? b->due : "no date";
	size_t len = strlen(owner) + strlen(due) + strlen(b->row_id) + 128;
	char *out;

	if (r)
		len += strlen(r->row->title);
	if (!(out = malloc(len)))
		return NULL;
	if (r)
		snprintf(out, len, "Owner: %s. Due: %s. Row: %zu.%zu %s.", owner, due,
			 r->section + 1,
			 (size_t)(r - sm->rows) - sm->sections[r->section].first_row + 1,
			 r->row->title);
	else
		snprintf(out, len, "Owner: %s. Due: %s. Row %s is not in this "
			 "session's matrix.", owner, due, b->row_id);
	return out;
}

/* Due date ascending with undated last, then row order, then creation. */
static int cmp_plan(const void *pa, const void *pb)
{
	const summary_action *a = pa, *b = pb;
	const char *da = a->action->due ? a->action->due : "";
	const char *db = b->action->due ? b->action->due : "";
	int c;

	if (!*da != !*db)
		return *da ? -1 : 1;
	if ((c = strcmp(da, db)) != 0)
		return c;
	if (a->row != b->row) {
		if (!a->row || !b->row)
			return a->row ? -1 : 1;
		return a->row < b->row ? -1 : 1;
	}
	return a->action < b->action ? -1 : a->action > b->action;
}

/* Gives each row its actions and builds the sorted action plan. */
static int fill_actions(report_summary *sm)
{
	const store_action ***slab = &sm->row_actions;
	const store_answers *an = sm->answers;
	size_t i, used = 0;

	sm->n_plan = an->n_actions;
	if (!(sm->plan = calloc(an->n_actions + 1, sizeof *sm->plan)) ||
	    !(*slab = calloc(an->n_actions + 1, sizeof **slab)))
		return -1;
	for (i = 0; i < an->n_actions; i++) {
		summary_row *r = find_row(sm, an->actions[i].row_id);

		sm->plan[i].action = &an->actions[i];
		sm->plan[i].row = r;
		if (r)
			r->n_actions++;
	}
	for (i = 0; i < sm->n_rows; i++) {
		sm->rows[i].actions = *slab + used;
		used += sm->rows[i].n_actions;
		sm->rows[i].n_actions = 0;
	}
	for (i = 0; i < an->n_actions; i++)
		if (sm->plan[i].row) {
			summary_row *r = (summary_row *)sm->plan[i].row;

			r->actions[r->n_actions++] = &an->actions[i];
		}
	qsort(sm->plan, sm->n_plan, sizeof *sm->plan, cmp_plan);
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The ids of the rows the previous session had, sorted, so that each row
 * of this session is looked up in log time. */
static const char **previous_ids(const content_matrix *pm, unsigned track,
				 size_t *n)
{
	const char **ids = calloc(content_count_rows(pm, track) + 1, sizeof *ids);
	size_t i, j;

	*n = 0;
	if (!ids)
		return NULL;
	for (i = 0; i < pm->n_sections; i++)
		for (j = 0; j < pm->sections[i].n_rows; j++)
			if (content_row_applies(&pm->sections[i].rows[j], track))
				ids[(*n)++] = pm->sections[i].rows[j].id;
	qsort(ids, *n, sizeof *ids, cmp_id);
	return ids;
}

/* Compares one row with the previous session, by stage id. */
static int ever_agreed(const summary_input *in, const char *row_id)
{
	return in->ever_agreed && bsearch(&row_id, in->ever_agreed,
		in->n_ever_agreed, sizeof *in->ever_agreed, cmp_id) != NULL;
}

static void compare_row(report_summary *sm, summary_row *r,
			const summary_input *in, const char **prev_ids,
			size_t n_prev)
{
	const store_answers *prev = in->prev_answers;
	const store_row_answer *pa = store_answers_row(prev, r->row->id);
	const content_matrix *pm = sm->prev_matrix;
	int was = -1, now;

	if (!bsearch(&r->row->id, prev_ids, n_prev, sizeof *prev_ids, cmp_id)) {
		r->change = SUMMARY_CHANGE_NOT_IN_PREVIOUS;
		sm->changes.not_in_previous++;
		return;
	}

	if (pa && pa->state == STORE_ROW_AGREED && pa->stage >= 0 &&
	    (size_t)pa->stage < pm->n_stages) {
		r->prev_stage_id = pm->stages[pa->stage].id;
		r->prev_stage_label = pm->stages[pa->stage].label;
		was = content_find_stage(sm->matrix, r->prev_stage_id);
		if (was < 0)
			was = pa->stage;
	}
	now = r->state == STORE_ROW_AGREED ? r->stage : -1;
	if (was < 0 && now < 0)
		r->change = SUMMARY_CHANGE_NONE;
	else if (was < 0)
		r->change = SUMMARY_CHANGE_NEW, sm->changes.added++;
	else if (now < 0 && r->state != STORE_ROW_NOT_APPLICABLE &&
		 !ever_agreed(in, r->row->id))
		r->change = SUMMARY_CHANGE_NOT_REACHED, sm->changes.not_reached++;
	else if (now < 0)
		r->change = SUMMARY_CHANGE_DROPPED, sm->changes.dropped++;
	else if (now > was)
		r->change = SUMMARY_CHANGE_UP, sm->changes.up++;
	else if (now < was)
		r->change = SUMMARY_CHANGE_DOWN, sm->changes.down++;
	else
		r->change = SUMMARY_CHANGE_SAME, sm->changes.same++;
}

/* ---------------------------------------------------------- trend */

/* A past session with the sorted ids of every row its matrix had
 * (previous_ids), so each row of this session is looked up in log time:
 * a scan per row would make a summary's cost grow with the square of
 * the matrix. */
typedef struct past_rows {
	const summary_past *p;
	const char **ids;
	size_t n_ids;
} past_rows;

static int past_rows_of(const summary_past *p, past_rows *out)
{
	out->p = p;
	out->ids = previous_ids(p->matrix, CONTENT_TRACK_BOTH, &out->n_ids);
	return out->ids ? 0 : -1;
}

/* Row `id`'s agreed stage in a past session, as an index into this
 * session's stages (by stage id, else by position), -1 when not agreed,
 * SUMMARY_NOT_IN_VERSION when that session's matrix had no such row. */
static int past_stage(const content_matrix *m, const past_rows *pr,
		      const char *id)
{
	const summary_past *p = pr->p;
	const store_row_answer *a;
	int k;

	if (!bsearch(&id, pr->ids, pr->n_ids, sizeof *pr->ids, cmp_id))
		return SUMMARY_NOT_IN_VERSION;
	a = store_answers_row(p->answers, id);
	if (!a || a->state != STORE_ROW_AGREED || a->stage < 0 ||
	    (size_t)a->stage >= p->matrix->n_stages)
		return -1;
	k = content_find_stage(m, p->matrix->stages[a->stage].id);
	if (k < 0)
		k = (size_t)a->stage < m->n_stages ? a->stage : -1;
	return k;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The lower middle of the stages >= 0 among v[0], v[step], ...; -1 when
 * there are none.  Sorts `scratch` (room for n ints). */
static int lower_median(const int *v, size_t n, size_t step, int *scratch,
			int *count)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (v[i * step] >= 0)
			scratch[k++] = v[i * step];
	if (count)
		*count = (int)k;
	if (!k)
		return -1;
	qsort(scratch, k, sizeof *scratch, cmp_int);
	return scratch[(k - 1) / 2];
}

static void trend_sections(report_summary *sm, int *scratch)
{
	summary_trend *t = &sm->trend;
	size_t j, k;

	for (j = 0; j < sm->n_sections; j++) {
		const summary_section *sec = &sm->sections[j];

		for (k = 0; k < t->n; k++)
			t->section_stages[j * t->n + k] = lower_median(
				t->stages + sec->first_row * t->n + k, sec->n_rows,
				t->n, scratch, NULL);
	}
}

static int fill_trend(report_summary *sm, const summary_input *in)
{
	summary_trend *t = &sm->trend;
	size_t i, k, n = in->n_past + 1;
	int *scratch;

	t->n = n;
	t->sessions = calloc(n, sizeof *t->sessions);
	t->matrices = calloc(n, sizeof *t->matrices);
	t->stages = calloc(sm->n_rows * n + 1, sizeof *t->stages);
	t->section_stages = calloc(sm->n_sections * n + 1, sizeof *t->section_stages);
	scratch = calloc(sm->n_rows + 1, sizeof *scratch);
	if (!t->sessions || !t->matrices || !t->stages || !t->section_stages ||
	    !scratch) {
		free(scratch);
		return -1;
	}
	for (k = 0; k < in->n_past; k++) {
		t->sessions[k] = in->past[k].session;
		t->matrices[k] = in->past[k].matrix;
	}
	t->sessions[n - 1] = sm->session;
	t->matrices[n - 1] = sm->matrix;
	for (k = 0; k < in->n_past; k++) {
		past_rows pr;

		if (past_rows_of(&in->past[k], &pr) < 0) {
			free(scratch);
			return -1;
		}
		for (i = 0; i < sm->n_rows; i++)
			t->stages[i * n + k] = past_stage(sm->matrix, &pr,
							  sm->rows[i].row->id);
		free(pr.ids);
	}
	for (i = 0; i < sm->n_rows; i++)
		t->stages[i * n + n - 1] = sm->rows[i].state == STORE_ROW_AGREED ?
					   sm->rows[i].stage : -1;
	trend_sections(sm, scratch);
	free(scratch);
	return 0;
}

/* ------------------------------------------------------ benchmark */

/* One other organisation's stage for each section (by_org[j * step]),
 * the median of its rows' agreed stages there. */
static int benchmark_org(const report_summary *sm, const summary_past *other,
			 int *rows, int *scratch, int *by_org, size_t step)
{
	past_rows pr;
	size_t j, i;

	if (past_rows_of(other, &pr) < 0)
		return -1;
	for (j = 0; j < sm->n_sections; j++) {
		const summary_section *sec = &sm->sections[j];

		for (i = 0; i < sec->n_rows; i++)
			rows[i] = past_stage(sm->matrix, &pr,
					     sm->rows[sec->first_row + i].row->id);
		by_org[j * step] = lower_median(rows, sec->n_rows, 1, scratch, NULL);
	}
	free(pr.ids);
	return 0;
}

/* Each other organisation's stage for each section, then their median. */
static int fill_benchmark(report_summary *sm, const summary_input *in)
{
	size_t j, o, n = in->n_others;
	int *by_org, *scratch, *rows, rc = 0;

	sm->other_organisations = (int)n;
	if (n < SUMMARY_BENCHMARK_MIN)
		return 0;
	sm->benchmark = calloc(sm->n_sections + 1, sizeof *sm->benchmark);
	by_org = calloc(n * sm->n_sections + 1, sizeof *by_org);
	scratch = calloc(n + sm->n_rows + 1, sizeof *scratch);
	rows = calloc(sm->n_rows + 1, sizeof *rows);
	if (!sm->benchmark || !by_org || !scratch || !rows) {
		free(by_org), free(scratch), free(rows);
		return -1;
	}
	/* by_org[j * n + o]: organisation o's stage in section j */
	for (o = 0; o < n && !rc; o++)
		rc = benchmark_org(sm, &in->others[o], rows, scratch, by_org + o, n);
	for (j = 0; j < sm->n_sections && !rc; j++)
		sm->benchmark[j].median = lower_median(by_org + j * n, n, 1, scratch,
						       &sm->benchmark[j].organisations);
	free(by_org), free(scratch), free(rows);
	return rc;
}

/* The model borrows its inputs; only its own arrays are allocated. */
report_summary *summary_build(const summary_input *in)
{
	report_summary *sm = calloc(1, sizeof *sm);
	size_t i;

	if (!sm)
		return NULL;
	sm->matrix = in->matrix;
	sm->session = in->session;
	sm->answers = in->answers;
	sm->n_sections = in->matrix->n_sections;
	sm->n_rows = content_count_rows(in->matrix, in->session->track);
	sm->sections = calloc(sm->n_sections + 1, sizeof *sm->sections);
	sm->rows = calloc(sm->n_rows + 1, sizeof *sm->rows);
	if (!sm->sections || !sm->rows)
		goto fail;
	fill_rows(sm);
	if (fill_actions(sm) < 0)
		goto fail;
	if (in->previous && in->prev_matrix && in->prev_answers) {
		size_t n_prev;
		const char **ids = previous_ids(in->prev_matrix,
						in->previous->track, &n_prev);

		if (!ids)
			goto fail;
		sm->previous = in->previous;
		sm->prev_matrix = in->prev_matrix;
		for (i = 0; i < sm->n_rows; i++)
			compare_row(sm, &sm->rows[i], in, ids, n_prev);
		free((void *)ids);
	}
	if (fill_trend(sm, in) < 0 || fill_benchmark(sm, in) < 0)
		goto fail;
	return sm;
fail:
	report_summary_free(sm);
	return NULL;
}

static void free_model(report_summary *sm)
{
	free((void *)sm->row_actions);
	free(sm->rows);
	free(sm->sections);
	free(sm->plan);
	free((void *)sm->trend.sessions);
	free((void *)sm->trend.matrices);
	free(sm->trend.stages);
	free(sm->trend.section_stages);
	free(sm->benchmark);
}

const char *summary_change_name(enum summary_change change)
{
	switch (change) {
	case SUMMARY_CHANGE_NEW: return "new";
	case SUMMARY_CHANGE_UP: return "up";
	case SUMMARY_CHANGE_DOWN: return "down";
	case SUMMARY_CHANGE_SAME: return "same";
	case SUMMARY_CHANGE_DROPPED: return "dropped";
	case SUMMARY_CHANGE_NOT_IN_PREVIOUS: return "new-row";
	case SUMMARY_CHANGE_NOT_REACHED: return "not-yet";
	default: return "none";
	}
}

const char *summary_change_words(enum summary_change change)
{
	switch (change) {
	case SUMMARY_CHANGE_NEW: return "agreed for the first time";
	case SUMMARY_CHANGE_UP: return "moved up";
	case SUMMARY_CHANGE_DOWN: return "moved down";
	case SUMMARY_CHANGE_SAME: return "unchanged";
	case SUMMARY_CHANGE_DROPPED: return "no longer agreed";
	case SUMMARY_CHANGE_NOT_IN_PREVIOUS: return "not in the previous session";
	case SUMMARY_CHANGE_NOT_REACHED: return "not yet discussed";
	default: return "";
	}
}

static int year_of(long long t, struct tm *tm)
{
	time_t tt = (time_t)t;

	return localtime_r(&tt, tm) ? tm->tm_year : -1;
}

void summary_trend_label(const report_summary *sm, size_t k, char out[16])
{
	const summary_trend *t = &sm->trend;
	struct tm tm, other;
	int year = year_of(t->sessions[k]->created, &tm), shared = 0;
	size_t i;

	for (i = 0; i < t->n && year >= 0; i++)
		if (i != k && year_of(t->sessions[i]->created, &other) == year)
			shared = 1;
	if (year < 0 || !strftime(out, 16, shared ? "%Y-%m-%d" : "%Y", &tm))
		strcpy(out, "?");
}

const char *summary_stage_words(const report_summary *sm, int stage)
{
	if (stage == SUMMARY_NOT_IN_VERSION)
		return "-";
	if (stage < 0 || (size_t)stage >= sm->matrix->n_stages)
		return "none";
	return sm->matrix->stages[stage].label;
}

int summary_trend_shown(const report_summary *sm)
{
	return sm->trend.n >= SUMMARY_TREND_MIN + 1;
}

char *summary_trend_text(const report_summary *sm, const int *stages)
{
	const summary_trend *t = &sm->trend;
	size_t k, len = 1, used = 0;
	char *out, label[16];

	for (k = 0; k < t->n; k++)
		len += 16 + 2 + strlen(summary_stage_words(sm, stages[k])) + 1;
	if (!(out = malloc(len)))
		return NULL;
	out[0] = '\0';
	for (k = 0; k < t->n; k++) {
		summary_trend_label(sm, k, label);
		used += (size_t)snprintf(out + used, len - used, "%s%s %s",
			 k ? "  " : "", label, summary_stage_words(sm, stages[k]));
	}
	return out;
}

char *summary_benchmark_text(const report_summary *sm, size_t j)
{
	const summary_benchmark *b = &sm->benchmark[j];
	const char *here = summary_stage_words(sm,
		sm->trend.section_stages[j * sm->trend.n + sm->trend.n - 1]);
	const char *others = summary_stage_words(sm, b->median);
	size_t len = strlen(here) + strlen(others) + 96;
	char *out = malloc(len);

	if (!out)
		return NULL;
	if (b->organisations)
		snprintf(out, len, "others %s (%d organisation%s); here %s", others,
			 b->organisations, b->organisations == 1 ? "" : "s", here);
	else
		snprintf(out, len, "no other organisation agreed a stage here; "
			 "here %s", here);
	return out;
}

char *summary_not_in_previous_text(const report_summary *sm,
				   const summary_row *r, char *out, size_t size)
{
	const content_matrix *pm = sm->prev_matrix;

	if (pm && content_find_row(pm, r->row->id, NULL, NULL))
		snprintf(out, size, "not in the previous session");
	else
		snprintf(out, size, "not in version %s", pm ? pm->version : "?");
	return out;
}

long long summary_section_seconds(const report_summary *sm, size_t k)
{
	const char *id = sm->sections[k].section->id;
	size_t i;

	for (i = 0; sm->answers && i < sm->answers->n_times; i++)
		if (strcmp(sm->answers->times[i].section_id, id) == 0)
			return sm->answers->times[i].seconds;
	return 0;
}

/* The walk's figures too: both ask report/plan.c. */
long long summary_section_planned_seconds(const report_summary *sm, size_t k)
{
	plan p;
	size_t i;

	plan_begin(&p, sm->session->planned_minutes);
	for (i = 0; i < sm->n_sections; i++)
		plan_add(&p, sm->sections[i].n_rows,
			 plan_set_minutes(sm->answers, sm->sections[i].section->id));
	return plan_section_seconds(&p, sm->sections[k].n_rows,
				    plan_set_minutes(sm->answers, sm->sections[k].section->id));
}

const char *summary_state_name(enum store_row_state state)
{
	return rowfacts_state_word(state);
}

char *summary_votes_text(const report_summary *sm, const summary_votes *v)
{
	return rowfacts_spread_text(sm->matrix, v);
}

/* ---------------------------------------------------------- loading */

typedef struct summary_owned {
	store_session session;
	content_matrix *matrix;
	store_answers answers;
	int have_previous;
	store_session previous;
	content_matrix *prev_matrix;
	store_answers prev_answers;
	const char **ever;               /* into history */
	size_t n_ever;
	store_change *history;
	size_t n_history;
	store_session *earlier, *peers;  /* store_session_related's lists */
	size_t n_earlier, n_peers;
	summary_past *past, *others;
	size_t n_past, n_others;
} summary_owned;

static void free_pasts(summary_past *p, size_t n)
{
	size_t i;

	for (i = 0; p && i < n; i++) {
		content_free((content_matrix *)p[i].matrix);
		if (p[i].answers)
			store_answers_free((store_answers *)p[i].answers);
		free((void *)p[i].answers);
	}
	free(p);
}

static void free_owned(summary_owned *o)
{
	if (!o)
		return;
	store_session_clear(&o->session);
	content_free(o->matrix);
	store_answers_free(&o->answers);
	if (o->have_previous) {
		store_session_clear(&o->previous);
		content_free(o->prev_matrix);
		store_answers_free(&o->prev_answers);
	}
	free((void *)o->ever);
	store_history_free(o->history, o->n_history);
	free_pasts(o->past, o->n_past);
	free_pasts(o->others, o->n_others);
	store_session_list_free(o->earlier, o->n_earlier);
	store_session_list_free(o->peers, o->n_peers);
	free(o);
}

void report_summary_free(report_summary *sm)
{
	if (!sm)
		return;
	free_model(sm);
	free_owned(sm->owned);
	free(sm);
}

/* Parses a session's snapshot; a snapshot that no longer loads is data
 * damage, reported as such rather than as a missing session. */
static int load_snapshot(store *st, const store_session *s, content_matrix **m,
			 store_error *err)
{
	content_error cerr;
	char *text = NULL;
	int rc;

	if ((rc = store_session_matrix(st, s->id, &text, err)) != 0)
		return rc;
	*m = content_load_text(text, strlen(text), "session matrix", &cerr);
	free(text);
	if (!*m) {
		err->status = cerr.status == CONTENT_EOS ? STORE_EOS : STORE_EDATA;
		snprintf(err->message, sizeof err->message,
			 "session '%s': its matrix snapshot does not load: %.400s",
			 s->id, cerr.message);
		return err->status;
	}
	return 0;
}

/* The previous session is optional: its absence is not an error. */
static int load_previous(store *st, summary_owned *o, store_error *err)
{
	store_error perr;
	int rc;

	rc = store_session_previous(st, &o->session, &o->previous, &perr);
	if (rc == STORE_ENOINPUT)
		return 0;
	if (rc != 0) {
		*err = perr;
		return rc;
	}
	o->have_previous = 1;
	if ((rc = load_snapshot(st, &o->previous, &o->prev_matrix, err)) != 0 ||
	    (rc = store_answers_load(st, o->previous.id, &o->prev_answers, err)) != 0)
		return rc;
	return 0;
}

static int out_of_memory(store_error *err)
{
	err->status = STORE_EOS;
	snprintf(err->message, sizeof err->message, "out of memory");
	return STORE_EOS;
}

/* The rows this session's history shows agreed at some point. */
static int load_ever_agreed(store *st, summary_owned *o, store_error *err)
{
	size_t i;
	int rc = store_history(st, o->session.id, 0, &o->history, &o->n_history,
			       err);

	if (rc != 0)
		return rc;
	if (!(o->ever = calloc(o->n_history + 1, sizeof *o->ever)))
		return out_of_memory(err);
	for (i = 0; i < o->n_history; i++) {
		const store_change *c = &o->history[i];

		if (c->type == STORE_CHANGE_AGREED && c->after.set &&
		    c->after.state == STORE_ROW_AGREED && c->row_id && *c->row_id)
			o->ever[o->n_ever++] = c->row_id;
	}
	qsort(o->ever, o->n_ever, sizeof *o->ever, cmp_id);
	return 0;
}

static int load_past(store *st, const store_session *s, summary_past *p,
		     store_error *err)
{
	content_matrix *m = NULL;
	store_answers *a = calloc(1, sizeof *a);
	int rc;

	p->session = s;
	if (!a)
		return out_of_memory(err);
	p->answers = a;
	if ((rc = load_snapshot(st, s, &m, err)) != 0)
		return rc;
	p->matrix = m;
	if ((rc = store_answers_load(st, s->id, a, err)) != 0) {
		p->answers = NULL;
		free(a);
	}
	return rc;
}

/* Oldest first.  The store lists each spelling of the name newest first,
 * sessions of one second in reverse creation order, so the list is turned
 * round and then sorted stably by time (a few sessions: insertion). */
static void sessions_oldest_first(store_session *list, size_t n)
{
	store_session t;
	size_t i, j;

	for (i = 0; i < n / 2; i++) {
		t = list[i];
		list[i] = list[n - 1 - i];
		list[n - 1 - i] = t;
	}
	for (i = 1; i < n; i++) {
		t = list[i];
		for (j = i; j > 0 && list[j - 1].created > t.created; j--)
			list[j] = list[j - 1];
		list[j] = t;
	}
}

/* Whether another spelling of the same organisation has a later session
 * in the list, so that one stands for the organisation. */
static int later_of_same(const store_session *list, size_t n, size_t k)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (i != k && strcasecmp(list[i].organisation, list[k].organisation) == 0 &&
		    (list[i].created > list[k].created ||
		     (list[i].created == list[k].created && i < k)))
			return 1;
	return 0;
}

/* The organisation's latest earlier sessions and each other
 * organisation's latest one, all on this matrix id. */
static int load_pasts(store *st, summary_owned *o, store_error *err)
{
	size_t i, first = 0;
	int rc;

	if ((rc = store_session_related(st, &o->session, SUMMARY_TREND_MAX,
					&o->earlier, &o->n_earlier, &o->peers,
					&o->n_peers, err)) != 0)
		return rc;
	o->past = calloc(o->n_earlier + 1, sizeof *o->past);
	o->others = calloc(o->n_peers + 1, sizeof *o->others);
	if (!o->past || !o->others)
		return out_of_memory(err);
	sessions_oldest_first(o->earlier, o->n_earlier);
	if (o->n_earlier > SUMMARY_TREND_MAX)
		first = o->n_earlier - SUMMARY_TREND_MAX;
	for (i = first; i < o->n_earlier && !rc; i++)
		rc = load_past(st, &o->earlier[i], &o->past[o->n_past++], err);
	for (i = 0; i < o->n_peers && !rc; i++)
		if (!later_of_same(o->peers, o->n_peers, i))
			rc = load_past(st, &o->peers[i], &o->others[o->n_others++], err);
	return rc;
}

static int load_all(store *st, const store_session *s, summary_owned *o,
		    store_error *err)
{
	int rc;

	/* Found again by id so the participants are always filled in. */
	if ((rc = store_session_find(st, s->id, &o->session, err)) != 0 ||
	    (rc = load_snapshot(st, &o->session, &o->matrix, err)) != 0 ||
	    (rc = store_answers_load(st, o->session.id, &o->answers, err)) != 0)
		return rc;
	if ((rc = load_previous(st, o, err)) != 0 ||
	    (rc = load_ever_agreed(st, o, err)) != 0)
		return rc;
	return load_pasts(st, o, err);
}

int report_summary_load(store *st, const store_session *s, report_summary **out,
			store_error *err)
{
	summary_owned *o = calloc(1, sizeof *o);
	summary_input in;
	int rc;

	*out = NULL;
	if (!o || (rc = load_all(st, s, o, err)) != 0) {
		if (!o) {
			err->status = rc = STORE_EOS;
			snprintf(err->message, sizeof err->message, "out of memory");
		}
		free_owned(o);
		return rc;
	}
	memset(&in, 0, sizeof in);
	in.matrix = o->matrix;
	in.session = &o->session;
	in.answers = &o->answers;
	if (o->have_previous) {
		in.previous = &o->previous;
		in.prev_matrix = o->prev_matrix;
		in.prev_answers = &o->prev_answers;
	}
	in.ever_agreed = o->ever;
	in.n_ever_agreed = o->n_ever;
	in.past = o->past;
	in.n_past = o->n_past;
	in.others = o->others;
	in.n_others = o->n_others;
	if (!(*out = summary_build(&in))) {
		free_owned(o);
		err->status = STORE_EOS;
		snprintf(err->message, sizeof err->message, "out of memory");
		return STORE_EOS;
	}
	(*out)->owned = o;
	return 0;
}
