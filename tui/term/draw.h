/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* draw.h - putting text on the screen safely.
 *
 * Every string drawn here goes through text_clean() first, so names,
 * notes and even the matrix text can never send a control sequence to the
 * terminal; widths come from wcwidth (text_width), so wide characters and
 * accents line up.  Outside a UTF-8 locale or with --ascii, text is
 * transliterated to ASCII and the glyphs below fall back to ASCII.
 */
#ifndef NEXTSTEPS_DRAW_H
#define NEXTSTEPS_DRAW_H

#include <curses.h>
#include <stddef.h>

enum draw_glyph {
	GLYPH_ELLIPSIS,   /* "…" or "..." */
	GLYPH_DOT,        /* "·" or "-" : separates items in a line */
	GLYPH_HLINE,      /* "─" or "-" */
	GLYPH_ARROW,      /* "▸" or ">" : the selected entry */
	GLYPH_BAR         /* "█" or "#" : one column of a bar chart */
};

/* Chooses ASCII or UTF-8 drawing and whether colour is used. */
void draw_init(int ascii, int color);
int draw_ascii(void);
const char *draw_glyph(enum draw_glyph g);
/* text_clean() with the drawing flags (and newlines kept when asked);
 * never NULL (dies when out of memory). */
char *draw_clean(const char *s, int keep_newlines);

/* Attributes by meaning; colour only ever adds to reverse or bold. */
enum draw_attr {
	ATTR_NORMAL,
	ATTR_BAR,         /* title and hint bars */
	ATTR_HEADING,
	ATTR_SELECTED,    /* the selected line of a list */
	ATTR_AGREED,      /* the agreed stage */
	ATTR_KEY,         /* a key name in the hint bar */
	ATTR_ERROR,
	ATTR_DIM
};
attr_t draw_attr(enum draw_attr a);

/* Draws cleaned text at (y, x) in at most `width` columns, ending in an
 * ellipsis when cut.  Returns the columns used. */
int draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* Like draw_text, then fills the rest of `width` with spaces in `attr`. */
int draw_text_fill(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* Draws text already cleaned (no copy), cut to `width`. */
int draw_raw(WINDOW *w, int y, int x, int width, const char *clean, attr_t attr);
/* Wraps cleaned text into at most `max_lines` lines of `width` columns;
 * the last line ends in an ellipsis when the text is longer.  Returns
 * the lines used. */
int draw_wrapped(WINDOW *w, int y, int x, int width, int max_lines,
		 const char *s, attr_t attr);
/* Lines the text needs at `width`. */
int draw_wrapped_lines(const char *s, int width);
/* A horizontal rule. */
void draw_hline(WINDOW *w, int y, int x, int width);
/* printf into a buffer then draw_text. */
int draw_fmt(WINDOW *w, int y, int x, int width, attr_t attr, const char *fmt, ...);

#endif
