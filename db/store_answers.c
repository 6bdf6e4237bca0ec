/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_answers.c - what the room decided per row: agreed stage, votes,
 * notes, the reveal of a secret ballot, and actions.
 *
 * Each change function is one transaction that reads the old value, writes
 * the new one and appends a history entry holding both, so undo can put the
 * old value back.  A change that changes nothing records nothing.  An
 * `answers` row exists while anything is recorded for a row (votes
 * included), so loading a session only reads rows that matter.
 */
#include "store_internal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ loading */

/* Frees what store_answers_load filled; safe on a zeroed struct. */
void store_answers_free(store_answers *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->n_rows; i++)
		store_row_answer_clear(&a->rows[i]);
	free(a->rows);
	for (i = 0; i < a->n_actions; i++) {
		free(a->actions[i].row_id);
		free(a->actions[i].text);
		free(a->actions[i].owner);
		free(a->actions[i].due);
	}
	free(a->actions);
	for (i = 0; i < a->n_times; i++)
		free(a->times[i].section_id);
	free(a->times);
	store_brought_free(a);
	memset(a, 0, sizeof *a);
}

/* Rows are sorted by id (the table's key order), so lookups can bisect. */
const store_row_answer *store_answers_row(const store_answers *a, const char *row_id)
{
	size_t lo = 0, hi = a->n_rows;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(a->rows[mid].row_id, row_id);

		if (c == 0)
			return &a->rows[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Grows an array by one element, zeroed; NULL when out of memory. */
void *store_grow(void *array, size_t *n, size_t *cap, size_t size)
{
	char *p = array;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;

		p = realloc(array, c * size);
		if (!p)
			return NULL;
		*cap = c;
	}
	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

/* The size of every votes array, and whether the session exists at all. */
static int count_participants(store *st, const char *sid, size_t *n, store_error *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM participants WHERE session = ?1),"
		" EXISTS (SELECT 1 FROM sessions WHERE id = ?1)";
	sqlite3_stmt *stmt = store_sql_text1(st, sql, sid, err);
	int rc, exists = 0;

	if (!stmt)
		return store_last(err);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(stmt, 0);
		exists = sqlite3_column_int(stmt, 1);
	}
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "read the session");
	if (!exists)
		return store_fail(err, STORE_ENOINPUT, "no session with id '%s'", sid);
	return STORE_OK;
}

/* What the loaders below share: the answers being filled and the room
 * left in whichever array is growing. */
typedef struct loading {
	store_answers *a;
	size_t cap;
} loading;

/* A row with something recorded; votes start empty (load_vote fills). */
static int load_row(sqlite3_stmt *stmt, void *ctx)
{
	loading *l = ctx;
	store_answers *a = l->a;
	store_row_answer *r, *rows = store_grow(a->rows, &a->n_rows, &l->cap,
						sizeof *rows);
	size_t i;

	if (!rows)
		return -1;
	a->rows = rows;
	r = &rows[a->n_rows - 1];
	r->row_id = store_col_dup(stmt, 0);
	r->state = sqlite3_column_int(stmt, 1);
	r->stage = sqlite3_column_int(stmt, 2);
	r->note = store_col_dup(stmt, 3);
	r->revealed = sqlite3_column_int(stmt, 4);
	r->updated = sqlite3_column_int64(stmt, 5);
	r->votes = malloc((a->n_participants ? a->n_participants : 1) * sizeof *r->votes);
	r->before = calloc(a->n_participants ? a->n_participants : 1, sizeof *r->before);
	if (!r->row_id || !r->note || !r->votes || !r->before)
		return -1;
	for (i = 0; i < a->n_participants; i++)
		r->votes[i] = STORE_VOTE_NONE;
	return 0;
}

/* Vote `p` of `r` from a (participant, vote, given_before) result. */
static void put_vote(store_row_answer *r, size_t n_part, int p, int vote, int before)
{
	if (p < 0 || (size_t)p >= n_part)
		return;
	r->votes[p] = vote;
	r->before[p] = before != 0;
	r->scored += before != 0;
}

/* A vote goes into the votes array of its row (rows are sorted by id). */
static int load_vote(sqlite3_stmt *stmt, void *ctx)
{
	loading *l = ctx;
	store_row_answer *r = (store_row_answer *)store_answers_row(l->a,
		(const char *)sqlite3_column_text(stmt, 0));
	int p = sqlite3_column_int(stmt, 1);

	if (r)
		put_vote(r, l->a->n_participants, p, sqlite3_column_int(stmt, 2),
			 sqlite3_column_int(stmt, 3));
	return 0;
}

static int load_action(sqlite3_stmt *stmt, void *ctx)
{
	loading *l = ctx;
	store_answers *a = l->a;
	store_action *x, *list = store_grow(a->actions, &a->n_actions, &l->cap,
					    sizeof *list);

	if (!list)
		return -1;
	a->actions = list;
	x = &list[a->n_actions - 1];
	x->id = sqlite3_column_int64(stmt, 0);
	x->row_id = store_col_dup(stmt, 1);
	x->text = store_col_dup(stmt, 2);
	x->owner = store_col_dup(stmt, 3);
	x->due = store_col_dup(stmt, 4);
	x->done = sqlite3_column_int(stmt, 5);
	return !x->row_id || !x->text || !x->owner || !x->due ? -1 : 0;
}

static int load_time(sqlite3_stmt *stmt, void *ctx)
{
	loading *l = ctx;
	store_answers *a = l->a;
	store_section_time *t, *list = store_grow(a->times, &a->n_times, &l->cap,
						  sizeof *list);

	if (!list)
		return -1;
	a->times = list;
	t = &list[a->n_times - 1];
	t->section_id = store_col_dup(stmt, 0);
	t->seconds = sqlite3_column_int64(stmt, 1);
	t->planned_minutes = sqlite3_column_int(stmt, 2);
	return t->section_id ? 0 : -1;
}

/* A row the session's type has not hidden: its answers, votes and
 * actions are read; the others wait for the type to change back. */
#define SHOWN_ROW(ROW) STORE_SHOWN_ROW("?1", ROW)
/* A vote's participant as its index among the participants (positions
 * may have gaps where someone was removed). */
#define PARTICIPANT_INDEX \
	" (SELECT count(*) FROM participants p WHERE p.session = ?1" \
	" AND p.position < votes.participant)"

/* Rows (sorted by id, key order), their votes, actions in creation order
 * (ids only grow: AUTOINCREMENT) and seconds per section. */
static int load_all(store *st, const char *sid, store_answers *a, store_error *err)
{
	static const struct {
		const char *sql;
		int (*fn)(sqlite3_stmt *, void *);
		const char *what;
	} parts[] = {
		{ "SELECT row_id, state, stage, note, revealed, updated FROM answers"
		  " WHERE session = ?1 AND" SHOWN_ROW("answers.row_id") " ORDER BY row_id",
		  load_row, "read the answers" },
		{ "SELECT row_id," PARTICIPANT_INDEX ", vote, given_before FROM votes"
		  " WHERE session = ?1 AND" SHOWN_ROW("votes.row_id"),
		  load_vote, "read the votes" },
		{ "SELECT id, row_id, text, owner, due, done FROM actions"
		  " WHERE session = ?1 AND" SHOWN_ROW("actions.row_id") " ORDER BY id",
		  load_action, "read the actions" },
		{ "SELECT section_id, seconds, coalesce(planned_minutes, 0)"
		  " FROM section_time WHERE session = ?1",
		  load_time, "read the section times" },
	};
	size_t i;
	int rc = STORE_OK;

	for (i = 0; !rc && i < sizeof parts / sizeof parts[0]; i++) {
		loading l = { a, 0 };

		rc = store_each(st, parts[i].sql, sid, parts[i].fn, &l, parts[i].what, err);
	}
	return rc;
}

/* One read transaction, so a second terminal never sees half a change. */
int store_answers_load(store *st, const char *session_id, store_answers *out,
		       store_error *err)
{
	int rc, started;

	memset(out, 0, sizeof *out);
	if (!session_id)
		return store_fail(err, STORE_EUSAGE, "no session given");
	rc = store_read_begin(st, &started, err);
	if (!rc)
		rc = count_participants(st, session_id, &out->n_participants, err);
	if (!rc)
		rc = load_all(st, session_id, out, err);
	if (!rc)
		rc = store_load_brought(st, session_id, out, err);
	store_read_end(st, started);
	if (rc)
		store_answers_free(out);
	else
		store_ok(err);
	return rc;
}

/* The row's answers entry into `out`, votes empty; 0 rows: *found = 0. */
static int one_row(store *st, const char *sid, const char *row_id, size_t n_part,
		   store_row_answer *out, int *found, store_error *err)
{
	static const char sql[] =
		"SELECT row_id, state, stage, note, revealed, updated FROM answers"
		" WHERE session = ?1 AND row_id = ?2 AND" SHOWN_ROW("?2");
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	store_answers one;
	loading l;
	int rc;

	if (!stmt)
		return store_last(err);
	memset(&one, 0, sizeof one);
	one.n_participants = n_part;
	l.a = &one;
	l.cap = 0;
	store_bind_text(stmt, 1, sid);
	store_bind_text(stmt, 2, row_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && load_row(stmt, &l) != 0) {
		store_done(stmt);
		store_answers_free(&one);
		return store_fail(err, STORE_EOS, "out of memory");
	}
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the answer");
	*found = rc == SQLITE_ROW;
	if (*found) {
		*out = one.rows[0];
		free(one.rows);
	}
	return STORE_OK;
}

/* The votes of the row just read into `r`. */
static int row_votes(store *st, const char *sid, store_row_answer *r, size_t n_part,
		     store_error *err)
{
	static const char sql[] =
		"SELECT" PARTICIPANT_INDEX ", vote, given_before FROM votes"
		" WHERE session = ?1 AND row_id = ?2";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc;

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	store_bind_text(stmt, 2, r->row_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		put_vote(r, n_part, sqlite3_column_int(stmt, 0),
			 sqlite3_column_int(stmt, 1), sqlite3_column_int(stmt, 2));
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the votes");
	return STORE_OK;
}

int store_answer_load_row(store *st, const char *session_id, const char *row_id,
			  size_t n_participants, store_row_answer *out, int *found,
			  store_error *err)
{
	int rc, started;

	memset(out, 0, sizeof *out);
	*found = 0;
	if (!session_id || !row_id)
		return store_fail(err, STORE_EUSAGE, "no session or row given");
	rc = store_read_begin(st, &started, err);
	if (!rc)
		rc = one_row(st, session_id, row_id, n_participants, out, found, err);
	if (!rc && *found)
		rc = row_votes(st, session_id, out, n_participants, err);
	store_read_end(st, started);
	if (rc) {
		store_row_answer_clear(out);
		*found = 0;
	} else {
		store_ok(err);
	}
	return rc;
}

void store_row_answer_clear(store_row_answer *r)
{
	if (!r)
		return;
	free(r->row_id);
	free(r->note);
	free(r->votes);
	free(r->before);
	memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------ row writers */

/* Makes sure the row's `answers` entry exists and carries the new time.
 * (Two statements rather than an upsert, which needs SQLite 3.24.) */
static int anchor_row(store *st, const char *sid, const char *row_id, long long now,
		      store_error *err)
{
	static const char insert[] =
		"INSERT OR IGNORE INTO answers (session, row_id, updated) VALUES (?1, ?2, ?3)";
	static const char touch[] =
		"UPDATE answers SET updated = ?3 WHERE session = ?1 AND row_id = ?2";
	const char *sql[2] = { insert, touch };
	sqlite3_stmt *stmt;
	int i, rc = STORE_OK;

	for (i = 0; !rc && i < 2; i++) {
		stmt = store_sql(st, sql[i], err);
		if (!stmt)
			return store_last(err);
		store_bind_text(stmt, 1, sid);
		store_bind_text(stmt, 2, row_id);
		sqlite3_bind_int64(stmt, 3, now);
		rc = store_run(st, stmt, "record the answer", err);
	}
	return rc;
}

/* Drops the row's entry once nothing is recorded for it any more. */
static int prune_row(store *st, const char *sid, const char *row_id, store_error *err)
{
	static const char sql[] =
		"DELETE FROM answers WHERE session = ?1 AND row_id = ?2"
		" AND state = 0 AND note = '' AND revealed = 0"
		" AND NOT EXISTS (SELECT 1 FROM votes WHERE session = ?1 AND row_id = ?2)";
	return store_run_text2(st, sql, sid, row_id, "record the answer", err);
}

/* Anchors the row, runs `sql` with ?1 session, ?2 row and ?3 the value
 * (integer, or text when `text` is given), then prunes. */
static int write_row_field(store *st, const char *sid, const char *row_id,
			   const char *sql, long long value, const char *text,
			   long long now, store_error *err)
{
	sqlite3_stmt *stmt;
	int rc = anchor_row(st, sid, row_id, now, err);

	if (rc)
		return rc;
	stmt = store_sql_text2(st, sql, sid, row_id, err);
	if (!stmt)
		return store_last(err);
	if (text)
		store_bind_text(stmt, 3, text);
	else
		sqlite3_bind_int64(stmt, 3, value);
	rc = store_run(st, stmt, "record the answer", err);
	return rc ? rc : prune_row(st, sid, row_id, err);
}

/* Shared by set_agreed and undo. */
int store_write_agreed(store *st, const char *sid, const char *row_id,
		       enum store_row_state state, int stage, long long now,
		       store_error *err)
{
	static const char sql[] =
		"UPDATE answers SET state = ?3 / 16, stage = ?3 % 16 - 1"
		" WHERE session = ?1 AND row_id = ?2";

	/* state and stage travel as one number: stage is at most 8 */
	return write_row_field(st, sid, row_id, sql, (long long)state * 16 + stage + 1,
			       NULL, now, err);
}

/* Shared by set_note and undo. */
int store_write_note(store *st, const char *sid, const char *row_id,
		     const char *note, long long now, store_error *err)
{
	static const char sql[] =
		"UPDATE answers SET note = ?3 WHERE session = ?1 AND row_id = ?2";

	return write_row_field(st, sid, row_id, sql, 0, note ? note : "", now, err);
}

/* Shared by set_revealed and undo. */
int store_write_revealed(store *st, const char *sid, const char *row_id,
			 int revealed, long long now, store_error *err)
{
	static const char sql[] =
		"UPDATE answers SET revealed = ?3 WHERE session = ?1 AND row_id = ?2";

	return write_row_field(st, sid, row_id, sql, revealed != 0, NULL, now, err);
}

/* Shared by set_vote, scoring and undo; NONE deletes the vote.  With
 * `before` on a row the workshop has not opened yet, it is a score given
 * before the workshop. */
int store_write_vote(store *st, const char *sid, const char *row_id,
		     int participant, int vote, int before, long long now,
		     store_error *err)
{
	static const char set[] =
		"INSERT OR REPLACE INTO votes (session, row_id, participant, vote,"
		" given_before) VALUES (?1, ?2, ?3, ?4, ?5 AND NOT EXISTS (SELECT 1"
		" FROM rows_opened o WHERE o.session = ?1 AND o.row_id = ?2))";
	static const char del[] =
		"DELETE FROM votes WHERE session = ?1 AND row_id = ?2 AND participant = ?3";
	sqlite3_stmt *stmt;
	int rc = anchor_row(st, sid, row_id, now, err);

	if (rc)
		return rc;
	stmt = store_sql(st, vote == STORE_VOTE_NONE ? del : set, err);
	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	store_bind_text(stmt, 2, row_id);
	sqlite3_bind_int(stmt, 3, participant);
	if (vote != STORE_VOTE_NONE) {
		sqlite3_bind_int(stmt, 4, vote);
		sqlite3_bind_int(stmt, 5, before != 0);
	}
	rc = store_run(st, stmt, "record the vote", err);
	return rc ? rc : prune_row(st, sid, row_id, err);
}

/* ------------------------------------------------------------ reading old values */

typedef struct row_now {
	enum store_row_state state;
	int stage, revealed, secret, n_stages;
	char *note;
	char *labels;
} row_now;

/* The row's current answer and the session facts its summary needs. */
static int read_row(store *st, const char *sid, const char *row_id, row_now *r,
		    store_error *err)
{
	static const char sql[] =
		"SELECT coalesce(a.state, 0), coalesce(a.stage, -1), coalesce(a.note, ''),"
		" coalesce(a.revealed, 0), s.secret_ballot, s.stage_labels"
		" FROM sessions s LEFT JOIN answers a ON a.session = s.id AND a.row_id = ?2"
		" WHERE s.id = ?1";
	sqlite3_stmt *stmt = store_sql_text2(st, sql, sid, row_id, err);
	const char *p;
	int rc;

	memset(r, 0, sizeof *r);
	if (!stmt)
		return store_last(err);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		r->state = (enum store_row_state)sqlite3_column_int(stmt, 0);
		r->stage = sqlite3_column_int(stmt, 1);
		r->note = store_col_dup(stmt, 2);
		r->revealed = sqlite3_column_int(stmt, 3);
		r->secret = sqlite3_column_int(stmt, 4);
		r->labels = store_col_dup(stmt, 5);
	}
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
				      "read the answer");
	if (!r->note || !r->labels)
		return store_fail(err, STORE_EOS, "out of memory");
	for (r->n_stages = 1, p = r->labels; *p; p++)
		r->n_stages += *p == '\n';
	return STORE_OK;
}

/* Frees what read_row filled. */
static void row_now_free(row_now *r)
{
	free(r->note);
	free(r->labels);
}

void store_label_of(const char *labels, int stage, char *out, size_t size)
{
	const char *p = labels;
	size_t n;

	while (stage-- > 0 && p)
		p = (p = strchr(p, '\n')) ? p + 1 : NULL;
	if (!p) {
		snprintf(out, size, "stage %d", stage + 1);
		return;
	}
	n = strcspn(p, "\n");
	snprintf(out, size, "%.*s", (int)n, p);
}

/* A stage's label for screens that only have a session id. */
int store_stage_label(store *st, const char *session_id, int stage, char *out,
		      size_t size, store_error *err)
{
	static const char sql[] = "SELECT stage_labels FROM sessions WHERE id = ?1";
	char *labels;
	int found, rc = store_step_text(st, store_sql_text1(st, sql, session_id, err),
				     &labels, &found, "read the session", err);

	if (!rc && !found)
		rc = store_fail(err, STORE_ENOINPUT, "no session with id '%s'", session_id);
	if (!rc)
		store_label_of(labels, stage, out, size);
	free(labels);
	return rc;
}

/* ------------------------------------------------------------ changes */

/* Rows are named by their stable content id, never by position. */
static int check_row(const char *row_id, store_error *err)
{
	if (!row_id || !*row_id || !store_text_ok(row_id))
		return store_fail(err, STORE_EUSAGE, "no row given");
	return STORE_OK;
}

/* The history line for an agreement, with the stage's own label. */
static void agreed_summary(const row_now *r, const char *row_id,
			   enum store_row_state state, int stage, char *out, size_t size)
{
	char label[64];

	switch (state) {
	case STORE_ROW_AGREED:
		store_label_of(r->labels, stage, label, sizeof label);
		snprintf(out, size, "Agreed %s on %s", label, row_id);
		break;
	case STORE_ROW_NOT_APPLICABLE:
		snprintf(out, size, "Marked %s not applicable", row_id);
		break;
	case STORE_ROW_NOT_DISCUSSED:
		snprintf(out, size, "Parked %s", row_id);
		break;
	default:
		snprintf(out, size, "Cleared the agreement on %s", row_id);
	}
}

/* Returns -1 when nothing changes, so nothing is recorded. */
static int agreed_in_tx(store *st, const char *sid, const char *row_id,
			enum store_row_state state, int stage, long long now,
			store_error *err)
{
	char summary[300];
	store_entry e = { "agreed", row_id, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	row_now r;
	int rc = read_row(st, sid, row_id, &r, err);

	if (!rc && state == STORE_ROW_AGREED && stage >= r.n_stages)
		rc = store_fail(err, STORE_EUSAGE, "stage %d is not in this matrix", stage + 1);
	if (!rc && r.state == state && r.stage == stage)
		rc = -1;        /* nothing changes */
	if (!rc)
		rc = store_write_agreed(st, sid, row_id, state, stage, now, err);
	if (!rc) {
		agreed_summary(&r, row_id, state, stage, summary, sizeof summary);
		e.old_value = store_int_value((long long)r.state * 16 + r.stage + 1);
		e.new_value = store_int_value((long long)state * 16 + stage + 1);
		rc = store_history_add(st, sid, now, &e, err);
	}
	row_now_free(&r);
	return rc;
}

/* Runs a change whose body returns -1 for "nothing to change". */
static int finish(store *st, int rc, store_error *err)
{
	if (rc == -1) {
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	return store_change_end(st, rc, err);
}

/* OPEN clears the agreement (stage is then ignored). */
int store_set_agreed(store *st, const char *session_id, const char *row_id,
		     enum store_row_state state, int stage, store_error *err)
{
	long long now;
	int rc = check_row(row_id, err);

	if (!rc && (state < STORE_ROW_OPEN || state > STORE_ROW_NOT_DISCUSSED))
		rc = store_fail(err, STORE_EUSAGE, "unknown row state %d", state);
	if (!rc && state == STORE_ROW_AGREED &&
	    (stage < 0 || stage >= CONTENT_MAX_STAGES))
		rc = store_fail(err, STORE_EUSAGE, "stage %d is out of range", stage);
	if (state != STORE_ROW_AGREED)
		stage = -1;
	if (!rc)
		rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	return finish(st, agreed_in_tx(st, session_id, row_id, state, stage, now, err),
		      err);
}

/* The participant's current vote and name; EUSAGE for a stranger. */
static int old_vote(store *st, const char *sid, const char *row_id, int participant,
		    int *vote, char *who, size_t who_size, store_error *err)
{
	static const char sql[] =
		"SELECT p.name, v.vote FROM participants p LEFT JOIN votes v"
		" ON v.session = p.session AND v.row_id = ?2 AND v.participant = p.position"
		" WHERE p.session = ?1 AND p.position = ?3";
	sqlite3_stmt *stmt = store_sql_text2(st, sql, sid, row_id, err);
	int rc;

	if (!stmt)
		return store_last(err);
	sqlite3_bind_int(stmt, 3, participant);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		store_quote(who, who_size, (const char *)sqlite3_column_text(stmt, 0));
		*vote = sqlite3_column_type(stmt, 1) == SQLITE_NULL ? STORE_VOTE_NONE
			: sqlite3_column_int(stmt, 1);
	}
	store_done(stmt);
	if (rc == SQLITE_DONE)
		return store_fail(err, STORE_EUSAGE, "no participant %d in this session",
				  participant + 1);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "read the vote");
	return STORE_OK;
}

/* Under a secret ballot the history says who voted, never what. */
static void vote_summary(const row_now *r, const char *who, const char *row_id,
			 int vote, char *out, size_t size)
{
	char label[64];

	if (vote == STORE_VOTE_NONE)
		snprintf(out, size, "%s withdrew the vote on %s", who, row_id);
	else if (r->secret)
		snprintf(out, size, "%s voted on %s", who, row_id);
	else if (vote == STORE_VOTE_DONT_KNOW)
		snprintf(out, size, "%s voted don't know on %s", who, row_id);
	else {
		store_label_of(r->labels, vote, label, sizeof label);
		snprintf(out, size, "%s voted %s on %s", who, label, row_id);
	}
}

/* Returns -1 when the vote is unchanged. */
static int vote_in_tx(store *st, const char *sid, const char *row_id,
		      int participant, int vote, int before, long long now,
		      store_error *err)
{
	char summary[300], who[80];
	store_entry e = { "vote", row_id, summary, participant, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	int old = STORE_VOTE_NONE;
	row_now r;
	int rc = read_row(st, sid, row_id, &r, err);

	if (!rc)
		rc = old_vote(st, sid, row_id, participant, &old, who, sizeof who, err);
	if (!rc && vote >= r.n_stages)
		rc = store_fail(err, STORE_EUSAGE, "stage %d is not in this matrix", vote + 1);
	if (!rc && old == vote)
		rc = -1;
	if (!rc)
		rc = store_write_vote(st, sid, row_id, participant, vote, before, now, err);
	if (!rc) {
		/* a private score is as secret as a secret ballot's vote */
		r.secret |= before;
		vote_summary(&r, who, row_id, vote, summary, sizeof summary);
		e.old_value = store_int_value(old);
		e.new_value = store_int_value(vote);
		rc = store_history_add(st, sid, now, &e, err);
	}
	row_now_free(&r);
	return rc;
}

/* STORE_VOTE_NONE withdraws the vote. */
int store_set_vote(store *st, const char *session_id, const char *row_id,
		   int participant, int vote, store_error *err)
{
	return store_vote_change(st, session_id, row_id, participant, vote, 0, err);
}

int store_vote_change(store *st, const char *session_id, const char *row_id,
		      int participant, int vote, int before_only, store_error *err)
{
	long long now;
	int open = 0, position = -1, rc = check_row(row_id, err);

	if (!rc && (vote < STORE_VOTE_DONT_KNOW || vote >= CONTENT_MAX_STAGES))
		rc = store_fail(err, STORE_EUSAGE, "vote %d is out of range", vote);
	if (!rc && participant < 0)
		rc = store_fail(err, STORE_EUSAGE, "no participant %d", participant);
	if (!rc)
		rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	if (before_only && (rc = store_row_is_open(st, session_id, row_id, &open, err)) == 0
	    && open)
		rc = store_fail(err, STORE_EDATA, "%s is locked: the workshop has opened"
				" it, so the score stays as it was.", row_id);
	/* front ends count participants by index; votes keep the position */
	if (!rc)
		rc = store_participant_position(st, session_id, participant, &position, err);
	if (!rc && position < 0)
		rc = store_fail(err, STORE_EUSAGE, "no participant %d in this session",
				participant + 1);
	if (rc)
		return store_change_end(st, rc, err);
	return finish(st, vote_in_tx(st, session_id, row_id, position, vote,
				     before_only, now, err), err);
}

/* Returns -1 when the note is unchanged. */
static int note_in_tx(store *st, const char *sid, const char *row_id,
		      const char *note, long long now, store_error *err)
{
	char summary[300];
	store_entry e = { "note", row_id, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	row_now r;
	int rc = read_row(st, sid, row_id, &r, err);

	if (!rc && strcmp(r.note, note) == 0)
		rc = -1;
	if (!rc)
		rc = store_write_note(st, sid, row_id, note, now, err);
	if (!rc) {
		snprintf(summary, sizeof summary, "%s the note on %s",
			 !*note ? "Cleared" : *r.note ? "Changed" : "Added", row_id);
		e.old_value = store_text_value(r.note);
		e.new_value = store_text_value(note);
		rc = store_history_add(st, sid, now, &e, err);
	}
	row_now_free(&r);
	return rc;
}

/* NULL and "" both clear the note. */
int store_set_note(store *st, const char *session_id, const char *row_id,
		   const char *note, store_error *err)
{
	long long now;
	int rc = check_row(row_id, err);

	if (!note)
		note = "";
	if (!rc && !store_text_ok(note))
		rc = store_fail(err, STORE_EUSAGE, "the note is not valid UTF-8");
	if (!rc && strlen(note) > STORE_MAX_NOTE)
		rc = store_fail(err, STORE_EUSAGE, "the note is longer than %d bytes "
				"(1 MiB)", STORE_MAX_NOTE);
	if (!rc)
		rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	return finish(st, note_in_tx(st, session_id, row_id, note, now, err), err);
}

/* Returns -1 when nothing changes. */
static int revealed_in_tx(store *st, const char *sid, const char *row_id,
			  int revealed, long long now, store_error *err)
{
	char summary[300];
	store_entry e = { "reveal", row_id, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	row_now r;
	int rc = read_row(st, sid, row_id, &r, err);

	if (!rc && r.revealed == revealed)
		rc = -1;
	if (!rc)
		rc = store_write_revealed(st, sid, row_id, revealed, now, err);
	if (!rc) {
		snprintf(summary, sizeof summary, "%s the votes on %s",
			 revealed ? "Revealed" : "Hid", row_id);
		e.old_value = store_int_value(r.revealed);
		e.new_value = store_int_value(revealed);
		rc = store_history_add(st, sid, now, &e, err);
	}
	row_now_free(&r);
	return rc;
}

/* Reveals (or hides again) a secret ballot on one row. */
int store_set_revealed(store *st, const char *session_id, const char *row_id,
		       int revealed, store_error *err)
{
	long long now;
	int rc = check_row(row_id, err);

	if (!rc)
		rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	return finish(st, revealed_in_tx(st, session_id, row_id, revealed != 0, now, err),
		      err);
}

int store_reveal_all(store *st, const char *session_id, int *n_revealed,
		     store_error *err)
{
	static const char sql[] =
		"SELECT a.row_id FROM answers a JOIN sessions s ON s.id = a.session"
		" WHERE a.session = ?1 AND a.revealed = 0 AND" SHOWN_ROW("a.row_id")
		" AND EXISTS (SELECT 1 FROM votes v WHERE v.session = ?1"
		"  AND v.row_id = a.row_id)"
		" AND (s.secret_ballot OR EXISTS (SELECT 1 FROM votes b"
		"  WHERE b.session = ?1 AND b.row_id = a.row_id AND b.given_before = 1))"
		" ORDER BY a.row_id";
	store_opened_rows rows;
	long long now;
	size_t i;
	int rc = store_change_begin(st, session_id, &now, err), one;

	*n_revealed = 0;
	if (rc)
		return rc;
	rc = store_row_ids(st, sql, session_id, &rows, "read the hidden rows", err);
	for (i = 0; !rc && i < rows.n; i++) {
		one = revealed_in_tx(st, session_id, rows.ids[i], 1, now, err);
		if (one == 0)
			++*n_revealed;
		else if (one != -1)
			rc = one;
	}
	store_rows_opened_free(&rows);
	if (!rc && !*n_revealed)
		rc = -1;
	rc = finish(st, rc, err);
	if (rc)
		*n_revealed = 0;
	return rc;
}
