/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_query.c - a cached statement with its parameters bound, in one
 * call: most of the store's queries are keyed by a session id, or by a
 * session and a row, or a session and a participant's position. */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

sqlite3_stmt *store_sql_text1(store *st, const char *sql, const char *a,
			      store_error *err)
{
	sqlite3_stmt *stmt = store_sql(st, sql, err);

	if (stmt)
		store_bind_text(stmt, 1, a);
	return stmt;
}

sqlite3_stmt *store_sql_text2(store *st, const char *sql, const char *a, const char *b,
			      store_error *err)
{
	sqlite3_stmt *stmt = store_sql_text1(st, sql, a, err);

	if (stmt)
		store_bind_text(stmt, 2, b);
	return stmt;
}

sqlite3_stmt *store_sql_text_int(store *st, const char *sql, const char *a,
				 long long n, store_error *err)
{
	sqlite3_stmt *stmt = store_sql_text1(st, sql, a, err);

	if (stmt)
		sqlite3_bind_int64(stmt, 2, n);
	return stmt;
}

int store_run_text1(store *st, const char *sql, const char *a, const char *what,
		    store_error *err)
{
	sqlite3_stmt *stmt = store_sql_text1(st, sql, a, err);

	return stmt ? store_run(st, stmt, what, err) : store_last(err);
}

int store_run_text2(store *st, const char *sql, const char *a, const char *b,
		    const char *what, store_error *err)
{
	sqlite3_stmt *stmt = store_sql_text2(st, sql, a, b, err);

	return stmt ? store_run(st, stmt, what, err) : store_last(err);
}

/* Steps `stmt` once and reads column 0 of the row, if one comes: as a
 * malloc'd text into *s when s is given, else as an integer into *v. */
static int step_column(store *st, sqlite3_stmt *stmt, long long *v, char **s, int *found,
		       const char *what, store_error *err)
{
	int rc;

	*found = 0;
	if (s)
		*s = NULL;
	if (!stmt)
		return store_last(err);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*found = 1;
		if (s)
			*s = store_col_dup(stmt, 0);
		else
			*v = sqlite3_column_int64(stmt, 0);
	}
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, what);
	if (s && *found && !*s)
		return store_fail(err, STORE_EOS, "out of memory");
	return STORE_OK;
}

int store_step_int(store *st, sqlite3_stmt *stmt, long long *v, int *found,
		   const char *what, store_error *err)
{
	return step_column(st, stmt, v, NULL, found, what, err);
}

int store_step_text(store *st, sqlite3_stmt *stmt, char **s, int *found,
		    const char *what, store_error *err)
{
	return step_column(st, stmt, NULL, s, found, what, err);
}

/* One row id into the growing list. */
static int add_row_id(sqlite3_stmt *stmt, void *ctx)
{
	store_opened_rows *l = ctx;
	char **ids;

	if (l->n % 16 == 0) {
		if (!(ids = realloc(l->ids, (l->n + 16) * sizeof *ids)))
			return -1;
		l->ids = ids;
	}
	if (!(l->ids[l->n] = store_col_dup(stmt, 0)))
		return -1;
	l->n++;
	return 0;
}

int store_row_ids(store *st, const char *sql, const char *sid, store_opened_rows *out,
		  const char *what, store_error *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_each(st, sql, sid, add_row_id, out, what, err);
	if (rc)
		store_rows_opened_free(out);
	return rc;
}
