/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* scoring.h - one participant scoring a session privately before the
 * workshop (`nextsteps score SESSION --as NAME`), as the screens and the
 * line mode both see it: the rows in walking order, the scorer's own
 * score on each (never anyone else's), which rows the workshop has
 * opened (locked), and where to resume.
 *
 * Every score is stored as it is given (store_score_set) under the
 * scorer as the actor, so undo and redo reach only their own scores.
 * No curses here.
 */
#ifndef NEXTSTEPS_SCORING_H
#define NEXTSTEPS_SCORING_H

#include <stddef.h>

#include "store.h"
#include "workshop.h"

typedef struct scoring {
	workshop *ws;              /* the session; ws->cur is the scorer's row */
	int me;                    /* the scorer's participant position */
	store_opened_rows opened;  /* rows the workshop has opened: locked */
	size_t n_done, n_locked;   /* counted on each load, kept by each score,
				      so a key never counts every row */
} scoring;

/* Opens session `name_or_id` for participant `name` (exact after trimming,
 * store_score_participant) at the first row they have not scored.
 * STORE_ENOINPUT for an unknown session or participant, the message
 * naming how many participants the session has, never who. */
scoring *scoring_open(store *st, const char *name_or_id, const char *name,
		      store_error *err);
void scoring_close(scoring *sc);
/* Reads the session again (another process may have opened rows). */
int scoring_reload(scoring *sc, store_error *err);

/* The scorer's vote on a step (a stage index, STORE_VOTE_DONT_KNOW or
 * STORE_VOTE_NONE). */
int scoring_mine(const scoring *sc, size_t step);
/* Whether the workshop has opened the step's row: its score is locked. */
int scoring_locked(const scoring *sc, size_t step);
/* The first step from `from` on that the scorer has not scored and that
 * is not locked; n_steps when there is none. */
size_t scoring_next_open(const scoring *sc, size_t from);
/* Rows scored by the scorer, and (in *locked) rows locked, of the steps
 * (kept counts: no cost per row). */
size_t scoring_done(const scoring *sc, size_t *locked);
/* The scorer's scores on rows this session's matrix no longer walks:
 * kept in the store, never shown as rows; returns how many, and the
 * first few ids joined by ", " in `buf` (0 and "" when out of memory:
 * it only informs). */
size_t scoring_gone(const scoring *sc, char *buf, size_t size);

/* Stores the score on the current row (STORE_VOTE_NONE takes it back). */
int scoring_set(scoring *sc, int vote, store_error *err);
/* Undoes (redo = 0) or redoes the scorer's latest score; the row it
 * touched becomes the current one.  *done is 0 when there was nothing;
 * `msg` says what happened in words. */
int scoring_revert(scoring *sc, int redo, int *done, char *msg, size_t size,
		   store_error *err);
/* The score in words: "Build", "don't know", "not scored". */
const char *scoring_words(const scoring *sc, int vote);

#endif
