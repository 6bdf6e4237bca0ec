/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_json.c - the JSON document of one session (layout in report.h).
 *
 * The summary model is put into a few tables of a scratch in-memory
 * database and one query of json_object() and json_group_array() makes
 * the document, so SQLite does all the quoting.  Strings are the text as
 * typed; report_json_put then escapes what a terminal would act on.  The
 * order of array elements is the order of the tables' rows (subqueries
 * ordered by `ord`), which is matrix and creation order.
 *
 * A scalar subquery loses the JSON subtype of its value, so each one is
 * wrapped in json() to be embedded as JSON rather than as a string.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "report_table.h"
#include "rowfacts.h"

static const char schema[] =
	"CREATE TABLE stages (ord INTEGER PRIMARY KEY, id, label);"
	"CREATE TABLE people (ord INTEGER PRIMARY KEY, name, scored INTEGER);"
	"CREATE TABLE scores (votes_before INTEGER, gone INTEGER);"
	"CREATE TABLE sections (ord INTEGER PRIMARY KEY, id, title, seconds INTEGER,"
	" planned INTEGER, bench_n, bench_stage);"
	"CREATE TABLE history (ord INTEGER PRIMARY KEY, row, session, date, stage,"
	" absent);"
	"CREATE TABLE rows (ord INTEGER PRIMARY KEY, section, id, title, state,"
	" agreed_id, agreed_label, hidden, note);"
	"CREATE TABLE votes (ord INTEGER PRIMARY KEY, row, participant, vote, given);"
	"CREATE TABLE actions (ord INTEGER PRIMARY KEY, row, text, owner, due, done,"
	" brought_from);"
	"CREATE TABLE brought (ord INTEGER PRIMARY KEY, row_id, text, owner, due,"
	" outcome, from_id, from_name, row_gone);";

static const char document[] =
	"SELECT json_object('format_version', ?1,"
	" 'session', json_object('id', ?2, 'name', ?3, 'organisation', ?4,"
	"  'type', ?5, 'facilitator', ?6, 'created', ?7, 'updated', ?8,"
	"  'secret_ballot', json(CASE WHEN ?9 THEN 'true' ELSE 'false' END),"
	"  'planned_minutes', ?17),"
	" 'matrix', json_object('id', ?10, 'title', ?11, 'version', ?12,"
	"  'source', ?13, 'stages', json((SELECT json_group_array("
	"   json_object('id', id, 'label', label)) FROM"
	"   (SELECT * FROM stages ORDER BY ord)))),"
	" 'participants', json((SELECT json_group_array(name) FROM"
	"  (SELECT name FROM people ORDER BY ord))),"
	" 'scores', json((SELECT json_object('votes_before', votes_before,"
	"  'rows_not_in_matrix', gone, 'participants', json((SELECT"
	"   json_group_array(json_object('participant', name, 'rows', scored)) FROM"
	"   (SELECT * FROM people WHERE scored > 0 ORDER BY ord)))) FROM scores)),"
	" 'sections', json((SELECT json_group_array(json_object('id', s.id,"
	"  'title', s.title, 'seconds', s.seconds, 'planned_seconds', s.planned,"
	"  'rows', json((SELECT json_group_array(json_object("
	"   'id', r.id, 'title', r.title, 'state', r.state,"
	"   'agreed', json(CASE WHEN r.agreed_id IS NULL THEN NULL ELSE"
	"    json_object('id', r.agreed_id, 'label', r.agreed_label) END),"
	"   'votes_hidden', json(CASE WHEN r.hidden THEN 'true' ELSE 'false' END),"
	"   'votes', json((SELECT json_group_array(json_object('participant',"
	"    v.participant, 'vote', v.vote, 'when', v.given)) FROM"
	"    (SELECT * FROM votes WHERE row = r.ord ORDER BY ord) v)),"
	"   'note', r.note,"
	"   'history', json((SELECT json_group_array(json_object('session',"
	"    h.session, 'date', h.date, 'stage', h.stage, 'in_version',"
	"    json(CASE WHEN h.absent THEN 'false' ELSE 'true' END))) FROM"
	"    (SELECT * FROM history WHERE row = r.ord ORDER BY ord) h)),"
	"   'actions', json((SELECT json_group_array(json_object('text', a.text,"
	"    'owner', a.owner, 'due', a.due,"
	"    'done', json(CASE WHEN a.done THEN 'true' ELSE 'false' END),"
	"    'brought_from', a.brought_from)) FROM"
	"    (SELECT * FROM actions WHERE row = r.ord ORDER BY ord) a))))"
	"  FROM (SELECT * FROM rows WHERE section = s.ord ORDER BY ord) r)),"
	"  'benchmark', json(CASE WHEN s.bench_n IS NULL THEN NULL ELSE"
	"   json_object('organisations', CAST(s.bench_n AS INTEGER),"
	"    'median_stage', s.bench_stage) END)))"
	"  FROM (SELECT * FROM sections ORDER BY ord) s)),"
	" 'previous', json(CASE WHEN ?14 IS NULL THEN NULL ELSE"
	"  json_object('id', ?14, 'name', ?15, 'created', ?16) END),"
	" 'brought', json((SELECT json_group_array(json_object('row_id', b.row_id,"
	"  'text', b.text, 'owner', b.owner, 'due', b.due, 'outcome', b.outcome,"
	"  'from_session', json_object('id', b.from_id, 'name', b.from_name),"
	"  'row_in_matrix', json(CASE WHEN b.row_gone THEN 'false' ELSE 'true' END)))"
	"  FROM (SELECT * FROM brought ORDER BY ord) b)))";

/* Runs an INSERT with up to 9 text values (NULL entries bind NULL). */
static int insert(sqlite3 *db, const char *sql, int n, const char *const *v)
{
	sqlite3_stmt *q = NULL;
	int i, rc = sqlite3_prepare_v2(db, sql, -1, &q, NULL);

	for (i = 0; i < n && rc == SQLITE_OK; i++)
		rc = report_bind_text(q, i + 1, v[i]);
	if (rc == SQLITE_OK && sqlite3_step(q) != SQLITE_DONE)
		rc = SQLITE_ERROR;
	sqlite3_finalize(q);
	return rc == SQLITE_OK ? 0 : -1;
}

/* Who scored how many rows before the workshop, never the values. */
static int put_scores(sqlite3 *db, const rowfacts_progress *pr)
{
	char before[24], gone[24];
	const char *v[2] = { before, gone };

	snprintf(before, sizeof before, "%d", pr->votes_before);
	snprintf(gone, sizeof gone, "%d", pr->gone);
	return insert(db, "INSERT INTO scores VALUES (CAST(?1 AS INTEGER),"
		      " CAST(?2 AS INTEGER))", 2, v);
}

static int put_matrix_and_people(sqlite3 *db, const report_summary *sm,
				 const rowfacts_progress *pr)
{
	const store_session *s = sm->session;
	size_t k, n = s->n_participants;
	char name[48];
	int rc = 0;

	for (k = 0; k < sm->matrix->n_stages && !rc; k++) {
		const char *v[2] = { sm->matrix->stages[k].id, sm->matrix->stages[k].label };

		rc = insert(db, "INSERT INTO stages (id, label) VALUES (?, ?)", 2, v);
	}
	if (sm->answers->n_participants > n)
		n = sm->answers->n_participants;
	for (k = 0; k < n && !rc; k++) {
		char scored[24];
		const char *v[2] = { name, scored };

		snprintf(name, sizeof name, "Participant %zu", k + 1);
		snprintf(scored, sizeof scored, "%d", k < pr->n_participants ? pr->rows[k] : 0);
		if (k < s->n_participants)
			v[0] = s->participants[k];
		rc = insert(db, "INSERT INTO people (name, scored)"
			    " VALUES (?, CAST(?2 AS INTEGER))", 2, v);
	}
	for (k = 0; k < sm->n_sections && !rc; k++) {
		const summary_benchmark *b = sm->benchmark ? &sm->benchmark[k] : NULL;
		const char *v[7] = { NULL, sm->sections[k].section->id,
				     sm->sections[k].section->title, NULL, NULL, NULL, NULL };
		char ord[24], secs[24], plan[24], count[24];

		snprintf(ord, sizeof ord, "%zu", k);
		snprintf(secs, sizeof secs, "%lld", summary_section_seconds(sm, k));
		snprintf(plan, sizeof plan, "%lld", summary_section_planned_seconds(sm, k));
		v[0] = ord;
		v[3] = secs;
		v[4] = plan;
		if (b) {
			snprintf(count, sizeof count, "%d", b->organisations);
			v[5] = count;
			v[6] = b->median >= 0 ? sm->matrix->stages[b->median].id : NULL;
		}
		rc = insert(db, "INSERT INTO sections VALUES (?, ?, ?, CAST(?4 AS INTEGER),"
			    " CAST(?5 AS INTEGER), ?6, ?7)", 7, v);
	}
	return rc;
}

static int put_votes(sqlite3 *db, const report_summary *sm,
		     const summary_row *r, const char *row_ord)
{
	const store_session *s = sm->session;
	size_t p;
	int rc = 0;

	if (!r->answer || !r->answer->votes || r->votes.hidden)
		return 0;
	for (p = 0; p < sm->answers->n_participants && !rc; p++) {
		int vote = r->answer->votes[p];
		int on_stage = vote >= 0 && (size_t)vote < sm->matrix->n_stages;
		char name[48];
		const char *v[4] = { row_ord, name,
			on_stage ? sm->matrix->stages[vote].id : "dont_know",
			rowfacts_when_word(r->answer, p) };

		if (!on_stage && vote != STORE_VOTE_DONT_KNOW)
			continue;
		snprintf(name, sizeof name, "Participant %zu", p + 1);
		if (p < s->n_participants)
			v[1] = s->participants[p];
		rc = insert(db, "INSERT INTO votes (row, participant, vote, given)"
			    " VALUES (?, ?, ?, ?)", 4, v);
	}
	return rc;
}

/* The row's agreed stage in each session of the trend, oldest first. */
static int put_history(sqlite3 *db, const report_summary *sm, size_t i,
		       const char *row_ord)
{
	const summary_trend *t = &sm->trend;
	size_t k;
	int rc = 0;

	for (k = 0; k < t->n && !rc; k++) {
		int stage = t->stages[i * t->n + k];
		char date[32];
		const char *v[5] = { row_ord, t->sessions[k]->name, date,
			stage >= 0 ? sm->matrix->stages[stage].id : NULL,
			stage == SUMMARY_NOT_IN_VERSION ? "1" : NULL };

		report_iso_time(t->sessions[k]->created, date, sizeof date);
		date[10] = '\0';
		rc = insert(db, "INSERT INTO history (row, session, date, stage, absent)"
			    " VALUES (?, ?, ?, ?, ?)", 5, v);
	}
	return rc;
}

static int put_row(sqlite3 *db, const report_summary *sm, size_t i)
{
	const summary_row *r = &sm->rows[i];
	const content_stage *st = r->stage >= 0 ? &sm->matrix->stages[r->stage] : NULL;
	char ord[24], sec[24];
	const char *v[9] = { ord, sec, r->row->id, r->row->title,
		summary_state_name(r->state), st ? st->id : NULL,
		st ? st->label : NULL, r->votes.hidden ? "1" : NULL, r->note };
	size_t k;
	int rc;

	snprintf(ord, sizeof ord, "%zu", i);
	snprintf(sec, sizeof sec, "%zu", r->section);
	rc = insert(db, "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 9, v);
	if (!rc)
		rc = put_votes(db, sm, r, ord);
	if (!rc)
		rc = put_history(db, sm, i, ord);
	for (k = 0; k < r->n_actions && !rc; k++) {
		const store_action *a = r->actions[k];
		const store_brought *b = store_answers_brought_for(sm->answers, a->id);
		const char *w[6] = { ord, a->text, a->owner ? a->owner : "",
				     a->due ? a->due : "", a->done ? "1" : NULL,
				     b ? b->from_name : NULL };

		rc = insert(db, "INSERT INTO actions (row, text, owner, due, done,"
			    " brought_from) VALUES (?, ?, ?, ?, ?, ?)", 6, w);
	}
	return rc;
}

/* The previous session's open actions with their outcomes. */
static int put_brought(sqlite3 *db, const report_summary *sm)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < sm->answers->n_brought && !rc; i++) {
		const store_brought *b = &sm->answers->brought[i];
		const char *w[8] = { b->row_id, b->text, b->owner, b->due,
				     store_outcome_name(b->outcome), b->from_id,
				     b->from_name, b->row_gone ? "1" : NULL };

		rc = insert(db, "INSERT INTO brought (row_id, text, owner, due, outcome,"
			    " from_id, from_name, row_gone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			    8, w);
	}
	return rc;
}

static int bind_document(sqlite3_stmt *q, const report_summary *sm)
{
	const store_session *s = sm->session, *prev = sm->previous;
	const content_matrix *m = sm->matrix;
	char created[32], updated[32], prev_created[32];
	const char *v[15] = { s->id, s->name, s->organisation,
		content_track_name(s->track), s->facilitator, created, updated,
		NULL, m->id, m->title, m->version, m->source,
		prev ? prev->id : NULL, prev ? prev->name : NULL,
		prev ? prev_created : NULL };
	int i, rc;

	report_iso_time(s->created, created, sizeof created);
	report_iso_time(s->updated, updated, sizeof updated);
	if (prev)
		report_iso_time(prev->created, prev_created, sizeof prev_created);
	rc = sqlite3_bind_int(q, 1, REPORT_FORMAT_VERSION);
	for (i = 0; i < 15 && rc == SQLITE_OK; i++)
		rc = i == 7 ? sqlite3_bind_int(q, 9, s->secret_ballot)
			    : report_bind_text(q, i + 2, v[i]);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(q, 17, s->planned_minutes);
	return rc == SQLITE_OK ? 0 : -1;
}

int report_write_json(const report_summary *sm, FILE *out)
{
	sqlite3 *db = report_scratch_open(0);
	sqlite3_stmt *q = NULL;
	rowfacts_progress pr;
	size_t i;
	int rc;

	if (!db)
		return -1;
	rc = sqlite3_exec(db, schema, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
	rowfacts_score_progress(sm->matrix, sm->session, sm->answers, &pr);
	if (!pr.rows)
		rc = -1;
	if (!rc)
		rc = put_matrix_and_people(db, sm, &pr);
	if (!rc)
		rc = put_scores(db, &pr);
	rowfacts_progress_free(&pr);
	for (i = 0; i < sm->n_rows && !rc; i++)
		rc = put_row(db, sm, i);
	if (!rc)
		rc = put_brought(db, sm);
	if (!rc)
		rc = sqlite3_prepare_v2(db, document, -1, &q, NULL) == SQLITE_OK ? 0 : -1;
	if (!rc)
		rc = bind_document(q, sm);
	if (!rc)
		rc = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0) ?
		     report_json_put((const char *)sqlite3_column_text(q, 0), out) : -1;
	sqlite3_finalize(q);
	sqlite3_close(db);
	return rc;
}
