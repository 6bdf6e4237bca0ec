/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* summary_compare.c - see summary_compare.h. */
#include "summary_compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "screens.h"
#include "text.h"

enum {
	SC_BLANK,
	SC_HEADING,         /* left, bold */
	SC_TEXT,            /* left */
	SC_PAIR,            /* left, and right in its column */
	SC_UNDER            /* left, indented under the label above */
};

/* A label keeps at least this many columns beside its words; with less,
 * the words go on a line of their own. */
#define SC_LABEL_MIN 12
#define SC_UNDER_INDENT 6
/* A section's number padded as the profile pads it, so that section 10's
 * title starts where section 9's does. */
#define SC_SECTION_FMT "%2zu %s"

static void add(summary_compare *c, int kind, char *left, char *right)
{
	c->v = ui_xgrow(c->v, c->n, &c->cap, sizeof *c->v, 16);
	c->v[c->n].kind = kind;
	c->v[c->n].left = left;
	c->v[c->n].right = right;
	c->v[c->n].right_x = 0;
	c->n++;
}

static int shown_width(const char *s)
{
	char *t = draw_clean(s ? s : "", 0);
	int w = (int)text_width(t);

	free(t);
	return w;
}

/* The pairs added since `first` share one right column: just past the
 * widest label, or as far left as the widest words allow (longer labels
 * are then cut).  Where even that leaves a label too little room, each
 * pair becomes the label over its words. */
static void align(summary_compare *c, size_t first, int width)
{
	summary_compare_line *v;
	size_t i, n = c->n;
	int widest = 0, label = 0;

	for (i = first; i < n; i++) {
		if (c->v[i].kind != SC_PAIR)
			continue;
		if (shown_width(c->v[i].right) > widest)
			widest = shown_width(c->v[i].right);
		if (shown_width(c->v[i].left) > label)
			label = shown_width(c->v[i].left);
	}
	if (width - widest - 2 >= SC_LABEL_MIN) {
		for (i = first; i < n; i++)
			c->v[i].right_x = label + 2 < width - widest ? label + 2
								   : width - widest;
		return;
	}
	/* Split every pair: a copy of the tail, then the lines rebuilt. */
	v = ui_xmalloc((n - first) * sizeof *v);
	memcpy(v, c->v + first, (n - first) * sizeof *v);
	c->n = first;
	for (i = 0; i < n - first; i++) {
		if (v[i].kind != SC_PAIR) {
			add(c, v[i].kind, v[i].left, v[i].right);
			continue;
		}
		add(c, SC_TEXT, v[i].left, NULL);
		add(c, SC_UNDER, v[i].right, NULL);
	}
	free(v);
}

static void build_trend(summary_compare *c, const report_summary *sm, int width)
{
	const summary_trend *t = &sm->trend;
	size_t i, j, first;

	if (!summary_trend_shown(sm))
		return;
	add(c, SC_HEADING, ui_xprintf("Trend across sessions"), NULL);
	add(c, SC_TEXT, ui_xprintf("Agreed stages, oldest first (- not in that "
	    "version, none: not agreed)."), NULL);
	first = c->n;
	for (j = 0; j < sm->n_sections; j++) {
		const summary_section *sec = &sm->sections[j];

		if (!sec->n_rows)       /* none of its rows apply: left out */
			continue;
		add(c, SC_PAIR, ui_xprintf(SC_SECTION_FMT, j + 1, sec->section->title),
		    summary_trend_text(sm, t->section_stages + j * t->n));
		for (i = sec->first_row; i < sec->first_row + sec->n_rows; i++)
			add(c, SC_PAIR, ui_xprintf("   %zu.%zu %s", j + 1, i - sec->first_row + 1,
			    sm->rows[i].row->title),
			    summary_trend_text(sm, t->stages + i * t->n));
	}
	align(c, first, width);
	add(c, SC_BLANK, NULL, NULL);
}

static void build_benchmark(summary_compare *c, const report_summary *sm,
			    int width)
{
	size_t j, first;

	add(c, SC_HEADING, ui_xprintf("Benchmark"), NULL);
	if (!sm->benchmark) {
		add(c, SC_TEXT, ui_xprintf("%s", SUMMARY_NO_BENCHMARK), NULL);
		return;
	}
	add(c, SC_TEXT, ui_xprintf("Median agreed stage of %d other organisations' "
	    "latest sessions:", sm->other_organisations), NULL);
	first = c->n;
	for (j = 0; j < sm->n_sections; j++)
		if (sm->sections[j].n_rows)
			add(c, SC_PAIR, ui_xprintf(SC_SECTION_FMT, j + 1,
			    sm->sections[j].section->title),
			    summary_benchmark_text(sm, j));
	align(c, first, width);
}

void summary_compare_build(summary_compare *c, const report_summary *sm,
			   int width)
{
	summary_compare_free(c);
	build_trend(c, sm, width);
	build_benchmark(c, sm, width);
}

void summary_compare_draw(WINDOW *w, int y, int x, int width,
			  const summary_compare_line *ln)
{
	switch (ln->kind) {
	case SC_HEADING:
		draw_text(w, y, x, width, ln->left, draw_attr(ATTR_HEADING));
		break;
	case SC_TEXT:
		draw_text(w, y, x, width, ln->left, A_NORMAL);
		break;
	case SC_UNDER:
		draw_text(w, y, x + SC_UNDER_INDENT, width - SC_UNDER_INDENT,
			  ln->left, A_NORMAL);
		break;
	case SC_PAIR:
		draw_text(w, y, x, ln->right_x - 2, ln->left, A_NORMAL);
		draw_text(w, y, x + ln->right_x, width - ln->right_x,
			  ln->right ? ln->right : "?", A_NORMAL);
		break;
	default:
		break;
	}
}

void summary_compare_free(summary_compare *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].left);
		free(c->v[i].right);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}
