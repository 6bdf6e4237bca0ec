/* plain_walk.c - the plain walk: one row at a time, numbered descriptors,
 * answers by number or letter, each stored before it is confirmed.
 *
 * The rows, their order for the session's track, the progress and the
 * stored position all come from the workshop model the screens use, so a
 * session moves between the two modes at the same row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plain_internal.h"
#include "text.h"

enum plain_next { PLAIN_STAY, PLAIN_QUIT };

/* ------------------------------------------------------------ showing */

/* Reads the session again after a change (or another process's). */
void plain_reload(plain *p)
{
	store_error err;

	if (workshop_reload(p->ws, &err) != 0)
		plain_error(p, "Error", &err);
}

/* The spread as words, unless a secret ballot still hides it. */
void plain_show_votes(const plain *p)
{
	const workshop *ws = p->ws;
	const store_row_answer *a = workshop_answer(ws);
	rowfacts_spread sp;
	char counts[4096];
	char *t;

	workshop_spread_of(ws, a, &sp);
	if (!sp.voted)
		return;
	if (workshop_ballot_hides(ws, a)) {
		plain_say(p, "Votes: %d of %zu voted; secret until revealed.",
			  sp.voted, ws->s.n_participants);
		return;
	}
	rowfacts_counts_text(ws->m, &sp, ", ", counts, sizeof counts);
	t = plain_format("%s (%d of %zu voted).", counts, sp.voted, ws->s.n_participants);
	plain_show(p, "Votes: ", t, 0);
	free(t);
}

/* The row's actions, one line each, so a reader hears what is owed. */
static void plain_show_actions(const plain *p)
{
	const workshop *ws = p->ws;
	const char *row = workshop_row(ws)->id;
	size_t i;

	for (i = 0; i < ws->a.n_actions; i++) {
		const store_action *ac = &ws->a.actions[i];
		char *t, due[32];

		if (strcmp(ac->row_id, row) != 0)
			continue;
		text_date_show(ac->due, due, sizeof due);
		t = plain_format("%s%s%s%s%s%s", ac->text, *ac->owner ? " -- owner " : "",
				 ac->owner, *ac->due ? ", due " : "", due,
				 ac->done ? " (done)" : "");
		plain_show(p, "Action: ", t, 0);
		free(t);
	}
}

/* What is recorded on the row: agreement, votes, note and actions. */
static void plain_show_answer(const plain *p)
{
	const store_row_answer *a = workshop_answer(p->ws);
	char state[128];

	plain_say(p, "Agreed: %s.", rowfacts_state_text(p->ws->m,
		  workshop_state_of(p->ws, a), ROWFACTS_BARE, state, sizeof state));
	plain_show_votes(p);
	if (a && *a->note)
		plain_show(p, "Note: ", a->note, TEXT_KEEP_NEWLINES);
	plain_show_actions(p);
}

/* The section heading and intro, once each time the walk enters it. */
static void plain_show_section(plain *p)
{
	const workshop *ws = p->ws;
	size_t sec = ws->steps[ws->cur].section;
	const content_section *s = &ws->m->sections[sec];
	char prefix[64];

	if (sec == p->shown_section)
		return;
	p->shown_section = sec;
	snprintf(prefix, sizeof prefix, "Section %zu of %zu: ", sec + 1,
		 ws->m->n_sections);
	putchar('\n');
	plain_show(p, prefix, s->title, 0);
	if (!text_is_blank(s->intro))
		plain_show(p, "", s->intro, TEXT_KEEP_NEWLINES);
}

/* The row with its descriptors numbered as they are answered. */
static void plain_show_row(plain *p)
{
	const workshop *ws = p->ws;
	const content_row *row = workshop_row(ws);
	char prefix[64];
	size_t i;

	plain_show_section(p);
	putchar('\n');
	snprintf(prefix, sizeof prefix, "Row %zu of %zu: ", ws->cur + 1, ws->n_steps);
	plain_show(p, prefix, row->title, 0);
	for (i = 0; i < ws->m->n_stages; i++) {
		char *pre = plain_format("  %zu. %s: ", i + 1, ws->m->stages[i].label);

		plain_show(p, pre, row->descriptors[i], TEXT_KEEP_NEWLINES);
		free(pre);
	}
	plain_show_answer(p);
	p->full_prompt = 1;
}

/* Every answer the walk takes, one per line, for `?`. */
static void plain_help(const plain *p)
{
	static const char *const keys[][2] = {
		{ "0", "clear the agreed stage" },
		{ "x", "not applicable (x again opens the row)" },
		{ "v", "record each participant's vote in turn" },
		{ "n", "write the note; a line holding only . ends it" },
		{ "a", "add an action: text, owner, due date" },
		{ "u", "undo the last change" },
		{ "b", "back to the previous row" },
		{ "g", "go to a row by its number" },
		{ "r", "repeat this row" },
		{ "Enter", "next row" },
		{ "q", "quit; every answer is already saved" }
	};
	size_t i;
	char *t = plain_format("%s", ""), *u;

	for (i = 0; i < p->ws->m->n_stages; i++) {
		u = plain_format("%s%s%zu. %s", t, i ? ", " : "", i + 1,
				       p->ws->m->stages[i].label);

		free(t);
		t = u;
	}
	u = plain_format("  1-%-4zu agree that stage: ", p->ws->m->n_stages);
	plain_show(p, u, t, 0);
	free(u);
	free(t);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char pre[16];

		snprintf(pre, sizeof pre, "  %-6s ", keys[i][0]);
		plain_show(p, pre, keys[i][1], 0);
	}
}

/* ------------------------------------------------------------ answers */

/* Stores the row's agreement; confirmed only once it is committed. */
static void plain_set(plain *p, enum store_row_state state, int stage,
		      const char *done)
{
	workshop *ws = p->ws;
	store_error err;

	if (store_set_agreed(ws->st, ws->s.id, workshop_row(ws)->id, state, stage,
			     &err) != 0)
		plain_error(p, "Not saved", &err);
	else
		plain_say(p, "Saved: %s.", done);
	plain_reload(p);
}

/* A number at the walk prompt: 1..N agrees that stage, 0 clears it. */
static void plain_agree(plain *p, long k)
{
	size_t n = p->ws->m->n_stages;
	char *done;

	if (k == 0) {
		plain_set(p, STORE_ROW_OPEN, -1, "no stage agreed");
		return;
	}
	if ((size_t)k > n) {
		plain_say(p, "There are %zu stages: type 1 to %zu.", n, n);
		return;
	}
	done = plain_format("%s agreed", p->ws->m->stages[k - 1].label);
	plain_set(p, STORE_ROW_AGREED, (int)k - 1, done);
	free(done);
}

/* x toggles, as in the screens, so a mistaken x is undone by another. */
static void plain_not_applicable(plain *p)
{
	const store_row_answer *a = workshop_answer(p->ws);

	if (a && a->state == STORE_ROW_NOT_APPLICABLE)
		plain_set(p, STORE_ROW_OPEN, -1, "the row is open again");
	else
		plain_set(p, STORE_ROW_NOT_APPLICABLE, -1, "not applicable");
}

/* u: the store's undo, which walks back the session's history.  As on
 * the screens, the walk goes to the undone change's row and reads it out,
 * so nobody changes a row they cannot see. */
static void plain_undo(plain *p)
{
	char msg[512];
	store_error err;
	int moved, rc = workshop_undo(p->ws, &moved, msg, sizeof msg, &err);

	if (rc != 0)
		plain_error(p, msg[0] ? "Error" : "Not undone", &err);
	if (msg[0])
		plain_say(p, "%s", msg);
	if (moved)
		plain_show_row(p);
}

/* ------------------------------------------------------------ moving */

/* Moves to a row, storing the position so the next run resumes there. */
static void plain_step(plain *p, size_t step)
{
	store_error err;

	if (workshop_goto(p->ws, step, &err) != 0)
		plain_error(p, "Position not saved", &err);
	plain_show_row(p);
}

/* Enter: the next row; past the last one, say so and stay. */
static void plain_next_row(plain *p)
{
	size_t total, done;

	if (p->ws->cur + 1 < p->ws->n_steps) {
		plain_step(p, p->ws->cur + 1);
		return;
	}
	done = workshop_answered(p->ws, &total);
	plain_say(p, "That was the last row: %zu of %zu rows answered. b goes "
		  "back, g goes to a row, q quits.", done, total);
}

/* Every row by number with its state, for choosing where to go. */
static void plain_list_rows(const plain *p)
{
	size_t k;

	for (k = 0; k < p->ws->n_steps; k++) {
		const workshop_step *s = &p->ws->steps[k];
		char num[32], state[128];
		char *t = plain_format("%s (%s)",
				       p->ws->m->sections[s->section].rows[s->row].title,
				       rowfacts_state_text(p->ws->m, workshop_state_of(p->ws,
				       workshop_answer_at(p->ws, k)), ROWFACTS_BARE,
				       state, sizeof state));

		snprintf(num, sizeof num, "%4zu. ", k + 1);
		plain_show(p, num, t, 0);
		free(t);
	}
}

/* g: a row by its number, for going back to a row skipped earlier. */
static void plain_goto(plain *p)
{
	for (;;) {
		const char *a = plain_ask(p, "Go to row [1-%zu], l lists the rows, "
					  "Enter stays here", p->ws->n_steps);
		long k;

		if (!a || !*a)
			return;
		if (plain_number(a, 1, (long)p->ws->n_steps, &k) == 0) {
			plain_step(p, (size_t)k - 1);
			return;
		}
		if (plain_letter(a) == 'l')
			plain_list_rows(p);
		else
			plain_say(p, "Type a number from 1 to %zu.", p->ws->n_steps);
	}
}

/* ------------------------------------------------------------ the walk */

/* A long mistaken answer (a paste at the wrong prompt) is not repeated. */
static void plain_unknown(const plain *p, const char *a)
{
	if (strlen(a) <= 20)
		plain_say(p, "'%s' is not an answer here: ? lists them.", a);
	else
		plain_say(p, "That is not an answer here: ? lists them.");
}

/* One answer at the walk's prompt. */
static int plain_command(plain *p, const char *a)
{
	long k;

	if (!*a)
		plain_next_row(p);
	else if (plain_number(a, 0, 999999999, &k) == 0)
		plain_agree(p, k);
	else
		switch (plain_letter(a)) {
		case 'x': plain_not_applicable(p); break;
		case 'v': plain_votes(p); break;
		case 'n': plain_note(p); break;
		case 'a': plain_action(p); break;
		case 'u': plain_undo(p); break;
		case 'g': plain_goto(p); break;
		case 'r': plain_show_row(p); break;
		case '?': case 'h': plain_help(p); break;
		case 'q': return PLAIN_QUIT;
		case 'b':
			if (p->ws->cur > 0)
				plain_step(p, p->ws->cur - 1);
			else
				plain_say(p, "This is the first row.");
			break;
		default:
			plain_unknown(p, a);
		}
	return PLAIN_STAY;
}

/* The full list of answers after a row is shown, a short one after that. */
static const char *plain_walk_prompt(plain *p)
{
	const workshop *ws = p->ws;
	int full = p->full_prompt;

	p->full_prompt = 0;
	if (ws->st && store_data_version(ws->st) != ws->data_version)
		plain_reload(p);
	if (full)
		return plain_ask(p, "Agree a stage [1-%zu], 0 clear, x not applicable, "
				 "v votes, n note, a action, u undo, b back, g go to, "
				 "Enter next, q quit, ? help", ws->m->n_stages);
	return plain_ask(p, "Row %zu of %zu [1-%zu, 0, x, v, n, a, u, b, g, Enter, "
			 "q, ?]", ws->cur + 1, ws->n_steps, ws->m->n_stages);
}

/* The walk from the stored row until q or the end of input. */
int plain_walk(plain *p)
{
	size_t total, done = workshop_answered(p->ws, &total);
	const char *a;

	plain_say(p, "Session '%s': %zu of %zu rows answered. Every answer is "
		  "saved as it is given.", p->ws->s.name, done, total);
	if (!p->ws->n_steps) {
		plain_say(p, "This session has no rows for its type.");
		return CLI_OK;
	}
	plain_show_row(p);
	while ((a = plain_walk_prompt(p)) != NULL)
		if (plain_command(p, a) == PLAIN_QUIT)
			break;
	done = workshop_answered(p->ws, &total);
	plain_say(p, "Everything is saved: %zu of %zu rows answered. The next "
		  "run resumes at this row.", done, total);
	return CLI_OK;
}
