/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* actions.c - the key table: lookup, key names, help and hint text. */
#include "actions.h"

#include <stdio.h>
#include <string.h>

#define ACTION_ROW(id, scope, k1, k2, k3, hint, pair, help) \
	{ ACT_##id, #id, scope, { k1, k2, k3 }, hint, ACT_##pair, help },
static const action_info action_table[] = {
	{ ACT_NONE, "NONE", 0, { 0, 0, 0 }, NULL, ACT_NONE, "" },
	ACTION_INFO(ACTION_ROW)
};
#undef ACTION_ROW

const action_info *action_get(enum action a)
{
	if ((int)a <= ACT_NONE || a >= ACT_COUNT)
		return &action_table[0];
	return &action_table[a];
}

/* The first entry in table order wins, so a screen's own meaning of a key
 * and a shared meaning never compete: scopes keep them apart. */
enum action action_for_key(int key, unsigned scope, int *arg)
{
	size_t i, k;

	*arg = 0;
	if (key == '\r')
		key = '\n';
	for (i = 1; i < ACT_COUNT; i++) {
		const action_info *ai = &action_table[i];

		if (!(ai->scope & scope))
			continue;
		for (k = 0; k < 3; k++) {
			if (ai->keys[k] == KDIGITS && key >= '1' && key <= '9') {
				*arg = key - '0';
				return ai->id;
			}
			if (ai->keys[k] != 0 && ai->keys[k] == key)
				return ai->id;
		}
	}
	return ACT_NONE;
}

const char *action_key_name(int key, char *buf, size_t size)
{
	static const struct { int key; const char *name; } names[] = {
		{ KF(KEY_DOWN), "Down" }, { KF(KEY_UP), "Up" },
		{ KF(KEY_LEFT), "Left" }, { KF(KEY_RIGHT), "Right" },
		{ KF(KEY_NPAGE), "PgDn" }, { KF(KEY_PPAGE), "PgUp" },
		{ KF(KEY_HOME), "Home" }, { KF(KEY_END), "End" },
		{ KF(KEY_DC), "Delete" }, { KF(KEY_ENTER), "KP-Enter" },
		{ KF(KEY_BACKSPACE), "Backspace" }, { KF(KEY_BTAB), "Shift-Tab" },
		{ '\n', "Enter" }, { '\r', "Enter" }, { ' ', "Space" },
		{ '\t', "Tab" }, { KESC, "Esc" }, { 127, "Backspace" }
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, size, "%s", names[i].name);
			return buf;
		}
	if (key & UI_KEY_FN) {
		int code = key & ~UI_KEY_FN;

		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(buf, size, "F%d", code - KEY_F(0));
		else
			snprintf(buf, size, "key %d", code);
	} else if (key > 0 && key < 32) {
		snprintf(buf, size, "^%c", key + '@');
	} else {
		snprintf(buf, size, "%c", key);
	}
	return buf;
}

static void digits_text(int n_stages, char *buf, size_t size)
{
	if (n_stages < 1 || n_stages > 9)
		n_stages = 9;
	snprintf(buf, size, "1-%d", n_stages);
}

void action_keys_text(const action_info *ai, int n_stages, char *buf, size_t size)
{
	size_t k, len = 0;
	char name[32];

	buf[0] = '\0';
	for (k = 0; k < 3 && len + 1 < size; k++) {
		if (!ai->keys[k])
			continue;
		if (ai->keys[k] == KDIGITS)
			digits_text(n_stages, name, sizeof name);
		else
			action_key_name(ai->keys[k], name, sizeof name);
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? ", " : "", name);
	}
}

static int key_is_typed(int key)
{
	return key == KDIGITS || (key >= 32 && key < 127);
}

/* The first key that works while `typing` (printable keys do not). */
static int first_key(const action_info *ai, int typing)
{
	size_t k;

	for (k = 0; k < 3; k++)
		if (ai->keys[k] && !(typing && key_is_typed(ai->keys[k])))
			return ai->keys[k];
	return 0;
}

static void key_text(int key, int n_stages, char *buf, size_t size)
{
	if (key == KDIGITS)
		digits_text(n_stages, buf, size);
	else
		action_key_name(key, buf, size);
}

void action_hint_text(const action_info *ai, int n_stages, int typing,
		      char *buf, size_t size)
{
	char a[32], b[32];
	int k1 = first_key(ai, typing), k2;

	buf[0] = '\0';
	if (!ai->hint || !k1)
		return;
	key_text(k1, n_stages, a, sizeof a);
	k2 = ai->pair != ACT_NONE ? first_key(action_get(ai->pair), typing) : 0;
	if (k2) {
		key_text(k2, n_stages, b, sizeof b);
		snprintf(buf, size, "%s/%s %s", a, b, ai->hint);
	} else {
		snprintf(buf, size, "%s %s", a, ai->hint);
	}
}
