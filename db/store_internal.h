/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_internal.h - what the files of db/ share with each other and with
 * the store's own tests and benchmark; never included by screens or report.
 *
 * The hooks at the end exist so tests can build a database of an older
 * schema, provoke a full disk or a short lock wait, and so the benchmark
 * generator can fill thousands of sessions without one fsync per change.
 */
#ifndef NEXTSTEPS_STORE_INTERNAL_H
#define NEXTSTEPS_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"

/* 'NSTP': PRAGMA application_id, so a foreign SQLite file is told apart. */
#define STORE_APPLICATION_ID 0x4e535450
#define STORE_BUSY_TIMEOUT_MS 5000
#define STORE_SUMMARY_TEXT 60   /* bytes of user text quoted in a summary */
/* No value nextsteps writes comes near this (a matrix snapshot is at most
 * CONTENT_MAX_BYTES); a larger one is a crafted file. */
#define STORE_MAX_VALUE (2 * (int)CONTENT_MAX_BYTES)
/* Checking a file on open (identity, schema) stops after this
 * long: a crafted file cannot hold the program, or the write lock. */
#define STORE_CHECK_MS 5000

/* SQL true when the row is not hidden by the session's type (store_setup.c
 * lists the rows outside its track in hidden_rows): the loaders, the
 * answered-rows count, its triggers and the views all leave the others
 * out.  SESSION and ROW are SQL expressions. */
#define STORE_SHOWN_ROW(SESSION, ROW) \
	" NOT EXISTS (SELECT 1 FROM hidden_rows h WHERE h.session = " SESSION \
	" AND h.row_id = " ROW ")"

typedef struct store_cached {
	const char *sql;        /* the literal's address is the cache key */
	sqlite3_stmt *stmt;
} store_cached;

struct store {
	sqlite3 *db;
	char *path;
	unsigned flags;
	int busy_ms;
	int in_batch;           /* store_batch_begin: changes are savepoints */
	int actor;              /* who makes the changes: STORE_FACILITATOR or
				   a participant's position */
	store_cached *cache;
	size_t n_cache;
	size_t cap_cache;
	long long deadline_ms;  /* work past this (monotonic ms) is stopped; 0: none */
	int timed_out;          /* the progress handler stopped a statement */
};

/* ------------------------------------------------ store.c: plumbing */

int store_fail(store_error *err, int status, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* Maps an SQLite result code to a status and a one-line message naming the
 * file; `what` says what was being done. */
int store_fail_sql(store *st, store_error *err, int rc, const char *what);
void store_ok(store_error *err);
/* A cached prepared statement, reset and unbound; NULL (err set) on failure.
 * `sql` must be a string with static storage: its address is the key. */
sqlite3_stmt *store_sql(store *st, const char *sql, store_error *err);
/* Steps a statement expected to finish (INSERT/UPDATE/DELETE) and resets it. */
int store_run(store *st, sqlite3_stmt *stmt, const char *what, store_error *err);
/* Resets a statement so it holds no read snapshot open. */
void store_done(sqlite3_stmt *stmt);
int store_bind_text(sqlite3_stmt *stmt, int i, const char *s);
/* A malloc'd copy of a text column, "" for NULL; NULL when out of memory. */
char *store_col_dup(sqlite3_stmt *stmt, int i);
int store_exec(store *st, const char *sql, const char *what, store_error *err);
/* The status already recorded in err (which callers may leave NULL). */
int store_last(const store_error *err);

/* Write transactions: BEGIN IMMEDIATE, or a savepoint inside a batch. */
int store_begin(store *st, store_error *err);
int store_commit(store *st, store_error *err);
void store_rollback(store *st);
/* Read transactions, so several SELECTs see one snapshot. */
int store_read_begin(store *st, int *started, store_error *err);
void store_read_end(store *st, int started);
/* Starts a change of one session: a write transaction in which the session's
 * `updated` and `touched` are set; STORE_ENOINPUT when there is no session. */
int store_change_begin(store *st, const char *session_id, long long *now,
		       store_error *err);
/* Commits when rc is 0, else rolls back; returns the final status. */
int store_change_end(store *st, int rc, store_error *err);

long long store_now(void);
int store_text_ok(const char *s);
/* Runs `sql` with ?1 bound to `sid` and hands each result row to `fn`,
 * which returns non-zero when out of memory: the loop every loader
 * shares.  `what` names the read in an error ("read the votes"). */
int store_each(store *st, const char *sql, const char *sid,
	       int (*fn)(sqlite3_stmt *stmt, void *ctx), void *ctx,
	       const char *what, store_error *err);
/* STORE_EUSAGE "WHAT is longer than MAX characters" when s is; else 0. */
int store_check_length(const char *s, size_t max, const char *what,
		       store_error *err);

/* ------------------------------------------------ store_schema.c */

int store_schema_latest(void);
/* Identity and version check, then migrations up to `version`. */
int store_schema_prepare(store *st, int version, store_error *err);
/* Compares every entry of `schema`'s sqlite_schema ("main" or "other",
 * the attached merge input; messages name `path`) with what the migrations up to `version` create, so a file whose
 * tables were changed, or that carries views or triggers of its own, is
 * refused (STORE_EDATA) before a query runs against it. */
int store_schema_verify(store *st, const char *schema, const char *path,
			long long version, store_error *err);

/* ------------------------------------------------ store.c: limits */

/* More rows than any matrix holds: a counter above it is not believed. */
#define STORE_MAX_ROWS 100000
/* v limited to lo..hi: counters read from a file are not trusted. */
int store_clamp(long long v, int lo, int hi);

/* "a named pipe", "a socket", ... for a path that is not a regular file. */
const char *store_file_kind(unsigned mode);

/* Stops any statement of `st` still running `ms` milliseconds from now
 * (SQLITE_INTERRUPT, reported as STORE_EDATA); 0 lifts the bound. */
void store_bound_work(store *st, long ms);
/* A "file:" URI for `path` (percent-encoded) followed by `query`
 * ("mode=ro"); -1 when it does not fit. */
int store_uri(char *out, size_t size, const char *path, const char *query);

/* ------------------------------------------------ store_history.c */

/* A value for the history's `old` and `new` columns. */
typedef struct store_value {
	int type;                  /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
	long long i;
	const char *s;
} store_value;

#define STORE_NULL_VALUE { SQLITE_NULL, 0, NULL }

static inline store_value store_int_value(long long i)
{
	store_value v = { SQLITE_INTEGER, i, NULL };

	return v;
}

static inline store_value store_text_value(const char *s)
{
	store_value v = { s ? SQLITE_TEXT : SQLITE_NULL, 0, s };

	return v;
}

typedef struct store_entry {
	const char *kind;
	const char *row_id;        /* NULL for "" */
	const char *summary;
	long long target;          /* participant position or action id, or -1 */
	store_value old_value;
	store_value new_value;
	long long undoes;          /* 0 unless kind is "undo" */
} store_entry;

int store_history_add(store *st, const char *session_id, long long now,
		      const store_entry *e, store_error *err);

/* ------------------------------------------------ store_answers.c */

/* Label number `stage` from a session's newline-separated stage_labels. */
void store_label_of(const char *labels, int stage, char *out, size_t size);
/* The stage labels of a session (from its snapshot), for summaries. */
int store_stage_label(store *st, const char *session_id, int stage, char *out,
		      size_t size, store_error *err);
/* Writers shared by the change functions and undo: no history, no touch. */
int store_write_agreed(store *st, const char *sid, const char *row_id,
		       enum store_row_state state, int stage, long long now,
		       store_error *err);
int store_write_vote(store *st, const char *sid, const char *row_id,
		     int participant, int vote, int before, long long now,
		     store_error *err);
int store_write_note(store *st, const char *sid, const char *row_id,
		     const char *note, long long now, store_error *err);
int store_write_revealed(store *st, const char *sid, const char *row_id,
			 int revealed, long long now, store_error *err);
/* Puts an action back as its JSON snapshot describes it, or deletes it
 * when `json` is NULL. */
int store_write_action(store *st, const char *sid, long long action_id,
		       const char *json, store_error *err);

/* ------------------------------------------------ store_scores.c */

/* Records, inside the caller's change, that the workshop has opened the
 * row (once: the first opening counts), which locks its scores. */
int store_row_open(store *st, const char *sid, const char *row_id, long long now,
		   store_error *err);
/* Whether the workshop has opened the row: *open 1 or 0. */
int store_row_is_open(store *st, const char *sid, const char *row_id, int *open,
		      store_error *err);
/* store_set_vote; with `before_only` a score given before the workshop,
 * refused (STORE_EDATA, nothing written) when the workshop has opened the
 * row, checked in the same transaction as the write. */
int store_vote_change(store *st, const char *session_id, const char *row_id,
		      int participant, int vote, int before_only, store_error *err);

/* ------------------------------------------------ store_session.c */

int store_check_name(const char *name, store_error *err);
/* STORE_EDATA when a session other than `except` has this name. */
int store_name_taken(store *st, const char *name, const char *except,
		     store_error *err);
int store_insert_participant(store *st, const char *sid, int position,
			     const char *name, store_error *err);
/* The latest session of s's organisation (without regard to case, on any
 * matrix) created before s; *found 0 when there is none or s names no
 * organisation. */
int store_session_before(store *st, const store_session *s, store_session *out,
			 int *found, store_error *err);

/* ------------------------------------------------ store_actions.c */

/* Inserts an action with no history entry; *id receives its id. */
int store_insert_action(store *st, const char *sid, const char *row_id,
			const char *text, const char *owner, const char *due,
			long long now, long long *id, store_error *err);

/* ------------------------------------------------ store_answers.c */

/* One more zeroed element at the end of `array` (n elements of `size`,
 * room for cap), doubling the room when full: the array, moved perhaps,
 * with *n counting the new element; NULL when out of memory (the old
 * array kept). */
void *store_grow(void *array, size_t *n, size_t *cap, size_t size);

/* ------------------------------------------------ store_brought.c */

/* Brings the open actions of the organisation's previous session into
 * the new session `sid` (already inserted), inside the caller's
 * transaction; `m` and `track` tell which rows the new session has. */
int store_bring_actions(store *st, const char *sid, const char *organisation,
			const content_matrix *m, unsigned track, long long now,
			store_error *err);
/* After the session's type changed: each brought action's row_gone says
 * again whether the walk reaches its row (`m` the session's snapshot). */
int store_brought_rows_again(store *st, const char *sid, const content_matrix *m,
			     unsigned track, store_error *err);
/* Puts a brought action's outcome back as its JSON snapshot in the
 * history describes it (undo and redo). */
int store_write_brought(store *st, const char *sid, int position,
			const char *json, store_error *err);
/* store_answers_load's reader of the brought actions, and their free. */
int store_load_brought(store *st, const char *sid, store_answers *a,
		       store_error *err);
void store_brought_free(store_answers *a);

/* ------------------------------------------------ store_session_change.c */

int store_write_name(store *st, const char *sid, const char *name, store_error *err);
int store_write_secret(store *st, const char *sid, int secret, store_error *err);
/* The writers the set-up's changes and their undo share. */
int store_write_session_text(store *st, const char *sid, const char *kind,
			     const char *value, store_error *err);
int store_write_minutes(store *st, const char *sid, int minutes, store_error *err);
int store_write_participant(store *st, const char *sid, int position,
			    const char *name, store_error *err);
/* The position of participant `name` (-1 when there is none). */
int store_participant_find(store *st, const char *sid, const char *name,
			   int *pos, store_error *err);

/* ------------------------------------------------ store_setup.c */

/* Participant number `index` (0: the first, as front ends count them) to
 * the position votes and history use, -1 when there is none; and back. */
int store_participant_position(store *st, const char *sid, int index, int *position,
			       store_error *err);
int store_participant_index(store *st, const char *sid, int position, int *index,
			    store_error *err);
/* The position a new participant takes: never one used before. */
int store_participant_next_position(store *st, const char *sid, int *position,
				    store_error *err);
/* The writers the type change, the removal and their undo share:
 * store_write_removed puts the participant of `json` back, or with `json`
 * NULL removes them again when they are as `expect` describes. */
int store_write_track(store *st, const char *sid, unsigned track, store_error *err);
int store_write_removed(store *st, const char *sid, int position, const char *json,
			const char *expect, store_error *err);
/* For merging: the participant at `position` removed (`name` NULL, their
 * votes with them) or, when absent, put back under `name`. */
int store_write_presence_of(store *st, const char *sid, int position,
			    const char *name, store_error *err);

/* ------------------------------------------------ store_merge*.c */

/* A brought action's history snapshot (store_brought.c) J with the
 * carried-forward action's id inside it replaced by NEWID, an expression
 * that may use json_extract(J, '$.carried'): when a merge renumbers the
 * actions, the snapshot follows, so undo puts back the right action. */
#define STORE_BROUGHT_RENUMBER(J, NEWID) \
	"CASE WHEN json_valid(" J ") AND json_type(" J ", '$.carried') = 'integer'" \
	" THEN json_set(" J ", '$.carried', " NEWID ") ELSE " J " END"

/* Merging, the other copy's outcome of brought action `position` taken
 * here: carrying forward copies the other copy's carried action (under a
 * new id, noted in temp.merge_ids so its later changes follow it), and
 * any other outcome takes this copy's carried action away. */
int store_merge_brought(store *st, const char *sid, int position, int outcome,
			store_error *err);

/* `name`, or the first of "NAME (from LABEL)", "NAME (from LABEL, 2)", ...
 * that no session here other than `id` uses (malloc'd in *out); *renamed
 * says whether it changed. */
int store_merge_free_name(store *st, const char *name, const char *id,
			  const char *label, char **out, int *renamed,
			  store_error *err);
/* Inside a merge's transaction, with the other file attached as "other":
 * combines its copy of session `sid` into this one field by field (see
 * store_merge_fields.c), adding conflicts to `res`; *changed is 0 when
 * the other copy has no change this one lacks. */
int store_merge_fields(store *st, const char *sid, const char *label,
		       store_merge_result *res, int *changed, store_error *err);

/* ------------------------------------------------ store_pacing.c */

/* A section's planned minutes (0: none set), for the change and its undo. */
int store_write_section_minutes(store *st, const char *sid, const char *section_id,
				int minutes, store_error *err);

/* ------------------------------------------------ store_query.c */

/* store_sql with ?1 (and ?2) bound to the texts a (and b) as
 * store_bind_text binds them; NULL (err set) on failure. */
sqlite3_stmt *store_sql_text1(store *st, const char *sql, const char *a,
			      store_error *err);
sqlite3_stmt *store_sql_text2(store *st, const char *sql, const char *a, const char *b,
			      store_error *err);
/* store_sql with ?1 bound to the text a and ?2 to the integer n: the
 * queries keyed by a session and a participant's position, or a
 * history entry. */
sqlite3_stmt *store_sql_text_int(store *st, const char *sql, const char *a,
				 long long n, store_error *err);
/* The same statements run to their end (store_run). */
int store_run_text1(store *st, const char *sql, const char *a, const char *what,
		    store_error *err);
int store_run_text2(store *st, const char *sql, const char *a, const char *b,
		    const char *what, store_error *err);
/* Runs `sql` (?1 the session) and lists column 0 of each result row in
 * `out` (free with store_rows_opened_free; empty on failure). */
int store_row_ids(store *st, const char *sql, const char *sid, store_opened_rows *out,
		  const char *what, store_error *err);
/* Steps `stmt` (NULL when preparing it failed: err is set) once and reads
 * its first column, as an integer or as a malloc'd text: *found says
 * whether a row came.  A failure names `what`. */
int store_step_int(store *st, sqlite3_stmt *stmt, long long *v, int *found,
		   const char *what, store_error *err);
int store_step_text(store *st, sqlite3_stmt *stmt, char **s, int *found,
		    const char *what, store_error *err);

/* ------------------------------------------------ hooks for tests, bench */

/* store_undo_entry giving the undone change's summary in `what` ("" when
 * *undone is 0). */
int store_undo(store *st, const char *session_id, int *undone, char *what,
	       size_t what_size, store_error *err);

/* Opens like store_open but migrates only to schema `version` (1..latest). */
store *store_open_at_version(const char *path, unsigned flags, int version,
			     store_error *err);
sqlite3 *store_db(store *st);
/* Limits the file to `pages` pages, so a write fails as on a full disk. */
int store_set_max_pages(store *st, long long pages, store_error *err);
void store_set_busy_timeout(store *st, int ms);
/* Groups many change functions into one transaction (benchmark generator). */
int store_batch_begin(store *st, store_error *err);
int store_batch_commit(store *st, store_error *err);
int store_set_synchronous_off(store *st, store_error *err);

#endif
