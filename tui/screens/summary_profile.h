/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* summary_profile.h - the profile table of the summary screen: a line per
 * section with the rows at each agreed stage, each count followed by a bar
 * drawn in text ('#', or a block in UTF-8) so nothing depends on colour,
 * then the rows not applicable, parked or not reached yet, and where views differ
 * widely ("!").  The layout gives whole titles where the width allows,
 * then the widest bars that leave room for the titles, and heads the
 * stage columns with the matrix's labels whenever they fit; a title
 * longer than its column wraps. */
#ifndef NEXTSTEPS_SUMMARY_PROFILE_H
#define NEXTSTEPS_SUMMARY_PROFILE_H

#include <curses.h>

#include "summary.h"

typedef struct summary_profile_layout {
	int title_w;        /* section number and title */
	int cell_w;         /* each stage: count and bar, or its label */
	int bar_w;          /* 0: counts only */
	int num_w;          /* digits of the largest count */
	int numbered;       /* stage columns headed 1..9, not by name */
} summary_profile_layout;

/* The layout of the profile, kept by the summary screen for the width it
 * was last worked out for. */
typedef struct summary_profile {
	summary_profile_layout l;
	int width;          /* the width `l` was laid out for; 0: none */
} summary_profile;

/* The column headings, for a column `width` wide at (y, x). */
void summary_profile_head(summary_profile *p, WINDOW *w, int y, int x, int width,
			  const report_summary *sm);
/* One line: `title` and its counts, bars scaled so `max` fills them (0:
 * no bars, as on the totals line). */
void summary_profile_line(summary_profile *p, WINDOW *w, int y, int x, int width,
			  const report_summary *sm, const char *title,
			  const summary_counts *c, int max, attr_t at);
/* The columns the section titles get at `width`: a longer title wraps
 * onto lines of its own under it (the caller draws those). */
int summary_profile_title_width(summary_profile *p, const report_summary *sm, int width);
/* Forgets the layout worked out for the last model (a new one is loaded). */
void summary_profile_reset(summary_profile *p);

#endif
