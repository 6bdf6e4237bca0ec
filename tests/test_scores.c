/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_scores.c - private scores given before the workshop: who may
 * score, the privacy rule, the lock when the walk opens a row, "before"
 * turning "during", undo per scorer, rows the matrix no longer has and
 * the upgrade of an older file. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "rowfacts.h"
#include "store.h"
#include "store_internal.h"
#include "testutil.h"

static testutil_scratch fx;
static store *st;
static store_error err;
static char sid[40];

static void setup(void)
{
	testutil_scratch_begin(&fx, "ns-scores");
	st = testutil_open(fx.path);
	testutil_new_session(st, fx.matrix, "Spring", "Elm PCN", 3, 0, sid);
}

static void teardown(void)
{
	store_close(st);
	testutil_scratch_end(&fx);
}

TestSuite(scores, .init = setup, .fini = teardown);

static void find(store_session *s)
{
	cr_assert_eq(store_session_find(st, sid, s, &err), 0, "%s", err.message);
}

/* Participant `p` scores row `i` at `vote`; the status. */
static int score(int p, size_t i, int vote)
{
	store_set_actor(st, p);
	return store_score_set(st, sid, testutil_row(fx.matrix, i), p, vote, &err);
}

static void load_row(size_t i, store_row_answer *r)
{
	int found;

	cr_assert_eq(store_answer_load_row(st, sid, testutil_row(fx.matrix, i), 3, r,
					   &found, &err), 0, "%s", err.message);
	cr_assert(found);
}

static void open_row(size_t i)
{
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_session_set_position(st, sid, fx.matrix->sections[0].id,
						testutil_row(fx.matrix, i), &err), 0,
		     "%s", err.message);
}

Test(scores, participant_matches_exactly_after_trimming)
{
	store_session s;
	int i;

	find(&s);
	cr_assert_eq(store_score_participant(&s, "  Birch Surgery\t", &i, &err), 0);
	cr_assert_eq(i, 1);
	cr_assert_eq(store_score_participant(&s, "birch surgery", &i, &err), STORE_ENOINPUT);
	cr_assert_eq(i, -1);
	cr_assert_not_null(strstr(err.message, "3 participants"), "%s", err.message);
	cr_assert_null(strstr(err.message, "Ash"), "names leaked: %s", err.message);
	cr_assert_eq(store_score_participant(&s, "", &i, &err), STORE_ENOINPUT);
	store_session_clear(&s);
}

Test(scores, only_the_scorer_scores_for_themselves)
{
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_score_set(st, sid, testutil_row(fx.matrix, 0), 0, 1, &err),
		     STORE_EUSAGE);
	store_set_actor(st, 1);
	cr_assert_eq(store_score_set(st, sid, testutil_row(fx.matrix, 0), 0, 1, &err),
		     STORE_EUSAGE);
}

Test(scores, scores_are_hidden_until_revealed)
{
	store_session s;
	store_row_answer r;
	rowfacts_spread sp;

	cr_assert_eq(score(0, 0, 1), 0, "%s", err.message);
	cr_assert_eq(score(1, 0, 2), 0, "%s", err.message);
	cr_assert_eq(score(2, 0, STORE_VOTE_DONT_KNOW), 0, "%s", err.message);
	find(&s);
	load_row(0, &r);
	cr_assert_eq(r.scored, 3);
	cr_assert(r.before[0] && r.before[1] && r.before[2]);
	cr_assert_str_eq(rowfacts_when_word(&r, 1), "before");
	cr_assert(rowfacts_ballot_hides(&s, &r), "an open ballot still hides scores");
	cr_assert(rowfacts_reveal_applies(&s, &r));
	rowfacts_spread_of(fx.matrix, &s, &r, 3, &sp);
	cr_assert(sp.hidden);
	cr_assert_eq(sp.total, 0, "no value counted while hidden");
	cr_assert_eq(sp.scored, 3);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM answers_v"
					" WHERE participant IS NOT NULL"), 0);
	store_row_answer_clear(&r);

	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_set_revealed(st, sid, testutil_row(fx.matrix, 0), 1, &err), 0);
	load_row(0, &r);
	cr_assert_not(rowfacts_ballot_hides(&s, &r));
	rowfacts_spread_of(fx.matrix, &s, &r, 3, &sp);
	cr_assert_eq(sp.total, 2);
	cr_assert_eq(sp.dont_know, 1);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM answers_v"
					" WHERE participant IS NOT NULL"), 3);
	store_row_answer_clear(&r);
	store_session_clear(&s);
}

Test(scores, history_never_says_the_value_of_a_score)
{
	store_change *list;
	size_t n, i;
	int seen = 0;
	char words[200];

	cr_assert_eq(score(0, 0, 2), 0, "%s", err.message);
	cr_assert_eq(store_history(st, sid, 0, &list, &n, &err), 0, "%s", err.message);
	for (i = 0; i < n; i++) {
		if (list[i].type != STORE_CHANGE_VOTE)
			continue;
		seen = 1;
		cr_assert(list[i].hidden);
		cr_assert_eq(list[i].actor, 0);
		cr_assert_null(strstr(list[i].summary, fx.matrix->stages[2].label),
			       "%s", list[i].summary);
		store_change_words(&list[i], words, sizeof words);
		cr_assert_null(strstr(words, fx.matrix->stages[2].label), "%s", words);
	}
	cr_assert(seen);
	store_history_free(list, n);
}

Test(scores, opening_the_row_locks_it_durably)
{
	store_row_answer r;

	cr_assert_eq(score(0, 0, 1), 0, "%s", err.message);
	cr_assert_eq(score(0, 0, 2), 0, "a score changes until the row opens: %s",
		     err.message);
	open_row(0);
	cr_assert_eq(score(0, 0, 0), STORE_EDATA);
	cr_assert_not_null(strstr(err.message, "locked"), "%s", err.message);
	/* the lock survives closing the file */
	store_close(st);
	st = testutil_open(fx.path);
	cr_assert_eq(score(0, 0, 0), STORE_EDATA);
	cr_assert_eq(score(0, 1, 0), 0, "a row not opened stays open: %s", err.message);
	load_row(0, &r);
	cr_assert_eq(r.votes[0], 2);
	cr_assert(r.before[0]);
	store_row_answer_clear(&r);
}

Test(scores, a_change_in_the_room_is_during_and_recorded)
{
	store_row_answer r;
	store_change *list;
	size_t n;

	cr_assert_eq(score(1, 0, 0), 0, "%s", err.message);
	open_row(0);
	store_set_actor(st, 1);     /* Birch at their own terminal (join) */
	cr_assert_eq(store_set_vote(st, sid, testutil_row(fx.matrix, 0), 1, 2, &err), 0,
		     "%s", err.message);
	load_row(0, &r);
	cr_assert_eq(r.votes[1], 2);
	cr_assert_not(r.before[1]);
	cr_assert_eq(r.scored, 0);
	cr_assert_str_eq(rowfacts_when_word(&r, 1), "during");
	store_row_answer_clear(&r);
	cr_assert_eq(store_history(st, sid, 0, &list, &n, &err), 0);
	cr_assert_eq(list[n - 1].type, STORE_CHANGE_VOTE);
	cr_assert_eq(list[n - 1].actor, 1);
	cr_assert_eq(list[n - 1].before.number, 0);
	cr_assert_eq(list[n - 1].after.number, 2);
	store_history_free(list, n);
}

Test(scores, undo_is_the_scorers_own_and_stops_at_the_opening)
{
	store_row_answer r;
	store_change c;
	int done;

	cr_assert_eq(score(0, 0, 1), 0, "%s", err.message);
	cr_assert_eq(score(1, 0, 2), 0, "%s", err.message);
	store_set_actor(st, 0);
	cr_assert_eq(store_undo_entry(st, sid, &c, &done, &err), 0, "%s", err.message);
	cr_assert(done);
	store_change_clear(&c);
	load_row(0, &r);
	cr_assert_eq(r.votes[0], STORE_VOTE_NONE, "Ash's own score is undone");
	cr_assert_eq(r.votes[1], 2, "Birch's score stays");
	store_row_answer_clear(&r);
	cr_assert_eq(store_redo_entry(st, sid, &c, &done, &err), 0, "%s", err.message);
	cr_assert(done);
	store_change_clear(&c);
	load_row(0, &r);
	cr_assert_eq(r.votes[0], 1);
	cr_assert(r.before[0], "a redone score is still one given before");
	store_row_answer_clear(&r);

	open_row(0);
	store_set_actor(st, 1);
	cr_assert_eq(store_undo_entry(st, sid, &c, &done, &err), STORE_EDATA);
	cr_assert_not_null(strstr(err.message, "opened"), "%s", err.message);
	load_row(0, &r);
	cr_assert_eq(r.votes[1], 2);
	store_row_answer_clear(&r);
}

Test(scores, progress_counts_rows_never_values_and_reports_gone_rows)
{
	store_session s;
	store_answers a;
	rowfacts_progress pr;
	char *text;
	int total = (int)content_count_rows(fx.matrix, CONTENT_TRACK_LGPO);

	cr_assert_eq(score(0, 0, 1), 0, "%s", err.message);
	cr_assert_eq(score(0, 1, 2), 0, "%s", err.message);
	cr_assert_eq(score(2, 0, 0), 0, "%s", err.message);
	/* a row id this matrix does not have: kept, counted apart */
	store_set_actor(st, 2);
	cr_assert_eq(store_score_set(st, sid, "row-from-an-older-matrix", 2, 1, &err), 0,
		     "%s", err.message);
	find(&s);
	cr_assert_eq(store_answers_load(st, sid, &a, &err), 0);
	rowfacts_score_progress(fx.matrix, &s, &a, &pr);
	cr_assert_eq(pr.rows[0], 2);
	cr_assert_eq(pr.rows[1], 0);
	cr_assert_eq(pr.rows[2], 1);
	cr_assert_eq(pr.scorers, 2);
	cr_assert_eq(pr.votes_before, 4);
	cr_assert_eq(pr.gone, 1);
	text = rowfacts_progress_text(&pr, &s);
	{
		char want[128];

		snprintf(want, sizeof want, "Ash Practice 2/%d, Cedar MC 1/%d", total, total);
		cr_assert_str_eq(text, want);
	}
	free(text);
	rowfacts_progress_free(&pr);
	store_answers_free(&a);
	store_session_clear(&s);
}

Test(scores, older_file_upgrades_with_votes_during_and_rows_opened)
{
	store *old;
	char oid[40], sql[1024];
	const char *row0 = testutil_row(fx.matrix, 0);
	const char *row1 = testutil_row(fx.matrix, 1);

	store_close(st);
	st = NULL;
	remove(fx.path);
	/* version 11: the last before private scores (migrations never change) */
	old = store_open_at_version(fx.path, STORE_OPEN_CREATE, 11,
				    &err);
	cr_assert_not_null(old, "%s", err.message);
	testutil_new_session(old, fx.matrix, "Old", "", 3, 0, oid);
	/* written as the previous version's code did: this code knows the
	 * new columns only */
	snprintf(sql, sizeof sql,
		 "INSERT INTO answers (session, row_id, updated) VALUES ('%s', '%s', 1);"
		 "INSERT INTO votes (session, row_id, participant, vote)"
		 " VALUES ('%s', '%s', 0, 1);"
		 "UPDATE sessions SET current_row = '%s' WHERE id = '%s';",
		 oid, row0, oid, row0, row1, oid);
	cr_assert_eq(sqlite3_exec(store_db(old), sql, NULL, NULL, NULL), SQLITE_OK,
		     "%s", sqlite3_errmsg(store_db(old)));
	store_close(old);
	st = testutil_open(fx.path);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM votes"
					" WHERE given_before = 0"), 1);
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM rows_opened"), 2);
	store_set_actor(st, 0);
	cr_assert_eq(store_score_set(st, oid, row0, 0, 2, &err), STORE_EDATA,
		     "a row answered before the upgrade was opened in the room");
	cr_assert_eq(testutil_query_int(st, "SELECT count(*) FROM answers_v"
					" WHERE participant IS NOT NULL"), 1);
}

Test(scores, merge_keeps_scores_and_opened_rows)
{
	char other_path[160], oid[40];
	store *other;
	store_merge_result res;
	store_row_answer r;

	snprintf(other_path, sizeof other_path, "%s/other.db", fx.dir);
	other = testutil_open(other_path);
	testutil_new_session(other, fx.matrix, "Elsewhere", "", 3, 0, oid);
	store_set_actor(other, 1);
	cr_assert_eq(store_score_set(other, oid, testutil_row(fx.matrix, 0), 1, 2, &err), 0,
		     "%s", err.message);
	cr_assert_eq(store_score_set(other, oid, testutil_row(fx.matrix, 1), 1, 0, &err), 0,
		     "%s", err.message);
	store_set_actor(other, STORE_FACILITATOR);
	cr_assert_eq(store_session_set_position(other, oid, fx.matrix->sections[0].id,
						testutil_row(fx.matrix, 0), &err), 0);
	store_close(other);

	cr_assert_eq(store_merge(st, other_path, &res, &err), 0, "%s", err.message);
	cr_assert_eq(res.added, 1);
	memcpy(sid, oid, sizeof sid);
	load_row(0, &r);
	cr_assert_eq(r.votes[1], 2);
	cr_assert(r.before[1], "the merged vote is still a score given before");
	store_row_answer_clear(&r);
	cr_assert_eq(score(1, 0, 1), STORE_EDATA, "the opened row stays locked");
	cr_assert_eq(score(1, 1, 1), 0, "a row not opened stays open: %s", err.message);
	/* the undo of the score made before the opening stays refused */
	store_set_actor(st, 1);
	{
		store_change c;
		int done;

		cr_assert_eq(store_undo_entry(st, sid, &c, &done, &err), 0, "%s", err.message);
		store_change_clear(&c);
		cr_assert_eq(store_undo_entry(st, sid, &c, &done, &err), 0,
			     "the score on the unopened row: %s", err.message);
		store_change_clear(&c);
		cr_assert_eq(store_undo_entry(st, sid, &c, &done, &err), STORE_EDATA,
			     "the score on the opened row is locked");
	}
}

Test(scores, merging_two_copies_keeps_scores_before_and_opened_rows)
{
	char other_path[160];
	store *other;
	store_merge_result res;
	store_row_answer r;

	snprintf(other_path, sizeof other_path, "%s/copy.db", fx.dir);
	other = testutil_open(other_path);
	cr_assert_eq(store_merge(other, fx.path, &res, &err), 0, "%s", err.message);
	store_set_actor(other, 2);
	cr_assert_eq(store_score_set(other, sid, testutil_row(fx.matrix, 1), 2, 1, &err), 0,
		     "%s", err.message);
	store_set_actor(other, STORE_FACILITATOR);
	cr_assert_eq(store_session_set_position(other, sid, fx.matrix->sections[0].id,
						testutil_row(fx.matrix, 0), &err), 0);
	store_close(other);

	cr_assert_eq(store_merge(st, other_path, &res, &err), 0, "%s", err.message);
	load_row(1, &r);
	cr_assert_eq(r.votes[2], 1);
	cr_assert(r.before[2], "the score from the other copy is one given before");
	store_row_answer_clear(&r);
	cr_assert_eq(score(0, 0, 1), STORE_EDATA, "the row the other walk opened is locked");
	cr_assert_eq(score(0, 1, 1), 0, "%s", err.message);
}

Test(scores, reveal_all_shows_every_scored_row_and_undoes_a_row_at_a_time)
{
	store_session s;
	store_row_answer r;
	store_change c;
	int n, done;

	cr_assert_eq(score(0, 0, 1), 0, "%s", err.message);
	cr_assert_eq(score(1, 1, 2), 0, "%s", err.message);
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_reveal_all(st, sid, &n, &err), 0, "%s", err.message);
	cr_assert_eq(n, 2);
	find(&s);
	load_row(0, &r);
	cr_assert_not(rowfacts_ballot_hides(&s, &r));
	store_row_answer_clear(&r);
	cr_assert_eq(store_reveal_all(st, sid, &n, &err), 0);
	cr_assert_eq(n, 0, "nothing left to reveal records nothing");
	cr_assert_eq(store_undo_entry(st, sid, &c, &done, &err), 0, "%s", err.message);
	cr_assert(done);
	store_change_clear(&c);
	/* one row is hidden again, the other stays revealed */
	load_row(0, &r);
	n = rowfacts_ballot_hides(&s, &r);
	store_row_answer_clear(&r);
	load_row(1, &r);
	n += rowfacts_ballot_hides(&s, &r);
	store_row_answer_clear(&r);
	cr_assert_eq(n, 1, "undo takes back one row's reveal");
	store_session_clear(&s);
}
