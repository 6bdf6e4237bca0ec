/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* room.h - the row under discussion as the room sees it: the body shared
 * by the watch screen (a projector, a remote participant) and the join
 * screen (a participant's own terminal).
 *
 * The body is three regions -- head (section and row), stages (the
 * descriptors, the agreed one marked by position, reverse video and
 * "[*] ... (agreed)"), foot (votes, the participant's own vote, the note
 * when the facilitator shows it, whether the facilitator is here).  Each
 * region keeps a hash of what it shows; after a change only the regions
 * whose hash moved are drawn again, and when none moved nothing is
 * drawn, so an idle watcher writes no bytes.
 */
#ifndef NEXTSTEPS_ROOM_H
#define NEXTSTEPS_ROOM_H

#include "screen.h"

enum room_region { ROOM_HEAD, ROOM_STAGES, ROOM_FOOT, ROOM_REGIONS };

typedef struct room_view {
	int participant;                      /* join: whose vote, else -1 */
	unsigned long long sig[ROOM_REGIONS]; /* what each region shows, hashed */
	unsigned long long layout;            /* watch: where the regions are */
	unsigned todo;                        /* regions to draw (bit per region) */
	size_t section;                       /* the section in the title bar */
} room_view;

/* Everything to draw (the screen was entered or the windows rebuilt). */
void room_reset(ui *u, room_view *rv, int participant);
/* After any change: marks the regions whose content moved, and the body
 * and title dirty when one did. */
void room_update(ui *u, room_view *rv);
/* Draws the regions marked (the screen keeps its body between turns). */
void room_draw(ui *u, room_view *rv);
/* The draw and changed operations of a screen whose private state is a
 * room_view (watch, join); like every op they run with it on top. */
void room_screen_draw(ui *u);
void room_screen_changed(ui *u, unsigned what);
/* The participant's vote on the current row (store_vote or a stage). */
int room_own_vote(const ui *u, const room_view *rv);
/* The facilitator's line about the room: who has joined and whether each
 * has voted on the current row, how many watch, whether the note is shown.
 * 0 (and "") when there is nothing to say. */
int room_people_text(const ui *u, char *buf, size_t size);

/* ---------------------------------------------- shared with room_projector.c */

/* The projector's layout of watch (room_projector.c): the regions the
 * view marks, each where the window's size puts it. */
void room_projector_draw(ui *u, room_view *rv);
/* The pieces both layouts draw: the row's state in words ("Agreed: 2
 * Build"), "Workshop clock: 48/90 min, 4 behind", the shown note ("" when
 * hidden), who is in the room, the agreed stage (-1 when none), a stage's
 * label "[*] 2 Build" (with `full`, its "(agreed)", vote bar and own
 * vote), the vote bar ("###"), blank lines, the note's line count, and
 * the stages as a label column or a grid when the tall blocks do not fit. */
void room_state_line(const workshop *ws, const store_row_answer *a, char *buf,
		     size_t size);
void room_clock_line(const workshop *ws, char *buf, size_t size);
void room_note_line(const workshop *ws, const store_row_answer *a, char *buf,
		    size_t size);
void room_people_line(const ui *u, const room_view *rv, char *buf, size_t size);
void room_votes_line(const workshop *ws, const store_row_answer *a, char *buf,
		     size_t size);
int room_agreed(const workshop *ws, const store_row_answer *a);
void room_stage_label(const ui *u, const room_view *rv, size_t i, int full,
		      char *buf, size_t size);
const char *room_bar(int votes);
void room_clear_lines(WINDOW *w, int y, int n);
int room_note_lines(const ui *u);
void room_draw_column(ui *u, const room_view *rv, int y, int avail);
void room_draw_grid(ui *u, const room_view *rv, int y, int avail);

#endif
