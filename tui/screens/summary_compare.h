/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* summary_compare.h - the summary screen's comparison over time and with
 * peers: each section's and row's agreed stages across the organisation's
 * sessions ("2024 Start  2025 Build  2026 Build"), and each section against
 * the other organisations' median, never by name.  The words come from the
 * summary model (summary_trend_text, summary_benchmark_text), the ones the
 * printed report and the line mode use.
 *
 * The part is built as lines for one width: a label on the left and its
 * trend or benchmark in one column on the right, or, when the two do not
 * fit side by side (many sessions on 80 columns), the label on a line and
 * the words indented under it. */
#ifndef NEXTSTEPS_SUMMARY_COMPARE_H
#define NEXTSTEPS_SUMMARY_COMPARE_H

#include <stddef.h>

#include <curses.h>

#include "summary.h"

typedef struct summary_compare_line {
	int kind;           /* see summary_compare.c */
	char *left;         /* owned; the label or the text */
	char *right;        /* owned; NULL when the line has one text */
	int right_x;        /* the right column's offset */
} summary_compare_line;

typedef struct summary_compare {
	summary_compare_line *v;
	size_t n, cap;
} summary_compare;

/* The lines of the trend (only with enough earlier sessions) and of the
 * benchmark for `width` columns; replaces what `c` held. */
void summary_compare_build(summary_compare *c, const report_summary *sm,
			   int width);
void summary_compare_draw(WINDOW *w, int y, int x, int width,
			  const summary_compare_line *ln);
void summary_compare_free(summary_compare *c);

#endif
