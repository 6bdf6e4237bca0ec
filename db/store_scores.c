/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_scores.c - private scores given before the workshop.
 *
 * A score is a vote (the votes table) written while the facilitator's
 * walk has not yet reached its row; the vote carries that fact
 * (given_before), so the room opens the row with the scores as its
 * votes and the exports can tell the two apart.  The walk reaching a row
 * records it once in rows_opened, with the session's last history id at
 * that moment: from then on the row's scores are locked for the scorers
 * (store_score_set refuses, and undo refuses to revert a change made
 * before the opening), and a vote changed in the room is one given
 * during the workshop.  Scores go through the same change and history
 * as every vote, under the scorer as actor, so undo is per person.
 */
#include "store_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int store_row_open(store *st, const char *sid, const char *row_id, long long now,
		   store_error *err)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO rows_opened (session, row_id, opened, history_id)"
		" SELECT ?1, ?2, ?3, coalesce(max(id), 0) FROM history WHERE session = ?1";
	sqlite3_stmt *stmt = store_sql_text2(st, sql, sid, row_id, err);

	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 3, now);
	return store_run(st, stmt, "record that the row was opened", err);
}

int store_row_is_open(store *st, const char *sid, const char *row_id, int *open,
		      store_error *err)
{
	static const char sql[] =
		"SELECT 1 FROM rows_opened WHERE session = ?1 AND row_id = ?2";
	sqlite3_stmt *stmt = store_sql_text2(st, sql, sid, row_id, err);
	int rc;

	*open = 0;
	if (!stmt)
		return store_last(err);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the opened rows");
	*open = rc == SQLITE_ROW;
	return STORE_OK;
}

/* `name` without the blanks around it, in `out`; 0 when it does not fit. */
static int trimmed(const char *name, char *out, size_t size)
{
	size_t len;

	while (*name && isspace((unsigned char)*name))
		name++;
	len = strlen(name);
	while (len && isspace((unsigned char)name[len - 1]))
		len--;
	if (len >= size)
		return 0;
	memcpy(out, name, len);
	out[len] = '\0';
	return 1;
}

int store_score_participant(const store_session *s, const char *name, int *index,
			    store_error *err)
{
	char want[4 * STORE_MAX_NAME + 1], have[4 * STORE_MAX_NAME + 1];
	size_t i;

	*index = -1;
	if (name && trimmed(name, want, sizeof want) && *want) {
		for (i = 0; i < s->n_participants; i++)
			if (trimmed(s->participants[i], have, sizeof have) &&
			    strcmp(want, have) == 0) {
				*index = (int)i;
				store_ok(err);
				return STORE_OK;
			}
	}
	return store_fail(err, STORE_ENOINPUT, "no participant of that name in this"
			  " session (it has %zu participant%s)", s->n_participants,
			  s->n_participants == 1 ? "" : "s");
}

int store_score_set(store *st, const char *session_id, const char *row_id,
		    int participant, int vote, store_error *err)
{
	if (participant < 0 || st->actor != participant)
		return store_fail(err, STORE_EUSAGE, "a score is given by the"
				  " participant themselves (store_set_actor)");
	return store_vote_change(st, session_id, row_id, participant, vote, 1, err);
}

int store_rows_opened(store *st, const char *session_id, store_opened_rows *out,
		      store_error *err)
{
	static const char sql[] =
		"SELECT row_id FROM rows_opened WHERE session = ?1 ORDER BY row_id";
	int rc = store_row_ids(st, sql, session_id, out, "read the opened rows", err);

	if (!rc)
		store_ok(err);
	return rc;
}

int store_rows_opened_has(const store_opened_rows *o, const char *row_id)
{
	size_t lo = 0, hi = o->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(o->ids[mid], row_id);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

void store_rows_opened_free(store_opened_rows *o)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		free(o->ids[i]);
	free(o->ids);
	memset(o, 0, sizeof *o);
}
