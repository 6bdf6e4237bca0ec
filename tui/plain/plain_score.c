/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain_score.c - `nextsteps score SESSION --as NAME` in the line mode:
 * one participant scores the rows privately before the workshop.
 *
 * Each row is printed with its stages and one answer line is read: a
 * stage number, d for don't know, an empty line to skip, so a pipe
 * scores the rows in walking order.  It starts at the first row the
 * scorer has not scored; rows the workshop has opened are locked and
 * are passed with one line, reading no answer for them.  Every score is
 * stored as it is given; the end of input ends the run with all of them
 * kept.  The scorer sees their own scores only.
 */
#include "plain_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoring.h"
#include "text.h"

/* The answers the score prompt takes, listed by ? after the stages. */
static const char *const score_help[][2] = {
	{ "d", "don't know" },
	{ "Enter", "skip the row for now (the next run starts at the first unscored row)" },
	{ "b", "back to the previous row" },
	{ "u", "undo your last score" },
	{ "U, r", "redo the score you undid, as U does on the walk" },
	{ "x", "take back your score on this row" },
	{ "q", "stop (every score given is saved)" },
	{ "?", "this list" },
};

/* One entry, its text wrapped under itself as the walk's ? does. */
static void score_help_line(const plain *p, const char *key, const char *text)
{
	char *pre = plain_format("  %-6s ", key);

	plain_show(p, pre, text, 0);
	free(pre);
}

static void score_show_help(const plain *p, const scoring *sc)
{
	const content_matrix *m = sc->ws->m;
	char *t = plain_format("score the row at that stage:"), *u;
	size_t i;

	for (i = 0; i < m->n_stages; i++) {
		u = plain_format("%s %zu. %s%s", t, i + 1, m->stages[i].label,
				 i + 1 < m->n_stages ? "," : "");
		free(t);
		t = u;
	}
	u = plain_format("1-%zu", m->n_stages);
	plain_say(p, "Answers:");
	score_help_line(p, u, t);
	free(u);
	free(t);
	for (i = 0; i < sizeof score_help / sizeof score_help[0]; i++)
		score_help_line(p, score_help[i][0], score_help[i][1]);
}

static void score_show_mine(const plain *p, const scoring *sc)
{
	int v = scoring_mine(sc, sc->ws->cur);

	if (scoring_locked(sc, sc->ws->cur))
		plain_say(p, "Locked: the workshop has opened this row; your score stays"
			  " %s.", scoring_words(sc, v));
	else if (v != STORE_VOTE_NONE)
		plain_say(p, "Your score: %s.", scoring_words(sc, v));
}

/* The row with its section, its stages and the scorer's own score. */
static void score_show_row(const plain *p, const scoring *sc)
{
	const workshop *ws = sc->ws;
	char *prefix;

	prefix = plain_format("Row %zu of %zu (%s): ", ws->cur + 1, ws->n_steps,
			      workshop_section(ws)->title);
	plain_show(p, prefix, workshop_row(ws)->title, 0);
	free(prefix);
	plain_show_stages(p, ws);
	score_show_mine(p, sc);
}

static void score_greet(const plain *p, const scoring *sc)
{
	const workshop *ws = sc->ws;
	size_t locked, done = scoring_done(sc, &locked);
	char gone[512];
	size_t n_gone = scoring_gone(sc, gone, sizeof gone);

	plain_say(p, "Scoring '%s' as %s: %zu of %zu rows scored. Your scores are"
		  " private and each is saved as it is given.", ws->s.name,
		  ws->s.participants[sc->me], done, ws->n_steps);
	plain_say(p, "Answer 1 to %zu for a stage, d for don't know, Enter to skip,"
		  " ? for more.", ws->m->n_stages);
	if (locked)
		plain_say(p, "%zu row%s locked: the workshop has opened %s.", locked,
			  locked == 1 ? " is" : "s are", locked == 1 ? "it" : "them");
	if (n_gone)
		plain_say(p, "%zu of your scores %s for rows this session's matrix no"
			  " longer has (%s): kept, not shown.", n_gone,
			  n_gone == 1 ? "is" : "are", gone);
}

static void score_store(plain *p, scoring *sc, int vote)
{
	store_error err;
	const char *row = workshop_row(sc->ws)->id;

	if (scoring_set(sc, vote, &err) != 0) {
		plain_error(p, "Not saved", &err);
		return;
	}
	if (vote == STORE_VOTE_NONE)
		plain_say(p, "Saved: no score on %s.", row);
	else
		plain_say(p, "Saved: %s on %s.", scoring_words(sc, vote), row);
}

static void score_revert(plain *p, scoring *sc, int redo)
{
	store_error err;
	char msg[256];
	int done;

	if (scoring_revert(sc, redo, &done, msg, sizeof msg, &err) != 0) {
		plain_error(p, "Not saved", &err);
		return;
	}
	plain_say(p, "%s", msg);
	if (done)
		score_show_row(p, sc);
}

enum { SCORE_STAY, SCORE_NEXT, SCORE_SHOW, SCORE_QUIT };

/* One answer line; what to do next. */
static int score_answer(plain *p, scoring *sc, const char *a)
{
	long n;

	if (!*a)
		return SCORE_NEXT;
	if (plain_number(a, 1, (long)sc->ws->m->n_stages, &n) == 0) {
		score_store(p, sc, (int)n - 1);
		return SCORE_NEXT;
	}
	/* U is redo, as on the walk; plain_letter folds case, so it is
	 * told from u first */
	if (strcmp(a, "U") == 0) {
		score_revert(p, sc, 1);
		return SCORE_STAY;
	}
	switch (plain_letter(a)) {
	case 'd': score_store(p, sc, STORE_VOTE_DONT_KNOW); return SCORE_NEXT;
	case 'x': score_store(p, sc, STORE_VOTE_NONE); return SCORE_STAY;
	case 'b':
		if (sc->ws->cur == 0) {
			plain_say(p, "This is the first row.");
			return SCORE_STAY;
		}
		sc->ws->cur--;
		return SCORE_SHOW;
	case 'u': score_revert(p, sc, 0); return SCORE_STAY;
	case 'r': score_revert(p, sc, 1); return SCORE_STAY;
	case 'q': return SCORE_QUIT;
	case '?': score_show_help(p, sc); return SCORE_STAY;
	default: break;
	}
	plain_say(p, "Not understood: answer 1 to %zu, d, Enter to skip, or ? for"
		  " the list.", sc->ws->m->n_stages);
	return SCORE_STAY;
}

/* Moves past the current row, and past locked rows (one line each, no
 * answer read); 0 after the last row. */
static int score_advance(plain *p, scoring *sc)
{
	workshop *ws = sc->ws;

	while (++ws->cur < ws->n_steps) {
		if (!scoring_locked(sc, ws->cur))
			return 1;
		plain_say(p, "Row %zu of %zu is locked: the workshop has opened it.",
			  ws->cur + 1, ws->n_steps);
	}
	ws->cur = ws->n_steps - 1;
	return 0;
}

static void score_farewell(const plain *p, const scoring *sc)
{
	size_t locked, done = scoring_done(sc, &locked);
	size_t next = scoring_next_open(sc, 0);

	if (next < sc->ws->n_steps)
		plain_say(p, "Everything is saved: %zu of %zu rows scored. The next run"
			  " starts at row %zu, the first you have not scored.", done,
			  sc->ws->n_steps, next + 1);
	else
		plain_say(p, "Everything is saved: %zu of %zu rows scored.", done,
			  sc->ws->n_steps);
}

static int score_loop(plain *p, scoring *sc)
{
	const char *a;
	int what = SCORE_SHOW;

	for (;;) {
		if (what == SCORE_SHOW)
			score_show_row(p, sc);
		if (!(a = plain_ask(p, "Score 1-%zu, d, Enter to skip, ? for more",
				    sc->ws->m->n_stages)))
			break;
		what = score_answer(p, sc, a);
		if (what == SCORE_QUIT)
			break;
		if (what == SCORE_NEXT) {
			if (!score_advance(p, sc)) {
				plain_say(p, "That was the last row.");
				break;
			}
			what = SCORE_SHOW;
		}
	}
	score_farewell(p, sc);
	return p->failed;
}

int plain_score_run(plain *p, const char *session, const char *as_name)
{
	store_error err;
	scoring *sc = scoring_open(p->st, session, as_name, &err);
	int rc;

	if (!sc) {
		cli_error("%s", err.message);
		return err.status ? (int)err.status : CLI_NOINPUT;
	}
	score_greet(p, sc);
	if (!sc->ws->n_steps) {
		plain_say(p, "This session has no rows for its type.");
		scoring_close(sc);
		return CLI_OK;
	}
	if (scoring_locked(sc, sc->ws->cur) && scoring_next_open(sc, 0) >= sc->ws->n_steps) {
		plain_say(p, "Nothing left to score: every row is scored or locked.");
		score_farewell(p, sc);
		scoring_close(sc);
		return CLI_OK;
	}
	rc = score_loop(p, sc);
	scoring_close(sc);
	return rc;
}
