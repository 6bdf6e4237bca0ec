/* summary.c - see summary.h.  The model is computed once, in one pass over
 * the snapshot, so its cost follows the size of one session. */
#include "summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
static void compare_row(report_summary *sm, summary_row *r,
			const store_answers *prev, const char **prev_ids,
			size_t n_prev)
{
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
	else if (now < 0)
		r->change = SUMMARY_CHANGE_DROPPED, sm->changes.dropped++;
	else if (now > was)
		r->change = SUMMARY_CHANGE_UP, sm->changes.up++;
	else if (now < was)
		r->change = SUMMARY_CHANGE_DOWN, sm->changes.down++;
	else
		r->change = SUMMARY_CHANGE_SAME, sm->changes.same++;
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
			compare_row(sm, &sm->rows[i], in->prev_answers, ids, n_prev);
		free((void *)ids);
	}
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
	default: return "none";
	}
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

long long summary_section_planned_seconds(const report_summary *sm, size_t k)
{
	if (sm->totals.rows <= 0)
		return 0;
	return (long long)sm->session->planned_minutes * 60 *
	       (long long)sm->sections[k].n_rows / sm->totals.rows;
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
} summary_owned;

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

static int load_all(store *st, const store_session *s, summary_owned *o,
		    store_error *err)
{
	int rc;

	/* Found again by id so the participants are always filled in. */
	if ((rc = store_session_find(st, s->id, &o->session, err)) != 0 ||
	    (rc = load_snapshot(st, &o->session, &o->matrix, err)) != 0 ||
	    (rc = store_answers_load(st, o->session.id, &o->answers, err)) != 0)
		return rc;
	return load_previous(st, o, err);
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
	if (!(*out = summary_build(&in))) {
		free_owned(o);
		err->status = STORE_EOS;
		snprintf(err->message, sizeof err->message, "out of memory");
		return STORE_EOS;
	}
	(*out)->owned = o;
	return 0;
}
