/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* history.h - the session's record of changes in words, newest first, for
 * the history screen and `nextsteps history` (text, CSV or JSON).
 *
 * Each change reads: when, who made it (the facilitator, or the
 * participant at their own terminal), its row, what it did in the room's
 * words, and the value before and after ("open -> Build").  An undo is
 * listed as the change it is ("undid: ..."); a change undone since is
 * marked "undone", a redo "redo", an undo redone since "redone".
 */
#ifndef NEXTSTEPS_HISTORY_H
#define NEXTSTEPS_HISTORY_H

#include <stdio.h>

#include "report.h"
#include "store.h"

typedef struct history_line {
	char when[32];      /* local time, "YYYY-MM-DD HH:MM:SS" */
	char who[160];      /* "facilitator" or the participant's name */
	char what[400];     /* store_change_words, or the undo's summary */
	char before[120];   /* the value before, "" when it has none */
	char after[120];    /* the value after, "" when it has none */
	const char *status; /* "", "undone", "redo", "redone", "redo, undone" */
} history_line;

/* The words of one change (user text not yet cleaned for the terminal). */
void history_line_of(const store_change *c, history_line *out);

/* Writes the history of session `s` as o->format: text (one change a
 * line), or the table "history" in CSV or JSON with columns
 *   session_id,session,change_id,at,who,actor,row_id,kind,what,before,
 *   after,status,undoes
 * (at: ISO 8601 UTC; actor: facilitator or participant; undoes: the id
 * of the change an undo reverted or of the undo a redo reverted).
 * STORE_EIO when the stream fails. */
int history_write(store *st, const store_session *s, const report_options *o,
		  FILE *out, store_error *err);

#endif
