/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_setup.c - the set-up changes that reach the answers: a type change
 * hides the answers of rows outside the new type from every reader and
 * gives them back when the type changes back; removing a participant
 * keeps everyone else's votes theirs, and undo puts the removed one and
 * their votes back. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "content.h"
#include "store.h"
#include "store_internal.h"
#include "testutil.h"

static testutil_scratch fx;
static store *st;
static store_error err;
static char id[40];

static void setup(void)
{
	testutil_scratch_begin(&fx, "ns-setup");
	st = testutil_open(fx.path);
	testutil_new_session(st, fx.matrix, "Setup", "Org", 3, 0, id);
}

static void teardown(void)
{
	store_close(st);
	testutil_scratch_end(&fx);
}

TestSuite(setup, .init = setup, .fini = teardown);

/* The first row of the matrix whose tracks are exactly `tracks`. */
static const char *only_on(unsigned tracks)
{
	size_t i, j;

	for (i = 0; i < fx.matrix->n_sections; i++)
		for (j = 0; j < fx.matrix->sections[i].n_rows; j++)
			if (fx.matrix->sections[i].rows[j].tracks == tracks)
				return fx.matrix->sections[i].rows[j].id;
	cr_assert_fail("the built-in matrix has no row for tracks %u", tracks);
	return NULL;
}

/* A row on both tracks. */
static const char *on_both(void)
{
	return only_on(CONTENT_TRACK_BOTH);
}

static void find(store_session *s)
{
	cr_assert_eq(store_session_find(st, id, s, &err), 0, "%s", err.message);
}

/* Undoes the latest change, which the history words as `want` (NULL:
 * not checked). */
static void undo_says(const char *want)
{
	store_change c;
	char words[200];
	int undone = 0;

	cr_assert_eq(store_undo_entry(st, id, &c, &undone, &err), 0, "%s", err.message);
	cr_assert_eq(undone, 1);
	store_change_words(&c, words, sizeof words);
	if (want)
		cr_assert_str_eq(words, want);
	store_change_clear(&c);
}

static void undo(void)
{
	undo_says(NULL);
}

static void redo(void)
{
	store_change c;
	int redone = 0;

	cr_assert_eq(store_redo_entry(st, id, &c, &redone, &err), 0, "%s", err.message);
	cr_assert_eq(redone, 1);
	store_change_clear(&c);
}

/* ------------------------------------------------------------ the type */

Test(setup, type_change_hides_answers_and_gives_them_back)
{
	const char *lgpo = only_on(CONTENT_TRACK_LGPO), *both = on_both();
	size_t lgpo_rows = content_count_rows(fx.matrix, CONTENT_TRACK_LGPO);
	size_t pcn_rows = content_count_rows(fx.matrix, CONTENT_TRACK_PCN);
	store_session s;
	store_answers a;
	long long action;

	cr_assert_neq(lgpo_rows, pcn_rows);
	cr_assert_eq(store_set_agreed(st, id, lgpo, STORE_ROW_AGREED, 1, &err), 0);
	cr_assert_eq(store_set_vote(st, id, lgpo, 0, 2, &err), 0);
	cr_assert_eq(store_set_note(st, id, lgpo, "kept", &err), 0);
	cr_assert_eq(store_action_add(st, id, lgpo, "Do it", "", "", &action, &err), 0);
	cr_assert_eq(store_set_agreed(st, id, both, STORE_ROW_NOT_APPLICABLE, -1, &err), 0);
	find(&s);
	cr_assert_eq(s.rows_answered, 2);
	store_session_clear(&s);

	cr_assert_eq(store_session_set_track(st, id, 0, &err), STORE_EUSAGE);
	cr_assert_eq(store_session_set_track(st, id, CONTENT_TRACK_PCN, &err), 0, "%s",
		     err.message);
	find(&s);
	cr_assert_eq(s.track, CONTENT_TRACK_PCN);
	cr_assert_eq(s.rows_total, (int)pcn_rows);
	cr_assert_eq(s.rows_answered, 1, "the hidden row is not counted");
	store_session_clear(&s);
	cr_assert_eq(store_answers_load(st, id, &a, &err), 0, "%s", err.message);
	cr_assert_null(store_answers_row(&a, lgpo), "the hidden row's answer is not read");
	cr_assert_not_null(store_answers_row(&a, both));
	cr_assert_eq(a.n_actions, 0, "the hidden row's action is not read");
	store_answers_free(&a);
	/* the views leave it out too, and the file still holds it */
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM answers_v"), 1);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM actions_v"), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT agreed FROM sessions_v"), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM answers"), 2);
	/* changing a hidden row's state is not counted either */
	cr_assert_eq(store_write_agreed(st, id, lgpo, STORE_ROW_OPEN, -1, 1, &err), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT rows_answered FROM sessions"), 1);
	cr_assert_eq(store_write_agreed(st, id, lgpo, STORE_ROW_AGREED, 1, 1, &err), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT rows_answered FROM sessions"), 1);

	/* back to LGPO: everything returns */
	cr_assert_eq(store_session_set_track(st, id, CONTENT_TRACK_LGPO, &err), 0);
	find(&s);
	cr_assert_eq(s.rows_total, (int)lgpo_rows);
	cr_assert_eq(s.rows_answered, 2);
	store_session_clear(&s);
	cr_assert_eq(store_answers_load(st, id, &a, &err), 0, "%s", err.message);
	cr_assert_not_null(store_answers_row(&a, lgpo));
	cr_assert_eq(store_answers_row(&a, lgpo)->stage, 1);
	cr_assert_eq(store_answers_row(&a, lgpo)->votes[0], 2);
	cr_assert_str_eq(store_answers_row(&a, lgpo)->note, "kept");
	cr_assert_eq(a.n_actions, 1);
	store_answers_free(&a);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM answers_v"), 3);
}

/* Revealing every ballot reveals the rows the room can see: a row the
 * type hides comes back as it was left, its votes still hidden. */
Test(setup, reveal_all_leaves_the_hidden_rows_alone)
{
	const char *lgpo = only_on(CONTENT_TRACK_LGPO), *both = on_both();
	store_answers a;
	int n = 0;

	cr_assert_eq(store_session_set_secret(st, id, 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_vote(st, id, lgpo, 0, 2, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_vote(st, id, both, 0, 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_session_set_track(st, id, CONTENT_TRACK_PCN, &err), 0);
	cr_assert_eq(store_reveal_all(st, id, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 1, "only the row on screen is revealed");
	cr_assert_eq(store_session_set_track(st, id, CONTENT_TRACK_LGPO, &err), 0);
	cr_assert_eq(store_answers_load(st, id, &a, &err), 0, "%s", err.message);
	cr_assert_eq(store_answers_row(&a, both)->revealed, 1);
	cr_assert_eq(store_answers_row(&a, lgpo)->revealed, 0);
	store_answers_free(&a);
}

Test(setup, type_change_is_one_undoable_entry)
{
	const char *lgpo = only_on(CONTENT_TRACK_LGPO);
	long long before = testutil_query_int(st, "SELECT count(*) FROM history");
	store_session s;

	cr_assert_eq(store_set_agreed(st, id, lgpo, STORE_ROW_AGREED, 0, &err), 0);
	cr_assert_eq(store_session_set_track(st, id, CONTENT_TRACK_PCN, &err), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), before + 2);
	/* the same type again records nothing */
	cr_assert_eq(store_session_set_track(st, id, CONTENT_TRACK_PCN, &err), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM history"), before + 2);
	undo_says("changed the type to PCN");
	find(&s);
	cr_assert_eq(s.track, CONTENT_TRACK_LGPO);
	cr_assert_eq(s.rows_answered, 1);
	store_session_clear(&s);
	redo();
	find(&s);
	cr_assert_eq(s.track, CONTENT_TRACK_PCN);
	cr_assert_eq(s.rows_answered, 0);
	store_session_clear(&s);
}

/* ------------------------------------------------------------ removing */

static int vote_of(int index, const char *row)
{
	store_answers a;
	const store_row_answer *r;
	int v;

	cr_assert_eq(store_answers_load(st, id, &a, &err), 0, "%s", err.message);
	r = store_answers_row(&a, row);
	v = r ? r->votes[index] : STORE_VOTE_NONE;
	store_answers_free(&a);
	return v;
}

Test(setup, removing_needs_force_when_they_voted)
{
	const char *r0 = testutil_row(fx.matrix, 0), *r1 = testutil_row(fx.matrix, 1);
	int votes = -1;

	cr_assert_eq(store_set_vote(st, id, r0, 0, 0, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r0, 1, 1, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r1, 1, STORE_VOTE_DONT_KNOW, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r0, 2, 2, &err), 0);
	cr_assert_eq(store_participant_votes(st, id, "Birch Surgery", &votes, &err), 0);
	cr_assert_eq(votes, 2);
	cr_assert_eq(store_participant_remove(st, id, "Nobody", 1, &votes, &err),
		     STORE_ENOINPUT);
	cr_assert_eq(store_participant_remove(st, id, "Birch Surgery", 0, &votes, &err),
		     STORE_EDATA);
	cr_assert_eq(votes, 2);
	cr_assert(strstr(err.message, "2 votes"), "%s", err.message);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM participants"), 3,
		     "refused: nothing changed");
	cr_assert_eq(store_participant_remove(st, id, "Birch Surgery", 1, &votes, &err), 0,
		     "%s", err.message);
	cr_assert_eq(votes, 2);
}

Test(setup, removing_keeps_the_others_votes_and_undo_gives_them_back)
{
	const char *r0 = testutil_row(fx.matrix, 0), *r1 = testutil_row(fx.matrix, 1);
	store_session s;
	int index = -1;

	cr_assert_eq(store_set_vote(st, id, r0, 0, 0, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r0, 1, 1, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r1, 1, 2, &err), 0);
	cr_assert_eq(store_set_vote(st, id, r0, 2, 2, &err), 0);
	cr_assert_eq(store_participant_remove(st, id, "Birch Surgery", 1, NULL, &err), 0);
	find(&s);
	cr_assert_eq(s.n_participants, 2);
	cr_assert_str_eq(s.participants[1], "Cedar MC");
	store_session_clear(&s);
	cr_assert_eq(vote_of(0, r0), 0);
	cr_assert_eq(vote_of(1, r0), 2, "Cedar keeps her vote, now second in the list");
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM answers_v"
					" WHERE participant = 'Cedar MC' AND stage_number = 3"), 1);
	/* a vote given now by index goes to the right person */
	cr_assert_eq(store_set_vote(st, id, r1, 1, 0, &err), 0);
	cr_assert_eq(testutil_query_int(st, "SELECT participant FROM votes"
					" WHERE vote = 0 AND participant <> 0"), 2);
	cr_assert_eq(store_set_vote(st, id, r1, 1, STORE_VOTE_NONE, &err), 0);
	/* a new participant never takes the removed one's place */
	cr_assert_eq(store_participant_add(st, id, "Dale", &index, &err), 0);
	cr_assert_eq(index, 2);
	cr_assert_eq(testutil_query_int(st, "SELECT position FROM participants"
					" WHERE name = 'Dale'"), 3);
	undo();	/* the vote withdrawn */
	undo();	/* the vote */
	cr_assert_eq(store_participant_add(st, id, "Dale", &index, &err), 0);
	cr_assert_eq(index, 2, "the same name is the same person");

	undo_says("removed participant 'Birch Surgery'");	/* the join is not undone */
	find(&s);
	cr_assert_eq(s.n_participants, 4);
	cr_assert_str_eq(s.participants[1], "Birch Surgery");
	cr_assert_str_eq(s.participants[2], "Cedar MC");
	store_session_clear(&s);
	cr_assert_eq(vote_of(1, r0), 1, "Birch's votes are back");
	cr_assert_eq(vote_of(1, r1), 2);
	cr_assert_eq(vote_of(2, r0), 2, "Cedar's are still hers");
	cr_assert_eq(vote_of(0, r0), 0);
	/* and redo removes them again */
	redo();
	cr_assert_eq(vote_of(1, r0), 2);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM votes"
					" WHERE participant = 1"), 0);
}

Test(setup, undo_by_a_joiner_after_someone_before_them_left)
{
	const char *r0 = testutil_row(fx.matrix, 0);
	store_change c;
	int undone = 0, author = -1;

	/* Cedar (index 2) votes from her own terminal */
	store_set_actor(st, 2);
	cr_assert_eq(store_set_vote(st, id, r0, 2, 1, &err), 0, "%s", err.message);
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_participant_remove(st, id, "Ash Practice", 1, NULL, &err), 0);
	cr_assert_eq(store_vote_author(st, id, r0, 1, &author, &err), 0);
	cr_assert_eq(author, 1, "the author is Cedar, now at index 1");
	/* Cedar, now index 1, undoes her own vote */
	store_set_actor(st, 1);
	cr_assert_eq(store_undo_entry(st, id, &c, &undone, &err), 0, "%s", err.message);
	cr_assert_eq(undone, 1);
	store_change_clear(&c);
	cr_assert_eq(vote_of(1, r0), STORE_VOTE_NONE);
}

Test(setup, undoing_a_removed_participants_vote_is_refused)
{
	const char *r0 = testutil_row(fx.matrix, 0);
	store_change c;
	int undone = 0;

	store_set_actor(st, 1);
	cr_assert_eq(store_set_vote(st, id, r0, 1, 1, &err), 0);
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_participant_remove(st, id, "Birch Surgery", 1, NULL, &err), 0);
	/* Birch's own terminal still holds index 1, which is now Cedar: the
	 * history knows her vote was Birch's and refuses to put it back on
	 * Cedar */
	store_set_actor(st, 1);
	cr_assert_eq(store_undo_entry(st, id, &c, &undone, &err), 0, "%s", err.message);
	cr_assert_eq(undone, 0, "Cedar has nothing of her own to undo");
	store_change_clear(&c);
}

/* ------------------------------------------------------------ migration */

Test(setup, a_file_of_the_previous_version_keeps_its_counts)
{
	char path[200];
	store *old;
	char oid[40];

	snprintf(path, sizeof path, "%s/old.db", fx.dir);
	old = store_open_at_version(path, STORE_OPEN_CREATE, store_schema_latest() - 1,
				    &err);
	cr_assert_not_null(old, "%s", err.message);
	testutil_new_session(old, fx.matrix, "Old", "", 2, 0, oid);
	cr_assert_eq(store_set_agreed(old, oid, testutil_row(fx.matrix, 0),
				      STORE_ROW_AGREED, 0, &err), 0, "%s", err.message);
	store_close(old);
	old = testutil_open(path);
	cr_assert_eq(testutil_query_int(old, "SELECT rows_answered FROM sessions"), 1);
	cr_assert_eq(testutil_query_int(old, "SELECT count(*) FROM hidden_rows"), 0);
	cr_assert_eq(store_set_agreed(old, oid, testutil_row(fx.matrix, 1),
				      STORE_ROW_AGREED, 0, &err), 0, "%s", err.message);
	cr_assert_eq(testutil_query_int(old, "SELECT rows_answered FROM sessions"), 2);
	cr_assert_eq(testutil_query_int(old, "SELECT count(*) FROM answers_v"), 2);
	store_close(old);
}

/* ------------------------------------------------------------ merging */

Test(setup, a_merged_session_keeps_its_hidden_rows)
{
	const char *lgpo = only_on(CONTENT_TRACK_LGPO), *both = on_both();
	store_merge_result res;
	char path[200], oid[40];
	store_session s;
	store *other;

	snprintf(path, sizeof path, "%s/other.db", fx.dir);
	other = testutil_open(path);
	testutil_new_session(other, fx.matrix, "Elsewhere", "Org B", 2, 0, oid);
	cr_assert_eq(store_set_agreed(other, oid, lgpo, STORE_ROW_AGREED, 0, &err), 0);
	cr_assert_eq(store_set_agreed(other, oid, both, STORE_ROW_AGREED, 1, &err), 0);
	cr_assert_eq(store_session_set_track(other, oid, CONTENT_TRACK_PCN, &err), 0);
	store_close(other);
	cr_assert_eq(store_merge(st, path, &res, &err), 0, "%s", err.message);
	cr_assert_eq(res.added, 1);
	cr_assert_eq(store_session_find(st, oid, &s, &err), 0, "%s", err.message);
	cr_assert_eq(s.rows_answered, 1, "the hidden row is not counted here either");
	store_session_clear(&s);
	cr_assert_eq(store_session_set_track(st, oid, CONTENT_TRACK_LGPO, &err), 0);
	cr_assert_eq(store_session_find(st, oid, &s, &err), 0, "%s", err.message);
	cr_assert_eq(s.rows_answered, 2, "and it comes back after the merge");
	store_session_clear(&s);
}

Test(setup, merging_copies_carries_a_type_change_and_a_removal)
{
	const char *lgpo = only_on(CONTENT_TRACK_LGPO), *r0 = testutil_row(fx.matrix, 0);
	store_merge_result res;
	store_session s;
	char path[200];
	store *b;

	cr_assert_eq(store_set_vote(st, id, r0, 1, 1, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_agreed(st, id, lgpo, STORE_ROW_AGREED, 0, &err), 0);
	snprintf(path, sizeof path, "%s/b.db", fx.dir);
	b = testutil_open(path);
	cr_assert_eq(store_merge(b, fx.path, &res, &err), 0, "%s", err.message);
	testutil_set_now(TESTUTIL_NOW + 60);
	cr_assert_eq(store_participant_remove(b, id, "Birch Surgery", 1, NULL, &err), 0,
		     "%s", err.message);
	cr_assert_eq(store_session_set_track(b, id, CONTENT_TRACK_PCN, &err), 0);
	store_close(b);
	testutil_set_now(TESTUTIL_NOW + 120);
	cr_assert_eq(store_set_vote(st, id, r0, 2, 0, &err), 0, "%s", err.message);
	cr_assert_eq(store_merge(st, path, &res, &err), 0, "%s", err.message);
	find(&s);
	cr_assert_eq(s.track, CONTENT_TRACK_PCN, "the other copy's type arrives");
	cr_assert_eq(s.rows_answered, 0, "the LGPO row is hidden here too");
	cr_assert_eq(s.n_participants, 2, "the other copy's removal arrives");
	cr_assert_str_eq(s.participants[1], "Cedar MC");
	store_session_clear(&s);
	cr_assert_eq(vote_of(1, r0), 0, "Cedar's vote made here stays hers");
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM votes"
					" WHERE participant = 1"), 0);
}
