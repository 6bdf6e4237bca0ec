/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_brought.c - the actions of an organisation's previous session,
 * brought into its next one for review: which session they come from,
 * which actions, their outcomes, undo, carrying forward, and merging. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "store.h"
#include "store_internal.h"
#include "testutil.h"

static testutil_scratch fx;
static store *st;
static store_error err;

static void setup(void)
{
	testutil_scratch_begin(&fx, "ns-brought");
	st = testutil_open(fx.path);
}

static void teardown(void)
{
	store_close(st);
	testutil_scratch_end(&fx);
}

TestSuite(brought, .init = setup, .fini = teardown);

static void ok(int rc)
{
	cr_assert_eq(rc, 0, "%d %s", rc, err.message);
}

static const char *row(size_t i)
{
	return testutil_row(fx.matrix, i);
}

static long long add(const char *sid, size_t r, const char *text)
{
	long long id = 0;

	ok(store_action_add(st, sid, row(r), text, "Dr Ada", "2026-03-01", &id, &err));
	return id;
}

static void load(const char *sid, store_answers *a)
{
	ok(store_answers_load(st, sid, a, &err));
}

/* One session later each time, so "most recent" is by creation. */
static void session_at(long long t, const char *name, const char *org, char id[40])
{
	testutil_set_now(t);
	testutil_new_session(st, fx.matrix, name, org, 2, 0, id);
}

Test(brought, open_actions_of_the_latest_session_of_the_organisation)
{
	char old[40], last[40], other[40], now[40];
	long long done;
	store_answers a;

	session_at(TESTUTIL_NOW, "Camden 2024", "Camden PCN", old);
	add(old, 0, "From the oldest session");
	session_at(TESTUTIL_NOW + 10, "Camden 2025", "Camden PCN", last);
	add(last, 1, "Write the rota");
	done = add(last, 2, "Already done");
	ok(store_action_update(st, last, done, "Already done", "Dr Ada", "2026-03-01",
			       1, &err));
	add(last, 3, "Call the LMC");
	session_at(TESTUTIL_NOW + 20, "Islington 2025", "Islington", other);
	add(other, 0, "Another organisation's");
	session_at(TESTUTIL_NOW + 30, "Camden 2026", "CAMDEN pcn", now);
	load(now, &a);
	cr_assert_eq(a.n_brought, 2);
	cr_assert_str_eq(a.brought[0].text, "Write the rota");
	cr_assert_str_eq(a.brought[0].row_id, row(1));
	cr_assert_str_eq(a.brought[0].owner, "Dr Ada");
	cr_assert_str_eq(a.brought[0].due, "2026-03-01");
	cr_assert_str_eq(a.brought[0].from_name, "Camden 2025");
	cr_assert_str_eq(a.brought[0].from_id, last);
	cr_assert_eq(a.brought[0].outcome, STORE_OUTCOME_NOT_REVIEWED);
	cr_assert_eq(a.brought[0].row_gone, 0);
	cr_assert_str_eq(a.brought[1].text, "Call the LMC");
	cr_assert_eq(a.brought[1].position, 1);
	/* bringing adds no action and no history entry of its own */
	cr_assert_eq(a.n_actions, 0);
	store_answers_free(&a);
}

Test(brought, no_organisation_or_no_earlier_session_brings_nothing)
{
	char a1[40], a2[40], b1[40];
	store_answers a;

	session_at(TESTUTIL_NOW, "Nobody 1", "", a1);
	add(a1, 0, "Orphan action");
	session_at(TESTUTIL_NOW + 1, "Nobody 2", "", a2);
	load(a2, &a);
	cr_assert_eq(a.n_brought, 0);
	store_answers_free(&a);
	session_at(TESTUTIL_NOW + 2, "First of Hackney", "Hackney", b1);
	load(b1, &a);
	cr_assert_eq(a.n_brought, 0);
	store_answers_free(&a);
}

Test(brought, sessions_of_one_second_follow_creation_order)
{
	char a1[40], a2[40], a3[40];
	store_answers a;

	session_at(TESTUTIL_NOW, "S1", "Org", a1);
	add(a1, 0, "from S1");
	session_at(TESTUTIL_NOW, "S2", "Org", a2);
	add(a2, 0, "from S2");
	session_at(TESTUTIL_NOW, "S3", "org", a3);
	load(a3, &a);
	/* S2's own action; what S2 brought from S1 is not S2's action */
	cr_assert_eq(a.n_brought, 1);
	cr_assert_str_eq(a.brought[0].text, "from S2");
	store_answers_free(&a);
	load(a2, &a);
	cr_assert_eq(a.n_brought, 1);
	cr_assert_str_eq(a.brought[0].text, "from S1");
	store_answers_free(&a);
}

Test(brought, outcome_is_a_change_undone_by_undo)
{
	char prev[40], now[40], what[300];
	store_answers a;
	int undone;

	session_at(TESTUTIL_NOW, "Prev", "Org", prev);
	add(prev, 0, "Review the rota");
	session_at(TESTUTIL_NOW + 5, "Now", "Org", now);
	ok(store_brought_set(st, now, 0, STORE_OUTCOME_IN_PROGRESS, NULL, &err));
	ok(store_brought_set(st, now, 0, STORE_OUTCOME_IN_PROGRESS, NULL, &err));
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"
					" WHERE kind = 'brought'"), 1);
	load(now, &a);
	cr_assert_eq(a.brought[0].outcome, STORE_OUTCOME_IN_PROGRESS);
	store_answers_free(&a);
	ok(store_undo(st, now, &undone, what, sizeof what, &err));
	cr_assert_eq(undone, 1);
	cr_assert_not_null(strstr(what, "in progress"), "%s", what);
	load(now, &a);
	cr_assert_eq(a.brought[0].outcome, STORE_OUTCOME_NOT_REVIEWED);
	store_answers_free(&a);
	cr_assert_eq(store_brought_set(st, now, 7, STORE_OUTCOME_DONE, NULL, &err),
		     STORE_ENOINPUT);
}

Test(brought, carried_forward_makes_a_linked_action_and_undo_removes_it)
{
	char prev[40], now[40];
	store_change *h, redone;
	size_t n;
	long long id = 0;
	store_answers a;
	int undone;

	session_at(TESTUTIL_NOW, "Prev", "Org", prev);
	add(prev, 0, "Share the audit");
	session_at(TESTUTIL_NOW + 5, "Now", "Org", now);
	ok(store_brought_set(st, now, 0, STORE_OUTCOME_CARRIED, &id, &err));
	cr_assert_gt(id, 0);
	load(now, &a);
	cr_assert_eq(a.n_actions, 1);
	cr_assert_eq(a.actions[0].id, id);
	cr_assert_str_eq(a.actions[0].text, "Share the audit");
	cr_assert_str_eq(a.actions[0].row_id, row(0));
	cr_assert_str_eq(a.actions[0].owner, "Dr Ada");
	cr_assert_eq(a.brought[0].carried, id);
	cr_assert_eq(store_answers_brought_for(&a, id), &a.brought[0]);
	store_answers_free(&a);
	ok(store_history(st, now, 0, &h, &n, &err));
	cr_assert_eq(h[n - 1].type, STORE_CHANGE_BROUGHT);
	{
		char words[200];

		store_change_words(&h[n - 1], words, sizeof words);
		cr_assert_str_eq(words, "marked last session's action carried forward:"
				 " Share the audit");
	}
	store_history_free(h, n);
	/* changing its mind takes the action away again, in one change */
	ok(store_brought_set(st, now, 0, STORE_OUTCOME_DROPPED, NULL, &err));
	load(now, &a);
	cr_assert_eq(a.n_actions, 0);
	cr_assert_eq(a.brought[0].carried, 0);
	store_answers_free(&a);
	ok(store_undo(st, now, &undone, NULL, 0, &err));
	load(now, &a);
	cr_assert_eq(a.n_actions, 1);
	cr_assert_eq(a.actions[0].id, id, "put back under its id");
	cr_assert_eq(a.brought[0].outcome, STORE_OUTCOME_CARRIED);
	store_answers_free(&a);
	ok(store_undo(st, now, &undone, NULL, 0, &err));
	load(now, &a);
	cr_assert_eq(a.n_actions, 0);
	cr_assert_eq(a.brought[0].outcome, STORE_OUTCOME_NOT_REVIEWED);
	store_answers_free(&a);
	ok(store_redo_entry(st, now, &redone, &undone, &err));
	store_change_clear(&redone);
	load(now, &a);
	cr_assert_eq(a.n_actions, 1);
	cr_assert_eq(a.actions[0].id, id);
	store_answers_free(&a);
}

/* Undo is per person: a participant's undo never reverts the
 * facilitator's outcome. */
Test(brought, undo_stays_with_the_person)
{
	char prev[40], now[40];
	int undone;

	session_at(TESTUTIL_NOW, "Prev", "Org", prev);
	add(prev, 0, "One");
	session_at(TESTUTIL_NOW + 5, "Now", "Org", now);
	ok(store_brought_set(st, now, 0, STORE_OUTCOME_DONE, NULL, &err));
	store_set_actor(st, 0);
	ok(store_undo(st, now, &undone, NULL, 0, &err));
	cr_assert_eq(undone, 0);
	store_set_actor(st, STORE_FACILITATOR);
	ok(store_undo(st, now, &undone, NULL, 0, &err));
	cr_assert_eq(undone, 1);
}

/* A copy of small.cfg under another matrix id with beta-one renamed. */
static content_matrix *other_matrix(void)
{
	FILE *f = fopen(TEST_DATA "/small.cfg", "rb");
	static char text[65536];
	size_t len;
	char *p;
	content_error cerr;
	content_matrix *m;

	cr_assert_not_null(f);
	len = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[len] = '\0';
	p = strstr(text, "id = \"small\"");
	cr_assert_not_null(p);
	memcpy(p, "id = \"smal2\"", 12);
	p = strstr(text, "\"beta-one\"");
	cr_assert_not_null(p);
	memcpy(p, "\"beta-two\"", 10);
	m = content_load_text(text, len, "other.cfg", &cerr);
	cr_assert_not_null(m);
	return m;
}

Test(brought, another_matrix_keeps_rows_it_has_and_marks_the_rest_gone)
{
	content_error cerr;
	content_matrix *small = content_load_file(TEST_DATA "/small.cfg", &cerr);
	content_matrix *m2 = other_matrix();
	const char *people[] = { "Ann" };
	store_new_session s1 = { .name = "Small 1", .organisation = "Org",
				 .participants = people, .n_participants = 1 };
	store_new_session s2 = { .name = "Small 2", .organisation = "org",
				 .participants = people, .n_participants = 1 };
	char a[40], b[40];
	store_answers an;

	cr_assert_not_null(small);
	ok(store_session_create(st, &s1, small, a, &err));
	ok(store_action_add(st, a, "alpha-one", "Kept row", "", "", NULL, &err));
	ok(store_action_add(st, a, "beta-one", "Gone row", "", "", NULL, &err));
	testutil_set_now(TESTUTIL_NOW + 60);
	ok(store_session_create(st, &s2, m2, b, &err));
	load(b, &an);
	cr_assert_eq(an.n_brought, 2);
	cr_assert_eq(an.brought[0].row_gone, 0);
	cr_assert_eq(an.brought[1].row_gone, 1);
	cr_assert_str_eq(an.brought[1].row_id, "beta-one");
	store_answers_free(&an);
	cr_assert_eq(store_brought_set(st, b, 1, STORE_OUTCOME_CARRIED, NULL, &err),
		     STORE_EUSAGE);
	ok(store_brought_set(st, b, 1, STORE_OUTCOME_DROPPED, NULL, &err));
	content_free(small);
	content_free(m2);
}

Test(brought, merge_copies_them_with_the_carried_link)
{
	char prev[40], now[40], path[160];
	store *other;
	store_merge_result r;
	long long id;
	store_answers a;
	store_session s;

	snprintf(path, sizeof path, "%s/other.db", fx.dir);
	other = testutil_open(path);
	testutil_new_session(other, fx.matrix, "Prev", "Org", 1, 0, prev);
	ok(store_action_add(other, prev, row(0), "Carry me", "", "", NULL, &err));
	testutil_set_now(TESTUTIL_NOW + 9);
	testutil_new_session(other, fx.matrix, "Now", "Org", 1, 0, now);
	ok(store_brought_set(other, now, 0, STORE_OUTCOME_CARRIED, &id, &err));
	store_close(other);
	/* an action here first, so the merged ids move */
	session_at(TESTUTIL_NOW, "Local", "", prev);
	add(prev, 0, "local");
	add(prev, 0, "local 2");
	ok(store_merge(st, path, &r, &err));
	ok(store_session_find(st, "Now", &s, &err));
	load(s.id, &a);
	cr_assert_eq(a.n_brought, 1);
	cr_assert_eq(a.n_actions, 1);
	cr_assert_eq(a.brought[0].outcome, STORE_OUTCOME_CARRIED);
	cr_assert_eq(a.brought[0].carried, a.actions[0].id);
	store_answers_free(&a);
	store_session_clear(&s);
}

/* ------------------------------------------------------------ field merge */

static char here_path[160], there_path[160];

/* A copy made as a second facilitator gets one: merged into a new file. */
static store *copy_into(const char *from, const char *to)
{
	store *s = testutil_open(to);
	store_merge_result r;

	ok(store_merge(s, from, &r, &err));
	store_merge_result_free(&r);
	return s;
}

/* "Now" reviews three actions of "Prev"; a copy of the file goes to a
 * second facilitator; both mark outcomes apart, one of them the same
 * action differently (the copy later).  Returns the session's id. */
static void review_apart(char now[40], store **there)
{
	char prev[40];
	long long carried;
	store_answers a;

	session_at(TESTUTIL_NOW, "Prev", "Org", prev);
	add(prev, 0, "Rota");
	add(prev, 1, "Letter");
	add(prev, 2, "Survey");
	session_at(TESTUTIL_NOW + 9, "Now", "Org", now);
	snprintf(there_path, sizeof there_path, "%s/there.db", fx.dir);
	*there = copy_into(fx.path, there_path);
	testutil_set_now(TESTUTIL_NOW + 20);
	ok(store_brought_set(st, now, 0, STORE_OUTCOME_DONE, NULL, &err));
	testutil_set_now(TESTUTIL_NOW + 30);
	ok(store_brought_set(*there, now, 1, STORE_OUTCOME_CARRIED, &carried, &err));
	testutil_set_now(TESTUTIL_NOW + 40);
	ok(store_action_update(*there, now, carried, "Letter", "Dr Bea", "2027-01-31", 0,
			       &err));
	testutil_set_now(TESTUTIL_NOW + 50);
	ok(store_brought_set(st, now, 2, STORE_OUTCOME_DROPPED, NULL, &err));
	testutil_set_now(TESTUTIL_NOW + 60);
	ok(store_brought_set(*there, now, 2, STORE_OUTCOME_IN_PROGRESS, NULL, &err));
	load(now, &a);
	cr_assert_eq(a.n_actions, 0);
	store_answers_free(&a);
}

static void expect_combined(store *s, const char *now)
{
	store_answers a;

	ok(store_answers_load(s, now, &a, &err));
	cr_assert_eq(a.n_brought, 3);
	cr_assert_eq(a.brought[0].outcome, STORE_OUTCOME_DONE);
	cr_assert_eq(a.brought[1].outcome, STORE_OUTCOME_CARRIED);
	cr_assert_eq(a.brought[2].outcome, STORE_OUTCOME_IN_PROGRESS, "the later wins");
	cr_assert_eq(a.n_actions, 1, "the carried action once, its change with it");
	cr_assert_str_eq(a.actions[0].owner, "Dr Bea");
	cr_assert_eq(a.brought[1].carried, a.actions[0].id);
	store_answers_free(&a);
}

Test(brought, outcomes_marked_in_two_copies_merge_field_by_field_both_ways)
{
	char now[40];
	store *there, *again;
	store_merge_result r;

	review_apart(now, &there);
	store_close(there);
	/* the same two copies, merged the other way round */
	snprintf(here_path, sizeof here_path, "%s/here2.db", fx.dir);
	again = copy_into(fx.path, here_path);
	ok(store_merge(st, there_path, &r, &err));
	cr_assert_eq(r.n_conflicts, 1);
	cr_assert_not_null(strstr(r.conflicts[0].field, "'Survey'"), "%s",
			   r.conflicts[0].field);
	cr_assert_str_eq(r.conflicts[0].here, "dropped");
	cr_assert_str_eq(r.conflicts[0].there, "in progress");
	store_merge_result_free(&r);
	expect_combined(st, now);
	ok(store_merge(st, there_path, &r, &err));
	cr_assert_eq(r.n_conflicts, 0);
	store_merge_result_free(&r);
	expect_combined(st, now);
	store_close(again);
	again = testutil_open(there_path);
	ok(store_merge(again, here_path, &r, &err));
	cr_assert_eq(r.n_conflicts, 1);
	store_merge_result_free(&r);
	expect_combined(again, now);
	store_close(again);
}

Test(brought, undo_after_a_merge_never_reverts_the_other_copys_outcome)
{
	char now[40], what[200];
	store *there;
	store_merge_result r;
	store_answers a;
	int undone = 0;

	review_apart(now, &there);
	store_close(there);
	ok(store_merge(st, there_path, &r, &err));
	store_merge_result_free(&r);
	/* the facilitator here last marked 'Survey' dropped; the other copy's
	 * facilitator marked it in progress later: undo here says why not */
	cr_assert_eq(store_undo(st, now, &undone, what, sizeof what, &err), STORE_EDATA);
	cr_assert_not_null(strstr(err.message, "merged copy"), "%s", err.message);
	load(now, &a);
	cr_assert_eq(a.brought[2].outcome, STORE_OUTCOME_IN_PROGRESS);
	cr_assert_eq(a.brought[1].outcome, STORE_OUTCOME_CARRIED);
	store_answers_free(&a);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history WHERE"
					" kind IN ('brought', 'action') AND actor = -2"), 3);
}

Test(brought, each_rows_actions_are_found_by_the_row)
{
	char prev[40], now[40];
	store_answers a;
	size_t first = 0, n;

	session_at(TESTUTIL_NOW, "Prev", "Org", prev);
	add(prev, 2, "Third row, first");
	add(prev, 0, "First row");
	add(prev, 2, "Third row, second");
	session_at(TESTUTIL_NOW + 9, "Now", "Org", now);
	load(now, &a);
	n = store_answers_brought_of(&a, row(2), &first);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(a.brought[a.brought_by_row[first]].text, "Third row, first");
	cr_assert_str_eq(a.brought[a.brought_by_row[first + 1]].text, "Third row, second");
	cr_assert_eq(store_answers_brought_of(&a, row(0), &first), 1);
	cr_assert_str_eq(a.brought[a.brought_by_row[first]].text, "First row");
	cr_assert_eq(store_answers_brought_of(&a, row(1), &first), 0);
	store_answers_free(&a);
}

/* The first row of the matrix on the LGPO track only. */
static const char *lgpo_only(void)
{
	size_t i, j;

	for (i = 0; i < fx.matrix->n_sections; i++)
		for (j = 0; j < fx.matrix->sections[i].n_rows; j++)
			if (fx.matrix->sections[i].rows[j].tracks == CONTENT_TRACK_LGPO)
				return fx.matrix->sections[i].rows[j].id;
	cr_assert_fail("the built-in matrix has no LGPO-only row");
	return NULL;
}

Test(brought, a_change_of_type_says_again_which_rows_the_walk_reaches)
{
	char prev[40], now[40];
	store_answers a;

	session_at(TESTUTIL_NOW, "Prev", "Org", prev);
	ok(store_action_add(st, prev, lgpo_only(), "LGPO only", "", "", NULL, &err));
	session_at(TESTUTIL_NOW + 9, "Now", "Org", now);
	load(now, &a);
	cr_assert_eq(a.n_brought, 1);
	cr_assert_eq(a.brought[0].row_gone, 0);
	store_answers_free(&a);
	ok(store_session_set_track(st, now, CONTENT_TRACK_PCN, &err));
	load(now, &a);
	cr_assert_eq(a.brought[0].row_gone, 1, "the PCN walk never reaches the row");
	store_answers_free(&a);
	cr_assert_eq(store_brought_set(st, now, 0, STORE_OUTCOME_CARRIED, NULL, &err),
		     STORE_EUSAGE);
	ok(store_session_set_track(st, now, CONTENT_TRACK_LGPO, &err));
	load(now, &a);
	cr_assert_eq(a.brought[0].row_gone, 0, "and the LGPO walk does again");
	store_answers_free(&a);
}
