/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* summary_profile.c - see summary_profile.h. */
#include "summary_profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "text.h"

/* Stage bars are at most this wide (as in the printed report). */
#define SUM_BAR_MAX 20
/* The N/A, "Not yet" and "Differ" columns after the stages. */
#define SUM_TAIL_W 23


static int digits(int n)
{
	int k = 1;

	while (n >= 10)
		n /= 10, k++;
	return k;
}

/* The widest bars that leave `title_min` columns for the titles. */
static int try_layout(const content_matrix *m, int width, int label_w,
		      int title_min, summary_profile_layout *l)
{
	int n = (int)m->n_stages;

	for (l->bar_w = SUM_BAR_MAX; l->bar_w >= 0; l->bar_w--) {
		l->cell_w = l->num_w + (l->bar_w ? 1 + l->bar_w : 0);
		if (l->cell_w < label_w)
			l->cell_w = label_w;
		l->title_w = width - SUM_TAIL_W - n * (l->cell_w + 2);
		if (l->title_w >= title_min)
			return 0;
	}
	return -1;
}

/* Whole titles where the width allows, then the widest bars that leave
 * 28 columns for the titles, then 20, then as few as 6 (titles wrap) so
 * the stage labels head their columns; on the narrowest terminals the
 * counts alone. */
static void layout_profile(const report_summary *sm, int width, summary_profile_layout *l)
{
	const content_matrix *m = sm->matrix;
	int label_w = 0, title_w = 0;
	size_t k;

	for (k = 0; k < sm->n_sections; k++) {
		char *c = draw_clean(sm->sections[k].section->title, 0);

		if ((int)text_width(c) + 3 > title_w)
			title_w = (int)text_width(c) + 3;   /* "%2zu " first */
		free(c);
	}
	if (title_w > 60)
		title_w = 60;
	for (k = 0; k < m->n_stages; k++) {
		char *c = draw_clean(m->stages[k].label, 0);

		if ((int)text_width(c) > label_w)
			label_w = (int)text_width(c);
		free(c);
	}
	if (label_w > 12)
		label_w = 12;
	l->num_w = digits(sm->totals.rows);
	l->numbered = 0;
	if (try_layout(m, width, label_w, title_w, l) == 0 ||
	    try_layout(m, width, label_w, 28, l) == 0 ||
	    try_layout(m, width, label_w, 20, l) == 0 ||
	    try_layout(m, width, label_w, 8, l) == 0 ||
	    try_layout(m, width, label_w, 6, l) == 0)
		return;
	/* Too many stages for their names (a 9-stage matrix at 80 columns):
	 * head the columns with the stage numbers the walk uses, rather than
	 * leave the last stages out. */
	l->numbered = 1;
	if (try_layout(m, width, 1, 8, l) == 0)
		return;
	l->bar_w = 0;
	l->cell_w = l->num_w;
	l->title_w = 8;
}

void summary_profile_reset(summary_profile *p)
{
	p->width = 0;
}

/* Every profile line of a draw shares one layout, so it is worked out
 * once per width and model. */
static const summary_profile_layout *profile_layout(summary_profile *p, const report_summary *sm,
					 int width)
{
	if (p->width != width) {
		layout_profile(sm, width, &p->l);
		p->width = width;
	}
	return &p->l;
}

int summary_profile_title_width(summary_profile *p, const report_summary *sm, int width)
{
	return profile_layout(p, sm, width)->title_w;
}

/* A count, then a bar scaled so the largest section fills `bar_w`; any
 * count above zero shows at least one block. */
static void draw_bar_cell(WINDOW *w, int y, int x, const summary_profile_layout *l,
			  int count, int max, attr_t at)
{
	const char *glyph = draw_glyph(GLYPH_BAR);
	char bar[SUM_BAR_MAX * 4 + 1];
	int n = 0, i;
	size_t len = 0, gl = strlen(glyph);

	draw_fmt(w, y, x, l->num_w, at, "%*d", l->num_w, count);
	if (count > 0 && max > 0 && l->bar_w > 0)
		n = (count * l->bar_w + max - 1) / max;
	if (n > l->bar_w)
		n = l->bar_w;
	for (i = 0; i < n; i++, len += gl)
		memcpy(bar + len, glyph, gl);
	bar[len] = '\0';
	if (n)
		draw_raw(w, y, x + l->num_w + 1, l->bar_w, bar, A_NORMAL);
}

/* N/A, not yet (parked or not reached yet) and rows flagged with "!". */
static void draw_tail(WINDOW *w, int y, int x, int width, const summary_counts *c,
		      attr_t at)
{
	draw_fmt(w, y, x, width < SUM_TAIL_W ? width : SUM_TAIL_W, at, "%5d%9d%7d%s",
		 c->not_applicable,
		 c->not_discussed + c->not_agreed, c->flagged, c->flagged ? " !" : "");
}

/* Stage columns that fit in the column: with very many stages on a
 * narrow terminal the last ones are left out rather than wrapped. */
static size_t stages_shown(const report_summary *sm, const summary_profile_layout *l,
			   int width)
{
	size_t n = sm->matrix->n_stages;

	while (n > 0 && l->title_w + (int)n * (l->cell_w + 2) > width)
		n--;
	return n;
}

void summary_profile_head(summary_profile *p, WINDOW *w, int y, int x, int width,
			  const report_summary *sm)
{
	const content_matrix *m = sm->matrix;
	const summary_profile_layout *l = profile_layout(p, sm, width);
	attr_t at = draw_attr(ATTR_HEADING);
	size_t k, n = stages_shown(sm, l, width);
	int cx;

	draw_text(w, y, x, l->title_w, "Section", at);
	for (k = 0, cx = x + l->title_w + 2; k < n; k++, cx += l->cell_w + 2)
		if (l->numbered)
			draw_fmt(w, y, cx, l->cell_w, at, "%zu", k + 1);
		else
			draw_text(w, y, cx, l->cell_w, m->stages[k].label, at);
	draw_text(w, y, cx - 2, x + width - cx + 2, "  N/A  Not yet Differ", at);
}

void summary_profile_line(summary_profile *p, WINDOW *w, int y, int x, int width,
			  const report_summary *sm, const char *title,
			  const summary_counts *c, int max, attr_t at)
{
	const summary_profile_layout *l = profile_layout(p, sm, width);
	size_t k, n = stages_shown(sm, l, width);
	int cx;

	draw_text(w, y, x, l->title_w, title, at);
	for (k = 0, cx = x + l->title_w + 2; k < n; k++, cx += l->cell_w + 2)
		draw_bar_cell(w, y, cx, l, c->at_stage[k], max, at);
	draw_tail(w, y, cx - 2, x + width - cx + 2, c, at);
}
