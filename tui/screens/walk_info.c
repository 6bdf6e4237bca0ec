/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* walk_info.c - see walk_info.h.
 *
 * Each entry is a label in the left column and wrapped text beside it.
 * The prompts and the evidence come first; the terms' meanings follow
 * when they fit, else the terms are named in one line and the help screen
 * (?) has the whole glossary.  Every text goes through draw_wrapped, which
 * cleans it for the terminal, and a cut entry ends in an ellipsis. */
#include "walk_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "text.h"

#define INFO_MAX_TERMS 32
#define INFO_MAX_ENTRIES (2 * INFO_MAX_TERMS + 4)

typedef struct info_entry {
	char label[16];
	char *text;              /* owned */
} info_entry;

typedef struct info_list {
	info_entry e[INFO_MAX_ENTRIES];
	size_t n;
} info_list;

static void info_add(info_list *l, const char *label, const char *a,
		     const char *sep, const char *b)
{
	info_entry *e;
	size_t n;

	if (l->n >= INFO_MAX_ENTRIES)
		return;
	e = &l->e[l->n++];
	snprintf(e->label, sizeof e->label, "%s", label);
	n = strlen(a) + strlen(sep) + strlen(b) + 1;
	e->text = ui_xmalloc(n);
	snprintf(e->text, n, "%s%s%s", a, sep, b);
}

static void info_free(info_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->e[i].text);
	l->n = 0;
}

static int info_lines(const info_list *l, int width)
{
	size_t i;
	int sum = 0;

	for (i = 0; i < l->n; i++)
		sum += draw_wrapped_lines(l->e[i].text, width);
	return sum;
}

static void add_prompts(info_list *l, const content_row *row)
{
	size_t i;

	if (!row->n_prompts)
		info_add(l, "Prompts", "none for this row", "", "");
	for (i = 0; i < row->n_prompts; i++) {
		char label[16], num[32];

		snprintf(label, sizeof label, "%s", i ? "" : "Prompts");
		snprintf(num, sizeof num, "%zu. ", i + 1);
		info_add(l, label, num, "", row->prompts[i]);
	}
	info_add(l, "Evidence", *row->evidence ? row->evidence : "none for this row",
		 "", "");
}

/* The terms with their meanings, one entry each. */
static void add_terms_long(info_list *l, const content_term **t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		info_add(l, i ? "" : "Terms", t[i]->term, ": ", t[i]->meaning);
}

/* The terms by name only, in one entry, when their meanings do not fit. */
static void add_terms_short(info_list *l, const content_term **t, size_t n)
{
	size_t i, len = 0;
	char *names;

	for (i = 0; i < n; i++)
		len += strlen(t[i]->term) + 2;
	names = ui_xmalloc(len + 1);
	names[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(names, ", ");
		strcat(names, t[i]->term);
	}
	info_add(l, "Terms", names, " ", "(meanings on the help screen: ?)");
	free(names);
}

void walk_info_draw(ui *u, int y, int lines, int label_w)
{
	const content_matrix *m = u->ws->m;
	const content_row *row = workshop_row(u->ws);
	const content_term *terms[INFO_MAX_TERMS];
	size_t n_terms = content_row_terms(m, row, terms, INFO_MAX_TERMS), i;
	int tw = u->cols - label_w - 1, end = y + lines;
	info_list l;

	if (lines <= 0)
		return;
	if (n_terms > INFO_MAX_TERMS)
		n_terms = INFO_MAX_TERMS;
	draw_text(u->body, y, 1, u->cols - 2,
		  "For the facilitator (f again shows the stages)", draw_attr(ATTR_HEADING));
	y++;
	l.n = 0;
	add_prompts(&l, row);
	if (n_terms) {
		size_t before = l.n;

		add_terms_long(&l, terms, n_terms);
		if (info_lines(&l, tw) > end - y) {
			while (l.n > before)
				free(l.e[--l.n].text);
			add_terms_short(&l, terms, n_terms);
		}
	}
	for (i = 0; i < l.n && y < end; i++) {
		if (l.e[i].label[0])
			draw_text(u->body, y, 1, label_w - 1, l.e[i].label,
				  draw_attr(ATTR_HEADING));
		y += draw_wrapped(u->body, y, label_w, tw, end - y, l.e[i].text, A_NORMAL);
	}
	info_free(&l);
}
