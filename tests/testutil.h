/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* testutil.h - what the store, merge, live, crash and report tests share:
 * a private folder per test, a scratch store in it, the built-in matrix,
 * sessions made in one call and one-number queries. */
#ifndef NEXTSTEPS_TESTUTIL_H
#define NEXTSTEPS_TESTUTIL_H

#include <stddef.h>

#include "content.h"
#include "store.h"

/* "Now" for every scratch store: 2026-01-01 00:00 UTC. */
#define TESTUTIL_NOW 1767225600LL

/* One test's scratch: a fresh folder, the path of "ns.db" in it and the
 * built-in matrix. */
typedef struct testutil_scratch {
	char dir[64];
	char path[128];
	content_matrix *matrix;
} testutil_scratch;

/* Makes the folder /tmp/PREFIX-XXXXXX, loads the built-in matrix, pins the
 * clock to TESTUTIL_NOW and clears NEXTSTEPS_BUSY_TIMEOUT, so each test
 * starts alike; the test fails if any of it cannot be done. */
void testutil_scratch_begin(testutil_scratch *fx, const char *prefix);
/* Frees the matrix and removes the folder with everything in it. */
void testutil_scratch_end(testutil_scratch *fx);

/* Makes a fresh folder /tmp/PREFIX-XXXXXX and writes its path into dir
 * (at least 64 bytes); the test fails if it cannot. */
void testutil_dir_make(char *dir, size_t size, const char *prefix);
/* Removes the folder and everything below it (it may be read-only). */
void testutil_dir_remove(const char *dir);
/* The built-in matrix; the test fails if it does not load. */
content_matrix *testutil_builtin(void);

/* Sets NEXTSTEPS_NOW, the store's clock, to `t` Unix seconds. */
void testutil_set_now(long long t);

/* Opens (creating it if need be) the store at `path`; the test fails if it
 * cannot. */
store *testutil_open(const char *path);
/* Creates a session of `m` on the LGPO track, facilitated by "Fay", with
 * the first n_people (at most 3) of "Ash Practice", "Birch Surgery" and
 * "Cedar MC"; its id goes to `id` (may be NULL).  The test fails if the
 * store refuses. */
void testutil_new_session(store *s, const content_matrix *m, const char *name,
			  const char *org, size_t n_people, int secret, char id[40]);
/* The first column of the first row `sql` gives, or -1 when it gives no
 * row; the test fails if the statement does not compile. */
long long testutil_query_int(store *s, const char *sql);
/* The id of the i-th row of `m` counted across its sections. */
const char *testutil_row(const content_matrix *m, size_t i);

#endif
