/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_export.c - the tidy tables and the JSON made by SQLite: what a
 * terminal would act on is escaped, bytes that are not UTF-8 are
 * repaired, and the CSV options do what the man page says. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_table.h"

static char *capture_json(const char *json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	cr_assert_eq(report_json_put(json, f), 0);
	fclose(f);
	return buf;
}

Test(json, controls_and_bidi_become_u_escapes)
{
	char *t = capture_json("{\"a\":\"x\xc2\x9by\xe2\x80\xaez\x7f\xe2\x81\xa6w\"}");

	cr_assert_str_eq(t, "{\"a\":\"x\\u009by\\u202ez\\u007f\\u2066w\"}\n");
	free(t);
}

Test(json, other_text_is_kept_as_it_is)
{
	char *t = capture_json("{\"a\":\"Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac \\\"q\\\"\"}");

	cr_assert_str_eq(t, "{\"a\":\"Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac \\\"q\\\"\"}\n");
	free(t);
}

static store_session listed(char *name, char *org)
{
	static char mid[] = "m", mver[] = "1";
	store_session s;

	memset(&s, 0, sizeof s);
	strcpy(s.id, "0000-export-test");
	s.name = name;
	s.organisation = org;
	s.facilitator = (char *)"";
	s.track = CONTENT_TRACK_PCN;
	s.matrix_id = mid;
	s.matrix_version = mver;
	s.created = 1773480600;       /* 2026-03-14T09:30:00Z */
	s.updated = 1773484200;
	s.rows_total = 36;
	s.rows_answered = 5;
	return s;
}

static char *list_as(report_format f, int bom, int no_guard, store_session *s)
{
	report_options o = { .format = f, .width = 80, .table = REPORT_TABLE_LIST,
			     .bom = bom, .no_formula_guard = no_guard };
	store_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_not_null(out);
	cr_assert_eq(report_list_write(s, 1, &o, out, &err), 0, "%s", err.message);
	fclose(out);
	return buf;
}

Test(tables, invalid_utf8_is_repaired_in_json)
{
	store_session s = listed((char *)"F\xff\xfe name", (char *)"Org\033[2J");
	char *t = list_as(REPORT_JSON, 0, 0, &s);

	cr_assert_not_null(strstr(t, "\"name\":\"F\xef\xbf\xbd\xef\xbf\xbd name\""), "%s", t);
	cr_assert_not_null(strstr(t, "\"organisation\":\"Org\\u001b[2J\""), "%s", t);
	cr_assert_not_null(strstr(t, "{\"format_version\":1,\"table\":\"list\",\"rows\":["), "%s", t);
	cr_assert_not_null(strstr(t, "\"rows\":36,\"answered\":5,"), "numbers stay numbers: %s", t);
	cr_assert_not_null(strstr(t, "\"created\":\"2026-03-14T09:30:00Z\""), "%s", t);
	free(t);
}

Test(tables, csv_shows_escapes_and_guards_formulas)
{
	store_session s = listed((char *)"=SUM(A1)", (char *)"Org\033[2J, \"x\"");
	char *t = list_as(REPORT_CSV, 0, 0, &s);

	cr_assert(strncmp(t, "session_id,name,organisation,type,", 34) == 0, "%s", t);
	cr_assert_not_null(strstr(t, "\r\n0000-export-test,'=SUM(A1),\"Org^[[2J, \"\"x\"\"\",pcn,"), "%s", t);
	free(t);
	t = list_as(REPORT_CSV, 1, 1, &s);
	cr_assert(strncmp(t, "\xef\xbb\xbfsession_id,", 14) == 0, "no byte-order mark");
	cr_assert_not_null(strstr(t, ",=SUM(A1),"), "--no-formula-guard: %s", t);
	free(t);
}

Test(tables, an_unknown_table_is_refused)
{
	store_error err;

	cr_assert_null(report_table_new((report_table_kind)99, &err));
	cr_assert_eq(err.status, STORE_EUSAGE);
}
