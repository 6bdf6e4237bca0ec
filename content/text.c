/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* text.c - see text.h.  Decoding is done here rather than with mbrtowc()
 * so that cleaning does not depend on the user's locale: a note typed in a
 * UTF-8 terminal must print safely from a cron job running in LANG=C.
 * Only the input functions at the end use the locale, on purpose: they
 * read what the user's terminal sends. */
#include "text.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

size_t text_decode(const char *s, size_t len, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long c, min;
	size_t n, i;

	if (len == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) { n = 2; c &= 0x1F; min = 0x80; }
	else if (c >= 0xE0 && c <= 0xEF) { n = 3; c &= 0x0F; min = 0x800; }
	else if (c >= 0xF0 && c <= 0xF4) { n = 4; c &= 0x07; min = 0x10000; }
	else goto bad;
	if (len < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xFFFD;
	return 1;
}

size_t text_encode(unsigned long cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int text_utf8_valid_prefix(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;

	while (i < len) {
		unsigned long cp;
		size_t n = text_decode(s + i, len - i, &cp);

		if (cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

int text_utf8_valid(const char *s, size_t len)
{
	return text_utf8_valid_prefix(s, len, NULL);
}

int text_is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Characters that change how text around them is shown without being
 * visible themselves: bidi overrides and isolates, zero-width characters,
 * line/paragraph separators, the BOM and the tag block. */
static int is_invisible_control(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F) ||
	       (cp >= 0xD800 && cp <= 0xDFFF);
}

/* ASCII stand-ins for the characters people commonly type in names and
 * notes, so an ASCII report of "Zoë's café" reads "Zoe's cafe". */
static const char *transliterate(unsigned long cp)
{
	static const char latin1[64][2] = {
		"A", "A", "A", "A", "A", "A", "A", "C", "E", "E", "E", "E",
		"I", "I", "I", "I", "D", "N", "O", "O", "O", "O", "O", "x",
		"O", "U", "U", "U", "U", "Y", "T", "s",
		"a", "a", "a", "a", "a", "a", "a", "c", "e", "e", "e", "e",
		"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "/",
		"o", "u", "u", "u", "u", "y", "t", "y"
	};

	switch (cp) {
	case 0xC6: return "AE";
	case 0xDF: return "ss";
	case 0xE6: return "ae";
	case 0x152: return "OE";
	case 0x153: return "oe";
	case 0xA3: return "GBP";
	case 0x20AC: return "EUR";
	case 0xA0: return " ";
	case 0x2018: case 0x2019: case 0x201A: case 0x2032: return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x2033: return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: return "-";
	case 0x2014: case 0x2015: return "--";
	case 0x2026: return "...";
	case 0x2022: case 0xB7: return "*";
	case 0xD7: return "x";
	default: break;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	return NULL;
}

typedef struct buf {
	char *p;
	size_t len, cap;
	int oom;
} buf;

static void put(buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap : 64);
		char *np;

		while (cap < b->len + n + 1)
			cap *= 2;
		if (!(np = realloc(b->p, cap))) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void put_visible_control(buf *b, unsigned long cp)
{
	char tmp[32];

	if (cp < 0x20 || cp == 0x7F) {
		tmp[0] = '^';
		tmp[1] = cp == 0x7F ? '?' : (char)(cp + 0x40);
		put(b, tmp, 2);
	} else {
		snprintf(tmp, sizeof tmp, "<U+%04lX>", cp);
		put(b, tmp, strlen(tmp));
	}
}

static void put_char(buf *b, const char *s, size_t n, unsigned long cp,
		     unsigned flags)
{
	char tmp[8];

	if (cp == 0xFFFD && n == 1 && (unsigned char)*s >= 0x80) {
		snprintf(tmp, sizeof tmp, "\\x%02X", (unsigned char)*s);
		put(b, tmp, 4);
	} else if (cp == '\n') {
		put(b, (flags & TEXT_KEEP_NEWLINES) ? "\n" : " ", 1);
	} else if (cp == '\t') {
		put(b, " ", 1);
	} else if (cp < 0x20 || cp == 0x7F || is_invisible_control(cp)) {
		put_visible_control(b, cp);
	} else if (cp >= 0x80 && (flags & TEXT_ASCII)) {
		const char *t = transliterate(cp);

		/* No ASCII stand-in: the code point, so two names in a script
		 * ASCII cannot show never print the same ("Dr ??"). */
		if (t)
			put(b, t, strlen(t));
		else
			put_visible_control(b, cp);
	} else {
		put(b, s, n);
	}
}

char *text_clean(const char *s, unsigned flags)
{
	buf b = { NULL, 0, 0, 0 };
	size_t i = 0, len = strlen(s);

	put(&b, "", 0);
	while (i < len) {
		unsigned long cp;
		size_t n = text_decode(s + i, len - i, &cp);

		put_char(&b, s + i, n, cp, flags);
		i += n;
	}
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

int text_char_width(unsigned long cp)
{
	int w;

	if (cp < 0x20 || cp == 0x7F)
		return 0;
	if (cp < 0x7F)
		return 1;
	w = wcwidth((wchar_t)cp);
	/* Outside a UTF-8 locale wcwidth() knows nothing: count one column. */
	return w < 0 ? 1 : w;
}

size_t text_width(const char *s)
{
	size_t i = 0, len = strlen(s), w = 0;

	while (i < len) {
		unsigned long cp;

		i += text_decode(s + i, len - i, &cp);
		w += (size_t)text_char_width(cp);
	}
	return w;
}

void text_drop_partial(char *s)
{
	size_t len = strlen(s), i = len, need;
	unsigned char c;

	while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	c = (unsigned char)s[i - 1];
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (c >= 0x80 && len - (i - 1) < need)
		s[i - 1] = '\0';
}

size_t text_fit(const char *s, size_t width)
{
	size_t i = 0, len = strlen(s), w = 0;

	while (i < len) {
		unsigned long cp;
		size_t n = text_decode(s + i, len - i, &cp);
		size_t cw = (size_t)text_char_width(cp);

		if (w + cw > width)
			break;
		w += cw;
		i += n;
	}
	return i;
}

static void emit(text_line *lines, size_t max, size_t *n, const char *s,
		 size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	if (*n < max) {
		lines[*n].start = start;
		lines[*n].len = end - start;
	}
	(*n)++;
}

size_t text_wrap(const char *s, size_t width, text_line *lines, size_t max)
{
	size_t n = 0, len = strlen(s), i = 0;

	if (width == 0)
		width = 1;
	for (;;) {
		size_t start = i, col = 0, j = i, brk = 0, after = 0;
		int have_brk = 0;

		while (j < len && s[j] != '\n') {
			unsigned long cp;
			size_t l = text_decode(s + j, len - j, &cp);
			size_t w = (size_t)text_char_width(cp);

			if (cp == ' ' && j > start) {
				brk = j;
				after = j + 1;
				have_brk = 1;
			}
			if (col + w > width)
				break;
			col += w;
			j += l;
		}
		if (j >= len || s[j] == '\n') {
			emit(lines, max, &n, s, start, j);
			if (j >= len)
				break;
			i = j + 1;
			continue;
		}
		if (have_brk) {
			emit(lines, max, &n, s, start, brk);
			i = after;
		} else {
			if (j == start) {   /* a character wider than the line */
				unsigned long cp;
				j += text_decode(s + j, len - j, &cp);
			}
			emit(lines, max, &n, s, start, j);
			i = j;
		}
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
	}
	return n;
}

/* ---------------------------------------------------------------- input */

/* Whether p[0..n) is a whole UTF-8 character (its length, *cp set), the
 * valid start of one (0), or begins with a byte that cannot start one
 * here (-1).  The second byte's range excludes overlong forms, surrogates
 * and code points above U+10FFFF, as text_decode does. */
static int utf8_try(const unsigned char *p, size_t n, unsigned long *cp)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need, i;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) need = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF) need = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4) need = 4;
	else return -1;
	if (p[0] == 0xE0) lo = 0xA0;
	else if (p[0] == 0xED) hi = 0x9F;
	else if (p[0] == 0xF0) lo = 0x90;
	else if (p[0] == 0xF4) hi = 0x8F;
	for (i = 1; i < n && i < need; i++)
		if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF))
			return -1;
	if (n < need)
		return 0;
	return (int)text_decode((const char *)p, need, cp);
}

/* glibc's wchar_t is the code point (__STDC_ISO_10646__); elsewhere only
 * ASCII can be trusted to be. */
static int wide_is_code_point(wchar_t w)
{
	unsigned long c = (unsigned long)w;

#ifdef __STDC_ISO_10646__
	return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
#else
	return c < 0x80;
#endif
}

/* Like utf8_try, in the locale's encoding.  A fresh state each time: the
 * pending bytes are always tried from the start of a character. */
static int locale_try(const unsigned char *p, size_t n, unsigned long *cp)
{
	mbstate_t st;
	wchar_t w;
	size_t r;

	memset(&st, 0, sizeof st);
	r = mbrtowc(&w, (const char *)p, n, &st);
	if (r == (size_t)-2)
		return 0;
	if (r == (size_t)-1 || !wide_is_code_point(w))
		return -1;
	*cp = (unsigned long)w;
	return r == 0 ? 1 : (int)r;
}

void text_input_init(text_input *in, int locale)
{
	memset(in, 0, sizeof *in);
	in->locale = locale;
}

/* Decodes what is pending; an unfinished character waits unless `final`
 * (or the buffer is full, when its first byte cannot be part of one). */
static size_t input_drain(text_input *in, unsigned long *out, int final)
{
	size_t k = 0;

	while (in->n) {
		unsigned long cp = 0;
		int r = in->locale ? locale_try(in->pend, in->n, &cp)
				   : utf8_try(in->pend, in->n, &cp);

		if (r == 0 && !final && in->n < TEXT_INPUT_MAX)
			break;
		if (r <= 0) {
			cp = TEXT_INPUT_BAD;
			r = 1;
			in->bad++;
		}
		out[k++] = cp;
		in->n -= (size_t)r;
		memmove(in->pend, in->pend + r, in->n);
	}
	return k;
}

size_t text_input_byte(text_input *in, unsigned char c, unsigned long *out)
{
	in->pend[in->n++] = c;
	return input_drain(in, out, 0);
}

size_t text_input_flush(text_input *in, unsigned long *out)
{
	return input_drain(in, out, 1);
}

/* Four bytes of UTF-8 per input byte at most (a single-byte encoding
 * maps a byte to U+FFFF or below: three). */
char *text_input_to_utf8(const char *s, size_t len, int locale, size_t *bad)
{
	unsigned long cps[TEXT_INPUT_MAX];
	char *o = malloc(len * 4 + 1);
	size_t i, k, n, olen = 0;
	text_input in;

	if (!o)
		return NULL;
	text_input_init(&in, locale);
	for (i = 0; i <= len; i++) {
		n = i < len ? text_input_byte(&in, (unsigned char)s[i], cps)
			    : text_input_flush(&in, cps);
		for (k = 0; k < n; k++)
			if (cps[k] != 0)
				olen += text_encode(cps[k], o + olen);
	}
	o[olen] = '\0';
	if (bad)
		*bad = in.bad;
	return o;
}

int text_locale_holds(unsigned long cp)
{
	char tmp[MB_LEN_MAX];
	mbstate_t st;

	if (cp < 0x80)
		return 1;
	memset(&st, 0, sizeof st);
	return wide_is_code_point((wchar_t)cp) &&
	       wcrtomb(tmp, (wchar_t)cp, &st) != (size_t)-1;
}

char *text_utf8_to_locale(const char *s, size_t *bad)
{
	size_t len = strlen(s), i = 0, olen = 0, nbad = 0;
	char *o = malloc(len * MB_CUR_MAX + 1);
	mbstate_t st;

	if (!o)
		return NULL;
	memset(&st, 0, sizeof st);
	while (i < len) {
		unsigned long cp;
		size_t n = text_decode(s + i, len - i, &cp), w = (size_t)-1;

		if (!(cp == 0xFFFD && n == 1) && wide_is_code_point((wchar_t)cp))
			w = wcrtomb(o + olen, (wchar_t)cp, &st);
		if (w == (size_t)-1) {
			memset(&st, 0, sizeof st);
			o[olen] = TEXT_INPUT_BAD;
			w = 1;
			nbad++;
		}
		olen += w;
		i += n;
	}
	o[olen] = '\0';
	if (bad)
		*bad = nbad;
	return o;
}

/* ---------------------------------------------------------------- dates */

/* strptime alone accepts 2026-02-30; the mktime round trip does not. */
int text_valid_date(const char *s)
{
	struct tm tm, check;
	const char *end;
	time_t t;

	if (!s || !*s)
		return 1;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%d", &tm);
	if (!end || *end)
		return 0;
	/* mktime normalises 2026-02-30 to March 2nd: a changed day means the
	 * date named no real day. */
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	check = tm;
	t = mktime(&check);
	if (t == (time_t)-1)
		return 0;
	return check.tm_year == tm.tm_year && check.tm_mon == tm.tm_mon &&
	       check.tm_mday == tm.tm_mday;
}

int text_parse_date(const char *in, char out[11])
{
	char t[16];
	size_t n;
	unsigned d, m, y;
	char tail;

	out[0] = '\0';
	if (!in)
		return 1;
	while (*in == ' ')
		in++;
	n = strlen(in);
	while (n && in[n - 1] == ' ')
		n--;
	if (n == 0)
		return 1;
	if (n >= sizeof t)
		return 0;
	memcpy(t, in, n);
	t[n] = '\0';
	if (n == 10 && t[2] == '/' && t[5] == '/' &&
	    sscanf(t, "%2u/%2u/%4u%c", &d, &m, &y, &tail) == 3)
		snprintf(t, sizeof t, "%04u-%02u-%02u", y % 10000, m % 100, d % 100);
	if (!text_valid_date(t))
		return 0;
	memcpy(out, t, 11);
	return 1;
}

int text_date_past(const char *iso)
{
	char today[11];
	time_t now = (time_t)text_now();
	struct tm tm;

	if (!iso || !*iso || !text_valid_date(iso) || !localtime_r(&now, &tm))
		return 0;
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	return strcmp(iso, today) < 0;
}

const char *text_date_show(const char *iso, char *buf, size_t size)
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	unsigned y, m, d;

	if (iso && *iso && text_valid_date(iso) &&
	    sscanf(iso, "%4u-%2u-%2u", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		snprintf(buf, size, "%u %s %u", d, months[m - 1], y);
	else
		snprintf(buf, size, "%s", iso ? iso : "");
	return buf;
}

/* ------------------------------------------------------------ the clock */

/* Seconds as NEXTSTEPS_NOW spells them; -1 when it is not a number. */
static long long now_number(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	return !errno && end != s && !*end && v >= 0 ? v : -1;
}

/* NEXTSTEPS_NOW=@FILE: the number in FILE, read at every call, so a test
 * can move the clock of a program that is running.  -1 when FILE cannot
 * be read or holds no number. */
static long long now_from_file(const char *path)
{
	char buf[32];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return now_number(buf);
}

long long text_now(void)
{
	const char *e = getenv("NEXTSTEPS_NOW");
	long long v = -1;

	if (e && *e == '@')
		v = now_from_file(e + 1);
	else if (e && *e)
		v = now_number(e);
	return v >= 0 ? v : (long long)time(NULL);
}

/* ---------------------------------------------------------------- paths */

static int path_boundary(const char *s, size_t i)
{
	return i == 0 || strchr(" \t(='\"", s[i - 1]) != NULL;
}

static int path_starts(const char *s, size_t i)
{
	return s[i] == '/' && path_boundary(s, i);
}

static int path_ends(const char *s, size_t j)
{
	char c = s[j];

	if (c == '\0' || c == ' ' || c == '\t' || c == '\'' || c == '"' || c == ')')
		return 1;
	return (c == ':' || c == ',' || c == ';') &&
	       (s[j + 1] == '\0' || s[j + 1] == ' ');
}

/* Appends n bytes of p to out (len used of size), never past the end. */
static void path_put(char *out, size_t size, size_t *len, const char *p, size_t n)
{
	if (*len + 1 >= size)
		return;
	if (n > size - 1 - *len)
		n = size - 1 - *len;
	memcpy(out + *len, p, n);
	*len += n;
	out[*len] = '\0';
}

char *text_hide_paths(const char *s, const char *dir, char *out, size_t size)
{
	size_t dl = dir ? strlen(dir) : 0, i = 0, len = 0;

	if (!size)
		return out;
	out[0] = '\0';
	while (s[i]) {
		if (dl && path_boundary(s, i) && strncmp(s + i, dir, dl) == 0 &&
		    s[i + dl] == '/') {
			i += dl + 1;
		} else if (path_starts(s, i)) {
			size_t j = i, end, last;

			while (!path_ends(s, j))
				j++;
			for (end = j; end > i + 1 && s[end - 1] == '/'; end--)
				;
			for (last = end; last > i && s[last - 1] != '/'; last--)
				;
			path_put(out, size, &len, s + last, end - last);
			i = j;
		} else {
			path_put(out, size, &len, s + i, 1);
			i++;
		}
	}
	text_drop_partial(out);
	return out;
}
