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

#endif
