/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* editbuf.h - the text of a multi-line editor as UTF-8 with a cursor that
 * always sits on a character boundary, so moving and erasing work by
 * character, never by byte.  No curses here. */
#ifndef NEXTSTEPS_EDITBUF_H
#define NEXTSTEPS_EDITBUF_H

#include <stddef.h>

typedef struct editbuf {
	char *s;          /* always NUL-terminated */
	size_t len, cap;
	size_t cur;       /* byte offset of the cursor */
} editbuf;

/* Returns -1 when out of memory (the buffer is then empty but usable). */
int editbuf_init(editbuf *b, const char *text);
void editbuf_free(editbuf *b);
/* Inserts one character (a code point) at the cursor. */
int editbuf_insert(editbuf *b, unsigned long cp);
void editbuf_backspace(editbuf *b);
void editbuf_delete(editbuf *b);
void editbuf_left(editbuf *b);
void editbuf_right(editbuf *b);
/* The boundary of the character before / after byte offset `off`. */
size_t editbuf_prev(const editbuf *b, size_t off);
size_t editbuf_next(const editbuf *b, size_t off);

#endif
