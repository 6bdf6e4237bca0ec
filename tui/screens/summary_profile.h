/* summary_profile.h - the profile table of the summary screen: a line per
 * section with the rows at each agreed stage, each count followed by a bar
 * drawn in text ('#', or a block in UTF-8) so nothing depends on colour,
 * then the rows not applicable, not yet agreed, and where views differ
 * widely ("!").  The layout gives whole titles where the width allows,
 * then the widest bars that leave room for the titles. */
#ifndef NEXTSTEPS_SUMMARY_PROFILE_H
#define NEXTSTEPS_SUMMARY_PROFILE_H

#include <curses.h>

#include "summary.h"

/* The column headings, for a column `width` wide at (y, x). */
void summary_profile_head(WINDOW *w, int y, int x, int width,
			  const report_summary *sm);
/* One line: `title` and its counts, bars scaled so `max` fills them (0:
 * no bars, as on the totals line). */
void summary_profile_line(WINDOW *w, int y, int x, int width,
			  const report_summary *sm, const char *title,
			  const summary_counts *c, int max, attr_t at);
/* Forgets the layout worked out for the last model (a new one is loaded). */
void summary_profile_reset(void);

#endif
