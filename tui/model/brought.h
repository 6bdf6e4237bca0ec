/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* brought.h - the words every front end uses for the actions brought from
 * the organisation's previous session (the walk's line for a row, the
 * review's outcome keys), so the screens and the line mode say the same. */
#ifndef NEXTSTEPS_BROUGHT_H
#define NEXTSTEPS_BROUGHT_H

#include <stddef.h>

#include "store.h"

/* The keys that set an outcome, in the order they are offered: d done,
 * i in progress, x dropped, c carried forward, 0 not yet reviewed. */
#define BROUGHT_KEYS "dixc0"

/* The outcome a key sets; -1 for any other key. */
int brought_outcome_of_key(int key);
/* The key that sets `outcome`. */
int brought_key_of(enum store_outcome outcome);
/* How many brought actions belong to `row_id` (NULL: all of them), and
 * in *open how many of those have no outcome yet. */
size_t brought_count(const store_answers *a, const char *row_id, size_t *open);
/* The walk's line for a row, e.g. "From Camden 2025: 2 actions to
 * review" or "From Camden 2025: 1 action, reviewed"; 0 (and "") when
 * none belongs to the row.  Not yet cleaned. */
int brought_row_text(const store_answers *a, const char *row_id, char *buf,
		     size_t size);
/* What waits for the review before the walk begins, e.g. "3 actions
 * from Camden 2025 to review"; 0 (and "") when every one has an
 * outcome.  Not yet cleaned. */
int brought_opening_text(const store_answers *a, char *buf, size_t size);
/* One brought action in a line: "carried forward: Write the rota (Dr
 * Ada, 2026-03-01)", with "; row X is gone from this matrix" when it
 * is.  Not yet cleaned. */
void brought_line(const store_brought *b, char *buf, size_t size);
/* The action itself: "Write the rota (Dr Ada, 2026-03-01)", or the text
 * alone when it has no owner and no date.  Not yet cleaned. */
void brought_what(const store_brought *b, char *buf, size_t size);
/* "row X is gone from this matrix", for an action whose row this
 * session does not walk.  Not yet cleaned. */
void brought_gone(const store_brought *b, char *buf, size_t size);

#endif
