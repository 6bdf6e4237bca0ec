/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_session.c - sessions and their participants.
 *
 * A session keeps the exact matrix text it was run against (shared between
 * sessions with identical text), so an old report stays true after the
 * content file changes.  Its id comes from /dev/urandom, so sessions copied
 * between databases never collide.
 */
#include "store_internal.h"
#include "text.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define SESSION_COLUMNS \
	"id, name, organisation, facilitator, track, matrix_id, matrix_version," \
	" created, updated, rows_total, rows_answered, secret_ballot," \
	" current_section, current_row, show_note, open_join, planned_minutes"

/* ------------------------------------------------------------ reading */

/* NULL stays NULL: "no position yet" differs from an empty one. */
static char *dup_or_null(sqlite3_stmt *stmt, int i)
{
	if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
		return NULL;
	return store_col_dup(stmt, i);
}

/* One row of SESSION_COLUMNS into a caller-owned struct. */
static int read_session(sqlite3_stmt *stmt, store_session *s, store_error *err)
{
	memset(s, 0, sizeof *s);
	snprintf(s->id, sizeof s->id, "%s", (const char *)sqlite3_column_text(stmt, 0));
	s->name = store_col_dup(stmt, 1);
	s->organisation = store_col_dup(stmt, 2);
	s->facilitator = store_col_dup(stmt, 3);
	s->track = (unsigned)sqlite3_column_int(stmt, 4);
	s->matrix_id = store_col_dup(stmt, 5);
	s->matrix_version = store_col_dup(stmt, 6);
	s->created = sqlite3_column_int64(stmt, 7);
	s->updated = sqlite3_column_int64(stmt, 8);
	s->rows_total = store_clamp(sqlite3_column_int64(stmt, 9), 0, STORE_MAX_ROWS);
	/* a tampered counter must not print as "-727379969/-5" */
	s->rows_answered = store_clamp(sqlite3_column_int64(stmt, 10), 0, s->rows_total);
	s->secret_ballot = sqlite3_column_int(stmt, 11);
	s->current_section = dup_or_null(stmt, 12);
	s->current_row = dup_or_null(stmt, 13);
	s->show_note = sqlite3_column_int(stmt, 14);
	s->open_join = sqlite3_column_int(stmt, 15);
	s->planned_minutes = sqlite3_column_int(stmt, 16);
	if (!s->name || !s->organisation || !s->facilitator || !s->matrix_id ||
	    !s->matrix_version ||
	    (sqlite3_column_type(stmt, 12) != SQLITE_NULL && !s->current_section) ||
	    (sqlite3_column_type(stmt, 13) != SQLITE_NULL && !s->current_row)) {
		store_session_clear(s);
		return store_fail(err, STORE_EOS, "out of memory");
	}
	return STORE_OK;
}

/* Safe on a zeroed or already cleared struct. */
void store_session_clear(store_session *s)
{
	size_t i;

	if (!s)
		return;
	free(s->name);
	free(s->organisation);
	free(s->facilitator);
	free(s->matrix_id);
	free(s->matrix_version);
	free(s->current_section);
	free(s->current_row);
	for (i = 0; i < s->n_participants; i++)
		free(s->participants[i]);
	free(s->participants);
	memset(s, 0, sizeof *s);
}

/* Runs a query expected to yield at most one session. */
static int one_session(store *st, sqlite3_stmt *stmt, store_session *out,
		       int *found, store_error *err)
{
	int rc = sqlite3_step(stmt);

	*found = 0;
	if (rc == SQLITE_ROW) {
		*found = 1;
		rc = read_session(stmt, out, err);
	} else if (rc == SQLITE_DONE) {
		rc = STORE_OK;
	} else {
		rc = store_fail_sql(st, err, rc, "read a session");
	}
	store_done(stmt);
	return rc;
}

/* Only find fills participants: list stays one query over sessions. */
static int load_participants(store *st, store_session *s, store_error *err)
{
	static const char sql[] =
		"SELECT name FROM participants WHERE session = ?1 ORDER BY position";
	sqlite3_stmt *stmt = store_sql_text1(st, sql, s->id, err);
	size_t cap = 0;
	int rc;

	if (!stmt)
		return store_last(err);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (s->n_participants == cap) {
			char **p = realloc(s->participants, (cap ? cap * 2 : 8) * sizeof *p);

			if (!p)
				break;
			s->participants = p;
			cap = cap ? cap * 2 : 8;
		}
		s->participants[s->n_participants] = store_col_dup(stmt, 0);
		if (!s->participants[s->n_participants])
			break;
		s->n_participants++;
	}
	store_done(stmt);
	if (rc == SQLITE_ROW)
		return store_fail(err, STORE_EOS, "out of memory");
	if (rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the participants");
	return STORE_OK;
}

/* Appends every session `stmt` gives to *list (growing *cap); a failed
 * step names `what`. */
static int append_sessions(store *st, sqlite3_stmt *stmt, store_session **list,
			   size_t *n, size_t *cap, const char *what, store_error *err)
{
	int rc = STORE_OK, step;

	while (!rc && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*n == *cap) {
			size_t c = *cap ? *cap * 2 : 16;
			store_session *l = realloc(*list, c * sizeof *l);

			if (!l) {
				rc = store_fail(err, STORE_EOS, "out of memory");
				break;
			}
			*list = l;
			*cap = c;
		}
		rc = read_session(stmt, &(*list)[*n], err);
		if (!rc)
			(*n)++;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail_sql(st, err, step, what);
	store_done(stmt);
	return rc;
}

/* Every session a prepared query yields, in its order. */
static int session_rows(store *st, sqlite3_stmt *stmt, store_session **out,
			size_t *n, store_error *err)
{
	store_session *list = NULL;
	size_t cap = 0;
	int rc = append_sessions(st, stmt, &list, n, &cap, "list the sessions", err);

	if (rc) {
		store_session_list_free(list, *n);
		*n = 0;
		return rc;
	}
	*out = list;
	store_ok(err);
	return STORE_OK;
}

/* Newest change first, through the index on `touched`. */
int store_session_list(store *st, store_session **out, size_t *n, store_error *err)
{
	static const char sql[] =
		"SELECT " SESSION_COLUMNS " FROM sessions ORDER BY touched DESC";
	sqlite3_stmt *stmt = store_sql(st, sql, err);

	*out = NULL;
	*n = 0;
	if (!stmt)
		return store_last(err);
	return session_rows(st, stmt, out, n, err);
}

/* The same order as store_session_list, `limit` rows from `offset`. */
int store_session_page(store *st, size_t offset, size_t limit,
		       store_session **out, size_t *n, store_error *err)
{
	static const char sql[] =
		"SELECT " SESSION_COLUMNS " FROM sessions ORDER BY touched DESC"
		" LIMIT ?1 OFFSET ?2";
	sqlite3_stmt *stmt = store_sql(st, sql, err);

	*out = NULL;
	*n = 0;
	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 1, (sqlite3_int64)limit);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)offset);
	return session_rows(st, stmt, out, n, err);
}

/* One count(*) answer of a prepared query. */
static int count_of(store *st, sqlite3_stmt *stmt, size_t *out, const char *what,
		    store_error *err)
{
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW)
		*out = (size_t)sqlite3_column_int64(stmt, 0);
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, what);
	store_ok(err);
	return STORE_OK;
}

int store_session_count(store *st, size_t *total, store_error *err)
{
	sqlite3_stmt *stmt = store_sql(st, "SELECT count(*) FROM sessions", err);

	*total = 0;
	if (!stmt)
		return store_last(err);
	return count_of(st, stmt, total, "count the sessions", err);
}

/* How many sessions come before `id` in the list's order, counted in the
 * index on `touched`; STORE_ENOINPUT when there is no such session. */
int store_session_position(store *st, const char *id, size_t *pos, store_error *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM sessions WHERE touched > s.touched)"
		" FROM sessions s WHERE s.id = ?1";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc;

	*pos = 0;
	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*pos = (size_t)sqlite3_column_int64(stmt, 0);
	store_done(stmt);
	if (rc == SQLITE_DONE)
		return store_fail(err, STORE_ENOINPUT, "no such session");
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "find the session in the list");
	store_ok(err);
	return STORE_OK;
}

/* Frees what store_session_list filled. */
void store_session_list_free(store_session *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_session_clear(&list[i]);
	free(list);
}

/* By name first: a name that happens to look like an id still wins. */
static int find_session(store *st, const char *key, store_session *out,
			int *found, store_error *err)
{
	static const char by_name[] =
		"SELECT " SESSION_COLUMNS " FROM sessions WHERE name = ?1";
	static const char by_id[] =
		"SELECT " SESSION_COLUMNS " FROM sessions WHERE id = ?1";
	sqlite3_stmt *stmt = store_sql_text1(st, by_name, key, err);
	int rc;

	if (!stmt)
		return store_last(err);
	rc = one_session(st, stmt, out, found, err);
	if (rc || *found)
		return rc;
	stmt = store_sql_text1(st, by_id, key, err);
	if (!stmt)
		return store_last(err);
	return one_session(st, stmt, out, found, err);
}

/* One read transaction: the session and its participants agree. */
int store_session_find(store *st, const char *name_or_id, store_session *out,
		       store_error *err)
{
	int rc, found = 0, started;

	memset(out, 0, sizeof *out);
	if (!name_or_id || !*name_or_id)
		return store_fail(err, STORE_EUSAGE, "no session name given");
	rc = store_read_begin(st, &started, err);
	if (!rc)
		rc = find_session(st, name_or_id, out, &found, err);
	if (!rc && !found)
		rc = store_fail(err, STORE_ENOINPUT, "no session named '%s'", name_or_id);
	if (!rc)
		rc = load_participants(st, out, err);
	store_read_end(st, started);
	if (rc)
		store_session_clear(out);
	else
		store_ok(err);
	return rc;
}

/* What the program resumes when no --session is given. */
int store_session_latest(store *st, store_session *out, store_error *err)
{
	static const char sql[] =
		"SELECT " SESSION_COLUMNS " FROM sessions ORDER BY touched DESC LIMIT 1";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc, found;

	memset(out, 0, sizeof *out);
	if (!stmt)
		return store_last(err);
	rc = one_session(st, stmt, out, &found, err);
	if (!rc && !found)
		return store_fail(err, STORE_ENOINPUT, "%s: there are no sessions yet",
				  st->path);
	if (!rc)
		store_ok(err);
	return rc;
}

/* Created before session ?3 (created ?4): sessions created in the same
 * second are told apart by rowid, which grows with creation order, so the
 * previous session and the trend agree on what came first. */
#define CREATED_BEFORE \
	"(created < ?4 OR (created = ?4 AND rowid <" \
	" (SELECT rowid FROM sessions WHERE id = ?3)))"

/* The latest session of s's organisation (its name in any case) created
 * before s, on s's matrix id when `same_matrix`, else on any. */
static int latest_before(store *st, const store_session *s, int same_matrix,
			 store_session *out, int *found, store_error *err)
{
	static const char sql[] =
		"SELECT " SESSION_COLUMNS " FROM sessions"
		" WHERE organisation = ?1 COLLATE NOCASE AND id <> ?3"
		" AND (?2 IS NULL OR matrix_id = ?2)"
		" AND " CREATED_BEFORE " ORDER BY created DESC, rowid DESC LIMIT 1";
	sqlite3_stmt *stmt;

	memset(out, 0, sizeof *out);
	*found = 0;
	if (!(stmt = store_sql(st, sql, err)))
		return store_last(err);
	store_bind_text(stmt, 1, s->organisation);
	if (same_matrix)
		store_bind_text(stmt, 2, s->matrix_id ? s->matrix_id : "");
	store_bind_text(stmt, 3, s->id);
	sqlite3_bind_int64(stmt, 4, s->created);
	return one_session(st, stmt, out, found, err);
}

int store_session_previous(store *st, const store_session *s, store_session *out,
			   store_error *err)
{
	int rc, found = 0;

	memset(out, 0, sizeof *out);
	if (!s->organisation || !*s->organisation)
		return store_fail(err, STORE_ENOINPUT,
				  "session '%s' names no organisation", s->name);
	rc = latest_before(st, s, 1, out, &found, err);
	if (!rc && !found)
		return store_fail(err, STORE_ENOINPUT,
				  "no earlier session of '%s' on this matrix", s->organisation);
	if (!rc)
		store_ok(err);
	return rc;
}

/* Any matrix: the session whose actions a new one reviews. */
int store_session_before(store *st, const store_session *s, store_session *out,
			 int *found, store_error *err)
{
	memset(out, 0, sizeof *out);
	*found = 0;
	if (!s->organisation || !*s->organisation)
		return STORE_OK;
	return latest_before(st, s, 0, out, found, err);
}

/* One organisation name (exact spelling) on the matrix id: its latest
 * session, or its `max` latest created before `s`. */
static int org_sessions(store *st, const store_session *s, const char *org,
			int earlier, size_t max, store_session **list,
			size_t *n, size_t *cap, store_error *err)
{
	static const char latest[] =
		"SELECT " SESSION_COLUMNS " FROM sessions"
		" WHERE organisation = ?1 AND matrix_id = ?2"
		" ORDER BY created DESC, rowid DESC LIMIT 1";
	static const char before[] =
		"SELECT " SESSION_COLUMNS " FROM sessions"
		" WHERE organisation = ?1 AND matrix_id = ?2 AND id <> ?3"
		" AND " CREATED_BEFORE " ORDER BY created DESC, rowid DESC LIMIT ?5";
	sqlite3_stmt *stmt = store_sql(st, earlier ? before : latest, err);

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, org);
	store_bind_text(stmt, 2, s->matrix_id);
	if (earlier) {
		store_bind_text(stmt, 3, s->id);
		sqlite3_bind_int64(stmt, 4, s->created);
		sqlite3_bind_int64(stmt, 5, (sqlite3_int64)max);
	}
	return append_sessions(st, stmt, list, n, cap, "read the sessions", err);
}

/* The next organisation name after `after` in the index's order, through
 * the index on (organisation, matrix_id, created): one seek per name, so
 * the cost follows the number of organisations, not of sessions. */
static int next_org(store *st, const char *after, char **out, store_error *err)
{
	static const char sql[] =
		"SELECT organisation FROM sessions WHERE organisation > ?1"
		" ORDER BY organisation LIMIT 1";
	sqlite3_stmt *stmt = store_sql_text1(st, sql, after, err);
	int rc;

	*out = NULL;
	if (!stmt)
		return store_last(err);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(stmt, 0);

		rc = (*out = strdup(t ? t : "")) ? STORE_OK
			: store_fail(err, STORE_EOS, "out of memory");
	} else if (rc == SQLITE_DONE) {
		rc = STORE_OK;
	} else {
		rc = store_fail_sql(st, err, rc, "read the organisations");
	}
	store_done(stmt);
	return rc;
}

int store_session_related(store *st, const store_session *s, size_t max_earlier,
			  store_session **earlier, size_t *n_earlier,
			  store_session **others, size_t *n_others,
			  store_error *err)
{
	size_t cap_e = 0, cap_o = 0;
	char *org = strdup(""), *next;
	int rc = org ? STORE_OK : store_fail(err, STORE_EOS, "out of memory");

	*earlier = *others = NULL;
	*n_earlier = *n_others = 0;
	while (!rc && (rc = next_org(st, org, &next, err)) == STORE_OK && next) {
		free(org);
		org = next;
		if (s->organisation && *s->organisation &&
		    strcasecmp(org, s->organisation) == 0)
			rc = org_sessions(st, s, org, 1, max_earlier, earlier,
					  n_earlier, &cap_e, err);
		else
			rc = org_sessions(st, s, org, 0, 1, others, n_others,
					  &cap_o, err);
	}
	free(org);
	if (rc) {
		store_session_list_free(*earlier, *n_earlier);
		store_session_list_free(*others, *n_others);
		*earlier = *others = NULL;
		*n_earlier = *n_others = 0;
		return rc;
	}
	store_ok(err);
	return STORE_OK;
}

/* The snapshot, so a report stays true after the content file changes. */
int store_session_matrix(store *st, const char *session_id, char **text,
			 store_error *err)
{
	static const char sql[] =
		"SELECT m.text FROM sessions s JOIN matrices m ON m.id = s.matrix"
		" WHERE s.id = ?1";
	int found, rc = store_step_text(st, store_sql_text1(st, sql, session_id, err), text,
				     &found, "read the session's matrix", err);

	if (!rc && !found)
		rc = store_fail(err, STORE_ENOINPUT, "no session with id '%s'", session_id);
	if (!rc)
		store_ok(err);
	return rc;
}

/* ------------------------------------------------------------ creating */

/* 8-4-4-4-12 hex from /dev/urandom (random UUID layout); SQLite's own
 * generator stands in where /dev/urandom cannot be read. */
static void new_id(store *st, char out[40])
{
	unsigned char b[16];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, b, sizeof b) : -1;

	(void)st;
	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof b)
		sqlite3_randomness((int)sizeof b, b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, 40, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
		 b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* FNV-1a: only narrows the search for an identical snapshot; the text
 * itself is compared before sharing. */
static void text_hash(const char *s, char out[17])
{
	unsigned long long h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", h);
}

/* Reuses an identical snapshot, else stores a new one. */
static int matrix_row(store *st, const char *text, long long *id, store_error *err)
{
	static const char find[] =
		"SELECT id FROM matrices WHERE hash = ?1 AND text = ?2";
	static const char insert[] = "INSERT INTO matrices (hash, text) VALUES (?1, ?2)";
	sqlite3_stmt *stmt;
	char hash[17];
	int found, rc;

	text_hash(text, hash);
	rc = store_step_int(st, store_sql_text2(st, find, hash, text, err), id, &found,
			    "find the matrix snapshot", err);
	if (rc || found)
		return rc;
	stmt = store_sql_text2(st, insert, hash, text, err);
	if (!stmt)
		return store_last(err);
	rc = store_run(st, stmt, "store the matrix snapshot", err);
	*id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

/* Stage labels one a line, so summaries can say "Build", not "stage 1". */
static char *stage_labels(const content_matrix *m)
{
	size_t i, len = 1;
	char *out;

	for (i = 0; i < m->n_stages; i++)
		len += strlen(m->stages[i].label) + 1;
	out = malloc(len);
	if (!out)
		return NULL;
	out[0] = '\0';
	for (i = 0; i < m->n_stages; i++) {
		if (i)
			strcat(out, "\n");
		strcat(out, m->stages[i].label);
	}
	return out;
}

/* Names are shown on screen and typed at the command line: never blank. */
int store_check_name(const char *name, store_error *err)
{
	if (!name || text_is_blank(name))
		return store_fail(err, STORE_EUSAGE, "a session needs a name");
	if (!store_text_ok(name))
		return store_fail(err, STORE_EUSAGE, "the session name is not valid UTF-8");
	return store_check_length(name, STORE_MAX_NAME, "the session name", err);
}

/* Everything about a new session that can be refused before writing. */
static int check_spec(const store_new_session *spec, const content_matrix *m,
		      store_error *err)
{
	size_t i, j;
	int rc = store_check_name(spec->name, err);

	if (rc)
		return rc;
	if (!m || !m->text || !m->id || !m->version || m->n_stages == 0)
		return store_fail(err, STORE_EUSAGE, "no matrix given for the session");
	if (spec->track && spec->track != CONTENT_TRACK_LGPO &&
	    spec->track != CONTENT_TRACK_PCN)
		return store_fail(err, STORE_EUSAGE, "the session type must be lgpo or pcn");
	if (!store_text_ok(spec->organisation) || !store_text_ok(spec->facilitator))
		return store_fail(err, STORE_EUSAGE, "text is not valid UTF-8");
	if ((rc = store_check_length(spec->organisation, STORE_MAX_NAME,
				     "the organisation", err)) ||
	    (rc = store_check_length(spec->facilitator, STORE_MAX_NAME,
				     "the facilitator's name", err)))
		return rc;
	if (spec->planned_minutes && (spec->planned_minutes < STORE_MINUTES_MIN ||
				      spec->planned_minutes > STORE_MINUTES_MAX))
		return store_fail(err, STORE_EUSAGE, "the planned minutes run from %d "
				  "to %d", STORE_MINUTES_MIN, STORE_MINUTES_MAX);
	if (spec->n_participants > STORE_MAX_PARTICIPANTS)
		return store_fail(err, STORE_EUSAGE, "a session has at most %d "
				  "participants", STORE_MAX_PARTICIPANTS);
	for (i = 0; i < spec->n_participants; i++) {
		const char *p = spec->participants[i];

		if (!p || text_is_blank(p))
			return store_fail(err, STORE_EUSAGE,
					  "participant %zu has no name", i + 1);
		if (!store_text_ok(p))
			return store_fail(err, STORE_EUSAGE, "the name of participant "
					  "%zu is not valid UTF-8", i + 1);
		if ((rc = store_check_length(p, STORE_MAX_NAME, "a participant's name",
					     err)))
			return rc;
		for (j = 0; j < i; j++)
			if (strcmp(spec->participants[j], p) == 0)
				return store_fail(err, STORE_EUSAGE,
						  "participant '%s' is listed twice", p);
	}
	return STORE_OK;
}

/* A clear message instead of a UNIQUE constraint error. */
int store_name_taken(store *st, const char *name, const char *except,
		      store_error *err)
{
	static const char sql[] = "SELECT id FROM sessions WHERE name = ?1 AND id <> ?2";
	sqlite3_stmt *stmt = store_sql_text2(st, sql, name, except, err);
	int rc;

	if (!stmt)
		return store_last(err);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc == SQLITE_ROW)
		return store_fail(err, STORE_EDATA, "a session named '%s' already exists",
				  name);
	if (rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "check the session name");
	return STORE_OK;
}

/* Positions are the participant numbers votes refer to; never reused. */
int store_insert_participant(store *st, const char *sid, int position,
			      const char *name, store_error *err)
{
	static const char sql[] =
		"INSERT INTO participants (session, position, name) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *stmt = store_sql_text_int(st, sql, sid, position, err);

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 3, name);
	return store_run(st, stmt, "add a participant", err);
}

/* The session row; `touched` puts it first in the list. */
static int insert_session(store *st, const char *id, const store_new_session *spec,
			  const content_matrix *m, long long matrix, long long now,
			  store_error *err)
{
	static const char sql[] =
		"INSERT INTO sessions (id, name, organisation, facilitator, track,"
		" matrix_id, matrix_version, matrix, stage_labels, rows_total,"
		" secret_ballot, created, updated, touched)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12,"
		" (SELECT coalesce(max(touched), 0) + 1 FROM sessions))";
	unsigned track = spec->track ? spec->track : CONTENT_TRACK_LGPO;
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	char *labels = stage_labels(m);
	int rc;

	if (!stmt || !labels) {
		free(labels);
		return stmt ? store_fail(err, STORE_EOS, "out of memory") : store_last(err);
	}
	store_bind_text(stmt, 1, id);
	store_bind_text(stmt, 2, spec->name);
	store_bind_text(stmt, 3, spec->organisation);
	store_bind_text(stmt, 4, spec->facilitator);
	sqlite3_bind_int(stmt, 5, (int)track);
	store_bind_text(stmt, 6, m->id);
	store_bind_text(stmt, 7, m->version);
	sqlite3_bind_int64(stmt, 8, matrix);
	store_bind_text(stmt, 9, labels);
	sqlite3_bind_int64(stmt, 10, (long long)content_count_rows(m, track));
	sqlite3_bind_int(stmt, 11, spec->secret_ballot != 0);
	sqlite3_bind_int64(stmt, 12, now);
	rc = store_run(st, stmt, "create the session", err);
	free(labels);
	/* The column's default is the default length: only another one is
	 * written (which also keeps creating a session in an older schema,
	 * as the upgrade tests do, working). */
	if (!rc && spec->planned_minutes && spec->planned_minutes != STORE_MINUTES_DEFAULT)
		rc = store_write_minutes(st, id, spec->planned_minutes, err);
	return rc;
}

/* Open to anyone: written only when asked for, so a file kept at an older
 * schema (the merge tests make one) still takes a closed session. */
static int set_open_join(store *st, const char *id, store_error *err)
{
	static const char sql[] = "UPDATE sessions SET open_join = 1 WHERE id = ?1";
	sqlite3_stmt *stmt = store_sql(st, sql, err);

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, id);
	return store_run(st, stmt, "open the session to anyone", err);
}

/* Everything a new session writes, inside the caller's transaction. */
static int create_in_tx(store *st, const char *id, const store_new_session *spec,
			const content_matrix *m, long long now, store_error *err)
{
	store_entry e = { "create", NULL, "Created the session", -1,
			  STORE_NULL_VALUE, STORE_NULL_VALUE, 0 };
	long long matrix = 0;
	size_t i;
	int rc = store_name_taken(st, spec->name, "", err);

	if (!rc)
		rc = matrix_row(st, m->text, &matrix, err);
	if (!rc)
		rc = insert_session(st, id, spec, m, matrix, now, err);
	if (!rc && spec->open_join)
		rc = set_open_join(st, id, err);
	for (i = 0; !rc && i < spec->n_participants; i++)
		rc = store_insert_participant(st, id, (int)i, spec->participants[i], err);
	if (!rc)
		rc = store_history_add(st, id, now, &e, err);
	if (!rc)
		rc = store_bring_actions(st, id, spec->organisation, m,
					 spec->track ? spec->track : CONTENT_TRACK_LGPO,
					 now, err);
	return rc;
}

/* The id is made before the transaction, so a retry after EBUSY is cheap. */
int store_session_create(store *st, const store_new_session *spec,
			 const content_matrix *m, char id_out[40], store_error *err)
{
	char id[40];
	long long now = store_now();
	int rc = check_spec(spec, m, err);

	if (rc)
		return rc;
	new_id(st, id);
	rc = store_begin(st, err);
	if (rc)
		return rc;
	rc = store_change_end(st, create_in_tx(st, id, spec, m, now, err), err);
	if (!rc && id_out)
		memcpy(id_out, id, 40);
	return rc;
}
