/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_watch.c - `nextsteps watch SESSION`: the read-only view for a
 * projector or a remote participant.
 *
 * It shows the row the facilitator is on (room_projector.c lays it out
 * for a projector; the hint bar names only q) and changes
 * only when the file says something changed: the loop looks a few times a
 * second (ui_live.c), and this screen redraws just the regions whose
 * content moved.  There is no timer, so an idle watcher writes nothing.
 * Only help, repaint and quit are bound here.
 */
#include "room.h"
#include "screens.h"

/* A new body (entered, resized, back from help): draw all of it. */
static void watch_reset(ui *u)
{
	room_view *wv = ui_private(u, &screen_watch);

	room_reset(u, wv, -1);
}

const screen_ops screen_watch = {
	.name = "watch",
	.scope = SC_TOP | SC_WATCH,
	.private_size = sizeof(room_view),
	.keeps_body = 1,
	.quit_hint_only = 1,
	.enter = watch_reset,
	.resume = watch_reset,
	.draw = room_screen_draw,
	.resize = watch_reset,
	.changed = room_screen_changed,
};
