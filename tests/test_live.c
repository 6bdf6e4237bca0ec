/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_live.c - the store's side of the live room: presence
 * heartbeats that never reach the history or the session's place in the
 * list, the session stamp followers reload by, the facilitator's "show the
 * note to the room", and databases created in a group's shared folder. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
	testutil_scratch_begin(&fx, "ns-live");
	st = NULL;
}

static void teardown(void)
{
	store_close(st);
	testutil_scratch_end(&fx);
}

TestSuite(live, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

/* A secret-ballot session of Camden's with two participants. */
static void new_session(store *s, const char *name, char id[40])
{
	testutil_new_session(s, fx.matrix, name, "Camden", 2, 1, id);
}

/* The store, with the session "Live" in it. */
static void open_live(char id[40])
{
	st = testutil_open(fx.path);
	new_session(st, "Live", id);
}

static store_presence someone(const char *host, long long pid, int role, const char *name)
{
	store_presence p;

	memset(&p, 0, sizeof p);
	snprintf(p.host, sizeof p.host, "%s", host);
	p.pid = pid;
	p.role = role;
	p.name = (char *)name;
	return p;
}

static void beat(const char *sid, const char *host, long long pid, int role,
		 const char *name, long long now)
{
	store_presence p = someone(host, pid, role, name);

	cr_assert_eq(store_presence_beat(st, sid, &p, now, &err), 0, "%s", err.message);
}

static const char *first_row(void)
{
	return fx.matrix->sections[0].rows[0].id;
}

/* ------------------------------------------------------------ presence */

Test(live, schema_has_presence_and_show_note)
{
	st = testutil_open(fx.path);
	cr_assert_geq(store_schema_latest(), 4);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM sqlite_master WHERE name = 'presence'"), 1);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM pragma_table_info('sessions')"
			       " WHERE name = 'show_note'"), 1);
}

Test(live, heartbeat_list_and_leave)
{
	store_presence *list;
	char id[40];
	size_t n;

	open_live(id);
	beat(id, "hostA", 100, STORE_ROLE_PARTICIPANT, "Birch Surgery", 1000);
	beat(id, "hostA", 101, STORE_ROLE_FACILITATOR, "Fay", 1000);
	beat(id, "hostB", 100, STORE_ROLE_WATCHER, "projector", 1001);
	/* a second beat refreshes the same row */
	beat(id, "hostA", 100, STORE_ROLE_PARTICIPANT, "Birch Surgery", 1003);
	cr_assert_eq(store_presence_list(st, id, &list, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 3);
	cr_assert_eq(list[0].role, STORE_ROLE_FACILITATOR);
	cr_assert_str_eq(list[0].name, "Fay");
	cr_assert_eq(list[1].role, STORE_ROLE_PARTICIPANT);
	cr_assert_str_eq(list[1].name, "Birch Surgery");
	cr_assert_str_eq(list[1].host, "hostA");
	cr_assert_eq(list[1].pid, 100);
	cr_assert_eq(list[1].last_seen, 1003);
	cr_assert_eq(list[2].role, STORE_ROLE_WATCHER);
	store_presence_free(list, n);

	cr_assert_eq(store_presence_leave(st, id, "hostA", 101, &err), 0, "%s", err.message);
	cr_assert_eq(store_presence_list(st, id, &list, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 2);
	store_presence_free(list, n);
}

Test(live, heartbeats_are_not_history_and_do_not_touch_the_session)
{
	store_session before, after;
	store_session *all;
	char a[40], b[40];
	long long hist, stamp0, stamp1;
	size_t n;
	int i;

	st = testutil_open(fx.path);
	new_session(st, "Older", a);
	new_session(st, "Newer", b);
	cr_assert_eq(store_session_find(st, a, &before, &err), 0, "%s", err.message);
	hist = testutil_query_int(st, "SELECT count(*) FROM history");
	cr_assert_eq(store_session_stamp(st, a, &stamp0, &err), 0, "%s", err.message);
	setenv("NEXTSTEPS_NOW", "1767229200", 1);   /* an hour later */
	for (i = 0; i < 5; i++)
		beat(a, "h", 7, STORE_ROLE_FACILITATOR, "Fay", 2000 + i);
	cr_assert_eq(store_session_find(st, a, &after, &err), 0, "%s", err.message);
	cr_assert_eq(after.updated, before.updated);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), hist);
	cr_assert_eq(store_session_stamp(st, a, &stamp1, &err), 0, "%s", err.message);
	cr_assert_eq(stamp1, stamp0);
	/* the list order is unchanged: Newer is still first */
	cr_assert_eq(store_session_list(st, &all, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(all[0].name, "Newer");
	store_session_list_free(all, n);
	store_session_clear(&before);
	store_session_clear(&after);
}

Test(live, another_process_sees_a_heartbeat_in_data_version)
{
	store *other;
	long long v0;
	char id[40];

	open_live(id);
	other = testutil_open(fx.path);
	v0 = store_data_version(other);
	cr_assert_eq(store_data_version(other), v0, "no change, no new version");
	beat(id, "h", 1, STORE_ROLE_PARTICIPANT, "Ash Practice", 10);
	cr_assert_neq(store_data_version(other), v0);
	store_close(other);
}

Test(live, old_rows_are_forgotten)
{
	store_presence *list;
	char id[40];
	size_t n;

	open_live(id);
	beat(id, "h", 1, STORE_ROLE_WATCHER, "", 1000);
	beat(id, "h", 2, STORE_ROLE_WATCHER, "", 1000 + 3000);
	beat(id, "h", 3, STORE_ROLE_WATCHER, "", 1000 + 3601);
	cr_assert_eq(store_presence_list(st, id, &list, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 2);
	cr_assert_eq(list[0].pid, 2);
	cr_assert_eq(list[1].pid, 3);
	store_presence_free(list, n);
}

Test(live, presence_goes_with_the_session)
{
	store_presence gone = someone("h", 1, STORE_ROLE_WATCHER, "");
	char id[40];

	open_live(id);
	beat(id, "h", 1, STORE_ROLE_WATCHER, "", 10);
	cr_assert_eq(store_session_delete(st, id, &err), 0, "%s", err.message);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM presence"), 0);
	cr_assert_neq(store_presence_beat(st, id, &gone,
					  11, &err), 0, "a deleted session takes no beat");
}

Test(live, bad_arguments_are_refused)
{
	store_presence p = someone("h", 1, STORE_ROLE_PARTICIPANT, "\xff\xfe");
	long long stamp;
	char id[40];

	open_live(id);
	cr_assert_eq(store_presence_beat(st, id, &p, 1, &err), STORE_EUSAGE);
	cr_assert_eq(store_presence_beat(st, "", &p, 1, &err), STORE_EUSAGE);
	cr_assert_eq(store_session_stamp(st, "no-such-id", &stamp, &err), STORE_ENOINPUT);
}

/* ------------------------------------------------------------ stamp, show_note */

Test(live, stamp_moves_with_every_change_of_the_session)
{
	long long s0, s1, s2;
	char id[40];

	open_live(id);
	cr_assert_eq(store_session_stamp(st, id, &s0, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_vote(st, id, first_row(), 1, 2, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_stamp(st, id, &s1, &err), 0, "%s", err.message);
	cr_assert_neq(s1, s0);
	cr_assert_eq(store_session_set_position(st, id, fx.matrix->sections[0].id,
						first_row(), &err), 0, "%s", err.message);
	cr_assert_eq(store_session_stamp(st, id, &s2, &err), 0, "%s", err.message);
	cr_assert_neq(s2, s1);
}

Test(live, show_note_is_stored_and_not_undone)
{
	store_session s;
	long long s0, s1, hist;
	char id[40], what[256];
	int undone = -1;

	open_live(id);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0, "%s", err.message);
	cr_assert_eq(s.show_note, 0);
	store_session_clear(&s);
	hist = testutil_query_int(st, "SELECT count(*) FROM history");
	cr_assert_eq(store_session_stamp(st, id, &s0, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_set_show_note(st, id, 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0, "%s", err.message);
	cr_assert_eq(s.show_note, 1);
	store_session_clear(&s);
	cr_assert_eq(store_session_stamp(st, id, &s1, &err), 0, "%s", err.message);
	cr_assert_neq(s1, s0, "followers must notice");
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), hist);
	cr_assert_eq(store_undo(st, id, &undone, what, sizeof what, &err), 0, "%s", err.message);
	cr_assert_eq(undone, 0, "undo has nothing to do: %s", what);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0, "%s", err.message);
	cr_assert_eq(s.show_note, 1);
	store_session_clear(&s);
	cr_assert_eq(store_session_set_show_note(st, "no-such-id", 1, &err), STORE_ENOINPUT);
}

/* ------------------------------------------------------------ shared folder */

Test(live, a_private_folder_gives_a_private_file)
{
	struct stat sb;
	mode_t old = umask(0);

	st = testutil_open(fx.path);
	umask(old);
	cr_assert_eq(stat(fx.path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600, "mode %o", sb.st_mode & 0777);
}

Test(live, a_group_shared_folder_gives_a_group_file)
{
	char shared[128], db[200], wal[220];
	struct stat sb;
	mode_t old;
	char id[40];

	snprintf(shared, sizeof shared, "%s/room", fx.dir);
	cr_assert_eq(mkdir(shared, 0700), 0);
	cr_assert_eq(chmod(shared, 02770), 0);
	cr_assert_eq(stat(shared, &sb), 0);
	if (!(sb.st_mode & S_ISGID))
		cr_skip_test("this file system does not keep the setgid bit on folders");
	snprintf(db, sizeof db, "%s/ns.db", shared);
	old = umask(077);               /* even a strict umask keeps the group's bits */
	st = testutil_open(db);
	new_session(st, "Shared", id);
	umask(old);
	cr_assert_eq(stat(db, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0660, "mode %o", sb.st_mode & 0777);
	snprintf(wal, sizeof wal, "%s-wal", db);
	cr_assert_eq(stat(wal, &sb), 0);
	cr_assert_eq(sb.st_mode & 0660, 0660, "wal mode %o", sb.st_mode & 0777);
}

/* ------------------------------------------------------------ joining */

/* The role of the one row of (host, pid), or -1. */
static int role_of_row(const char *sid, const char *host, long long pid)
{
	store_presence *list;
	size_t i, n;
	int role = -1;

	cr_assert_eq(store_presence_list(st, sid, &list, &n, &err), 0, "%s", err.message);
	for (i = 0; i < n; i++)
		if (strcmp(list[i].host, host) == 0 && list[i].pid == pid)
			role = list[i].role;
	store_presence_free(list, n);
	return role;
}

Test(live, a_refusal_stays_through_the_joiners_heartbeats)
{
	long long hist, stamp0, stamp1;
	char id[40];

	open_live(id);
	beat(id, "hostA", 200, STORE_ROLE_ASKING, "Ann Typo", 1000);
	beat(id, "hostA", 201, STORE_ROLE_ASKING, "Dee", 1000);
	cr_assert_eq(role_of_row(id, "hostA", 200), STORE_ROLE_ASKING);
	hist = testutil_query_int(st, "SELECT count(*) FROM history");
	cr_assert_eq(store_session_stamp(st, id, &stamp0, &err), 0, "%s", err.message);

	cr_assert_eq(store_presence_refuse(st, id, "Ann Typo", &err), 0, "%s", err.message);
	cr_assert_eq(role_of_row(id, "hostA", 200), STORE_ROLE_REFUSED);
	cr_assert_eq(role_of_row(id, "hostA", 201), STORE_ROLE_ASKING,
		     "only the name refused is refused");
	/* the joiner beats on, still asking: the answer is not overwritten */
	beat(id, "hostA", 200, STORE_ROLE_ASKING, "Ann Typo", 1003);
	cr_assert_eq(role_of_row(id, "hostA", 200), STORE_ROLE_REFUSED);
	/* a refusal is no change of the session and no history */
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), hist);
	cr_assert_eq(store_session_stamp(st, id, &stamp1, &err), 0, "%s", err.message);
	cr_assert_eq(stamp1, stamp0);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM participants"
					" WHERE name = 'Ann Typo'"), 0);
	/* an admitted joiner's next beat says participant */
	beat(id, "hostA", 201, STORE_ROLE_PARTICIPANT, "Dee", 1004);
	cr_assert_eq(role_of_row(id, "hostA", 201), STORE_ROLE_PARTICIPANT);
}

Test(live, admitting_is_the_facilitators_join_in_the_history)
{
	long long hist;
	char id[40];
	int index = -1;

	open_live(id);
	beat(id, "hostA", 300, STORE_ROLE_ASKING, "Elm Practice", 1000);
	hist = testutil_query_int(st, "SELECT count(*) FROM history");
	store_set_actor(st, -1);
	cr_assert_eq(store_participant_add(st, id, "Elm Practice", &index, &err), 0,
		     "%s", err.message);
	cr_assert_eq(index, 2);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), hist + 1);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"
					" WHERE kind = 'join' AND actor IS NULL"), 1);
}

Test(live, open_join_is_kept_with_the_session)
{
	static const char *const people[] = { "Ash Practice" };
	store_new_session spec = { "Open", NULL, NULL, 0, people, 1, 0, 1, 0 };
	store_session s;
	char id[40], shut[40];

	st = testutil_open(fx.path);
	new_session(st, "Shut", shut);
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, id, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0, "%s", err.message);
	cr_assert_eq(s.open_join, 1);
	store_session_clear(&s);
	cr_assert_eq(store_session_find(st, shut, &s, &err), 0, "%s", err.message);
	cr_assert_eq(s.open_join, 0, "a session is closed to strangers unless made open");
	store_session_clear(&s);
}

Test(live, refusing_needs_a_session_and_a_name)
{
	st = testutil_open(fx.path);
	cr_assert_neq(store_presence_refuse(st, NULL, "X", &err), 0);
	cr_assert_eq(err.status, STORE_EUSAGE);
	cr_assert_neq(store_presence_refuse(st, "some-id", NULL, &err), 0);
	cr_assert_eq(err.status, STORE_EUSAGE);
}
