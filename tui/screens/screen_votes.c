/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_votes.c - each participant's vote on the current row.
 *
 * The keyboard can be passed round the room: select a name, press the
 * stage's number (or d for don't know) and the selection moves on.  In a
 * secret ballot the screen shows only who has voted until the facilitator
 * reveals the votes; then the spread (count per stage, lowest, highest)
 * and a suggested stage -- the lower where views differ -- which Enter
 * agrees.  The facilitator decides: nothing is agreed automatically, and
 * the stage the room agreed before is shown and never replaced without a
 * y/n question.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "listview.h"
#include "screens.h"

#define VOTES_TOP 3
#define VOTES_FOOT 4

typedef struct votes_state {
	listview list;
	/* The stage Enter offered, kept for the y/n answer: a vote arriving
	 * from another terminal meanwhile must not change what "y" agrees. */
	int asked_stage;
	size_t asked_participant;    /* whose own vote "Clear ...?" names */
} votes_state;

static size_t votes_height(const ui *u)
{
	int h = getmaxy(u->body) - VOTES_TOP - VOTES_FOOT;

	return h > 0 ? (size_t)h : 1;
}

static int vote_of(const workshop *ws, const store_row_answer *a, size_t i)
{
	if (!a || !a->votes || i >= ws->a.n_participants)
		return STORE_VOTE_NONE;
	return a->votes[i];
}

static void vote_text(const workshop *ws, int v, int hide, char *buf, size_t size)
{
	if (v == STORE_VOTE_NONE)
		snprintf(buf, size, "-");
	else if (hide)
		snprintf(buf, size, "voted");
	else if (v == STORE_VOTE_DONT_KNOW)
		snprintf(buf, size, "don't know");
	else if (v >= 0 && (size_t)v < ws->m->n_stages)
		snprintf(buf, size, "%d %s", v + 1, ws->m->stages[v].label);
	else
		snprintf(buf, size, "?");
}

/* Counts, range, what is agreed now and the suggestion, always on the
 * same four lines, so moving the selection never redraws them. */
static void draw_spread(ui *u, int y, const store_row_answer *a)
{
	const workshop *ws = u->ws;
	rowfacts_state now = workshop_state_of(ws, a);
	rowfacts_spread sp;
	char buf[512];

	workshop_spread_of(ws, a, &sp);
	draw_text(u->body, y + 2, 1, u->cols - 2,
		  rowfacts_state_text(ws->m, now, ROWFACTS_VOTES, buf, sizeof buf), A_NORMAL);
	if (workshop_ballot_hides(ws, a)) {
		rowfacts_voted_text(&sp, ws->s.n_participants, buf, sizeof buf);
		draw_fmt(u->body, y, 1, u->cols - 2, A_NORMAL,
			 "%s. Votes are secret until you reveal them (r).", buf);
		return;
	}
	rowfacts_counts_text(ws->m, &sp, "  ", buf, sizeof buf);
	draw_text(u->body, y, 1, u->cols - 2, buf, A_NORMAL);
	rowfacts_range_text(ws->m, &sp, buf, sizeof buf);
	draw_text(u->body, y + 1, 1, u->cols - 2, buf, A_NORMAL);
	if (sp.suggested < 0)
		return;
	if (sp.suggested == now.stage)
		draw_fmt(u->body, y + 3, 1, u->cols - 2, draw_attr(ATTR_HEADING),
			 "Suggested: %s, as agreed.", ws->m->stages[sp.suggested].label);
	else
		draw_fmt(u->body, y + 3, 1, u->cols - 2, draw_attr(ATTR_HEADING),
			 "Suggested: %s%s. Enter agrees it.",
			 ws->m->stages[sp.suggested].label,
			 sp.differ ? " (the lower, as views differ)" : "");
}

static void votes_draw(ui *u)
{
	votes_state *vs = ui_private(u, &screen_votes);
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	int hide = workshop_ballot_hides(ws, a), h = getmaxy(u->body);
	size_t i, rows = votes_height(u);
	char buf[64];

	draw_fmt(u->body, 0, 1, u->cols - 2, draw_attr(ATTR_HEADING), "Votes: %s",
		 workshop_row(ws)->title);
	draw_text(u->body, 1, 1, u->cols - 2,
		  ws->s.secret_ballot ? "Secret ballot: on (b turns it off)"
				      : "Secret ballot: off (b turns it on)", A_NORMAL);
	if (!ws->s.n_participants)
		draw_text(u->body, VOTES_TOP, 1, u->cols - 2,
			  "No participants yet: + adds one.", A_NORMAL);
	for (i = vs->list.top; i < vs->list.n && i < vs->list.top + rows; i++) {
		attr_t at = i == vs->list.sel ? draw_attr(ATTR_SELECTED) : A_NORMAL;
		int y = VOTES_TOP + (int)(i - vs->list.top);

		vote_text(ws, vote_of(ws, a, i), hide, buf, sizeof buf);
		/* Marker plus the name in reverse video: moving to the next
		 * person rewrites two names, not two lines (see the sessions
		 * list), and the room still sees whose turn it is. */
		draw_text(u->body, y, 0, 1, at != A_NORMAL ? draw_glyph(GLYPH_ARROW) : " ",
			  A_NORMAL);
		draw_fmt(u->body, y, 1, 4, A_NORMAL, "%2zu", i + 1);
		draw_text(u->body, y, 5, u->cols / 2 - 6, ws->s.participants[i], at);
		draw_text(u->body, y, u->cols / 2, u->cols / 2 - 1, buf, A_NORMAL);
	}
	draw_spread(u, h - VOTES_FOOT, a);
}

static void votes_enter(ui *u)
{
	votes_state *vs = ui_private(u, &screen_votes);

	vs->list.n = u->ws->s.n_participants;
	vs->list.sel = vs->list.top = 0;
	listview_fit(&vs->list, votes_height(u));
}

static void votes_store(ui *u, int vote)
{
	votes_state *vs = ui_private(u, &screen_votes);
	workshop *ws = u->ws;
	store_error err;

	if (!vs->list.n) {
		ui_say(u, "No participants yet: + adds one.");
		return;
	}
	if (!ui_saved_row(u, store_set_vote(ws->st, ws->s.id, workshop_row(ws)->id,
					    (int)vs->list.sel, vote, &err), &err,
			  workshop_row(ws)->id, "Saved: vote %s.", vote == STORE_VOTE_NONE ? "cleared" : "recorded"))
		return;
	if (vote != STORE_VOTE_NONE && vs->list.sel + 1 < vs->list.n)
		listview_action(&vs->list, ACT_DOWN, votes_height(u));
}

/* The facilitator clears a vote the participant cast at their own
 * terminal only when asked to: it is theirs, and their screen said it was
 * saved.  The history records the clearing as the facilitator's. */
static void votes_clear_yes(ui *u, void *ctx)
{
	votes_state *vs = ctx;
	workshop *ws = u->ws;
	store_error err;
	char name[STORE_MAX_NAME * 4 + 1];

	if (vs->asked_participant >= ws->s.n_participants)
		return;
	vs->list.sel = vs->asked_participant;
	/* the save reloads the session, and with it the names */
	snprintf(name, sizeof name, "%s", ws->s.participants[vs->asked_participant]);
	ui_saved(u, store_set_vote(ws->st, ws->s.id, workshop_row(ws)->id,
				   (int)vs->asked_participant, STORE_VOTE_NONE, &err),
		 &err, "Saved: %s's own vote cleared; the history says you cleared it.",
		 name);
}

static void votes_clear(ui *u)
{
	votes_state *vs = ui_private(u, &screen_votes);
	workshop *ws = u->ws;
	const char *row = workshop_row(ws)->id;
	store_error err;
	int author;

	if (!vs->list.n || vote_of(ws, workshop_answer(ws), vs->list.sel) ==
	    STORE_VOTE_NONE) {
		votes_store(u, STORE_VOTE_NONE);
		return;
	}
	if (store_vote_author(ws->st, ws->s.id, row, (int)vs->list.sel, &author,
			      &err) != 0) {
		ui_error(u, &err);
		return;
	}
	if (author != (int)vs->list.sel) {
		votes_store(u, STORE_VOTE_NONE);
		return;
	}
	vs->asked_participant = vs->list.sel;
	ui_ask(u, votes_clear_yes, vs, "Clear the vote %s cast at their own terminal?",
	       ws->s.participants[vs->list.sel]);
}

static void votes_reveal(ui *u)
{
	workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	int reveal = !(a && a->revealed);
	store_error err;

	if (!rowfacts_reveal_applies(&ws->s, a)) {
		ui_say(u, "Votes are not secret in this session (b makes them secret).");
		return;
	}
	ui_saved_row(u, store_set_revealed(ws->st, ws->s.id, workshop_row(ws)->id, reveal,
					   &err), &err, workshop_row(ws)->id, reveal ? "Saved: votes revealed." : "Saved: votes hidden again.");
}

static void votes_reveal_all(ui *u)
{
	workshop *ws = u->ws;
	store_error err;
	int n;

	if (store_reveal_all(ws->st, ws->s.id, &n, &err) != 0) {
		ui_error(u, &err);
		return;
	}
	ui_reload(u);
	if (n)
		ui_say(u, "Saved: votes revealed on %d row%s.", n, n == 1 ? "" : "s");
	else
		ui_say(u, "No row's votes are hidden.");
}

static void votes_secret(ui *u)
{
	workshop *ws = u->ws;
	store_error err;
	int on = !ws->s.secret_ballot;

	ui_saved(u, store_session_set_secret(ws->st, ws->s.id, on, &err), &err,
		 on ? "Saved: secret ballot on." : "Saved: secret ballot off.");
}

static void votes_agree(ui *u, int stage)
{
	workshop *ws = u->ws;
	store_error err;

	if (ui_saved_row(u, store_set_agreed(ws->st, ws->s.id, workshop_row(ws)->id,
					     STORE_ROW_AGREED, stage, &err), &err,
			 workshop_row(ws)->id, "Saved: %s agreed.", ws->m->stages[stage].label))
		ui_pop(u);
}

static void votes_replace_yes(ui *u, void *ctx)
{
	const votes_state *vs = ctx;

	if (vs->asked_stage >= 0 && (size_t)vs->asked_stage < u->ws->m->n_stages)
		votes_agree(u, vs->asked_stage);
}

/* Enter agrees the suggestion at once on an open row; what the room
 * decided before (a stage, or not applicable) is replaced only on "y". */
static void votes_accept(ui *u)
{
	votes_state *vs = ui_private(u, &screen_votes);
	workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	rowfacts_state now = workshop_state_of(ws, a);
	rowfacts_spread sp;
	char words[128];

	workshop_spread_of(ws, a, &sp);
	if (workshop_ballot_hides(ws, a)) {
		ui_say(u, "Reveal the votes first (r).");
		return;
	}
	if (sp.suggested < 0) {
		ui_say(u, "No stage votes to agree from.");
		return;
	}
	if (sp.suggested == now.stage) {
		ui_pop(u);
		ui_say(u, "%s is already agreed.", ws->m->stages[sp.suggested].label);
		return;
	}
	if (now.state == STORE_ROW_OPEN) {
		votes_agree(u, sp.suggested);
		return;
	}
	vs->asked_stage = sp.suggested;
	ui_ask(u, votes_replace_yes, vs, "Replace %s%s with %s?",
	       now.state == STORE_ROW_AGREED ? "the agreed " : "",
	       rowfacts_state_text(ws->m, now, ROWFACTS_BARE, words, sizeof words),
	       ws->m->stages[sp.suggested].label);
}

static int add_submit(ui *u, char **v, void *ctx)
{
	votes_state *vs = ctx;
	int index;

	if (screen_participant_add(u, u->ws->s.id, v[0], &index) != 0)
		return 1;
	ui_reload(u);
	vs->list.n = u->ws->s.n_participants;
	vs->list.sel = index >= 0 ? (size_t)index : 0;
	ui_say(u, "Saved: participant added.");
	return 0;
}

static void votes_action(ui *u, enum action a, int arg)
{
	votes_state *vs = ui_private(u, &screen_votes);

	if (listview_action(&vs->list, a, votes_height(u))) {
		ui_dirty(u, DIRTY_BODY);
		return;
	}
	switch (a) {
	case ACT_VOTE_SET: votes_store(u, arg - 1); break;
	case ACT_VOTE_DONT_KNOW: votes_store(u, STORE_VOTE_DONT_KNOW); break;
	case ACT_VOTE_CLEAR: votes_clear(u); break;
	case ACT_REVEAL: votes_reveal(u); break;
	case ACT_REVEAL_ALL: votes_reveal_all(u); break;
	case ACT_SECRET: votes_secret(u); break;
	case ACT_ACCEPT: votes_accept(u); break;
	case ACT_PARTICIPANT_ADD: screen_participant_form(u, add_submit, vs); break;
	default: break;
	}
}

static void votes_resize(ui *u)
{
	votes_state *vs = ui_private(u, &screen_votes);

	listview_fit(&vs->list, votes_height(u));
}

/* A participant joined or voted from their own terminal: the
 * list grows with them, the selection stays. */
static void votes_changed(ui *u, unsigned what)
{
	votes_state *vs = ui_private(u, &screen_votes);

	(void)what;
	vs->list.n = u->ws->s.n_participants;
	if (vs->list.sel >= vs->list.n && vs->list.n)
		vs->list.sel = vs->list.n - 1;
	listview_fit(&vs->list, votes_height(u));
	ui_dirty(u, DIRTY_BODY | DIRTY_TITLE);
}

const screen_ops screen_votes = {
	.name = "votes",
	.scope = SC_SUB | SC_LIST | SC_VOTES | SC_CHANGES,
	.private_size = sizeof(votes_state),
	.enter = votes_enter,
	.draw = votes_draw,
	.action = votes_action,
	.resize = votes_resize,
	.changed = votes_changed,
};
