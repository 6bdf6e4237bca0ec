/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_note.c - the note for the current row: a small multi-line
 * editor that works by character and by display width, so accents, CJK
 * and other wide characters move, erase and wrap correctly.
 *
 * Keys: Esc (or ^X) saves and goes back, ^S saves and stays; the note is
 * also saved by itself after a few quiet seconds and when the program is
 * stopped (SIGHUP, SIGTERM), so a dropped link loses at most a few words.
 *
 * What is shown is the note passed through text_clean(), one character at
 * a time, with a map from each character of the note to its place in the
 * shown text; text_wrap lays the shown text out and the map puts the
 * cursor in it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "editbuf.h"
#include "screens.h"
#include "text.h"

#define NOTE_TOP 2
#define NOTE_AUTOSAVE_SECONDS 5

typedef struct note_map {
	size_t boff;      /* byte offset in the note */
	size_t doff;      /* byte offset in the shown text */
} note_map;

typedef struct note_state {
	editbuf eb;
	char *saved;               /* the text last stored */
	char *row_id;
	time_t last_key;
	size_t top;                /* first shown line */
	int want_col;              /* column kept while moving up and down */
	/* layout, rebuilt before every use */
	char *shown;
	note_map *map;             /* one per character, plus the end */
	size_t n_map;
	text_line *lines;          /* grown to fit: a note may be 1 MiB */
	size_t n_lines, cap_lines;
	int cy, cx;                /* cursor line (absolute) and column */
} note_state;

static int note_width(const ui *u)
{
	return u->cols - 3;
}

static int note_height(const ui *u)
{
	return getmaxy(u->body) - NOTE_TOP;
}

/* The shown text, the character map, the lines and the cursor. */
static void layout(const ui *u)
{
	note_state *ns = ui_private(u, &screen_note);
	size_t i = 0, dlen = 0, cap = ns->eb.len * 8 + 16, k = 0;
	unsigned flags = TEXT_KEEP_NEWLINES | (draw_ascii() ? TEXT_ASCII : 0);
	size_t d, l;

	free(ns->shown);
	free(ns->map);
	ns->shown = ui_xmalloc(cap);
	ns->map = ui_xmalloc((ns->eb.len + 1) * sizeof *ns->map);
	ns->shown[0] = '\0';
	while (i < ns->eb.len) {
		size_t n = editbuf_next(&ns->eb, i) - i;
		char one[8], *c;

		memcpy(one, ns->eb.s + i, n);
		one[n] = '\0';
		if (!(c = text_clean(one, flags)))
			ui_die("out of memory");
		ns->map[k].boff = i;
		ns->map[k++].doff = dlen;
		if (dlen + strlen(c) + 1 > cap)
			ui_die("note too large to show");
		memcpy(ns->shown + dlen, c, strlen(c) + 1);
		dlen += strlen(c);
		free(c);
		i += n;
	}
	ns->map[k].boff = ns->eb.len;
	ns->map[k++].doff = dlen;
	ns->n_map = k;
	ns->n_lines = text_wrap(ns->shown, (size_t)note_width(u), ns->lines, ns->cap_lines);
	if (ns->n_lines > ns->cap_lines) {
		ns->cap_lines = ns->n_lines + 64;
		free(ns->lines);
		ns->lines = ui_xmalloc(ns->cap_lines * sizeof *ns->lines);
		ns->n_lines = text_wrap(ns->shown, (size_t)note_width(u), ns->lines,
				       ns->cap_lines);
	}
	for (k = 0, d = 0; k < ns->n_map; k++)
		if (ns->map[k].boff == ns->eb.cur)
			d = ns->map[k].doff;
	for (l = 0; l + 1 < ns->n_lines && ns->lines[l + 1].start <= d; l++)
		;
	ns->cy = (int)l;
	{
		size_t end = ns->lines[l].start + ns->lines[l].len;
		size_t upto = d < end ? d : end;
		char save = ns->shown[upto];

		ns->shown[upto] = '\0';
		ns->cx = (int)text_width(ns->shown + ns->lines[l].start);
		ns->shown[upto] = save;
	}
}

/* The note offset whose shown position on line `l` is nearest `col`. */
static size_t offset_at(note_state *ns, size_t l, int col)
{
	size_t start = ns->lines[l].start, end = start + ns->lines[l].len, k, best = 0;
	int w = 0;

	for (k = 0; k < ns->n_map; k++) {
		size_t d = ns->map[k].doff;
		char save;

		if (d < start)
			continue;
		if (d > end)
			break;
		save = ns->shown[d];
		ns->shown[d] = '\0';
		w = (int)text_width(ns->shown + start);
		ns->shown[d] = save;
		if (w > col)
			break;
		best = ns->map[k].boff;
	}
	if (best == 0 && start > 0)
		for (k = 0; k < ns->n_map; k++)
			if (ns->map[k].doff >= start) {
				best = ns->map[k].boff;
				break;
			}
	return best;
}

static void scroll_to_cursor(const ui *u)
{
	note_state *ns = ui_private(u, &screen_note);
	size_t h = (size_t)(note_height(u) > 0 ? note_height(u) : 1);

	if ((size_t)ns->cy < ns->top)
		ns->top = (size_t)ns->cy;
	if ((size_t)ns->cy >= ns->top + h)
		ns->top = (size_t)ns->cy - h + 1;
}

static void note_draw(ui *u)
{
	note_state *ns = ui_private(u, &screen_note);

	size_t l, h = (size_t)note_height(u);
	char *line;

	draw_fmt(u->body, 0, 1, u->cols - 2, draw_attr(ATTR_HEADING), "Note: %s",
		 workshop_row(u->ws)->title);
	draw_hline(u->body, 1, 0, u->cols);
	layout(u);
	scroll_to_cursor(u);
	line = ui_xmalloc(strlen(ns->shown) + 1);
	for (l = ns->top; l < ns->n_lines && l < ns->top + h; l++) {
		memcpy(line, ns->shown + ns->lines[l].start, ns->lines[l].len);
		line[ns->lines[l].len] = '\0';
		draw_raw(u->body, NOTE_TOP + (int)(l - ns->top), 1, note_width(u) + 1, line,
			 A_NORMAL);
	}
	free(line);
	wmove(u->body, NOTE_TOP + ns->cy - (int)ns->top, 1 + ns->cx);
}

static WINDOW *note_cursor(ui *u)
{
	note_state *ns = ui_private(u, &screen_note);

	wmove(u->body, NOTE_TOP + ns->cy - (int)ns->top, 1 + ns->cx);
	return u->body;
}

/* Stores the note if it changed; 0 when it is safely stored. */
static int note_save(ui *u, int quiet)
{
	note_state *ns = ui_private(u, &screen_note);
	store_error err;

	if (!u->ws || !ns->saved || strcmp(ns->saved, ns->eb.s) == 0)
		return 0;
	if (store_set_note(u->st, u->ws->s.id, ns->row_id, ns->eb.s, &err) != 0) {
		ui_error(u, &err);
		return -1;
	}
	free(ns->saved);
	ns->saved = ui_xstrdup(ns->eb.s);
	u->status_error = 0;    /* an earlier "Not saved" is over: say so */
	ui_saved_row(u, 0, &err, ns->row_id,
		     quiet ? "Saved: note (automatically)." : "Saved: note.");
	return 0;
}

static void note_enter(ui *u)
{
	note_state *ns = ui_private(u, &screen_note);
	const store_row_answer *a = workshop_answer(u->ws);

	memset(ns, 0, sizeof *ns);
	if (editbuf_init(&ns->eb, a ? a->note : "") != 0)
		ui_die("out of memory");
	ns->saved = ui_xstrdup(ns->eb.s);
	ns->row_id = ui_xstrdup(workshop_row(u->ws)->id);
	ns->want_col = -1;
	ns->last_key = time(NULL);
}

/* Also runs when the program is stopped by a signal: the note is kept. */
static void note_leave(ui *u)
{
	note_state *ns = ui_private(u, &screen_note);

	note_save(u, 0);
	editbuf_free(&ns->eb);
	free(ns->saved);
	free(ns->row_id);
	free(ns->shown);
	free(ns->map);
	free(ns->lines);
	memset(ns, 0, sizeof *ns);
}

static void move_vertical(ui *u, int lines)
{
	note_state *ns = ui_private(u, &screen_note);
	long target;

	layout(u);
	if (ns->want_col < 0)
		ns->want_col = ns->cx;
	target = (long)ns->cy + lines;
	if (target < 0)
		target = 0;
	if (target >= (long)ns->n_lines)
		target = (long)ns->n_lines - 1;
	ns->eb.cur = offset_at(ns, (size_t)target, ns->want_col);
}

static void move_line_end(ui *u, int end)
{
	note_state *ns = ui_private(u, &screen_note);

	layout(u);
	ns->eb.cur = offset_at(ns, (size_t)ns->cy, end ? 1 << 20 : 0);
}

static int edit_key(ui *u, int key)
{
	note_state *ns = ui_private(u, &screen_note);
	int h = note_height(u) > 1 ? note_height(u) - 1 : 1;

	switch (key) {
	case '\n': case '\r': case KF(KEY_ENTER):
		return editbuf_insert(&ns->eb, '\n') == 0;
	case '\t': return editbuf_insert(&ns->eb, ' ') == 0;
	case KF(KEY_BACKSPACE): case 127: case KCTRL('h'): editbuf_backspace(&ns->eb); return 1;
	case KF(KEY_DC): case KCTRL('d'): editbuf_delete(&ns->eb); return 1;
	case KF(KEY_LEFT): editbuf_left(&ns->eb); return 1;
	case KF(KEY_RIGHT): editbuf_right(&ns->eb); return 1;
	case KF(KEY_UP): move_vertical(u, -1); return 2;
	case KF(KEY_DOWN): move_vertical(u, 1); return 2;
	case KF(KEY_PPAGE): move_vertical(u, -h); return 2;
	case KF(KEY_NPAGE): move_vertical(u, h); return 2;
	case KF(KEY_HOME): case KCTRL('a'): move_line_end(u, 0); return 1;
	case KF(KEY_END): case KCTRL('e'): move_line_end(u, 1); return 1;
	default: break;
	}
	/* C1 controls (U+0080..U+009F, CSI among them) are kept: text_clean
	 * shows them visibly, like any other control in a note */
	if (!(key & UI_KEY_FN) && key >= 32 && key != 127)
		return editbuf_insert(&ns->eb, (unsigned long)key) == 0;
	return 0;
}

static int note_input(ui *u, int key)
{
	note_state *ns = ui_private(u, &screen_note);
	int r = edit_key(u, key);

	if (!r)
		return 0;
	if (r != 2)
		ns->want_col = -1;
	ns->last_key = time(NULL);
	ui_dirty(u, DIRTY_BODY);
	return 1;
}

static void note_action(ui *u, enum action a, int arg)
{
	(void)arg;
	if (a == ACT_NOTE_SAVE) {
		if (note_save(u, 0) == 0 && !u->status_text[0])
			ui_say(u, "Saved: note (nothing had changed).");
	} else if (a == ACT_NOTE_CLOSE) {
		if (note_save(u, 0) == 0)
			ui_pop(u);
	}
}

static void note_tick(ui *u, time_t now)
{
	note_state *ns = ui_private(u, &screen_note);

	if (now - ns->last_key >= NOTE_AUTOSAVE_SECONDS && ns->saved &&
	    strcmp(ns->saved, ns->eb.s) != 0)
		note_save(u, 1);
}

const screen_ops screen_note = {
	.name = "note",
	.scope = SC_NOTE,
	.private_size = sizeof(note_state),
	.typing = 1,
	.enter = note_enter,
	.leave = note_leave,
	.draw = note_draw,
	.input = note_input,
	.action = note_action,
	.tick = note_tick,
	.cursor = note_cursor,
};
