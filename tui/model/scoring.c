/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* scoring.c - see scoring.h. */
#include "scoring.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void count_rows(scoring *sc);

static int load_opened(scoring *sc, store_error *err)
{
	store_opened_rows o;
	int rc = store_rows_opened(sc->ws->st, sc->ws->s.id, &o, err);

	if (rc)
		return rc;
	store_rows_opened_free(&sc->opened);
	sc->opened = o;
	count_rows(sc);
	return 0;
}

scoring *scoring_open(store *st, const char *name_or_id, const char *name,
		      store_error *err)
{
	scoring *sc = calloc(1, sizeof *sc);
	size_t step;

	if (!sc) {
		err->status = STORE_EOS;
		snprintf(err->message, sizeof err->message, "out of memory");
		return NULL;
	}
	if (!(sc->ws = workshop_open(st, name_or_id, err)) ||
	    store_score_participant(&sc->ws->s, name, &sc->me, err) != 0 ||
	    load_opened(sc, err) != 0) {
		scoring_close(sc);
		return NULL;
	}
	/* The scorer never moves the facilitator's position or clock. */
	sc->ws->follower = 1;
	store_set_actor(st, sc->me);
	sc->ws->cur = scoring_next_open(sc, 0);
	/* Everything scored: the first row still open to a change. */
	for (step = 0; sc->ws->cur >= sc->ws->n_steps && step < sc->ws->n_steps; step++)
		if (!scoring_locked(sc, step))
			sc->ws->cur = step;
	if (sc->ws->cur >= sc->ws->n_steps)
		sc->ws->cur = 0;
	return sc;
}

void scoring_close(scoring *sc)
{
	if (!sc)
		return;
	store_rows_opened_free(&sc->opened);
	workshop_close(sc->ws);
	free(sc);
}

int scoring_reload(scoring *sc, store_error *err)
{
	int rc = workshop_reload(sc->ws, err);

	return rc ? rc : load_opened(sc, err);
}

int scoring_mine(const scoring *sc, size_t step)
{
	const store_row_answer *a = workshop_answer_at(sc->ws, step);

	if (!a || (size_t)sc->me >= sc->ws->a.n_participants)
		return STORE_VOTE_NONE;
	return a->votes[sc->me];
}

static const char *step_row_id(const workshop *ws, size_t step)
{
	const workshop_step *p = &ws->steps[step];

	return ws->m->sections[p->section].rows[p->row].id;
}

int scoring_locked(const scoring *sc, size_t step)
{
	return step < sc->ws->n_steps &&
	       store_rows_opened_has(&sc->opened, step_row_id(sc->ws, step));
}

size_t scoring_next_open(const scoring *sc, size_t from)
{
	size_t i;

	for (i = from; i < sc->ws->n_steps; i++)
		if (scoring_mine(sc, i) == STORE_VOTE_NONE && !scoring_locked(sc, i))
			return i;
	return sc->ws->n_steps;
}

static void count_rows(scoring *sc)
{
	size_t i;

	sc->n_done = sc->n_locked = 0;
	for (i = 0; i < sc->ws->n_steps; i++) {
		sc->n_done += scoring_mine(sc, i) != STORE_VOTE_NONE;
		sc->n_locked += scoring_locked(sc, i);
	}
}

size_t scoring_done(const scoring *sc, size_t *locked)
{
	*locked = sc->n_locked;
	return sc->n_done;
}

size_t scoring_gone(const scoring *sc, char *buf, size_t size)
{
	const workshop *ws = sc->ws;
	size_t i, n = 0, len = 0;
	/* the answers of walked rows, marked by their place in ws->a.rows: a
	 * search per step, not a scan of the steps per answer, so a scorer
	 * of every row of a large matrix does not wait for the square of it */
	unsigned char *walked = calloc(ws->a.n_rows + 1, 1);

	buf[0] = '\0';
	if (!walked || (size_t)sc->me >= ws->a.n_participants) {
		free(walked);
		return 0;
	}
	for (i = 0; i < ws->n_steps; i++) {
		const store_row_answer *a = workshop_answer_at(ws, i);

		if (a)
			walked[a - ws->a.rows] = 1;
	}
	for (i = 0; i < ws->a.n_rows; i++) {
		const store_row_answer *a = &ws->a.rows[i];

		if (walked[i] || a->votes[sc->me] == STORE_VOTE_NONE || !a->before[sc->me])
			continue;
		if (n++ < 5 && len + 1 < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? ", " : "", a->row_id);
	}
	if (n > 5 && len + 1 < size)
		snprintf(buf + len, size - len, ", ...");
	free(walked);
	return n;
}

int scoring_set(scoring *sc, int vote, store_error *err)
{
	workshop *ws = sc->ws;
	const char *row = workshop_row(ws)->id;
	int had = scoring_mine(sc, ws->cur) != STORE_VOTE_NONE;
	int rc = store_score_set(ws->st, ws->s.id, row, sc->me, vote, err);

	if (rc == STORE_EDATA) {
		/* locked meanwhile: show the row as locked from now on */
		store_error again;

		load_opened(sc, &again);
	}
	if (rc)
		return rc;
	rc = workshop_refresh_row(ws, row, err);
	if (!rc)
		sc->n_done = sc->n_done - (size_t)had +
			     (scoring_mine(sc, ws->cur) != STORE_VOTE_NONE);
	return rc;
}

int scoring_revert(scoring *sc, int redo, int *done, char *msg, size_t size,
		   store_error *err)
{
	workshop *ws = sc->ws;
	store_change c;
	size_t step;
	int rc = redo ? store_redo_entry(ws->st, ws->s.id, &c, done, err)
		      : store_undo_entry(ws->st, ws->s.id, &c, done, err);

	if (rc)
		return rc;
	if (!*done) {
		snprintf(msg, size, "Nothing to %s.", redo ? "redo" : "undo");
		return 0;
	}
	step = workshop_find_step(ws, c.row_id);
	if (step < ws->n_steps)
		ws->cur = step;
	snprintf(msg, size, "Saved: %s your score on %s.", redo ? "redid" : "undid",
		 c.row_id);
	store_change_clear(&c);
	return scoring_reload(sc, err);
}

const char *scoring_words(const scoring *sc, int vote)
{
	if (vote == STORE_VOTE_NONE)
		return "not scored";
	if (vote == STORE_VOTE_DONT_KNOW)
		return "don't know";
	if (vote >= 0 && (size_t)vote < sc->ws->m->n_stages)
		return sc->ws->m->stages[vote].label;
	return "not scored";
}
