/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* testutil.c - see testutil.h. */
#include "testutil.h"

#include <criterion/criterion.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "store_internal.h"

void testutil_scratch_begin(testutil_scratch *fx, const char *prefix)
{
	testutil_dir_make(fx->dir, sizeof fx->dir, prefix);
	snprintf(fx->path, sizeof fx->path, "%s/ns.db", fx->dir);
	fx->matrix = testutil_builtin();
	testutil_set_now(TESTUTIL_NOW);
	unsetenv("NEXTSTEPS_BUSY_TIMEOUT");
}

void testutil_scratch_end(testutil_scratch *fx)
{
	content_free(fx->matrix);
	fx->matrix = NULL;
	testutil_dir_remove(fx->dir);
}

void testutil_dir_make(char *dir, size_t size, const char *prefix)
{
	cr_assert(size >= 64);
	snprintf(dir, size, "/tmp/%.40s-XXXXXX", prefix);
	cr_assert_not_null(mkdtemp(dir), "cannot make a folder under /tmp");
}

static int remove_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)f;
	if (flag == FTW_DP || flag == FTW_D)
		chmod(p, 0700);
	return remove(p);
}

void testutil_dir_remove(const char *dir)
{
	if (*dir) {
		chmod(dir, 0700);
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	}
}

content_matrix *testutil_builtin(void)
{
	content_error err;
	content_matrix *m = content_load_builtin(&err);

	cr_assert_not_null(m, "%s", err.message);
	return m;
}

void testutil_set_now(long long t)
{
	char s[32];

	snprintf(s, sizeof s, "%lld", t);
	setenv("NEXTSTEPS_NOW", s, 1);
}

store *testutil_open(const char *path)
{
	store_error err;
	store *s = store_open(path, STORE_OPEN_CREATE, &err);

	cr_assert_not_null(s, "%s", err.message);
	return s;
}

void testutil_new_session(store *s, const content_matrix *m, const char *name,
			  const char *org, size_t n_people, int secret, char id[40])
{
	static const char *const people[] = { "Ash Practice", "Birch Surgery", "Cedar MC" };
	store_new_session spec = { name, org, "Fay", CONTENT_TRACK_LGPO, people,
				   n_people, secret, 0, 0 };
	store_error err;

	cr_assert_leq(n_people, 3);
	cr_assert_eq(store_session_create(s, &spec, m, id, &err), 0, "%s", err.message);
}

long long testutil_query_int(store *s, const char *sql)
{
	sqlite3_stmt *stmt;
	long long v = -1;

	cr_assert_eq(sqlite3_prepare_v2(store_db(s), sql, -1, &stmt, NULL), SQLITE_OK,
		     "%s", sqlite3_errmsg(store_db(s)));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

const char *testutil_row(const content_matrix *m, size_t i)
{
	size_t s, k = 0;

	for (s = 0; s < m->n_sections; s++) {
		if (i < k + m->sections[s].n_rows)
			return m->sections[s].rows[i - k].id;
		k += m->sections[s].n_rows;
	}
	return "no-such-row";
}
