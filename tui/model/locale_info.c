/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* locale_info.c - the user's locale, asked once and remembered. */
#include "locale_info.h"

#include <langinfo.h>
#include <string.h>

static int user_utf8 = -1;           /* the user's locale is UTF-8 ... */
static int user_ascii = -1;          /* ... or ASCII; -1: not yet saved */

static int codeset_is(const char *a, const char *b)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, a) == 0 || (b && strcmp(cs, b) == 0));
}

int locale_is_utf8(void)
{
	if (user_utf8 >= 0)
		return user_utf8;
	return codeset_is("UTF-8", "utf8");
}

/* glibc names the C/POSIX locale's character set ANSI_X3.4-1968. */
int locale_is_ascii(void)
{
	if (user_ascii >= 0)
		return user_ascii;
	return codeset_is("ANSI_X3.4-1968", "ASCII") || codeset_is("US-ASCII", NULL);
}

int locale_input_is_utf8(void)
{
	return locale_is_utf8() || locale_is_ascii();
}

void locale_remember(void)
{
	user_utf8 = locale_is_utf8();
	user_ascii = locale_is_ascii();
}
