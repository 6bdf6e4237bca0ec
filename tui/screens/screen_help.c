/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_help.c - the help screen, generated from the action table, so it
 * can never disagree with the keys.  The keys of the screen help was
 * opened from come first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "text.h"
#include "ui.h"

#define HELP_MAX_LINES 640

typedef struct help_state {
	char *lines[HELP_MAX_LINES];
	int heading[HELP_MAX_LINES];
	size_t n;
	int width;                  /* columns the lines are wrapped to */
	listview lv;                /* lv.top is the first line shown */
} help_state;

static const struct { unsigned scope; const char *title; } groups[] = {
	{ SC_WALK, "The walk" },
	{ SC_CHANGES, "Changes" },
	{ SC_VOTES, "Votes" },
	{ SC_JOIN | SC_WATCH, "Following the room" },
	{ SC_SCORE, "Scoring" },
	{ SC_ACTIONS, "Actions" },
	{ SC_HISTORY, "History" },
	{ SC_BROUGHT, "Last session's actions" },
	{ SC_NOTE, "The note editor" },
	{ SC_OVERVIEW, "Overview" },
	{ SC_SUMMARY, "Summary" },
	{ SC_SESSIONS, "Sessions" },
	{ SC_SETTINGS, "Session settings" },
	{ SC_FORM, "Forms" },
	{ SC_LIST, "Lists" },
	{ SC_ANY | SC_TOP | SC_SUB, "Everywhere" },
};

static void add_line(help_state *hs, const char *text, int heading)
{
	if (hs->n < HELP_MAX_LINES) {
		hs->heading[hs->n] = heading;
		hs->lines[hs->n++] = ui_xstrdup(text);
	}
}

/* The keys column: "  " plus 18 plus a space. */
#define HELP_KEYS_W 21

/* One action: a long help text wraps under its own column rather than
 * being cut at the edge.  The table's help texts are ASCII, so bytes are
 * columns. */
static void add_entry(help_state *hs, const char *keys, const char *help)
{
	int w = hs->width - HELP_KEYS_W;
	const char *p = help;
	char line[512];
	size_t n;

	if (w < 20)
		w = 20;      /* too narrow to be worth wrapping: cut instead */
	do {
		n = strlen(p);
		if (n > (size_t)w) {
			for (n = (size_t)w; n > 0 && p[n] != ' '; n--)
				;
			if (n == 0)
				n = (size_t)w;
		}
		snprintf(line, sizeof line, "  %-18s %.*s", keys, (int)n, p);
		add_line(hs, line, 0);
		keys = "";
		for (p += n; *p == ' '; p++)
			;
	} while (*p);
}

/* One glossary entry: the term in the keys column (on a line of its own
 * when it is too long for it), its meaning wrapped beside it.  Both come
 * from the matrix file, so they are cleaned before they are measured. */
static void add_term(help_state *hs, const content_term *t)
{
	char *term = draw_clean(t->term, 0), *meaning = draw_clean(t->meaning, 0);
	int w = hs->width - HELP_KEYS_W;
	text_line wl[64];
	size_t n, i;
	char *line;

	if (w < 20)
		w = 20;
	line = ui_xmalloc(strlen(term) + strlen(meaning) + 32);
	if (text_width(term) > 18) {
		snprintf(line, strlen(term) + 3, "  %s", term);
		add_line(hs, line, 0);
		term[0] = '\0';
	}
	n = text_wrap(meaning, (size_t)w, wl, sizeof wl / sizeof wl[0]);
	if (n > sizeof wl / sizeof wl[0])
		n = sizeof wl / sizeof wl[0];
	for (i = 0; i < n || i == 0; i++) {
		size_t pad = text_width(term) < 18 ? 18 - text_width(term) : 0;

		sprintf(line, "  %s%*s %.*s", i ? "" : term, (int)(i ? 18 : pad), "",
			n ? (int)wl[i].len : 0, n ? meaning + wl[i].start : "");
		add_line(hs, line, 0);
	}
	free(line);
	free(term);
	free(meaning);
}

/* After the keys: the acronyms of the open session's matrix (else the
 * one new sessions use), in alphabetical order. */
static void add_glossary(help_state *hs, const content_matrix *m)
{
	size_t i;

	if (!m || !m->n_glossary)
		return;
	add_line(hs, "", 0);
	add_line(hs, "Glossary", 1);
	for (i = 0; i < m->n_glossary; i++)
		add_term(hs, m->glossary_sorted ? m->glossary_sorted[i] : &m->glossary[i]);
}

static void add_group(help_state *hs, unsigned scope, const char *title, int n_stages)
{
	char keys[96];
	size_t i;

	add_line(hs, title, 1);
	for (i = 1; i < ACT_COUNT; i++) {
		const action_info *ai = action_get((enum action)i);

		if (!(ai->scope & scope))
			continue;
		action_keys_text(ai, n_stages, keys, sizeof keys);
		add_entry(hs, keys, ai->help);
	}
	add_line(hs, "", 0);
}

/* Watchers and joiners only get their own keys and the general ones: the
 * facilitator's screens are not theirs to reach. */
static int group_applies(const ui *u, size_t g)
{
	return u->mode == CLI_MODE_FACILITATE ||
	       (groups[g].scope & (SC_ANY | SC_TOP | SC_SUB | SC_LIST));
}

/* The screen under help decides which group leads. */
static void help_enter(ui *u)
{
	help_state *hs = ui_private(u, &screen_help);
	const screen_ops *below = u->depth > 1 ? u->stack[u->depth - 2] : NULL;
	int n_stages = ui_stage_count(u);
	size_t g, first = sizeof groups / sizeof groups[0];
	unsigned only = ~0u;

	memset(hs, 0, sizeof *hs);
	hs->width = u->cols - 2;
	if (below && u->mode != CLI_MODE_FACILITATE)
		only = below->scope;
	for (g = 0; below && g < sizeof groups / sizeof groups[0]; g++)
		if (groups[g].scope & below->scope & ~(unsigned)(SC_ANY | SC_TOP | SC_SUB | SC_LIST | SC_CHANGES)) {
			first = g;
			add_group(hs, groups[g].scope & only, groups[g].title, n_stages);
			break;
		}
	for (g = 0; g < sizeof groups / sizeof groups[0]; g++)
		if (g != first && group_applies(u, g))
			add_group(hs, groups[g].scope, groups[g].title, n_stages);
	add_line(hs, "Every answer is saved the moment it is given; quitting never loses anything.", 0);
	add_glossary(hs, u->ws ? u->ws->m : ui_matrix(u));
	hs->lv.n = hs->n;
}

static void help_leave(ui *u)
{
	help_state *hs = ui_private(u, &screen_help);
	size_t i;
	for (i = 0; i < hs->n; i++)
		free(hs->lines[i]);
	hs->n = 0;
}

static size_t help_height(const ui *u)
{
	return (size_t)getmaxy(u->body);
}

static void help_draw(ui *u)
{
	help_state *hs = ui_private(u, &screen_help);

	size_t i, h = help_height(u);

	for (i = hs->lv.top; i < hs->n && i < hs->lv.top + h; i++)
		draw_text(u->body, (int)(i - hs->lv.top), 1, u->cols - 2, hs->lines[i],
			  hs->heading[i] ? draw_attr(ATTR_HEADING) : A_NORMAL);
}

/* The lines are wrapped to the width: build them again, near the same
 * place. */
static void help_resize(ui *u)
{
	help_state *hs = ui_private(u, &screen_help);
	size_t top = hs->lv.top;

	help_leave(u);
	help_enter(u);
	hs->lv.top = top < hs->n ? top : 0;
}

/* Scrolling: the "selection" is the first line shown. */
static void help_action(ui *u, enum action a, int arg)
{
	help_state *hs = ui_private(u, &screen_help);
	size_t h = help_height(u), max = hs->n > h ? hs->n - h : 0;

	(void)arg;
	switch (a) {
	case ACT_DOWN: hs->lv.top += hs->lv.top < max; break;
	case ACT_UP: hs->lv.top -= hs->lv.top > 0; break;
	case ACT_PAGE_DOWN: hs->lv.top = hs->lv.top + h - 1 < max ? hs->lv.top + h - 1 : max; break;
	case ACT_PAGE_UP: hs->lv.top = hs->lv.top > h - 1 ? hs->lv.top - (h - 1) : 0; break;
	case ACT_FIRST: hs->lv.top = 0; break;
	case ACT_LAST: hs->lv.top = max; break;
	case ACT_HELP: ui_pop(u); return;
	default: return;
	}
	ui_dirty(u, DIRTY_BODY);
}

const screen_ops screen_help = {
	.name = "help",
	.scope = SC_HELP | SC_SUB | SC_LIST,
	.private_size = sizeof(help_state),
	.enter = help_enter,
	.leave = help_leave,
	.draw = help_draw,
	.action = help_action,
	.resize = help_resize,
};
