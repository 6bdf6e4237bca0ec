/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_live.c - see ui_live.h.
 *
 * Nothing here draws.  A change found in the file becomes a reload of the
 * workshop and a call to the top screen's `changed`, which decides which
 * parts of the screen differ; when nothing differs nothing is marked
 * dirty and the terminal gets no bytes at all.
 */
#include "ui_live.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live.h"
#include "ui.h"

/* Milliseconds on a clock that never steps back. */
static long long monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A name for the presence row of someone who gave none. */
static const char *login_name(void)
{
	const char *n = getenv("USER");

	return n && *n ? n : "";
}

static int role_of_mode(int mode)
{
	if (mode == CLI_MODE_WATCH)
		return STORE_ROLE_WATCHER;
	if (mode == CLI_MODE_JOIN)
		return STORE_ROLE_PARTICIPANT;
	return STORE_ROLE_FACILITATOR;
}

/* `join --as NAME` makes NAME a participant (again, when it comes back)
 * when it is one already or the session is open to anyone; any other name
 * asks the facilitator and waits (*index stays -1). */
static int join_as(ui *u, int *index)
{
	store_error err;

	if (live_must_ask(&u->ws->s, u->as_name))
		return 0;
	if (store_participant_add(u->st, u->ws->s.id, u->as_name, index, &err) != 0 ||
	    workshop_reload(u->ws, &err) != 0) {
		ui_error(u, &err);
		snprintf(u->status_text, sizeof u->status_text, "%s", err.message);
		return err.status ? err.status : STORE_EIO;
	}
	return 0;
}

int ui_live_open(ui *u)
{
	const char *name = login_name();
	int index = -1, rc;

	if (!u->ws)
		return 0;
	if (u->mode != CLI_MODE_FACILITATE) {
		u->ws->follower = 1;
		if (u->mode == CLI_MODE_JOIN && (rc = join_as(u, &index)) != 0)
			return rc;
		workshop_follow(u->ws);
		if (u->mode == CLI_MODE_JOIN)
			name = u->as_name;
	} else if (u->ws->s.facilitator[0]) {
		name = u->ws->s.facilitator;
	}
	ui_live_close(u);
	u->live = live_start(u->st, u->ws->s.id,
			     u->mode == CLI_MODE_JOIN && index < 0 ? STORE_ROLE_ASKING
			     : role_of_mode(u->mode), name, time(NULL));
	if (!u->live)
		ui_die("out of memory");
	u->live->participant = index;
	/* a joiner's changes are theirs: undo and redo at their terminal
	 * reach only those */
	store_set_actor(u->st, index);
	u->live_stale = 0;
	u->live_polled_ms = monotonic_ms();
	return 0;
}

void ui_live_close(ui *u)
{
	live_stop(u->live);
	u->live = NULL;
}

int ui_live_wait(const ui *u)
{
	return u->live ? UI_LIVE_WAIT_MS : 1000;
}

/* Only a screen that says it can take a change (screen_ops.changed)
 * sees the workshop reloaded under it; a text field, a form or a screen
 * holding its own copy waits until it is closed. */
static unsigned reload_if_stale(ui *u, const screen_ops *s)
{
	store_error err;

	if (!u->live_stale || !s || !s->changed)
		return 0;
	u->live_stale = 0;
	if (workshop_reload(u->ws, &err) != 0) {
		ui_error(u, &err);
		return 0;
	}
	if (u->ws->follower)
		workshop_follow(u->ws);
	if (live_reseat(u->live, &u->ws->s) < 0) {
		u->exit_status = CLI_NOINPUT;
		snprintf(u->exit_text, sizeof u->exit_text, "the facilitator removed you "
			 "from this session");
		u->quit = 1;
	}
	return LIVE_SESSION;
}

/* A joiner waiting to be admitted: the facilitator's answer is either
 * the name among the participants (a change of the session, reloaded by
 * now) or this process's presence row turned "refused". */
static unsigned answer_to_asking(ui *u)
{
	int index;

	if (u->mode != CLI_MODE_JOIN || u->live->me.role != STORE_ROLE_ASKING)
		return 0;
	if (live_refused(u->live)) {
		u->exit_status = CLI_NOINPUT;
		snprintf(u->exit_text, sizeof u->exit_text, "the facilitator did not "
			 "admit you to this session");
		u->quit = 1;
		return 0;
	}
	if ((index = live_participant_index(&u->ws->s, u->as_name)) < 0)
		return 0;
	live_admitted(u->live, index);
	store_set_actor(u->st, index);
	ui_say(u, "The facilitator admitted you: press 1 to %zu to vote.",
	       u->ws->m->n_stages);
	return LIVE_PEOPLE;
}

void ui_live_poll(ui *u, time_t now)
{
	const screen_ops *s = ui_top(u);
	long long ms = monotonic_ms();
	unsigned what;

	if (!u->live || !u->ws || ms - u->live_polled_ms < UI_LIVE_WAIT_MS - 50)
		return;
	u->live_polled_ms = ms;
	what = live_poll(u->live, now);
	if (what & LIVE_SESSION)
		u->live_stale = 1;
	what = (what & ~(unsigned)LIVE_SESSION) | reload_if_stale(u, s);
	what |= answer_to_asking(u);
	if (what && s && s->changed && !u->too_small)
		s->changed(u, what);
}

int ui_live_greet(ui *u)
{
	if (!u->live || u->live->last_beat)
		return 0;
	u->live_polled_ms = monotonic_ms() - UI_LIVE_WAIT_MS;
	ui_live_poll(u, time(NULL));
	return 1;
}

int ui_live_facilitator_here(const ui *u)
{
	if (u->mode == CLI_MODE_FACILITATE)
		return 1;
	return u->live && u->live->facilitator_here;
}
