/* report.h - the printable report and the exports of a session, and the
 * portfolio across organisations.  Every writer works from the one summary
 * model (summary.h). */
#ifndef NEXTSTEPS_REPORT_H
#define NEXTSTEPS_REPORT_H

#include <stdio.h>

#include "store.h"

typedef enum report_format {
	REPORT_TEXT,
	REPORT_CSV,
	REPORT_JSON
} report_format;

typedef struct report_options {
	report_format format;
	int width;          /* text: 60..200 columns */
	int page_length;    /* text: lines per page, 0 = one continuous document */
	int utf8;           /* text: keep UTF-8 as typed (default ASCII only) */
} report_options;

/* Writes the report of session `s` to `out`. */
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

#endif
