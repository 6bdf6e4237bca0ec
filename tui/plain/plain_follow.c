/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain_follow.c - watch and join in the line mode: the row under
 * discussion printed as lines, and then only what changes (the
 * facilitator's next row, a stage agreed), so a screen reader reads each
 * thing once.  join also reads one vote per line.
 *
 * Between lines the program waits in poll(2) on its input for at most a
 * second, then asks the live model whether the file changed: one
 * `PRAGMA data_version` when nothing happened, and the heartbeat that
 * keeps this terminal counted as here.  Input is read unbuffered, so a
 * line waiting in the pipe is never hidden from poll in a stdio buffer.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "live.h"
#include "plain_internal.h"
#include "text.h"

#define PLAIN_FOLLOW_WAIT_MS 1000

typedef struct plain_follow {
	plain *p;
	live *lv;
	int join;                  /* a participant: reads votes */
	int me;                    /* the participant's position */
	size_t shown_step;         /* the row printed last */
	rowfacts_state shown;      /* ... and its state then */
	int facilitator_here;
	int prompted;              /* a prompt waits for its answer */
} plain_follow;

/* "Agreed: 2 Build" or "Not agreed yet", as watch and join word it. */
static void plain_follow_state(plain_follow *f)
{
	char buf[128];

	f->shown = workshop_state_of(f->p->ws, workshop_answer(f->p->ws));
	plain_say(f->p, "%s.", rowfacts_state_text(f->p->ws->m, f->shown,
		  ROWFACTS_HEADING, buf, sizeof buf));
}

/* The participant's own vote, as the join screen shows it. */
static void plain_follow_my_vote(const plain_follow *f)
{
	const workshop *ws = f->p->ws;
	const store_row_answer *a = workshop_answer(ws);
	int v = a && a->votes && (size_t)f->me < ws->a.n_participants
		? a->votes[f->me] : STORE_VOTE_NONE;

	if (v == STORE_VOTE_DONT_KNOW)
		plain_say(f->p, "Your vote: don't know.");
	else if (v >= 0 && (size_t)v < ws->m->n_stages)
		plain_say(f->p, "Your vote: %s.", ws->m->stages[v].label);
	else
		plain_say(f->p, "You have not voted on this row.");
}

/* The row with its numbered descriptors and its state. */
static void plain_follow_row(plain_follow *f)
{
	const workshop *ws = f->p->ws;
	char prefix[64];

	f->shown_step = ws->cur;
	putchar('\n');
	snprintf(prefix, sizeof prefix, "Row %zu of %zu: ", ws->cur + 1, ws->n_steps);
	plain_show(f->p, prefix, workshop_row(ws)->title, 0);
	plain_show_stages(f->p, ws);
	plain_follow_state(f);
	if (f->join)
		plain_follow_my_vote(f);
}

/* A change printed while a prompt waits starts on a line of its own. */
static void plain_follow_break(plain_follow *f)
{
	if (f->prompted)
		putchar('\n');
	f->prompted = 0;
}

static void plain_follow_prompt(plain_follow *f)
{
	if (!f->join)
		return;
	f->prompted = 1;
	plain_prompt(f->p, "Your vote on row %zu [1-%zu, d don't know, 0 withdraw, "
		     "q quit]", f->p->ws->cur + 1, f->p->ws->m->n_stages);
}

/* What the facilitator did since the last look, as lines. */
static int plain_follow_changes(plain_follow *f)
{
	unsigned what = live_poll(f->lv, time(NULL));
	int said = 0;

	if (what & (LIVE_AWAY | LIVE_SESSION))
		plain_follow_break(f);
	if (what & LIVE_AWAY) {
		f->facilitator_here = f->lv->facilitator_here;
		plain_say(f->p, f->facilitator_here ? "The facilitator is here: "
			  "following live." : "The facilitator is away: showing the "
			  "last state.");
		said = 1;
	}
	if (what & LIVE_SESSION) {
		rowfacts_state now;

		plain_reload(f->p);
		workshop_follow(f->p->ws);
		if (live_reseat(f->lv, &f->p->ws->s) < 0) {
			plain_say(f->p, "The facilitator removed you from this session.");
			return -1;
		}
		f->me = f->lv->participant;
		now = workshop_state_of(f->p->ws, workshop_answer(f->p->ws));
		if (f->p->ws->cur != f->shown_step) {
			plain_follow_row(f);
			said = 1;
		} else if (now.state != f->shown.state || now.stage != f->shown.stage) {
			plain_follow_state(f);
			said = 1;
		}
	}
	fflush(stdout);
	return said;
}

/* One vote line: stored at once, confirmed in one line. */
static void plain_follow_vote(plain_follow *f, const char *a)
{
	workshop *ws = f->p->ws;
	store_error err;
	long k;
	int vote;

	if (plain_letter(a) == 'd')
		vote = STORE_VOTE_DONT_KNOW;
	else if (plain_number(a, 0, (long)ws->m->n_stages, &k) == 0)
		vote = k == 0 ? STORE_VOTE_NONE : (int)k - 1;
	else {
		plain_say(f->p, "Not saved: type 1 to %zu for a stage, d for don't "
			  "know, 0 to withdraw your vote, or q to quit.",
			  ws->m->n_stages);
		return;
	}
	if (store_set_vote(ws->st, ws->s.id, workshop_row(ws)->id, f->me, vote,
			   &err) != 0)
		plain_error(f->p, "Not saved", &err);
	else if (vote == STORE_VOTE_NONE)
		plain_say(f->p, "Saved: your vote on this row is withdrawn.");
	else if (vote == STORE_VOTE_DONT_KNOW)
		plain_say(f->p, "Saved: your vote: don't know.");
	else
		plain_say(f->p, "Saved: your vote: %s.", ws->m->stages[vote].label);
	plain_reload(f->p);
}

/* Waits for a line or a change; 2 with a line read, 1 after a change
 * was printed, 0 when nothing happened, -1 at the end of input, on q or
 * on a signal. */
static int plain_follow_wait(plain_follow *f)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	int r = poll(&pfd, 1, PLAIN_FOLLOW_WAIT_MS);

	if (plain_stopped() || (r < 0 && errno != EINTR))
		return -1;
	if (r > 0) {
		const char *a;

		f->prompted = 0;
		if (plain_read(f->p) != 0)
			return -1;
		plain_echo(f->p, 0);
		a = plain_trim(f->p->line);
		if (plain_letter(a) == 'q')
			return -1;
		if (f->join && *a)
			plain_follow_vote(f, a);
		else if (*a)
			plain_say(f->p, "Not saved: watch only follows; q quits.");
		return 2;
	}
	return plain_follow_changes(f);
}

/* join --as NAME makes NAME a participant (again, when it comes back)
 * when it is one already or the session is open to anyone; any other
 * name asks the facilitator first (f->me stays -1). */
static int plain_follow_join(plain_follow *f, const char *as_name)
{
	store_error err;

	if (live_must_ask(&f->p->ws->s, as_name))
		return CLI_OK;
	if (store_participant_add(f->p->st, f->p->ws->s.id, as_name, &f->me,
				  &err) != 0 || workshop_reload(f->p->ws, &err) != 0) {
		cli_error("%s", err.message);
		return err.status ? (int)err.status : CLI_IOERR;
	}
	/* a joiner's votes are theirs: the history names them, and the
	 * facilitator's undo never reaches them */
	store_set_actor(f->p->st, f->me);
	return CLI_OK;
}

/* Until the facilitator answers (or a signal ends it).  Nothing is read
 * meanwhile: votes piped in wait for the admission. */
static int plain_follow_ask(plain_follow *f, const char *as_name)
{
	int index;

	plain_say(f->p, "Waiting for the facilitator to admit you.");
	fflush(stdout);
	for (;;) {
		poll(NULL, 0, PLAIN_FOLLOW_WAIT_MS / 2);
		if (plain_stopped()) {
			plain_say(f->p, "Left the session before being admitted.");
			return CLI_OK;
		}
		if (live_poll(f->lv, time(NULL)) & LIVE_SESSION) {
			plain_reload(f->p);
			workshop_follow(f->p->ws);
		}
		if (live_refused(f->lv)) {
			cli_error("the facilitator did not admit you to this session");
			return CLI_NOINPUT;
		}
		if ((index = live_participant_index(&f->p->ws->s, as_name)) >= 0) {
			live_admitted(f->lv, index);
			f->me = index;
			store_set_actor(f->p->st, index);
			plain_say(f->p, "The facilitator admitted you.");
			return -1;
		}
	}
}

static int plain_follow_loop(plain_follow *f)
{
	int r;

	plain_say(f->p, f->join ? "Session '%s': you vote on the row under "
		  "discussion; the facilitator's moves are shown as they happen."
		  : "Session '%s': the facilitator's rows and agreed stages are "
		  "shown as they happen; q quits.", f->p->ws->s.name);
	if (!f->p->ws->n_steps) {
		plain_say(f->p, "This session has no rows for its type.");
		return CLI_OK;
	}
	plain_follow_row(f);
	if (!f->facilitator_here)
		plain_say(f->p, "The facilitator is away: showing the last state.");
	plain_follow_prompt(f);
	fflush(stdout);
	while ((r = plain_follow_wait(f)) >= 0)
		if (r == 2 || (r == 1 && f->join))
			plain_follow_prompt(f);
	plain_follow_break(f);
	if (f->p->failed) {
		plain_say(f->p, "Not saved: %zu vote%s could not be stored (the last: "
			  "%s).", f->p->n_failed, f->p->n_failed == 1 ? "" : "s",
			  f->p->failure);
		return f->p->failed;
	}
	plain_say(f->p, f->join ? "Left the session; every vote confirmed with "
		  "Saved: is kept." : "Stopped watching.");
	return CLI_OK;
}

int plain_follow_run(plain *p, int join, const char *session,
		     const char *as_name)
{
	plain_follow f;
	store_error err;
	int rc;

	memset(&f, 0, sizeof f);
	f.p = p;
	f.join = join;
	f.me = -1;
	setvbuf(stdin, NULL, _IONBF, 0);
	if (!(p->ws = workshop_open(p->st, session, &err))) {
		cli_error("%s", err.message);
		return err.status ? (int)err.status : CLI_NOINPUT;
	}
	p->ws->follower = 1;
	if (join && (rc = plain_follow_join(&f, as_name)) != CLI_OK)
		return rc;
	workshop_follow(p->ws);
	f.lv = live_start(p->st, p->ws->s.id, !join ? STORE_ROLE_WATCHER
			  : f.me < 0 ? STORE_ROLE_ASKING : STORE_ROLE_PARTICIPANT,
			  join ? as_name : "", time(NULL));
	if (!f.lv)
		plain_oom();
	f.lv->participant = f.me;
	f.facilitator_here = f.lv->facilitator_here;
	rc = join && f.me < 0 ? plain_follow_ask(&f, as_name) : -1;
	if (rc < 0)
		rc = plain_follow_loop(&f);
	live_stop(f.lv);
	return rc;
}
