/* testutil.h - what the store, merge, live and crash tests all need: a
 * private folder per test and the built-in matrix. */
#ifndef NEXTSTEPS_TESTUTIL_H
#define NEXTSTEPS_TESTUTIL_H

#include <stddef.h>

#include "content.h"

/* Makes a fresh folder /tmp/PREFIX-XXXXXX and writes its path into dir
 * (at least 64 bytes); the test fails if it cannot. */
void testutil_dir_make(char *dir, size_t size, const char *prefix);
/* Removes the folder and everything below it (it may be read-only). */
void testutil_dir_remove(const char *dir);
/* The built-in matrix; the test fails if it does not load. */
content_matrix *testutil_builtin(void);

#endif
