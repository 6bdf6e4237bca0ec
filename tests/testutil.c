/* testutil.c - see testutil.h. */
#include "testutil.h"

#include <criterion/criterion.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

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
