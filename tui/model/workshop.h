/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* workshop.h - the open session as the screens see it: its matrix
 * snapshot, the rows that apply to its track in walking order, the answers
 * so far, where the facilitator is and how long the section has taken.
 *
 * No curses here: the screens draw what this computes, and a watcher
 * can reuse it to follow another process through the store.
 */
#ifndef NEXTSTEPS_WORKSHOP_H
#define NEXTSTEPS_WORKSHOP_H

#include <stddef.h>
#include <time.h>

#include "content.h"
#include "plan.h"
#include "rowfacts.h"
#include "store.h"

/* One applicable row in walking order. */
typedef struct workshop_step {
	size_t section;
	size_t row;
} workshop_step;

typedef struct workshop {
	store *st;                 /* borrowed */
	store_session s;           /* with participants */
	content_matrix *m;         /* the session's own snapshot */
	store_answers a;
	workshop_step *steps;      /* rows that apply to s.track */
	size_t n_steps;
	/* Per section (m->n_sections entries): its first step (or the next
	 * section's, n_steps past the last), how many steps, how many of
	 * them answered.  Kept so that nothing a key does counts every row. */
	size_t *sec_first, *sec_steps, *sec_answered;
	size_t answered;           /* steps answered in the whole session */
	/* Per section, the minutes the facilitator set (0: its share of the
	 * rows), and the plan they make (report/plan.h), both read with the
	 * answers. */
	int *sec_minutes;
	plan plan;
	/* Bumped by every full reload, and by every one-row refresh (which
	 * also sets changed_step): a screen's cached layout compares them. */
	unsigned long long reloads, row_changes;
	size_t changed_step;
	size_t cur;                /* index into steps */
	time_t entered;            /* when the current section's clock started */
	long long data_version;    /* store_data_version at the last load */
	int follower;              /* watch or join: never stores a position or time */
} workshop;

/* Opens a session by name or id and resumes at its stored position. */
workshop *workshop_open(store *st, const char *name_or_id, store_error *err);
/* Adds the running section time to the store, then frees everything. */
void workshop_close(workshop *ws);
/* Reads the session and its answers again (after any change, or when
 * another process changed the file). */
int workshop_reload(workshop *ws, store_error *err);
/* Reads one row's answer again after this process changed it (the rest
 * of the session is as loaded): a change costs the same in a matrix of
 * 10,000 rows as of 10.  Another process's change needs workshop_reload. */
int workshop_refresh_row(workshop *ws, const char *row_id, store_error *err);

/* A follower's move to the facilitator's stored position; 1 when the
 * current row changed. */
int workshop_follow(workshop *ws);

const content_section *workshop_section(const workshop *ws);
const content_row *workshop_row(const workshop *ws);
/* The answer stored for the current row, or NULL. */
const store_row_answer *workshop_answer(const workshop *ws);
const store_row_answer *workshop_answer_at(const workshop *ws, size_t step);

/* Moves to a step: stores the position, and the section time when the
 * section changes.  A note shown to watchers (N) belongs to its row, so it
 * is hidden first, and the position is stored only once it is: no watcher
 * ever sees it under another row.  The move happens even when storing
 * fails. */
int workshop_goto(workshop *ws, size_t step, store_error *err);
/* The facilitator's walk is on its row: stored as the position, which
 * opens the row in the workshop (locking its private scores, store.h).
 * Called when the walk starts; workshop_goto does it for every move.
 * Nothing for a follower. */
int workshop_open_row(workshop *ws, store_error *err);
/* The step of the row with id `row_id`, or n_steps when it is not walked
 * (no such row, or a row of the other track). */
size_t workshop_find_step(const workshop *ws, const char *row_id);
/* "5.1": the section's number and the row's place among the section's
 * walked rows, as the walk and the printed report number them. */
void workshop_step_number(const workshop *ws, size_t step, char *out, size_t size);
/* Undoes the last change not yet undone made by the person at this
 * terminal (the store's actor: the facilitator, or the participant of
 * `join`), never another person's; reloads, and moves to
 * that change's row when the walk has it, so the room sees what changed.
 * `msg` says it in the room's words: "Undone on 5.1 Extended access
 * appointments: agreed Build", "Undone: turned the secret ballot on", or
 * "Nothing left to undo.".  *moved is 1 when the current row changed.
 * On failure `msg` is "" unless the undo itself was saved (only the
 * reload or the position failed). */
int workshop_undo(workshop *ws, int *moved, char *msg, size_t size,
		  store_error *err);
/* Redoes what this person's last undo reverted (store_redo_entry), the
 * same way: "Redone on 5.1 ...: agreed Build", or "Nothing to redo.". */
int workshop_redo(workshop *ws, int *moved, char *msg, size_t size,
		  store_error *err);
/* The first step of section `section` (an index into m->sections), or of
 * the next section with an applicable row; n_steps when none. */
size_t workshop_section_start(const workshop *ws, size_t section);
/* Index of the current row among the applicable rows of its section. */
size_t workshop_row_in_section(const workshop *ws, size_t *n_in_section);

/* Rows answered (agreed or not applicable) of all, or of one section. */
size_t workshop_answered(const workshop *ws, size_t *total);
size_t workshop_section_answered(const workshop *ws, size_t section, size_t *total);
int workshop_step_answered(const workshop *ws, size_t step);

/* Seconds spent on the current section: stored plus running. */
long long workshop_section_seconds(const workshop *ws, time_t now);
long long workshop_stored_seconds(const workshop *ws, size_t section);
/* Stores the running section time and restarts the clock. */
int workshop_flush_time(workshop *ws, time_t now, store_error *err);

/* The spread of the votes on a row of this session (rowfacts_spread_of
 * over the session's participants). */
void workshop_spread_of(const workshop *ws, const store_row_answer *ans,
			rowfacts_spread *out);
/* Whether the secret ballot hides the votes of `ans`. */
int workshop_ballot_hides(const workshop *ws, const store_row_answer *ans);
/* The row's state (rowfacts_state_of in this session's matrix). */
rowfacts_state workshop_state_of(const workshop *ws, const store_row_answer *ans);

#endif
