/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_join.c - `nextsteps join SESSION --as NAME`: a participant's own
 * terminal.
 *
 * The same view as a watcher (room.c) plus the participant's own vote on
 * the row the facilitator is on: a digit votes for that stage, d votes
 * don't know, 0 withdraws.  Each vote is stored at once; the facilitator's
 * screen sees it within a poll.  In a secret ballot the participant sees
 * only their own vote until the facilitator reveals the spread.  u and U
 * undo and redo the participant's own votes, never anyone else's.
 */
#include <stdio.h>

#include "live.h"
#include "room.h"
#include "screens.h"


/* A new body (entered, resized, back from help): draw all of it. */
static void join_reset(ui *u)
{
	room_view *jv = ui_private(u, &screen_join);

	room_reset(u, jv, u->live ? u->live->participant : -1);
}

/* Votes on the row shown, which is the facilitator's row at the last look. */
static void join_vote(ui *u, int vote)
{
	room_view *jv = ui_private(u, &screen_join);
	workshop *ws = u->ws;
	const content_row *row = workshop_row(ws);
	store_error err;

	if (!row)
		return;
	if (jv->participant < 0) {
		ui_say(u, "Not saved: waiting for the facilitator to admit you.");
		return;
	}
	if (store_set_vote(ws->st, ws->s.id, row->id, jv->participant, vote, &err) != 0) {
		ui_error(u, &err);
		return;
	}
	ui_reload(u);
	room_update(u, jv);
	if (u->status_error)
		return;
	if (vote == STORE_VOTE_NONE)
		ui_say(u, "Saved: your vote on this row is withdrawn.");
	else if (vote == STORE_VOTE_DONT_KNOW)
		ui_say(u, "Saved: you voted don't know.");
	else
		ui_say(u, "Saved: you voted %s.", ws->m->stages[vote].label);
}

/* Admitted while the screen waited: the own-vote line appears. */
static void join_changed(ui *u, unsigned what)
{
	room_view *jv = ui_private(u, &screen_join);

	if (u->live && u->live->participant != jv->participant) {
		join_reset(u);
		return;
	}
	room_screen_changed(u, what);
}

static void join_action(ui *u, enum action a, int arg)
{
	if (!u->ws || !u->ws->n_steps)
		return;
	switch (a) {
	case ACT_JOIN_VOTE: join_vote(u, arg - 1); break;
	case ACT_JOIN_DONT_KNOW: join_vote(u, STORE_VOTE_DONT_KNOW); break;
	case ACT_JOIN_CLEAR: join_vote(u, STORE_VOTE_NONE); break;
	default: break;
	}
}

const screen_ops screen_join = {
	.name = "join",
	.scope = SC_TOP | SC_JOIN | SC_CHANGES,
	.private_size = sizeof(room_view),
	.keeps_body = 1,
	.enter = join_reset,
	.resume = join_reset,
	.draw = room_screen_draw,
	.action = join_action,
	.resize = join_reset,
	.changed = join_changed,
};
