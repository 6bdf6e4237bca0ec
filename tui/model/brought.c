/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* brought.c - see brought.h. */
#include "brought.h"

#include <stdio.h>
#include <string.h>

int brought_outcome_of_key(int key)
{
	const char *p = key > 0 && key < 128 ? strchr(BROUGHT_KEYS, key) : NULL;
	static const enum store_outcome order[] = {
		STORE_OUTCOME_DONE, STORE_OUTCOME_IN_PROGRESS, STORE_OUTCOME_DROPPED,
		STORE_OUTCOME_CARRIED, STORE_OUTCOME_NOT_REVIEWED
	};

	return p ? (int)order[p - BROUGHT_KEYS] : -1;
}

int brought_key_of(enum store_outcome outcome)
{
	size_t i;

	for (i = 0; BROUGHT_KEYS[i]; i++)
		if (brought_outcome_of_key(BROUGHT_KEYS[i]) == (int)outcome)
			return BROUGHT_KEYS[i];
	return '?';
}

size_t brought_count(const store_answers *a, const char *row_id, size_t *open)
{
	size_t i, first = 0, n = row_id ? store_answers_brought_of(a, row_id, &first)
		: a->n_brought;

	*open = 0;
	for (i = 0; i < n; i++) {
		size_t k = row_id ? a->brought_by_row[first + i] : i;

		*open += a->brought[k].outcome == STORE_OUTCOME_NOT_REVIEWED;
	}
	return n;
}

int brought_row_text(const store_answers *a, const char *row_id, char *buf,
		     size_t size)
{
	size_t open, n = brought_count(a, row_id, &open);

	buf[0] = '\0';
	if (!n)
		return 0;
	if (open)
		snprintf(buf, size, "From %s: %zu action%s to review", a->brought[0].from_name,
			 open, open == 1 ? "" : "s");
	else
		snprintf(buf, size, "From %s: %zu action%s, reviewed",
			 a->brought[0].from_name, n, n == 1 ? "" : "s");
	return 1;
}

int brought_opening_text(const store_answers *a, char *buf, size_t size)
{
	size_t open;

	buf[0] = '\0';
	if (!brought_count(a, NULL, &open) || !open)
		return 0;
	snprintf(buf, size, "%zu action%s from %s to review", open, open == 1 ? "" : "s",
		 a->brought[0].from_name);
	return 1;
}

void brought_line(const store_brought *b, char *buf, size_t size)
{
	int k = snprintf(buf, size, "%s: ", store_outcome_words(b->outcome));

	if (k > 0 && (size_t)k < size)
		brought_what(b, buf + k, size - (size_t)k);
	k = (int)strlen(buf);
	if ((size_t)k + 2 < size && b->row_gone) {
		snprintf(buf + k, size - (size_t)k, "; ");
		brought_gone(b, buf + k + 2, size - (size_t)k - 2);
	}
}

void brought_what(const store_brought *b, char *buf, size_t size)
{
	if (b->owner[0] || b->due[0])
		snprintf(buf, size, "%s (%s%s%s)", b->text, b->owner,
			 b->owner[0] && b->due[0] ? ", " : "", b->due);
	else
		snprintf(buf, size, "%s", b->text);
}

void brought_gone(const store_brought *b, char *buf, size_t size)
{
	snprintf(buf, size, "row %s is gone from this matrix", b->row_id);
}
