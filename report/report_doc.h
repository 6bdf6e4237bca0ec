/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_doc.h - a plain-text document built line by line, then written
 * continuous or in pages.
 *
 * The text report and the portfolio both need the same things: user text
 * cleaned of anything a terminal or printer would act on, words wrapped to
 * a width and never cut, and pages of a fixed length with a repeated header
 * and a "Page N of M" footer, where a heading is never left alone at the
 * bottom of a page.  Lines are kept in memory until the end, so the page
 * count is known before the first footer is written.
 *
 * Paged output: every page is exactly `page_length` lines (the body padded
 * with empty lines so the footer sits at the bottom), and pages after the
 * first start with a form feed.  No line ends in a space.
 */
#ifndef NEXTSTEPS_REPORT_DOC_H
#define NEXTSTEPS_REPORT_DOC_H

#include <stddef.h>
#include <stdio.h>

typedef struct report_doc report_doc;

/* Smallest page the layout accepts (header and footer take up to 6). */
#define REPORT_DOC_MIN_PAGE 20

/* `utf8` keeps UTF-8 text as typed; otherwise all text becomes ASCII. */
report_doc *report_doc_new(int width, int utf8);
void report_doc_free(report_doc *d);
int report_doc_width(const report_doc *d);
/* True after any allocation failed (the document is then incomplete). */
int report_doc_failed(const report_doc *d);

/* Cleaned copy of any text (ASCII unless utf8, newlines become spaces);
 * never NULL ("?" once out of memory). */
char *report_doc_clean(report_doc *d, const char *s);

/* A malloc'd printf result (NULL when out of memory), for composing. */
char *report_doc_strf(const char *fmt, ...);

/* A paragraph: `indent` spaces, then `lead` (a label such as "Note: "),
 * then `text` wrapped so continuation lines line up after the lead.  Both
 * are cleaned here; newlines in `text` are kept when `keep_newlines`. */
void report_doc_para(report_doc *d, size_t indent, const char *lead,
		     const char *text, int keep_newlines);
/* One line already composed of cleaned text; cut to the width as a last
 * resort (callers compose lines that fit). */
void report_doc_line(report_doc *d, const char *line);
void report_doc_blank(report_doc *d);
/* A heading (wrapped) and an underline of `rule` characters, kept on one
 * page with at least the two lines that follow it. */
void report_doc_heading(report_doc *d, const char *title, char rule);
/* The last line added stays on the same page as the next `n` lines. */
void report_doc_keep(report_doc *d, int n);
/* Lines added so far; with report_doc_keep_from, every line from `start`
 * to the last one added stays on one page (a block that is longer than a
 * page flows on). */
size_t report_doc_count(const report_doc *d);
void report_doc_keep_from(report_doc *d, size_t start);

/* Writes the document.  `page_length` 0 gives one continuous document;
 * otherwise at least REPORT_DOC_MIN_PAGE.  `header` (raw text) heads every
 * page.  Returns 0, or -1 when the stream failed or memory ran out. */
int report_doc_write(report_doc *d, FILE *out, int page_length,
		     const char *header);
/* Number of pages report_doc_write will produce (1 when continuous). */
size_t report_doc_pages(report_doc *d, int page_length, const char *header);

#endif
