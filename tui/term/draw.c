/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* draw.c - see draw.h. */
#include "draw.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "text.h"

static int ascii_only;
static int use_color;

enum { PAIR_BAR = 1, PAIR_AGREED, PAIR_ERROR };

void draw_init(int ascii, int color)
{
	ascii_only = ascii;
	use_color = color;
	if (color) {
		init_pair(PAIR_BAR, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_AGREED, COLOR_BLACK, COLOR_GREEN);
		init_pair(PAIR_ERROR, COLOR_RED, -1);
	}
}

int draw_ascii(void)
{
	return ascii_only;
}

const char *draw_glyph(enum draw_glyph g)
{
	static const char *const utf8[] = { "\u2026", "\u00b7", "\u2500", "\u25b8",
					    "\u2588" };
	static const char *const ascii[] = { "...", "-", "-", ">", "#" };

	return ascii_only ? ascii[g] : utf8[g];
}

char *draw_clean(const char *s, int keep_newlines)
{
	unsigned flags = (ascii_only ? TEXT_ASCII : 0) |
			 (keep_newlines ? TEXT_KEEP_NEWLINES : 0);
	char *c = text_clean(s ? s : "", flags);

	if (!c)
		ui_die("out of memory");
	return c;
}

/* Colour is an extra on top of reverse and bold, never the only sign. */
attr_t draw_attr(enum draw_attr a)
{
	switch (a) {
	case ATTR_BAR:
		return A_REVERSE | (use_color ? (attr_t)COLOR_PAIR(PAIR_BAR) : 0);
	case ATTR_HEADING:
		return A_BOLD;
	case ATTR_SELECTED:
		return A_REVERSE;
	case ATTR_AGREED:
		return A_REVERSE | A_BOLD |
		       (use_color ? (attr_t)COLOR_PAIR(PAIR_AGREED) : 0);
	case ATTR_KEY:
		return A_BOLD;
	case ATTR_ERROR:
		return A_BOLD | (use_color ? (attr_t)COLOR_PAIR(PAIR_ERROR) : 0);
	case ATTR_DIM:
		return use_color ? A_DIM : A_NORMAL;
	default:
		return A_NORMAL;
	}
}

int draw_raw(WINDOW *w, int y, int x, int width, const char *clean, attr_t attr)
{
	size_t fit, tw;
	const char *ell = draw_glyph(GLYPH_ELLIPSIS);
	size_t ew = text_width(ell);

	if (width <= 0)
		return 0;
	tw = text_width(clean);
	wattrset(w, attr);
	if (tw <= (size_t)width) {
		mvwaddnstr(w, y, x, clean, (int)strlen(clean));
		wattrset(w, A_NORMAL);
		return (int)tw;
	}
	if ((size_t)width <= ew) {
		fit = text_fit(clean, (size_t)width);
		mvwaddnstr(w, y, x, clean, (int)fit);
	} else {
		fit = text_fit(clean, (size_t)width - ew);
		mvwaddnstr(w, y, x, clean, (int)fit);
		waddstr(w, ell);
	}
	wattrset(w, A_NORMAL);
	return width;
}

int draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	char *c = draw_clean(s, 0);
	int n = draw_raw(w, y, x, width, c, attr);

	free(c);
	return n;
}

int draw_text_fill(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	int n = draw_text(w, y, x, width, s, attr);

	if (n < width) {
		wattrset(w, attr);
		mvwhline(w, y, x + n, ' ', width - n);
		wattrset(w, A_NORMAL);
	}
	return width;
}

int draw_fmt(WINDOW *w, int y, int x, int width, attr_t attr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	text_drop_partial(buf);
	return draw_text(w, y, x, width, buf, attr);
}

#define WRAP_MAX 512

int draw_wrapped_lines(const char *s, int width)
{
	char *c = draw_clean(s, 1);
	size_t n = text_wrap(c, width > 0 ? (size_t)width : 1, NULL, 0);

	free(c);
	return (int)n;
}

int draw_wrapped(WINDOW *w, int y, int x, int width, int max_lines,
		 const char *s, attr_t attr)
{
	text_line lines[WRAP_MAX];
	char *c, *line;
	size_t n, i, shown;
	const char *ell = draw_glyph(GLYPH_ELLIPSIS);

	if (width <= 0 || max_lines <= 0)
		return 0;
	c = draw_clean(s, 1);
	line = ui_xmalloc(strlen(c) + 1);
	n = text_wrap(c, (size_t)width, lines, WRAP_MAX);
	shown = n < (size_t)max_lines ? n : (size_t)max_lines;
	if (shown > WRAP_MAX)
		shown = WRAP_MAX;
	for (i = 0; i < shown; i++) {
		memcpy(line, c + lines[i].start, lines[i].len);
		line[lines[i].len] = '\0';
		if (i + 1 < shown || n <= shown) {
			draw_raw(w, y + (int)i, x, width, line, attr);
			continue;
		}
		/* The text goes on: make room for the ellipsis. */
		line[text_fit(line, (size_t)width - text_width(ell))] = '\0';
		draw_raw(w, y + (int)i, x, width, line, attr);
		wattrset(w, attr);
		waddstr(w, ell);
		wattrset(w, A_NORMAL);
	}
	free(line);
	free(c);
	return (int)shown;
}

void draw_hline(WINDOW *w, int y, int x, int width)
{
	if (width <= 0)
		return;
	if (ascii_only)
		mvwhline(w, y, x, '-', width);
	else
		mvwhline(w, y, x, ACS_HLINE, width);
}
