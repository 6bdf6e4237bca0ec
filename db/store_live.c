/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_live.c - the live room: who has a session open, and what the
 * facilitator chose to show to watchers.
 *
 * Presence is written by every open process every few seconds, so it is
 * kept apart from everything else: its own table, its own small write
 * transactions, no history entry and no touch of the session row.  Only
 * `show_note` is a change of the session (it moves the session's stamp, so
 * followers reload), and even that is a display choice, not history.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An hour without a heartbeat: the process is long gone. */
#define PRESENCE_FORGET_SECONDS 3600

static const char *const role_names[] = {
	"facilitator", "watcher", "participant", "asking", "refused"
};

/* Roles are stored as words, so the table reads well in sqlite3. */
static const char *role_name(int role)
{
	if (role < 0 || role > STORE_ROLE_REFUSED)
		role = STORE_ROLE_WATCHER;
	return role_names[role];
}

static int role_of(const char *name)
{
	int i;

	for (i = 0; i <= STORE_ROLE_REFUSED; i++)
		if (name && strcmp(name, role_names[i]) == 0)
			return i;
	return STORE_ROLE_WATCHER;
}

/* Rolls back and passes the status on: the one exit of a failed write. */
static int presence_fail(store *st, store_error *err)
{
	store_rollback(st);
	return store_last(err);
}

/* A plain write transaction: store_change_begin would touch the session.
 * A refusal written by the facilitator stays: the joiner's next beat only
 * says it is still here. */
int store_presence_beat(store *st, const char *session_id, const store_presence *me,
			long long now, store_error *err)
{
	static const char upsert[] =
		"INSERT INTO presence (session, host, pid, role, name, last_seen)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT (session, host, pid) DO UPDATE SET"
		"  role = CASE WHEN presence.role = 'refused' AND excluded.role = 'asking'"
		"   THEN 'refused' ELSE excluded.role END,"
		"  name = excluded.name, last_seen = excluded.last_seen";
	static const char forget[] =
		"DELETE FROM presence WHERE session = ?1 AND last_seen < ?2";
	sqlite3_stmt *stmt;
	int rc;

	if (!session_id || !*session_id || !me)
		return store_fail(err, STORE_EUSAGE, "no session given");
	if (!store_text_ok(me->name) || !store_text_ok(me->host))
		return store_fail(err, STORE_EUSAGE, "the name is not valid UTF-8");
	if ((rc = store_begin(st, err)) != 0)
		return rc;
	if (!(stmt = store_sql(st, upsert, err)))
		return presence_fail(st, err);
	store_bind_text(stmt, 1, session_id);
	store_bind_text(stmt, 2, me->host);
	sqlite3_bind_int64(stmt, 3, me->pid);
	store_bind_text(stmt, 4, role_name(me->role));
	store_bind_text(stmt, 5, me->name);
	sqlite3_bind_int64(stmt, 6, now);
	if ((rc = store_run(st, stmt, "say who is here", err)) != 0)
		return presence_fail(st, err);
	if (!(stmt = store_sql(st, forget, err)))
		return presence_fail(st, err);
	store_bind_text(stmt, 1, session_id);
	sqlite3_bind_int64(stmt, 2, now - PRESENCE_FORGET_SECONDS);
	if ((rc = store_run(st, stmt, "say who is here", err)) != 0)
		return presence_fail(st, err);
	return store_change_end(st, STORE_OK, err);
}

/* A clean close says so at once, instead of waiting for the row to age. */
int store_presence_leave(store *st, const char *session_id, const char *host,
			 long long pid, store_error *err)
{
	static const char sql[] =
		"DELETE FROM presence WHERE session = ?1 AND host = ?2 AND pid = ?3";
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_begin(st, err)) != 0)
		return rc;
	if (!(stmt = store_sql(st, sql, err)))
		return presence_fail(st, err);
	store_bind_text(stmt, 1, session_id);
	store_bind_text(stmt, 2, host);
	sqlite3_bind_int64(stmt, 3, pid);
	if ((rc = store_run(st, stmt, "say goodbye", err)) != 0)
		return presence_fail(st, err);
	return store_change_end(st, STORE_OK, err);
}

int store_presence_refuse(store *st, const char *session_id, const char *name,
			  store_error *err)
{
	static const char sql[] =
		"UPDATE presence SET role = 'refused'"
		" WHERE session = ?1 AND role = 'asking' AND name = ?2";
	sqlite3_stmt *stmt;
	int rc;

	if (!session_id || !name)
		return store_fail(err, STORE_EUSAGE, "no session given");
	if ((rc = store_begin(st, err)) != 0)
		return rc;
	if (!(stmt = store_sql(st, sql, err)))
		return presence_fail(st, err);
	store_bind_text(stmt, 1, session_id);
	store_bind_text(stmt, 2, name);
	if ((rc = store_run(st, stmt, "refuse the request to join", err)) != 0)
		return presence_fail(st, err);
	return store_change_end(st, STORE_OK, err);
}

/* One row into a caller-owned entry; 0 when out of memory. */
static int read_presence(sqlite3_stmt *stmt, store_presence *p)
{
	const unsigned char *host = sqlite3_column_text(stmt, 0);

	memset(p, 0, sizeof *p);
	snprintf(p->host, sizeof p->host, "%s", host ? (const char *)host : "");
	p->pid = sqlite3_column_int64(stmt, 1);
	p->role = role_of((const char *)sqlite3_column_text(stmt, 2));
	p->name = store_col_dup(stmt, 3);
	p->last_seen = sqlite3_column_int64(stmt, 4);
	return p->name != NULL;
}

/* Reads through the session's primary-key prefix: cost follows the room. */
int store_presence_list(store *st, const char *session_id, store_presence **out,
			size_t *n, store_error *err)
{
	static const char sql[] =
		"SELECT host, pid, role, name, last_seen FROM presence WHERE session = ?1"
		" ORDER BY role, name, host, pid";
	sqlite3_stmt *stmt = store_sql_text1(st, sql, session_id, err);
	store_presence *list = NULL;
	size_t cap = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!stmt)
		return store_last(err);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (k == cap) {
			store_presence *p = realloc(list, (cap ? cap * 2 : 8) * sizeof *p);

			if (!p)
				break;
			list = p;
			cap = cap ? cap * 2 : 8;
		}
		if (!read_presence(stmt, &list[k]))
			break;
		k++;
	}
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_presence_free(list, k);
		if (rc == SQLITE_ROW)
			return store_fail(err, STORE_EOS, "out of memory");
		return store_fail_sql(st, err, rc, "read who is here");
	}
	*out = list;
	*n = k;
	store_ok(err);
	return STORE_OK;
}

/* Safe on NULL. */
void store_presence_free(store_presence *list, size_t n)
{
	size_t i;

	for (i = 0; list && i < n; i++)
		free(list[i].name);
	free(list);
}

/* `touched` moves on every change of the session (store_change_begin) and
 * never on presence: exactly "does a follower need to reload?". */
int store_session_stamp(store *st, const char *session_id, long long *stamp,
			store_error *err)
{
	static const char sql[] = "SELECT touched FROM sessions WHERE id = ?1";
	int found, rc;

	*stamp = -1;
	rc = store_step_int(st, store_sql_text1(st, sql, session_id, err), stamp, &found,
			    "read the session", err);
	if (rc)
		return rc;
	if (!found)
		return store_fail(err, STORE_ENOINPUT, "the session was deleted");
	store_ok(err);
	return STORE_OK;
}

/* A change of the session (followers reload), but not one to undo. */
int store_session_set_show_note(store *st, const char *session_id, int show,
				store_error *err)
{
	static const char sql[] = "UPDATE sessions SET show_note = ?2 WHERE id = ?1";
	sqlite3_stmt *stmt;
	long long now;
	int rc = store_change_begin(st, session_id, &now, err);

	if (rc)
		return rc;
	if (!(stmt = store_sql(st, sql, err)))
		return store_change_end(st, store_last(err), err);
	store_bind_text(stmt, 1, session_id);
	sqlite3_bind_int(stmt, 2, show != 0);
	rc = store_run(st, stmt, "show the note", err);
	return store_change_end(st, rc, err);
}
