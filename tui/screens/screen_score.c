/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_score.c - `nextsteps score SESSION --as NAME`: one participant
 * scores the rows privately, days before the workshop.
 *
 * One row at a time in walking order, starting at the first the scorer
 * has not scored: its stages with their descriptors and the scorer's own
 * score, never anyone else's.  A digit scores the row and moves on, d is
 * don't know, 0 takes the score back, j and k move without scoring (a
 * skip), u and U undo and redo the scorer's own scores.  A row the
 * workshop has opened is locked and says so.  The state (the scoring
 * model, tui/model/scoring.h) lives in this screen's private struct; no
 * session is open in u->ws, so no live room or clock runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "scoring.h"
#include "screens.h"

typedef struct score_view {
	scoring *sc;
} score_view;

static void score_enter(ui *u)
{
	score_view *v = ui_private(u, &screen_score);
	store_error err;

	v->sc = scoring_open(u->st, u->score_session, u->as_name, &err);
	if (!v->sc) {
		u->exit_status = err.status ? (int)err.status : CLI_NOINPUT;
		snprintf(u->exit_text, sizeof u->exit_text, "%.150s", err.message);
		u->quit = 1;
		return;
	}
	ui_say(u, "Your scores are private; each is saved as it is given.");
	ui_dirty(u, DIRTY_ALL);
}

static void score_leave(ui *u)
{
	score_view *v = ui_private(u, &screen_score);

	scoring_close(v->sc);
	v->sc = NULL;
}

/* The scorer's line under the stages: their score, or the lock. */
static void draw_mine(ui *u, const scoring *sc, int y)
{
	int mine = scoring_mine(sc, sc->ws->cur);

	if (scoring_locked(sc, sc->ws->cur))
		draw_fmt(u->body, y, 1, u->cols - 2, draw_attr(ATTR_HEADING),
			 "Locked: the workshop has opened this row; your score stays %s.",
			 scoring_words(sc, mine));
	else
		draw_fmt(u->body, y, 1, u->cols - 2, draw_attr(ATTR_HEADING),
			 "Your score: %s", scoring_words(sc, mine));
}

static void score_draw(ui *u)
{
	score_view *v = ui_private(u, &screen_score);
	const scoring *sc = v->sc;
	const workshop *ws;
	const content_row *row;
	size_t locked, done, i;
	int y = 0, w = u->cols - 2, mine;

	werase(u->body);
	if (!sc || !sc->ws->n_steps)
		return;
	ws = sc->ws;
	row = workshop_row(ws);
	mine = scoring_mine(sc, ws->cur);
	done = scoring_done(sc, &locked);
	draw_fmt(u->body, y++, 1, w, A_NORMAL, "Scoring %s as %s: %zu of %zu rows scored",
		 ws->s.name, ws->s.participants[sc->me], done, ws->n_steps);
	y++;
	draw_fmt(u->body, y++, 1, w, A_NORMAL, "Row %zu of %zu  %s", ws->cur + 1,
		 ws->n_steps, workshop_section(ws)->title);
	y += draw_wrapped(u->body, y, 1, w, 2, row->title, A_BOLD);
	y++;
	for (i = 0; i < ws->m->n_stages && y < getmaxy(u->body) - 2; i++) {
		char *line = malloc(strlen(ws->m->stages[i].label) +
				    strlen(row->descriptors[i]) + 32);
		attr_t at = (int)i == mine ? draw_attr(ATTR_AGREED) : A_NORMAL;

		if (!line)
			continue;
		sprintf(line, "%zu %s: %s", i + 1, ws->m->stages[i].label,
			row->descriptors[i]);
		y += draw_wrapped(u->body, y, 1, w, 3, line, at);
		free(line);
	}
	if (y < getmaxy(u->body))
		draw_mine(u, sc, y + 1 < getmaxy(u->body) ? y + 1 : y);
}

static void score_moved(ui *u)
{
	ui_dirty(u, DIRTY_BODY | DIRTY_TITLE);
}

static void score_store(ui *u, scoring *sc, int vote)
{
	store_error err;
	size_t next;

	if (scoring_set(sc, vote, &err) != 0) {
		ui_error(u, &err);
		ui_dirty(u, DIRTY_BODY);
		return;
	}
	if (vote == STORE_VOTE_NONE) {
		ui_say(u, "Saved: no score on this row.");
		score_moved(u);
		return;
	}
	ui_say(u, "Saved: %s on row %zu.", scoring_words(sc, vote), sc->ws->cur + 1);
	next = scoring_next_open(sc, sc->ws->cur + 1);
	if (next < sc->ws->n_steps)
		sc->ws->cur = next;
	else if (sc->ws->cur + 1 < sc->ws->n_steps)
		sc->ws->cur++;
	else
		ui_say(u, "Saved: %s on the last row. q ends; every score is kept.",
		       scoring_words(sc, vote));
	score_moved(u);
}

static void score_revert(ui *u, scoring *sc, int redo)
{
	store_error err;
	char msg[256];
	int done;

	if (scoring_revert(sc, redo, &done, msg, sizeof msg, &err) != 0)
		ui_error(u, &err);
	else
		ui_say(u, "%s", msg);
	score_moved(u);
}

static void score_action(ui *u, enum action a, int arg)
{
	score_view *v = ui_private(u, &screen_score);
	scoring *sc = v->sc;

	if (!sc || !sc->ws->n_steps)
		return;
	switch (a) {
	case ACT_SCORE_SET: score_store(u, sc, arg - 1); break;
	case ACT_SCORE_DONT_KNOW: score_store(u, sc, STORE_VOTE_DONT_KNOW); break;
	case ACT_SCORE_CLEAR: score_store(u, sc, STORE_VOTE_NONE); break;
	case ACT_SCORE_NEXT:
		if (sc->ws->cur + 1 < sc->ws->n_steps)
			sc->ws->cur++, score_moved(u);
		else
			ui_say(u, "This is the last row.");
		break;
	case ACT_SCORE_PREV:
		if (sc->ws->cur > 0)
			sc->ws->cur--, score_moved(u);
		else
			ui_say(u, "This is the first row.");
		break;
	case ACT_SCORE_UNDO: score_revert(u, sc, 0); break;
	case ACT_SCORE_REDO: score_revert(u, sc, 1); break;
	default: break;
	}
}

/* The digit keys' range in the hint bar and help: this session's stages. */
static size_t score_stages(ui *u)
{
	const score_view *v = ui_private(u, &screen_score);

	return v && v->sc ? v->sc->ws->m->n_stages : 0;
}

const screen_ops screen_score = {
	.name = "score",
	.scope = SC_TOP | SC_SCORE,
	.private_size = sizeof(score_view),
	.enter = score_enter,
	.leave = score_leave,
	.draw = score_draw,
	.action = score_action,
	.stages = score_stages,
};
