/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store.c - opening the workshop database, and the plumbing every other
 * file of db/ uses: error mapping, cached statements and transactions.
 *
 * A facilitator sees exactly one line when something is wrong with the
 * file, so every SQLite failure goes through store_fail_sql(), which names
 * the file and turns the result code into one of the documented statuses.
 */
#include "store_internal.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------ errors */

/* Records a status and a one-line message; returns the status so callers
 * can `return store_fail(...)`. */
int store_fail(store_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return status;
}

/* Success clears any earlier message. */
void store_ok(store_error *err)
{
	if (err) {
		err->status = STORE_OK;
		err->message[0] = '\0';
	}
}

/* The documented status for an SQLite result code; each bad-file case of
 * the issue lands on its own exit status here. */
static int status_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_EBUSY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
	case SQLITE_SCHEMA:
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
	case SQLITE_TOOBIG:
		return STORE_EDATA;
	case SQLITE_NOMEM:
		return STORE_EOS;
	case SQLITE_CANTOPEN:
		return STORE_ENOINPUT;
	default:
		return STORE_EIO;
	}
}

/* Words a person can act on, where SQLite's own are too terse. */
static const char *words_of(store *st, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "database is locked by another process";
	case SQLITE_FULL:
		return "disk full";
	case SQLITE_IOERR:
		/* e.g. the -shm file could not grow: the disk, not the file */
		if (st && st->db && sqlite3_system_errno(st->db) == ENOSPC)
			return "disk full";
		return st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	case SQLITE_READONLY:
#ifdef SQLITE_READONLY_DIRECTORY
		if (rc == SQLITE_READONLY_DIRECTORY)
			return "database is read-only (its folder is not writable)";
#endif
		return "database is read-only";
	case SQLITE_NOTADB:
		return "not a nextsteps database (file is not a database)";
	case SQLITE_CORRUPT:
		return "database is corrupt";
	default:
		return st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	}
}

/* Every SQLite failure leaves the store through here, as one line. */
int store_fail_sql(store *st, store_error *err, int rc, const char *what)
{
	const char *path = st && st->path ? st->path : "database";
	int status = status_of(rc);

	if ((rc & 0xff) == SQLITE_NOTADB)
		return store_fail(err, status, "%s: %s", path, words_of(st, rc));
	if ((rc & 0xff) == SQLITE_CORRUPT)
		return store_fail(err, status, "%s: damaged (database is corrupt: %s)",
				  path, st && st->db ? sqlite3_errmsg(st->db)
						     : sqlite3_errstr(rc));
	if ((rc & 0xff) == SQLITE_TOOBIG)
		return store_fail(err, status, "%s: damaged or not a nextsteps database"
				  " (a value larger than nextsteps writes)", path);
	if ((rc & 0xff) == SQLITE_ERROR && st && st->db &&
	    strncmp(sqlite3_errmsg(st->db), "no such ", 8) == 0)
		/* our fixed SQL met a table or column that is not there: the
		 * file was changed behind our back */
		return store_fail(err, STORE_EDATA, "%s: damaged or not a nextsteps"
				  " database (%s)", path, sqlite3_errmsg(st->db));
	if ((rc & 0xff) == SQLITE_INTERRUPT && st && st->timed_out)
		return store_fail(err, STORE_EDATA, "%s: damaged or not a nextsteps"
				  " database (reading it takes too long)", path);
	if (status == STORE_EBUSY && st)
		return store_fail(err, status, "%s: %s (waited %.1f s to %s)",
				  path, words_of(st, rc), st->busy_ms / 1000.0, what);
	return store_fail(err, status, "%s: %s (while trying to %s)", path,
			  words_of(st, rc), what);
}

/* ------------------------------------------------------------ statements */

/* Statements are prepared once per connection: a change costs a bind
 * and a step, not a parse. */
sqlite3_stmt *store_sql(store *st, const char *sql, store_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t i;
	int rc;

	for (i = 0; i < st->n_cache; i++) {
		if (st->cache[i].sql == sql) {
			sqlite3_reset(st->cache[i].stmt);
			sqlite3_clear_bindings(st->cache[i].stmt);
			return st->cache[i].stmt;
		}
	}
	if (st->n_cache == st->cap_cache) {
		size_t cap = st->cap_cache ? st->cap_cache * 2 : 32;
		store_cached *c = realloc(st->cache, cap * sizeof *c);

		if (!c) {
			store_fail(err, STORE_EOS, "%s: out of memory", st->path);
			return NULL;
		}
		st->cache = c;
		st->cap_cache = cap;
	}
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if ((rc & 0xff) == SQLITE_ERROR) {
		/* our own fixed SQL: a missing table or column means the file
		 * was changed behind our back */
		store_fail(err, STORE_EDATA, "%s: damaged or not a nextsteps database"
			   " (%s)", st->path, sqlite3_errmsg(st->db));
		sqlite3_finalize(stmt);
		return NULL;
	}
	if (rc != SQLITE_OK) {
		store_fail_sql(st, err, rc, "prepare a query");
		sqlite3_finalize(stmt);
		return NULL;
	}
	st->cache[st->n_cache].sql = sql;
	st->cache[st->n_cache].stmt = stmt;
	st->n_cache++;
	return stmt;
}

/* Every read resets its statement at once (see store_read_end). */
void store_done(sqlite3_stmt *stmt)
{
	if (stmt)
		sqlite3_reset(stmt);
}

/* For INSERT/UPDATE/DELETE, where only success matters. */
int store_run(store *st, sqlite3_stmt *stmt, const char *what, store_error *err)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, what);
	return STORE_OK;
}

/* The caller's text stays alive while the statement runs (statements are
 * reset before the change function returns), so nothing is copied. */
int store_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	return sqlite3_bind_text(stmt, i, s ? s : "", -1, SQLITE_STATIC);
}

/* Column text outlives the statement step only as a copy. */
char *store_col_dup(sqlite3_stmt *stmt, int i)
{
	const unsigned char *t = sqlite3_column_text(stmt, i);

	return strdup(t ? (const char *)t : "");
}

/* Only fixed text (PRAGMA, BEGIN, schema) goes through here, never data. */
int store_exec(store *st, const char *sql, const char *what, store_error *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return store_fail_sql(st, err, rc, what);
	return STORE_OK;
}

/* ------------------------------------------------------------ transactions */

/* BEGIN IMMEDIATE takes the write lock up front, so two processes wait for
 * each other in the busy handler instead of failing half way through.
 * Inside a batch (benchmark generator only) a change is a savepoint. */
int store_begin(store *st, store_error *err)
{
	if (st->in_batch)
		return store_exec(st, "SAVEPOINT store_change", "start a change", err);
	return store_exec(st, "BEGIN IMMEDIATE", "start a change", err);
}

/* A commit can fail (full disk, I/O): the caller then rolls back. */
int store_commit(store *st, store_error *err)
{
	int rc;

	if (sqlite3_get_autocommit(st->db))
		return store_fail(err, STORE_EIO, "%s: the change was rolled back",
				  st->path);
	rc = sqlite3_exec(st->db, st->in_batch ? "RELEASE store_change" : "COMMIT",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sql(st, err, rc, "save the change");
	return STORE_OK;
}

/* Undoes the open change (SQLite may already have rolled it back after a
 * full disk or an I/O error); a batch keeps its earlier changes. */
void store_rollback(store *st)
{
	if (sqlite3_get_autocommit(st->db))
		return;
	if (st->in_batch)
		sqlite3_exec(st->db, "ROLLBACK TO store_change; RELEASE store_change",
			     NULL, NULL, NULL);
	else
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* A read transaction, so the several SELECTs of one load see one snapshot;
 * *started says whether this call opened it (none inside a change). */
int store_read_begin(store *st, int *started, store_error *err)
{
	*started = 0;
	if (!sqlite3_get_autocommit(st->db))
		return STORE_OK;
	*started = 1;
	return store_exec(st, "BEGIN", "read the database", err);
}

/* Ends the snapshot promptly: an open read transaction would hide other
 * processes' changes and hold back WAL checkpoints. */
void store_read_end(store *st, int started)
{
	if (started && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

/* The session row is touched first: it checks the session exists and
 * takes the write lock before any old value is read. */
int store_change_begin(store *st, const char *session_id, long long *now,
		       store_error *err)
{
	static const char touch[] =
		"UPDATE sessions SET updated = ?2, touched ="
		" (SELECT coalesce(max(touched), 0) + 1 FROM sessions) WHERE id = ?1";
	sqlite3_stmt *stmt;
	int rc;

	if (!session_id || !*session_id)
		return store_fail(err, STORE_EUSAGE, "no session given");
	*now = store_now();
	rc = store_begin(st, err);
	if (rc)
		return rc;
	stmt = store_sql(st, touch, err);
	if (!stmt) {
		store_rollback(st);
		return err ? err->status : STORE_EIO;
	}
	store_bind_text(stmt, 1, session_id);
	sqlite3_bind_int64(stmt, 2, *now);
	rc = store_run(st, stmt, "record the change", err);
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = store_fail(err, STORE_ENOINPUT, "no session with id '%s'", session_id);
	if (rc)
		store_rollback(st);
	return rc;
}

/* The one exit of every change function. */
int store_change_end(store *st, int rc, store_error *err)
{
	if (rc) {
		store_rollback(st);
		return rc;
	}
	rc = store_commit(st, err);
	if (rc)
		store_rollback(st);
	else
		store_ok(err);
	return rc;
}

/* ------------------------------------------------------------ small helpers */

/* NEXTSTEPS_NOW pins the clock so tests and golden reports are stable
 * (text_now, shared with the section timer). */
long long store_now(void)
{
	return text_now();
}

/* The screens and JSON export expect valid UTF-8; refuse anything else. */
int store_each(store *st, const char *sql, const char *sid,
	       int (*fn)(sqlite3_stmt *stmt, void *ctx), void *ctx,
	       const char *what, store_error *err)
{
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc = SQLITE_DONE, oom = 0;

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		oom = fn(stmt, ctx);
	store_done(stmt);
	if (oom)
		return store_fail(err, STORE_EOS, "out of memory");
	if (rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, what);
	return STORE_OK;
}

int store_check_length(const char *s, size_t max, const char *what,
		       store_error *err)
{
	size_t chars = 0;

	for (; s && *s; s++)
		chars += ((unsigned char)*s & 0xC0) != 0x80;
	if (chars > max)
		return store_fail(err, STORE_EUSAGE, "%s is longer than %zu characters",
				  what, max);
	return STORE_OK;
}

int store_text_ok(const char *s)
{
	return !s || text_utf8_valid(s, strlen(s));
}

/* The first line of s, cut at a character boundary. */
void store_quote(char *out, size_t size, const char *s)
{
	size_t n = strcspn(s, "\r\n"), max = STORE_SUMMARY_TEXT;
	int cut = s[n] != '\0';

	if (max > size - 4)
		max = size - 4;
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		cut = 1;
	}
	snprintf(out, size, "%.*s%s", (int)n, s, cut ? "..." : "");
}

/* ------------------------------------------------------------ paths */

/* A path that does not fit is refused, never cut short. */
static int join_path(char *out, size_t size, const char *a, const char *b,
		     store_error *err)
{
	int n = snprintf(out, size, "%s%s", a, b);

	if (n < 0 || (size_t)n >= size)
		return store_fail(err, STORE_EUSAGE, "%s%s: path too long", a, b);
	return STORE_OK;
}

/* The XDG rule: an absolute $XDG_DATA_HOME, else ~/.local/share. */
int store_default_path(char *out, size_t size, store_error *err)
{
	const char *e = getenv("NEXTSTEPS_DB");

	store_ok(err);
	if (e && *e)
		return join_path(out, size, e, "", err);
	e = getenv("XDG_DATA_HOME");
	if (e && *e == '/')
		return join_path(out, size, e, "/nextsteps/nextsteps.db", err);
	e = getenv("HOME");
	if (e && *e)
		return join_path(out, size, e, "/.local/share/nextsteps/nextsteps.db", err);
	return store_fail(err, STORE_ECANTCREAT,
			  "no place for the database: set NEXTSTEPS_DB or HOME");
}

/* mkdir -p for the folder of `path`, each new level mode 0700: the answers
 * of a workshop are nobody else's business on a shared host. */
static int make_parents(const char *path, store_error *err)
{
	char dir[PATH_MAX];
	char *p, c;

	if (strlen(path) >= sizeof dir)
		return store_fail(err, STORE_ECANTCREAT, "%s: path too long", path);
	strcpy(dir, path);
	p = strrchr(dir, '/');
	if (!p || p == dir)
		return STORE_OK;
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return store_fail(err, STORE_ECANTCREAT, "%s: cannot create folder: %s",
					  dir, strerror(errno));
		*p = c;
		if (c == '\0')
			break;
	}
	return STORE_OK;
}

/* A folder that is group-writable and setgid was set up for a group to
 * share (the live room over SSH, see README): a database created there is
 * the group's too.  Anywhere else the answers are the owner's alone. */
unsigned store_create_mode(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat sb;

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    (sb.st_mode & S_ISGID) && (sb.st_mode & S_IWGRP))
		return 0660;
	return 0600;
}

/* Creates the file ourselves, so its mode is 0600 (0660 in a shared
 * folder) whatever the umask and whatever SQLite would choose; SQLite gives
 * its -wal and -shm files the same mode. */
static int create_file(const char *path, store_error *err)
{
	int fd, rc = make_parents(path, err);
	mode_t mode = (mode_t)store_create_mode(path);

	if (rc)
		return rc;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0 && errno != EEXIST)
		return store_fail(err, STORE_ECANTCREAT, "%s: cannot create: %s", path,
				  strerror(errno));
	if (fd >= 0) {
		fchmod(fd, mode);       /* the umask may have taken the group bits */
		close(fd);
	}
	return STORE_OK;
}

/* Words for what a path is when it is not a regular file. */
const char *store_file_kind(unsigned mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISFIFO(mode))
		return "a named pipe";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	return "not a regular file";
}

/* What can be said about the path before SQLite sees it.  Anything but a
 * regular file is refused here: SQLite would block for ever reading a
 * named pipe. */
static int check_file(const char *path, unsigned flags, store_error *err)
{
	struct stat sb;

	if (!path || !*path)
		return store_fail(err, STORE_EUSAGE, "no database file given");
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return store_fail(err, STORE_EDATA,
					  "%s: not a nextsteps database (%s)", path,
					  store_file_kind(sb.st_mode));
		return STORE_OK;
	}
	if (errno != ENOENT && errno != ENOTDIR)
		return store_fail(err, STORE_ENOINPUT, "%s: %s", path, strerror(errno));
	if (!(flags & STORE_OPEN_CREATE) || (flags & STORE_OPEN_READONLY))
		return store_fail(err, STORE_ENOINPUT, "%s: no such database", path);
	return create_file(path, err);
}

/* ------------------------------------------------------------ open, close */

/* Tests and the e2e suite shorten the wait through the environment. */
static int busy_timeout_ms(void)
{
	const char *e = getenv("NEXTSTEPS_BUSY_TIMEOUT");
	char *end;
	long v;

	if (e && *e) {
		v = strtol(e, &end, 10);
		if (!*end && v >= 0 && v <= 600000)
			return (int)v;
	}
	return STORE_BUSY_TIMEOUT_MS;
}

/* ------------------------------------------------------------ limits */

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Called every few thousand instructions while a bound is set. */
static int on_progress(void *ctx)
{
	store *st = ctx;

	if (st->deadline_ms && now_ms() > st->deadline_ms) {
		st->timed_out = 1;
		return 1;
	}
	return 0;
}

void store_bound_work(store *st, long ms)
{
	st->timed_out = 0;
	st->deadline_ms = ms > 0 ? now_ms() + ms : 0;
	sqlite3_progress_handler(st->db, ms > 0 ? 4000 : 0,
				 ms > 0 ? on_progress : NULL, st);
}

int store_uri(char *out, size_t size, const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;
	const unsigned char *p;

	if (size < 6)
		return -1;
	memcpy(out, "file:", 5);
	n = 5;
	for (p = (const unsigned char *)path; *p; p++) {
		int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || strchr("/-._~", *p);

		if (n + 4 >= size)
			return -1;
		if (plain) {
			out[n++] = (char)*p;
		} else {
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		}
	}
	if (n + strlen(query) + 2 > size)
		return -1;
	snprintf(out + n, size - n, "?%s", query);
	return 0;
}

int store_clamp(long long v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : (int)v;
}

/* ------------------------------------------------------------ read-only */

/* The folder of `path` into `dir`. */
static void folder_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, size, ".");
	else if (slash == path)
		snprintf(dir, size, "/");
	else
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
}

/* Could this process write the file, its -wal and its -shm here? */
static int writable_here(const char *path)
{
	char dir[PATH_MAX];

	folder_of(path, dir, sizeof dir);
	return access(path, W_OK) == 0 && access(dir, W_OK) == 0;
}

static off_t side_file_size(const char *path, const char *suffix)
{
	char side[PATH_MAX + 8];
	struct stat sb;

	snprintf(side, sizeof side, "%s%s", path, suffix);
	return stat(side, &sb) == 0 ? sb.st_size : -1;
}

/* Reading a WAL file needs its -shm index, which SQLite cannot create in a
 * folder this process cannot write.  With no log waiting (no -wal, or an
 * empty one) no writer is active and the file alone is the whole
 * database: it is read as immutable.  With a log but no index the file
 * cannot be read correctly here, and the user is told why. */
static int readonly_target(store *st, char *uri, size_t size, const char **target,
			   store_error *err)
{
	char dir[PATH_MAX];
	const char *path = st->path;

	*target = path;
	folder_of(path, dir, sizeof dir);
	if (access(dir, W_OK) == 0)
		return STORE_OK;
	if (side_file_size(path, "-wal") <= 0) {
		if (store_uri(uri, size, path, "immutable=1") != 0)
			return store_fail(err, STORE_EUSAGE, "%s: path too long", path);
		*target = uri;
		return STORE_OK;
	}
	if (side_file_size(path, "-shm") < 0)
		return store_fail(err, STORE_EIO, "%s: cannot read it here: its folder"
				  " is not writable and its write-ahead log has no -shm"
				  " index (open it once where it is writable)", path);
	return STORE_OK;
}

/* The connection's guards, for every file it opens: no schema may call
 * functions with side effects (trusted_schema off), the schema cannot be
 * written behind SQLite's back (defensive), and no value may be larger
 * than anything nextsteps writes, so a crafted huge blob fails to read
 * (SQLITE_TOOBIG) instead of filling memory. */
static void guard_connection(sqlite3 *db)
{
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, STORE_MAX_VALUE);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 1);
}

/* Extended result codes tell a read-only folder from a read-only file.
 * URIs are on so that merge can attach its input read-only; a path that
 * merely looks like one is opened as the file it names. */
static int open_connection(store *st, store_error *err)
{
	int oflags = (st->flags & STORE_OPEN_READONLY) ? SQLITE_OPEN_READONLY
						       : SQLITE_OPEN_READWRITE;
	char uri[PATH_MAX * 3 + 32];
	const char *target = st->path;
	int rc = STORE_OK;

	if (st->flags & STORE_OPEN_READONLY) {
		rc = readonly_target(st, uri, sizeof uri, &target, err);
		if (rc)
			return rc;
	} else if (strncmp(st->path, "file:", 5) == 0) {
		if (store_uri(uri, sizeof uri, st->path, "mode=rw") != 0)
			return store_fail(err, STORE_EUSAGE, "%s: path too long", st->path);
		target = uri;
	}
	rc = sqlite3_open_v2(target, &st->db, oflags | SQLITE_OPEN_URI, NULL);
	if (rc != SQLITE_OK) {
		if (!st->db)
			return store_fail(err, STORE_EOS, "%s: out of memory", st->path);
		return store_fail_sql(st, err, rc, "open it");
	}
	sqlite3_extended_result_codes(st->db, 1);
	guard_connection(st->db);
	st->busy_ms = busy_timeout_ms();
	sqlite3_busy_timeout(st->db, st->busy_ms);
	return store_exec(st, "PRAGMA foreign_keys = ON", "turn on foreign keys", err);
}

/* Tests build older schemas through this; store_open is the latest. */
store *store_open_at_version(const char *path, unsigned flags, int version,
			     store_error *err)
{
	store *st;
	int rc;

	store_ok(err);
	rc = check_file(path, flags, err);
	if (rc)
		return NULL;
	st = calloc(1, sizeof *st);
	if (st)
		st->path = strdup(path);
	if (!st || !st->path) {
		free(st);
		store_fail(err, STORE_EOS, "%s: out of memory", path);
		return NULL;
	}
	if ((flags & STORE_OPEN_READER) && !writable_here(path))
		flags |= STORE_OPEN_READONLY;
	st->flags = flags;
	st->actor = STORE_FACILITATOR;
	rc = open_connection(st, err);
	if (!rc)
		rc = store_schema_prepare(st, version, err);
	if (rc) {
		store_close(st);
		return NULL;
	}
	return st;
}

/* The one way the program opens the file. */
store *store_open(const char *path, unsigned flags, store_error *err)
{
	return store_open_at_version(path, flags, store_schema_latest(), err);
}

/* Safe on NULL; an open transaction (never expected) is rolled back. */
void store_close(store *st)
{
	size_t i;

	if (!st)
		return;
	for (i = 0; i < st->n_cache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	free(st->cache);
	if (st->db) {
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(st->db);
	}
	free(st->path);
	free(st);
}

/* For messages that name the file. */
const char *store_path(const store *st)
{
	return st->path;
}

void store_set_actor(store *st, int participant)
{
	st->actor = participant < 0 ? STORE_FACILITATOR : participant;
}

/* Cheap: no disk read unless another connection committed. */
long long store_data_version(store *st)
{
	static const char sql[] = "PRAGMA data_version";
	sqlite3_stmt *stmt = store_sql(st, sql, NULL);
	long long v = -1;

	if (stmt && sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	store_done(stmt);
	return v;
}

/* ------------------------------------------------------------ hooks */

/* Tests inspect the file directly through this. */
sqlite3 *store_db(store *st)
{
	return st->db;
}

/* A full disk on demand (tests). */
int store_set_max_pages(store *st, long long pages, store_error *err)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", pages);
	return store_exec(st, sql, "limit the file size", err);
}

/* A short lock wait on demand (tests). */
void store_set_busy_timeout(store *st, int ms)
{
	st->busy_ms = ms;
	sqlite3_busy_timeout(st->db, ms);
}

/* Batches exist only for the benchmark generator. */
int store_batch_begin(store *st, store_error *err)
{
	int rc = store_exec(st, "BEGIN IMMEDIATE", "start a batch", err);

	if (!rc)
		st->in_batch = 1;
	return rc;
}

/* Ends a batch. */
int store_batch_commit(store *st, store_error *err)
{
	st->in_batch = 0;
	return store_exec(st, "COMMIT", "save the batch", err);
}

/* Generator only: the store itself always syncs. */
int store_set_synchronous_off(store *st, store_error *err)
{
	return store_exec(st, "PRAGMA synchronous = OFF", "turn off syncing", err);
}

/* For paths where a helper already filled err. */
int store_last(const store_error *err)
{
	return err && err->status ? err->status : STORE_EIO;
}
