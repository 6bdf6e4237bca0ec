/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
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

#include <time.h>

#include "live.h"
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
		rowfacts_voted_text(&sp, ws->s.n_participants, counts, sizeof counts);
		plain_say(p, "Votes: %s; secret until you reveal them (r).", counts);
		return;
	}
	rowfacts_counts_text(ws->m, &sp, ", ", counts, sizeof counts);
	t = plain_format("%s (%d of %zu voted).", counts, sp.voted, ws->s.n_participants);
	plain_show(p, "Votes: ", t, 0);
	free(t);
}

/* After the votes: the range and the suggested stage, in the votes
 * screen's words, with the number that agrees it. */
void plain_show_suggestion(const plain *p)
{
	const workshop *ws = p->ws;
	const store_row_answer *a = workshop_answer(ws);
	rowfacts_state now = workshop_state_of(ws, a);
	rowfacts_spread sp;
	char buf[512];

	workshop_spread_of(ws, a, &sp);
	if (!sp.voted || workshop_ballot_hides(ws, a))
		return;
	rowfacts_range_text(ws->m, &sp, buf, sizeof buf);
	plain_say(p, "%s", buf);
	if (sp.suggested < 0)
		return;
	if (sp.suggested == now.stage)
		plain_say(p, "Suggested: %s, as agreed.", ws->m->stages[sp.suggested].label);
	else
		plain_say(p, "Suggested: %s%s. Type %d to agree it.",
			  ws->m->stages[sp.suggested].label,
			  sp.differ ? " (the lower, as views differ)" : "",
			  sp.suggested + 1);
}

/* The row's actions, one line each, so a reader hears what is owed. */
static void plain_show_actions(const plain *p)
{
	const workshop *ws = p->ws;
	const char *row = workshop_row(ws)->id;
	size_t i;

	for (i = 0; i < ws->a.n_actions; i++) {
		const store_action *ac = &ws->a.actions[i];
		const store_brought *from;
		char *t, due[32];

		if (strcmp(ac->row_id, row) != 0)
			continue;
		from = store_answers_brought_for(&ws->a, ac->id);
		text_date_show(ac->due, due, sizeof due);
		t = plain_format("%s%s%s%s%s%s%s%s%s", ac->text,
				 *ac->owner ? " -- owner " : "", ac->owner,
				 *ac->due ? ", due " : "", due, ac->done ? " (done)" : "",
				 from ? " (carried forward from " : "",
				 from ? from->from_name : "", from ? ")" : "");
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

void plain_show_stages(const plain *p, const workshop *ws)
{
	const content_row *row = workshop_row(ws);
	size_t i;

	for (i = 0; i < ws->m->n_stages; i++) {
		char *pre = plain_format("  %zu. %s: ", i + 1, ws->m->stages[i].label);

		plain_show(p, pre, row->descriptors[i], TEXT_KEEP_NEWLINES);
		free(pre);
	}
}

/* The row with its descriptors numbered as they are answered. */
static void plain_show_row(plain *p)
{
	const workshop *ws = p->ws;
	char prefix[64];

	plain_show_section(p);
	putchar('\n');
	snprintf(prefix, sizeof prefix, "Row %zu of %zu: ", ws->cur + 1, ws->n_steps);
	plain_show(p, prefix, workshop_row(ws)->title, 0);
	plain_pacing(p);
	plain_show_stages(p, ws);
	plain_show_answer(p);
	plain_show_brought(p);
	p->full_prompt = 1;
}

/* f: what the facilitator can ask and look for on this row, the meanings
 * of the terms it uses, then the matrix's whole glossary. */
static int plain_cmd_prompts(plain *p, long arg)
{
	const content_matrix *m = p->ws->m;
	const content_row *row = workshop_row(p->ws);
	const content_term *t[32];
	size_t n = content_row_terms(m, row, t, 32), i;

	(void)arg;
	for (i = 0; i < row->n_prompts; i++) {
		char pre[40];

		snprintf(pre, sizeof pre, "Prompt %zu: ", i + 1);
		plain_show(p, pre, row->prompts[i], 0);
	}
	if (!row->n_prompts)
		plain_say(p, "Prompts: none for this row.");
	plain_show(p, "Evidence: ", *row->evidence ? row->evidence : "none for this row.", 0);
	for (i = 0; i < n && i < 32; i++) {
		char *pre = plain_format("Term %s: ", t[i]->term);

		plain_show(p, pre, t[i]->meaning, 0);
		free(pre);
	}
	if (m->n_glossary)
		plain_say(p, "Glossary of the matrix (%zu term%s):", m->n_glossary,
			  m->n_glossary == 1 ? "" : "s");
	for (i = 0; i < m->n_glossary; i++) {
		const content_term *g = m->glossary_sorted ? m->glossary_sorted[i]
							   : &m->glossary[i];
		char *pre = plain_format("  %s: ", g->term);

		plain_show(p, pre, g->meaning, 0);
		free(pre);
	}
	return PLAIN_STAY;
}

/* ------------------------------------------------------------ answers */

/* Stores the row's agreement; confirmed only once it is committed. */
static void plain_set(plain *p, enum store_row_state state, int stage,
		      const char *done)
{
	workshop *ws = p->ws;
	const char *row = workshop_row(ws)->id;
	store_error err;

	if (store_set_agreed(ws->st, ws->s.id, row, state, stage, &err) != 0) {
		plain_error(p, "Not saved", &err);
		plain_reload(p);
		return;
	}
	plain_say(p, "Saved: %s.", done);
	/* only this row changed: reading it alone keeps a row's cost flat */
	if (workshop_refresh_row(ws, row, &err) != 0)
		plain_error(p, "Error", &err);
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
/* Undo or redo this person's own last change; another person's change is
 * never reverted (the workshop says why not). */
static void plain_undo(plain *p, int redo)
{
	char msg[512];
	store_error err;
	int moved, rc = redo ? workshop_redo(p->ws, &moved, msg, sizeof msg, &err)
			     : workshop_undo(p->ws, &moved, msg, sizeof msg, &err);

	if (rc != 0)
		plain_error(p, msg[0] ? "Error" : redo ? "Not saved: not redone"
			    : "Not saved: not undone", &err);
	if (msg[0] && rc == 0 && strncmp(msg, "Nothing ", 8) != 0)
		plain_say(p, "Saved: %s.", msg);
	else if (msg[0])
		plain_say(p, "%s", msg);
	if (moved)
		plain_show_row(p);
}

/* ------------------------------------------------------------ moving */

/* Moves to a row, storing the position so the next run resumes there. */
void plain_step(plain *p, size_t step)
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

static int plain_cmd_agree(plain *p, long k) { plain_agree(p, k); return PLAIN_STAY; }
static int plain_cmd_clear(plain *p, long k) { (void)k; plain_agree(p, 0); return PLAIN_STAY; }
static int plain_cmd_na(plain *p, long k) { (void)k; plain_not_applicable(p); return PLAIN_STAY; }
static int plain_cmd_votes(plain *p, long k) { (void)k; plain_votes(p); return PLAIN_STAY; }
static int plain_cmd_reveal(plain *p, long k) { (void)k; plain_reveal(p); return PLAIN_STAY; }
static int plain_cmd_reveal_all(plain *p, long k) { (void)k; plain_reveal_all(p); return PLAIN_STAY; }
static int plain_cmd_note(plain *p, long k) { (void)k; plain_note(p); return PLAIN_STAY; }
static int plain_cmd_actions(plain *p, long k) { (void)k; plain_actions(p); return PLAIN_STAY; }
static int plain_cmd_brought(plain *p, long k) { (void)k; plain_brought(p); return PLAIN_STAY; }
static int plain_cmd_undo(plain *p, long k) { plain_undo(p, (int)k); return PLAIN_STAY; }
static int plain_cmd_history(plain *p, long k) { (void)k; plain_history(p); return PLAIN_STAY; }
static int plain_cmd_overview(plain *p, long k) { (void)k; plain_overview(p); return PLAIN_STAY; }
static int plain_cmd_summary(plain *p, long k) { (void)k; plain_summary(p); return PLAIN_STAY; }
static int plain_cmd_report(plain *p, long k) { (void)k; plain_report(p); return PLAIN_STAY; }
static int plain_cmd_setup(plain *p, long k) { (void)k; plain_setup(p); return PLAIN_STAY; }
static int plain_cmd_goto(plain *p, long k) { (void)k; plain_goto(p); return PLAIN_STAY; }
static int plain_cmd_again(plain *p, long k) { (void)k; plain_show_row(p); return PLAIN_STAY; }
static int plain_cmd_next(plain *p, long k) { (void)k; plain_next_row(p); return PLAIN_STAY; }
static int plain_cmd_quit(plain *p, long k) { (void)p; (void)k; return PLAIN_QUIT; }
static int plain_cmd_help(plain *p, long k);
static int plain_cmd_time(plain *p, long k) { (void)k; plain_pacing(p); return PLAIN_STAY; }

static int plain_cmd_minutes(plain *p, long k)
{
	(void)k;
	plain_section_minutes(p, p->ws->steps[p->ws->cur].section);
	return PLAIN_STAY;
}

static int plain_cmd_back(plain *p, long k)
{
	(void)k;
	if (p->ws->cur > 0)
		plain_step(p, p->ws->cur - 1);
	else
		plain_say(p, "This is the first row.");
	return PLAIN_STAY;
}

/* [ and ]: the first row of the previous or next section with rows. */
static int plain_cmd_section(plain *p, long dir)
{
	const workshop *ws = p->ws;
	size_t sec = ws->steps[ws->cur].section, step;

	if (dir < 0) {
		size_t first = workshop_section_start(ws, sec);

		while (sec > 0 && (step = workshop_section_start(ws, --sec)) >= first)
			;
		step = workshop_section_start(ws, sec);
		if (step >= first) {
			plain_say(p, "This is the first section.");
			return PLAIN_STAY;
		}
	} else if ((step = workshop_section_start(ws, sec + 1)) >= ws->n_steps) {
		plain_say(p, "This is the last section.");
		return PLAIN_STAY;
	}
	plain_step(p, step);
	return PLAIN_STAY;
}

/* Every answer the walk takes: the dispatch, the prompts and `?` are all
 * made from this table, so they cannot drift apart.  `key` is the answer
 * typed ("" for Enter, "#" for a stage's number); `word` is its name in
 * the long prompt (NULL: not in the prompts, only in the help); `arg`
 * goes to the function. */
typedef struct plain_cmd {
	const char *key;
	const char *also;          /* a second key, or NULL */
	const char *word;
	const char *help;
	int (*run)(plain *p, long arg);
	long arg;
} plain_cmd;

static const plain_cmd plain_cmds[] = {
	{ "#", NULL, "agree a stage", "agree that stage", plain_cmd_agree, 0 },
	{ "0", NULL, "clear", "clear the agreed stage (the row is open again)",
	  plain_cmd_clear, 0 },
	{ "x", NULL, "not applicable", "not applicable (x again opens the row)",
	  plain_cmd_na, 0 },
	{ "v", NULL, "votes", "record each participant's vote in turn, then the "
	  "spread and the suggested stage", plain_cmd_votes, 0 },
	{ "r", NULL, "reveal", "secret ballot or private scores: reveal the votes "
	  "on this row (or hide them again)", plain_cmd_reveal, 0 },
	{ "R", NULL, NULL, "reveal the votes on every row still hidden (secret "
	  "ballot or private scores)", plain_cmd_reveal_all, 0 },
	{ "n", NULL, "note", "the note: shown, then replaced, added to or "
	  "cleared; a line holding only . ends it", plain_cmd_note, 0 },
	{ "a", NULL, "actions", "the row's actions: list, add, edit, mark done, "
	  "delete", plain_cmd_actions, 0 },
	{ "B", NULL, NULL, "last session's actions on this row (all of them when "
	  "it has none; * lists all): a number, then its outcome",
	  plain_cmd_brought, 0 },
	{ "f", NULL, NULL, "for the facilitator: the row's prompts, evidence and "
	  "glossary terms, then the whole glossary", plain_cmd_prompts, 0 },
	{ "u", NULL, "undo", "undo your own last change, going to its row; "
	  "never another person's", plain_cmd_undo, 0 },
	{ "U", NULL, "redo", "redo what you undid, until you make a new change",
	  plain_cmd_undo, 1 },
	{ "H", NULL, "history", "every change of the session, newest first: when, "
	  "who, row, what", plain_cmd_history, 0 },
	{ "b", NULL, "back", "back to the previous row", plain_cmd_back, 0 },
	{ "g", NULL, "go to", "go to a row by its number", plain_cmd_goto, 0 },
	{ "[", NULL, NULL, "the previous section", plain_cmd_section, -1 },
	{ "]", NULL, NULL, "the next section", plain_cmd_section, 1 },
	{ "o", NULL, "overview", "every section with its progress; walk one",
	  plain_cmd_overview, 0 },
	{ "t", "time", NULL, "the time: this section's minutes against its plan and "
	  "the workshop's against the whole", plain_cmd_time, 0 },
	{ "m", NULL, NULL, "plan this section's minutes (blank: its share of the "
	  "rows); the other sections share the rest", plain_cmd_minutes, 0 },
	{ "s", NULL, "summary", "the summary: profile, disagreements, action "
	  "plan, changes", plain_cmd_summary, 0 },
	{ "p", NULL, "report", "write the printable report next to the database",
	  plain_cmd_report, 0 },
	{ "i", NULL, "set-up", "the session's set-up: rename it, change the "
	  "organisation, facilitator, type, minutes or secret ballot, add, rename "
	  "or remove a participant", plain_cmd_setup, 0 },
	{ "l", NULL, NULL, "read this row again", plain_cmd_again, 0 },
	{ "", NULL, "Enter next", "next row", plain_cmd_next, 0 },
	{ "q", NULL, "quit", "quit; every answer already saved is kept",
	  plain_cmd_quit, 0 },
	{ "?", "h", "help", "this list", plain_cmd_help, 0 },
};

#define PLAIN_N_CMDS (sizeof plain_cmds / sizeof plain_cmds[0])

/* How a key is named in the help and the prompts. */
static char *plain_cmd_key(const plain *p, const plain_cmd *c)
{
	if (strcmp(c->key, "#") == 0)
		return plain_format("1-%zu", p->ws->m->n_stages);
	if (!*c->key)
		return plain_format("Enter");
	if (c->also)
		return plain_format("%s, %s", c->key, c->also);
	return plain_format("%s", c->key);
}

/* The key column of ?, as wide as "Enter" and a little more. */
#define PLAIN_KEY_WIDTH 6

/* ?: one line per entry of the table. */
static int plain_cmd_help(plain *p, long k)
{
	size_t i, n = p->ws->m->n_stages;
	(void)k;

	for (i = 0; i < PLAIN_N_CMDS; i++) {
		char *key = plain_cmd_key(p, &plain_cmds[i]);
		char *pre, *t;

		/* a key wider than its column stands on a line of its own, so
		 * every text starts in the same column */
		if (key && strlen(key) > PLAIN_KEY_WIDTH) {
			plain_say(p, "  %s", key);
			pre = plain_format("  %-*s ", PLAIN_KEY_WIDTH, "");
		} else {
			pre = plain_format("  %-*s ", PLAIN_KEY_WIDTH, key);
		}

		if (strcmp(plain_cmds[i].key, "#") == 0) {
			size_t s;

			t = plain_format("%s:", plain_cmds[i].help);
			for (s = 0; s < n; s++) {
				char *u = plain_format("%s %zu. %s%s", t, s + 1,
						       p->ws->m->stages[s].label,
						       s + 1 < n ? "," : "");

				free(t);
				t = u;
			}
		} else if (plain_cmds[i].run == plain_cmd_brought) {
			char *choices = plain_outcome_choices();

			t = plain_format("%s: %s", plain_cmds[i].help, choices);
			free(choices);
		} else {
			t = plain_format("%s", plain_cmds[i].help);
		}
		plain_show(p, pre, t, 0);
		free(t);
		free(pre);
		free(key);
	}
	return PLAIN_STAY;
}

/* The long prompt names each answer; the short one gives only the keys. */
static char *plain_cmd_prompt(const plain *p, int full)
{
	char *t = full ? plain_format("%s", "") : plain_format("Row %zu of %zu [",
				      p->ws->cur + 1, p->ws->n_steps), *u;
	size_t i;

	for (i = 0; i < PLAIN_N_CMDS; i++) {
		const plain_cmd *c = &plain_cmds[i];
		char *key;

		if (!c->word)
			continue;
		key = c->also ? plain_format("%s", c->key) : plain_cmd_key(p, c);
		if (!full)
			u = plain_format("%s%s%s", t, i ? ", " : "", key);
		else if (strcmp(c->key, "#") == 0)
			u = plain_format("Agree a stage [%s]", key);
		else if (!*c->key)
			u = plain_format("%s, %s", t, c->word);
		else
			u = plain_format("%s, %s %s", t, c->key, c->word);
		free(key);
		free(t);
		t = u;
	}
	u = plain_format("%s%s", t, full ? "" : "]");
	free(t);
	return u;
}

/* The entry for an answer, or NULL; digits give their number in *k. */
static const plain_cmd *plain_cmd_find(const char *a, long *k)
{
	size_t i;

	*k = 0;
	for (i = 0; i < PLAIN_N_CMDS; i++) {
		const plain_cmd *c = &plain_cmds[i];

		if (strcmp(c->key, "#") == 0) {
			if (plain_number(a, 1, 999999999, k) == 0)
				return c;
		} else if (strcmp(a, c->key) == 0 || (c->also && strcmp(a, c->also) == 0)) {
			return c;
		}
	}
	/* letters in either case, as before, unless the capital is a key */
	if (a[0] && !a[1] && a[0] >= 'A' && a[0] <= 'Z') {
		char lower[2] = { (char)(a[0] - 'A' + 'a'), 0 };

		return plain_cmd_find(lower, k);
	}
	return NULL;
}

/* One answer at the walk's prompt. */
static int plain_command(plain *p, const char *a)
{
	long k;
	const plain_cmd *c = plain_cmd_find(a, &k);

	if (!c) {
		plain_unknown(p, a);
		return PLAIN_STAY;
	}
	return c->run(p, c->arg ? c->arg : k);
}

/* The full list of answers after a row is shown, a short one after that. */
static const char *plain_walk_prompt(plain *p)
{
	const workshop *ws = p->ws;
	int full = p->full_prompt;
	char *prompt;
	const char *a;

	p->full_prompt = 0;
	if (ws->st && store_data_version(ws->st) != ws->data_version)
		plain_reload(p);
	prompt = plain_cmd_prompt(p, full);
	a = plain_ask(p, "%s", prompt);
	free(prompt);
	return a;
}

/* The walk from the stored row until q or the end of input. */
int plain_walk(plain *p)
{
	size_t total, done = workshop_answered(p->ws, &total);
	const char *a;
	store_error err;

	plain_say(p, "Session '%s': %zu of %zu rows answered. Every answer is "
		  "saved as it is given.", p->ws->s.name, done, total);
	if (!p->ws->n_steps) {
		plain_say(p, "This session has no rows for its type.");
		return CLI_OK;
	}
	if (workshop_open_row(p->ws, &err) != 0)
		plain_error(p, "Not saved", &err);
	plain_brought_opening(p);
	plain_show_row(p);
	p->lv = live_start(p->st, p->ws->s.id, STORE_ROLE_FACILITATOR,
			   p->ws->s.facilitator, time(NULL));
	if (!p->lv)
		plain_oom();
	while ((a = plain_walk_prompt(p)) != NULL)
		if (plain_command(p, a) == PLAIN_QUIT)
			break;
		else
			plain_keep_time(p);
	live_stop(p->lv);
	p->lv = NULL;
	done = workshop_answered(p->ws, &total);
	if (p->failed) {
		plain_say(p, "Not saved: %zu change%s could not be stored (the last: "
			  "%s). Only answers confirmed with Saved: are kept; %zu of "
			  "%zu rows answered.", p->n_failed, p->n_failed == 1 ? "" : "s",
			  p->failure, done, total);
		return p->failed;
	}
	plain_say(p, "Everything is saved: %zu of %zu rows answered. The next "
		  "run resumes at this row.", done, total);
	return CLI_OK;
}
