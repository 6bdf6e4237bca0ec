/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* room_projector.c - watch as a projector shows it, read from the back of
 * a room.
 *
 * Only what the room needs: where the walk is, the row's title at the
 * top in bold with its agreed stage in words; the stages, the agreed one marked by position,
 * reverse video and "[*] ... (agreed)", their descriptors with a blank
 * line between them, and after a reveal a bar of the votes per stage;
 * at the bottom the workshop clock, the shown note, and whether the room
 * follows the facilitator live, under the votes in figures (while the
 * ballot is secret, how many have voted).  The layout uses the whole window: wide windows
 * get wider margins and the stages side by side, the stages sit in the
 * middle of the space between the title and the clock, and a small
 * window falls back to the label column or grid watch shares with join.
 *
 * The regions keep room.c's signatures: after a change only the regions
 * whose content moved are drawn, unless the layout itself moved (the
 * row, the size, the note shown), and an idle watcher draws nothing.
 */
#include "room.h"

#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "text.h"
#include "ui_live.h"

#define TITLE_MAX_LINES 3
#define NOTE_MAX_LINES 4
#define COL_GAP 4          /* between stages side by side */
#define COL_MIN 26         /* narrowest column of a stage side by side */
#define TALL_INDENT 4      /* a descriptor under its stage's label */

/* Where everything goes for this row at this size. */
typedef struct room_layout {
	int x, w;              /* the text's margin and width */
	int title_y, title_h;  /* the section, the row's title, its state */
	int stages_y, stages_h;
	int side;              /* stages side by side: each column's width */
	int tall;              /* stages one under another, with blank lines */
	int foot_y, foot_h;
	int note_h;
} room_layout;

static int wrapped(const char *s, int width)
{
	int n = draw_wrapped_lines(s, width);

	return n < 1 ? 1 : n;
}

/* Lines of the stages side by side: label, mark or bar, blank, the
 * longest descriptor. */
static int side_height(const workshop *ws, int cw)
{
	const content_row *row = workshop_row(ws);
	size_t i;
	int most = 1;

	for (i = 0; i < ws->m->n_stages; i++)
		if (wrapped(row->descriptors[i], cw) > most)
			most = wrapped(row->descriptors[i], cw);
	return 3 + most;
}

/* Lines of the stages one under another with a blank line between. */
static int tall_height(const workshop *ws, int w)
{
	const content_row *row = workshop_row(ws);
	size_t i, n = ws->m->n_stages;
	int need = (int)n - 1;

	for (i = 0; i < n; i++)
		need += 1 + wrapped(row->descriptors[i], w - TALL_INDENT);
	return need;
}

/* Foot: the votes in figures (how many voted while the ballot hides
 * them), the clock, the note when shown, whether the room follows the
 * facilitator. */
static int foot_height(const ui *u, room_layout *l)
{
	const store_row_answer *a = workshop_answer(u->ws);
	char note[8];

	room_note_line(u->ws, a, note, sizeof note);
	l->note_h = 0;
	if (note[0]) {
		l->note_h = wrapped(a->note, l->w - 6);
		if (l->note_h > NOTE_MAX_LINES)
			l->note_h = NOTE_MAX_LINES;
	}
	return 3 + l->note_h;
}

/* Stages side by side when the columns are wide enough, else one under
 * another when they fit, else room.c's column or grid. */
static void place_stages(const ui *u, room_layout *l, int avail)
{
	int n = (int)u->ws->m->n_stages, cw = (l->w - COL_GAP * (n - 1)) / n;

	l->side = 0;
	l->tall = 0;
	l->stages_h = avail;
	if (u->cols >= UI_WIDE_COLS && cw >= COL_MIN && side_height(u->ws, cw) <= avail) {
		l->side = cw;
		l->stages_h = side_height(u->ws, cw);
	} else if (tall_height(u->ws, l->w) <= avail) {
		l->tall = 1;
		l->stages_h = tall_height(u->ws, l->w);
	}
}

static void layout_of(const ui *u, room_layout *l)
{
	int h = getmaxy(u->body), pad = h >= 40 ? 2 : h >= 24 ? 1 : 0, free;

	memset(l, 0, sizeof *l);
	l->x = u->cols >= UI_WIDE_COLS ? u->cols / 10 : 1;
	l->w = u->cols - 2 * l->x;
	l->title_y = pad;
	l->title_h = wrapped(workshop_row(u->ws)->title, l->w);
	if (l->title_h > TITLE_MAX_LINES)
		l->title_h = TITLE_MAX_LINES;
	l->foot_h = foot_height(u, l);
	l->foot_y = h - l->foot_h - pad;
	/* the section, the title, its state, a blank line; a blank line
	 * above the foot */
	free = l->foot_y - 1 - (l->title_y + l->title_h + 3);
	place_stages(u, l, free > 0 ? free : 0);
	l->stages_y = l->title_y + l->title_h + 3;
	if (l->stages_h < free)
		l->stages_y += (free - l->stages_h) / 2;
}

static unsigned long long layout_sig(const ui *u, const room_layout *l)
{
	unsigned long long h = 1469598103934665603ULL;
	long long v[] = { (long long)u->ws->cur, u->cols, getmaxy(u->body), l->stages_y,
			  l->foot_y, l->note_h, l->side, l->tall };
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		h = (h ^ (unsigned long long)v[i]) * 1099511628211ULL;
	return h;
}

/* ------------------------------------------------------------ drawing */

static void draw_title(ui *u, const room_layout *l)
{
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	size_t n_in, idx = workshop_row_in_section(ws, &n_in);
	char state[128], where[64];
	int y = l->title_y;

	room_clear_lines(u->body, 0, l->stages_y);
	snprintf(where, sizeof where, "Section %zu of %zu: ",
		 ws->steps[ws->cur].section + 1, ws->m->n_sections);
	snprintf(state, sizeof state, "  %s Row %zu of %zu", draw_glyph(GLYPH_DOT),
		 idx + 1, n_in);
	draw_text(u->body, y, l->x, l->w, where, A_NORMAL);
	draw_text(u->body, y, l->x + (int)strlen(where),
		  l->w - (int)strlen(where) - (int)text_width(state),
		  workshop_section(ws)->title, A_NORMAL);
	draw_text(u->body, y++, l->x + l->w - (int)text_width(state),
		  (int)text_width(state), state, A_NORMAL);
	y += draw_wrapped(u->body, y, l->x, l->w, l->title_h, workshop_row(ws)->title,
			  draw_attr(ATTR_HEADING));
	room_state_line(ws, a, state, sizeof state);
	draw_text(u->body, y, l->x, l->w, state,
		  room_agreed(ws, a) >= 0 ? draw_attr(ATTR_HEADING) : A_NORMAL);
}

/* One stage's column: its label (reverse video when agreed), then
 * "(agreed)" or the votes' bar, then its descriptor. */
static void draw_side_stage(ui *u, const room_view *rv, const room_layout *l, size_t i,
			    int x)
{
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	int agreed = room_agreed(ws, a) == (int)i, y = l->stages_y;
	attr_t at = agreed ? draw_attr(ATTR_AGREED) : draw_attr(ATTR_HEADING);
	char buf[256], bar[64] = "";

	room_stage_label(u, rv, i, 0, buf, sizeof buf);
	draw_text_fill(u->body, y, x, l->side, buf, at);
	if (!workshop_ballot_hides(ws, a)) {
		rowfacts_spread sp;

		workshop_spread_of(ws, a, &sp);
		if (sp.count[i] > 0)
			snprintf(bar, sizeof bar, "%s %d vote%s", room_bar(sp.count[i]),
				 sp.count[i], sp.count[i] == 1 ? "" : "s");
	}
	snprintf(buf, sizeof buf, "%s%s%s", agreed ? "(agreed)" : "",
		 agreed && bar[0] ? "  " : "", bar);
	draw_text(u->body, y + 1, x, l->side, buf, at);
	draw_wrapped(u->body, y + 3, x, l->side, l->stages_h - 3,
		     workshop_row(ws)->descriptors[i], A_NORMAL);
}

/* Label lines "[*] 2 Build  (agreed)  · ### 3 votes", each with its
 * descriptor under it, and a blank line between the stages. */
static void draw_tall_stages(ui *u, const room_view *rv, const room_layout *l)
{
	const workshop *ws = u->ws;
	int agreed = room_agreed(ws, workshop_answer(ws)), y = l->stages_y;
	size_t i;
	char buf[256];

	for (i = 0; i < ws->m->n_stages; i++) {
		room_stage_label(u, rv, i, 1, buf, sizeof buf);
		draw_text_fill(u->body, y, l->x, l->w, buf, (int)i == agreed
			       ? draw_attr(ATTR_AGREED) : draw_attr(ATTR_HEADING));
		y += 1 + draw_wrapped(u->body, y + 1, l->x + TALL_INDENT, l->w - TALL_INDENT,
				      l->stages_h, workshop_row(ws)->descriptors[i],
				      A_NORMAL) + 1;
	}
}

static void draw_stages(ui *u, room_view *rv, const room_layout *l)
{
	size_t i, n = u->ws->m->n_stages;
	int top = l->title_y + l->title_h + 2;

	room_clear_lines(u->body, top, l->foot_y - top);
	if (l->side)
		for (i = 0; i < n; i++)
			draw_side_stage(u, rv, l, i, l->x + (int)i * (l->side + COL_GAP));
	else if (l->tall)
		draw_tall_stages(u, rv, l);
	else if (l->stages_h < (int)n)
		room_draw_grid(u, rv, l->stages_y, l->stages_h > 0 ? l->stages_h : 1);
	else
		room_draw_column(u, rv, l->stages_y, l->stages_h);
}

static void draw_foot(ui *u, room_view *rv, const room_layout *l)
{
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	char buf[256];
	int y = l->foot_y;

	room_clear_lines(u->body, y, getmaxy(u->body) - y);
	room_votes_line(ws, a, buf, sizeof buf);
	draw_text(u->body, y, l->x, 6, "Votes", draw_attr(ATTR_HEADING));
	draw_text(u->body, y++, l->x + 7, l->w - 7, buf, A_NORMAL);
	room_clock_line(ws, buf, sizeof buf);
	draw_text(u->body, y++, l->x, l->w, buf, draw_attr(ATTR_HEADING));
	if (l->note_h) {
		draw_text(u->body, y, l->x, 5, "Note", draw_attr(ATTR_HEADING));
		draw_wrapped(u->body, y, l->x + 6, l->w - 6, l->note_h, a->note, A_NORMAL);
		y += l->note_h;
	}
	room_people_line(u, rv, buf, sizeof buf);
	draw_text(u->body, y, l->x, l->w, buf,
		  ui_live_facilitator_here(u) ? A_NORMAL : draw_attr(ATTR_AGREED));
}

void room_projector_draw(ui *u, room_view *rv)
{
	room_layout l;
	unsigned long long sig;

	layout_of(u, &l);
	sig = layout_sig(u, &l);
	if (sig != rv->layout) {
		rv->layout = sig;
		rv->todo = (1u << ROOM_REGIONS) - 1;
	}
	if (rv->todo & (1u << ROOM_HEAD)) {
		draw_title(u, &l);
		/* the clock is in the head's signature and drawn in the foot */
		rv->todo |= 1u << ROOM_FOOT;
	}
	if (rv->todo & (1u << ROOM_STAGES))
		draw_stages(u, rv, &l);
	if (rv->todo & (1u << ROOM_FOOT))
		draw_foot(u, rv, &l);
}
