/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_session_change.c - changing a session itself: its name, secret
 * ballot, the facilitator's position, section time and participants, and
 * deleting it.
 *
 * Rename, the secret ballot, the organisation, facilitator, planned
 * minutes and a participant's name are in the history (and can be undone);
 * position and time are not: they are where the room is, not what it
 * decided.
 */
#include "store_internal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ changing */

/* One text column of the session, for an old value in the history. */
static int session_text(store *st, const char *sid, const char *sql,
			char **out, store_error *err)
{
	int found, rc = store_step_text(st, store_sql_text1(st, sql, sid, err), out, &found,
				     "read the session", err);

	if (!rc && !found)
		rc = store_fail_sql(st, err, SQLITE_ERROR, "read the session");
	return rc;
}

/* Shared by rename and its undo, so both refuse a name already taken. */
int store_write_name(store *st, const char *sid, const char *name, store_error *err)
{
	static const char sql[] = "UPDATE sessions SET name = ?2 WHERE id = ?1";
	sqlite3_stmt *stmt;
	int rc = store_name_taken(st, name, sid, err);

	if (rc)
		return rc;
	stmt = store_sql_text2(st, sql, sid, name, err);
	if (!stmt)
		return store_last(err);
	return store_run(st, stmt, "rename the session", err);
}

/* *same is set when the name does not change: nothing is recorded. */
static int rename_in_tx(store *st, const char *sid, const char *name,
			long long now, int *same, store_error *err)
{
	static const char old_sql[] = "SELECT name FROM sessions WHERE id = ?1";
	char summary[400], from[80], to[80];
	store_entry e = { "rename", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	char *old = NULL;
	int rc = session_text(st, sid, old_sql, &old, err);

	if (!rc && strcmp(old, name) == 0)
		*same = 1;
	if (!rc && !*same)
		rc = store_write_name(st, sid, name, err);
	if (!rc && !*same) {
		store_quote(from, sizeof from, old);
		store_quote(to, sizeof to, name);
		snprintf(summary, sizeof summary, "Renamed the session from '%s' to '%s'",
			 from, to);
		e.old_value = store_text_value(old);
		e.new_value = store_text_value(name);
		rc = store_history_add(st, sid, now, &e, err);
	}
	free(old);
	return rc;
}

/* Renames are in the history, so a mistaken rename can be undone. */
int store_session_rename(store *st, const char *session_id, const char *name,
			 store_error *err)
{
	long long now;
	int same = 0, rc = store_check_name(name, err);

	if (!rc)
		rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	rc = rename_in_tx(st, session_id, name, now, &same, err);
	if (!rc && same) {
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	return store_change_end(st, rc, err);
}

/* ON DELETE CASCADE removes every child row; a matrix snapshot no other
 * session uses goes too. */
int store_session_delete(store *st, const char *session_id, store_error *err)
{
	static const char get[] = "SELECT matrix FROM sessions WHERE id = ?1";
	static const char del[] = "DELETE FROM sessions WHERE id = ?1";
	static const char orphan[] =
		"DELETE FROM matrices WHERE id = ?1"
		" AND NOT EXISTS (SELECT 1 FROM sessions WHERE matrix = ?1)";
	sqlite3_stmt *stmt;
	long long matrix = -1, now;
	int found, rc = store_change_begin(st, session_id, &now, err);

	if (rc)
		return rc;
	rc = store_step_int(st, store_sql_text1(st, get, session_id, err), &matrix, &found,
			    "delete the session", err);
	if (!rc)
		rc = store_run_text1(st, del, session_id, "delete the session", err);
	if (!rc) {
		stmt = store_sql(st, orphan, err);
		if (!stmt)
			return store_change_end(st, store_last(err), err);
		sqlite3_bind_int64(stmt, 1, matrix);
		rc = store_run(st, stmt, "delete the session", err);
	}
	return store_change_end(st, rc, err);
}

/* Shared by the change and its undo. */
int store_write_secret(store *st, const char *sid, int secret, store_error *err)
{
	static const char sql[] = "UPDATE sessions SET secret_ballot = ?2 WHERE id = ?1";
	sqlite3_stmt *stmt = store_sql_text_int(st, sql, sid, secret != 0, err);

	return stmt ? store_run(st, stmt, "change the secret ballot", err) : store_last(err);
}

/* The ballot mode is history too: turning it off reveals every vote. */
/* Votes cast while the ballot was open were seen by the room: turning the
 * secret ballot on must not hide them (in the screens or the report), so
 * their rows count as revealed.  Rows voted on from now on stay hidden. */
static int reveal_open_votes(store *st, const char *sid, store_error *err)
{
	static const char sql[] =
		"UPDATE answers SET revealed = 1 WHERE session = ?1 AND revealed = 0"
		" AND EXISTS (SELECT 1 FROM votes v WHERE v.session = ?1"
		" AND v.row_id = answers.row_id)";
	return store_run_text1(st, sql, sid, "keep the open votes shown", err);
}

int store_session_set_secret(store *st, const char *session_id, int secret,
			     store_error *err)
{
	static const char old_sql[] = "SELECT secret_ballot FROM sessions WHERE id = ?1";
	store_entry e = { "secret", NULL, NULL, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	long long now, old = 0;
	int found, rc = store_change_begin(st, session_id, &now, err);

	if (rc)
		return rc;
	secret = secret != 0;
	rc = store_step_int(st, store_sql_text1(st, old_sql, session_id, err), &old, &found,
			    "change the secret ballot", err);
	if (rc || old == secret)
		return store_change_end(st, rc, err);
	rc = store_write_secret(st, session_id, secret, err);
	if (!rc && secret)
		rc = reveal_open_votes(st, session_id, err);
	e.summary = secret ? "Turned the secret ballot on" : "Turned the secret ballot off";
	e.old_value = store_int_value(old);
	e.new_value = store_int_value(secret);
	if (!rc)
		rc = store_history_add(st, session_id, now, &e, err);
	return store_change_end(st, rc, err);
}

/* The facilitator's place, so a resumed session opens where it stopped. */
int store_session_set_position(store *st, const char *session_id,
			       const char *section_id, const char *row_id,
			       store_error *err)
{
	static const char sql[] =
		"UPDATE sessions SET current_section = ?2, current_row = ?3 WHERE id = ?1";
	sqlite3_stmt *stmt;
	long long now;
	int rc = store_change_begin(st, session_id, &now, err);

	if (rc)
		return rc;
	stmt = store_sql(st, sql, err);
	if (!stmt)
		return store_change_end(st, store_last(err), err);
	store_bind_text(stmt, 1, session_id);
	if (section_id)
		store_bind_text(stmt, 2, section_id);
	if (row_id)
		store_bind_text(stmt, 3, row_id);
	rc = store_run(st, stmt, "remember the position", err);
	if (!rc && row_id)
		rc = store_row_open(st, session_id, row_id, now, err);
	return store_change_end(st, rc, err);
}

/* One of add_time's two statements: ?1 session, ?2 section, ?3 seconds. */
static int run_time(store *st, const char *sql, const char *sid, const char *section_id,
		    long long seconds, store_error *err)
{
	sqlite3_stmt *stmt = store_sql_text2(st, sql, sid, section_id, err);

	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 3, seconds);
	return store_run(st, stmt, "add section time", err);
}

/* Time adds up per section across sittings and terminals. */
int store_session_add_time(store *st, const char *session_id,
			   const char *section_id, long long seconds, store_error *err)
{
	static const char update[] =
		"UPDATE section_time SET seconds = seconds + ?3"
		" WHERE session = ?1 AND section_id = ?2";
	static const char insert[] =
		"INSERT INTO section_time (session, section_id, seconds) VALUES (?1, ?2, ?3)";
	long long now;
	int rc;

	if (!section_id || !*section_id || seconds < 0)
		return store_fail(err, STORE_EUSAGE, "no section, or negative time");
	rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	rc = run_time(st, update, session_id, section_id, seconds, err);
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = run_time(st, insert, session_id, section_id, seconds, err);
	return store_change_end(st, rc, err);
}

/* -1 when absent; the position otherwise. */
int store_participant_find(store *st, const char *sid, const char *name,
			   int *pos, store_error *err)
{
	static const char sql[] =
		"SELECT position FROM participants WHERE session = ?1 AND name = ?2";
	long long v = -1;
	int found, rc = store_step_int(st, store_sql_text2(st, sql, sid, name, err), &v,
				    &found, "find the participant", err);

	*pos = found ? (int)v : -1;
	return rc;
}

/* A joiner goes at the end: existing positions (and votes) stay valid. */
static int add_participant_in_tx(store *st, const char *sid, const char *name,
				 long long now, int *index, store_error *err)
{
	static const char count[] = "SELECT count(*) FROM participants WHERE session = ?1";
	char summary[200], who[80];
	store_entry e = { "join", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	long long n = 0;
	int position = 0, found, rc = store_step_int(st, store_sql_text1(st, count, sid, err),
						    &n, &found, "add a participant", err);

	if (rc)
		return rc;
	*index = (int)n;
	if (n >= STORE_MAX_PARTICIPANTS)
		return store_fail(err, STORE_EUSAGE, "a session has at most %d "
				  "participants", STORE_MAX_PARTICIPANTS);
	if ((rc = store_participant_next_position(st, sid, &position, err)))
		return rc;
	rc = store_insert_participant(st, sid, position, name, err);
	store_quote(who, sizeof who, name);
	snprintf(summary, sizeof summary, "%s joined", who);
	e.target = position;
	e.new_value = store_text_value(name);
	if (!rc)
		rc = store_history_add(st, sid, now, &e, err);
	return rc;
}

/* A participant's name: not blank, valid UTF-8, not too long. */
static int check_participant_name(const char *name, store_error *err)
{
	if (!name || text_is_blank(name))
		return store_fail(err, STORE_EUSAGE, "a participant needs a name");
	if (!store_text_ok(name))
		return store_fail(err, STORE_EUSAGE, "the participant's name is not "
				  "valid UTF-8");
	return store_check_length(name, STORE_MAX_NAME, "a participant's name", err);
}

/* `join --as NAME` twice with one name is the same person coming back. */
int store_participant_add(store *st, const char *session_id, const char *name,
			  int *index, store_error *err)
{
	long long now;
	int pos = -1, rc;

	if ((rc = check_participant_name(name, err)))
		return rc;
	rc = store_change_begin(st, session_id, &now, err);
	if (!rc)
		rc = store_participant_find(st, session_id, name, &pos, err);
	if (!rc && pos >= 0)
		rc = store_participant_index(st, session_id, pos, &pos, err);
	if (!rc && pos >= 0) {
		store_rollback(st);
		if (index)
			*index = pos;
		store_ok(err);
		return STORE_OK;
	}
	if (!rc)
		rc = add_participant_in_tx(st, session_id, name, now, &pos, err);
	rc = store_change_end(st, rc, err);
	if (!rc && index)
		*index = pos;
	return rc;
}

/* ------------------------------------------------------------ the set-up */

/* The history kind names the column: "organisation" or "facilitator". */
static const char *text_kind(enum store_session_text field)
{
	return field == STORE_SESSION_ORG ? "organisation" : "facilitator";
}

int store_write_session_text(store *st, const char *sid, const char *kind,
			     const char *value, store_error *err)
{
	static const char org[] = "UPDATE sessions SET organisation = ?2 WHERE id = ?1";
	static const char fac[] = "UPDATE sessions SET facilitator = ?2 WHERE id = ?1";
	return store_run_text2(st, strcmp(kind, "organisation") == 0 ? org : fac, sid,
			       value ? value : "", "change the session", err);
}

int store_session_set_text(store *st, const char *session_id,
			   enum store_session_text field, const char *value,
			   store_error *err)
{
	static const char org_sql[] = "SELECT organisation FROM sessions WHERE id = ?1";
	static const char fac_sql[] = "SELECT facilitator FROM sessions WHERE id = ?1";
	const char *kind = text_kind(field);
	char summary[400], to[80];
	store_entry e = { kind, NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	char *old = NULL;
	long long now;
	int rc;

	value = value ? value : "";
	if (!store_text_ok(value))
		return store_fail(err, STORE_EUSAGE, "text is not valid UTF-8");
	if ((rc = store_check_length(value, STORE_MAX_NAME, field == STORE_SESSION_ORG
				     ? "the organisation" : "the facilitator's name", err)))
		return rc;
	if ((rc = store_change_begin(st, session_id, &now, err)))
		return rc;
	rc = session_text(st, session_id, field == STORE_SESSION_ORG ? org_sql : fac_sql,
			  &old, err);
	if (!rc && strcmp(old, value) == 0) {
		free(old);
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	if (!rc)
		rc = store_write_session_text(st, session_id, kind, value, err);
	if (!rc) {
		store_quote(to, sizeof to, value);
		snprintf(summary, sizeof summary, "Set the %s to '%s'", kind, to);
		e.old_value = store_text_value(old);
		e.new_value = store_text_value(value);
		rc = store_history_add(st, session_id, now, &e, err);
	}
	free(old);
	return store_change_end(st, rc, err);
}

int store_write_minutes(store *st, const char *sid, int minutes, store_error *err)
{
	static const char sql[] = "UPDATE sessions SET planned_minutes = ?2 WHERE id = ?1";
	sqlite3_stmt *stmt = store_sql_text_int(st, sql, sid, minutes, err);

	return stmt ? store_run(st, stmt, "change the planned minutes", err) : store_last(err);
}

int store_session_set_minutes(store *st, const char *session_id, int minutes,
			      store_error *err)
{
	static const char old_sql[] = "SELECT planned_minutes FROM sessions WHERE id = ?1";
	char summary[80];
	store_entry e = { "minutes", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	long long now, old = STORE_MINUTES_DEFAULT;
	int found = 0, rc;

	if (minutes < STORE_MINUTES_MIN || minutes > STORE_MINUTES_MAX)
		return store_fail(err, STORE_EUSAGE, "the planned minutes run from %d to %d",
				  STORE_MINUTES_MIN, STORE_MINUTES_MAX);
	if ((rc = store_change_begin(st, session_id, &now, err)))
		return rc;
	rc = store_step_int(st, store_sql_text1(st, old_sql, session_id, err), &old,
			    &found, "change the planned minutes", err);
	if (!rc && old == minutes) {
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	if (!rc)
		rc = store_write_minutes(st, session_id, minutes, err);
	if (!rc) {
		snprintf(summary, sizeof summary, "Planned %d minutes (was %lld)", minutes,
			 old);
		e.old_value = store_int_value(old);
		e.new_value = store_int_value(minutes);
		rc = store_history_add(st, session_id, now, &e, err);
	}
	return store_change_end(st, rc, err);
}

int store_write_participant(store *st, const char *sid, int position,
			    const char *name, store_error *err)
{
	static const char sql[] =
		"UPDATE participants SET name = ?3 WHERE session = ?1 AND position = ?2";
	sqlite3_stmt *stmt;
	int pos = -1, rc = store_participant_find(st, sid, name, &pos, err);

	if (rc)
		return rc;
	if (pos >= 0 && pos != position)
		return store_fail(err, STORE_EDATA, "the session already has a participant "
				  "named '%s'", name);
	if (!(stmt = store_sql_text_int(st, sql, sid, position, err)))
		return store_last(err);
	store_bind_text(stmt, 3, name);
	return store_run(st, stmt, "rename the participant", err);
}

/* Votes belong to the position, so they stay with the renamed person. */
int store_participant_rename(store *st, const char *session_id, const char *old,
			     const char *name, store_error *err)
{
	char summary[300], from[80], to[80];
	store_entry e = { "participant", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	long long now;
	int pos = -1, rc;

	if ((rc = check_participant_name(name, err)))
		return rc;
	if ((rc = store_change_begin(st, session_id, &now, err)))
		return rc;
	rc = store_participant_find(st, session_id, old, &pos, err);
	if (!rc && pos < 0)
		rc = store_fail(err, STORE_ENOINPUT, "the session has no participant "
				"named '%s'", old);
	if (!rc && strcmp(old, name) == 0) {
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	if (!rc)
		rc = store_write_participant(st, session_id, pos, name, err);
	if (!rc) {
		store_quote(from, sizeof from, old);
		store_quote(to, sizeof to, name);
		snprintf(summary, sizeof summary, "Renamed participant '%s' to '%s'", from, to);
		e.target = pos;
		e.old_value = store_text_value(old);
		e.new_value = store_text_value(name);
		rc = store_history_add(st, session_id, now, &e, err);
	}
	return store_change_end(st, rc, err);
}
