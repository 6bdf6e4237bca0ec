/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_actions.c - the actions a room agrees (text, owner, due date,
 * done).
 *
 * History keeps a whole action as a JSON object built by SQLite itself
 * (json_object), before and after each change, so undo can put an edited or
 * deleted action back exactly, under its old id.
 */
#include "store_internal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct action_now {
	char *json;
	char *row_id, *text, *owner, *due;
	int done;
} action_now;

/* Frees what read_action filled. */
static void action_now_free(action_now *a)
{
	free(a->json);
	free(a->row_id);
	free(a->text);
	free(a->owner);
	free(a->due);
	memset(a, 0, sizeof *a);
}

/* The action as it stands, and its JSON snapshot for the history. */
static int read_action(store *st, const char *sid, long long id, action_now *a,
		       store_error *err)
{
	static const char sql[] =
		"SELECT json_object('row_id', row_id, 'text', text, 'owner', owner,"
		" 'due', due, 'done', done, 'created', created),"
		" row_id, text, owner, due, done"
		" FROM actions WHERE id = ?1 AND session = ?2";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc;

	memset(a, 0, sizeof *a);
	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, sid);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		a->json = store_col_dup(stmt, 0);
		a->row_id = store_col_dup(stmt, 1);
		a->text = store_col_dup(stmt, 2);
		a->owner = store_col_dup(stmt, 3);
		a->due = store_col_dup(stmt, 4);
		a->done = sqlite3_column_int(stmt, 5);
	}
	store_done(stmt);
	if (rc == SQLITE_DONE)
		return store_fail(err, STORE_ENOINPUT, "no action %lld in this session", id);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "read the action");
	if (!a->json || !a->row_id || !a->text || !a->owner || !a->due) {
		action_now_free(a);
		return store_fail(err, STORE_EOS, "out of memory");
	}
	return STORE_OK;
}

/* Shared by the action changes' undo: put back, or take away. */
int store_write_action(store *st, const char *sid, long long action_id,
		       const char *json, store_error *err)
{
	static const char put[] =
		"INSERT OR REPLACE INTO actions"
		" (id, session, row_id, text, owner, due, done, created)"
		" VALUES (?1, ?2, json_extract(?3, '$.row_id'), json_extract(?3, '$.text'),"
		" json_extract(?3, '$.owner'), json_extract(?3, '$.due'),"
		" json_extract(?3, '$.done'), json_extract(?3, '$.created'))";
	static const char del[] = "DELETE FROM actions WHERE id = ?1 AND session = ?2";
	sqlite3_stmt *stmt = store_sql(st, json ? put : del, err);

	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 1, action_id);
	store_bind_text(stmt, 2, sid);
	if (json)
		store_bind_text(stmt, 3, json);
	return store_run(st, stmt, "record the action", err);
}

/* What can be refused before writing: empty text, bad UTF-8, no such day. */
static int check_action(const char *text, const char *owner, const char *due,
			store_error *err)
{
	if (!text || text_is_blank(text))
		return store_fail(err, STORE_EUSAGE, "an action needs some text");
	if (!store_text_ok(text) || !store_text_ok(owner))
		return store_fail(err, STORE_EUSAGE, "the action is not valid UTF-8");
	if (!text_valid_date(due))
		return store_fail(err, STORE_EUSAGE,
				  "due date '%s' is not a real day as YYYY-MM-DD", due);
	if (store_check_length(text, STORE_MAX_ACTION, "the action", err) ||
	    store_check_length(owner, STORE_MAX_NAME, "the owner's name", err))
		return STORE_EUSAGE;
	return STORE_OK;
}

/* One history entry: old and new snapshots (NULL for none), target the id. */
static int record(store *st, const char *sid, long long id, long long now,
		  const char *verb, const action_now *old, const action_now *new,
		  store_error *err)
{
	const action_now *a = new->json ? new : old;
	char summary[300], quote[80];
	store_entry e = { "action", a->row_id, summary, id,
			  store_text_value(old->json), store_text_value(new->json), 0 };

	store_quote(quote, sizeof quote, a->text);
	snprintf(summary, sizeof summary, "%s an action on %s: %s", verb, a->row_id, quote);
	return store_history_add(st, sid, now, &e, err);
}

/* ?3, ?4 and ?5 of both statements that write an action's fields. */
static void bind_fields(sqlite3_stmt *stmt, const char *text, const char *owner,
			const char *due)
{
	store_bind_text(stmt, 3, text);
	store_bind_text(stmt, 4, owner);
	store_bind_text(stmt, 5, due);
}

/* Shared with carrying a brought action forward. */
int store_insert_action(store *st, const char *sid, const char *row_id,
			const char *text, const char *owner, const char *due,
			long long now, long long *id, store_error *err)
{
	static const char sql[] =
		"INSERT INTO actions (session, row_id, text, owner, due, done, created)"
		" VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6)";
	sqlite3_stmt *stmt = store_sql_text2(st, sql, sid, row_id, err);
	int rc;

	if (!stmt)
		return store_last(err);
	bind_fields(stmt, text, owner, due);
	sqlite3_bind_int64(stmt, 6, now);
	rc = store_run(st, stmt, "add the action", err);
	if (!rc)
		*id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

/* Inserts, then snapshots the stored row for the history. */
static int add_in_tx(store *st, const char *sid, const char *row_id,
		     const char *text, const char *owner, const char *due,
		     long long now, long long *id, store_error *err)
{
	action_now none = { 0 }, added;
	int rc = store_insert_action(st, sid, row_id, text, owner, due, now, id, err);

	if (rc)
		return rc;
	rc = read_action(st, sid, *id, &added, err);
	if (!rc)
		rc = record(st, sid, *id, now, "Added", &none, &added, err);
	action_now_free(&added);
	return rc;
}

/* Every action belongs to a row of the matrix. */
int store_action_add(store *st, const char *session_id, const char *row_id,
		     const char *text, const char *owner, const char *due,
		     long long *id_out, store_error *err)
{
	long long now, id = 0;
	int rc = check_action(text, owner, due, err);

	if (!rc && (!row_id || !*row_id || !store_text_ok(row_id)))
		rc = store_fail(err, STORE_EUSAGE, "no row given for the action");
	if (!rc)
		rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	rc = store_change_end(st, add_in_tx(st, session_id, row_id, text, owner, due,
					    now, &id, err), err);
	if (!rc && id_out)
		*id_out = id;
	return rc;
}

/* The summary's verb; NULL when nothing changes. */
static const char *update_verb(const action_now *old, const char *text,
			       const char *owner, const char *due, int done)
{
	int same_fields = strcmp(old->text, text) == 0 && strcmp(old->owner, owner) == 0 &&
			  strcmp(old->due, due) == 0;

	if (same_fields && old->done == done)
		return NULL;
	if (same_fields)
		return done ? "Completed" : "Reopened";
	return "Changed";
}

/* Returns -1 when nothing changes. */
static int update_in_tx(store *st, const char *sid, long long id, const char *text,
			const char *owner, const char *due, int done, long long now,
			store_error *err)
{
	static const char sql[] =
		"UPDATE actions SET text = ?3, owner = ?4, due = ?5, done = ?6"
		" WHERE id = ?1 AND session = ?2";
	action_now old, new = { 0 };
	sqlite3_stmt *stmt;
	const char *verb;
	int rc = read_action(st, sid, id, &old, err);

	if (rc)
		return rc;
	verb = update_verb(&old, text, owner, due, done);
	stmt = verb ? store_sql(st, sql, err) : NULL;
	if (!verb)
		rc = -1;
	else if (!stmt)
		rc = store_last(err);
	if (!rc) {
		sqlite3_bind_int64(stmt, 1, id);
		store_bind_text(stmt, 2, sid);
		bind_fields(stmt, text, owner, due);
		sqlite3_bind_int(stmt, 6, done);
		rc = store_run(st, stmt, "change the action", err);
	}
	if (!rc)
		rc = read_action(st, sid, id, &new, err);
	if (!rc)
		rc = record(st, sid, id, now, verb, &old, &new, err);
	action_now_free(&old);
	action_now_free(&new);
	return rc;
}

/* Edits the fields and done in one change, so one undo reverts it. */
int store_action_update(store *st, const char *session_id, long long action_id,
			const char *text, const char *owner, const char *due,
			int done, store_error *err)
{
	long long now;
	int rc = check_action(text, owner, due, err);

	if (!rc)
		rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	rc = update_in_tx(st, session_id, action_id, text, owner ? owner : "",
			  due ? due : "", done != 0, now, err);
	if (rc == -1) {
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	return store_change_end(st, rc, err);
}

/* The snapshot taken before deleting is what undo puts back. */
static int delete_in_tx(store *st, const char *sid, long long id, long long now,
			store_error *err)
{
	action_now old, none = { 0 };
	int rc = read_action(st, sid, id, &old, err);

	if (rc)
		return rc;
	rc = store_write_action(st, sid, id, NULL, err);
	if (!rc)
		rc = record(st, sid, id, now, "Deleted", &old, &none, err);
	action_now_free(&old);
	return rc;
}

/* Deleting is in the history and can be undone. */
int store_action_delete(store *st, const char *session_id, long long action_id,
			store_error *err)
{
	long long now;
	int rc = store_change_begin(st, session_id, &now, err);

	if (rc)
		return rc;
	return store_change_end(st, delete_in_tx(st, session_id, action_id, now, err), err);
}
