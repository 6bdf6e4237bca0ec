/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report.h - the printable report and the exports of a session, and the
 * portfolio across organisations.  Every writer works from the one summary
 * model (summary.h). */
#ifndef NEXTSTEPS_REPORT_H
#define NEXTSTEPS_REPORT_H

#include <stdio.h>

#include "store.h"
#include "summary.h"

typedef enum report_format {
	REPORT_TEXT,
	REPORT_CSV,
	REPORT_JSON
} report_format;

/* The tidy tables of the CSV and JSON exports (columns in nextsteps(1)).
 * REPORT_TABLE_DEFAULT is the single-session report's own choice: the
 * answers table for CSV, the nested document for JSON. */
typedef enum report_table_kind {
	REPORT_TABLE_DEFAULT,
	REPORT_TABLE_ANSWERS,
	REPORT_TABLE_ACTIONS,
	REPORT_TABLE_SESSIONS,
	REPORT_TABLE_LIST,          /* `list`: what the sessions list shows */
	REPORT_TABLE_PORTFOLIO,     /* one line per organisation x row */
	REPORT_TABLE_HISTORY        /* `history`: one line per change */
} report_table_kind;

typedef struct report_options {
	report_format format;
	int width;          /* text: 60..200 columns */
	int page_length;    /* text: lines per page, 0 = one continuous document */
	int utf8;           /* text: keep UTF-8 as typed (default ASCII only) */
	int with_prompts;   /* text: each row's facilitator prompts and evidence */
	report_table_kind table;  /* csv, json: which table */
	int bom;            /* csv: start with a UTF-8 byte-order mark */
	int no_formula_guard;     /* csv: no leading ' before = + - @ */
} report_options;

/* Writes the report of session `s` to `out` (loads the summary model).
 * Options out of range (width 60..200, page_length 0 or >= 20) give
 * STORE_EUSAGE; a failed write STORE_EIO. */
int report_session_write(store *st, const store_session *s,
			 const report_options *o, FILE *out, store_error *err);
/* Writes to `path` ("-" or NULL: standard output) through a temporary file
 * in the same folder and a rename, so a crash never leaves half a report;
 * never follows a symlink at `path`; an existing file is replaced only when
 * `overwrite` is set (else STORE_ECANTCREAT, "FILE exists"). */
int report_session_to_path(store *st, const store_session *s,
			   const report_options *o, const char *path,
			   int overwrite, store_error *err);
/* The portfolio: latest session of each organisation (whose name matches
 * the fnmatch(3) `org_pattern`, NULL for all) on the same matrix. */
int report_portfolio_to_path(store *st, const char *org_pattern,
			     const report_options *o, const char *path,
			     store_error *err);

/* Every session whose organisation matches the fnmatch(3) `org_pattern`
 * (NULL for all) and whose local creation date is on or after `since`
 * ("YYYY-MM-DD", NULL for any), oldest first, as one table (o->table:
 * answers by default) in CSV or JSON.  No session matching gives
 * STORE_ENOINPUT; text format STORE_EUSAGE. */
int report_all_to_path(store *st, const char *org_pattern, const char *since,
		       const report_options *o, const char *path,
		       store_error *err);
/* The sessions list (store_session_list's order) as CSV or JSON. */
int report_list_write(const store_session *list, size_t n,
		      const report_options *o, FILE *out, store_error *err);

/* The default file of a session's text report, as the screens' and the
 * line mode's `p` write it: next to the database at `db_path`, under the
 * session's name made safe (letters, digits, '.', '-' and '_', never a
 * leading dot, so it cannot leave the folder), ending ".txt". */
void report_default_path(const char *db_path, const char *session_name,
			 char *out, size_t size);

/* Checks the ranges of the options; STORE_EUSAGE with a message. */
int report_check_options(const report_options *o, store_error *err);
/* Writes a file as report_session_to_path does, with `w` producing the
 * content (NULL or "-" path: standard output). */
typedef int (*report_writer)(void *ctx, FILE *out, store_error *err);
int report_write_file(const char *path, int overwrite, report_writer w,
		      void *ctx, store_error *err);

/* ------------------------------------------------ writers of one model
 * Each returns 0, or -1 when the stream failed or memory ran out.  They
 * are deterministic: the same model gives the same bytes (dates are local
 * time, so pin TZ to compare across machines).
 *
 * Text: see report_text.c for the layout.  ASCII only unless o->utf8.
 *
 * CSV (RFC 4180, UTF-8 as typed, CRLF line ends, fields quoted when they
 * hold a comma, quote, CR or LF, quotes doubled; a UTF-8 byte-order mark
 * first with o->bom): one of the tidy tables of report_table.h, the shape
 * `report --all` writes (columns in nextsteps(1)), the answers table
 * unless o->table says otherwise.  Only rows that apply to the session's
 * track appear, in matrix order: for each, one line for the agreed stage
 * (participant empty; state agreed, not_applicable, parked or
 * not_reached, the words of rowfacts_state_word(); stage columns empty
 * unless agreed), which alone carries the note, then one line per
 * participant who voted (state vote with the stage, or dont_know with the
 * stage empty).  Participants who did not vote have no line, nor do votes
 * of a secret ballot not yet revealed.  Actions are the actions table, one
 * line each.  Notes keep their newlines; every other control character,
 * escape sequence and bidi control is made visible as text ("^[",
 * "<U+202E>").  A user-typed cell beginning with =, +, -, @, tab or CR
 * gets a leading ' so spreadsheets do not run it as a formula (CSV
 * injection), unless o->no_formula_guard; ids and fixed words are never
 * changed.
 *
 * JSON: with o->table set, the same tables as
 *   {"format_version":1,"table":NAME,"rows":[{COLUMN:VALUE,...}]}
 * (a column with nothing in it is null); otherwise one document, built by
 * SQLite's JSON functions, with strings exactly as typed (control and
 * bidi characters as \u escapes):
 *   {"format_version":1,
 *    "session":{"id","name","organisation","type":"lgpo"|"pcn",
 *               "facilitator","created","updated" (ISO 8601 UTC),
 *               "secret_ballot"},
 *    "matrix":{"id","title","version","source",
 *              "stages":[{"id","label"}]},
 *    "participants":["..."],
 *    "sections":[{"id","title","rows":[{"id","title",
 *        "state":"agreed"|"not_applicable"|"parked"|"not_reached",
 *        "agreed":{"id","label"}|null,"votes_hidden":bool,
 *        "votes":[{"participant","vote":STAGE_ID|"dont_know"}],
 *        "note","actions":[{"text","owner","due","done"}]}]}],
 *    "previous":{"id","name","created"}|null}
 * The JSON Schemas of every document are installed in $(pkgdatadir)/schema.
 */
int report_write_text(const report_summary *sm, const report_options *o,
		      FILE *out);
/* The tidy table o->table of the session as o->format (CSV or JSON). */
int report_write_table(const report_summary *sm, const report_options *o,
		       FILE *out);
/* The summary alone, as the line mode prints it: the cover, the profile,
 * the rows whose views differ widely, the action plan and the changes
 * since the previous session, as one continuous document (no pages). */
int report_write_summary_text(const report_summary *sm,
			      const report_options *o, FILE *out);
int report_write_json(const report_summary *sm, FILE *out);
/* Dispatches on o->format and checks the options; fills `err`. */
int report_summary_write(const report_summary *sm, const report_options *o,
			 FILE *out, store_error *err);

#endif
