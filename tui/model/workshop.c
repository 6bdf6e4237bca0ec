/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* workshop.c - see workshop.h. */
#include "workshop.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Walking order: sections in order, rows in order, other track left out. */
static int build_steps(workshop *ws)
{
	const content_matrix *m = ws->m;
	size_t i, j, n = content_count_rows(m, ws->s.track), k = 0;

	free(ws->steps);
	ws->steps = calloc(n ? n : 1, sizeof *ws->steps);
	if (!ws->steps)
		return -1;
	for (i = 0; i < m->n_sections; i++)
		for (j = 0; j < m->sections[i].n_rows; j++)
			if (content_row_applies(&m->sections[i].rows[j], ws->s.track)) {
				ws->steps[k].section = i;
				ws->steps[k].row = j;
				k++;
			}
	ws->n_steps = k;
	free(ws->sec_first);
	free(ws->sec_steps);
	free(ws->sec_answered);
	free(ws->sec_minutes);
	ws->sec_first = calloc(m->n_sections + 1, sizeof *ws->sec_first);
	ws->sec_steps = calloc(m->n_sections + 1, sizeof *ws->sec_steps);
	ws->sec_answered = calloc(m->n_sections + 1, sizeof *ws->sec_answered);
	ws->sec_minutes = calloc(m->n_sections + 1, sizeof *ws->sec_minutes);
	if (!ws->sec_first || !ws->sec_steps || !ws->sec_answered || !ws->sec_minutes)
		return -1;
	for (i = m->n_sections; i-- > 0;)
		ws->sec_first[i] = ws->n_steps;
	for (k = ws->n_steps; k-- > 0;) {
		ws->sec_first[ws->steps[k].section] = k;
		ws->sec_steps[ws->steps[k].section]++;
	}
	/* a section with no walked rows starts where the next one does */
	for (i = m->n_sections; i-- > 1;)
		if (!ws->sec_steps[i - 1])
			ws->sec_first[i - 1] = ws->sec_first[i];
	return 0;
}

static int step_answered(const store_row_answer *a)
{
	return a && (a->state == STORE_ROW_AGREED ||
		     a->state == STORE_ROW_NOT_APPLICABLE);
}

/* The answered counts, after the answers were loaded afresh. */
static void count_answered(workshop *ws)
{
	size_t k;

	memset(ws->sec_answered, 0, (ws->m->n_sections + 1) * sizeof *ws->sec_answered);
	ws->answered = 0;
	for (k = 0; k < ws->n_steps; k++)
		if (workshop_step_answered(ws, k)) {
			ws->sec_answered[ws->steps[k].section]++;
			ws->answered++;
		}
}

/* The plan, after the answers (which hold the set minutes) were loaded. */
static void count_plan(workshop *ws)
{
	size_t i;

	plan_begin(&ws->plan, ws->s.planned_minutes);
	for (i = 0; i < ws->m->n_sections; i++) {
		ws->sec_minutes[i] = plan_set_minutes(&ws->a, ws->m->sections[i].id);
		plan_add(&ws->plan, ws->sec_steps[i], ws->sec_minutes[i]);
	}
}

/* The stored position as a step: the row if it still applies, else the
 * first row of the stored section, else the start. */
static size_t resume_step(const workshop *ws)
{
	size_t sec, row, k;
	int si;

	if (ws->s.current_row &&
	    content_find_row(ws->m, ws->s.current_row, &sec, &row))
		for (k = 0; k < ws->n_steps; k++)
			if (ws->steps[k].section == sec && ws->steps[k].row == row)
				return k;
	if (ws->s.current_section &&
	    (si = content_find_section(ws->m, ws->s.current_section)) >= 0) {
		k = workshop_section_start(ws, (size_t)si);
		if (k < ws->n_steps)
			return k;
	}
	return 0;
}

static int load_matrix(workshop *ws, store_error *err)
{
	content_error cerr;
	char *text = NULL;
	int rc = store_session_matrix(ws->st, ws->s.id, &text, err);

	if (rc != 0)
		return rc;
	ws->m = content_load_text(text, strlen(text), ws->s.name, &cerr);
	free(text);
	if (!ws->m) {
		err->status = STORE_EDATA;
		snprintf(err->message, sizeof err->message,
			 "the session's stored matrix cannot be read: %.400s",
			 cerr.message);
		return STORE_EDATA;
	}
	return 0;
}

/* Everything the workshop owns; answers not yet loaded are empty. */
static void workshop_free(workshop *ws)
{
	store_answers_free(&ws->a);
	store_session_clear(&ws->s);
	content_free(ws->m);
	free(ws->steps);
	free(ws->sec_first);
	free(ws->sec_steps);
	free(ws->sec_answered);
	free(ws->sec_minutes);
	free(ws);
}

workshop *workshop_open(store *st, const char *name_or_id, store_error *err)
{
	workshop *ws = calloc(1, sizeof *ws);

	if (!ws) {
		err->status = STORE_EIO;
		snprintf(err->message, sizeof err->message, "out of memory");
		return NULL;
	}
	ws->st = st;
	if (store_session_find(st, name_or_id, &ws->s, err) != 0 ||
	    load_matrix(ws, err) != 0 || build_steps(ws) != 0 ||
	    store_answers_load(st, ws->s.id, &ws->a, err) != 0) {
		if (!ws->steps && ws->m) {
			err->status = STORE_EIO;
			snprintf(err->message, sizeof err->message, "out of memory");
		}
		workshop_free(ws);
		return NULL;
	}
	count_answered(ws);
	count_plan(ws);
	ws->cur = resume_step(ws);
	ws->entered = (time_t)text_now();
	ws->data_version = store_data_version(st);
	return ws;
}

void workshop_close(workshop *ws)
{
	store_error err;

	if (!ws)
		return;
	workshop_flush_time(ws, (time_t)text_now(), &err);
	workshop_free(ws);
}

/* After the session's type changed: the walk's rows again, staying on
 * the current row when it still applies, else on the next one that does
 * (the last when none follows). */
static int rewalk(workshop *ws)
{
	workshop_step at = { 0, 0 };
	size_t k;

	if (ws->cur < ws->n_steps)
		at = ws->steps[ws->cur];
	if (build_steps(ws) != 0)
		return -1;
	for (k = 0; k < ws->n_steps; k++)
		if (ws->steps[k].section > at.section ||
		    (ws->steps[k].section == at.section && ws->steps[k].row >= at.row))
			break;
	ws->cur = k < ws->n_steps ? k : (ws->n_steps ? ws->n_steps - 1 : 0);
	return 0;
}

int workshop_reload(workshop *ws, store_error *err)
{
	store_session s;
	store_answers a;
	int rc, retrack;

	memset(&s, 0, sizeof s);
	memset(&a, 0, sizeof a);
	if ((rc = store_session_find(ws->st, ws->s.id, &s, err)) != 0)
		return rc;
	if ((rc = store_answers_load(ws->st, ws->s.id, &a, err)) != 0) {
		store_session_clear(&s);
		return rc;
	}
	store_session_clear(&ws->s);
	store_answers_free(&ws->a);
	retrack = ws->s.track != s.track;
	ws->s = s;
	ws->a = a;
	ws->data_version = store_data_version(ws->st);
	if (retrack && rewalk(ws) != 0) {
		err->status = STORE_EOS;
		snprintf(err->message, sizeof err->message, "out of memory");
		return STORE_EOS;
	}
	count_answered(ws);
	count_plan(ws);
	ws->reloads++;
	return 0;
}

/* Where row_id's entry is, or goes, in the sorted rows. */
static size_t row_slot(const store_answers *a, const char *row_id, int *there)
{
	size_t lo = 0, hi = a->n_rows;

	*there = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(a->rows[mid].row_id, row_id);

		if (c == 0) {
			*there = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Puts `r` (or nothing, found == 0) in row_id's place; 0, or -1 when out
 * of memory (the old entry is then kept). */
static int replace_row(store_answers *a, const char *row_id, store_row_answer *r,
		       int found)
{
	int there;
	size_t at = row_slot(a, row_id, &there);

	if (there && found) {
		store_row_answer_clear(&a->rows[at]);
		a->rows[at] = *r;
		return 0;
	}
	if (there) {
		store_row_answer_clear(&a->rows[at]);
		memmove(&a->rows[at], &a->rows[at + 1],
			(a->n_rows - at - 1) * sizeof *a->rows);
		a->n_rows--;
		return 0;
	}
	if (found) {
		store_row_answer *rows = realloc(a->rows, (a->n_rows + 1) * sizeof *rows);

		if (!rows)
			return -1;
		a->rows = rows;
		memmove(&rows[at + 1], &rows[at], (a->n_rows - at) * sizeof *rows);
		rows[at] = *r;
		a->n_rows++;
	}
	return 0;
}

/* The step of `row_id`: nearly always the current row (the one a key
 * just changed), found without a scan of every step. */
static size_t refreshed_step(const workshop *ws, const char *row_id)
{
	const content_row *cur = workshop_row(ws);

	if (cur && strcmp(cur->id, row_id) == 0)
		return ws->cur;
	return workshop_find_step(ws, row_id);
}

int workshop_refresh_row(workshop *ws, const char *row_id, store_error *err)
{
	size_t step = refreshed_step(ws, row_id);
	store_row_answer r;
	char *id;
	int found, rc, was;

	/* another process wrote since the last load: read it all */
	if (store_data_version(ws->st) != ws->data_version)
		return workshop_reload(ws, err);
	/* row_id may point into the entry being replaced */
	if (!(id = strdup(row_id)))
		return workshop_reload(ws, err);
	rc = store_answer_load_row(ws->st, ws->s.id, id, ws->a.n_participants, &r,
				   &found, err);
	if (rc != 0) {
		free(id);
		return rc;
	}
	was = step_answered(store_answers_row(&ws->a, id));
	if (replace_row(&ws->a, id, &r, found) != 0) {
		store_row_answer_clear(&r);
		free(id);
		return workshop_reload(ws, err);
	}
	free(id);
	if (step < ws->n_steps) {
		int now = workshop_step_answered(ws, step);
		size_t sec = ws->steps[step].section;

		ws->sec_answered[sec] += (size_t)now - (size_t)was;
		ws->answered += (size_t)now - (size_t)was;
		ws->changed_step = step;
	}
	ws->row_changes++;
	return 0;
}

/* Watchers and joiners show whatever row the facilitator stored last. */
int workshop_follow(workshop *ws)
{
	size_t step = resume_step(ws);

	if (step == ws->cur)
		return 0;
	ws->cur = step;
	return 1;
}

const content_section *workshop_section(const workshop *ws)
{
	if (!ws->n_steps)
		return NULL;
	return &ws->m->sections[ws->steps[ws->cur].section];
}

const content_row *workshop_row(const workshop *ws)
{
	const workshop_step *p;

	if (!ws->n_steps)
		return NULL;
	p = &ws->steps[ws->cur];
	return &ws->m->sections[p->section].rows[p->row];
}

const store_row_answer *workshop_answer_at(const workshop *ws, size_t step)
{
	const workshop_step *p;

	if (step >= ws->n_steps)
		return NULL;
	p = &ws->steps[step];
	return store_answers_row(&ws->a, ws->m->sections[p->section].rows[p->row].id);
}

const store_row_answer *workshop_answer(const workshop *ws)
{
	return workshop_answer_at(ws, ws->cur);
}

/* One write, and only while the note is shown: moving rows stays cheap. */
static int hide_note(workshop *ws, store_error *err)
{
	int rc;

	if (!ws->s.show_note)
		return 0;
	rc = store_session_set_show_note(ws->st, ws->s.id, 0, err);
	if (rc == 0)
		ws->s.show_note = 0;
	return rc;
}

int workshop_goto(workshop *ws, size_t step, store_error *err)
{
	const content_section *sec;
	int rc;

	if (step >= ws->n_steps || step == ws->cur || ws->follower)
		return 0;
	rc = hide_note(ws, err);
	if (ws->steps[step].section != ws->steps[ws->cur].section) {
		if (rc == 0)
			rc = workshop_flush_time(ws, (time_t)text_now(), err);
		/* Time that could not be stored is dropped, never credited to
		 * the section being entered. */
		ws->entered = (time_t)text_now();
	}
	ws->cur = step;
	sec = workshop_section(ws);
	if (rc == 0)
		rc = store_session_set_position(ws->st, ws->s.id, sec->id,
						workshop_row(ws)->id, err);
	return rc;
}

int workshop_open_row(workshop *ws, store_error *err)
{
	if (ws->follower || !ws->n_steps)
		return 0;
	/* Stored there already: opened then (or by the upgrade). */
	if (ws->s.current_row && strcmp(ws->s.current_row, workshop_row(ws)->id) == 0)
		return 0;
	return store_session_set_position(ws->st, ws->s.id, workshop_section(ws)->id,
					  workshop_row(ws)->id, err);
}

size_t workshop_section_start(const workshop *ws, size_t section)
{
	if (section >= ws->m->n_sections)
		return ws->n_steps;
	return ws->sec_first[section];
}

/* A section's walked rows are consecutive steps. */
static size_t row_in_section_at(const workshop *ws, size_t step, size_t *n_in_section)
{
	size_t sec;

	if (step >= ws->n_steps) {
		*n_in_section = 0;
		return 0;
	}
	sec = ws->steps[step].section;
	*n_in_section = ws->sec_steps[sec];
	return step - ws->sec_first[sec];
}

size_t workshop_row_in_section(const workshop *ws, size_t *n_in_section)
{
	return row_in_section_at(ws, ws->cur, n_in_section);
}

size_t workshop_find_step(const workshop *ws, const char *row_id)
{
	size_t k;

	for (k = 0; k < ws->n_steps; k++) {
		const workshop_step *p = &ws->steps[k];

		if (strcmp(ws->m->sections[p->section].rows[p->row].id, row_id) == 0)
			return k;
	}
	return ws->n_steps;
}

void workshop_step_number(const workshop *ws, size_t step, char *out, size_t size)
{
	size_t n;

	if (step >= ws->n_steps) {
		snprintf(out, size, "?");
		return;
	}
	snprintf(out, size, "%zu.%zu", ws->steps[step].section + 1,
		 row_in_section_at(ws, step, &n) + 1);
}

int workshop_step_answered(const workshop *ws, size_t step)
{
	return step_answered(workshop_answer_at(ws, step));
}

size_t workshop_answered(const workshop *ws, size_t *total)
{
	*total = ws->n_steps;
	return ws->answered;
}

size_t workshop_section_answered(const workshop *ws, size_t section, size_t *total)
{
	if (section >= ws->m->n_sections) {
		*total = 0;
		return 0;
	}
	*total = ws->sec_steps[section];
	return ws->sec_answered[section];
}

long long workshop_stored_seconds(const workshop *ws, size_t section)
{
	const char *id = ws->m->sections[section].id;
	size_t i;

	for (i = 0; i < ws->a.n_times; i++)
		if (strcmp(ws->a.times[i].section_id, id) == 0)
			return ws->a.times[i].seconds;
	return 0;
}

long long workshop_section_seconds(const workshop *ws, time_t now)
{
	long long run = now > ws->entered ? (long long)(now - ws->entered) : 0;

	if (!ws->n_steps)
		return 0;
	return workshop_stored_seconds(ws, ws->steps[ws->cur].section) + run;
}

/* The clock restarts only when the time was stored, so a failed write is
 * retried with the whole amount next time. */
int workshop_flush_time(workshop *ws, time_t now, store_error *err)
{
	long long run = now > ws->entered ? (long long)(now - ws->entered) : 0;
	size_t i;
	int rc;

	if (run <= 0 || !ws->n_steps || ws->follower)
		return 0;
	rc = store_session_add_time(ws->st, ws->s.id, workshop_section(ws)->id,
				    run, err);
	if (rc != 0)
		return rc;
	ws->entered = now;
	for (i = 0; i < ws->a.n_times; i++)
		if (strcmp(ws->a.times[i].section_id, workshop_section(ws)->id) == 0) {
			ws->a.times[i].seconds += run;
			return 0;
		}
	/* Not in the loaded list yet: reload so the display includes it. */
	return workshop_reload(ws, err);
}

void workshop_spread_of(const workshop *ws, const store_row_answer *ans,
			rowfacts_spread *out)
{
	size_t n = ws->s.n_participants < ws->a.n_participants ? ws->s.n_participants
							      : ws->a.n_participants;

	rowfacts_spread_of(ws->m, &ws->s, ans, n, out);
}

int workshop_ballot_hides(const workshop *ws, const store_row_answer *ans)
{
	return rowfacts_ballot_hides(&ws->s, ans);
}

rowfacts_state workshop_state_of(const workshop *ws, const store_row_answer *ans)
{
	return rowfacts_state_of(ws->m, ans);
}

/* ------------------------------------------------------------ undo */

/* "on 5.1 Title" for a walked row; the title alone for a row of the
 * other track, which has no number in this walk. */
static void undo_where(const workshop *ws, const char *row_id, size_t step,
		       char *out, size_t size)
{
	const content_row *r;
	size_t sec, row;
	char num[32];

	if (step < ws->n_steps) {
		workshop_step_number(ws, step, num, sizeof num);
		r = &ws->m->sections[ws->steps[step].section].rows[ws->steps[step].row];
		snprintf(out, size, " on %s %s", num, r->title);
	} else if ((r = content_find_row(ws->m, row_id, &sec, &row)) != NULL) {
		snprintf(out, size, " on %s", r->title);
	} else {
		snprintf(out, size, " on %s", row_id);
	}
}

static void undo_message(const workshop *ws, const store_change *c, size_t step,
			 int redo, char *msg, size_t size)
{
	char where[300], words[300];

	where[0] = '\0';
	if (c->row_id[0])
		undo_where(ws, c->row_id, step, where, sizeof where);
	store_change_words(c, words, sizeof words);
	snprintf(msg, size, "%s%s: %s", redo ? "Redone" : "Undone", where, words);
}

/* The message is composed before the move is stored, so a position that
 * fails to save still leaves the room told what was undone. */
static int workshop_revert(workshop *ws, int redo, int *moved, char *msg,
			   size_t size, store_error *err)
{
	store_change c;
	size_t step;
	int done, rc;

	*moved = 0;
	msg[0] = '\0';
	rc = redo ? store_redo_entry(ws->st, ws->s.id, &c, &done, err)
		  : store_undo_entry(ws->st, ws->s.id, &c, &done, err);
	if (rc == 0 && !done)
		snprintf(msg, size, redo ? "Nothing to redo." : "Nothing left to undo.");
	if (rc != 0 || !done)
		return rc;
	rc = workshop_reload(ws, err);
	step = c.row_id[0] ? workshop_find_step(ws, c.row_id) : ws->n_steps;
	undo_message(ws, &c, step, redo, msg, size);
	store_change_clear(&c);
	if (rc == 0 && step < ws->n_steps && step != ws->cur) {
		rc = workshop_goto(ws, step, err);
		*moved = ws->cur == step;
	}
	return rc;
}

int workshop_undo(workshop *ws, int *moved, char *msg, size_t size,
		  store_error *err)
{
	return workshop_revert(ws, 0, moved, msg, size, err);
}

int workshop_redo(workshop *ws, int *moved, char *msg, size_t size,
		  store_error *err)
{
	return workshop_revert(ws, 1, moved, msg, size, err);
}
