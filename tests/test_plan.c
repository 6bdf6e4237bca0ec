/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_plan.c - the pacing plan every front end and report shares: set
 * minutes are kept, the rest is shared by rows, and the figures add up. */
#include <criterion/criterion.h>
#include <string.h>

#include "plan.h"

/* Each section's planned seconds for `rows` and `set` (n sections). */
static void plan_all(int total, const size_t *rows, const int *set, size_t n,
		     long long *out)
{
	plan p;
	size_t i;

	plan_begin(&p, total);
	for (i = 0; i < n; i++)
		plan_add(&p, rows[i], set[i]);
	for (i = 0; i < n; i++)
		out[i] = plan_section_seconds(&p, rows[i], set[i]);
}

static long long sum(const long long *v, size_t n)
{
	long long s = 0;

	while (n--)
		s += v[n];
	return s;
}

Test(plan, without_set_minutes_each_section_has_its_share_of_rows)
{
	static const size_t rows[] = { 3, 6, 0, 9 };
	static const int set[] = { 0, 0, 0, 0 };
	long long out[4];

	plan_all(90, rows, set, 4, out);
	cr_assert_eq(out[0], 900);
	cr_assert_eq(out[1], 1800);
	cr_assert_eq(out[2], 0, "a section with no rows that apply gets nothing");
	cr_assert_eq(out[3], 2700);
	cr_assert_eq(sum(out, 4), 5400);
}

Test(plan, set_minutes_are_kept_and_the_rest_is_shared_by_rows)
{
	static const size_t rows[] = { 3, 6, 9 };
	static const int set[] = { 0, 30, 0 };
	long long out[3];

	plan_all(90, rows, set, 3, out);
	cr_assert_eq(out[1], 1800, "the set section has its 30 minutes");
	/* 60 minutes left for 12 rows: 3 rows get 15, 9 rows 45 */
	cr_assert_eq(out[0], 900);
	cr_assert_eq(out[2], 2700);
	cr_assert_eq(sum(out, 3), 5400, "the plans add up to the workshop");
}

Test(plan, shares_round_down_and_never_exceed_the_length)
{
	static const size_t rows[] = { 1, 1, 1 };
	static const int set[] = { 0, 0, 7 };
	long long out[3];
	plan p;

	plan_all(20, rows, set, 3, out);
	cr_assert_eq(out[2], 420);
	/* 13 minutes = 780 s between two rows */
	cr_assert_eq(out[0], 390);
	cr_assert_eq(out[1], 390);
	cr_assert_leq(sum(out, 3), 1200);
	plan_begin(&p, 20);
	plan_add(&p, 1, 0);
	plan_add(&p, 2, 0);
	cr_assert_eq(plan_section_seconds(&p, 1, 0) + plan_section_seconds(&p, 2, 0), 1200);
}

Test(plan, set_minutes_beyond_the_length_leave_the_others_nothing)
{
	static const size_t rows[] = { 4, 4, 4 };
	static const int set[] = { 60, 0, 45 };
	long long out[3];
	plan p;

	plan_all(90, rows, set, 3, out);
	cr_assert_eq(out[0], 3600);
	cr_assert_eq(out[1], 0);
	cr_assert_eq(out[2], 2700);
	plan_begin(&p, 90);
	plan_add(&p, 4, 60);
	plan_add(&p, 4, 45);
	cr_assert_eq(plan_shared_seconds(&p), 0);
}

Test(plan, every_section_set_and_none_shared)
{
	static const size_t rows[] = { 2, 5 };
	static const int set[] = { 10, 20 };
	long long out[2];

	plan_all(90, rows, set, 2, out);
	cr_assert_eq(out[0], 600);
	cr_assert_eq(out[1], 1200);
}

Test(plan, set_minutes_are_found_by_section_id)
{
	store_section_time times[] = {
		{ .section_id = (char *)"alpha", .seconds = 60, .planned_minutes = 0 },
		{ .section_id = (char *)"beta", .seconds = 0, .planned_minutes = 25 },
	};
	store_answers a;

	memset(&a, 0, sizeof a);
	a.times = times;
	a.n_times = 2;
	cr_assert_eq(plan_set_minutes(&a, "alpha"), 0);
	cr_assert_eq(plan_set_minutes(&a, "beta"), 25);
	cr_assert_eq(plan_set_minutes(&a, "gamma"), 0);
	cr_assert_eq(plan_set_minutes(NULL, "beta"), 0);
}
