/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_store.c - the workshop store: every operation, every migration path
 * and every bad-file case (missing, damaged, read-only, locked, newer, full), each in a temporary folder. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "content.h"
#include "store.h"
#include "store_internal.h"
#include "testutil.h"

static testutil_scratch fx;
static store *st;
static store_error err;

static void setup(void)
{
	testutil_scratch_begin(&fx, "ns-store");
	st = NULL;
}

static void teardown(void)
{
	store_close(st);
	testutil_scratch_end(&fx);
}

TestSuite(store, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

static void new_session(store *s, const char *name, const char *org, char id[40])
{
	testutil_new_session(s, fx.matrix, name, org, 3, 0, id);
}

/* The store, with one session of that name in it. */
static void open_with(const char *name, char id[40])
{
	st = testutil_open(fx.path);
	new_session(st, name, "", id);
}

static void write_file(const char *p, const void *data, size_t n)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
}

static const char *row(size_t i)
{
	return testutil_row(fx.matrix, i);
}

static void load(store *s, const char *id, store_answers *a)
{
	cr_assert_eq(store_answers_load(s, id, a, &err), 0, "%s", err.message);
}

static double seconds_now(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return tv.tv_sec + tv.tv_usec / 1e6;
}

/* ------------------------------------------------------------ opening */

Test(store, create_makes_private_file_and_folders)
{
	struct stat sb;
	char deep[300], folder[200];

	snprintf(folder, sizeof folder, "%s/a/b", fx.dir);
	snprintf(deep, sizeof deep, "%s/ns.db", folder);
	st = store_open(deep, STORE_OPEN_CREATE, &err);
	cr_assert_not_null(st, "%s", err.message);
	cr_assert_eq(stat(deep, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600, "mode %o", sb.st_mode & 0777);
	cr_assert_eq(stat(folder, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0700, "folder mode %o", sb.st_mode & 0777);
	cr_assert_str_eq(store_path(st), deep);
	cr_assert_eq(testutil_query_int(st, "PRAGMA synchronous"), 2);
	cr_assert_eq(testutil_query_int(st, "PRAGMA foreign_keys"), 1);
	cr_assert_eq(testutil_query_int(st, "PRAGMA application_id"), STORE_APPLICATION_ID);
	cr_assert_eq(testutil_query_int(st, "PRAGMA user_version"), store_schema_latest());
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM pragma_journal_mode"
			       " WHERE journal_mode = 'wal'"), 1);
}

Test(store, missing_file_without_create_is_enoinput)
{
	st = store_open(fx.path, 0, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_ENOINPUT);
	cr_assert(strstr(err.message, fx.path), "%s", err.message);
	cr_assert_eq(access(fx.path, F_OK), -1, "the file must not be created");
}

Test(store, cannot_create_folder_is_ecantcreat)
{
	char p[300], f[200];

	snprintf(f, sizeof f, "%s/file", fx.dir);
	write_file(f, "x", 1);
	snprintf(p, sizeof p, "%s/sub/ns.db", f);
	st = store_open(p, STORE_OPEN_CREATE, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_ECANTCREAT, "%d %s", err.status, err.message);
}

Test(store, folder_given_as_file_is_edata)
{
	st = store_open(fx.dir, STORE_OPEN_CREATE, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_EDATA);
}

Test(store, default_path_follows_environment)
{
	char out[256];

	setenv("NEXTSTEPS_DB", "/x/y.db", 1);
	cr_assert_eq(store_default_path(out, sizeof out, &err), 0);
	cr_assert_str_eq(out, "/x/y.db");
	unsetenv("NEXTSTEPS_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	cr_assert_eq(store_default_path(out, sizeof out, &err), 0);
	cr_assert_str_eq(out, "/data/nextsteps/nextsteps.db");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/fay", 1);
	cr_assert_eq(store_default_path(out, sizeof out, &err), 0);
	cr_assert_str_eq(out, "/home/fay/.local/share/nextsteps/nextsteps.db");
	cr_assert_eq(store_default_path(out, 10, &err), STORE_EUSAGE);
	unsetenv("HOME");
	cr_assert_eq(store_default_path(out, sizeof out, &err), STORE_ECANTCREAT);
}

Test(store, empty_file_is_migrated)
{
	write_file(fx.path, "", 0);
	st = store_open(fx.path, 0, &err);
	cr_assert_not_null(st, "%s", err.message);
	cr_assert_eq(testutil_query_int(st, "PRAGMA user_version"), store_schema_latest());
}

Test(store, random_bytes_are_not_a_database)
{
	char junk[8192];
	size_t i;

	for (i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7919 % 251);
	write_file(fx.path, junk, sizeof junk);
	st = store_open(fx.path, 0, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_EDATA);
	cr_assert_not_null(strstr(err.message, "not a nextsteps database"), "%s",
			   err.message);
	cr_assert_null(strchr(err.message, '\n'));
}

Test(store, foreign_sqlite_file_is_refused)
{
	sqlite3 *db;

	cr_assert_eq(sqlite3_open(fx.path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "CREATE TABLE feeds (url TEXT)", NULL, NULL, NULL),
		     SQLITE_OK);
	sqlite3_close(db);
	st = store_open(fx.path, 0, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_EDATA);
	cr_assert_not_null(strstr(err.message, "not a nextsteps database"), "%s",
			   err.message);
}

Test(store, newer_schema_is_refused)
{
	sqlite3 *db;
	char sql[64];

	st = testutil_open(fx.path);
	store_close(st);
	st = NULL;
	cr_assert_eq(sqlite3_open(fx.path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", store_schema_latest() + 1);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = store_open(fx.path, 0, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_EDATA);
	cr_assert_not_null(strstr(err.message, "newer nextsteps"), "%s", err.message);
}

Test(store, corrupt_pages_are_found_by_the_check)
{
	char id[40], junk[4096], note[40];
	struct stat sb;
	off_t off;
	size_t i;
	int fd;

	st = testutil_open(fx.path);
	new_session(st, "Camden", "Camden GP Fed", id);
	for (i = 0; i < 40; i++) {
		snprintf(note, sizeof note, "note %zu", i);
		cr_assert_eq(store_set_note(st, id, row(i), note, &err), 0);
		cr_assert_eq(store_set_agreed(st, id, row(i), STORE_ROW_AGREED, 1, &err), 0);
	}
	store_close(st);
	st = NULL;
	cr_assert_eq(stat(fx.path, &sb), 0);
	cr_assert_gt(sb.st_size, 8 * 4096, "size %lld", (long long)sb.st_size);
	for (i = 0; i < sizeof junk; i++)
		junk[i] = (char)(0xA5 ^ (i * 31));
	fd = open(fx.path, O_WRONLY);
	cr_assert(fd >= 0);
	for (off = 2 * 4096; off + 4096 < sb.st_size - 4096; off += 4096)
		cr_assert_eq(pwrite(fd, junk, sizeof junk, off), (ssize_t)sizeof junk);
	close(fd);
	/* opening checks identity and schema only; the pages need store_check */
	st = store_open(fx.path, 0, &err);
	if (st)
		cr_assert_eq(store_check(st, &err), STORE_EDATA, "%d %s", err.status,
			     err.message);
	cr_assert_eq(err.status, STORE_EDATA, "%d %s", err.status, err.message);
	cr_assert_not_null(strstr(err.message, "corrupt"), "%s", err.message);
	cr_assert_null(strchr(err.message, '\n'));
}

Test(store, check_passes_a_sound_file)
{
	char id[40];

	st = testutil_open(fx.path);
	new_session(st, "Camden", "Camden GP Fed", id);
	cr_assert_eq(store_check(st, &err), 0, "%s", err.message);
	cr_assert_eq(err.status, STORE_OK);
}

Test(store, readonly_open_refuses_writes)
{
	store_session s;
	char id[40];

	open_with("Camden", id);
	store_close(st);
	st = store_open(fx.path, STORE_OPEN_READONLY, &err);
	cr_assert_not_null(st, "%s", err.message);
	cr_assert_eq(store_session_find(st, "Camden", &s, &err), 0, "%s", err.message);
	store_session_clear(&s);
	cr_assert_eq(store_set_note(st, id, row(0), "x", &err), STORE_EIO);
	cr_assert_not_null(strstr(err.message, "read-only"), "%s", err.message);
}

/* Root ignores permissions, so as root the test hands the folder to
 * `nobody` and becomes nobody first (each test runs in its own process). */
static void become_nobody(void)
{
	if (geteuid() != 0)
		return;
	cr_assert_eq(chown(fx.dir, 65534, 65534), 0);
	cr_assert_eq(chown(fx.path, 65534, 65534), 0);
	cr_assert_eq(setgid(65534), 0);
	cr_assert_eq(setuid(65534), 0);
}

static void store_one_note(char id[40])
{
	open_with("Camden", id);
	cr_assert_eq(store_set_note(st, id, row(0), "kept", &err), 0);
	store_close(st);
	st = NULL;
}

/* A file the user may not write: reading works, a change fails with one
 * line and leaves the file as it was. */
Test(store, readonly_file_refuses_writes)
{
	store_answers a;
	char id[40];

	store_one_note(id);
	become_nobody();
	cr_assert_eq(chmod(fx.path, 0400), 0);
	cr_assert_eq(access(fx.path, W_OK), -1, "the file is still writable");
	st = store_open(fx.path, 0, &err);
	cr_assert_not_null(st, "%s", err.message);
	cr_assert_eq(store_set_note(st, id, row(0), "lost", &err), STORE_EIO);
	cr_assert_not_null(strstr(err.message, "read-only"), "%s", err.message);
	cr_assert_null(strchr(err.message, '\n'));
	load(st, id, &a);
	cr_assert_str_eq(store_answers_row(&a, row(0))->note, "kept");
	store_answers_free(&a);
}

/* With its folder read-only too, SQLite cannot even read a WAL database
 * (it needs the -shm file): the open says so in one line. */
Test(store, readonly_folder_is_reported_on_open)
{
	char id[40];

	store_one_note(id);
	become_nobody();
	cr_assert_eq(chmod(fx.path, 0400), 0);
	cr_assert_eq(chmod(fx.dir, 0500), 0);
	st = store_open(fx.path, 0, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_EIO, "%d %s", err.status, err.message);
	cr_assert_not_null(strstr(err.message, "read-only"), "%s", err.message);
	chmod(fx.dir, 0700);
	chmod(fx.path, 0600);
}

Test(store, lock_held_past_timeout_is_ebusy)
{
	store_session *list;
	sqlite3 *other;
	char id[40];
	double t0;
	size_t n;

	open_with("Camden", id);
	store_set_busy_timeout(st, 150);
	cr_assert_eq(sqlite3_open(fx.path, &other), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	t0 = seconds_now();
	cr_assert_eq(store_set_note(st, id, row(0), "waits", &err), STORE_EBUSY,
		     "%d %s", err.status, err.message);
	cr_assert_lt(seconds_now() - t0, 1.0);
	cr_assert_geq(seconds_now() - t0, 0.1);
	cr_assert_not_null(strstr(err.message, "locked"), "%s", err.message);
	/* reads still work while another process writes (WAL) */
	cr_assert_eq(store_session_list(st, &list, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 1);
	store_session_list_free(list, n);
	sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(other);
	cr_assert_eq(store_set_note(st, id, row(0), "now", &err), 0, "%s", err.message);
}

Test(store, busy_timeout_from_environment)
{
	setenv("NEXTSTEPS_BUSY_TIMEOUT", "120", 1);
	st = testutil_open(fx.path);
	cr_assert_eq(st->busy_ms, 120);
}

Test(store, full_disk_keeps_what_was_stored)
{
	store_answers a;
	char id[40], big[20000];
	long long pages;
	int i, rc = 0;

	open_with("Camden", id);
	cr_assert_eq(store_set_note(st, id, row(0), "before", &err), 0);
	pages = testutil_query_int(st, "PRAGMA page_count");
	cr_assert_eq(store_set_max_pages(st, pages, &err), 0, "%s", err.message);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	cr_assert_eq(store_set_note(st, id, row(1), big, &err), STORE_EIO);
	cr_assert_not_null(strstr(err.message, "disk full"), "%s", err.message);
	/* Actions are limited to 2,000 characters: add them until the disk
	 * is full, which must fail cleanly like the note did. */
	big[STORE_MAX_ACTION] = '\0';
	for (i = 0; i < 200 && (rc = store_action_add(st, id, row(2), big, "", "",
							NULL, &err)) == 0; i++)
		;
	cr_assert_eq(rc, STORE_EIO, "%s", err.message);
	load(st, id, &a);
	cr_assert_eq(a.n_rows, 1);
	cr_assert_str_eq(store_answers_row(&a, row(0))->note, "before");
	store_answers_free(&a);
	store_close(st);
	st = store_open(fx.path, 0, &err);
	cr_assert_not_null(st, "%s", err.message);
	load(st, id, &a);
	cr_assert_str_eq(store_answers_row(&a, row(0))->note, "before");
	cr_assert_null(store_answers_row(&a, row(1)));
	store_answers_free(&a);
	cr_assert_eq(store_set_note(st, id, row(1), big, &err), 0, "%s", err.message);
}

/* ------------------------------------------------------------ migrations */

/* Sessions as an older nextsteps wrote them, in raw SQL of that schema. */
static void craft_v1(sqlite3 *db)
{
	static const char sql[] =
		"INSERT INTO matrices (id, hash, text) VALUES (1, 'h', 'snapshot');"
		"INSERT INTO sessions (id, name, organisation, facilitator, track,"
		" matrix_id, matrix_version, matrix, stage_labels, rows_total,"
		" created, updated) VALUES"
		" ('a', 'Old A', 'Org', '', 1, 'nextsteps', '1', 1,"
		"  'Start\nBuild\nEnhance', 36, 100, 300),"
		" ('b', 'Old B', 'Org', '', 1, 'nextsteps', '1', 1,"
		"  'Start\nBuild\nEnhance', 36, 200, 200);"
		"INSERT INTO participants (session, position, name)"
		" VALUES ('a', 0, 'P0'), ('a', 1, 'P1');"
		"INSERT INTO answers (session, row_id, state, stage, note, updated) VALUES"
		" ('a', 'r1', 1, 2, 'n1', 300), ('a', 'r2', 2, -1, '', 300),"
		" ('a', 'r3', 3, -1, 'n3', 300), ('b', 'r1', 1, 0, '', 200);"
		"INSERT INTO votes (session, row_id, participant, vote)"
		" VALUES ('a', 'r1', 0, 2), ('a', 'r1', 1, -2);"
		"INSERT INTO actions (session, row_id, text, created)"
		" VALUES ('a', 'r1', 'Call the LMC', 300);"
		"INSERT INTO section_time (session, section_id, seconds)"
		" VALUES ('a', 's1', 90);";

	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s",
		     sqlite3_errmsg(db));
}

static void craft_v2(sqlite3 *db)
{
	craft_v1(db);
	cr_assert_eq(sqlite3_exec(db,
		"INSERT INTO history (session, at, kind, summary) VALUES"
		" ('a', 100, 'create', 'Created the session'),"
		" ('b', 200, 'create', 'Created the session');"
		"INSERT INTO history (session, at, kind, row_id, summary, old, new)"
		" VALUES ('a', 300, 'note', 'r1', 'Added the note on r1', '', 'n1')",
		NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
}

/* Version 3 added `touched`, which that nextsteps kept in order itself. */
static void craft_v3(sqlite3 *db)
{
	craft_v2(db);
	cr_assert_eq(sqlite3_exec(db, "UPDATE sessions SET touched = updated",
				  NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
}

static void check_migrated(int from)
{
	store_session *list, s;
	store_answers a;
	store_change *h;
	size_t n;
	int undone;
	char what[200];

	st = store_open(fx.path, 0, &err);
	cr_assert_not_null(st, "from v%d: %s", from, err.message);
	cr_assert_eq(testutil_query_int(st, "PRAGMA user_version"), store_schema_latest());
	cr_assert_eq(store_session_list(st, &list, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(list[0].name, "Old A", "most recently updated first");
	cr_assert_eq(list[0].rows_answered, 2, "agreed and not applicable count");
	cr_assert_eq(list[1].rows_answered, 1);
	store_session_list_free(list, n);
	cr_assert_eq(store_session_find(st, "Old A", &s, &err), 0);
	cr_assert_eq(s.n_participants, 2);
	load(st, s.id, &a);
	cr_assert_eq(a.n_rows, 3);
	cr_assert_eq(store_answers_row(&a, "r1")->votes[1], STORE_VOTE_DONT_KNOW);
	cr_assert_eq(a.n_actions, 1);
	cr_assert_eq(a.n_times, 1);
	store_answers_free(&a);
	cr_assert_eq(store_history(st, s.id, 0, &h, &n, &err), 0);
	cr_assert_geq(n, 1);
	cr_assert_str_eq(h[0].kind, "create");
	store_history_free(h, n);
	/* the migrated file takes new changes, and the counters follow them */
	cr_assert_eq(store_set_agreed(st, s.id, "r3", STORE_ROW_AGREED, 0, &err), 0,
		     "%s", err.message);
	store_session_clear(&s);
	cr_assert_eq(store_session_find(st, "Old A", &s, &err), 0);
	cr_assert_eq(s.rows_answered, 3);
	cr_assert_eq(store_undo(st, s.id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(undone, 1);
	cr_assert_str_eq(what, "Agreed Start on r3");
	store_session_clear(&s);
}

Test(store, migrates_from_every_older_version)
{
	int v;

	cr_assert_geq(store_schema_latest(), 3);
	for (v = 1; v < store_schema_latest(); v++) {
		store *old;

		unlink(fx.path);
		old = store_open_at_version(fx.path, STORE_OPEN_CREATE, v, &err);
		cr_assert_not_null(old, "v%d: %s", v, err.message);
		cr_assert_eq(testutil_query_int(old, "PRAGMA user_version"), v);
		if (v == 1)
			craft_v1(store_db(old));
		else if (v == 2)
			craft_v2(store_db(old));
		else
			craft_v3(store_db(old));
		store_close(old);
		check_migrated(v);
		store_close(st);
		st = NULL;
	}
}

Test(store, readonly_open_of_an_old_schema_is_refused)
{
	store *old = store_open_at_version(fx.path, STORE_OPEN_CREATE, 1, &err);

	cr_assert_not_null(old, "%s", err.message);
	store_close(old);
	st = store_open(fx.path, STORE_OPEN_READONLY, &err);
	cr_assert_null(st);
	cr_assert_eq(err.status, STORE_EIO);
	cr_assert_not_null(strstr(err.message, "upgrad"), "%s", err.message);
	st = store_open(fx.path, 0, &err);
	cr_assert_not_null(st, "%s", err.message);
}

/* ------------------------------------------------------------ sessions */

Test(store, create_and_find_session)
{
	store_session s, by_id;
	char id[40], *text;
	size_t i;

	st = testutil_open(fx.path);
	new_session(st, "Camden spring", "Camden GP Fed", id);
	cr_assert_eq(strlen(id), 36);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			cr_assert_eq(id[i], '-');
		else
			cr_assert(strchr("0123456789abcdef", id[i]), "id %s", id);
	}
	cr_assert_eq(store_session_find(st, "Camden spring", &s, &err), 0, "%s", err.message);
	cr_assert_str_eq(s.id, id);
	cr_assert_str_eq(s.organisation, "Camden GP Fed");
	cr_assert_str_eq(s.facilitator, "Fay");
	cr_assert_eq(s.track, CONTENT_TRACK_LGPO);
	cr_assert_str_eq(s.matrix_id, fx.matrix->id);
	cr_assert_str_eq(s.matrix_version, fx.matrix->version);
	cr_assert_eq(s.created, 1767225600);
	cr_assert_eq(s.updated, 1767225600);
	cr_assert_eq(s.rows_total, (int)content_count_rows(fx.matrix, CONTENT_TRACK_LGPO));
	cr_assert_eq(s.rows_answered, 0);
	cr_assert_null(s.current_section);
	cr_assert_eq(s.n_participants, 3);
	cr_assert_str_eq(s.participants[2], "Cedar MC");
	cr_assert_eq(store_session_find(st, id, &by_id, &err), 0);
	cr_assert_str_eq(by_id.name, "Camden spring");
	store_session_clear(&by_id);
	cr_assert_eq(store_session_matrix(st, id, &text, &err), 0);
	cr_assert_str_eq(text, fx.matrix->text);
	free(text);
	store_session_clear(&s);
	cr_assert_eq(store_session_find(st, "nobody", &s, &err), STORE_ENOINPUT);
	cr_assert_eq(store_session_matrix(st, "nope", &text, &err), STORE_ENOINPUT);
}

Test(store, session_ids_differ)
{
	char a[40], b[40];

	open_with("A", a);
	new_session(st, "B", "", b);
	cr_assert_str_neq(a, b);
}

Test(store, pcn_track_and_secret_ballot_at_creation)
{
	store_new_session spec = { "PCN", NULL, NULL, CONTENT_TRACK_PCN, NULL, 0, 1, 0, 0 };
	store_session s;
	char id[40];

	st = testutil_open(fx.path);
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, id, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0);
	cr_assert_eq(s.track, CONTENT_TRACK_PCN);
	cr_assert_eq(s.secret_ballot, 1);
	cr_assert_str_eq(s.organisation, "");
	cr_assert_eq(s.rows_total, (int)content_count_rows(fx.matrix, CONTENT_TRACK_PCN));
	cr_assert_eq(s.n_participants, 0);
	store_session_clear(&s);
}

Test(store, bad_session_specs)
{
	static const char *const twice[] = { "A", "B", "A" };
	store_new_session spec = { "", NULL, NULL, 0, NULL, 0, 0, 0, 0 };
	char id[40];

	st = testutil_open(fx.path);
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, id, &err), STORE_EUSAGE);
	spec.name = "  ";
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, id, &err), STORE_EUSAGE);
	spec.name = "ok";
	spec.track = 7;
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, id, &err), STORE_EUSAGE);
	spec.track = 0;
	spec.participants = twice;
	spec.n_participants = 3;
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, id, &err), STORE_EUSAGE);
	cr_assert_not_null(strstr(err.message, "twice"));
	spec.n_participants = 0;
	spec.name = "bad \xff utf8";
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, id, &err), STORE_EUSAGE);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM sessions"), 0);
}

Test(store, duplicate_name_is_refused)
{
	store_new_session spec = { "Camden", NULL, NULL, 0, NULL, 0, 0, 0, 0 };
	char id[40];

	open_with("Camden", id);
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, NULL, &err), STORE_EDATA);
	cr_assert_str_eq(err.message, "a session named 'Camden' already exists");
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM sessions"), 1);
}

Test(store, list_is_newest_change_first)
{
	store_session *list, latest;
	char a[40], b[40], c[40];
	size_t n;

	st = testutil_open(fx.path);
	cr_assert_eq(store_session_list(st, &list, &n, &err), 0);
	cr_assert_eq(n, 0);
	store_session_list_free(list, n);
	cr_assert_eq(store_session_latest(st, &latest, &err), STORE_ENOINPUT);
	new_session(st, "A", "", a);
	new_session(st, "B", "", b);
	new_session(st, "C", "", c);
	/* same clock second throughout: the order of changes still decides */
	cr_assert_eq(store_set_agreed(st, a, row(0), STORE_ROW_AGREED, 0, &err), 0);
	cr_assert_eq(store_session_list(st, &list, &n, &err), 0);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(list[0].name, "A");
	cr_assert_str_eq(list[1].name, "C");
	cr_assert_str_eq(list[2].name, "B");
	cr_assert_eq(list[0].rows_answered, 1);
	cr_assert_eq(list[0].n_participants, 0, "list does not fill participants");
	store_session_list_free(list, n);
	cr_assert_eq(store_session_latest(st, &latest, &err), 0);
	cr_assert_str_eq(latest.name, "A");
	store_session_clear(&latest);
}

Test(store, previous_session_of_the_organisation)
{
	store_session s, prev;
	char a[40], b[40], c[40], d[40];

	st = testutil_open(fx.path);
	setenv("NEXTSTEPS_NOW", "1000", 1);
	new_session(st, "Spring", "Camden", a);
	new_session(st, "Other org", "Barnet", b);
	setenv("NEXTSTEPS_NOW", "2000", 1);
	new_session(st, "Summer", "Camden", c);
	new_session(st, "Autumn", "Camden", d);   /* same second as Summer */
	cr_assert_eq(store_session_find(st, d, &s, &err), 0);
	cr_assert_eq(store_session_previous(st, &s, &prev, &err), 0, "%s", err.message);
	cr_assert_str_eq(prev.name, "Summer");
	store_session_clear(&s);
	store_session_clear(&prev);
	cr_assert_eq(store_session_find(st, c, &s, &err), 0);
	cr_assert_eq(store_session_previous(st, &s, &prev, &err), 0);
	cr_assert_str_eq(prev.name, "Spring");
	store_session_clear(&s);
	store_session_clear(&prev);
	cr_assert_eq(store_session_find(st, a, &s, &err), 0);
	cr_assert_eq(store_session_previous(st, &s, &prev, &err), STORE_ENOINPUT);
	store_session_clear(&s);
	cr_assert_eq(store_session_find(st, b, &s, &err), 0);
	cr_assert_eq(store_session_previous(st, &s, &prev, &err), STORE_ENOINPUT);
	store_session_clear(&s);
	/* the organisation written in another case is the same one, as it
	 * is for the actions a new session reviews */
	setenv("NEXTSTEPS_NOW", "3000", 1);
	new_session(st, "Winter", "CAMDEN", d);
	cr_assert_eq(store_session_find(st, d, &s, &err), 0);
	cr_assert_eq(store_session_previous(st, &s, &prev, &err), 0, "%s", err.message);
	cr_assert_str_eq(prev.name, "Autumn");
	store_session_clear(&s);
	store_session_clear(&prev);
}

Test(store, rename_session)
{
	store_session s;
	store_change *h;
	char a[40], b[40];
	size_t n;

	open_with("A", a);
	new_session(st, "B", "", b);
	cr_assert_eq(store_session_rename(st, a, "B", &err), STORE_EDATA);
	cr_assert_eq(store_session_rename(st, a, "", &err), STORE_EUSAGE);
	cr_assert_eq(store_session_rename(st, "nope", "Z", &err), STORE_ENOINPUT);
	cr_assert_eq(store_session_rename(st, a, "Alpha", &err), 0, "%s", err.message);
	cr_assert_eq(store_session_find(st, "Alpha", &s, &err), 0);
	cr_assert_str_eq(s.id, a);
	store_session_clear(&s);
	cr_assert_eq(store_session_find(st, "A", &s, &err), STORE_ENOINPUT);
	cr_assert_eq(store_history(st, a, 0, &h, &n, &err), 0);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(h[1].summary, "Renamed the session from 'A' to 'Alpha'");
	store_history_free(h, n);
}

Test(store, delete_removes_every_child_row)
{
	static const char *const tables[] = { "participants", "answers", "votes",
		"actions", "section_time", "history" };
	char a[40], b[40], sql[200];
	size_t i;

	open_with("A", a);
	new_session(st, "B", "", b);
	cr_assert_eq(store_set_vote(st, a, row(0), 1, 2, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_vote(st, b, row(0), 1, 2, &err), 0);
	cr_assert_eq(store_set_agreed(st, a, row(0), STORE_ROW_AGREED, 2, &err), 0);
	cr_assert_eq(store_action_add(st, a, row(0), "Do", "", "", NULL, &err), 0);
	cr_assert_eq(store_session_add_time(st, a, "s", 5, &err), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM matrices"), 1, "shared snapshot");
	cr_assert_eq(store_session_delete(st, a, &err), 0, "%s", err.message);
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE session = '%s'",
			 tables[i], a);
		cr_assert_eq(testutil_query_int(st, sql), 0, "%s", tables[i]);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE session = '%s'",
			 tables[i], b);
		if (strcmp(tables[i], "actions") && strcmp(tables[i], "section_time"))
			cr_assert_gt(testutil_query_int(st, sql), 0, "%s of B", tables[i]);
	}
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM matrices"), 1);
	cr_assert_eq(store_session_delete(st, a, &err), STORE_ENOINPUT);
	cr_assert_eq(store_session_delete(st, b, &err), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM matrices"), 0);
}

Test(store, secret_position_time_and_participants)
{
	store_session s;
	store_answers a;
	char id[40];
	int index = -1;
	long long v;

	open_with("A", id);
	cr_assert_eq(store_session_set_secret(st, id, 1, &err), 0);
	cr_assert_eq(store_session_set_position(st, id, "governance", row(3), &err), 0);
	cr_assert_eq(store_session_add_time(st, id, "governance", 30, &err), 0);
	cr_assert_eq(store_session_add_time(st, id, "governance", 12, &err), 0);
	cr_assert_eq(store_session_add_time(st, id, "workforce", 5, &err), 0);
	cr_assert_eq(store_session_add_time(st, id, "workforce", -5, &err), STORE_EUSAGE);
	cr_assert_eq(store_participant_add(st, id, "Birch Surgery", &index, &err), 0);
	cr_assert_eq(index, 1, "an existing name is not added twice");
	v = testutil_query_int(st, "SELECT count(*) FROM history");
	cr_assert_eq(store_participant_add(st, id, "Dove Practice", &index, &err), 0);
	cr_assert_eq(index, 3);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), v + 1);
	cr_assert_eq(store_participant_add(st, id, "", &index, &err), STORE_EUSAGE);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0);
	cr_assert_eq(s.secret_ballot, 1);
	cr_assert_str_eq(s.current_section, "governance");
	cr_assert_str_eq(s.current_row, row(3));
	cr_assert_eq(s.n_participants, 4);
	cr_assert_str_eq(s.participants[3], "Dove Practice");
	store_session_clear(&s);
	load(st, id, &a);
	cr_assert_eq(a.n_participants, 4);
	cr_assert_eq(a.n_times, 2);
	cr_assert_str_eq(a.times[0].section_id, "governance");
	cr_assert_eq(a.times[0].seconds, 42);
	store_answers_free(&a);
	cr_assert_eq(store_session_set_position(st, id, NULL, NULL, &err), 0);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0);
	cr_assert_null(s.current_section);
	store_session_clear(&s);
}

Test(store, changes_bump_updated)
{
	store_session s;
	char id[40];

	open_with("A", id);
	setenv("NEXTSTEPS_NOW", "1767229200", 1);
	cr_assert_eq(store_set_note(st, id, row(0), "n", &err), 0);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0);
	cr_assert_eq(s.updated, 1767229200);
	cr_assert_eq(s.created, 1767225600);
	store_session_clear(&s);
}

/* Like every other set-up change, one that changes nothing leaves the
 * session as it was: not updated, and no history entry to undo. */
Test(store, unchanged_minutes_leave_the_session_as_it_was)
{
	store_session s;
	char id[40];
	int undone = 1;

	open_with("A", id);
	setenv("NEXTSTEPS_NOW", "1767229200", 1);
	cr_assert_eq(store_session_set_minutes(st, id, STORE_MINUTES_DEFAULT, &err), 0,
		     "%s", err.message);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0);
	cr_assert_eq(s.updated, 1767225600);
	cr_assert_eq(s.planned_minutes, STORE_MINUTES_DEFAULT);
	store_session_clear(&s);
	cr_assert_eq(store_undo(st, id, &undone, NULL, 0, &err), 0, "%s", err.message);
	cr_assert_eq(undone, 0);
}

Test(store, data_version_follows_other_writers)
{
	store *other;
	char id[40];
	long long v;

	open_with("A", id);
	other = store_open(fx.path, 0, &err);
	cr_assert_not_null(other);
	v = store_data_version(st);
	cr_assert_eq(store_data_version(st), v);
	cr_assert_eq(store_set_note(other, id, row(0), "from the second terminal", &err), 0);
	cr_assert_neq(store_data_version(st), v);
	store_close(other);
}

/* ------------------------------------------------------------ answers */

Test(store, agreed_states)
{
	store_session s;
	store_answers a;
	char id[40];

	open_with("A", id);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 1, &err), 0);
	cr_assert_eq(store_set_agreed(st, id, row(1), STORE_ROW_NOT_APPLICABLE, 0, &err), 0);
	cr_assert_eq(store_set_agreed(st, id, row(2), STORE_ROW_NOT_DISCUSSED, 0, &err), 0);
	cr_assert_eq(store_set_agreed(st, id, row(3), STORE_ROW_AGREED, 3, &err),
		     STORE_EUSAGE, "three stages in the built-in matrix");
	cr_assert_eq(store_set_agreed(st, id, row(3), 9, 0, &err), STORE_EUSAGE);
	cr_assert_eq(store_set_agreed(st, id, "", STORE_ROW_AGREED, 0, &err), STORE_EUSAGE);
	cr_assert_eq(store_set_agreed(st, "nope", row(0), STORE_ROW_AGREED, 0, &err),
		     STORE_ENOINPUT);
	load(st, id, &a);
	cr_assert_eq(a.n_rows, 3);
	cr_assert_eq(store_answers_row(&a, row(0))->state, STORE_ROW_AGREED);
	cr_assert_eq(store_answers_row(&a, row(0))->stage, 1);
	cr_assert_eq(store_answers_row(&a, row(1))->stage, -1);
	cr_assert_eq(store_answers_row(&a, row(2))->state, STORE_ROW_NOT_DISCUSSED);
	cr_assert_eq(store_answers_row(&a, row(0))->updated, 1767225600);
	cr_assert_null(store_answers_row(&a, row(5)));
	store_answers_free(&a);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0);
	cr_assert_eq(s.rows_answered, 2);
	store_session_clear(&s);
	/* OPEN clears the agreement; an empty row disappears */
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_OPEN, 2, &err), 0);
	load(st, id, &a);
	cr_assert_null(store_answers_row(&a, row(0)));
	store_answers_free(&a);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0);
	cr_assert_eq(s.rows_answered, 1);
	store_session_clear(&s);
}

Test(store, votes)
{
	store_answers a;
	const store_row_answer *r;
	char id[40];

	open_with("A", id);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, 2, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_vote(st, id, row(0), 2, STORE_VOTE_DONT_KNOW, &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, 1, &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 3, 1, &err), STORE_EUSAGE);
	cr_assert_not_null(strstr(err.message, "participant"));
	cr_assert_eq(store_set_vote(st, id, row(0), 1, 3, &err), STORE_EUSAGE);
	cr_assert_eq(store_set_vote(st, id, row(0), 1, -3, &err), STORE_EUSAGE);
	load(st, id, &a);
	cr_assert_eq(a.n_participants, 3);
	r = store_answers_row(&a, row(0));
	cr_assert_not_null(r);
	cr_assert_eq(r->state, STORE_ROW_OPEN);
	cr_assert_eq(r->votes[0], 1);
	cr_assert_eq(r->votes[1], STORE_VOTE_NONE);
	cr_assert_eq(r->votes[2], STORE_VOTE_DONT_KNOW);
	store_answers_free(&a);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, STORE_VOTE_NONE, &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 2, STORE_VOTE_NONE, &err), 0);
	load(st, id, &a);
	cr_assert_null(store_answers_row(&a, row(0)), "no votes left: nothing recorded");
	store_answers_free(&a);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM votes"), 0);
}

Test(store, notes_and_reveal)
{
	store_answers a;
	char id[40];

	open_with("A", id);
	cr_assert_eq(store_set_note(st, id, row(0), "Shared HR is\nmonths away", &err), 0);
	cr_assert_eq(store_set_note(st, id, row(0), "bad \xc3", &err), STORE_EUSAGE);
	cr_assert_eq(store_set_revealed(st, id, row(1), 1, &err), 0);
	load(st, id, &a);
	cr_assert_str_eq(store_answers_row(&a, row(0))->note, "Shared HR is\nmonths away");
	cr_assert_eq(store_answers_row(&a, row(0))->revealed, 0);
	cr_assert_eq(store_answers_row(&a, row(1))->revealed, 1);
	cr_assert_str_eq(store_answers_row(&a, row(1))->note, "");
	store_answers_free(&a);
	cr_assert_eq(store_set_note(st, id, row(0), NULL, &err), 0);
	cr_assert_eq(store_set_revealed(st, id, row(1), 0, &err), 0);
	load(st, id, &a);
	cr_assert_eq(a.n_rows, 0);
	store_answers_free(&a);
}

Test(store, actions)
{
	store_answers a;
	char id[40];
	long long x, y;

	open_with("A", id);
	cr_assert_eq(store_action_add(st, id, row(0), "Ask the LMC", "Fay", "2026-03-31",
				      &x, &err), 0, "%s", err.message);
	cr_assert_eq(store_action_add(st, id, row(1), "Draft MoU", NULL, NULL, &y, &err), 0);
	cr_assert_gt(y, x);
	cr_assert_eq(store_action_add(st, id, row(1), " ", NULL, NULL, NULL, &err),
		     STORE_EUSAGE);
	cr_assert_eq(store_action_add(st, id, row(1), "x", NULL, "2026-02-30", NULL, &err),
		     STORE_EUSAGE);
	cr_assert_eq(store_action_update(st, id, y, "Draft the MoU", "Gus", "2026-04-01",
					 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_action_update(st, id, 999, "x", "", "", 0, &err), STORE_ENOINPUT);
	cr_assert_eq(store_action_update(st, id, y, "x", "", "31/12/2026", 0, &err),
		     STORE_EUSAGE);
	load(st, id, &a);
	cr_assert_eq(a.n_actions, 2);
	cr_assert_eq(a.actions[0].id, x);
	cr_assert_str_eq(a.actions[0].owner, "Fay");
	cr_assert_str_eq(a.actions[0].due, "2026-03-31");
	cr_assert_eq(a.actions[0].done, 0);
	cr_assert_str_eq(a.actions[1].text, "Draft the MoU");
	cr_assert_str_eq(a.actions[1].row_id, row(1));
	cr_assert_eq(a.actions[1].done, 1);
	store_answers_free(&a);
	cr_assert_eq(store_action_delete(st, id, x, &err), 0);
	cr_assert_eq(store_action_delete(st, id, x, &err), STORE_ENOINPUT);
	load(st, id, &a);
	cr_assert_eq(a.n_actions, 1);
	cr_assert_eq(a.actions[0].id, y);
	store_answers_free(&a);
}

Test(store, actions_of_another_session_are_out_of_reach)
{
	char a[40], b[40];
	long long x;

	open_with("A", a);
	new_session(st, "B", "", b);
	cr_assert_eq(store_action_add(st, a, row(0), "Mine", "", "", &x, &err), 0);
	cr_assert_eq(store_action_delete(st, b, x, &err), STORE_ENOINPUT);
	cr_assert_eq(store_action_update(st, b, x, "Theirs", "", "", 0, &err),
		     STORE_ENOINPUT);
}

Test(store, load_of_unknown_session_is_enoinput)
{
	store_answers a;

	st = testutil_open(fx.path);
	cr_assert_eq(store_answers_load(st, "nope", &a, &err), STORE_ENOINPUT);
	cr_assert_eq(store_set_note(st, "nope", row(0), "x", &err), STORE_ENOINPUT);
	cr_assert_eq(store_set_vote(st, "nope", row(0), 0, 1, &err), STORE_ENOINPUT);
	cr_assert_eq(store_set_revealed(st, "nope", row(0), 1, &err), STORE_ENOINPUT);
	cr_assert_eq(store_action_add(st, "nope", row(0), "x", "", "", NULL, &err),
		     STORE_ENOINPUT);
	cr_assert_eq(store_session_set_secret(st, "nope", 1, &err), STORE_ENOINPUT);
	cr_assert_eq(store_session_set_position(st, "nope", "s", "r", &err), STORE_ENOINPUT);
	cr_assert_eq(store_session_add_time(st, "nope", "s", 1, &err), STORE_ENOINPUT);
	cr_assert_eq(store_participant_add(st, "nope", "P", NULL, &err), STORE_ENOINPUT);
}

Test(store, text_is_stored_as_given)
{
	store_answers a;
	char id[40];
	const char *odd = "quote ' \" ; DROP TABLE sessions; -- \xe2\x80\xae \x1b[2J";

	open_with("A", id);
	cr_assert_eq(store_set_note(st, id, row(0), odd, &err), 0);
	cr_assert_eq(store_action_add(st, id, row(0), odd, odd, "", NULL, &err), 0);
	load(st, id, &a);
	cr_assert_str_eq(store_answers_row(&a, row(0))->note, odd);
	cr_assert_str_eq(a.actions[0].text, odd);
	cr_assert_str_eq(a.actions[0].owner, odd);
	store_answers_free(&a);
}

/* ------------------------------------------------------------ history, undo */

Test(store, change_that_changes_nothing_records_nothing)
{
	char id[40];
	long long h;

	open_with("A", id);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 1, &err), 0);
	h = testutil_query_int(st, "SELECT count(*) FROM history");
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 1, &err), 0);
	cr_assert_eq(store_set_note(st, id, row(0), "", &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, STORE_VOTE_NONE, &err), 0);
	cr_assert_eq(store_session_set_secret(st, id, 0, &err), 0);
	cr_assert_eq(store_session_rename(st, id, "A", &err), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), h);
}

Test(store, history_lists_readable_summaries)
{
	static const char *const expect[] = {
		"Created the session",
		"Agreed Build on %s",
		"Ash Practice voted Enhance on %s",
		"Cedar MC voted don't know on %s",
		"Added the note on %s",
		"Added an action on %s: Call the LMC...",
		"Marked %s not applicable",
		"Turned the secret ballot on",
		"Hid the votes on %s",
		"Birch Surgery voted on %s",
		"Revealed the votes on %s",
		"Undid: Revealed the votes on %s",
	};
	store_change *h;
	char id[40], what[100], want[200];
	const char *r = row(4);
	size_t n, i;
	int undone;

	open_with("A", id);
	cr_assert_eq(store_set_agreed(st, id, r, STORE_ROW_AGREED, 1, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r, 0, 2, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r, 2, STORE_VOTE_DONT_KNOW, &err), 0);
	cr_assert_eq(store_set_note(st, id, r, "first", &err), 0);
	cr_assert_eq(store_action_add(st, id, r, "Call the LMC\nand the ICB", "", "",
				      NULL, &err), 0);
	setenv("NEXTSTEPS_NOW", "1767229200", 1);
	cr_assert_eq(store_set_agreed(st, id, r, STORE_ROW_NOT_APPLICABLE, 0, &err), 0);
	cr_assert_eq(store_session_set_secret(st, id, 1, &err), 0);
	/* The open votes stay shown; hide them for a secret round. */
	cr_assert_eq(store_set_revealed(st, id, r, 0, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r, 1, 0, &err), 0);
	cr_assert_eq(store_set_revealed(st, id, r, 1, &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(store_history(st, id, 0, &h, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, sizeof expect / sizeof expect[0]);
	for (i = 0; i < n; i++) {
		snprintf(want, sizeof want, expect[i], r);
		cr_assert_str_eq(h[i].summary, want, "entry %zu", i);
		cr_assert_gt(h[i].id, i ? h[i - 1].id : 0);
	}
	cr_assert_str_eq(h[1].kind, "agreed");
	cr_assert_str_eq(h[1].row_id, r);
	cr_assert_str_eq(h[0].row_id, "");
	cr_assert_eq(h[10].undone, 1);
	cr_assert_eq(h[11].undoes, h[10].id);
	cr_assert_str_eq(h[11].kind, "undo");
	store_history_free(h, n);
	cr_assert_eq(store_history(st, id, 1767229200, &h, &n, &err), 0);
	cr_assert_eq(n, 6, "changes of this sitting only");
	cr_assert_eq(h[0].at, 1767229200);
	store_history_free(h, n);
	cr_assert_eq(store_history(st, "nope", 0, &h, &n, &err), STORE_ENOINPUT);
}

/* Undo walks back through every kind of change, one at a time, to the
 * state the session was created in; the history only grows. */
Test(store, undo_walks_back_every_kind_of_change)
{
	store_answers a;
	store_session s;
	char id[40], what[200], want[200];
	long long x, y, before;
	int undone, steps = 0;

	open_with("A", id);
	cr_assert_eq(store_action_add(st, id, row(0), "Keep me", "", "", &x, &err), 0);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 2, &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 1, 0, &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 1, 2, &err), 0);
	cr_assert_eq(store_set_note(st, id, row(0), "one", &err), 0);
	cr_assert_eq(store_set_note(st, id, row(0), "two", &err), 0);
	cr_assert_eq(store_set_revealed(st, id, row(0), 1, &err), 0);
	cr_assert_eq(store_action_update(st, id, x, "Kept", "Fay", "2026-05-01", 1, &err), 0);
	cr_assert_eq(store_action_add(st, id, row(1), "Gone soon", "", "", &y, &err), 0);
	cr_assert_eq(store_action_delete(st, id, x, &err), 0);
	cr_assert_eq(store_session_rename(st, id, "B", &err), 0);
	cr_assert_eq(store_session_set_secret(st, id, 1, &err), 0);
	cr_assert_eq(store_participant_add(st, id, "Late joiner", NULL, &err), 0);

	/* one step: the secret ballot */
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_str_eq(what, "Turned the secret ballot on");
	steps++;
	/* two: the name */
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(store_session_find(st, "A", &s, &err), 0, "renamed back");
	store_session_clear(&s);
	steps++;
	/* three: the deleted action is back, under its old id and fields */
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	steps++;
	load(st, id, &a);
	cr_assert_eq(a.n_actions, 2);
	cr_assert_eq(a.actions[0].id, x);
	cr_assert_str_eq(a.actions[0].text, "Kept");
	cr_assert_str_eq(a.actions[0].due, "2026-05-01");
	cr_assert_eq(a.actions[0].done, 1);
	store_answers_free(&a);
	/* four: the added action goes; five: the edit is reverted */
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	steps += 2;
	load(st, id, &a);
	cr_assert_eq(a.n_actions, 1);
	cr_assert_str_eq(a.actions[0].text, "Keep me");
	cr_assert_eq(a.actions[0].done, 0);
	store_answers_free(&a);
	/* six..eight: reveal, note two, note one */
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	load(st, id, &a);
	cr_assert_str_eq(store_answers_row(&a, row(0))->note, "one");
	cr_assert_eq(store_answers_row(&a, row(0))->revealed, 0);
	store_answers_free(&a);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	/* nine: vote back to Start */
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	steps += 4;
	load(st, id, &a);
	cr_assert_eq(store_answers_row(&a, row(0))->votes[1], 0);
	store_answers_free(&a);
	/* ten: no vote at all; eleven: no agreement; twelve: no action */
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	snprintf(want, sizeof want, "Agreed Enhance on %s", row(0));
	cr_assert_str_eq(what, want);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(undone, 1);
	steps += 3;
	load(st, id, &a);
	cr_assert_eq(a.n_rows, 0);
	cr_assert_eq(a.n_actions, 0);
	store_answers_free(&a);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0);
	cr_assert_eq(s.rows_answered, 0);
	cr_assert_eq(s.secret_ballot, 0);
	cr_assert_eq(s.n_participants, 4, "joining is not undone");
	store_session_clear(&s);
	/* nothing left: undone is 0 and nothing is written */
	before = testutil_query_int(st, "SELECT count(*) FROM history");
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(undone, 0);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), before);
	cr_assert_eq(before, 1 + 13 + steps, "append only: nothing deleted");
	cr_assert_eq(store_undo(st, "nope", &undone, what, sizeof what, &err),
		     STORE_ENOINPUT);
}

Test(store, undo_after_new_change_skips_undone_entries)
{
	store_answers a;
	char id[40], what[200], want[200];
	int undone;

	open_with("A", id);
	cr_assert_eq(store_set_note(st, id, row(0), "one", &err), 0);
	cr_assert_eq(store_set_note(st, id, row(0), "two", &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(store_set_agreed(st, id, row(1), STORE_ROW_AGREED, 0, &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	snprintf(want, sizeof want, "Agreed Start on %s", row(1));
	cr_assert_str_eq(what, want);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(undone, 1);
	load(st, id, &a);
	cr_assert_eq(a.n_rows, 0, "'one' was undone too, 'two' stays undone");
	store_answers_free(&a);
}

Test(store, undo_of_a_rename_whose_name_was_taken_fails_cleanly)
{
	char a[40], b[40], what[200];
	int undone;

	open_with("A", a);
	cr_assert_eq(store_session_rename(st, a, "A2", &err), 0);
	new_session(st, "A", "", b);
	cr_assert_eq(store_undo(st, a, &undone, what, sizeof what, &err), STORE_EDATA);
	cr_assert_eq(undone, 0);
	cr_assert_not_null(strstr(err.message, "already exists"));
}

/* Undoes the session's last change into `c` and checks its kind, row
 * and words. */
static void undo_names(const char *id, store_change *c, const char *kind,
		       const char *row_id, const char *words)
{
	char got[200];
	int undone;

	cr_assert_eq(store_undo_entry(st, id, c, &undone, &err), 0, "%s", err.message);
	cr_assert_eq(undone, 1);
	cr_assert_str_eq(c->kind, kind);
	cr_assert_str_eq(c->row_id, row_id);
	store_change_words(c, got, sizeof got);
	cr_assert_str_eq(got, words);
}

/* The screen moves to the undone change's row before it says what was
 * undone, so the store names the entry: its kind, row and summary. */
Test(store, undo_entry_names_the_undone_change)
{
	store_change c, *h;
	char id[40], words[200], want[200];
	size_t n, i;
	int undone;

	open_with("A", id);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 2, &err), 0);
	cr_assert_eq(store_set_note(st, id, row(1), "who disagreed", &err), 0);
	cr_assert_eq(store_session_rename(st, id, "B", &err), 0);

	cr_assert_eq(store_undo_entry(st, id, &c, &undone, &err), 0, "%s", err.message);
	cr_assert_eq(undone, 1);
	cr_assert_str_eq(c.kind, "rename");
	cr_assert_str_eq(c.row_id, "", "a rename has no row");
	cr_assert_str_eq(c.summary, "Renamed the session from 'A' to 'B'");
	cr_assert_eq(c.undone, 1);
	cr_assert_eq(c.at, 1767225600);
	store_change_words(&c, words, sizeof words);
	cr_assert_str_eq(words, "renamed the session from 'A' to 'B'");
	store_change_clear(&c);

	undo_names(id, &c, "note", row(1), "added the note");
	store_change_clear(&c);

	undo_names(id, &c, "agreed", row(0), "agreed Enhance");
	snprintf(want, sizeof want, "Agreed Enhance on %s", row(0));
	cr_assert_str_eq(c.summary, want);
	/* The id is the history's own, and the history shows it undone. */
	cr_assert_eq(store_history(st, id, 0, &h, &n, &err), 0, "%s", err.message);
	for (i = 0; i < n && h[i].id != c.id; i++)
		;
	cr_assert_lt(i, n, "the undone entry is in the history");
	cr_assert_str_eq(h[i].kind, "agreed");
	cr_assert_eq(h[i].undone, 1);
	cr_assert_eq(h[n - 1].undoes, c.id);
	store_history_free(h, n);
	store_change_clear(&c);

	/* nothing left: zeroed, and clearing it again is harmless */
	cr_assert_eq(store_undo_entry(st, id, &c, &undone, &err), 0);
	cr_assert_eq(undone, 0);
	cr_assert_null(c.kind);
	cr_assert_null(c.row_id);
	cr_assert_eq(c.id, 0);
	store_change_clear(&c);
	cr_assert_eq(store_undo_entry(st, "nope", &c, &undone, &err), STORE_ENOINPUT);
	cr_assert_eq(undone, 0);
	cr_assert_null(c.summary);
	store_change_clear(&c);
}

/* store_undo keeps working for its callers, on top of store_undo_entry. */
Test(store, undo_still_gives_the_summary)
{
	char id[40], what[200], want[200];
	int undone;

	open_with("A", id);
	cr_assert_eq(store_set_vote(st, id, row(2), 0, 1, &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(undone, 1);
	snprintf(want, sizeof want, "Ash Practice voted Build on %s", row(2));
	cr_assert_str_eq(what, want);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(undone, 0);
	cr_assert_str_eq(what, "");
	cr_assert_eq(store_undo(st, id, &undone, NULL, 0, &err), 0);
}

/* Undoes the session's last change and checks its words. */
static void undo_says(const char *id, const char *want)
{
	store_change c;
	char out[200];
	int undone;

	cr_assert_eq(store_undo_entry(st, id, &c, &undone, &err), 0, "%s", err.message);
	cr_assert_eq(undone, 1);
	store_change_words(&c, out, sizeof out);
	cr_assert_str_eq(out, want);
	store_change_clear(&c);
}

/* Every kind undo reverts, in words with the row left out. */
Test(store, change_words_leave_the_row_out)
{
	char id[40];
	long long ac;

	st = testutil_open(fx.path);
	new_session(st, "A", "", id);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 1, &err), 0);
	undo_says(id, "agreed Build");
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_NOT_APPLICABLE, -1, &err), 0);
	undo_says(id, "marked not applicable");
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_NOT_DISCUSSED, -1, &err), 0);
	undo_says(id, "parked");
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 0, &err), 0);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_OPEN, -1, &err), 0);
	undo_says(id, "cleared the agreement");

	cr_assert_eq(store_set_vote(st, id, row(1), 0, 1, &err), 0);
	undo_says(id, "Ash Practice voted Build");
	cr_assert_eq(store_set_vote(st, id, row(1), 1, STORE_VOTE_DONT_KNOW, &err), 0);
	undo_says(id, "Birch Surgery voted don't know");
	cr_assert_eq(store_set_vote(st, id, row(1), 2, 0, &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(1), 2, STORE_VOTE_NONE, &err), 0);
	undo_says(id, "Cedar MC withdrew the vote");

	cr_assert_eq(store_set_note(st, id, row(1), "first", &err), 0);
	undo_says(id, "added the note");
	cr_assert_eq(store_set_note(st, id, row(1), "first", &err), 0);
	cr_assert_eq(store_set_note(st, id, row(1), "second", &err), 0);
	undo_says(id, "changed the note");
	cr_assert_eq(store_set_note(st, id, row(1), "", &err), 0);
	undo_says(id, "cleared the note");

	cr_assert_eq(store_action_add(st, id, row(1), "Meet on r-1", "", "", &ac, &err), 0);
	cr_assert_eq(store_action_update(st, id, ac, "Meet on r-1", "", "", 1, &err), 0);
	undo_says(id, "completed an action: Meet on r-1");
	cr_assert_eq(store_action_update(st, id, ac, "Meet again", "", "", 0, &err), 0);
	undo_says(id, "changed an action: Meet again");
	cr_assert_eq(store_action_delete(st, id, ac, &err), 0);
	undo_says(id, "deleted an action: Meet on r-1");
	undo_says(id, "added an action: Meet on r-1");

	/* Under a secret ballot the words say who voted, never what. */
	cr_assert_eq(store_session_set_secret(st, id, 1, &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(2), 0, 2, &err), 0);
	undo_says(id, "Ash Practice voted");
	cr_assert_eq(store_set_revealed(st, id, row(2), 1, &err), 0);
	undo_says(id, "revealed the votes");
	undo_says(id, "turned the secret ballot on");
}

/* The words come from the stored values: a reworded summary, as an older
 * or newer nextsteps may have written it, changes nothing. */
Test(store, change_words_ignore_the_summary)
{
	char id[40], small[8];
	store_change c;
	int undone;

	st = testutil_open(fx.path);
	new_session(st, "A", "", id);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 2, &err), 0);
	cr_assert_eq(sqlite3_exec(store_db(st), "UPDATE history SET summary = 'Marked "
				  "something else'", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(store_undo_entry(st, id, &c, &undone, &err), 0, "%s", err.message);
	store_change_words(&c, small, sizeof small);
	cr_assert_str_eq(small, "agreed ", "cut to the buffer, still a string");
	store_change_clear(&c);
	cr_assert_eq(store_session_rename(st, id, "B", &err), 0);
	undo_says(id, "renamed the session from 'A' to 'B'");
}

/* ------------------------------------------------------------ dates, clock */

Test(store, clock_comes_from_environment)
{
	setenv("NEXTSTEPS_NOW", "12345", 1);
	cr_assert_eq(store_now(), 12345);
	setenv("NEXTSTEPS_NOW", "junk", 1);
	cr_assert_gt(store_now(), 1600000000);
	unsetenv("NEXTSTEPS_NOW");
	cr_assert_gt(store_now(), 1600000000);
}

/* A string of n copies of the two-byte character 'é'. */
static char *repeat_e(size_t n)
{
	char *s = malloc(2 * n + 1);
	size_t i;

	cr_assert_not_null(s);
	for (i = 0; i < n; i++)
		memcpy(s + 2 * i, "\xc3\xa9", 2);
	s[2 * n] = '\0';
	return s;
}

/* Names of 10,000 characters, 1 MB notes and hundreds of participants are
 * handled or refused with a message naming the limit; limits count
 * characters, not bytes, so accented names are not cut short. */
Test(store, limits_are_refused_with_a_clear_message)
{
	store *s = testutil_open(fx.path);
	char *ok_name = repeat_e(STORE_MAX_NAME), *long_name = repeat_e(10000);
	char *note = malloc(STORE_MAX_NOTE + 2), id[40];
	store_new_session spec = { NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0 };
	const char **people = calloc(STORE_MAX_PARTICIPANTS + 1, sizeof *people);
	char (*names)[16] = calloc(STORE_MAX_PARTICIPANTS + 1, sizeof *names);
	store_answers a;
	int i, index;

	cr_assert(note && people && names);
	spec.name = long_name;
	cr_assert_eq(store_session_create(s, &spec, fx.matrix, id, &err), STORE_EUSAGE);
	cr_assert_str_eq(err.message, "the session name is longer than 200 characters");
	spec.name = ok_name;
	cr_assert_eq(store_session_create(s, &spec, fx.matrix, id, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_rename(s, id, long_name, &err), STORE_EUSAGE);

	for (i = 0; i <= STORE_MAX_PARTICIPANTS; i++) {
		snprintf(names[i], sizeof names[i], "P%d", i);
		people[i] = names[i];
	}
	spec.name = "Crowd";
	spec.participants = people;
	spec.n_participants = STORE_MAX_PARTICIPANTS + 1;
	cr_assert_eq(store_session_create(s, &spec, fx.matrix, id, &err), STORE_EUSAGE);
	cr_assert_str_eq(err.message, "a session has at most 500 participants");
	spec.n_participants = STORE_MAX_PARTICIPANTS;
	cr_assert_eq(store_session_create(s, &spec, fx.matrix, id, &err), 0, "%s", err.message);
	cr_assert_eq(store_participant_add(s, id, "One more", &index, &err), STORE_EUSAGE);
	cr_assert_eq(store_set_vote(s, id, row(0), STORE_MAX_PARTICIPANTS - 1, 1, &err), 0,
		     "%s", err.message);

	memset(note, 'x', STORE_MAX_NOTE);
	note[STORE_MAX_NOTE] = '\0';
	cr_assert_eq(store_set_note(s, id, row(0), note, &err), 0, "%s", err.message);
	strcat(note, "y");
	cr_assert_eq(store_set_note(s, id, row(1), note, &err), STORE_EUSAGE);
	cr_assert(strstr(err.message, "the note is longer than") != NULL, "%s", err.message);
	free(long_name);
	long_name = repeat_e(STORE_MAX_ACTION + 1);
	cr_assert_eq(store_action_add(s, id, row(0), long_name, "", "", NULL, &err),
		     STORE_EUSAGE);
	cr_assert_str_eq(err.message, "the action is longer than 2000 characters");

	load(s, id, &a);
	cr_assert_eq(strlen(store_answers_row(&a, row(0))->note), STORE_MAX_NOTE);
	cr_assert_null(store_answers_row(&a, row(1)));
	store_answers_free(&a);
	store_close(s);
	free(ok_name);
	free(long_name);
	free(note);
	free(people);
	free(names);
}

/* Votes the room cast in the open stay shown when the facilitator turns
 * the secret ballot on later; rows voted on after that stay hidden. */
Test(store, secret_ballot_keeps_open_votes_shown)
{
	store_answers a;
	char id[40];

	st = testutil_open(fx.path);
	new_session(st, "Open then secret", "", id);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_set_secret(st, id, 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_vote(st, id, row(1), 0, 2, &err), 0, "%s", err.message);
	load(st, id, &a);
	cr_assert_eq(store_answers_row(&a, row(0))->revealed, 1);
	cr_assert_eq(store_answers_row(&a, row(1))->revealed, 0);
	store_answers_free(&a);
}

/* ------------------------------------------------------------ one row, a page */

Test(store, one_row_loads_as_the_whole_session_has_it)
{
	store_row_answer r;
	store_answers a;
	const store_row_answer *whole;
	char id[40], other[40];
	int found = -1;

	st = testutil_open(fx.path);
	new_session(st, "Camden", "Camden GP Fed", id);
	new_session(st, "Brent", "", other);
	cr_assert_eq(store_set_agreed(st, id, row(1), STORE_ROW_AGREED, 2, &err), 0);
	cr_assert_eq(store_set_note(st, id, row(1), "two practices disagree", &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(1), 0, 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_vote(st, id, row(1), 2, 2, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_agreed(st, other, row(1), STORE_ROW_AGREED, 0, &err), 0);
	load(st, id, &a);
	whole = store_answers_row(&a, row(1));
	cr_assert_not_null(whole);
	cr_assert_eq(store_answer_load_row(st, id, row(1), a.n_participants, &r, &found,
					   &err), 0, "%s", err.message);
	cr_assert_eq(found, 1);
	cr_assert_str_eq(r.row_id, row(1));
	cr_assert_eq(r.state, whole->state);
	cr_assert_eq(r.stage, 2, "this session's stage, not the other's");
	cr_assert_str_eq(r.note, "two practices disagree");
	cr_assert_eq(r.votes[0], 1);
	cr_assert_eq(r.votes[1], STORE_VOTE_NONE);
	cr_assert_eq(r.votes[2], 2);
	cr_assert_eq(r.updated, whole->updated);
	store_row_answer_clear(&r);
	/* nothing recorded: not found, and nothing to free */
	cr_assert_eq(store_answer_load_row(st, id, row(3), a.n_participants, &r, &found,
					   &err), 0, "%s", err.message);
	cr_assert_eq(found, 0);
	cr_assert_null(r.row_id);
	store_row_answer_clear(&r);
	store_answers_free(&a);
	cr_assert_eq(store_answer_load_row(st, id, NULL, 3, &r, &found, &err), STORE_EUSAGE);
}

Test(store, session_pages_follow_the_list)
{
	store_session *list, *page;
	size_t n, np, total, pos, i;
	char id[40], name[16], third[40];

	st = testutil_open(fx.path);
	cr_assert_eq(store_session_count(st, &total, &err), 0);
	cr_assert_eq(total, 0);
	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof name, "S%02zu", i);
		new_session(st, name, "", id);
		if (i == 3)
			snprintf(third, sizeof third, "%s", id);
	}
	cr_assert_eq(store_session_count(st, &total, &err), 0);
	cr_assert_eq(total, 12);
	cr_assert_eq(store_session_list(st, &list, &n, &err), 0);
	cr_assert_eq(store_session_page(st, 5, 4, &page, &np, &err), 0, "%s", err.message);
	cr_assert_eq(np, 4);
	for (i = 0; i < np; i++)
		cr_assert_str_eq(page[i].id, list[5 + i].id, "row %zu", i);
	store_session_list_free(page, np);
	/* the last page is short, past the end is empty */
	cr_assert_eq(store_session_page(st, 10, 4, &page, &np, &err), 0);
	cr_assert_eq(np, 2);
	cr_assert_str_eq(page[1].id, list[11].id);
	store_session_list_free(page, np);
	cr_assert_eq(store_session_page(st, 12, 4, &page, &np, &err), 0);
	cr_assert_eq(np, 0);
	store_session_list_free(page, np);
	/* a change moves a session to the top; its position follows */
	cr_assert_eq(store_session_position(st, third, &pos, &err), 0);
	cr_assert_str_eq(list[pos].id, third);
	cr_assert_eq(store_set_agreed(st, third, row(0), STORE_ROW_AGREED, 0, &err), 0);
	cr_assert_eq(store_session_position(st, third, &pos, &err), 0);
	cr_assert_eq(pos, 0);
	cr_assert_eq(store_session_position(st, "no-such-id", &pos, &err), STORE_ENOINPUT);
	store_session_list_free(list, n);
}

Test(store, setup_changes_are_recorded_and_undone)
{
	store_session s;
	store_answers a;
	char id[40];

	st = testutil_open(fx.path);
	new_session(st, "Setup", "Old Org", id);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_set_minutes(st, id, 5, &err), STORE_EUSAGE);
	cr_assert_eq(store_session_set_minutes(st, id, 601, &err), STORE_EUSAGE);
	cr_assert_eq(store_session_set_minutes(st, id, 120, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_set_text(st, id, STORE_SESSION_ORG, "New Org", &err), 0);
	cr_assert_eq(store_session_set_text(st, id, STORE_SESSION_FACILITATOR, "Gus", &err), 0);
	cr_assert_eq(store_participant_rename(st, id, "Ash Practice", "Birch Surgery", &err),
		     STORE_EDATA, "two participants cannot share a name");
	cr_assert_eq(store_participant_rename(st, id, "Nobody", "X", &err), STORE_ENOINPUT);
	cr_assert_eq(store_participant_rename(st, id, "Ash Practice", "Ash PCN", &err), 0,
		     "%s", err.message);
	cr_assert_eq(store_session_find(st, "Setup", &s, &err), 0);
	cr_assert_eq(s.planned_minutes, 120);
	cr_assert_str_eq(s.organisation, "New Org");
	cr_assert_str_eq(s.facilitator, "Gus");
	cr_assert_str_eq(s.participants[0], "Ash PCN");
	cr_assert_eq(store_answers_load(st, id, &a, &err), 0, "%s", err.message);
	cr_assert_eq(store_answers_row(&a, row(0))->votes[0], 1, "the vote stays with the person");
	store_answers_free(&a);
	store_session_clear(&s);

	undo_says(id, "changed the session");
	undo_says(id, "changed the session");
	undo_says(id, "changed the session");
	undo_says(id, "changed the session");
	cr_assert_eq(store_session_find(st, "Setup", &s, &err), 0);
	cr_assert_eq(s.planned_minutes, 90);
	cr_assert_str_eq(s.organisation, "Old Org");
	cr_assert_str_eq(s.facilitator, "Fay");
	cr_assert_str_eq(s.participants[0], "Ash Practice");
	store_session_clear(&s);
}

/* ------------------------------------------------ undo and redo per person */

/* The vote of participant `p` on row `r`, STORE_VOTE_NONE when none. */
static int vote_of(store *s, const char *id, const char *r, int p)
{
	store_answers a;
	const store_row_answer *ra;
	int v;

	load(s, id, &a);
	ra = store_answers_row(&a, r);
	v = ra && ra->votes ? ra->votes[p] : STORE_VOTE_NONE;
	store_answers_free(&a);
	return v;
}

static enum store_row_state state_of(store *s, const char *id, const char *r)
{
	store_answers a;
	const store_row_answer *ra;
	enum store_row_state state;

	load(s, id, &a);
	ra = store_answers_row(&a, r);
	state = ra ? ra->state : STORE_ROW_OPEN;
	store_answers_free(&a);
	return state;
}

Test(store, facilitators_undo_leaves_a_joiners_later_vote)
{
	char id[40], what[200];
	int undone;

	st = testutil_open(fx.path);
	new_session(st, "A", "", id);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 0, &err), 0);
	store_set_actor(st, 1);
	cr_assert_eq(store_set_vote(st, id, row(0), 1, 2, &err), 0);
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0, "%s",
		     err.message);
	cr_assert_eq(undone, 1);
	cr_assert_not_null(strstr(what, "Agreed"), "%s", what);
	cr_assert_eq(state_of(st, id, row(0)), STORE_ROW_OPEN);
	cr_assert_eq(vote_of(st, id, row(0), 1), 2, "the joiner's vote stays");
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(undone, 0, "nothing else is the facilitator's");
	cr_assert_eq(vote_of(st, id, row(0), 1), 2);
}

Test(store, a_joiners_undo_reaches_only_their_own_votes)
{
	char id[40], what[200];
	int undone;

	st = testutil_open(fx.path);
	new_session(st, "A", "", id);
	store_set_actor(st, 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, 1, &err), 0);
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_set_note(st, id, row(0), "kept", &err), 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 2, 0, &err), 0);
	store_set_actor(st, 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0, "%s",
		     err.message);
	cr_assert_eq(undone, 1);
	cr_assert_eq(vote_of(st, id, row(0), 0), STORE_VOTE_NONE);
	cr_assert_eq(vote_of(st, id, row(0), 2), 0, "Cedar's vote was the facilitator's");
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(undone, 0);
}

Test(store, undo_refuses_to_overwrite_someone_elses_later_change)
{
	char id[40], what[200];
	int undone;

	st = testutil_open(fx.path);
	new_session(st, "A", "", id);
	/* the facilitator types Ash's vote, then Ash changes it at her terminal */
	cr_assert_eq(store_set_vote(st, id, row(0), 0, 0, &err), 0);
	store_set_actor(st, 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, 2, &err), 0);
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), STORE_EDATA);
	cr_assert_eq(undone, 0);
	cr_assert_not_null(strstr(err.message, "Ash Practice has changed it since"), "%s",
			   err.message);
	cr_assert_eq(vote_of(st, id, row(0), 0), 2);
	/* once Ash undoes her own change the facilitator's is free again */
	store_set_actor(st, 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(vote_of(st, id, row(0), 0), 0);
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), STORE_EDATA,
		     "Ash's undo is a change of the field too");
}

Test(store, redo_reapplies_what_this_person_undid_until_a_new_change)
{
	store_change c, *h;
	size_t n;
	char id[40], what[200];
	int undone, redone;
	store_answers a;

	st = testutil_open(fx.path);
	new_session(st, "A", "", id);
	cr_assert_eq(store_set_note(st, id, row(0), "one", &err), 0);
	cr_assert_eq(store_set_agreed(st, id, row(1), STORE_ROW_AGREED, 1, &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(state_of(st, id, row(1)), STORE_ROW_OPEN);
	/* a participant's redo has nothing of theirs to redo */
	store_set_actor(st, 2);
	cr_assert_eq(store_redo_entry(st, id, &c, &redone, &err), 0);
	cr_assert_eq(redone, 0);
	store_set_actor(st, STORE_FACILITATOR);
	/* last undone first: the note */
	cr_assert_eq(store_redo_entry(st, id, &c, &redone, &err), 0, "%s", err.message);
	cr_assert_eq(redone, 1);
	cr_assert_eq(c.type, STORE_CHANGE_NOTE);
	cr_assert_eq(c.redo, 1);
	cr_assert_str_eq(c.after.text, "one");
	cr_assert_eq(strncmp(c.summary, "Redid: ", 7), 0, "%s", c.summary);
	store_change_clear(&c);
	load(st, id, &a);
	cr_assert_str_eq(store_answers_row(&a, row(0))->note, "one");
	store_answers_free(&a);
	/* a redo can be undone in turn */
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0);
	cr_assert_eq(state_of(st, id, row(0)), STORE_ROW_OPEN);
	cr_assert_eq(store_redo_entry(st, id, &c, &redone, &err), 0);
	store_change_clear(&c);
	/* a new change ends the redo */
	cr_assert_eq(store_set_note(st, id, row(2), "new", &err), 0);
	cr_assert_eq(store_redo_entry(st, id, &c, &redone, &err), 0);
	cr_assert_eq(redone, 0, "the agreement on row 1 is not redone after a new change");
	cr_assert_eq(state_of(st, id, row(1)), STORE_ROW_OPEN);
	cr_assert_eq(store_history(st, id, 0, &h, &n, &err), 0);
	cr_assert_geq(n, 6);
	cr_assert_eq(h[n - 2].redo, 1);
	cr_assert_eq(h[n - 3].type, STORE_CHANGE_UNDO);
	cr_assert_eq(h[n - 3].redone, 1);
	store_history_free(h, n);
}

Test(store, history_says_who_made_each_change)
{
	store_change *h;
	size_t n;

	char id[40];

	st = testutil_open(fx.path);
	new_session(st, "A", "", id);
	cr_assert_eq(store_set_agreed(st, id, row(0), STORE_ROW_AGREED, 0, &err), 0);
	store_set_actor(st, 1);
	cr_assert_eq(store_set_vote(st, id, row(0), 1, 0, &err), 0);
	cr_assert_eq(store_history(st, id, 0, &h, &n, &err), 0);
	cr_assert_eq(h[n - 2].actor, STORE_FACILITATOR);
	cr_assert_str_eq(h[n - 2].actor_name, "");
	cr_assert_eq(h[n - 1].actor, 1);
	cr_assert_str_eq(h[n - 1].actor_name, "Birch Surgery");
	store_history_free(h, n);
}

Test(store, vote_author_says_who_last_changed_the_vote)
{
	char id[40];
	int who;

	st = testutil_open(fx.path);
	new_session(st, "A", "", id);
	cr_assert_eq(store_vote_author(st, id, row(0), 0, &who, &err), 0);
	cr_assert_eq(who, STORE_FACILITATOR, "no vote yet");
	store_set_actor(st, 0);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, 1, &err), 0);
	cr_assert_eq(store_vote_author(st, id, row(0), 0, &who, &err), 0);
	cr_assert_eq(who, 0);
	cr_assert_eq(store_vote_author(st, id, row(0), 1, &who, &err), 0);
	cr_assert_eq(who, STORE_FACILITATOR, "another participant's vote");
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_set_vote(st, id, row(0), 0, STORE_VOTE_NONE, &err), 0);
	cr_assert_eq(store_vote_author(st, id, row(0), 0, &who, &err), 0);
	cr_assert_eq(who, STORE_FACILITATOR, "the facilitator cleared it");
}

/* ------------------------------------------------ a section's minutes */

static int planned_of(const char *id, const char *section, long long *seconds)
{
	store_answers a;
	size_t i;
	int minutes = -1;

	cr_assert_eq(store_answers_load(st, id, &a, &err), 0, "%s", err.message);
	for (i = 0; i < a.n_times; i++)
		if (strcmp(a.times[i].section_id, section) == 0) {
			minutes = a.times[i].planned_minutes;
			if (seconds)
				*seconds = a.times[i].seconds;
		}
	store_answers_free(&a);
	return minutes;
}

Test(store, section_minutes_are_kept_beside_the_time_and_undone)
{
	store_change *h;
	long long seconds = -1;
	size_t n;
	char id[40];

	open_with("Plan", id);
	cr_assert_eq(store_session_add_time(st, id, "s1", 120, &err), 0, "%s", err.message);
	cr_assert_eq(store_section_set_minutes(st, id, "s1", 601, &err), STORE_EUSAGE);
	cr_assert_eq(store_section_set_minutes(st, id, "s1", -1, &err), STORE_EUSAGE);
	cr_assert_eq(store_section_set_minutes(st, id, "", 20, &err), STORE_EUSAGE);
	cr_assert_eq(store_section_set_minutes(st, id, "s1", 20, &err), 0, "%s", err.message);
	cr_assert_eq(planned_of(id, "s1", &seconds), 20);
	cr_assert_eq(seconds, 120, "the time spent stays");
	cr_assert_eq(store_session_add_time(st, id, "s1", 30, &err), 0);
	cr_assert_eq(planned_of(id, "s1", &seconds), 20, "adding time keeps the plan");
	cr_assert_eq(seconds, 150);
	/* a section with no time yet gets a row of its own */
	cr_assert_eq(store_section_set_minutes(st, id, "s2", 15, &err), 0, "%s", err.message);
	cr_assert_eq(planned_of(id, "s2", &seconds), 15);
	cr_assert_eq(seconds, 0);
	cr_assert_eq(store_history(st, id, 0, &h, &n, &err), 0);
	cr_assert_str_eq(h[n - 1].kind, "section_minutes");
	cr_assert_str_eq(h[n - 1].row_id, "s2");
	cr_assert_str_eq(h[n - 1].summary,
			 "Planned 15 minutes for section s2 (was its share of the rows)");
	store_history_free(h, n);
	/* the same again records nothing */
	cr_assert_eq(store_section_set_minutes(st, id, "s2", 15, &err), 0);
	cr_assert_eq(store_history(st, id, 0, &h, &n, &err), 0);
	cr_assert_str_eq(h[n - 1].kind, "section_minutes");
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"
					    " WHERE kind = 'section_minutes'"), 2);
	store_history_free(h, n);
	/* blank: back to the share of the rows */
	cr_assert_eq(store_section_set_minutes(st, id, "s1", 0, &err), 0);
	cr_assert_eq(planned_of(id, "s1", NULL), 0);
	undo_says(id, "changed the session");
	cr_assert_eq(planned_of(id, "s1", NULL), 20, "undo puts the minutes back");
	undo_says(id, "changed the session");
	cr_assert_eq(planned_of(id, "s2", NULL), 0);
	cr_assert_eq(planned_of(id, "s1", &seconds), 20);
	cr_assert_eq(seconds, 150);
}

Test(store, section_time_survives_the_planned_minutes_migration)
{
	int v = store_schema_latest() - 1;
	store *old = store_open_at_version(fx.path, STORE_OPEN_CREATE, v, &err);
	char id[40];

	cr_assert_not_null(old, "%s", err.message);
	new_session(old, "Old", "", id);
	cr_assert_eq(store_session_add_time(old, id, "s1", 300, &err), 0, "%s", err.message);
	store_close(old);
	st = testutil_open(fx.path);
	cr_assert_eq(testutil_query_int(st, "PRAGMA user_version"), store_schema_latest());
	{
		long long seconds = -1;

		cr_assert_eq(planned_of(id, "s1", &seconds), 0);
		cr_assert_eq(seconds, 300);
	}
	cr_assert_eq(store_section_set_minutes(st, id, "s1", 25, &err), 0, "%s", err.message);
	cr_assert_eq(planned_of(id, "s1", NULL), 25);
}
