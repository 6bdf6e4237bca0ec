/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_brought.c - last session's open actions, reviewed in the next.
 *
 * A workshop is repeated about a year later and starts by asking what
 * became of the actions agreed last time.  When a session is created for
 * an organisation that already has one, each action of its most recent
 * session that is not done is copied into the `brought` table of the new
 * session, in the creation's own transaction.  They are copies, not
 * references: the earlier session may be renamed, changed or deleted and
 * the review still says what was brought.
 *
 * Each gets an outcome (store_outcome).  Setting one is a change like any
 * other: one transaction, one history entry of kind "brought" whose old
 * and new values are JSON objects made by SQLite,
 *   {"outcome": N, "carried": ID or null, "text": ..., "action": {...} or null}
 * where "action" is the carried-forward action's snapshot (as
 * store_actions.c keeps one), so undo and redo put the action back under
 * its id, or take it away, together with the outcome.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const outcome_words[STORE_OUTCOME_COUNT] = {
	"not yet reviewed", "done", "in progress", "dropped", "carried forward"
};
static const char *const outcome_names[STORE_OUTCOME_COUNT] = {
	"not_reviewed", "done", "in_progress", "dropped", "carried_forward"
};

const char *store_outcome_words(enum store_outcome outcome)
{
	return (unsigned)outcome < STORE_OUTCOME_COUNT ? outcome_words[outcome] : "?";
}

const char *store_outcome_name(enum store_outcome outcome)
{
	return (unsigned)outcome < STORE_OUTCOME_COUNT ? outcome_names[outcome] : "?";
}

const store_brought *store_answers_brought_for(const store_answers *a,
					       long long action_id)
{
	size_t i;

	for (i = 0; action_id > 0 && i < a->n_brought; i++)
		if (a->brought[i].carried == action_id &&
		    a->brought[i].outcome == STORE_OUTCOME_CARRIED)
			return &a->brought[i];
	return NULL;
}

/* ------------------------------------------------------------ bringing */

/* A file kept at an older schema (the upgrade tests make one) has no
 * table to bring actions into; creating a session there still works. */
static int have_table(store *st, int *yes, store_error *err)
{
	static const char sql[] =
		"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'brought'";
	long long one = 0;

	return store_step_int(st, store_sql(st, sql, err), &one, yes,
			      "read the schema", err);
}

typedef struct bringing {
	store *st;
	const char *sid;
	const store_session *from;
	const content_matrix *m;
	unsigned track;
	int position;
	store_error *err;
	int rc;
} bringing;

/* The row is gone when this matrix lacks it or it is on the other track:
 * the walk never reaches it. */
static int row_gone(const bringing *b, const char *row_id)
{
	const content_row *r = content_find_row(b->m, row_id, NULL, NULL);

	return !r || !content_row_applies(r, b->track);
}

/* One open action of the earlier session (id, row_id, text, owner, due). */
static int bring_one(sqlite3_stmt *q, void *ctx)
{
	static const char sql[] =
		"INSERT INTO brought (session, position, from_session, from_name,"
		" from_action, row_id, text, owner, due, row_gone)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	bringing *b = ctx;
	const char *row_id = (const char *)sqlite3_column_text(q, 1);
	sqlite3_stmt *stmt;
	int i;

	if (b->rc)
		return 0;
	stmt = store_sql_text1(b->st, sql, b->sid, b->err);
	if (!stmt) {
		b->rc = store_last(b->err);
		return 0;
	}
	sqlite3_bind_int(stmt, 2, b->position);
	store_bind_text(stmt, 3, b->from->id);
	store_bind_text(stmt, 4, b->from->name);
	sqlite3_bind_int64(stmt, 5, sqlite3_column_int64(q, 0));
	for (i = 1; i <= 4; i++)
		sqlite3_bind_value(stmt, 5 + i, sqlite3_column_value(q, i));
	sqlite3_bind_int(stmt, 10, row_gone(b, row_id ? row_id : ""));
	b->rc = store_run(b->st, stmt, "bring last session's actions", b->err);
	b->position++;
	return 0;
}

int store_bring_actions(store *st, const char *sid, const char *organisation,
			const content_matrix *m, unsigned track, long long now,
			store_error *err)
{
	static const char open_actions[] =
		"SELECT id, row_id, text, owner, due FROM actions"
		" WHERE session = ?1 AND done = 0 ORDER BY id";
	store_session self, from;
	bringing b;
	int rc, found = 0, table = 0;

	if (!organisation || !*organisation)
		return STORE_OK;
	memset(&self, 0, sizeof self);
	snprintf(self.id, sizeof self.id, "%s", sid);
	self.organisation = (char *)organisation;
	self.created = now;
	if ((rc = have_table(st, &table, err)) || !table)
		return rc;
	if ((rc = store_session_before(st, &self, &from, &found, err)) || !found)
		return rc;
	memset(&b, 0, sizeof b);
	b.st = st;
	b.sid = sid;
	b.from = &from;
	b.m = m;
	b.track = track;
	b.err = err;
	rc = store_each(st, open_actions, from.id, bring_one, &b,
			"read last session's actions", err);
	if (!rc)
		rc = b.rc;
	store_session_clear(&from);
	return rc;
}

/* The positions whose row_gone must change, gathered before any is
 * written (a statement reading the table is still stepping). */
typedef struct regone {
	const bringing *b;
	int *positions, *gone;
	size_t n, cap;
} regone;

static int regone_one(sqlite3_stmt *q, void *ctx)
{
	regone *r = ctx;
	const char *row_id = (const char *)sqlite3_column_text(q, 1);
	int gone = row_gone(r->b, row_id ? row_id : "");

	if (gone == sqlite3_column_int(q, 2))
		return 0;
	if (r->n == r->cap) {
		size_t c = r->cap ? r->cap * 2 : 8;
		int *p = realloc(r->positions, c * sizeof *p), *g;

		if (!p)
			return -1;
		r->positions = p;
		if (!(g = realloc(r->gone, c * sizeof *g)))
			return -1;
		r->gone = g;
		r->cap = c;
	}
	r->positions[r->n] = sqlite3_column_int(q, 0);
	r->gone[r->n++] = gone;
	return 0;
}

int store_brought_rows_again(store *st, const char *sid, const content_matrix *m,
			     unsigned track, store_error *err)
{
	static const char list[] =
		"SELECT position, row_id, row_gone FROM brought WHERE session = ?1";
	static const char set[] =
		"UPDATE brought SET row_gone = ?3 WHERE session = ?1 AND position = ?2";
	bringing b;
	regone r;
	sqlite3_stmt *stmt;
	size_t i;
	int rc, table = 0;

	if ((rc = have_table(st, &table, err)) || !table)
		return rc;
	memset(&b, 0, sizeof b);
	b.m = m;
	b.track = track;
	memset(&r, 0, sizeof r);
	r.b = &b;
	rc = store_each(st, list, sid, regone_one, &r, "read last session's actions", err);
	for (i = 0; !rc && i < r.n; i++) {
		if (!(stmt = store_sql_text_int(st, set, sid, r.positions[i], err))) {
			rc = store_last(err);
			break;
		}
		sqlite3_bind_int(stmt, 3, r.gone[i]);
		rc = store_run(st, stmt, "change the type", err);
	}
	free(r.positions);
	free(r.gone);
	return rc;
}

/* ------------------------------------------------------------ loading */

void store_brought_free(store_answers *a)
{
	size_t i;

	for (i = 0; i < a->n_brought; i++) {
		store_brought *b = &a->brought[i];

		free(b->from_id);
		free(b->from_name);
		free(b->row_id);
		free(b->text);
		free(b->owner);
		free(b->due);
	}
	free(a->brought);
	free(a->brought_by_row);
	a->brought = NULL;
	a->brought_by_row = NULL;
	a->n_brought = 0;
}

typedef struct loading {
	store_answers *a;
	size_t cap;
} loading;

static int load_one(sqlite3_stmt *stmt, void *ctx)
{
	loading *l = ctx;
	store_answers *a = l->a;
	store_brought *b, *list = store_grow(a->brought, &a->n_brought, &l->cap,
					     sizeof *list);

	if (!list)
		return -1;
	a->brought = list;
	b = &list[a->n_brought - 1];
	b->position = sqlite3_column_int(stmt, 0);
	b->from_id = store_col_dup(stmt, 1);
	b->from_name = store_col_dup(stmt, 2);
	b->from_action = sqlite3_column_int64(stmt, 3);
	b->row_id = store_col_dup(stmt, 4);
	b->text = store_col_dup(stmt, 5);
	b->owner = store_col_dup(stmt, 6);
	b->due = store_col_dup(stmt, 7);
	b->row_gone = sqlite3_column_int(stmt, 8) != 0;
	b->outcome = (enum store_outcome)store_clamp(sqlite3_column_int64(stmt, 9), 0,
						     STORE_OUTCOME_COUNT - 1);
	b->carried = sqlite3_column_int64(stmt, 10);
	return !b->from_id || !b->from_name || !b->row_id || !b->text || !b->owner ||
	       !b->due ? -1 : 0;
}

static int by_row(const void *x, const void *y)
{
	const store_brought *a = *(const store_brought *const *)x;
	const store_brought *b = *(const store_brought *const *)y;
	int c = strcmp(a->row_id, b->row_id);

	return c ? c : (a->position > b->position) - (a->position < b->position);
}

/* brought_by_row: the actions sorted as pointers, kept as indexes. */
static int index_by_row(store_answers *a, store_error *err)
{
	const store_brought **sorted;
	size_t i;

	if (!a->n_brought)
		return STORE_OK;
	sorted = malloc(a->n_brought * sizeof *sorted);
	a->brought_by_row = malloc(a->n_brought * sizeof *a->brought_by_row);
	if (!sorted || !a->brought_by_row) {
		free(sorted);
		return store_fail(err, STORE_EOS, "out of memory");
	}
	for (i = 0; i < a->n_brought; i++)
		sorted[i] = &a->brought[i];
	qsort(sorted, a->n_brought, sizeof *sorted, by_row);
	for (i = 0; i < a->n_brought; i++)
		a->brought_by_row[i] = (size_t)(sorted[i] - a->brought);
	free(sorted);
	return STORE_OK;
}

int store_load_brought(store *st, const char *sid, store_answers *a,
		       store_error *err)
{
	static const char sql[] =
		"SELECT position, from_session, from_name, from_action, row_id, text,"
		" owner, due, row_gone, outcome, coalesce(carried, 0)"
		" FROM brought WHERE session = ?1 ORDER BY position";
	loading l = { a, 0 };
	int rc = store_each(st, sql, sid, load_one, &l, "read last session's actions",
			    err);

	return rc ? rc : index_by_row(a, err);
}

size_t store_answers_brought_of(const store_answers *a, const char *row_id,
				size_t *first)
{
	size_t lo = 0, hi = a->n_brought, end;

	*first = 0;
	if (!a->brought_by_row)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(a->brought[a->brought_by_row[mid]].row_id, row_id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < a->n_brought &&
	     strcmp(a->brought[a->brought_by_row[end]].row_id, row_id) == 0; end++)
		;
	*first = lo;
	return end - lo;
}

/* ------------------------------------------------------------ outcomes */

/* The snapshot kept in the history (see the top of the file). */
static const char snapshot_sql[] =
	"SELECT json_object('outcome', b.outcome, 'carried', b.carried,"
	" 'text', b.text, 'action', json((SELECT json_object('row_id', a.row_id,"
	"  'text', a.text, 'owner', a.owner, 'due', a.due, 'done', a.done,"
	"  'created', a.created) FROM actions a"
	"  WHERE a.id = b.carried AND a.session = b.session))),"
	" b.outcome, coalesce(b.carried, 0), b.row_gone, b.row_id, b.text, b.owner,"
	" b.due, b.from_name"
	" FROM brought b WHERE b.session = ?1 AND b.position = ?2";

typedef struct brought_now {
	char *json, *row_id, *text, *owner, *due, *from_name;
	int outcome, row_gone;
	long long carried;
} brought_now;

static void brought_now_free(brought_now *b)
{
	free(b->json);
	free(b->row_id);
	free(b->text);
	free(b->owner);
	free(b->due);
	free(b->from_name);
	memset(b, 0, sizeof *b);
}

static int read_now(store *st, const char *sid, int position, brought_now *b,
		    store_error *err)
{
	sqlite3_stmt *stmt = store_sql_text1(st, snapshot_sql, sid, err);
	int rc;

	memset(b, 0, sizeof *b);
	if (!stmt)
		return store_last(err);
	sqlite3_bind_int(stmt, 2, position);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		b->json = store_col_dup(stmt, 0);
		b->outcome = sqlite3_column_int(stmt, 1);
		b->carried = sqlite3_column_int64(stmt, 2);
		b->row_gone = sqlite3_column_int(stmt, 3);
		b->row_id = store_col_dup(stmt, 4);
		b->text = store_col_dup(stmt, 5);
		b->owner = store_col_dup(stmt, 6);
		b->due = store_col_dup(stmt, 7);
		b->from_name = store_col_dup(stmt, 8);
	}
	store_done(stmt);
	if (rc == SQLITE_DONE)
		return store_fail(err, STORE_ENOINPUT,
				  "no action %d brought from the last session", position + 1);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "read the brought action");
	if (!b->json || !b->row_id || !b->text || !b->owner || !b->due || !b->from_name) {
		brought_now_free(b);
		return store_fail(err, STORE_EOS, "out of memory");
	}
	return STORE_OK;
}

static int write_outcome(store *st, const char *sid, int position, int outcome,
			 long long carried, store_error *err)
{
	static const char sql[] =
		"UPDATE brought SET outcome = ?3, carried = ?4"
		" WHERE session = ?1 AND position = ?2";
	sqlite3_stmt *stmt = store_sql_text1(st, sql, sid, err);

	if (!stmt)
		return store_last(err);
	sqlite3_bind_int(stmt, 2, position);
	sqlite3_bind_int(stmt, 3, outcome);
	if (carried > 0)
		sqlite3_bind_int64(stmt, 4, carried);
	else
		sqlite3_bind_null(stmt, 4);
	return store_run(st, stmt, "record the outcome", err);
}

/* The snapshot's fields: outcome, carried id and the action's own JSON
 * (NULL when none). */
static int read_json(store *st, const char *json, int *outcome, long long *carried,
		     char **action, store_error *err)
{
	static const char sql[] =
		"SELECT json_extract(?1, '$.outcome'), coalesce(json_extract(?1,"
		" '$.carried'), 0), json_extract(?1, '$.action')";
	sqlite3_stmt *stmt = store_sql_text1(st, sql, json, err);
	int rc;

	*action = NULL;
	if (!stmt)
		return store_last(err);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*outcome = store_clamp(sqlite3_column_int64(stmt, 0), 0,
				       STORE_OUTCOME_COUNT - 1);
		*carried = sqlite3_column_int64(stmt, 1);
		if (sqlite3_column_type(stmt, 2) != SQLITE_NULL &&
		    !(*action = store_col_dup(stmt, 2)))
			rc = SQLITE_NOMEM;
	}
	store_done(stmt);
	if (rc == SQLITE_NOMEM)
		return store_fail(err, STORE_EOS, "out of memory");
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "read the history");
	return STORE_OK;
}

int store_write_brought(store *st, const char *sid, int position,
			const char *json, store_error *err)
{
	brought_now cur;
	long long carried = 0;
	char *action = NULL;
	int outcome = 0, rc;

	if (!json)
		return store_fail(err, STORE_EDATA, "the history has no outcome to put back");
	rc = read_now(st, sid, position, &cur, err);
	if (!rc)
		rc = read_json(st, json, &outcome, &carried, &action, err);
	if (!rc && cur.carried > 0 && cur.carried != carried)
		rc = store_write_action(st, sid, cur.carried, NULL, err);
	if (!rc && carried > 0 && action)
		rc = store_write_action(st, sid, carried, action, err);
	if (!rc)
		rc = write_outcome(st, sid, position, outcome, carried, err);
	free(action);
	brought_now_free(&cur);
	return rc;
}

static int record(store *st, const char *sid, int position, long long now,
		  const brought_now *old, int outcome, store_error *err)
{
	brought_now new;
	char summary[400], quote[80], from[80];
	int rc = read_now(st, sid, position, &new, err);
	store_entry e = { "brought", old->row_id, summary, position,
			  store_text_value(old->json), store_text_value(new.json), 0 };

	if (rc)
		return rc;
	store_quote(quote, sizeof quote, old->text);
	store_quote(from, sizeof from, old->from_name);
	snprintf(summary, sizeof summary, "Marked an action from %s %s on %s: %s",
		 from, store_outcome_words((enum store_outcome)outcome), old->row_id,
		 quote);
	rc = store_history_add(st, sid, now, &e, err);
	brought_now_free(&new);
	return rc;
}

/* Returns -1 when the outcome is already the one asked for. */
static int set_in_tx(store *st, const char *sid, int position, int outcome,
		     long long now, long long *carried, store_error *err)
{
	brought_now old;
	int rc = read_now(st, sid, position, &old, err);

	*carried = 0;
	if (rc)
		return rc;
	*carried = old.carried;
	if (old.outcome == outcome)
		rc = -1;
	else if (outcome == STORE_OUTCOME_CARRIED && old.row_gone)
		rc = store_fail(err, STORE_EUSAGE, "row %s is not in this session's "
				"matrix: mark the action done, in progress or dropped",
				old.row_id);
	if (!rc && outcome == STORE_OUTCOME_CARRIED)
		rc = store_insert_action(st, sid, old.row_id, old.text, old.owner,
					 old.due, now, carried, err);
	else if (!rc && old.carried > 0) {
		rc = store_write_action(st, sid, old.carried, NULL, err);
		*carried = 0;
	}
	if (!rc)
		rc = write_outcome(st, sid, position, outcome, *carried, err);
	if (!rc)
		rc = record(st, sid, position, now, &old, outcome, err);
	brought_now_free(&old);
	return rc;
}

int store_brought_set(store *st, const char *session_id, int position,
		      enum store_outcome outcome, long long *action_out,
		      store_error *err)
{
	long long now, carried = 0;
	int rc;

	if (action_out)
		*action_out = 0;
	if ((unsigned)outcome >= STORE_OUTCOME_COUNT)
		return store_fail(err, STORE_EUSAGE, "no such outcome");
	rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	rc = set_in_tx(st, session_id, position, (int)outcome, now, &carried, err);
	if (rc == -1) {
		store_rollback(st);
		store_ok(err);
	} else {
		rc = store_change_end(st, rc, err);
	}
	if (rc <= 0 && action_out)
		*action_out = outcome == STORE_OUTCOME_CARRIED ? carried : 0;
	return rc < 0 ? STORE_OK : rc;
}

/* ------------------------------------------------------------ merging */

/* The other copy's carried action of `position` copied here under a new
 * id (its text as the other copy has it now, or as it was brought when
 * that action is gone), noted so the other copy's changes to it follow. */
static int copy_carried(store *st, const char *sid, int position,
			const brought_now *cur, long long *id, store_error *err)
{
	static const char there_sql[] =
		"SELECT coalesce(carried, 0) FROM other.brought"
		" WHERE session = ?1 AND position = ?2";
	static const char copy_sql[] =
		"INSERT INTO main.actions (session, row_id, text, owner, due, done, created)"
		" SELECT session, row_id, text, owner, due, done, created FROM other.actions"
		" WHERE session = ?1 AND id = ?2";
	static const char note_sql[] =
		"INSERT OR REPLACE INTO temp.merge_ids (kind, there, here)"
		" VALUES ('action', ?2, ?3)";
	sqlite3_stmt *stmt;
	long long there = 0;
	int found = 0, rc = store_step_int(st, store_sql_text_int(st, there_sql, sid,
								 position, err),
					   &there, &found, "merge last session's actions", err);

	if (!rc && !(stmt = store_sql_text_int(st, copy_sql, sid, there, err)))
		rc = store_last(err);
	if (!rc)
		rc = store_run(st, stmt, "merge last session's actions", err);
	if (!rc && sqlite3_changes(st->db) == 1)
		*id = sqlite3_last_insert_rowid(st->db);
	else if (!rc)
		rc = store_insert_action(st, sid, cur->row_id, cur->text, cur->owner,
					 cur->due, store_now(), id, err);
	if (!rc && there > 0 && !(stmt = store_sql_text_int(st, note_sql, sid, there, err)))
		rc = store_last(err);
	if (!rc && there > 0) {
		sqlite3_bind_int64(stmt, 3, *id);
		rc = store_run(st, stmt, "merge last session's actions", err);
	}
	return rc;
}

int store_merge_brought(store *st, const char *sid, int position, int outcome,
			store_error *err)
{
	brought_now cur;
	long long carried;
	int rc = read_now(st, sid, position, &cur, err);

	if (rc)
		return rc;
	carried = cur.carried;
	if (outcome == STORE_OUTCOME_CARRIED && carried <= 0)
		rc = copy_carried(st, sid, position, &cur, &carried, err);
	else if (outcome != STORE_OUTCOME_CARRIED && carried > 0) {
		rc = store_write_action(st, sid, carried, NULL, err);
		carried = 0;
	}
	if (!rc)
		rc = write_outcome(st, sid, position,
				   store_clamp(outcome, 0, STORE_OUTCOME_COUNT - 1),
				   carried, err);
	brought_now_free(&cur);
	return rc;
}
