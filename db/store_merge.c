/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_merge.c - bringing sessions from other facilitators' databases into
 * this one, so a borough's workshops can be reported on together.
 *
 * The rules (see store_merge in store.h):
 *   - Sessions are matched by id, which is random and unique across files.
 *   - Absent here: the session and all its rows are copied.
 *   - Present here: the two copies are combined field by field from their
 *     histories (store_merge_fields.c); a copy whose history holds nothing
 *     this one lacks is "already up to date" and left alone, so merging
 *     twice changes nothing.
 *   - A name already used here by a different session is made unique as
 *     "NAME (from BASENAME)" (then "NAME (from BASENAME, 2)", ...).
 *   - Incoming sessions, and sessions the other copy changed later, take
 *     their place in the list by `updated`, below sessions here changed in
 *     the same second (see place_session).
 *   - One transaction per OTHER file: all of it is merged or none of it.
 *
 * The OTHER file is read through ATTACH and INSERT ... SELECT, after it has
 * passed the store's own checks (ours, not corrupt, not newer).  It is never
 * written: a file from an older nextsteps is upgraded in a private temporary
 * copy, because upgrading it in place would lock its owner's older program
 * out of it.  Action and history ids are AUTOINCREMENT and so differ between
 * files: they are renumbered through temporary tables, and the
 * references to them (history.target of action entries, history.undoes)
 * are renumbered with them.  rows_answered is kept by the answers triggers.
 *
 * A column added to sessions or its child tables by a later migration must
 * be added to the copying statements here too.  The live room's presence
 * and show_note are deliberately not copied: they are about who is
 * connected now and what their screens show, not about the workshop.
 */
#include "store_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What one incoming session is, and what it replaces here. */
typedef struct merge_item {
	const char *id;
	long long seq;             /* position in OTHER, newest first */
	long long updated;         /* OTHER's copy */
	char *name;                /* OTHER's name */
	int present;               /* a copy exists here */
	long long local_updated;
} merge_item;

typedef struct merge_ctx {
	store *st;
	const char *label;         /* the OTHER file's base name, for renames */
	store_merge_result *res;
	long long lo, hi;          /* the lowest and highest places taken */
	int placed;                /* any place taken yet */
} merge_ctx;

/* ------------------------------------------------------------ opening OTHER */

/* Merging a file into itself would read and write the same rows; it is
 * refused by identity of the file, not by its spelling. */
static int same_file(store *st, const char *other, store_error *err)
{
	struct stat a, b;

	if (stat(other, &b) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return store_fail(err, STORE_ENOINPUT, "%s: no such database", other);
		return store_fail(err, STORE_ENOINPUT, "%s: %s", other, strerror(errno));
	}
	if (S_ISREG(b.st_mode) && b.st_size == 0)
		return store_fail(err, STORE_EDATA,
				  "%s: not a nextsteps database (empty file)", other);
	if (stat(st->path, &a) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return store_fail(err, STORE_EUSAGE,
				  "%s: is the database being merged into; nothing to merge",
				  other);
	return STORE_OK;
}

/* The schema version of an open store. */
static int user_version(store *o, long long *version, store_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(o->db, "PRAGMA user_version", -1, &stmt, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*version = sqlite3_column_int64(stmt, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return store_fail_sql(o, err, rc, "read it");
	return STORE_OK;
}

/* A private copy (mode 0600 by mkstemp) in $TMPDIR, written by SQLite's
 * backup so a WAL not yet checkpointed is included. */
static int backup_to(store *o, const char *tmp, store_error *err)
{
	sqlite3 *db = NULL;
	sqlite3_backup *b;
	int rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);

	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(db, "main", o->db, "main");
		if (!b) {
			rc = sqlite3_errcode(db);
		} else {
			sqlite3_backup_step(b, -1);
			rc = sqlite3_backup_finish(b);
		}
	}
	sqlite3_close(db);
	if (rc != SQLITE_OK)
		return store_fail(err, STORE_ECANTCREAT, "%s: cannot copy it to upgrade"
				  " it (%s)", o->path, sqlite3_errstr(rc));
	return STORE_OK;
}

/* Removes a private copy and the WAL files SQLite made beside it. */
static void remove_copy(const char *tmp)
{
	char side[4200];

	if (!*tmp)
		return;
	unlink(tmp);
	snprintf(side, sizeof side, "%s-wal", tmp);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", tmp);
	unlink(side);
}

/* An older file is upgraded by the ordinary migrations, in a copy. */
static int upgraded_copy(store *o, char *tmp, size_t size, store_error *err)
{
	const char *dir = getenv("TMPDIR");
	store *up;
	int fd, rc;

	if (!dir || !*dir)
		dir = "/tmp";
	if (snprintf(tmp, size, "%s/nextsteps-merge-XXXXXX", dir) >= (int)size)
		return store_fail(err, STORE_ECANTCREAT, "%s: path too long", dir);
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = store_fail(err, STORE_ECANTCREAT, "%s: cannot create a copy to"
				" upgrade %s: %s", dir, o->path, strerror(errno));
		tmp[0] = '\0';
		return rc;
	}
	close(fd);
	rc = backup_to(o, tmp, err);
	if (rc)
		return rc;
	up = store_open(tmp, 0, err);
	if (!up)
		return store_last(err);
	store_close(up);
	return STORE_OK;
}

/* Validates OTHER with the store's own open (read-only) and names the file
 * to attach: OTHER itself, or an upgraded copy of it in `tmp`. */
static int prepare_other(store *st, const char *other, char *tmp, size_t size,
			 const char **attach, store_error *err)
{
	long long version = 0;
	store *o;
	int rc = same_file(st, other, err);

	tmp[0] = '\0';
	*attach = other;
	if (rc)
		return rc;
	/* version 1: any schema this program knows opens; newer is refused */
	o = store_open_at_version(other, STORE_OPEN_READONLY, 1, err);
	if (!o)
		return store_last(err);
	rc = user_version(o, &version, err);
	if (!rc && version < store_schema_latest()) {
		rc = upgraded_copy(o, tmp, size, err);
		*attach = tmp;
	}
	store_close(o);
	return rc;
}

/* ------------------------------------------------------------ attaching */

static const char merge_tables[] =
	"CREATE TEMP TABLE IF NOT EXISTS merge_action_ids"
	" (n INTEGER PRIMARY KEY, old INTEGER NOT NULL UNIQUE);"
	"CREATE TEMP TABLE IF NOT EXISTS merge_history_ids"
	" (n INTEGER PRIMARY KEY, old INTEGER NOT NULL UNIQUE);"
	"CREATE TEMP TABLE IF NOT EXISTS merge_order"
	" (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL);"
	"CREATE TEMP TABLE IF NOT EXISTS merge_keys"
	" (kind TEXT PRIMARY KEY NOT NULL, key INTEGER NOT NULL);"
	"CREATE TEMP TABLE IF NOT EXISTS merge_people"
	" (there INTEGER PRIMARY KEY, here INTEGER NOT NULL);"
	"CREATE TEMP TABLE IF NOT EXISTS merge_ids (kind TEXT NOT NULL,"
	" there INTEGER NOT NULL, here INTEGER NOT NULL, PRIMARY KEY (kind, there));"
	"CREATE TEMP TABLE IF NOT EXISTS merge_entries (session TEXT NOT NULL,"
	" side INTEGER NOT NULL, id INTEGER NOT NULL, uid TEXT NOT NULL,"
	" at INTEGER NOT NULL, field TEXT NOT NULL, row_id TEXT NOT NULL,"
	" fkey TEXT NOT NULL, target INTEGER);"
	"CREATE INDEX IF NOT EXISTS temp.merge_entries_field"
	" ON merge_entries (side, field, row_id, fkey);"
	"DELETE FROM temp.merge_order;";

/* ATTACH and DETACH cannot run inside a transaction: they bracket it.
 * OTHER is attached read-only (a URI with mode=ro), so not even a hot
 * journal of its own is rolled back into it. */
static int attach(store *st, const char *path, store_error *err)
{
	static const char sql[] = "ATTACH DATABASE ?1 AS other";
	char uri[4096 * 3 + 32];
	sqlite3_stmt *stmt;
	int rc;

	if (store_uri(uri, sizeof uri, path, "mode=ro") != 0)
		return store_fail(err, STORE_EUSAGE, "%s: path too long", path);
	stmt = store_sql(st, sql, err);
	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, uri);
	rc = store_run(st, stmt, "read the other database", err);
	if (!rc)
		rc = store_exec(st, merge_tables, "prepare the merge", err);
	return rc;
}

/* Best effort: a failed merge has already reported its own error. */
static void detach(store *st)
{
	sqlite3_exec(st->db, "DROP TABLE IF EXISTS temp.merge_action_ids;"
		     "DROP TABLE IF EXISTS temp.merge_history_ids;"
		     "DROP TABLE IF EXISTS temp.merge_order;"
		     "DROP TABLE IF EXISTS temp.merge_keys;"
		     "DROP TABLE IF EXISTS temp.merge_people;"
		     "DROP TABLE IF EXISTS temp.merge_ids;"
		     "DROP TABLE IF EXISTS temp.merge_entries", NULL, NULL, NULL);
	sqlite3_exec(st->db, "DETACH DATABASE other", NULL, NULL, NULL);
}

/* BEGIN IMMEDIATE would take the write lock on OTHER too (SQLite locks
 * every attached file), blocking its owner or failing on a read-only
 * file.  A deferred transaction whose first statement writes here locks
 * only this file, and waits for it in the busy handler as usual. */
static int merge_begin(store *st, store_error *err)
{
	int rc = store_exec(st, "BEGIN", "start the merge", err);

	if (!rc)
		rc = store_exec(st, "UPDATE main.sessions SET touched = touched WHERE 0",
				"start the merge", err);
	if (rc)
		store_rollback(st);
	return rc;
}

/* ------------------------------------------------------------ reading */

/* The ids a fixed query yields, in memory, so no statement stays open
 * while the rows it read are written. */
static int read_ids(store *st, const char *sql, char ***ids, size_t *n,
		    store_error *err)
{
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	size_t cap = 0;
	char **list = NULL, **l;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!stmt)
		return store_last(err);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(l = realloc(list, cap * sizeof *l)))
				break;
			list = l;
		}
		if (!(list[*n] = store_col_dup(stmt, 0)))
			break;
		(*n)++;
	}
	store_done(stmt);
	*ids = list;
	if (rc == SQLITE_ROW)
		return store_fail(err, STORE_EOS, "out of memory");
	if (rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the sessions");
	return STORE_OK;
}

/* OTHER's session ids, newest change first (see find_moves). */
static int other_ids(store *st, char ***ids, size_t *n, store_error *err)
{
	static const char sql[] =
		"SELECT id FROM other.sessions ORDER BY touched DESC, rowid DESC";

	return read_ids(st, sql, ids, n, err);
}

/* Frees what other_ids filled. */
static void free_ids(char **ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* Both copies' dates, to decide between add, update and skip. */
static int read_item(store *st, merge_item *it, store_error *err)
{
	static const char sql[] =
		"SELECT o.updated, o.name, m.id IS NOT NULL, m.updated"
		" FROM other.sessions o LEFT JOIN main.sessions m ON m.id = o.id"
		" WHERE o.id = ?1";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc;

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, it->id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		it->updated = sqlite3_column_int64(stmt, 0);
		it->name = store_col_dup(stmt, 1);
		it->present = sqlite3_column_int(stmt, 2);
		it->local_updated = sqlite3_column_int64(stmt, 3);
	}
	store_done(stmt);
	if (rc == SQLITE_DONE)
		return store_fail(err, STORE_EDATA, "session '%s' went missing while"
				  " merging", it->id);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "read the other database's session");
	if (!it->name)
		return store_fail(err, STORE_EOS, "out of memory");
	return STORE_OK;
}

/* ------------------------------------------------------------ names */

/* 1 when no other session here uses the name, 0 when one does. */
static int name_free(store *st, const char *name, const char *id, int *is_free,
		     store_error *err)
{
	static const char sql[] =
		"SELECT 1 FROM main.sessions WHERE name = ?1 AND id <> ?2";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc;

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, name);
	store_bind_text(stmt, 2, id);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "check the session name");
	*is_free = rc == SQLITE_DONE;
	return STORE_OK;
}

/* The incoming name, or the first free "NAME (from LABEL[, k])": the same
 * files merged in the same order always give the same names. */
int store_merge_free_name(store *st, const char *name, const char *id,
			  const char *label, char **out, int *renamed,
			  store_error *err)
{
	size_t size = strlen(name) + strlen(label) + 32;
	int rc, is_free = 0;
	long k;

	*renamed = 0;
	*out = malloc(size);
	if (!*out)
		return store_fail(err, STORE_EOS, "out of memory");
	snprintf(*out, size, "%s", name);
	rc = name_free(st, *out, id, &is_free, err);
	for (k = 1; !rc && !is_free; k++) {
		if (k == 1)
			snprintf(*out, size, "%s (from %s)", name, label);
		else
			snprintf(*out, size, "%s (from %s, %ld)", name, label, k);
		rc = name_free(st, *out, id, &is_free, err);
	}
	if (!rc)
		*renamed = strcmp(*out, name) != 0;
	return rc;
}

static int choose_name(merge_ctx *c, const merge_item *it, char **out,
		       store_error *err)
{
	int renamed = 0, rc = store_merge_free_name(c->st, it->name, it->id, c->label,
						    out, &renamed, err);

	c->res->renamed += renamed;
	return rc;
}

/* ------------------------------------------------------------ writing */

/* Runs a fixed statement whose one parameter, ?1, is a number. */
static int run_num(store *st, const char *sql, long long v, const char *what,
		   store_error *err)
{
	sqlite3_stmt *stmt = store_sql(st, sql, err);

	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 1, v);
	return store_run(st, stmt, what, err);
}

/* A fixed query with no parameters, for one number (0 when it yields no
 * row). */
static int query_num(store *st, const char *sql, long long *out, store_error *err)
{
	int found;

	*out = 0;
	return store_step_int(st, store_sql(st, sql, err), out, &found, "merge a session",
			      err);
}

/* An identical snapshot here is shared, as store_session_create does. */
static int merge_matrix(store *st, const char *sid, long long *matrix,
			store_error *err)
{
	static const char find[] =
		"SELECT m.id FROM other.sessions s"
		" JOIN other.matrices o ON o.id = s.matrix"
		" JOIN main.matrices m ON m.hash = o.hash AND m.text = o.text"
		" WHERE s.id = ?1 ORDER BY m.id LIMIT 1";
	static const char insert[] =
		"INSERT INTO main.matrices (hash, text) SELECT o.hash, o.text"
		" FROM other.sessions s JOIN other.matrices o ON o.id = s.matrix"
		" WHERE s.id = ?1";
	int found, rc;

	*matrix = 0;
	rc = store_step_int(st, store_sql_text1(st, find, sid, err), matrix, &found,
			    "merge a session", err);
	if (rc || *matrix)
		return rc;
	rc = store_run_text1(st, insert, sid, "copy the matrix snapshot", err);
	/* no row inserted would leave an older rowid here: refuse instead */
	if (!rc && sqlite3_changes(st->db) != 1)
		return store_fail(err, STORE_EDATA, "session '%s' has no matrix"
				  " snapshot in the other database", sid);
	*matrix = sqlite3_last_insert_rowid(st->db);
	return rc;
}

/* The list is ordered by `touched`, and the latest session is the one the
 * program resumes: an incoming session belongs after the sessions here that
 * were changed before it, not on top of the facilitator's own work.  It
 * takes, for now, the `touched` of the last of those (0 when none) and is
 * noted in merge_order; renumber_touched settles the ties once at the end,
 * rather than shifting the list for each one.  The index on (touched,
 * updated) answers "the last changed before" by walking down from the top
 * of the list, so the usual case, a session newer than everything here,
 * reads one index entry. */
static int place_session(store *st, const merge_item *it, long long *touched,
			 store_error *err)
{
	static const char slot[] =
		"SELECT touched FROM main.sessions WHERE updated < ?1"
		" ORDER BY touched DESC LIMIT 1";
	static const char note[] =
		"INSERT INTO temp.merge_order (id, seq) VALUES (?1, ?2)";
	sqlite3_stmt *stmt = store_sql(st, slot, err);
	int found, rc;

	*touched = 0;
	if (stmt)
		sqlite3_bind_int64(stmt, 1, it->updated);
	rc = store_step_int(st, stmt, touched, &found, "merge a session", err);
	stmt = rc ? NULL : store_sql(st, note, err);
	if (!rc && !stmt)
		rc = store_last(err);
	if (!rc) {
		store_bind_text(stmt, 1, it->id);
		sqlite3_bind_int64(stmt, 2, it->seq);
		rc = store_run(st, stmt, "order the sessions", err);
	}
	return rc;
}

/* A session whose `touched` must change. */
typedef struct merge_move {
	char *id;
	long long touched;
} merge_move;

typedef struct merge_moves {
	merge_move *list;
	size_t n, cap;
} merge_moves;

static void free_moves(merge_moves *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->list[i].id);
	free(m->list);
}

static int add_move(merge_moves *m, sqlite3_stmt *stmt, long long touched)
{
	merge_move *l;

	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 8;
		if (!(l = realloc(m->list, m->cap * sizeof *l)))
			return -1;
		m->list = l;
	}
	if (!(m->list[m->n].id = store_col_dup(stmt, 0)))
		return -1;
	m->list[m->n++].touched = touched;
	return 0;
}

/* The sessions from the lowest place taken (`lo`) upwards in their final
 * order: by `touched`; at a tie, the session here first, then incoming
 * ones in OTHER's order (seq counts from its newest).  Each keeps its
 * `touched` unless the one below it now has as much, when it takes one
 * more: the order becomes strict again, and reading stops at the first
 * session above every incoming one (`hi`) that did not have to move,
 * since nothing above it can.  Read whole before any is written. */
static int find_moves(store *st, long long lo, long long hi, merge_moves *m,
		      store_error *err)
{
	static const char sql[] =
		"SELECT s.id, s.touched FROM main.sessions s"
		" LEFT JOIN temp.merge_order o ON o.id = s.id"
		" WHERE s.touched >= ?1"
		" ORDER BY s.touched, o.id IS NOT NULL, o.seq DESC";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	long long prev = 0, t, want;
	int rc, first = 1;

	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 1, lo);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		t = sqlite3_column_int64(stmt, 1);
		want = first || t > prev ? t : prev + 1;
		first = 0;
		if (want == t && t > hi)
			break;
		if (want != t && add_move(m, stmt, want)) {
			store_done(stmt);
			return store_fail(err, STORE_EOS, "out of memory");
		}
		prev = want;
	}
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "order the sessions");
	return STORE_OK;
}

/* A strict order again, writing only the sessions that move: when the
 * incoming sessions are the newest, only they do. */
/* The session's place in the list. */
static int set_touched(store *st, const char *id, long long touched, store_error *err)
{
	static const char set[] = "UPDATE main.sessions SET touched = ?2 WHERE id = ?1";
	sqlite3_stmt *stmt = store_sql_text_int(st, set, id, touched, err);

	if (!stmt)
		return store_last(err);
	return store_run(st, stmt, "order the sessions", err);
}

static int renumber_touched(store *st, long long lo, long long hi, store_error *err)
{
	merge_moves m = { NULL, 0, 0 };
	size_t i;
	int rc = find_moves(st, lo, hi, &m, err);

	for (i = 0; !rc && i < m.n; i++)
		rc = set_touched(st, m.list[i].id, m.list[i].touched, err);
	free_moves(&m);
	return rc;
}

/* The session row itself; rows_answered starts at 0 and the answers
 * triggers count it up as the answers are copied. */
static int copy_session_row(store *st, const char *sid, const char *name,
			    long long matrix, long long touched, store_error *err)
{
	static const char sql[] =
		"INSERT INTO main.sessions (id, name, organisation, facilitator, track,"
		" matrix_id, matrix_version, matrix, stage_labels, rows_total,"
		" secret_ballot, current_section, current_row, created, updated, touched,"
		" open_join, planned_minutes)"
		" SELECT id, ?2, organisation, facilitator, track, matrix_id,"
		" matrix_version, ?3, stage_labels, rows_total, secret_ballot,"
		" current_section, current_row, created, updated, ?4, open_join,"
		" planned_minutes"
		" FROM other.sessions WHERE id = ?1";
	sqlite3_stmt *stmt = store_sql(st, sql, err);

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	store_bind_text(stmt, 2, name);
	sqlite3_bind_int64(stmt, 3, matrix);
	sqlite3_bind_int64(stmt, 4, touched);
	return store_run(st, stmt, "copy a session", err);
}

/* Rows whose keys are the session's own: copied as they are, parents
 * (participants) before the votes that refer to them. */
static int copy_plain_children(store *st, const char *sid, store_error *err)
{
	static const char *const sql[] = {
		"INSERT INTO main.participants (session, position, name)"
		" SELECT session, position, name FROM other.participants"
		" WHERE session = ?1",
		/* before the answers: the counter's triggers read it */
		"INSERT INTO main.hidden_rows (session, row_id)"
		" SELECT session, row_id FROM other.hidden_rows WHERE session = ?1",
		"INSERT INTO main.answers (session, row_id, state, stage, note,"
		" revealed, updated) SELECT session, row_id, state, stage, note,"
		" revealed, updated FROM other.answers WHERE session = ?1",
		"INSERT INTO main.votes (session, row_id, participant, vote,"
		" given_before) SELECT session, row_id, participant, vote,"
		" given_before FROM other.votes WHERE session = ?1",
		"INSERT INTO main.section_time (session, section_id, seconds,"
		" planned_minutes) SELECT session, section_id, seconds,"
		" planned_minutes FROM other.section_time"
		" WHERE session = ?1",
	};
	size_t i;
	int rc = STORE_OK;

	for (i = 0; !rc && i < sizeof sql / sizeof sql[0]; i++)
		rc = store_run_text1(st, sql[i], sid, "copy a session's answers", err);
	return rc;
}

/* The next free AUTOINCREMENT id of a table here, never below one that
 * was handed out before (undo puts deleted actions back under their id). */
static const char action_base[] =
	"SELECT max(coalesce((SELECT seq FROM main.sqlite_sequence"
	" WHERE name = 'actions'), 0), coalesce((SELECT max(id) FROM main.actions), 0))";
static const char history_base[] =
	"SELECT max(coalesce((SELECT seq FROM main.sqlite_sequence"
	" WHERE name = 'history'), 0), coalesce((SELECT max(id) FROM main.history), 0))";

/* Numbers every action id the session knows, including deleted actions
 * its history can still put back, as 1..n in their old order. */
static int number_actions(store *st, const char *sid, long long *count,
			  store_error *err)
{
	static const char clear[] = "DELETE FROM temp.merge_action_ids";
	static const char fill[] =
		"INSERT INTO temp.merge_action_ids (old)"
		" SELECT id FROM other.actions WHERE session = ?1"
		" UNION SELECT target FROM other.history"
		" WHERE session = ?1 AND kind = 'action' AND target IS NOT NULL"
		" ORDER BY 1";
	static const char max[] = "SELECT coalesce(max(n), 0) FROM temp.merge_action_ids";
	int rc = store_exec(st, clear, "merge the actions", err);

	if (!rc)
		rc = store_run_text1(st, fill, sid, "merge the actions", err);
	if (!rc)
		rc = query_num(st, max, count, err);
	return rc;
}

/* Reserves ids up to `last` even when the highest belongs to a deleted
 * action, so a later action here never takes an id undo may put back. */
static int reserve_action_ids(store *st, long long last, store_error *err)
{
	static const char add[] =
		"INSERT INTO main.sqlite_sequence (name, seq) SELECT 'actions', ?1"
		" WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_sequence"
		" WHERE name = 'actions')";
	static const char raise[] =
		"UPDATE main.sqlite_sequence SET seq = ?1"
		" WHERE name = 'actions' AND seq < ?1";
	int rc = run_num(st, add, last, "merge the actions", err);

	if (!rc)
		rc = run_num(st, raise, last, "merge the actions", err);
	return rc;
}

/* Actions under new ids: base + their number. */
static int copy_actions(store *st, const char *sid, long long *abase,
			store_error *err)
{
	static const char sql[] =
		"INSERT INTO main.actions (id, session, row_id, text, owner, due, done,"
		" created) SELECT ?2 + m.n, a.session, a.row_id, a.text, a.owner,"
		" a.due, a.done, a.created FROM other.actions a"
		" JOIN temp.merge_action_ids m ON m.old = a.id"
		" WHERE a.session = ?1 ORDER BY m.n";
	sqlite3_stmt *stmt;
	long long count = 0;
	int rc = query_num(st, action_base, abase, err);

	if (!rc)
		rc = number_actions(st, sid, &count, err);
	if (!rc && !(stmt = store_sql_text_int(st, sql, sid, *abase, err)))
		rc = store_last(err);
	if (!rc)
		rc = store_run(st, stmt, "copy the actions", err);
	if (!rc && count)
		rc = reserve_action_ids(st, *abase + count, err);
	return rc;
}

/* The actions brought from an earlier session, the carried-forward
 * ones following their action's new id. */
static int copy_brought(store *st, const char *sid, long long abase,
			store_error *err)
{
	static const char sql[] =
		"INSERT INTO main.brought (session, position, from_session, from_name,"
		" from_action, row_id, text, owner, due, row_gone, outcome, carried)"
		" SELECT b.session, b.position, b.from_session, b.from_name,"
		" b.from_action, b.row_id, b.text, b.owner, b.due, b.row_gone, b.outcome,"
		" ?2 + (SELECT m.n FROM temp.merge_action_ids m WHERE m.old = b.carried)"
		" FROM other.brought b WHERE b.session = ?1";
	sqlite3_stmt *stmt = store_sql(st, sql, err);

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	sqlite3_bind_int64(stmt, 2, abase);
	return store_run(st, stmt, "copy last session's actions", err);
}

/* A brought entry's snapshot (or its undo's) with the carried action's
 * new id. */
#define COPIED_BROUGHT(J) \
	"CASE WHEN h.kind = 'brought' OR (h.kind = 'undo' AND (SELECT u.kind" \
	" FROM other.history u WHERE u.id = h.undoes) = 'brought') THEN " \
	STORE_BROUGHT_RENUMBER(J, "?3 + (SELECT a.n FROM temp.merge_action_ids a" \
	" WHERE a.old = json_extract(" J ", '$.carried'))") " ELSE " J " END"

/* History under new ids, in its old order; an action entry's target and
 * an undo entry's target (when it undid an action) and `undoes` follow
 * the renumbering, and so does each opened row's last entry before it
 * opened.  The facilitator's entries become STORE_MERGED_FACILITATOR's:
 * the facilitator of this file did not make them, so their undo here
 * passes them by. */
static int copy_history(store *st, const char *sid, long long abase,
			store_error *err)
{
	static const char clear[] = "DELETE FROM temp.merge_history_ids";
	static const char fill[] =
		"INSERT INTO temp.merge_history_ids (old)"
		" SELECT id FROM other.history WHERE session = ?1 ORDER BY id";
	static const char sql[] =
		"INSERT INTO main.history (id, session, at, kind, row_id, summary,"
		" target, old, new, undoes, actor, uid)"
		" SELECT ?2 + m.n, h.session, h.at, h.kind, h.row_id, h.summary,"
		" CASE WHEN h.kind = 'action' OR (h.kind = 'undo' AND"
		"  (SELECT u.kind FROM other.history u WHERE u.id = h.undoes) = 'action')"
		" THEN ?3 + (SELECT a.n FROM temp.merge_action_ids a WHERE a.old = h.target)"
		" ELSE h.target END,"
		" " COPIED_BROUGHT("h.old") ", " COPIED_BROUGHT("h.new") ","
		" ?2 + (SELECT u.n FROM temp.merge_history_ids u WHERE u.old = h.undoes),"
		" CASE WHEN coalesce(h.actor, -1) < 0 THEN -2 ELSE h.actor END, h.uid"
		" FROM other.history h JOIN temp.merge_history_ids m ON m.old = h.id"
		" WHERE h.session = ?1 ORDER BY m.n";
	/* The last history entry before a row opened keeps its place in
	 * the renumbered history. */
	static const char opened[] =
		"INSERT INTO main.rows_opened (session, row_id, opened, history_id)"
		" SELECT o.session, o.row_id, o.opened, ?2 + coalesce((SELECT max(m.n)"
		"  FROM temp.merge_history_ids m WHERE m.old <= o.history_id), 0)"
		" FROM other.rows_opened o WHERE o.session = ?1";
	sqlite3_stmt *stmt;
	long long hbase = 0;
	int rc = query_num(st, history_base, &hbase, err);

	if (!rc)
		rc = store_exec(st, clear, "merge the history", err);
	if (!rc)
		rc = store_run_text1(st, fill, sid, "merge the history", err);
	if (!rc && !(stmt = store_sql_text_int(st, sql, sid, hbase, err)))
		rc = store_last(err);
	if (!rc) {
		sqlite3_bind_int64(stmt, 3, abase);
		rc = store_run(st, stmt, "copy the history", err);
	}
	if (!rc && !(stmt = store_sql_text_int(st, opened, sid, hbase, err)))
		rc = store_last(err);
	if (!rc)
		rc = store_run(st, stmt, "copy the opened rows", err);
	return rc;
}

/* The range of places taken, for renumber_touched. */
static void note_place(merge_ctx *c, long long touched)
{
	c->lo = c->placed && c->lo < touched ? c->lo : touched;
	c->hi = c->placed && c->hi > touched ? c->hi : touched;
	c->placed = 1;
}

/* Copies one session absent here with all its rows. */
static int copy_one(merge_ctx *c, const merge_item *it, store_error *err)
{
	store *st = c->st;
	long long matrix = 0, touched = 0, abase = 0;
	char *name = NULL;
	int rc = choose_name(c, it, &name, err);

	if (!rc)
		rc = merge_matrix(st, it->id, &matrix, err);
	if (!rc)
		rc = place_session(st, it, &touched, err);
	if (!rc)
		note_place(c, touched);
	if (!rc)
		rc = copy_session_row(st, it->id, name, matrix, touched, err);
	if (!rc)
		rc = copy_plain_children(st, it->id, err);
	if (!rc)
		rc = copy_actions(st, it->id, &abase, err);
	if (!rc)
		rc = copy_brought(st, it->id, abase, err);
	if (!rc)
		rc = copy_history(st, it->id, abase, err);
	free(name);
	return rc;
}

/* Both copies of a session were run against one matrix snapshot: the
 * rows and stages their fields name must mean the same in both.  Reading
 * the other copy's snapshot also meets a crafted one (too large, not
 * text) before anything is combined. */
static int same_matrix(merge_ctx *c, const merge_item *it, store_error *err)
{
	static const char sql[] =
		"SELECT o.hash = m.hash AND o.text = m.text"
		" FROM other.sessions os JOIN other.matrices o ON o.id = os.matrix,"
		" main.sessions ms JOIN main.matrices m ON m.id = ms.matrix"
		" WHERE os.id = ?1 AND ms.id = ?1";
	long long same = 0;
	int found = 0, rc = store_step_int(c->st, store_sql_text1(c->st, sql, it->id, err),
					   &same, &found, "read the other database's session",
					   err);

	if (!rc && !same)
		rc = store_fail(err, STORE_EDATA, "session '%s' (%s) was made from another"
				" matrix in the other database: not merged", it->name, it->id);
	return rc;
}

/* A session both files hold is combined field by field; when the other
 * copy changed later, the session takes its place in the list as an
 * incoming one does. */
static int combine_one(merge_ctx *c, const merge_item *it, int *changed,
		       store_error *err)
{
	long long touched = 0;
	int rc = same_matrix(c, it, err);

	if (!rc)
		rc = store_merge_fields(c->st, it->id, c->label, c->res, changed, err);
	if (rc || !*changed || it->updated <= it->local_updated)
		return rc;
	rc = place_session(c->st, it, &touched, err);
	if (!rc) {
		note_place(c, touched);
		rc = set_touched(c->st, it->id, touched, err);
	}
	return rc;
}

/* Add, combine or skip one session by the rules at the top of the file. */
static int merge_one(merge_ctx *c, const char *id, long long seq, store_error *err)
{
	merge_item it;
	int rc, changed = 0;

	memset(&it, 0, sizeof it);
	it.id = id;
	it.seq = seq;
	rc = read_item(c->st, &it, err);
	if (!rc && it.present) {
		rc = combine_one(c, &it, &changed, err);
		if (!rc && changed)
			c->res->updated++;
		else if (!rc)
			c->res->skipped_older_or_same++;
	} else if (!rc) {
		rc = copy_one(c, &it, err);
		if (!rc)
			c->res->added++;
	}
	free(it.name);
	return rc;
}

/* Every session of OTHER, inside the caller's transaction. */
static int merge_all(merge_ctx *c, store_error *err)
{
	char **ids = NULL;
	size_t n = 0, i;
	int rc = other_ids(c->st, &ids, &n, err);

	for (i = 0; !rc && i < n; i++)
		rc = merge_one(c, ids[i], (long long)i, err);
	free_ids(ids, n);
	if (!rc && c->placed)
		rc = renumber_touched(c->st, c->lo, c->hi, err);
	return rc;
}

/* "jane.db" -> "jane": what a renamed session says it came from.  Session
 * names must be UTF-8, file names need not be: other bytes become '?'. */
static void file_label(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/');
	size_t n, i;

	base = base && base[1] ? base + 1 : path;
	snprintf(out, size, "%s", base);
	n = strlen(out);
	if (n > 3 && strcmp(out + n - 3, ".db") == 0)
		out[n - 3] = '\0';
	if (!store_text_ok(out))
		for (i = 0; out[i]; i++)
			if ((unsigned char)out[i] >= 0x80)
				out[i] = '?';
}

/* One transaction around all of OTHER; attach and detach outside it.
 * OTHER's schema is checked again inside the transaction, against the
 * file actually attached: it may have been swapped since it was opened
 * for checking. */
static int merge_attached(store *st, const char *label, const char *other,
			  store_merge_result *res, store_error *err)
{
	merge_ctx c = { st, label, res, 0, 0, 0 };
	int rc = merge_begin(st, err);

	if (rc)
		return rc;
	rc = store_schema_verify(st, "other", other, store_schema_latest(), err);
	if (!rc)
		rc = merge_all(&c, err);
	if (!rc)
		rc = store_commit(st, err);
	if (rc) {
		store_rollback(st);
		store_merge_result_free(res);
	}
	return rc;
}

void store_merge_result_free(store_merge_result *res)
{
	size_t i;

	for (i = 0; i < res->n_conflicts; i++) {
		free(res->conflicts[i].session);
		free(res->conflicts[i].field);
		free(res->conflicts[i].here);
		free(res->conflicts[i].there);
	}
	free(res->conflicts);
	memset(res, 0, sizeof *res);
}

/* Validate, attach, merge in one transaction, detach, clean up. */
int store_merge(store *dst, const char *other_path, store_merge_result *res,
		store_error *err)
{
	char tmp[4096], label[256];
	const char *attach_path;
	int rc;

	memset(res, 0, sizeof *res);
	store_ok(err);
	if (!other_path || !*other_path)
		return store_fail(err, STORE_EUSAGE, "no database to merge given");
	if (dst->in_batch || !sqlite3_get_autocommit(dst->db))
		return store_fail(err, STORE_EUSAGE, "cannot merge inside a change");
	rc = prepare_other(dst, other_path, tmp, sizeof tmp, &attach_path, err);
	if (!rc)
		rc = attach(dst, attach_path, err);
	if (!rc) {
		file_label(other_path, label, sizeof label);
		rc = merge_attached(dst, label, other_path, res, err);
	}
	detach(dst);
	remove_copy(tmp);
	if (!rc)
		store_ok(err);
	return rc;
}
