/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* text.h - UTF-8 text that is safe to show: validation, neutralising
 * control characters, display width and word wrapping.
 *
 * Every piece of text typed by a user or read from a file passes through
 * text_clean() before it reaches a terminal or a report, so escape
 * sequences, bare carriage returns and invisible bidirectional controls can
 * never act on the reader's terminal; they are shown visibly instead.
 */
#ifndef NEXTSTEPS_TEXT_H
#define NEXTSTEPS_TEXT_H

#include <stddef.h>

int text_utf8_valid(const char *s, size_t len);
/* Like text_utf8_valid; on failure *bad is the offset of the first bad byte. */
int text_utf8_valid_prefix(const char *s, size_t len, size_t *bad);
/* True when s holds only spaces, tabs and newlines (or nothing). */
int text_is_blank(const char *s);

/* Decode one UTF-8 character at s (at most len bytes).  Returns its length
 * (1 for an invalid byte, with *cp = 0xFFFD) and 0 at the end of input. */
size_t text_decode(const char *s, size_t len, unsigned long *cp);
/* Encode cp as UTF-8 into out (4 bytes at least); returns the length. */
size_t text_encode(unsigned long cp, char *out);

enum text_flags {
	TEXT_ASCII = 1,          /* transliterate or replace non-ASCII */
	TEXT_KEEP_NEWLINES = 2   /* keep '\n' (notes); otherwise it becomes a space */
};

/* A copy of s with every control character, escape sequence introducer,
 * C1 control, bidirectional override and invisible format character
 * replaced by a visible form ("^[", "<U+202E>"), invalid UTF-8 shown as
 * "\xNN", and tabs as a space.  Returns malloc'd text, NULL when out of
 * memory. */
char *text_clean(const char *s, unsigned flags);

/* Columns a character or a cleaned string takes on a terminal. */
int text_char_width(unsigned long cp);
size_t text_width(const char *s);

/* Word wrapping: fills `lines` with up to `max` (start, length) pairs of
 * byte ranges of s, each at most `width` columns; words longer than the
 * width are split between characters.  Newlines start a new line.
 * Returns the number of lines needed, which may exceed `max`. */
typedef struct text_line {
	size_t start;
	size_t len;
} text_line;

size_t text_wrap(const char *s, size_t width, text_line *lines, size_t max);

/* Drops a UTF-8 sequence left incomplete at the end of s, as a fixed-size
 * buffer's truncation can leave one (it would show as "\xE6"). */
void text_drop_partial(char *s);

/* Byte length of the longest prefix of s that fits in `width` columns. */
size_t text_fit(const char *s, size_t width);

/* ---------------------------------------------------------------- input
 * Bytes typed at a terminal or piped in arrive in whatever encoding the
 * terminal sends, which need not be the one the locale claims (PuTTY set
 * to Latin-1 in a UTF-8 locale, or sending UTF-8 to a server with no
 * locale).  text_input decodes them one byte at a time, either as UTF-8
 * or in the locale's encoding (mbrtowc, LC_CTYPE), and never loses the
 * bytes after a bad one: a byte that cannot be decoded becomes one
 * TEXT_INPUT_BAD and decoding goes on at the next byte. */
#define TEXT_INPUT_BAD '?'
/* Pending bytes, and code points one call can return, at most. */
#define TEXT_INPUT_MAX 8

typedef struct text_input {
	int locale;                          /* mbrtowc; else UTF-8 */
	unsigned char pend[TEXT_INPUT_MAX];  /* an unfinished character */
	size_t n;
	size_t bad;                          /* bytes replaced so far */
} text_input;

void text_input_init(text_input *in, int locale);
/* Adds a byte; the characters it completes (or replaces) go to out, which
 * holds TEXT_INPUT_MAX.  Returns how many; 0 while a character is
 * unfinished. */
size_t text_input_byte(text_input *in, unsigned char c, unsigned long *out);
/* Input paused or ended: each byte of an unfinished character becomes
 * TEXT_INPUT_BAD.  Returns how many went to out. */
size_t text_input_flush(text_input *in, unsigned long *out);
/* len bytes decoded the same way, as valid UTF-8 (NUL bytes dropped);
 * *bad (may be NULL) counts the replaced bytes.  malloc'd; NULL when out
 * of memory. */
char *text_input_to_utf8(const char *s, size_t len, int locale, size_t *bad);
/* UTF-8 text in the locale's multibyte encoding, for curses, which keeps
 * text that way (the form library's field buffers): characters the locale
 * cannot hold become TEXT_INPUT_BAD; *bad (may be NULL) counts them.
 * malloc'd; NULL when out of memory. */
char *text_utf8_to_locale(const char *s, size_t *bad);
/* True when the locale's encoding can hold the character. */
int text_locale_holds(unsigned long cp);

/* ---------------------------------------------------------------- dates */

/* Whether `s` is a due date: "YYYY-MM-DD" naming a real day, or "" (or
 * NULL: no date). */
int text_valid_date(const char *s);

/* Reads a due date typed as "YYYY-MM-DD" or "DD/MM/YYYY" (spaces around
 * it ignored) into `out` as "YYYY-MM-DD"; "" stays "".  Returns 1 when
 * it names a real day (or is empty), else 0 with `out` "". */
int text_parse_date(const char *in, char out[11]);
/* Whether the stored date "YYYY-MM-DD" is before today (by text_now(),
 * local time); 0 for "" or a date that is not valid. */
int text_date_past(const char *iso);
/* The stored date as the screens show it, "31 Jan 2027" (English month
 * names, as the reports are in English); "" stays "", anything that is
 * not a valid date is copied as it is. */
const char *text_date_show(const char *iso, char *buf, size_t size);

/* ---------------------------------------------------------------- paths */

/* `s` with every file path cut to its last part, for a kiosk whose users
 * must not learn where files live: "/srv/ns/w.db: database is locked"
 * becomes "w.db: database is locked".  `dir` (NULL or "" for none) is a
 * folder known to appear, which may hold blanks or colons: "dir/" is
 * dropped first wherever it stands.  Any other path starts with '/' at
 * the start or after a blank, '(', '=' or a quote, and runs to a blank, a
 * quote, ')' or a ':', ',' or ';' that ends a word.  Writes at most `size`
 * bytes (cut at a character boundary) to `out` and returns it. */
char *text_hide_paths(const char *s, const char *dir, char *out, size_t size);

/* "Now" in Unix seconds for every stored time and the section timer:
 * NEXTSTEPS_NOW when it holds a number (tests, golden reports and the
 * bench's byte counts need a clock that stands still), or the number in
 * FILE when it is "@FILE", read at every call (tests that move the clock
 * of a running program), else time(NULL).
 * Liveness (heartbeats, who is away) reads the real clock instead. */
long long text_now(void);

#endif
