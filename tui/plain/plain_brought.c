/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain_brought.c - the line mode's review of the actions brought from
 * the organisation's previous session: the walk's line under a row that
 * has some, the count said once when an untouched session opens, and B,
 * which lists them by number and reads an outcome for each.  The words
 * are tui/model/brought.c's and the store's, as on the screens; every
 * outcome is stored (store_brought_set) before it is confirmed, and undo
 * reverts it like any other change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brought.h"
#include "plain_internal.h"

/* Room for brought_row_text: the earlier session's name (at most
 * STORE_MAX_NAME characters of up to 4 bytes) and the words around it. */
#define PLAIN_BROUGHT_ROW (STORE_MAX_NAME * 4 + 128)

/* The list B shows: positions of brought actions, numbered 1.. as shown. */
typedef struct plain_review {
	int *pos;
	size_t n;
	int all;                   /* every one, not only the row's */
} plain_review;

/* ------------------------------------------------------------ words */

/* The brought action at `position`, or NULL (another process may have
 * merged or changed the file since the list was made). */
static const store_brought *plain_brought_at(const plain *p, int position)
{
	const store_answers *a = &p->ws->a;
	size_t i;

	for (i = 0; i < a->n_brought; i++)
		if (a->brought[i].position == position)
			return &a->brought[i];
	return NULL;
}

/* brought_line in a buffer as long as the action needs (malloc'd). */
static char *plain_brought_line(const store_brought *b)
{
	size_t size = strlen(b->text) + strlen(b->owner) + strlen(b->due) +
		      strlen(b->row_id) + 128;
	char *buf = malloc(size);

	if (!buf)
		plain_oom();
	brought_line(b, buf, size);
	return buf;
}

char *plain_outcome_choices(void)
{
	char *t = plain_format("%s", ""), *u;
	size_t i;

	for (i = 0; BROUGHT_KEYS[i]; i++) {
		int key = BROUGHT_KEYS[i];

		u = plain_format("%s%s%c %s", t, i ? ", " : "", key,
				 store_outcome_words((enum store_outcome)
						     brought_outcome_of_key(key)));
		free(t);
		t = u;
	}
	return t;
}

/* The key an outcome answer gives: one character, letters in either
 * case; 0 for anything else. */
static int plain_outcome_key(const char *a)
{
	int letter = plain_letter(a);

	if (letter)
		return letter;
	return a[0] && !a[1] ? (unsigned char)a[0] : 0;
}

/* ------------------------------------------------------------ the walk */

void plain_show_brought(const plain *p)
{
	char buf[PLAIN_BROUGHT_ROW];

	if (brought_row_text(&p->ws->a, workshop_row(p->ws)->id, buf, sizeof buf))
		plain_say(p, "%s (B).", buf);
}

void plain_brought_opening(const plain *p)
{
	char buf[PLAIN_BROUGHT_ROW];
	size_t total;

	if (workshop_answered(p->ws, &total) == 0 &&
	    brought_opening_text(&p->ws->a, buf, sizeof buf))
		plain_say(p, "%s: B, then *, lists them all.", buf);
}

/* ------------------------------------------------------------ the list */

/* The row's brought actions (through the store's index by row), or
 * every one when `all` is set, in the order they were brought. */
static void plain_review_make(const plain *p, plain_review *r)
{
	const store_answers *a = &p->ws->a;
	size_t i, first = 0, n = r->all ? a->n_brought
		: store_answers_brought_of(a, workshop_row(p->ws)->id, &first);

	free(r->pos);
	if (!(r->pos = malloc((n ? n : 1) * sizeof *r->pos)))
		plain_oom();
	for (i = 0; i < n; i++)
		r->pos[i] = a->brought[r->all ? i : a->brought_by_row[first + i]].position;
	r->n = n;
}

/* The row's list, or every one when the row has none. */
static void plain_review_any(const plain *p, plain_review *r)
{
	plain_review_make(p, r);
	if (!r->n && !r->all) {
		r->all = 1;
		plain_review_make(p, r);
	}
}

/* Where a brought action belongs, for the list of all of them: "row 1.1
 * Alpha row one"; "" for this row or a row the walk does not have (its
 * line already says it is gone). */
static char *plain_brought_where(const plain *p, const store_brought *b)
{
	const workshop *ws = p->ws;
	size_t step = workshop_find_step(ws, b->row_id);
	const workshop_step *s;
	char num[32];

	if (step >= ws->n_steps || step == ws->cur)
		return plain_format("%s", "");
	s = &ws->steps[step];
	workshop_step_number(ws, step, num, sizeof num);
	return plain_format(" -- row %s %s", num,
			    ws->m->sections[s->section].rows[s->row].title);
}

static void plain_review_show(const plain *p, const plain_review *r)
{
	size_t i;

	if (!r->n) {        /* only when another process took them away */
		plain_say(p, "No actions from a previous session are left here.");
		return;
	}
	plain_say(p, "Actions from %s%s:", p->ws->a.brought[0].from_name,
		  r->all ? ", all of them" : " on this row");
	for (i = 0; i < r->n; i++) {
		const store_brought *b = plain_brought_at(p, r->pos[i]);
		char num[32], *line, *where, *t;

		if (!b)
			continue;
		line = plain_brought_line(b);
		where = plain_brought_where(p, b);
		t = plain_format("%s%s", line, where);
		snprintf(num, sizeof num, "  %zu. ", i + 1);
		plain_show(p, num, t, 0);
		free(t);
		free(where);
		free(line);
	}
}

/* ------------------------------------------------------------ outcomes */

/* Reads an outcome for the action numbered `k`; -1 when the user kept
 * the one it has (Enter) or input ended. */
static int plain_outcome_ask(plain *p, size_t k, const store_brought *b)
{
	char *choices = plain_outcome_choices();
	int outcome = -1;

	for (;;) {
		const char *a = plain_ask(p, "Outcome of %zu, now %s [%s, Enter keeps "
					  "it]", k, store_outcome_words(b->outcome),
					  choices);

		if (!a || !*a)
			break;
		if ((outcome = brought_outcome_of_key(plain_outcome_key(a))) >= 0)
			break;
		plain_say(p, "Type one of %s, or Enter.", choices);
	}
	free(choices);
	return outcome;
}

/* Stores the outcome, then says what the action is now. */
static void plain_outcome_set(plain *p, int position, enum store_outcome outcome)
{
	const store_brought *b;
	store_error err;
	long long action;
	char *line;

	if (store_brought_set(p->st, p->ws->s.id, position, outcome, &action,
			      &err) != 0) {
		plain_error(p, "Not saved", &err);
		plain_reload(p);
		return;
	}
	plain_reload(p);
	if (!(b = plain_brought_at(p, position))) {
		plain_say(p, "Saved: %s.", store_outcome_words(outcome));
		return;
	}
	line = plain_brought_line(b);
	plain_say(p, "Saved: %s%s", line, outcome == STORE_OUTCOME_CARRIED ?
		  " -- an action of this session now (a lists it on its row)" : "");
	free(line);
}

/* A number picked from the list: its outcome read and stored. */
static void plain_review_pick(plain *p, const plain_review *r, size_t k)
{
	const store_brought *b = plain_brought_at(p, r->pos[k - 1]);
	int outcome;

	if (!b) {
		plain_say(p, "Not saved: that action is no longer in this session.");
		return;
	}
	/* nothing reloads the session while the prompt waits: b stays valid */
	outcome = plain_outcome_ask(p, k, b);
	if (outcome < 0)
		plain_say(p, "Not saved: nothing changed; it stays %s.",
			  store_outcome_words(b->outcome));
	else if ((enum store_outcome)outcome == b->outcome)
		plain_say(p, "Saved: it was already %s.", store_outcome_words(b->outcome));
	else
		plain_outcome_set(p, r->pos[k - 1], (enum store_outcome)outcome);
}

/* B: the row's brought actions (every one when the row has none), then a
 * number picks one and a key sets its outcome; * lists them all, Enter
 * goes back to the walk. */
void plain_brought(plain *p)
{
	plain_review r = { NULL, 0, 0 };

	if (!p->ws->a.n_brought) {
		plain_say(p, "No actions were brought from a previous session of "
			  "this organisation.");
		return;
	}
	plain_review_any(p, &r);
	plain_review_show(p, &r);
	for (;;) {
		const char *a = plain_ask(p, "Review [%s%zu an action, l list, %sEnter "
					  "back]", r.n > 1 ? "1-" : "", r.n,
					  r.all ? "" : "* all, ");
		long k;

		if (!a || !*a)
			break;
		if (strcmp(a, "*") == 0 || plain_letter(a) == 'l') {
			r.all |= *a == '*';
			plain_review_any(p, &r);
			plain_review_show(p, &r);
		} else if (r.n && plain_number(a, 1, (long)r.n, &k) == 0) {
			plain_review_pick(p, &r, (size_t)k);
			plain_review_any(p, &r);
		} else {
			plain_say(p, "Type an action's number from 1 to %zu, l to list "
				  "them, %sor Enter.", r.n, r.all ? "" : "* for all, ");
		}
	}
	free(r.pos);
}
