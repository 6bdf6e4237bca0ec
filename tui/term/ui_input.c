/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_input.c - keys from the terminal, and the locale they are read in.
 *
 * ncurses' wget_wch decodes with the locale, and a byte it cannot decode
 * makes it read on until it has MB_LEN_MAX bytes and then fail: in LANG=C
 * with a terminal sending UTF-8, or in a UTF-8 locale with a terminal
 * sending Latin-1, the keys after an accented letter were silently lost.
 * So the bytes are read with wgetch and decoded here (text_input): a byte
 * that cannot be decoded becomes one '?', the keys after it are kept, and
 * the status line says so once.
 *
 * Which encoding: UTF-8 when the locale says UTF-8 -- and when the locale
 * is plain C/POSIX, which claims nothing beyond ASCII.  That is what a
 * server with no locale set gives a PuTTY session, and PuTTY sends UTF-8;
 * a terminal that really is ASCII never sends a byte above 0x7F, and one
 * set to Latin-1 gets a '?' and the warning rather than a wrong letter.
 * In any other locale (ISO-8859-1, ...) the locale's own encoding.
 *
 * A C/POSIX locale also has LC_CTYPE switched to C.UTF-8 while the screens
 * run, because ncurses keeps field text in the locale's encoding and the
 * C locale cannot hold 'ë'.  Drawing decisions stay with the user's own
 * locale (locale_is_utf8 answers for it): our screens draw ASCII, and
 * only the text in a form field is shown as typed.
 */
#include "ui_input.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"
#include "locale_info.h"
#include "ui.h"

/* The rest of a character arrives with its first byte; this long without
 * it, the character is unfinished and its bytes are replaced. */
#define UI_INPUT_REST_MS 100
/* The warning stays up this long while the user types on. */
#define UI_INPUT_WARN_SECONDS 5

static char *user_ctype;             /* its LC_CTYPE, to restore */
static text_input keys;
static int keys_ready;
static int queue[TEXT_INPUT_MAX + 1];  /* decoded keys not yet returned */
static size_t q_head, q_len;
static int held = -1;                /* a byte read too far, for next time */
static size_t replaced;              /* by the form (ui_input_replaced) */
static time_t first_bad;             /* when the first was replaced */

/* ------------------------------------------------------------ the locale */

void ui_input_locale(void)
{
	const char *now = setlocale(LC_CTYPE, NULL);

	locale_remember();
	text_input_init(&keys, !locale_input_is_utf8());
	keys_ready = 1;
	if (!locale_is_ascii() || !now)
		return;
	user_ctype = ui_xstrdup(now);
	/* Without C.UTF-8 the form holds ASCII only: the rest becomes '?'. */
	if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8"))
		setlocale(LC_CTYPE, user_ctype);
}

void ui_input_locale_restore(void)
{
	if (user_ctype)
		setlocale(LC_CTYPE, user_ctype);
	free(user_ctype);
	user_ctype = NULL;
}

/* ------------------------------------------------------------ keys */

/* One byte or curses key code, ERR when the wait ended. */
static int raw_key(ui *u, int timeout_ms)
{
	int c = held;

	if (c >= 0) {
		held = -1;
		return c;
	}
	wtimeout(u->hints, timeout_ms);
	return wgetch(u->hints);
}

static void queue_add(int key)
{
	if (q_len < sizeof queue / sizeof queue[0])
		queue[(q_head + q_len++) % (sizeof queue / sizeof queue[0])] = key;
}

static int queue_take(void)
{
	int key = queue[q_head];

	q_head = (q_head + 1) % (sizeof queue / sizeof queue[0]);
	q_len--;
	return key;
}

/* Escape alone acts at once.  But a function key the terminfo entry does
 * not know arrives as Escape plus "[4~" and the like, all at once: that
 * is swallowed whole, so it can never act as Escape, '[' and '4'.  Any
 * other key right after Escape is a key of its own (not Alt). */
static int escape_or_unknown(ui *u)
{
	int c, n = 0;

	c = raw_key(u, 0);
	if (c == ERR)
		return KESC;
	if (c != '[' && c != 'O') {
		held = c;
		return KESC;
	}
	/* CSI: parameters, then a final byte from '@' to '~'; SS3: one byte. */
	while (n++ < 16 && (c = raw_key(u, 0)) != ERR)
		if (c >= '@' && c <= '~' && (c != '[' || n > 1))
			break;
	ui_say(u, "That key means nothing to this terminal type (TERM); ? lists the keys.");
	return 0;
}

/* Bytes until a character is whole (or found bad); every key it yields
 * is queued, and a function key that cut it short after them. */
static void decode_from(ui *u, int c)
{
	unsigned long cps[TEXT_INPUT_MAX];
	size_t n = text_input_byte(&keys, (unsigned char)c, cps), i;
	int fn = 0;

	while (n == 0) {
		c = raw_key(u, UI_INPUT_REST_MS);
		if (c == ERR || c > 0xFF) {
			fn = c == ERR ? 0 : KF(c);
			n = text_input_flush(&keys, cps);
			break;
		}
		n = text_input_byte(&keys, (unsigned char)c, cps);
	}
	for (i = 0; i < n; i++)
		queue_add((int)cps[i]);
	if (fn)
		queue_add(fn);
}

int ui_input_key(ui *u, int timeout_ms)
{
	int c, key;

	if (!keys_ready) {
		text_input_init(&keys, !locale_input_is_utf8());
		keys_ready = 1;
	}
	if (!q_len) {
		c = raw_key(u, timeout_ms);
		if (c == ERR)
			return 0;
		if (c > 0xFF)
			return KF(c);
		decode_from(u, c);
	}
	if (!q_len)
		return 0;
	key = queue_take();
	return key == KESC ? escape_or_unknown(u) : key;
}

void ui_input_replaced(void)
{
	replaced++;
}

int ui_input_warn(time_t now)
{
	if (!first_bad && (keys.bad || replaced))
		first_bad = now;
	return first_bad && now - first_bad < UI_INPUT_WARN_SECONDS;
}
