/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain_answers.c - the plain walk's longer answers: votes participant by
 * participant, the note typed like a mail body, an action in three
 * questions.  Each is stored at once and confirmed only after the store
 * committed it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plain_internal.h"
#include "text.h"

/* The participant's vote now, for the prompt; secret ballots say only
 * whether there is one. */
static char *plain_vote_now(const workshop *ws, size_t i)
{
	const store_row_answer *a = workshop_answer(ws);
	int v = a && a->votes && i < ws->a.n_participants ? a->votes[i]
							   : STORE_VOTE_NONE;

	if (v == STORE_VOTE_NONE)
		return plain_format("%s", "");
	if (workshop_ballot_hides(ws, a))
		return plain_format("%s", " (has voted)");
	if (v == STORE_VOTE_DONT_KNOW)
		return plain_format("%s", " (now don't know)");
	if (v >= 0 && (size_t)v < ws->m->n_stages)
		return plain_format(" (now %s)", ws->m->stages[v].label);
	return plain_format("%s", "");
}

/* One vote from an answer: 0 when it is one, with *vote set. */
static int plain_vote_value(const workshop *ws, const char *a, int *vote)
{
	long k;

	if (plain_letter(a) == 'd')
		*vote = STORE_VOTE_DONT_KNOW;
	else if (plain_number(a, 0, (long)ws->m->n_stages, &k) == 0)
		*vote = k == 0 ? STORE_VOTE_NONE : (int)k - 1;
	else
		return -1;
	return 0;
}

/* One vote stored at once and confirmed by the participant's name. */
static void plain_vote_store(plain *p, size_t i, int vote)
{
	workshop *ws = p->ws;
	char *name = plain_format("%s", ws->s.participants[i]);
	store_error err;

	if (store_set_vote(ws->st, ws->s.id, workshop_row(ws)->id, (int)i, vote,
			   &err) != 0)
		plain_error(p, "Not saved", &err);
	else if (vote == STORE_VOTE_NONE)
		plain_say(p, "Saved: %s has no vote.", name);
	else if (vote == STORE_VOTE_DONT_KNOW)
		plain_say(p, "Saved: %s: don't know.", name);
	else
		plain_say(p, "Saved: %s: %s.", name, ws->m->stages[vote].label);
	free(name);
	plain_reload(p);
}

/* Asks one participant until the answer is a vote, Enter or q; -1 when
 * the user stopped or input ended. */
static int plain_vote_one(plain *p, size_t i)
{
	for (;;) {
		workshop *ws = p->ws;
		char *now = plain_vote_now(ws, i);
		const char *a = plain_ask(p, "%zu. %s%s [1-%zu, d, 0, Enter]", i + 1,
					  ws->s.participants[i], now, ws->m->n_stages);
		int vote;

		free(now);
		if (!a || plain_letter(a) == 'q')
			return -1;
		if (!*a)
			return 0;
		if (plain_vote_value(ws, a, &vote) == 0) {
			plain_vote_store(p, i, vote);
			return 0;
		}
		plain_say(p, "Type 1 to %zu, d for don't know, 0 for no vote, Enter "
			  "to skip or q to stop.", ws->m->n_stages);
	}
}

/* v: the room's votes, participant by participant, then the spread. */
void plain_votes(plain *p)
{
	size_t i;

	if (!p->ws->s.n_participants) {
		plain_say(p, "This session has no participants, so there are no "
			  "votes to record.");
		return;
	}
	plain_say(p, "Votes: type 1-%zu for a stage, d don't know, 0 no vote, "
		  "Enter skips, q stops.", p->ws->m->n_stages);
	for (i = 0; i < p->ws->s.n_participants; i++)
		if (plain_vote_one(p, i) != 0)
			break;
	plain_show_votes(p);
	plain_show_suggestion(p);
}

/* Appends a line to the note being typed, growing it by doubling. */
static void plain_note_append(char **note, size_t *len, size_t *cap,
			      const char *line)
{
	size_t n = strlen(line), need = *len + n + 2;
	char *b;

	if (need > *cap) {
		size_t c = *cap ? *cap : 256;

		while (c < need)
			c *= 2;
		if (!(b = realloc(*note, c)))
			plain_oom();
		*note = b;
		*cap = c;
	}
	if (*len)
		(*note)[(*len)++] = '\n';
	memcpy(*note + *len, line, n + 1);
	*len += n;
}

/* Lines up to one holding only "." (or the end of input), joined with
 * newlines.  A note over the store's limit is kept just past it, so the
 * store refuses it with the message the screens give: never cut short. */
static char *plain_read_note(plain *p)
{
	char *note = NULL;
	size_t len = 0, cap = 0;
	int r;

	plain_note_append(&note, &len, &cap, "");
	while ((r = plain_read(p)) == 0 && strcmp(p->line, ".") != 0) {
		plain_echo(p, 0);
		if (len <= STORE_MAX_NOTE)
			plain_note_append(&note, &len, &cap, p->line);
	}
	if (r == 0)
		plain_echo(p, 0);
	return note;
}

/* Confirms the note only after the store committed it. */
static void plain_note_store(plain *p, const char *note, const char *done)
{
	workshop *ws = p->ws;
	store_error err;

	if (store_set_note(ws->st, ws->s.id, workshop_row(ws)->id, note, &err) != 0)
		plain_error(p, "Not saved", &err);
	else
		plain_say(p, "Saved: %s.", done);
	plain_reload(p);
}

/* How an existing note changes: 'r' replace, 'a' add, 'c' clear, 0 keep
 * (also when input ended). */
static int plain_note_mode(plain *p, const char *old)
{
	const char *a;
	int c;

	if (!*old)
		return 'r';
	plain_show(p, "Note now: ", old, TEXT_KEEP_NEWLINES);
	a = plain_ask(p, "r replace it, a add to it, c clear it, Enter keeps it "
		      "[r, a, c, Enter]");
	c = a ? plain_letter(a) : 0;
	if (a && c != 'r' && c != 'a' && c != 'c')
		plain_say(p, "Note unchanged.");
	return c == 'r' || c == 'a' || c == 'c' ? c : 0;
}

/* The note, typed like a mail body; what was typed before input ended is
 * kept, since a dropped link should not lose it. */
void plain_note(plain *p)
{
	const store_row_answer *a = workshop_answer(p->ws);
	char *old = plain_format("%s", a ? a->note : ""), *typed, *note;
	int mode = plain_note_mode(p, old);

	if (mode == 'c')
		plain_note_store(p, "", "note cleared");
	if (mode != 'r' && mode != 'a') {
		free(old);
		return;
	}
	plain_say(p, "Type the note; a line holding only . ends it.");
	typed = plain_read_note(p);
	if (text_is_blank(typed)) {
		plain_say(p, "Note unchanged: nothing was typed.");
	} else {
		note = mode == 'a' ? plain_format("%s\n%s", old, typed)
				   : plain_format("%s", typed);
		plain_note_store(p, note, mode == 'a' ? "note added to" : "note");
		free(note);
	}
	free(typed);
	free(old);
}

/* A due date, asked again until it names a real day or is empty. */
static char *plain_ask_date(plain *p)
{
	for (;;) {
		char *d = plain_ask_copy(p, "Due date, YYYY-MM-DD or DD/MM/YYYY (Enter for none)");
		char iso[11], shown[32];

		if (d && text_parse_date(d, iso)) {
			strcpy(d, iso);   /* never longer than what was typed */
			if (text_date_past(d))
				plain_say(p, "Note: the due date %s has passed.",
					  text_date_show(d, shown, sizeof shown));
			return d;
		}
		if (!d)
			return d;
		plain_say(p, "'%s' is not a real date: type it as YYYY-MM-DD, like "
			  "2026-03-31, or DD/MM/YYYY, or press Enter for none.", d);
		free(d);
	}
}

/* Confirms the action only after the store committed it. */
static void plain_action_store(plain *p, const char *text, const char *owner,
			       const char *due)
{
	workshop *ws = p->ws;
	store_error err;

	if (store_action_add(ws->st, ws->s.id, workshop_row(ws)->id, text, owner,
			     due, NULL, &err) != 0)
		plain_error(p, "Not saved", &err);
	else
		plain_say(p, "Saved: action added%s%s%s%s.", *owner ? ", owner " : "",
			  owner, *due ? ", due " : "", due);
	plain_reload(p);
}

/* An action in three questions; nothing is stored until all three are
 * answered. */
void plain_action(plain *p)
{
	char *text, *owner = NULL, *due = NULL;

	text = plain_ask_copy(p, "Action: what will be done (Enter cancels)");
	if (text && text_is_blank(text))
		plain_say(p, "Not saved: no action added.");
	else if (text && (owner = plain_ask_copy(p, "Owner (Enter for none)")) &&
		 (due = plain_ask_date(p)))
		plain_action_store(p, text, owner, due);
	else if (text)
		plain_say(p, "Not saved: input ended before the action was complete.");
	free(text);
	free(owner);
	free(due);
}
