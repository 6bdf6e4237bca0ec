/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_live.h - the live room in the screens: presence for every open
 * session, following the facilitator for watch and join, and telling the
 * screen on top when another terminal changed something. */
#ifndef NEXTSTEPS_UI_LIVE_H
#define NEXTSTEPS_UI_LIVE_H

#include <time.h>

#include "screen.h"

/* How often the file is looked at while a session is open. */
#define UI_LIVE_WAIT_MS 250

/* The session was just opened: joins the room in the role of u->mode
 * (join adds u->as_name to the participants).  0, or a store status with
 * the message on the status line. */
int ui_live_open(ui *u);
/* Leaves the room (the session is being closed); safe without one. */
void ui_live_close(ui *u);
/* Milliseconds the loop may wait for a key. */
int ui_live_wait(const ui *u);
/* One look at the file, at most every UI_LIVE_WAIT_MS: reloads what other
 * terminals changed and tells the screen on top (screen_ops.changed). */
void ui_live_poll(ui *u, time_t now);
/* Once the first screen is out, the first heartbeat (live_start writes
 * nothing); 1 when it was written now. */
int ui_live_greet(ui *u);
/* Whether the facilitator has the session open (always 1 for the
 * facilitator's own screens). */
int ui_live_facilitator_here(const ui *u);

#endif
