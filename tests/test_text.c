/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_text.c - cleaning, widths and wrapping of user text. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <unistd.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static void utf8_locale(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

static void expect_clean(const char *in, unsigned flags, const char *out)
{
	char *c = text_clean(in, flags);

	cr_assert_not_null(c);
	cr_assert_str_eq(c, out, "clean(%s) gave %s", in, c);
	free(c);
}

Test(text, plain_text_unchanged)
{
	expect_clean("Shared HR and payroll", 0, "Shared HR and payroll");
	expect_clean("Zoë's café 東京", 0, "Zoë's café 東京");
}

Test(text, escape_sequences_made_visible)
{
	expect_clean("\033]0;pwned\007Dr Smith", 0, "^[]0;pwned^GDr Smith");
	expect_clean("a\033[2Jb", 0, "a^[[2Jb");
	expect_clean("over\rwrite", 0, "over^Mwrite");
	expect_clean("back\bspace\x7f", 0, "back^Hspace^?");
}

Test(text, c1_and_bidi_controls_made_visible)
{
	expect_clean("x\xc2\x9b" "2Jy", 0, "x<U+009B>2Jy");
	expect_clean("abc\xe2\x80\xae" "def", 0, "abc<U+202E>def");
	expect_clean("zero\xe2\x80\x8bwidth", 0, "zero<U+200B>width");
	expect_clean("\xef\xbb\xbf" "bom", 0, "<U+FEFF>bom");
}

Test(text, invalid_utf8_shown_as_bytes)
{
	expect_clean("a\xff" "b\xc3", 0, "a\\xFFb\\xC3");
	expect_clean("\xed\xa0\x80", 0, "\\xED\\xA0\\x80");
}

Test(text, newlines_and_tabs)
{
	expect_clean("one\ntwo\tthree", 0, "one two three");
	expect_clean("one\ntwo", TEXT_KEEP_NEWLINES, "one\ntwo");
}

Test(text, ascii_transliterates)
{
	expect_clean("Zoë's café", TEXT_ASCII, "Zoe's cafe");
	expect_clean("\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x93 Stra\xc3\x9f" "e", TEXT_ASCII,
		     "\"quoted\" - Strasse");
	expect_clean("東", TEXT_ASCII, "<U+6771>");
	expect_clean("李明", TEXT_ASCII, "<U+674E><U+660E>");
	expect_clean("\033x", TEXT_ASCII, "^[x");
}

Test(text, utf8_validation)
{
	size_t bad = 0;

	cr_assert(text_utf8_valid("héllo", strlen("héllo")));
	cr_assert_not(text_utf8_valid_prefix("ab\xc0\x80", 4, &bad));
	cr_assert_eq(bad, 2);
	cr_assert_not(text_utf8_valid("\xf5\x80\x80\x80", 4));
}

Test(text, blank)
{
	cr_assert(text_is_blank(" \t\n"));
	cr_assert(text_is_blank(""));
	cr_assert_not(text_is_blank(" x "));
}

Test(text, widths, .init = utf8_locale)
{
	cr_assert_eq(text_width("abc"), 3);
	cr_assert_eq(text_width("café"), 4);
	cr_assert_eq(text_width("東京"), 4);
	cr_assert_eq(text_fit("東京都", 5), 6);   /* two wide chars = 6 bytes */
	cr_assert_eq(text_fit("abc", 10), 3);
}

static size_t wrap(const char *s, size_t width, text_line *l, size_t max)
{
	return text_wrap(s, width, l, max);
}

Test(text, wrap_by_words)
{
	text_line l[8];
	const char *s = "the quick brown fox jumps";
	size_t n = wrap(s, 10, l, 8);

	cr_assert_eq(n, 3);
	cr_assert(strncmp(s + l[0].start, "the quick", l[0].len) == 0 && l[0].len == 9);
	cr_assert(strncmp(s + l[1].start, "brown fox", l[1].len) == 0 && l[1].len == 9);
	cr_assert(strncmp(s + l[2].start, "jumps", l[2].len) == 0 && l[2].len == 5);
}

Test(text, wrap_splits_long_words_and_keeps_newlines)
{
	text_line l[8];
	const char *s = "abcdefghij\nxy";
	size_t n = wrap(s, 4, l, 8);

	cr_assert_eq(n, 4);
	cr_assert_eq(l[0].len, 4);
	cr_assert_eq(l[2].len, 2);   /* "ij" */
	cr_assert(strncmp(s + l[3].start, "xy", 2) == 0);
}

Test(text, wrap_wide_characters, .init = utf8_locale)
{
	text_line l[8];
	const char *s = "東京都庁";   /* 8 columns */
	size_t n = wrap(s, 5, l, 8);

	cr_assert_eq(n, 2);
	cr_assert_eq(l[0].len, 6);    /* two characters, 4 columns */
	cr_assert_eq(l[1].len, 6);
}

Test(text, wrap_counts_beyond_max)
{
	text_line l[1];

	cr_assert_eq(wrap("a b c d", 1, l, 1), 4);
	cr_assert_eq(wrap("", 10, l, 1), 1);
	cr_assert_eq(l[0].len, 0);
}

Test(text, encode_decode_round_trip)
{
	unsigned long cps[] = { 0x41, 0xE9, 0x6771, 0x1F600 };
	size_t i;

	for (i = 0; i < 4; i++) {
		char buf[4];
		unsigned long back;
		size_t n = text_encode(cps[i], buf);

		cr_assert_eq(text_decode(buf, n, &back), n);
		cr_assert_eq(back, cps[i]);
	}
}

Test(text, drop_partial_sequence_at_the_end)
{
	char a[] = "caf\xc3", b[] = "\xe6\x9d", c[] = "ok \xe6\x9d\xb1", d[] = "plain";

	text_drop_partial(a);
	text_drop_partial(b);
	text_drop_partial(c);
	text_drop_partial(d);
	cr_assert_str_eq(a, "caf");
	cr_assert_str_eq(b, "");
	cr_assert_str_eq(c, "ok \xe6\x9d\xb1");
	cr_assert_str_eq(d, "plain");
}

/* ---------------------------------------------------------------- input */

static void c_locale(void)
{
	setlocale(LC_CTYPE, "C");
}

/* Feeds the bytes one at a time, as keys arrive, then flushes; the code
 * points come back as UTF-8. */
static char *type_bytes(const char *s, int locale, size_t *bad)
{
	static char out[256];
	unsigned long cps[TEXT_INPUT_MAX];
	size_t i, k, n, len = strlen(s), olen = 0;
	text_input in;

	text_input_init(&in, locale);
	for (i = 0; i <= len; i++) {
		n = i < len ? text_input_byte(&in, (unsigned char)s[i], cps)
			    : text_input_flush(&in, cps);
		cr_assert_leq(n, TEXT_INPUT_MAX);
		for (k = 0; k < n; k++)
			olen += text_encode(cps[k], out + olen);
	}
	out[olen] = '\0';
	*bad = in.bad;
	return out;
}

static void expect_typed(const char *in, int locale, const char *out, size_t bad)
{
	size_t got_bad;
	char *got = type_bytes(in, locale, &got_bad), *whole;

	cr_assert_str_eq(got, out, "typing [%s] gave [%s]", in, got);
	cr_assert_eq(got_bad, bad, "typing [%s]: %zu bad, not %zu", in, got_bad, bad);
	whole = text_input_to_utf8(in, strlen(in), locale, &got_bad);
	cr_assert_not_null(whole);
	cr_assert_str_eq(whole, out);
	cr_assert_eq(got_bad, bad);
	cr_assert(text_utf8_valid(whole, strlen(whole)));
	free(whole);
}

/* The usability test's cases: nothing after a bad byte is ever lost. */
Test(text, input_utf8_keeps_the_keys_after_a_bad_byte)
{
	expect_typed("Ask Zo\xc3\xab re caf\xc3\xa9", 0, "Ask Zoë re café", 0);
	expect_typed("a\xc3\xab" "bc", 0, "aëbc", 0);
	expect_typed("Zo\xeb Adebayo", 0, "Zo? Adebayo", 1);      /* Latin-1 ë */
	expect_typed("a\xc3" "bc", 0, "a?bc", 1);                 /* cut short */
	expect_typed("p\xc3\xa9x", 0, "péx", 0);
	expect_typed("caf\xe9", 0, "caf?", 1);                    /* at the end */
	expect_typed("\xe6\x9d" "A", 0, "??A", 2);
	expect_typed("\xc0\xaf" "x", 0, "??x", 2);                /* overlong */
	expect_typed("\xed\xa0\x80" "x", 0, "???x", 3);           /* surrogate */
	expect_typed("\xf4\x90\x80\x80", 0, "????", 4);           /* > U+10FFFF */
	expect_typed("\xf0\x9f\x98\x80 \xe6\x97\xa5", 0, "\xf0\x9f\x98\x80 日", 0);
	expect_typed("\xff\xfe", 0, "??", 2);
}

Test(text, input_utf8_waits_for_the_rest_of_a_character)
{
	unsigned long cps[TEXT_INPUT_MAX];
	text_input in;

	text_input_init(&in, 0);
	cr_assert_eq(text_input_byte(&in, 0xe6, cps), 0);
	cr_assert_eq(text_input_byte(&in, 0x97, cps), 0);
	cr_assert_eq(text_input_byte(&in, 0xa5, cps), 1);
	cr_assert_eq(cps[0], 0x65E5);
	/* A bad byte in the middle: the lead is replaced, the new byte kept. */
	cr_assert_eq(text_input_byte(&in, 0xc3, cps), 0);
	cr_assert_eq(text_input_byte(&in, 'b', cps), 2);
	cr_assert_eq(cps[0], TEXT_INPUT_BAD);
	cr_assert_eq(cps[1], 'b');
	cr_assert_eq(text_input_flush(&in, cps), 0);
	cr_assert_eq(in.bad, 1);
}

/* In the locale's encoding: C.UTF-8 decodes UTF-8 with mbrtowc, the C
 * locale (ASCII) refuses every byte above 0x7F. */
Test(text, input_in_a_utf8_locale, .init = utf8_locale)
{
	expect_typed("Zo\xc3\xab caf\xc3\xa9", 1, "Zoë café", 0);
	expect_typed("Zo\xeb Adebayo", 1, "Zo? Adebayo", 1);
}

Test(text, input_in_the_c_locale, .init = c_locale)
{
	expect_typed("Zo\xc3\xab x", 1, "Zo?? x", 2);
	expect_typed("plain ASCII", 1, "plain ASCII", 0);
}

Test(text, input_drops_nul_bytes)
{
	char *s = text_input_to_utf8("a\0b", 3, 0, NULL);

	cr_assert_str_eq(s, "ab");
	free(s);
}

/* `in` in the locale's encoding is `want`, with `want_bad` characters it
 * cannot hold. */
static void to_locale_is(const char *in, const char *want, size_t want_bad)
{
	size_t bad;
	char *s = text_utf8_to_locale(in, &bad);

	cr_assert_str_eq(s, want);
	cr_assert_eq(bad, want_bad);
	free(s);
}

Test(text, utf8_to_locale, .init = c_locale)
{
	to_locale_is("Zoë café \xff", "Zo? caf? ?", 3);
	cr_assert(text_locale_holds('a'));
	cr_assert_not(text_locale_holds(0xEB));
}

Test(text, utf8_to_locale_in_utf8, .init = utf8_locale)
{
	to_locale_is("Zoë 日本", "Zoë 日本", 0);
	cr_assert(text_locale_holds(0xEB));
	cr_assert_not(text_locale_holds(0xD800));
}

Test(text, valid_dates_name_real_days)
{
	cr_assert(text_valid_date(""));
	cr_assert(text_valid_date(NULL));
	cr_assert(text_valid_date("2026-02-28"));
	cr_assert(text_valid_date("2024-02-29"));
	cr_assert(text_valid_date("2026-12-31"));
	cr_assert_not(text_valid_date("2026-02-30"));
	cr_assert_not(text_valid_date("2023-02-29"));
	cr_assert_not(text_valid_date("2026-13-01"));
	cr_assert_not(text_valid_date("2026-00-10"));
	cr_assert_not(text_valid_date("2026-04-31"));
	cr_assert_not(text_valid_date("2026-4-3"));
	cr_assert_not(text_valid_date("2026-04-03x"));
	cr_assert_not(text_valid_date("31/12/2026"));
	cr_assert_not(text_valid_date("tomorrow"));
}

Test(text, due_dates_read_both_ways_and_show_in_words)
{
	char d[11], shown[32];

	cr_assert(text_parse_date("31/01/2027", d));
	cr_assert_str_eq(d, "2027-01-31");
	cr_assert(text_parse_date(" 2027-01-31 ", d));
	cr_assert_str_eq(d, "2027-01-31");
	cr_assert(text_parse_date("", d));
	cr_assert_str_eq(d, "");
	cr_assert_not(text_parse_date("31/02/2027", d));
	cr_assert_str_eq(d, "");
	cr_assert_not(text_parse_date("1/2/2027", d));
	cr_assert_not(text_parse_date("2027/01/31", d));
	cr_assert_str_eq(text_date_show("2027-01-31", shown, sizeof shown), "31 Jan 2027");
	cr_assert_str_eq(text_date_show("2026-12-05", shown, sizeof shown), "5 Dec 2026");
	cr_assert_str_eq(text_date_show("", shown, sizeof shown), "");
	setenv("NEXTSTEPS_NOW", "1800000000", 1);   /* 15 Jan 2027 */
	cr_assert(text_date_past("2027-01-14"));
	cr_assert_not(text_date_past("2027-01-15"));
	cr_assert_not(text_date_past("2027-01-31"));
	cr_assert_not(text_date_past(""));
	unsetenv("NEXTSTEPS_NOW");
}

static void expect_hidden(const char *in, const char *dir, const char *want)
{
	char out[256];

	cr_assert_str_eq(text_hide_paths(in, dir, out, sizeof out), want,
			 "hide_paths(%s) gave %s", in, out);
}

Test(text, hide_paths_keeps_only_file_names)
{
	expect_hidden("Report written to /srv/ns/Day.txt", NULL,
		      "Report written to Day.txt");
	expect_hidden("/srv/ns/Day.txt exists: replace it?", NULL,
		      "Day.txt exists: replace it?");
	expect_hidden("Not saved: /srv/ns/w.db: database is locked", NULL,
		      "Not saved: w.db: database is locked");
	expect_hidden("cannot create folder '/a/b/': Permission denied", NULL,
		      "cannot create folder 'b': Permission denied");
	expect_hidden("Start -> Build, 3/5 voted", NULL, "Start -> Build, 3/5 voted");
	expect_hidden("no path here", NULL, "no path here");
}

Test(text, hide_paths_drops_a_known_folder_with_blanks)
{
	expect_hidden("Not saved: /srv/my files: x/w.db: disk full", "/srv/my files: x",
		      "Not saved: w.db: disk full");
	expect_hidden("metadata/w.db and data/w.db", "data", "metadata/w.db and w.db");
}

Test(text, hide_paths_cuts_at_the_buffer)
{
	char out[8];

	cr_assert_str_eq(text_hide_paths("abcdefghij /x/y", NULL, out, sizeof out),
			 "abcdefg");
}

Test(text, now_follows_a_number_or_a_clock_file)
{
	char path[] = "/tmp/ns-now-XXXXXX", spec[64];
	FILE *f;
	int fd = mkstemp(path);

	cr_assert(fd >= 0);
	close(fd);
	setenv("NEXTSTEPS_NOW", "1800000000", 1);
	cr_assert_eq(text_now(), 1800000000LL);
	snprintf(spec, sizeof spec, "@%s", path);
	setenv("NEXTSTEPS_NOW", spec, 1);
	f = fopen(path, "w");
	fputs("1800000060\n", f);
	fclose(f);
	cr_assert_eq(text_now(), 1800000060LL);
	f = fopen(path, "w");
	fputs("1800000120", f);
	fclose(f);
	cr_assert_eq(text_now(), 1800000120LL, "read again at every call");
	f = fopen(path, "w");
	fputs("soon", f);
	fclose(f);
	cr_assert_gt(text_now(), 1700000000LL, "not a number: the real clock");
	unlink(path);
	cr_assert_gt(text_now(), 1700000000LL, "no file: the real clock");
	unsetenv("NEXTSTEPS_NOW");
}
