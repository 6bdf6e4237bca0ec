/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_untrusted.c - database files nextsteps did not write: tampered
 * schemas, views and triggers of their own, a recursive view, a huge
 * value, a future schema, things that are not files at all, and a file
 * in a folder the user cannot write.  Each is refused with one line and
 * STORE_EDATA (or read, for the read-only folder), promptly. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "store.h"
#include "store_internal.h"
#include "testutil.h"

static char dir[64];
static char path[128];
static content_matrix *matrix;
static store *st;
static store_error err;
static char sid[40];

static void setup(void)
{
	testutil_dir_make(dir, sizeof dir, "ns-untrusted");
	snprintf(path, sizeof path, "%s/ns.db", dir);
	matrix = testutil_builtin();
	setenv("NEXTSTEPS_NOW", "1767225600", 1);
	unsetenv("NEXTSTEPS_BUSY_TIMEOUT");
	st = NULL;
}

static void teardown(void)
{
	store_close(st);
	content_free(matrix);
	testutil_dir_remove(dir);
}

TestSuite(untrusted, .init = setup, .fini = teardown, .timeout = 30);

static double seconds_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* A real database at `p` with one session, a stage and a note. */
static void make_real(const char *p)
{
	static const char *const people[] = { "Ash", "Birch" };
	store_new_session spec = { "Camden", "Camden GP Fed", "Fay", CONTENT_TRACK_LGPO,
				   people, 2, 0, 0, 0 };
	const char *r = matrix->sections[0].rows[0].id;
	store *s = store_open(p, STORE_OPEN_CREATE, &err);

	cr_assert_not_null(s, "%s", err.message);
	cr_assert_eq(store_session_create(s, &spec, matrix, sid, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_agreed(s, sid, r, STORE_ROW_AGREED, 1, &err), 0);
	cr_assert_eq(store_set_note(s, sid, r, "kept", &err), 0);
	store_close(s);
}

/* Changes the file behind the store's back, as an attacker would. */
static void tamper(const char *p, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	cr_assert_eq(sqlite3_open(p, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s",
		     sql, msg ? msg : "");
	sqlite3_close(db);
}

/* Opening `p` fails with STORE_EDATA, one line containing `words`, in
 * far less than the 10 s that would mean a hang. */
static void refused(const char *p, unsigned flags, const char *words)
{
	double t0 = seconds_now();
	store *s = store_open(p, flags, &err);

	cr_assert_null(s, "a crafted file opened");
	cr_assert_eq(err.status, STORE_EDATA, "%d %s", err.status, err.message);
	cr_assert_not_null(strstr(err.message, words), "%s", err.message);
	cr_assert_null(strchr(err.message, '\n'), "%s", err.message);
	cr_assert_lt(seconds_now() - t0, 10.0);
}

static const struct crafted {
	const char *what;
	const char *sql;
	const char *words;
} crafted[] = {
	{ "an extra view", "CREATE VIEW spy AS SELECT * FROM sessions",
	  "view 'spy' that nextsteps did not make" },
	{ "a trigger of its own",
	  "CREATE TRIGGER evil AFTER UPDATE ON sessions BEGIN"
	  " DELETE FROM answers; END",
	  "trigger 'evil' that nextsteps did not make" },
	{ "a table replaced by a recursive view",
	  "DROP TABLE answers; CREATE VIEW answers"
	  " (session, row_id, state, stage, note, revealed, updated) AS"
	  " WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)"
	  " SELECT (SELECT id FROM sessions), 'r' || x, 1, 0, '', 0, 0 FROM r",
	  "damaged or not a nextsteps database" },
	{ "a column dropped", "DROP VIEW answers_v; ALTER TABLE answers DROP COLUMN note",
	  "table 'answers' is not as nextsteps made it" },
	{ "a column of another type",
	  "DROP TABLE section_time; CREATE TABLE section_time ("
	  " session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	  " section_id TEXT NOT NULL, seconds BLOB NOT NULL DEFAULT 0,"
	  " PRIMARY KEY (session, section_id)) WITHOUT ROWID",
	  "table 'section_time' is not as nextsteps made it" },
	{ "an index missing", "DROP INDEX actions_session", "no index 'actions_session'" },
	{ "an extra table", "CREATE TABLE extra (x)", "table 'extra'" },
	{ "an extra index", "CREATE INDEX extra_idx ON answers(note)", "index 'extra_idx'" },
};

Test(untrusted, every_crafted_schema_is_refused_on_open)
{
	char p[160];
	size_t i;

	for (i = 0; i < sizeof crafted / sizeof crafted[0]; i++) {
		snprintf(p, sizeof p, "%s/crafted%zu.db", dir, i);
		make_real(p);
		tamper(p, crafted[i].sql);
		cr_log_info("%s", crafted[i].what);
		refused(p, 0, crafted[i].words);
		refused(p, STORE_OPEN_READER, crafted[i].words);
		refused(p, STORE_OPEN_READONLY, crafted[i].words);
	}
}

/* The recursive view would spin for ever under INSERT ... SELECT: merge
 * refuses it before it runs, and the destination stays writable. */
Test(untrusted, merge_refuses_crafted_inputs_promptly)
{
	char p[160], dst_path[160];
	store_merge_result res;
	size_t i;
	double t0;

	snprintf(dst_path, sizeof dst_path, "%s/dst.db", dir);
	st = store_open(dst_path, STORE_OPEN_CREATE, &err);
	cr_assert_not_null(st, "%s", err.message);
	for (i = 0; i < sizeof crafted / sizeof crafted[0]; i++) {
		snprintf(p, sizeof p, "%s/crafted%zu.db", dir, i);
		make_real(p);
		tamper(p, crafted[i].sql);
		t0 = seconds_now();
		cr_assert_eq(store_merge(st, p, &res, &err), STORE_EDATA, "%s: %d %s",
			     crafted[i].what, err.status, err.message);
		cr_assert_lt(seconds_now() - t0, 10.0);
		cr_assert_not_null(strstr(err.message, p), "%s", err.message);
		cr_assert_null(strchr(err.message, '\n'));
		cr_assert_eq(res.added, 0);
	}
	snprintf(p, sizeof p, "%s/good.db", dir);
	make_real(p);
	cr_assert_eq(store_merge(st, p, &res, &err), 0, "%s", err.message);
	cr_assert_eq(res.added, 1);
}

Test(untrusted, a_future_schema_is_refused)
{
	char sql[64];

	make_real(path);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", store_schema_latest() + 1);
	tamper(path, sql);
	refused(path, 0, "newer nextsteps");
	refused(path, STORE_OPEN_READER, "newer nextsteps");
}

/* A value larger than nextsteps ever writes fails to read as damage,
 * instead of filling memory or the screen. */
Test(untrusted, a_huge_value_is_damage)
{
	char sql[160];
	store_answers a;

	make_real(path);
	snprintf(sql, sizeof sql, "UPDATE answers SET note = zeroblob(%d)",
		 STORE_MAX_VALUE + 1);
	tamper(path, sql);
	st = store_open(path, 0, &err);
	cr_assert_not_null(st, "%s", err.message);
	cr_assert_eq(store_answers_load(st, sid, &a, &err), STORE_EDATA, "%d %s",
		     err.status, err.message);
	cr_assert_not_null(strstr(err.message, "damaged or not a nextsteps database"),
			   "%s", err.message);
}

/* A column taken away while the program runs: the next change says the
 * file is damaged (65), not that writing failed (74). */
Test(untrusted, a_schema_changed_while_open_is_damage)
{
	const char *r = matrix->sections[0].rows[1].id;

	make_real(path);
	st = store_open(path, 0, &err);
	cr_assert_not_null(st, "%s", err.message);
	tamper(path, "DROP VIEW answers_v; ALTER TABLE answers DROP COLUMN note");
	cr_assert_eq(store_set_note(st, sid, r, "lost", &err), STORE_EDATA, "%d %s",
		     err.status, err.message);
	cr_assert_not_null(strstr(err.message, "damaged or not a nextsteps database"),
			   "%s", err.message);
}

/* A named pipe would block the open for ever; a socket or a device is no
 * database either.  Each is refused before SQLite sees it. */
Test(untrusted, only_regular_files_are_opened)
{
	struct sockaddr_un sa;
	char p[160];
	store_merge_result res;
	store *dst;
	int fd;

	snprintf(p, sizeof p, "%s/pipe.db", dir);
	cr_assert_eq(mkfifo(p, 0600), 0);
	refused(p, 0, "named pipe");
	refused(p, STORE_OPEN_CREATE, "named pipe");
	snprintf(path, sizeof path, "%s/dst.db", dir);
	dst = store_open(path, STORE_OPEN_CREATE, &err);
	cr_assert_not_null(dst, "%s", err.message);
	cr_assert_eq(store_merge(dst, p, &res, &err), STORE_EDATA, "%s", err.message);
	cr_assert_not_null(strstr(err.message, "named pipe"), "%s", err.message);
	store_close(dst);
	refused("/dev/null", 0, "a device");
	snprintf(p, sizeof p, "%s/sock.db", dir);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	cr_assert(fd >= 0);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	cr_assert_lt(strlen(p), sizeof sa.sun_path);
	memcpy(sa.sun_path, p, strlen(p) + 1);
	cr_assert_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	refused(p, 0, "a socket");
	close(fd);
}

/* SQLite heads a damage report "*** in database main ***": the message
 * says what is wrong instead. */
Test(untrusted, damage_is_named_in_words)
{
	char junk[4096], note[40];
	struct stat sb;
	off_t off;
	size_t i;
	int fd;

	make_real(path);
	st = store_open(path, 0, &err);
	cr_assert_not_null(st, "%s", err.message);
	for (i = 0; i < 40; i++) {
		snprintf(note, sizeof note, "note %zu", i);
		cr_assert_eq(store_set_note(st, sid, matrix->sections[i % 3].rows[i / 3 % 2].id,
					    note, &err), 0, "%s", err.message);
	}
	cr_assert_eq(sqlite3_exec(store_db(st), "PRAGMA wal_checkpoint(TRUNCATE)", NULL,
				  NULL, NULL), SQLITE_OK);
	store_close(st);
	st = NULL;
	cr_assert_eq(stat(path, &sb), 0);
	for (i = 0; i < sizeof junk; i++)
		junk[i] = (char)(0x5A ^ (i * 17));
	fd = open(path, O_WRONLY);
	cr_assert(fd >= 0);
	for (off = 3 * 4096; off + 4096 < sb.st_size; off += 2 * 4096)
		cr_assert_eq(pwrite(fd, junk, sizeof junk, off), (ssize_t)sizeof junk);
	close(fd);
	st = store_open(path, 0, &err);
	if (st)
		cr_assert_eq(store_check(st, &err), STORE_EDATA, "%d %s", err.status,
			     err.message);
	cr_assert_eq(err.status, STORE_EDATA, "%d %s", err.status, err.message);
	cr_assert_not_null(strstr(err.message, "damaged ("), "%s", err.message);
	cr_assert_null(strstr(err.message, "***"), "%s", err.message);
	cr_assert_null(strchr(err.message, '\n'));
}

/* Root ignores permissions: as root the test hands the folder to
 * `nobody` and becomes nobody (each test runs in its own process). */
static void become_nobody(void)
{
	if (geteuid() != 0)
		return;
	cr_assert_eq(chown(dir, 65534, 65534), 0);
	cr_assert_eq(chown(path, 65534, 65534), 0);
	cr_assert_eq(setgid(65534), 0);
	cr_assert_eq(setuid(65534), 0);
}

/* list and report open as readers: in a folder the user cannot write,
 * where SQLite cannot make the WAL's -shm index, the file is read as it
 * stands. */
Test(untrusted, a_reader_reads_in_a_read_only_folder)
{
	store_session *list;
	store_answers a;
	size_t n;

	make_real(path);
	become_nobody();
	cr_assert_eq(chmod(path, 0400), 0);
	cr_assert_eq(chmod(dir, 0500), 0);
	st = store_open(path, STORE_OPEN_READER, &err);
	cr_assert_not_null(st, "%d %s", err.status, err.message);
	cr_assert_eq(store_session_list(st, &list, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(list[0].name, "Camden");
	store_session_list_free(list, n);
	cr_assert_eq(store_answers_load(st, sid, &a, &err), 0, "%s", err.message);
	cr_assert_str_eq(store_answers_row(&a, matrix->sections[0].rows[0].id)->note,
			 "kept");
	store_answers_free(&a);
	cr_assert_eq(store_set_note(st, sid, matrix->sections[0].rows[0].id, "x", &err),
		     STORE_EIO);
	store_close(st);
	st = NULL;
	chmod(dir, 0700);
	chmod(path, 0600);
}

/* With a log waiting and no index beside it, the file cannot be read
 * correctly there: one line says why. */
Test(untrusted, a_reader_says_why_it_cannot_read)
{
	char wal[160];
	int fd;

	make_real(path);
	snprintf(wal, sizeof wal, "%s-wal", path);
	fd = open(wal, O_WRONLY | O_CREAT, 0600);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, "x", 1), 1);
	close(fd);
	become_nobody();
	cr_assert_eq(chmod(dir, 0500), 0);
	st = store_open(path, STORE_OPEN_READER, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_EIO, "%d %s", err.status, err.message);
	cr_assert_not_null(strstr(err.message, "-shm"), "%s", err.message);
	cr_assert_null(strchr(err.message, '\n'));
	chmod(dir, 0700);
}

/* Counters read from a tampered file are kept in range. */
Test(untrusted, tampered_counters_stay_in_range)
{
	store_session *list;
	size_t n;

	make_real(path);
	tamper(path, "UPDATE sessions SET rows_answered = -727379969, rows_total = -5");
	st = store_open(path, STORE_OPEN_READER, &err);
	cr_assert_not_null(st, "%s", err.message);
	cr_assert_eq(store_session_list(st, &list, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 1);
	cr_assert_eq(list[0].rows_total, 0);
	cr_assert_eq(list[0].rows_answered, 0);
	store_session_list_free(list, n);
	store_close(st);
	tamper(path, "UPDATE sessions SET rows_answered = 99999999999, rows_total = 7");
	st = store_open(path, STORE_OPEN_READER, &err);
	cr_assert_not_null(st, "%s", err.message);
	cr_assert_eq(store_session_list(st, &list, &n, &err), 0, "%s", err.message);
	cr_assert_eq(list[0].rows_total, 7);
	cr_assert_eq(list[0].rows_answered, 7);
	store_session_list_free(list, n);
}
