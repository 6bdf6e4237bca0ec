/* store_history.c - the append-only record of changes, and undo.
 *
 * Every change appends one entry holding the value before (`old`) and after
 * (`new`).  Undo never deletes: it writes the old value back and appends an
 * "undo" entry whose `undoes` names the entry it reverted, so pressing undo
 * again walks further back through changes not yet undone, and the history
 * still says what happened in the room.
 *
 * What `old` and `new` hold, by kind:
 *   agreed   state * 16 + stage + 1 (stage is -1 unless agreed)
 *   vote     the vote (STORE_VOTE_NONE when there was none); target = participant
 *   note     the note text
 *   reveal   0 or 1
 *   action   the action as a JSON object, NULL when it did not exist; target = id
 *   rename   the name
 *   secret   0 or 1
 *   create, join   not undone by undo
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* old/new columns take a number, a text or NULL as the kind needs. */
static void bind_value(sqlite3_stmt *stmt, int i, const store_value *v)
{
	if (v->type == SQLITE_INTEGER)
		sqlite3_bind_int64(stmt, i, v->i);
	else if (v->type == SQLITE_TEXT)
		store_bind_text(stmt, i, v->s);
	else
		sqlite3_bind_null(stmt, i);
}

/* Called inside every change's transaction, so history and data agree. */
int store_history_add(store *st, const char *session_id, long long now,
		      const store_entry *e, store_error *err)
{
	static const char sql[] =
		"INSERT INTO history (session, at, kind, row_id, summary, target, old, new,"
		" undoes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	sqlite3_stmt *stmt = store_sql(st, sql, err);

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, session_id);
	sqlite3_bind_int64(stmt, 2, now);
	store_bind_text(stmt, 3, e->kind);
	store_bind_text(stmt, 4, e->row_id);
	store_bind_text(stmt, 5, e->summary);
	if (e->target >= 0)
		sqlite3_bind_int64(stmt, 6, e->target);
	bind_value(stmt, 7, &e->old_value);
	bind_value(stmt, 8, &e->new_value);
	if (e->undoes > 0)
		sqlite3_bind_int64(stmt, 9, e->undoes);
	return store_run(st, stmt, "record the history", err);
}

/* ------------------------------------------------------------ undo */

typedef struct undo_entry {
	long long id, at, target;
	char *kind, *row_id, *summary, *old_text, *new_text;
	store_value old_value, new_value;
} undo_entry;

/* Frees what last_undoable filled. */
static void undo_entry_free(undo_entry *u)
{
	free(u->kind);
	free(u->row_id);
	free(u->summary);
	free(u->old_text);
	free(u->new_text);
}

/* Copies an old/new column; returns 0 when out of memory. */
static int copy_value(sqlite3_stmt *stmt, int i, store_value *v, char **keep)
{
	v->type = sqlite3_column_type(stmt, i);
	if (v->type == SQLITE_INTEGER) {
		v->i = sqlite3_column_int64(stmt, i);
	} else if (v->type == SQLITE_NULL) {
		v->s = NULL;
	} else {
		v->type = SQLITE_TEXT;
		*keep = store_col_dup(stmt, i);
		v->s = *keep;
		return *keep != NULL;
	}
	return 1;
}

/* The latest entry of the session that undo can revert and has not. */
static int last_undoable(store *st, const char *sid, undo_entry *u, int *found,
			 store_error *err)
{
	static const char sql[] =
		"SELECT id, kind, row_id, coalesce(target, -1), summary, old, new, at"
		" FROM history h WHERE session = ?1 AND undoes IS NULL"
		" AND kind NOT IN ('create', 'join', 'undo')"
		" AND NOT EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.id)"
		" ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc, ok = 1;

	memset(u, 0, sizeof *u);
	*found = 0;
	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*found = 1;
		u->id = sqlite3_column_int64(stmt, 0);
		u->kind = store_col_dup(stmt, 1);
		u->row_id = store_col_dup(stmt, 2);
		u->target = sqlite3_column_int64(stmt, 3);
		u->summary = store_col_dup(stmt, 4);
		u->at = sqlite3_column_int64(stmt, 7);
		ok = copy_value(stmt, 5, &u->old_value, &u->old_text) &&
		     copy_value(stmt, 6, &u->new_value, &u->new_text) &&
		     u->kind && u->row_id && u->summary;
	}
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the history");
	if (!ok)
		return store_fail(err, STORE_EOS, "out of memory");
	return STORE_OK;
}

/* Puts the entry's old value back, through the same writers as a change. */
static int revert(store *st, const char *sid, const undo_entry *u, long long now,
		  store_error *err)
{
	const store_value *o = &u->old_value;
	long long i = o->i;

	if (strcmp(u->kind, "agreed") == 0)
		return store_write_agreed(st, sid, u->row_id, (int)(i / 16),
					  (int)(i % 16) - 1, now, err);
	if (strcmp(u->kind, "vote") == 0)
		return store_write_vote(st, sid, u->row_id, (int)u->target, (int)i, now, err);
	if (strcmp(u->kind, "note") == 0)
		return store_write_note(st, sid, u->row_id, o->s, now, err);
	if (strcmp(u->kind, "reveal") == 0)
		return store_write_revealed(st, sid, u->row_id, (int)i, now, err);
	if (strcmp(u->kind, "action") == 0)
		return store_write_action(st, sid, u->target, o->s, err);
	if (strcmp(u->kind, "rename") == 0)
		return store_write_name(st, sid, o->s ? o->s : "", err);
	if (strcmp(u->kind, "secret") == 0)
		return store_write_secret(st, sid, (int)i, err);
	return store_fail(err, STORE_EDATA, "cannot undo a change of kind '%s'", u->kind);
}

/* Hands the entry's strings over to the caller's store_change. */
static void undo_entry_give(undo_entry *u, store_change *out)
{
	out->id = u->id;
	out->at = u->at;
	out->kind = u->kind;
	out->row_id = u->row_id;
	out->summary = u->summary;
	out->undoes = 0;
	out->undone = 1;
	u->kind = u->row_id = u->summary = NULL;
}

/* Returns -1 when there is nothing left to undo. */
static int undo_in_tx(store *st, const char *sid, long long now,
		      store_change *out, store_error *err)
{
	char summary[600];
	store_entry e = { "undo", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	undo_entry u;
	int found, rc = last_undoable(st, sid, &u, &found, err);

	if (!rc && !found)
		rc = -1;
	if (!rc)
		rc = revert(st, sid, &u, now, err);
	if (!rc) {
		snprintf(summary, sizeof summary, "Undid: %s", u.summary);
		e.row_id = u.row_id;
		e.target = u.target;
		e.old_value = u.new_value;
		e.new_value = u.old_value;
		e.undoes = u.id;
		rc = store_history_add(st, sid, now, &e, err);
	}
	if (!rc)
		undo_entry_give(&u, out);
	undo_entry_free(&u);
	return rc;
}

void store_change_clear(store_change *c)
{
	free(c->kind);
	free(c->row_id);
	free(c->summary);
	memset(c, 0, sizeof *c);
}

/* Undo is itself a change: it bumps `updated` and appends an entry. */
int store_undo_entry(store *st, const char *session_id, store_change *undone_out,
		     int *undone, store_error *err)
{
	long long now;
	int rc;

	memset(undone_out, 0, sizeof *undone_out);
	*undone = 0;
	rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	rc = undo_in_tx(st, session_id, now, undone_out, err);
	if (rc == -1) {
		/* nothing to undo: leave `updated` as it was */
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	rc = store_change_end(st, rc, err);
	if (rc)
		store_change_clear(undone_out);
	else
		*undone = 1;
	return rc;
}

/* The older form, kept for its callers: the summary only. */
int store_undo(store *st, const char *session_id, int *undone, char *what,
	       size_t what_size, store_error *err)
{
	store_change c;
	int rc = store_undo_entry(st, session_id, &c, undone, err);

	if (what && what_size)
		snprintf(what, what_size, "%s", *undone ? c.summary : "");
	store_change_clear(&c);
	return rc;
}

/* ------------------------------------------------------------ wording */

/* " on ROW" where it names the row: at the end, or before an action's
 * ": TEXT" (so a row id inside the text itself is never taken). */
static const char *find_on_row(const char *s, const char *row, size_t rl)
{
	const char *p;

	for (p = strstr(s, " on "); p; p = strstr(p + 1, " on "))
		if (strncmp(p + 4, row, rl) == 0 &&
		    (p[4 + rl] == '\0' || p[4 + rl] == ':'))
			return p;
	return NULL;
}

/* The summaries are written in store_answers.c, store_actions.c and
 * store_session*.c in the forms listed in store.h: the row appears as
 * "... on ROW", "... on ROW: TEXT" or "Marked ROW ...". */
void store_change_words(const store_change *c, char *out, size_t size)
{
	const char *s = c->summary ? c->summary : "";
	const char *row = c->row_id ? c->row_id : "", *p = NULL;
	size_t rl = strlen(row);

	if (!size)
		return;
	if (rl)
		p = find_on_row(s, row, rl);
	if (p)
		snprintf(out, size, "%.*s%s", (int)(p - s), s, p + 4 + rl);
	else if (rl && strncmp(s, "Marked ", 7) == 0 && strncmp(s + 7, row, rl) == 0 &&
		 s[7 + rl] == ' ')
		snprintf(out, size, "Marked%s", s + 7 + rl);
	else
		snprintf(out, size, "%s", s);
	/* A sentence that starts with a person's name keeps its capital. */
	if (c->kind && strcmp(c->kind, "vote") != 0 && strcmp(c->kind, "join") != 0 &&
	    out[0] >= 'A' && out[0] <= 'Z')
		out[0] = (char)(out[0] - 'A' + 'a');
}

/* ------------------------------------------------------------ listing */

/* Frees what store_history filled. */
void store_history_free(store_change *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(list[i].kind);
		free(list[i].row_id);
		free(list[i].summary);
	}
	free(list);
}

/* Steps the query into a growing array. */
static int read_changes(store *st, sqlite3_stmt *stmt, store_change **out,
			size_t *n, store_error *err)
{
	store_change *list = NULL, *c;
	size_t cap = 0;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*n == cap) {
			c = realloc(list, (cap ? cap * 2 : 32) * sizeof *c);
			if (!c)
				break;
			list = c;
			cap = cap ? cap * 2 : 32;
		}
		c = &list[*n];
		c->id = sqlite3_column_int64(stmt, 0);
		c->at = sqlite3_column_int64(stmt, 1);
		c->kind = store_col_dup(stmt, 2);
		c->row_id = store_col_dup(stmt, 3);
		c->summary = store_col_dup(stmt, 4);
		c->undoes = sqlite3_column_int64(stmt, 5);
		c->undone = sqlite3_column_int(stmt, 6);
		(*n)++;
		if (!c->kind || !c->row_id || !c->summary)
			break;
	}
	store_done(stmt);
	*out = list;
	if (rc == SQLITE_ROW)
		return store_fail(err, STORE_EOS, "out of memory");
	if (rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the history");
	return STORE_OK;
}

/* One read transaction: the session check and the list agree. */
int store_history(store *st, const char *session_id, long long since,
		  store_change **out, size_t *n, store_error *err)
{
	static const char exists[] = "SELECT 1 FROM sessions WHERE id = ?1";
	static const char sql[] =
		"SELECT id, at, kind, row_id, summary, coalesce(undoes, 0),"
		" EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.id)"
		" FROM history h WHERE session = ?1 AND at >= ?2 ORDER BY id";
	sqlite3_stmt *stmt;
	int rc, started, step;

	*out = NULL;
	*n = 0;
	rc = store_read_begin(st, &started, err);
	stmt = rc ? NULL : store_sql(st, exists, err);
	if (!rc && !stmt)
		rc = store_last(err);
	if (!rc) {
		store_bind_text(stmt, 1, session_id);
		step = sqlite3_step(stmt);
		store_done(stmt);
		if (step == SQLITE_DONE)
			rc = store_fail(err, STORE_ENOINPUT, "no session with id '%s'",
					session_id);
		else if (step != SQLITE_ROW)
			rc = store_fail_sql(st, err, step, "read the history");
	}
	stmt = rc ? NULL : store_sql(st, sql, err);
	if (!rc && !stmt)
		rc = store_last(err);
	if (!rc) {
		store_bind_text(stmt, 1, session_id);
		sqlite3_bind_int64(stmt, 2, since);
		rc = read_changes(st, stmt, out, n, err);
	}
	store_read_end(st, started);
	if (rc) {
		store_history_free(*out, *n);
		*out = NULL;
		*n = 0;
	} else {
		store_ok(err);
	}
	return rc;
}
