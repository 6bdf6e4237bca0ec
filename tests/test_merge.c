/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_merge.c - store_merge: bringing other facilitators' sessions into
 * one database.  Each test has its own temporary folder with a
 * destination ("ns.db") and one or two other files ("other.db", "third.db").
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "store.h"
#include "store_internal.h"
#include "testutil.h"

static testutil_scratch fx;   /* the destination is fx.path, "ns.db" */
static char other_path[128], third_path[128];
static store *dst, *other;
static store_error err;

static void setup(void)
{
	testutil_scratch_begin(&fx, "ns-merge");
	snprintf(other_path, sizeof other_path, "%s/other.db", fx.dir);
	snprintf(third_path, sizeof third_path, "%s/third.db", fx.dir);
	setenv("TMPDIR", fx.dir, 1);
	dst = other = NULL;
}

static void teardown(void)
{
	store_close(dst);
	store_close(other);
	testutil_scratch_end(&fx);
}

TestSuite(merge, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

static const char *row(size_t i)
{
	return testutil_row(fx.matrix, i);
}

static void ok(int rc)
{
	cr_assert_eq(rc, 0, "%d %s", rc, err.message);
}

static void new_session(store *s, const char *name, const char *org, char id[40])
{
	testutil_new_session(s, fx.matrix, name, org, 3, 0, id);
}

/* A session with every kind of row and history entry, including an
 * action deleted and an undo, so every renumbered reference is exercised. */
static void fill(store *s, const char *name, const char *org, char id[40])
{
	long long a1, a2;
	int undone;

	new_session(s, name, org, id);
	ok(store_set_agreed(s, id, row(0), STORE_ROW_AGREED, 1, &err));
	ok(store_set_agreed(s, id, row(1), STORE_ROW_NOT_APPLICABLE, -1, &err));
	ok(store_set_agreed(s, id, row(2), STORE_ROW_AGREED, 2, &err));
	ok(store_undo(s, id, &undone, NULL, 0, &err));
	ok(store_set_vote(s, id, row(0), 0, 1, &err));
	ok(store_set_vote(s, id, row(0), 2, STORE_VOTE_DONT_KNOW, &err));
	ok(store_set_note(s, id, row(0), "Shared rota; \"quoted\"\nsecond line", &err));
	ok(store_set_revealed(s, id, row(0), 1, &err));
	ok(store_action_add(s, id, row(0), "Agree a rota", "Dr A", "2026-03-01", &a1, &err));
	ok(store_action_add(s, id, row(1), "Draft a letter", "", "", &a2, &err));
	ok(store_action_update(s, id, a1, "Agree a rota", "Dr A", "2026-03-01", 1, &err));
	ok(store_action_delete(s, id, a2, &err));
	ok(store_session_add_time(s, id, fx.matrix->sections[0].id, 125, &err));
	ok(store_session_set_position(s, id, fx.matrix->sections[0].id, row(1), &err));
	ok(store_session_set_secret(s, id, 1, &err));
}

/* An action's fields as one line, so two actions compare in one check
 * that shows both when they differ. */
static void action_line(const store_action *a, char *out, size_t size)
{
	snprintf(out, size, "%s | %s | %s | %s | %s", a->row_id, a->text, a->owner, a->due,
		 a->done ? "done" : "open");
}

/* Two sessions' rows agree field by field, every vote included. */
static void same_rows(const store_answers *x, const store_answers *y)
{
	size_t i, j;

	cr_assert_eq(x->n_rows, y->n_rows);
	for (i = 0; i < x->n_rows; i++) {
		cr_assert_str_eq(x->rows[i].row_id, y->rows[i].row_id);
		cr_assert_eq(x->rows[i].state, y->rows[i].state, "row %s", x->rows[i].row_id);
		cr_assert_eq(x->rows[i].stage, y->rows[i].stage, "row %s", x->rows[i].row_id);
		cr_assert_str_eq(x->rows[i].note, y->rows[i].note);
		cr_assert_eq(x->rows[i].revealed, y->rows[i].revealed);
		cr_assert_eq(x->rows[i].updated, y->rows[i].updated);
		for (j = 0; j < x->n_participants; j++)
			cr_assert_eq(x->rows[i].votes[j], y->rows[i].votes[j]);
	}
}

static void same_answers(store *a, const char *ida, store *b, const char *idb)
{
	store_answers x, y;
	char xl[10000], yl[10000];   /* the longest fields, in UTF-8 */
	size_t i;

	ok(store_answers_load(a, ida, &x, &err));
	ok(store_answers_load(b, idb, &y, &err));
	cr_assert_eq(x.n_participants, y.n_participants);
	same_rows(&x, &y);
	cr_assert_eq(x.n_actions, y.n_actions);
	for (i = 0; i < x.n_actions; i++) {
		action_line(&x.actions[i], xl, sizeof xl);
		action_line(&y.actions[i], yl, sizeof yl);
		cr_assert_str_eq(xl, yl);
	}
	cr_assert_eq(x.n_times, y.n_times);
	for (i = 0; i < x.n_times; i++) {
		cr_assert_str_eq(x.times[i].section_id, y.times[i].section_id);
		cr_assert_eq(x.times[i].seconds, y.times[i].seconds);
	}
	store_answers_free(&x);
	store_answers_free(&y);
}

/* The position of the entry with this id, so renumbered `undoes` compare. */
static long long index_of(const store_change *h, size_t n, long long id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i].id == id)
			return (long long)i;
	return -1;
}

static void same_history(store *a, const char *ida, store *b, const char *idb)
{
	store_change *x, *y;
	size_t nx, ny, i;

	ok(store_history(a, ida, 0, &x, &nx, &err));
	ok(store_history(b, idb, 0, &y, &ny, &err));
	cr_assert_eq(nx, ny);
	for (i = 0; i < nx; i++) {
		cr_assert_eq(x[i].at, y[i].at);
		cr_assert_str_eq(x[i].kind, y[i].kind);
		cr_assert_str_eq(x[i].row_id, y[i].row_id);
		cr_assert_str_eq(x[i].summary, y[i].summary);
		cr_assert_eq(x[i].undone, y[i].undone);
		cr_assert_eq(index_of(x, nx, x[i].undoes), index_of(y, ny, y[i].undoes));
	}
	store_history_free(x, nx);
	store_history_free(y, ny);
}

/* Everything a report or the screens read, field by field. */
static void same_session(store *a, const char *id, store *b, const char *name_b)
{
	store_session x, y;
	char *mx, *my;
	size_t i;

	ok(store_session_find(a, id, &x, &err));
	ok(store_session_find(b, id, &y, &err));
	cr_assert_str_eq(y.name, name_b);
	cr_assert_str_eq(x.organisation, y.organisation);
	cr_assert_str_eq(x.facilitator, y.facilitator);
	cr_assert_eq(x.track, y.track);
	cr_assert_str_eq(x.matrix_id, y.matrix_id);
	cr_assert_str_eq(x.matrix_version, y.matrix_version);
	cr_assert_eq(x.created, y.created);
	cr_assert_eq(x.updated, y.updated);
	cr_assert_eq(x.rows_total, y.rows_total);
	cr_assert_eq(x.rows_answered, y.rows_answered);
	cr_assert_eq(x.secret_ballot, y.secret_ballot);
	cr_assert_str_eq(x.current_section ? x.current_section : "-",
			 y.current_section ? y.current_section : "-");
	cr_assert_str_eq(x.current_row ? x.current_row : "-",
			 y.current_row ? y.current_row : "-");
	cr_assert_eq(x.n_participants, y.n_participants);
	for (i = 0; i < x.n_participants; i++)
		cr_assert_str_eq(x.participants[i], y.participants[i]);
	ok(store_session_matrix(a, id, &mx, &err));
	ok(store_session_matrix(b, id, &my, &err));
	cr_assert_str_eq(mx, my);
	free(mx);
	free(my);
	same_answers(a, id, b, id);
	same_history(a, id, b, id);
	store_session_clear(&x);
	store_session_clear(&y);
}

/* The counts of a merge that must succeed; the conflicts are freed and
 * only their number kept. */
static store_merge_result merge(store *into, const char *from)
{
	store_merge_result r, counts;

	ok(store_merge(into, from, &r, &err));
	counts = r;
	counts.conflicts = NULL;
	store_merge_result_free(&r);
	return counts;
}

static void expect_counts(store_merge_result r, int added, int updated, int skipped,
			  int renamed)
{
	cr_assert_eq(r.added, added, "added %d", r.added);
	cr_assert_eq(r.updated, updated, "updated %d", r.updated);
	cr_assert_eq(r.skipped_older_or_same, skipped, "skipped %d", r.skipped_older_or_same);
	cr_assert_eq(r.renamed, renamed, "renamed %d", r.renamed);
}

/* Nothing stays attached after a merge, whatever its outcome. */
static long long attached(store *s)
{
	return testutil_query_int(s, "SELECT count(*) FROM pragma_database_list"
			 " WHERE name = 'other'");
}

/* Upgraded copies of older files are made in $TMPDIR (the test folder). */
static int private_copies(void)
{
	DIR *d = opendir(fx.dir);
	struct dirent *e;
	int n = 0;

	cr_assert_not_null(d);
	while ((e = readdir(d)))
		n += strncmp(e->d_name, "nextsteps-merge", 15) == 0;
	closedir(d);
	return n;
}

/* rows_answered as the triggers keep it equals a count from scratch. */
static void counters_agree(store *s)
{
	cr_assert_eq(testutil_query_int(s, "SELECT count(*) FROM sessions WHERE rows_answered <>"
			       " (SELECT count(*) FROM answers a WHERE a.session = sessions.id"
			       " AND a.state IN (1, 2))"), 0);
}

/* The destination lists exactly these sessions, in this order. */
static void expect_list(const char *const *names, size_t count)
{
	store_session *list;
	size_t n, i;

	ok(store_session_list(dst, &list, &n, &err));
	cr_assert_eq(n, count);
	for (i = 0; i < n; i++)
		cr_assert_str_eq(list[i].name, names[i]);
	store_session_list_free(list, n);
}

/* One session and one snapshot in the destination, with all of the other
 * file's history. */
static void expect_one_copy(void)
{
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM sessions"), 1);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM matrices"), 1);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM history"),
		     testutil_query_int(other, "SELECT count(*) FROM history"));
}

/* The other file holds a filled-in "Camden", merged once into the
 * destination. */
static void merged_once(char id[40])
{
	other = testutil_open(other_path);
	fill(other, "Camden", "", id);
	dst = testutil_open(fx.path);
	merge(dst, other_path);
}

/* ------------------------------------------------------------ tests */

Test(merge, into_an_empty_database_copies_everything)
{
	char a[40], b[40];

	other = testutil_open(other_path);
	fill(other, "Camden", "Camden PCN", a);
	testutil_set_now(TESTUTIL_NOW + 60);
	fill(other, "Islington", "Islington PCN", b);
	dst = testutil_open(fx.path);
	expect_counts(merge(dst, other_path), 2, 0, 0, 0);
	same_session(other, a, dst, "Camden");
	same_session(other, b, dst, "Islington");
	counters_agree(dst);
	cr_assert_eq(testutil_query_int(dst, "SELECT rows_answered FROM sessions LIMIT 1"), 2);
	/* one snapshot shared by both, as in the source */
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM matrices"), 1);
	cr_assert_eq(testutil_query_int(dst, "PRAGMA foreign_key_check"), -1);
}

Test(merge, list_order_follows_the_changes)
{
	static const char *const order[] = { "New", "Mine", "Old" };
	char a[40], b[40], c[40];

	other = testutil_open(other_path);
	new_session(other, "Old", "", a);
	testutil_set_now(TESTUTIL_NOW + 200);
	new_session(other, "New", "", b);
	dst = testutil_open(fx.path);
	testutil_set_now(TESTUTIL_NOW + 100);
	new_session(dst, "Mine", "", c);
	merge(dst, other_path);
	expect_list(order, 3);
}

Test(merge, same_second_keeps_local_work_on_top_and_the_other_order)
{
	static const char *const order[] = { "Mine", "Second", "First" };
	char a[40], b[40], c[40];

	other = testutil_open(other_path);
	new_session(other, "First", "", a);
	new_session(other, "Second", "", b);
	dst = testutil_open(fx.path);
	new_session(dst, "Mine", "", c);
	merge(dst, other_path);
	expect_list(order, 3);
}

Test(merge, twice_duplicates_nothing)
{
	char a[40];

	merged_once(a);
	expect_counts(merge(dst, other_path), 0, 0, 1, 0);
	expect_one_copy();
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM actions"),
		     testutil_query_int(other, "SELECT count(*) FROM actions"));
	same_session(other, a, dst, "Camden");
}

Test(merge, newer_copy_replaces_the_older_one)
{
	char a[40];

	merged_once(a);
	testutil_set_now(TESTUTIL_NOW + 3600);
	ok(store_set_agreed(other, a, row(3), STORE_ROW_AGREED, 0, &err));
	ok(store_set_note(other, a, row(0), "changed later", &err));
	ok(store_action_add(other, a, row(3), "A later action", "", "", NULL, &err));
	ok(store_session_rename(other, a, "Camden (final)", &err));
	expect_counts(merge(dst, other_path), 0, 1, 0, 0);
	same_session(other, a, dst, "Camden (final)");
	counters_agree(dst);
	expect_one_copy();
}

Test(merge, a_field_both_changed_is_a_conflict_the_later_wins)
{
	store_merge_result r;
	store_answers x;
	long long before;
	char a[40], want[200];

	merged_once(a);
	testutil_set_now(TESTUTIL_NOW + 3600);
	ok(store_set_note(dst, a, row(0), "newer here", &err));
	testutil_set_now(TESTUTIL_NOW + 1800);
	ok(store_set_note(other, a, row(0), "older there", &err));
	before = testutil_query_int(dst, "SELECT count(*) FROM history");
	ok(store_merge(dst, other_path, &r, &err));
	expect_counts(r, 0, 1, 0, 0);
	cr_assert_eq(r.n_conflicts, 1);
	cr_assert_str_eq(r.conflicts[0].session, "Camden");
	cr_assert_str_eq(r.conflicts[0].here, "'newer here'");
	cr_assert_str_eq(r.conflicts[0].there, "'older there'");
	cr_assert_eq(r.conflicts[0].kept_there, 0);
	cr_assert_eq(r.conflicts[0].here_at, TESTUTIL_NOW + 3600);
	cr_assert_eq(r.conflicts[0].there_at, TESTUTIL_NOW + 1800);
	ok(store_answers_load(dst, a, &x, &err));
	cr_assert_str_eq(store_answers_row(&x, row(0))->note, "newer here");
	store_answers_free(&x);
	/* the losing change stays in the history */
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM history"), before + 1);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM history"
					" WHERE new = 'older there'"), 1);
	snprintf(want, sizeof want, "row %s note", row(0));
	cr_assert_str_eq(r.conflicts[0].field, want);
	store_merge_result_free(&r);
	/* the merged file back into the other copy: that conflict was settled
	 * already, so it is not reported again, and the same note wins */
	store_close(other);
	other = NULL;
	store_close(dst);
	dst = testutil_open(other_path);
	ok(store_merge(dst, fx.path, &r, &err));
	cr_assert_eq(r.n_conflicts, 0);
	expect_counts(r, 0, 1, 0, 0);
	ok(store_answers_load(dst, a, &x, &err));
	cr_assert_str_eq(store_answers_row(&x, row(0))->note, "newer here");
	store_answers_free(&x);
}

Test(merge, name_clash_is_renamed_after_the_file)
{
	char mine[40], a[40], b[40];

	dst = testutil_open(fx.path);
	new_session(dst, "Camden", "", mine);
	new_session(dst, "Camden (from other)", "", b);
	other = testutil_open(other_path);
	fill(other, "Camden", "", a);
	expect_counts(merge(dst, other_path), 1, 0, 0, 1);
	same_session(other, a, dst, "Camden (from other, 2)");
	/* again: matched by id, not by name, so nothing new */
	expect_counts(merge(dst, other_path), 0, 0, 1, 0);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM sessions"), 3);
}

Test(merge, a_copied_session_keeps_its_deleted_action_ids_and_its_changes_from_local_undo)
{
	store_answers x;
	long long mine_action, deleted_here;
	char a[40], mine[40], what[200];
	int undone;

	dst = testutil_open(fx.path);
	new_session(dst, "Mine", "", mine);
	ok(store_action_add(dst, mine, row(0), "Mine 1", "", "", NULL, &err));
	ok(store_action_add(dst, mine, row(0), "Mine 2", "", "", NULL, &err));
	other = testutil_open(other_path);
	new_session(other, "Camden", "", a);
	ok(store_action_add(other, a, row(0), "Kept", "", "", NULL, &err));
	ok(store_action_add(other, a, row(1), "Deleted", "", "", &mine_action, &err));
	ok(store_action_delete(other, a, mine_action, &err));
	merge(dst, other_path);
	deleted_here = testutil_query_int(dst, "SELECT target FROM history"
					  " WHERE kind = 'action' ORDER BY id DESC LIMIT 1");
	/* the deleted action's id stays reserved: a new action never takes it */
	ok(store_action_add(dst, mine, row(2), "Mine 3", "", "", &mine_action, &err));
	cr_assert_gt(mine_action, deleted_here);
	/* the deletion was made by the other file's facilitator: the
	 * facilitator here has nothing of their own to undo in it */
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM history WHERE"
					" kind = 'action' AND actor = -2"), 3);
	ok(store_undo(dst, a, &undone, what, sizeof what, &err));
	cr_assert_eq(undone, 0, "%s", what);
	ok(store_answers_load(dst, a, &x, &err));
	cr_assert_eq(x.n_actions, 1);
	cr_assert_str_eq(x.actions[0].text, "Kept");
	store_answers_free(&x);
	ok(store_answers_load(dst, mine, &x, &err));
	cr_assert_eq(x.n_actions, 3);
	store_answers_free(&x);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM actions"), 4);
}

Test(merge, failure_midway_leaves_the_destination_unchanged)
{
	static const char *const only_mine[] = { "Mine" };
	char a[40], mine[40], big[30000];
	long long pages, history;
	int i;

	other = testutil_open(other_path);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (i = 0; i < 6; i++) {
		char name[32];

		snprintf(name, sizeof name, "S%d", i);
		fill(other, name, "", a);
		ok(store_set_note(other, a, row(5), big, &err));
	}
	dst = testutil_open(fx.path);
	new_session(dst, "Mine", "", mine);
	pages = testutil_query_int(dst, "PRAGMA page_count");
	history = testutil_query_int(dst, "SELECT count(*) FROM history");
	ok(store_set_max_pages(dst, pages + 8, &err));
	store_merge_result r = { .added = 1, .updated = 1, .skipped_older_or_same = 1,
				 .renamed = 1 };
	cr_assert_eq(store_merge(dst, other_path, &r, &err), STORE_EIO, "%s", err.message);
	cr_assert_not_null(strstr(err.message, "disk full"), "%s", err.message);
	expect_counts(r, 0, 0, 0, 0);
	cr_assert_eq(attached(dst), 0);
	expect_list(only_mine, 1);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM history"), history);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM matrices"), 1);
	/* the store still works, and a merge with room succeeds */
	ok(store_set_max_pages(dst, 1000000, &err));
	expect_counts(merge(dst, other_path), 6, 0, 0, 0);
	counters_agree(dst);
}

Test(merge, into_itself_is_refused)
{
	store_merge_result r;
	char same[160], a[40];

	dst = testutil_open(fx.path);
	new_session(dst, "Mine", "", a);
	snprintf(same, sizeof same, "%s/./ns.db", fx.dir);
	cr_assert_eq(store_merge(dst, same, &r, &err), STORE_EUSAGE);
	cr_assert_not_null(strstr(err.message, "merged into"), "%s", err.message);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM sessions"), 1);
}

Test(merge, bad_files_are_refused)
{
	store_merge_result r;
	sqlite3 *db;
	char sql[64], p[160];
	int fd;

	dst = testutil_open(fx.path);
	snprintf(p, sizeof p, "%s/none.db", fx.dir);
	cr_assert_eq(store_merge(dst, p, &r, &err), STORE_ENOINPUT);
	snprintf(p, sizeof p, "%s/junk.db", fx.dir);
	fd = open(p, O_WRONLY | O_CREAT, 0600);
	cr_assert_eq(write(fd, "not a database at all, just some text\n", 38), 38);
	close(fd);
	cr_assert_eq(store_merge(dst, p, &r, &err), STORE_EDATA);
	snprintf(p, sizeof p, "%s/empty.db", fx.dir);
	close(open(p, O_WRONLY | O_CREAT, 0600));
	cr_assert_eq(store_merge(dst, p, &r, &err), STORE_EDATA);
	snprintf(p, sizeof p, "%s/foreign.db", fx.dir);
	cr_assert_eq(sqlite3_open(p, &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL);
	sqlite3_close(db);
	cr_assert_eq(store_merge(dst, p, &r, &err), STORE_EDATA);
	cr_assert_not_null(strstr(err.message, "not a nextsteps database"), "%s", err.message);
	other = testutil_open(other_path);
	store_close(other);
	other = NULL;
	cr_assert_eq(sqlite3_open(other_path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", store_schema_latest() + 1);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	cr_assert_eq(store_merge(dst, other_path, &r, &err), STORE_EDATA);
	cr_assert_not_null(strstr(err.message, "newer nextsteps"), "%s", err.message);
	cr_assert_eq(attached(dst), 0);
}

Test(merge, older_schema_is_upgraded_in_a_private_copy)
{
	store_merge_result r;
	struct stat before, after;
	char a[40];

	if (store_schema_latest() <= 3)
		cr_skip_test("no schema older than the latest with sessions to copy");
	other = store_open_at_version(other_path, STORE_OPEN_CREATE, 3, &err);
	cr_assert_not_null(other, "%s", err.message);
	new_session(other, "Camden", "", a);
	ok(store_set_note(other, a, row(0), "from an older nextsteps", &err));
	store_close(other);
	other = NULL;
	cr_assert_eq(stat(other_path, &before), 0);
	dst = testutil_open(fx.path);
	ok(store_merge(dst, other_path, &r, &err));
	expect_counts(r, 1, 0, 0, 0);
	cr_assert_eq(stat(other_path, &after), 0);
	cr_assert_eq(before.st_mtime, after.st_mtime);
	cr_assert_eq(before.st_size, after.st_size);
	other = store_open_at_version(other_path, STORE_OPEN_READONLY, 1, &err);
	cr_assert_not_null(other, "%s", err.message);
	cr_assert_eq(testutil_query_int(other, "PRAGMA user_version"), 3);
	cr_assert_eq(attached(dst), 0);
	cr_assert_eq(private_copies(), 0, "a private copy was left in %s", fx.dir);
}

Test(merge, a_writer_on_the_other_file_does_not_block_the_merge)
{
	char a[40];

	other = testutil_open(other_path);
	new_session(other, "Camden", "", a);
	dst = testutil_open(fx.path);
	store_set_busy_timeout(dst, 100);
	/* the other facilitator is in the middle of a change */
	ok(store_batch_begin(other, &err));
	ok(store_set_note(other, a, row(0), "not yet committed", &err));
	expect_counts(merge(dst, other_path), 1, 0, 0, 0);
	ok(store_batch_commit(other, &err));
}

Test(merge, several_files_meet_in_one)
{
	char a[40], b[40];
	store *third;

	other = testutil_open(other_path);
	fill(other, "Camden", "Camden PCN", a);
	third = testutil_open(third_path);
	fill(third, "Hackney", "Hackney PCN", b);
	dst = testutil_open(fx.path);
	expect_counts(merge(dst, other_path), 1, 0, 0, 0);
	expect_counts(merge(dst, third_path), 1, 0, 0, 0);
	same_session(other, a, dst, "Camden");
	same_session(third, b, dst, "Hackney");
	counters_agree(dst);
	store_close(third);
}

/* The whole list, newest first, as one string "A B C". */
static void expect_order(store *s, const char *want)
{
	store_session *list;
	char got[512] = "";
	size_t n, i;

	ok(store_session_list(s, &list, &n, &err));
	for (i = 0; i < n; i++) {
		if (i)
			strcat(got, " ");
		strcat(got, list[i].name);
	}
	store_session_list_free(list, n);
	cr_assert_str_eq(got, want);
}

static void new_at(store *s, long long t, const char *name, char id[40])
{
	testutil_set_now(TESTUTIL_NOW + t);
	new_session(s, name, "", id);
}

/* Several files merged in turn, with sessions changed in the same second
 * and a clock that stepped back, one incoming copy replacing an older
 * one, and changes here after a merge: each session lands after the last
 * session here changed before it (the local one first at a tie, then the
 * incoming ones in their file's order), and the order stays a strict one
 * that later changes build on. */
Test(merge, order_after_several_files_follows_the_rules)
{
	char l1[40], l2[40], l3[40], l4[40], l5[40], o1[40], o2[40], o3[40], o4[40];
	char t1[40], t2[40];
	store *third;

	dst = testutil_open(fx.path);
	new_at(dst, 100, "L1", l1);
	new_at(dst, 300, "L2", l2);
	new_at(dst, 300, "L3", l3);
	new_at(dst, 200, "L4", l4);          /* the clock stepped back */
	new_at(dst, 500, "L5", l5);
	other = testutil_open(other_path);
	new_at(other, 250, "O1", o1);
	new_at(other, 300, "O2", o2);
	new_at(other, 50, "O3", o3);
	new_at(other, 600, "O4", o4);
	expect_counts(merge(dst, other_path), 4, 0, 0, 0);
	expect_order(dst, "O4 L5 O2 O1 L4 L3 L2 L1 O3");

	third = testutil_open(third_path);
	new_at(third, 400, "T1", t1);
	new_at(third, 400, "T2", t2);
	expect_counts(merge(dst, third_path), 2, 0, 0, 0);
	expect_order(dst, "O4 L5 T2 T1 O2 O1 L4 L3 L2 L1 O3");

	/* a newer copy of O2 replaces this one and takes its new place */
	testutil_set_now(TESTUTIL_NOW + 700);
	ok(store_set_agreed(other, o2, row(0), STORE_ROW_AGREED, 1, &err));
	expect_counts(merge(dst, other_path), 0, 1, 3, 0);
	expect_order(dst, "O2 O4 L5 T2 T1 O1 L4 L3 L2 L1 O3");

	/* a change here after the merge goes on top; merging again moves nothing */
	testutil_set_now(TESTUTIL_NOW + 10);
	ok(store_set_agreed(dst, l1, row(0), STORE_ROW_AGREED, 2, &err));
	expect_counts(merge(dst, other_path), 0, 0, 4, 0);
	expect_counts(merge(dst, third_path), 0, 0, 2, 0);
	expect_order(dst, "L1 O2 O4 L5 T2 T1 O1 L4 L3 L2 O3");
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) - count(DISTINCT touched)"
			       " FROM sessions"), 0);
	store_close(third);
}

Test(merge, a_session_open_to_anyone_stays_open)
{
	static const char *const people[] = { "Ash Practice" };
	store_new_session spec = { "Open", NULL, NULL, 0, people, 1, 0, 1, 0 };
	store_session s;
	char a[40], b[40];

	other = testutil_open(other_path);
	cr_assert_eq(store_session_create(other, &spec, fx.matrix, a, &err), 0, "%s",
		     err.message);
	new_session(other, "Shut", "", b);
	store_close(other);
	other = NULL;
	dst = testutil_open(fx.path);
	expect_counts(merge(dst, other_path), 2, 0, 0, 0);
	ok(store_session_find(dst, a, &s, &err));
	cr_assert_eq(s.open_join, 1);
	store_session_clear(&s);
	ok(store_session_find(dst, b, &s, &err));
	cr_assert_eq(s.open_join, 0);
	store_session_clear(&s);
}

/* ------------------------------------------------------------ field by field */

/* Paths of the two copies merged each way round. */
static char a2_path[128], b2_path[128];

/* A copy of one file made the way a second facilitator gets one: merged
 * into an empty file, so ids are renumbered and identities kept. */
static store *copy_of(const char *from, const char *to)
{
	store *s = testutil_open(to);

	merge(s, from);
	return s;
}

/* A new "Camden" here (dst, its id in `id`) and a copy of it (other). */
static void two_copies(char id[40])
{
	dst = testutil_open(fx.path);
	new_session(dst, "Camden", "", id);
	other = copy_of(fx.path, other_path);
}

/* The other copy into this one, or (into_other) this one into the other
 * copy, which then becomes dst. */
static void merge_copies(int into_other, store_merge_result *r)
{
	if (!into_other) {
		ok(store_merge(dst, other_path, r, &err));
		return;
	}
	store_close(dst);
	dst = other;
	other = NULL;
	ok(store_merge(dst, fx.path, r, &err));
}

/* Both files gone, for the next round of a test. */
static void drop_copies(void)
{
	store_close(dst);
	store_close(other);
	dst = other = NULL;
	unlink(fx.path);
	unlink(other_path);
}

/* xorshift64: the same seed always gives the same edits. */
static unsigned long long rnd_state;

static unsigned rnd(unsigned n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned)(rnd_state % n);
}

#define EDIT_ROWS 5
#define EDIT_PEOPLE 3

/* Which fields one copy's edits touched, so a change only one copy made
 * can be checked to survive. */
typedef struct touched {
	int agreed[EDIT_ROWS], note[EDIT_ROWS], vote[EDIT_ROWS][EDIT_PEOPLE], name;
	int undid;                 /* an undo may touch any field (so may the
				      ballot and the reveal, for survives()) */
} touched;

/* The actions of a session, in creation order. */
static void actions_of(store *s, const char *id, store_answers *x)
{
	ok(store_answers_load(s, id, x, &err));
}

/* One random edit in copy `s`; `tag` names actions and names uniquely. */
static void random_edit(store *s, const char *id, const char *tag, int k, touched *t)
{
	static const char *const notes[] = { "", "rota", "letter", "café ☕" };
	store_answers x;
	char text[64];
	unsigned r = rnd(EDIT_ROWS), op = rnd(12);
	int undone;

	switch (op) {
	case 0: case 1:
		t->agreed[r] = 1;
		ok(store_set_agreed(s, id, row(r), rnd(4) == 0 ? STORE_ROW_NOT_APPLICABLE
				    : STORE_ROW_AGREED, (int)rnd(3), &err));
		break;
	case 2: case 3: {
		unsigned p = rnd(EDIT_PEOPLE);

		t->vote[r][p] = 1;
		ok(store_set_vote(s, id, row(r), (int)p, (int)rnd(5) - 2, &err));
		break;
	}
	case 4:
		t->note[r] = 1;
		ok(store_set_note(s, id, row(r), notes[rnd(4)], &err));
		break;
	case 5:
		snprintf(text, sizeof text, "%s action %d", tag, k);
		ok(store_action_add(s, id, row(r), text, rnd(2) ? "Dr A" : "", "", NULL, &err));
		break;
	case 6: case 7: case 8:
		actions_of(s, id, &x);
		if (x.n_actions) {
			store_action *a = &x.actions[rnd((unsigned)x.n_actions)];

			snprintf(text, sizeof text, "%s edit %d", tag, k);
			if (op == 6)
				ok(store_action_update(s, id, a->id, text, a->owner, a->due,
						       a->done, &err));
			else if (op == 7)
				ok(store_action_update(s, id, a->id, a->text, a->owner, a->due,
						       !a->done, &err));
			else
				ok(store_action_delete(s, id, a->id, &err));
		}
		store_answers_free(&x);
		break;
	case 10:
		t->undid = 1;      /* other fields may change with it */
		ok(store_set_revealed(s, id, row(r), (int)rnd(2), &err));
		break;
	case 11:
		t->undid = 1;      /* turning it on shows the votes already cast */
		ok(store_session_set_secret(s, id, (int)rnd(2), &err));
		break;
	default:
		if (rnd(2)) {
			snprintf(text, sizeof text, "Camden %s %d", tag, k);
			t->name = 1;
			ok(store_session_rename(s, id, text, &err));
		} else {
			t->undid = 1;
			ok(store_undo(s, id, &undone, NULL, 0, &err));
		}
		break;
	}
}

/* The actions as sorted lines: actions added in different copies take
 * ids in the order they arrive, so only the set is the same. */
static int line_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **action_lines(const store_answers *x)
{
	char **l = calloc(x->n_actions + 1, sizeof *l);
	size_t i;

	cr_assert_not_null(l);
	for (i = 0; i < x->n_actions; i++) {
		l[i] = malloc(10000);
		cr_assert_not_null(l[i]);
		action_line(&x->actions[i], l[i], 10000);
	}
	qsort(l, x->n_actions, sizeof *l, line_cmp);
	return l;
}

static void lines_free(char **l)
{
	size_t i;

	for (i = 0; l[i]; i++)
		free(l[i]);
	free(l);
}

/* The two results agree on every field a report or a screen reads. */
static void same_fields(store *a, store *b, const char *id)
{
	store_answers x, y;
	store_session sx, sy;
	char **lx, **ly;
	size_t i;

	ok(store_session_find(a, id, &sx, &err));
	ok(store_session_find(b, id, &sy, &err));
	cr_assert_str_eq(sx.name, sy.name);
	cr_assert_str_eq(sx.organisation, sy.organisation);
	cr_assert_eq(sx.secret_ballot, sy.secret_ballot);
	cr_assert_eq(sx.updated, sy.updated);
	cr_assert_eq(sx.rows_answered, sy.rows_answered);
	cr_assert_eq(sx.n_participants, sy.n_participants);
	for (i = 0; i < sx.n_participants; i++)
		cr_assert_str_eq(sx.participants[i], sy.participants[i]);
	store_session_clear(&sx);
	store_session_clear(&sy);
	ok(store_answers_load(a, id, &x, &err));
	ok(store_answers_load(b, id, &y, &err));
	same_rows(&x, &y);
	cr_assert_eq(x.n_actions, y.n_actions);
	lx = action_lines(&x);
	ly = action_lines(&y);
	for (i = 0; i < x.n_actions; i++)
		cr_assert_str_eq(lx[i], ly[i]);
	lines_free(lx);
	lines_free(ly);
	store_answers_free(&x);
	store_answers_free(&y);
}

/* Every history entry's identity, sorted, as one string. */
static char *uids(store *s)
{
	sqlite3_stmt *stmt;
	char *all = NULL;

	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "SELECT group_concat(uid, ' ') FROM"
					" (SELECT uid FROM history ORDER BY uid)", -1, &stmt,
					NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
	all = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	cr_assert_not_null(all);
	return all;
}

/* A field one copy changed and the other never touched ends as that copy
 * left it (an undo may have touched any field, so those are left out). */
static void survives(store *from, store *merged, const char *id, const touched *mine,
		     const touched *theirs)
{
	store_answers x, y;
	const store_row_answer *a, *b;
	size_t r, p;

	if (theirs->undid)
		return;
	ok(store_answers_load(from, id, &x, &err));
	ok(store_answers_load(merged, id, &y, &err));
	for (r = 0; r < EDIT_ROWS; r++) {
		a = store_answers_row(&x, row(r));
		b = store_answers_row(&y, row(r));
		if (mine->agreed[r] && !theirs->agreed[r]) {
			cr_assert_eq(a ? (int)a->state : 0, b ? (int)b->state : 0);
			cr_assert_eq(a ? a->stage : -1, b ? b->stage : -1);
		}
		if (mine->note[r] && !theirs->note[r])
			cr_assert_str_eq(a ? a->note : "", b ? b->note : "");
		for (p = 0; p < EDIT_PEOPLE; p++)
			if (mine->vote[r][p] && !theirs->vote[r][p])
				cr_assert_eq(a ? a->votes[p] : STORE_VOTE_NONE,
					     b ? b->votes[p] : STORE_VOTE_NONE);
	}
	store_answers_free(&x);
	store_answers_free(&y);
}

/* Actions added in one copy are all there after the merge, as that copy
 * left them unless the other copy never saw them change. */
static void actions_survive(store *from, store *merged, const char *id,
			    const char *tag)
{
	store_answers x, y;
	char **lx, **ly;
	size_t i, j, n = strlen(tag);

	ok(store_answers_load(from, id, &x, &err));
	ok(store_answers_load(merged, id, &y, &err));
	lx = action_lines(&x);
	ly = action_lines(&y);
	for (i = 0; lx[i]; i++) {
		const char *text = strchr(lx[i], '|') + 2;

		if (strncmp(text, tag, n) != 0 || strncmp(text + n, " action", 7) != 0)
			continue;
		for (j = 0; ly[j] && strcmp(lx[i], ly[j]) != 0; j++)
			;
		cr_assert_not_null(ly[j], "action lost: %s", lx[i]);
	}
	lines_free(lx);
	lines_free(ly);
	store_answers_free(&x);
	store_answers_free(&y);
}

/* One seed: a shared start, random edits in two copies at interleaved
 * times, each merged into a copy of the other; both ends agree, a change
 * only one copy made survives, and merging again changes nothing. */
static void merge_both_ways(unsigned long long seed)
{
	store *a2, *b2;
	store_merge_result ra, rb;
	touched ta, tb;
	char id[40], *ua, *ub;
	long long history;
	int k;

	rnd_state = seed * 2654435761ULL + 1;
	memset(&ta, 0, sizeof ta);
	memset(&tb, 0, sizeof tb);
	snprintf(a2_path, sizeof a2_path, "%s/a2.db", fx.dir);
	snprintf(b2_path, sizeof b2_path, "%s/b2.db", fx.dir);
	dst = testutil_open(fx.path);
	fill(dst, "Camden", "Camden PCN", id);
	other = copy_of(fx.path, other_path);
	for (k = 0; k < 40; k++) {
		/* odd seeds: a new second for each edit; even: four a second, so
		 * changes at the same time meet the tie-break */
		testutil_set_now(TESTUTIL_NOW + 100 + (seed % 2 ? k : k / 4));
		if (rnd(2))
			random_edit(dst, id, "A", k, &ta);
		else
			random_edit(other, id, "B", k, &tb);
	}
	a2 = copy_of(fx.path, a2_path);
	b2 = copy_of(other_path, b2_path);
	ok(store_merge(a2, other_path, &ra, &err));
	ok(store_merge(b2, fx.path, &rb, &err));
	cr_assert_eq(ra.n_conflicts, rb.n_conflicts, "seed %llu", seed);
	store_merge_result_free(&ra);
	store_merge_result_free(&rb);
	same_fields(a2, b2, id);
	ua = uids(a2);
	ub = uids(b2);
	cr_assert_str_eq(ua, ub, "seed %llu: the histories differ", seed);
	free(ua);
	free(ub);
	survives(dst, a2, id, &ta, &tb);
	survives(other, a2, id, &tb, &ta);
	actions_survive(dst, a2, id, "A");
	actions_survive(other, a2, id, "B");
	/* again, and each result into the other: nothing changes */
	history = testutil_query_int(a2, "SELECT count(*) FROM history");
	expect_counts(merge(a2, other_path), 0, 0, 1, 0);
	expect_counts(merge(a2, b2_path), 0, 0, 1, 0);
	cr_assert_eq(testutil_query_int(a2, "SELECT count(*) FROM history"), history);
	same_fields(a2, b2, id);
	counters_agree(a2);
	store_close(a2);
	store_close(b2);
	drop_copies();
	unlink(a2_path);
	unlink(b2_path);
}

Test(merge, random_edits_in_two_copies_merge_alike_both_ways)
{
	unsigned long long seed;

	for (seed = 1; seed <= 25; seed++)
		merge_both_ways(seed);
}

/* The conflict of field `field` in a result; fails when there is none. */
static const store_merge_conflict *conflict_on(const store_merge_result *r,
					       const char *field)
{
	size_t i;

	for (i = 0; i < r->n_conflicts; i++)
		if (strcmp(r->conflicts[i].field, field) == 0)
			return &r->conflicts[i];
	cr_assert_fail("no conflict on %s", field);
	return NULL;
}

/* Two copies edited apart: different fields are all kept, the same
 * field changed alike is no conflict, and exactly the two fields changed
 * differently are, won by the later change, either way round. */
Test(merge, conflicts_are_counted_exactly)
{
	store_merge_result r;
	const store_merge_conflict *c;
	store_answers x;
	store_session s;
	char id[40], agreed[100], note[100];
	int way;

	for (way = 0; way < 2; way++) {
		two_copies(id);
		testutil_set_now(TESTUTIL_NOW + 10);
		ok(store_set_agreed(dst, id, row(0), STORE_ROW_AGREED, 1, &err));
		testutil_set_now(TESTUTIL_NOW + 20);
		ok(store_set_agreed(other, id, row(0), STORE_ROW_AGREED, 2, &err));
		testutil_set_now(TESTUTIL_NOW + 30);
		ok(store_set_note(other, id, row(1), "from B", &err));
		testutil_set_now(TESTUTIL_NOW + 40);
		ok(store_set_note(dst, id, row(1), "from A", &err));
		ok(store_set_vote(dst, id, row(2), 0, 1, &err));
		ok(store_set_vote(other, id, row(2), 1, 2, &err));
		ok(store_set_note(dst, id, row(3), "same words", &err));
		ok(store_set_note(other, id, row(3), "same words", &err));
		ok(store_session_rename(dst, id, "Camden A", &err));
		ok(store_session_set_text(other, id, STORE_SESSION_ORG, "Camden PCN", &err));
		ok(store_action_add(dst, id, row(0), "Action A", "", "", NULL, &err));
		ok(store_action_add(other, id, row(0), "Action B", "", "", NULL, &err));
		merge_copies(!way, &r);   /* way 1: B into A; 0: A into B */
		cr_assert_eq(r.n_conflicts, 2);
		snprintf(agreed, sizeof agreed, "row %s agreed", row(0));
		snprintf(note, sizeof note, "row %s note", row(1));
		c = conflict_on(&r, agreed);
		cr_assert_str_eq(c->session, "Camden A");
		cr_assert_str_eq(c->here, way ? "Build" : "Enhance");
		cr_assert_str_eq(c->there, way ? "Enhance" : "Build");
		cr_assert_eq(c->kept_there, way);
		c = conflict_on(&r, note);
		cr_assert_eq(c->kept_there, !way);
		store_merge_result_free(&r);
		ok(store_answers_load(dst, id, &x, &err));
		cr_assert_eq(store_answers_row(&x, row(0))->stage, 2);
		cr_assert_str_eq(store_answers_row(&x, row(1))->note, "from A");
		cr_assert_eq(store_answers_row(&x, row(2))->votes[0], 1);
		cr_assert_eq(store_answers_row(&x, row(2))->votes[1], 2);
		cr_assert_eq(x.n_actions, 2);
		store_answers_free(&x);
		ok(store_session_find(dst, id, &s, &err));
		cr_assert_str_eq(s.name, "Camden A");
		cr_assert_str_eq(s.organisation, "Camden PCN");
		store_session_clear(&s);
		drop_copies();
	}
}

/* An older file's history gets identities from what it holds: two copies
 * of one session upgraded apart still share their common entries. */
Test(merge, copies_upgraded_apart_share_their_common_history)
{
	store_merge_result r;
	char id[40];

	if (store_schema_latest() <= 9)
		cr_skip_test("no schema without history identities");
	dst = store_open_at_version(fx.path, STORE_OPEN_CREATE, 9, &err);
	cr_assert_not_null(dst, "%s", err.message);
	new_session(dst, "Camden", "", id);
	ok(store_set_note(dst, id, row(0), "before the copy", &err));
	store_close(dst);
	dst = NULL;
	testutil_dir_remove(other_path);
	{
		char cmd[400];

		snprintf(cmd, sizeof cmd, "cp '%s' '%s'", fx.path, other_path);
		cr_assert_eq(system(cmd), 0);
	}
	other = store_open_at_version(other_path, 0, 9, &err);
	cr_assert_not_null(other, "%s", err.message);
	testutil_set_now(TESTUTIL_NOW + 50);
	ok(store_set_note(other, id, row(1), "only in the copy", &err));
	store_close(other);
	other = NULL;
	dst = testutil_open(fx.path);
	testutil_set_now(TESTUTIL_NOW + 60);
	ok(store_set_note(dst, id, row(2), "only here", &err));
	ok(store_merge(dst, other_path, &r, &err));
	expect_counts(r, 0, 1, 0, 0);
	cr_assert_eq(r.n_conflicts, 0);
	store_merge_result_free(&r);
	/* created, the shared note, the copy's note, this note */
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM history"), 4);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM answers"), 3);
	expect_counts(merge(dst, other_path), 0, 0, 1, 0);
}

/* A participant who joined in one copy only arrives with their votes,
 * and the history still says they made them, when the other copy gave
 * the same place to someone else. */
Test(merge, a_joiner_of_the_other_copy_keeps_their_votes)
{
	store_session s;
	store_answers x;
	char id[40];
	int eve, dan, actor;

	two_copies(id);
	ok(store_participant_add(dst, id, "Eve", &eve, &err));
	store_set_actor(dst, eve);
	ok(store_set_vote(dst, id, row(0), eve, 0, &err));
	ok(store_participant_add(other, id, "Dan", &dan, &err));
	cr_assert_eq(dan, eve);
	store_set_actor(other, dan);
	ok(store_set_vote(other, id, row(0), dan, 2, &err));
	expect_counts(merge(dst, other_path), 0, 1, 0, 0);
	ok(store_session_find(dst, id, &s, &err));
	cr_assert_eq(s.n_participants, 5);
	cr_assert_str_eq(s.participants[3], "Eve");
	cr_assert_str_eq(s.participants[4], "Dan");
	store_session_clear(&s);
	ok(store_answers_load(dst, id, &x, &err));
	cr_assert_eq(store_answers_row(&x, row(0))->votes[3], 0);
	cr_assert_eq(store_answers_row(&x, row(0))->votes[4], 2);
	store_answers_free(&x);
	ok(store_vote_author(dst, id, row(0), 4, &actor, &err));
	cr_assert_eq(actor, 4);
	/* merged again: Dan is known by his join, not added twice */
	expect_counts(merge(dst, other_path), 0, 0, 1, 0);
	cr_assert_eq(testutil_query_int(dst, "SELECT count(*) FROM participants"), 5);
}

/* A vote both copies changed on a row that holds a score given before the
 * workshop is hidden there as under a secret ballot: the conflict line
 * says the votes differed, never what they were, whichever copy holds
 * the score. */
Test(merge, a_conflict_on_a_privately_scored_row_shows_no_vote)
{
	store_merge_result r;
	char id[40];
	int way;

	for (way = 0; way < 2; way++) {
		two_copies(id);
		testutil_set_now(TESTUTIL_NOW + 10);
		store_set_actor(dst, 0);
		ok(store_score_set(dst, id, row(0), 0, 2, &err));
		testutil_set_now(TESTUTIL_NOW + 20);
		ok(store_set_vote(other, id, row(0), 0, 1, &err));
		merge_copies(way, &r);   /* way 1: the scored copy into the other */
		cr_assert_eq(r.n_conflicts, 1, "way %d", way);
		cr_assert_str_eq(r.conflicts[0].here, "a hidden vote", "way %d", way);
		cr_assert_str_eq(r.conflicts[0].there, "a hidden vote", "way %d", way);
		store_merge_result_free(&r);
		drop_copies();
	}
}

/* The other copy renamed the session to a name another session here
 * has: the name is made unique and the merge counts it as renamed. */
Test(merge, a_rename_in_the_other_copy_that_clashes_here_is_counted)
{
	char id[40], mine[40];
	store_merge_result r;
	store_session s;

	two_copies(id);
	new_session(dst, "Taken", "", mine);
	ok(store_session_rename(other, id, "Taken", &err));
	ok(store_merge(dst, other_path, &r, &err));
	cr_assert_eq(r.renamed, 1);
	cr_assert_eq(r.n_conflicts, 0);
	store_merge_result_free(&r);
	ok(store_session_find(dst, id, &s, &err));
	cr_assert_str_eq(s.name, "Taken (from other)");
	store_session_clear(&s);
}
