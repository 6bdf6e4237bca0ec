/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_setup.c - the set-up changes that reach the answers: the
 * session's type (track) and removing a participant.
 *
 * A type change keeps every answer.  The rows of the snapshot that do not
 * apply to the new track are listed in `hidden_rows`, and every reader
 * (the loaders in store_answers.c, the rows_answered triggers, the views)
 * leaves their answers, votes and actions out; changing the type back
 * empties the list again, so they return as they were.
 *
 * Participants are numbered by position, and votes and history refer to
 * that position, so removing one leaves a gap instead of renumbering:
 * everyone else's votes stay theirs.  Front ends count participants
 * 0..n-1 in position order (an index); store_participant_position turns
 * an index into the position.  A removal is one history entry whose old
 * value is the participant as JSON, {"name": ..., "votes": [[row, vote],
 * ...]}: undo puts the participant and those votes back at the same
 * position, and positions are never handed out again.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ positions */

int store_participant_position(store *st, const char *sid, int index, int *position,
			       store_error *err)
{
	static const char sql[] =
		"SELECT position FROM participants WHERE session = ?1"
		" ORDER BY position LIMIT 1 OFFSET ?2";
	long long v = -1;
	int found = 0, rc;

	*position = -1;
	if (index < 0)
		return STORE_OK;
	rc = store_step_int(st, store_sql_text_int(st, sql, sid, index, err), &v, &found,
			    "find the participant", err);
	if (!rc && found)
		*position = (int)v;
	return rc;
}

int store_participant_index(store *st, const char *sid, int position, int *index,
			    store_error *err)
{
	static const char sql[] =
		"SELECT count(*) FROM participants WHERE session = ?1 AND position < ?2";
	long long v = -1;
	int found = 0, rc = store_step_int(st, store_sql_text_int(st, sql, sid, position, err),
					   &v, &found, "find the participant", err);

	*index = rc ? -1 : (int)v;
	return rc;
}

/* Above every position the session has used, in the history too, so a
 * removed participant's position (which undo may give back) is never
 * given to someone else. */
int store_participant_next_position(store *st, const char *sid, int *position,
				    store_error *err)
{
	static const char sql[] =
		"SELECT max(coalesce((SELECT max(position) FROM participants"
		"  WHERE session = ?1), -1), coalesce((SELECT max(target) FROM history"
		"  WHERE session = ?1 AND kind IN ('remove', 'join')), -1)) + 1";
	long long v = 0;
	int found = 0, rc = store_step_int(st, store_sql_text1(st, sql, sid, err), &v,
					   &found, "add a participant", err);

	*position = (int)v;
	return rc;
}

/* ------------------------------------------------------------ the type */

/* The session's snapshot, parsed. */
static int session_matrix(store *st, const char *sid, content_matrix **m,
			  store_error *err)
{
	static const char sql[] =
		"SELECT m.text FROM sessions s JOIN matrices m ON m.id = s.matrix"
		" WHERE s.id = ?1";
	content_error cerr;
	char *text = NULL;
	int found = 0, rc = store_step_text(st, store_sql_text1(st, sql, sid, err), &text,
					    &found, "read the matrix", err);

	*m = NULL;
	if (!rc && !found)
		rc = store_fail(err, STORE_ENOINPUT, "no session with id '%s'", sid);
	if (!rc && !(*m = content_load_text(text, strlen(text), "the session's matrix",
					    &cerr)))
		rc = store_fail(err, STORE_EDATA, "%s", cerr.message);
	free(text);
	return rc;
}

/* Lists the rows outside `track` as hidden. */
static int hide_rows(store *st, const char *sid, const content_matrix *m,
		     unsigned track, store_error *err)
{
	static const char clear[] = "DELETE FROM hidden_rows WHERE session = ?1";
	static const char add[] =
		"INSERT OR IGNORE INTO hidden_rows (session, row_id) VALUES (?1, ?2)";
	size_t i, j;
	int rc = store_run_text1(st, clear, sid, "change the type", err);

	for (i = 0; !rc && i < m->n_sections; i++)
		for (j = 0; !rc && j < m->sections[i].n_rows; j++)
			if (!content_row_applies(&m->sections[i].rows[j], track))
				rc = store_run_text2(st, add, sid, m->sections[i].rows[j].id,
						     "change the type", err);
	return rc;
}

/* Shared by the change and its undo: the track, the rows that apply and
 * the count of answered rows among them, all re-derived. */
int store_write_track(store *st, const char *sid, unsigned track, store_error *err)
{
	static const char sql[] =
		"UPDATE sessions SET track = ?2, rows_total = ?3,"
		" rows_answered = (SELECT count(*) FROM answers a WHERE a.session = ?1"
		"  AND a.state IN (1, 2) AND" STORE_SHOWN_ROW("?1", "a.row_id") ")"
		" WHERE id = ?1";
	content_matrix *m = NULL;
	sqlite3_stmt *stmt;
	int rc = session_matrix(st, sid, &m, err);

	if (!rc)
		rc = hide_rows(st, sid, m, track, err);
	if (!rc)
		rc = store_brought_rows_again(st, sid, m, track, err);
	if (!rc && !(stmt = store_sql_text_int(st, sql, sid, track, err)))
		rc = store_last(err);
	if (!rc) {
		sqlite3_bind_int64(stmt, 3, (long long)content_count_rows(m, track));
		rc = store_run(st, stmt, "change the type", err);
	}
	content_free(m);
	return rc;
}

static const char *track_word(unsigned track)
{
	return track == CONTENT_TRACK_PCN ? "PCN" : "LGPO";
}

int store_session_set_track(store *st, const char *session_id, unsigned track,
			    store_error *err)
{
	static const char old_sql[] = "SELECT track FROM sessions WHERE id = ?1";
	char summary[80];
	store_entry e = { "type", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	long long now, old = 0;
	int found = 0, rc;

	if (track != CONTENT_TRACK_LGPO && track != CONTENT_TRACK_PCN)
		return store_fail(err, STORE_EUSAGE, "the type is lgpo or pcn");
	if ((rc = store_change_begin(st, session_id, &now, err)))
		return rc;
	rc = store_step_int(st, store_sql_text1(st, old_sql, session_id, err), &old,
			    &found, "change the type", err);
	if (!rc && old == (long long)track) {
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	if (!rc)
		rc = store_write_track(st, session_id, track, err);
	if (!rc) {
		snprintf(summary, sizeof summary, "Changed the type from %s to %s",
			 track_word((unsigned)old), track_word(track));
		e.old_value = store_int_value(old);
		e.new_value = store_int_value(track);
		rc = store_history_add(st, session_id, now, &e, err);
	}
	return store_change_end(st, rc, err);
}

/* ------------------------------------------------------------ removing */

/* The participant at `position` as JSON (NULL, *out unset, when none). */
static int participant_json(store *st, const char *sid, int position, char **out,
			    store_error *err)
{
	static const char sql[] =
		"SELECT json_object('name', p.name, 'votes', (SELECT"
		" json_group_array(json_array(row_id, vote)) FROM (SELECT v.row_id,"
		" v.vote FROM votes v WHERE v.session = p.session"
		" AND v.participant = p.position ORDER BY v.row_id)))"
		" FROM participants p WHERE p.session = ?1 AND p.position = ?2";
	int found = 0;

	return store_step_text(st, store_sql_text_int(st, sql, sid, position, err), out,
			       &found, "read the participant", err);
}

/* How many votes (don't know included) the participant has given. */
static int count_votes(store *st, const char *sid, int position, int *n,
		       store_error *err)
{
	static const char sql[] =
		"SELECT count(*) FROM votes WHERE session = ?1 AND participant = ?2";
	long long v = 0;
	int found = 0, rc = store_step_int(st, store_sql_text_int(st, sql, sid, position, err),
					   &v, &found, "count the votes", err);

	*n = (int)v;
	return rc;
}

/* Drops a row's answers entry that only anchored the votes just gone. */
static int prune_rows(store *st, const char *sid, store_error *err)
{
	static const char sql[] =
		"DELETE FROM answers WHERE session = ?1 AND state = 0 AND note = ''"
		" AND revealed = 0 AND NOT EXISTS (SELECT 1 FROM votes v"
		" WHERE v.session = ?1 AND v.row_id = answers.row_id)";
	return store_run_text1(st, sql, sid, "remove the participant", err);
}

/* The participant and their votes go (votes by ON DELETE CASCADE). */
static int delete_participant(store *st, const char *sid, int position,
			      store_error *err)
{
	static const char sql[] =
		"DELETE FROM participants WHERE session = ?1 AND position = ?2";
	sqlite3_stmt *stmt = store_sql_text_int(st, sql, sid, position, err);
	int rc = stmt ? store_run(st, stmt, "remove the participant", err) : store_last(err);

	return rc ? rc : prune_rows(st, sid, err);
}

/* Puts the participant of `json` back at `position`, with their votes. */
static int restore_participant(store *st, const char *sid, int position,
			       const char *json, store_error *err)
{
	static const char name_sql[] =
		"SELECT 1 FROM participants WHERE session = ?1"
		" AND (position = ?3 OR name = json_extract(?2, '$.name'))";
	static const char add[] =
		"INSERT INTO participants (session, position, name)"
		" VALUES (?1, ?3, json_extract(?2, '$.name'))";
	static const char anchor[] =
		"INSERT OR IGNORE INTO answers (session, row_id, updated)"
		" SELECT ?1, json_extract(value, '$[0]'), (SELECT updated FROM sessions"
		" WHERE id = ?1) FROM json_each(?2, '$.votes')";
	static const char votes[] =
		"INSERT OR REPLACE INTO votes (session, row_id, participant, vote)"
		" SELECT ?1, json_extract(value, '$[0]'), ?3, json_extract(value, '$[1]')"
		" FROM json_each(?2, '$.votes')";
	const char *const sql[] = { add, anchor, votes };
	sqlite3_stmt *stmt = store_sql_text2(st, name_sql, sid, json, err);
	long long taken = 0;
	int found = 0, rc;
	size_t i;

	if (stmt)
		sqlite3_bind_int(stmt, 3, position);
	rc = store_step_int(st, stmt, &taken, &found, "put the participant back", err);
	if (!rc && found)
		return store_fail(err, STORE_EDATA, "the session has another participant "
				  "of that name or place now");
	for (i = 0; !rc && i < sizeof sql / sizeof sql[0]; i++) {
		if (!(stmt = store_sql_text2(st, sql[i], sid, json, err)))
			return store_last(err);
		sqlite3_bind_int(stmt, 3, position);
		rc = store_run(st, stmt, "put the participant back", err);
	}
	return rc;
}

/* Undo gives `json` to put the participant back; redo gives NULL and
 * `expect`, the participant as removed the first time: when their votes
 * have changed since, removing them again would lose votes the history
 * cannot give back, so it is refused. */
int store_write_removed(store *st, const char *sid, int position, const char *json,
			const char *expect, store_error *err)
{
	char *now_json = NULL;
	int rc, same;

	if (json)
		return restore_participant(st, sid, position, json, err);
	if ((rc = participant_json(st, sid, position, &now_json, err)))
		return rc;
	same = now_json && expect && strcmp(now_json, expect) == 0;
	free(now_json);
	if (!same)
		return store_fail(err, STORE_EDATA, "the participant's votes have changed "
				  "since: remove them again instead");
	return delete_participant(st, sid, position, err);
}

int store_write_presence_of(store *st, const char *sid, int position,
			    const char *name, store_error *err)
{
	static const char sql[] =
		"SELECT 1 FROM participants WHERE session = ?1 AND position = ?2";
	long long v = 0;
	int found = 0, rc = store_step_int(st, store_sql_text_int(st, sql, sid, position, err),
					   &v, &found, "merge the participants", err);

	if (rc)
		return rc;
	if (!name)
		return found ? delete_participant(st, sid, position, err) : STORE_OK;
	return found ? STORE_OK : store_insert_participant(st, sid, position, name, err);
}

int store_participant_remove(store *st, const char *session_id, const char *name,
			     int force, int *votes, store_error *err)
{
	char summary[300], who[80];
	store_entry e = { "remove", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	char *json = NULL;
	long long now;
	int pos = -1, n = 0, rc;

	if (votes)
		*votes = 0;
	if (!name || !*name)
		return store_fail(err, STORE_EUSAGE, "a participant needs a name");
	if ((rc = store_change_begin(st, session_id, &now, err)))
		return rc;
	rc = store_participant_find(st, session_id, name, &pos, err);
	if (!rc && pos < 0)
		rc = store_fail(err, STORE_ENOINPUT, "the session has no participant "
				"named '%s'", name);
	if (!rc)
		rc = count_votes(st, session_id, pos, &n, err);
	if (!rc && votes)
		*votes = n;
	store_quote(who, sizeof who, name);
	if (!rc && n > 0 && !force)
		rc = store_fail(err, STORE_EDATA, "removing '%s' would remove %d vote%s",
				who, n, n == 1 ? "" : "s");
	if (!rc)
		rc = participant_json(st, session_id, pos, &json, err);
	if (!rc)
		rc = delete_participant(st, session_id, pos, err);
	if (!rc) {
		if (n)
			snprintf(summary, sizeof summary, "Removed participant '%s' and "
				 "%d vote%s", who, n, n == 1 ? "" : "s");
		else
			snprintf(summary, sizeof summary, "Removed participant '%s'", who);
		e.target = pos;
		e.old_value = store_text_value(json);
		rc = store_history_add(st, session_id, now, &e, err);
	}
	free(json);
	return store_change_end(st, rc, err);
}

int store_participant_votes(store *st, const char *session_id, const char *name,
			    int *votes, store_error *err)
{
	int pos = -1, rc, started;

	*votes = 0;
	if ((rc = store_read_begin(st, &started, err)))
		return rc;
	rc = store_participant_find(st, session_id, name, &pos, err);
	if (!rc && pos < 0)
		rc = store_fail(err, STORE_ENOINPUT, "the session has no participant "
				"named '%s'", name);
	if (!rc)
		rc = count_votes(st, session_id, pos, votes, err);
	store_read_end(st, started);
	return rc;
}
