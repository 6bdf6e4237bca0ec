/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* editbuf.c - see editbuf.h.  Character boundaries come from text_decode,
 * so an invalid byte counts as one character, exactly as it is shown. */
#include "editbuf.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static int reserve(editbuf *b, size_t extra)
{
	size_t cap = b->cap ? b->cap : 64;
	char *p;

	if (b->len + extra + 1 <= b->cap)
		return 0;
	while (cap < b->len + extra + 1)
		cap *= 2;
	if (!(p = realloc(b->s, cap)))
		return -1;
	b->s = p;
	b->cap = cap;
	return 0;
}

int editbuf_init(editbuf *b, const char *text)
{
	size_t n = strlen(text ? text : "");

	memset(b, 0, sizeof *b);
	if (reserve(b, n) != 0)
		return -1;
	memcpy(b->s, text ? text : "", n + 1);
	b->len = n;
	b->cur = n;
	return 0;
}

void editbuf_free(editbuf *b)
{
	free(b->s);
	memset(b, 0, sizeof *b);
}

size_t editbuf_next(const editbuf *b, size_t off)
{
	unsigned long cp;

	if (off >= b->len)
		return b->len;
	return off + text_decode(b->s + off, b->len - off, &cp);
}

/* Walks forward from the start of the line, so the answer agrees with
 * text_decode even around invalid bytes. */
size_t editbuf_prev(const editbuf *b, size_t off)
{
	size_t start = off, i, prev;

	if (off == 0)
		return 0;
	while (start > 0 && b->s[start - 1] != '\n' && off - start < 64)
		start--;
	while (start > 0 && ((unsigned char)b->s[start] & 0xC0) == 0x80)
		start--;
	prev = i = start;
	while (i < off) {
		prev = i;
		i = editbuf_next(b, i);
	}
	return prev;
}

int editbuf_insert(editbuf *b, unsigned long cp)
{
	char enc[4];
	size_t n = text_encode(cp, enc);

	if (reserve(b, n) != 0)
		return -1;
	memmove(b->s + b->cur + n, b->s + b->cur, b->len - b->cur + 1);
	memcpy(b->s + b->cur, enc, n);
	b->len += n;
	b->cur += n;
	return 0;
}

void editbuf_backspace(editbuf *b)
{
	size_t p = editbuf_prev(b, b->cur);

	memmove(b->s + p, b->s + b->cur, b->len - b->cur + 1);
	b->len -= b->cur - p;
	b->cur = p;
}

void editbuf_delete(editbuf *b)
{
	size_t n = editbuf_next(b, b->cur);

	memmove(b->s + b->cur, b->s + n, b->len - n + 1);
	b->len -= n - b->cur;
}

void editbuf_left(editbuf *b)
{
	b->cur = editbuf_prev(b, b->cur);
}

void editbuf_right(editbuf *b)
{
	b->cur = editbuf_next(b, b->cur);
}
