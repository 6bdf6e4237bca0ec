/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_table.h - the tidy tables analysts load (one observation a line),
 * and the scratch database in which SQLite's JSON functions build every
 * JSON document the program writes.
 *
 * A table is filled row by row into an in-memory SQLite database, then
 * written as CSV or as JSON.  The JSON is made by json_object() and
 * json_group_array() in one query, so its quoting is SQLite's; strings
 * carry the text exactly as typed.  A last pass (report_json_put) writes
 * every character a terminal would act on -- C0 and C1 controls, DEL and
 * the bidi controls -- as a \u escape, which JSON decoders read back as the
 * same character, so the file is safe to print and still exact; bytes
 * that are not UTF-8 become U+FFFD before they reach SQLite.
 *
 * The columns of each table are listed in nextsteps(1) and never change
 * order; new columns are only added at the end.
 */
#ifndef NEXTSTEPS_REPORT_TABLE_H
#define NEXTSTEPS_REPORT_TABLE_H

#include <stdio.h>

#include <sqlite3.h>

#include "report.h"

typedef struct report_table report_table;

/* The version of every JSON document's layout ("format_version"). */
#define REPORT_FORMAT_VERSION 1

report_table *report_table_new(report_table_kind kind, store_error *err);
void report_table_free(report_table *t);
/* The rows of one session's summary for an answers, actions or sessions
 * table. */
int report_table_add_summary(report_table *t, const report_summary *sm,
			     store_error *err);
/* One session of `list` (a REPORT_TABLE_LIST table). */
int report_table_add_listed(report_table *t, const store_session *s,
			    store_error *err);
/* One line of a portfolio table (REPORT_TABLE_PORTFOLIO): the session's
 * answer for a row of the reference matrix `m`, whose stages name `stage`
 * (< 0 for none); `state` says what the organisation has for the row. */
int report_table_add_portfolio(report_table *t, const store_session *s,
			       const content_matrix *m, const char *section_id,
			       const char *row_id, int stage, const char *state,
			       store_error *err);
/* One line of a history table (REPORT_TABLE_HISTORY): change `c` of
 * session `s` in the words of history_line_of; "" before or after is
 * left empty (null in JSON). */
int report_table_add_change(report_table *t, const store_session *s,
			    const store_change *c, const char *who,
			    const char *what, const char *before,
			    const char *after, const char *status,
			    store_error *err);
/* Writes the table as o->format (CSV or JSON), honouring o->bom and
 * o->no_formula_guard; -1 when the stream failed or memory ran out. */
int report_table_write(report_table *t, const report_options *o, FILE *out);

/* ------------------------------------------------ the scratch database */

/* An empty scratch database: in memory, or with `large` a private
 * temporary one that spills to a file beyond its page cache (a table of
 * every workshop); NULL when out of memory. */
sqlite3 *report_scratch_open(int large);
/* Binds UTF-8 text (repaired: invalid bytes become U+FFFD), or NULL. */
int report_bind_text(sqlite3_stmt *stmt, int i, const char *s);
/* Writes one JSON text made by SQLite, with every control character and
 * bidi control as a \u escape, then a newline. */
int report_json_put(const char *json, FILE *out);
/* "YYYY-MM-DDTHH:MM:SSZ" of Unix seconds. */
void report_iso_time(long long t, char *buf, size_t size);

#endif
