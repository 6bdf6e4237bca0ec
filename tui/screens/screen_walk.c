/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_walk.c - the walk: one row at a time, what the room looks at for
 * two hours.
 *
 * Layout of the body, top to bottom: the section and progress, the row
 * and its state, the stage descriptors (stacked with a label column, or
 * side by side from UI_WIDE_COLS), then votes, note and actions.  The
 * agreed stage is shown three ways at once: by its position, in reverse
 * video, and by the text marker "[*]" with "(agreed)".  Moving to another
 * row repaints only the body; the title, status and hint bars stay put.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brought.h"
#include "draw.h"
#include "live.h"
#include "report_file.h"
#include "room.h"
#include "screens.h"
#include "text.h"
#include "walk_info.h"

/* Lines under the descriptors: a rule, votes, note, actions. */
#define WALK_FOOT 4
/* Lines above them: section, row, a rule. */
#define WALK_HEAD 3
/* Where the text of the foot lines and the section intro starts. */
#define WALK_LABEL_W 10

/* The lines each row of the current section needs (descriptor_lines),
 * kept until the width, the session, the section or a row's answers
 * change: a redraw then costs the same in a section of 10,000 rows as of
 * ten.  `lines` has `n` entries from step `first`; `most` is their max. */
typedef struct walk_layout {
	int *lines;
	size_t n, first, section;
	int cols, most, valid;
	const workshop *ws;
	unsigned long long reloads, row_changes;
} walk_layout;

/* The walk's own state: where its report goes (p, P), whether the
 * facilitator's panel (f) stands in for the stages, and the layout. */
typedef struct walk_state {
	report_file report;
	int info;
	walk_layout layout;
} walk_state;

static walk_state *walk_state_of(const ui *u)
{
	return ui_private(u, &screen_walk);
}

static int walk_agreed_stage(const workshop *ws, const store_row_answer *a)
{
	return workshop_state_of(ws, a).stage;
}

/* Section title and the whole session's progress on the right. */
static void draw_head(ui *u, const workshop *ws)
{
	const content_section *sec = workshop_section(ws);
	const store_row_answer *a = workshop_answer(ws);
	size_t total, done = workshop_answered(ws, &total), n_in, idx;
	char right[64], buf[64], left[64];
	int rw;

	snprintf(right, sizeof right, "%zu/%zu answered", done, total);
	rw = (int)strlen(right);
	snprintf(left, sizeof left, "Section %zu of %zu: ",
		 ws->steps[ws->cur].section + 1, ws->m->n_sections);
	draw_text(u->body, 0, 1, u->cols - 1, left, A_NORMAL);
	draw_text(u->body, 0, 1 + (int)strlen(left), u->cols - rw - 4 - (int)strlen(left),
		  sec->title, draw_attr(ATTR_HEADING));
	draw_text(u->body, 0, u->cols - rw - 1, rw, right, A_NORMAL);

	idx = workshop_row_in_section(ws, &n_in);
	snprintf(left, sizeof left, "Row %zu of %zu: ", idx + 1, n_in);
	snprintf(right, sizeof right, "[%.60s]", rowfacts_state_text(ws->m,
		 workshop_state_of(ws, a), ROWFACTS_TAG, buf, sizeof buf));
	rw = (int)text_width(right);
	draw_text(u->body, 1, 1, u->cols - 1, left, A_NORMAL);
	draw_text(u->body, 1, 1 + (int)strlen(left), u->cols - rw - 4 - (int)strlen(left),
		  workshop_row(ws)->title, draw_attr(ATTR_HEADING));
	draw_text(u->body, 1, u->cols - rw - 1, rw, right,
		  workshop_state_of(ws, a).state != STORE_ROW_OPEN ? draw_attr(ATTR_HEADING)
								   : A_NORMAL);
	draw_hline(u->body, 2, 0, u->cols);
}

/* Shares `avail` lines between the stages: each gets what it needs if
 * everything fits, else an even share with the spare lines going to the
 * stages that need more. */
static void share_lines(const int *need, int *got, size_t n, int avail)
{
	int spare, sum = 0, share;
	size_t i;

	for (i = 0; i < n; i++)
		sum += need[i];
	if (sum <= avail) {
		memcpy(got, need, n * sizeof *got);
		return;
	}
	share = avail / (int)n;
	if (share < 1)
		share = 1;
	spare = avail;
	for (i = 0; i < n; i++) {
		got[i] = need[i] < share ? need[i] : share;
		spare -= got[i];
	}
	for (i = 0; i < n && spare > 0; i++)
		if (got[i] < need[i]) {
			int more = need[i] - got[i] < spare ? need[i] - got[i] : spare;

			got[i] += more;
			spare -= more;
		}
}

static int label_width(const ui *u)
{
	const content_matrix *m = u->ws->m;
	size_t i, w = 0;
	int lw, most = u->cols / 3 > 17 ? u->cols / 3 : 17;

	for (i = 0; i < m->n_stages; i++) {
		char *c = draw_clean(m->stages[i].label, 0);

		if (text_width(c) > w)
			w = text_width(c);
		free(c);
	}
	if (w < 8)
		w = 8;      /* "(agreed)" */
	/* A margin, "[*] 1 ", the longest label whole, a gap: up to a third
	 * of the screen, beyond which a label wraps in its column. */
	lw = (int)w + 8;
	return lw < most ? lw : most;
}

/* "[*] 1 Foundation": the marker, number and label of stage `i`. */
static void stage_label_text(const workshop *ws, size_t i, int agreed, char *buf,
			     size_t size)
{
	snprintf(buf, size, "%s %zu %s", agreed ? "[*]" : "[ ]", i + 1,
		 ws->m->stages[i].label);
}

/* The lines stage `i`'s label column needs: its label (wrapped when too
 * long for the column), "(agreed)" if `agreed`, the votes if `votes`. */
static int label_lines(const ui *u, size_t i, int lw, int agreed, int votes)
{
	char buf[96];

	stage_label_text(u->ws, i, 0, buf, sizeof buf);
	return draw_wrapped_lines(buf, lw - 2) + (agreed != 0) + (votes > 0);
}

/* One stage in the label column: marker, number and label, never cut (a
 * label too long for the column wraps); "(agreed)" and the vote count
 * below when there is room. */
static void draw_stage_label(ui *u, int y, int lw, int lines, size_t i,
			     int agreed, int votes)
{
	attr_t at = agreed ? draw_attr(ATTR_AGREED) : draw_attr(ATTR_HEADING);
	char buf[96];
	int k, used, ll;

	stage_label_text(u->ws, i, agreed, buf, sizeof buf);
	ll = draw_wrapped_lines(buf, lw - 2);
	for (k = 0; k < ll && k < lines; k++)
		draw_text_fill(u->body, y + k, 1, lw - 2, "", at);
	used = draw_wrapped(u->body, y, 1, lw - 2, lines, buf, at);
	if (lines > used && agreed)
		draw_text_fill(u->body, y + used++, 1, lw - 2, "    (agreed)", at);
	if (lines > used && votes > 0)
		draw_fmt(u->body, y + used, 1, lw - 2, A_NORMAL, "    %d vote%s",
			 votes, votes == 1 ? "" : "s");
}

/* More stages than lines (nine stages at 60x16): every stage keeps its
 * number, name and marker, in columns, without descriptors, so no stage
 * the keys can agree is ever off the screen. */
static void draw_stage_grid(ui *u, int y, int avail)
{
	const workshop *ws = u->ws;
	int agreed = walk_agreed_stage(ws, workshop_answer(ws));
	size_t i, n = ws->m->n_stages;
	int per_col = avail > 0 ? avail : 1, cols = ((int)n + per_col - 1) / per_col;
	int cw = (u->cols - 2) / cols;
	char buf[96];

	for (i = 0; i < n; i++) {
		int is = (int)i == agreed;

		snprintf(buf, sizeof buf, "%s %zu %s%s", is ? "[*]" : "[ ]", i + 1,
			 ws->m->stages[i].label, is ? " (agreed)" : "");
		draw_text(u->body, y + (int)i % per_col, 1 + (int)i / per_col * cw,
			  cw - 1, buf, is ? draw_attr(ATTR_AGREED) : A_NORMAL);
	}
}

static void draw_stacked(ui *u, int y, int avail, const rowfacts_spread *sp,
			 int show_votes)
{
	const workshop *ws = u->ws;
	const content_row *row = workshop_row(ws);
	int agreed = walk_agreed_stage(ws, workshop_answer(ws));
	int need[CONTENT_MAX_STAGES], got[CONTENT_MAX_STAGES];
	int lw = label_width(u), dw = u->cols - lw - 1, gap = 0, sum = 0;
	size_t i, n = ws->m->n_stages;

	for (i = 0; i < n; i++) {
		int ll = label_lines(u, i, lw, (int)i == agreed,
				     show_votes ? sp->count[i] : 0);

		need[i] = draw_wrapped_lines(row->descriptors[i], dw);
		if (need[i] < ll)
			need[i] = ll;
		sum += need[i];
	}
	if (avail < (int)n) {
		draw_stage_grid(u, y, avail);
		return;
	}
	if (sum + (int)n - 1 <= avail)
		gap = 1;
	share_lines(need, got, n, avail - gap * ((int)n - 1));
	for (i = 0; i < n && y < WALK_HEAD + avail; i++) {
		draw_stage_label(u, y, lw, got[i], i, (int)i == agreed,
				 show_votes ? sp->count[i] : 0);
		draw_wrapped(u->body, y, lw, dw, got[i], row->descriptors[i], A_NORMAL);
		y += got[i] + gap;
	}
}

static void draw_side_by_side(ui *u, int y, int avail, const rowfacts_spread *sp,
			      int show_votes, int cw)
{
	const workshop *ws = u->ws;
	const content_row *row = workshop_row(ws);
	int agreed = walk_agreed_stage(ws, workshop_answer(ws));
	size_t i, n = ws->m->n_stages;
	char buf[128];

	for (i = 0; i < n; i++) {
		int x = 1 + (int)i * (cw + 2);
		int is = (int)i == agreed;

		snprintf(buf, sizeof buf, "%s %zu %s%s", is ? "[*]" : "[ ]", i + 1,
			 ws->m->stages[i].label, is ? " (agreed)" : "");
		draw_text_fill(u->body, y, x, cw, buf,
			       is ? draw_attr(ATTR_AGREED) : draw_attr(ATTR_HEADING));
		draw_wrapped(u->body, y + 2, x, cw, avail - 3, row->descriptors[i], A_NORMAL);
		if (show_votes && sp->count[i] > 0)
			draw_fmt(u->body, y + 1, x, cw, A_NORMAL, "%d vote%s",
				 sp->count[i], sp->count[i] == 1 ? "" : "s");
	}
}

/* The columns for side by side, or 0 when the terminal is too narrow. */
static int side_width(const ui *u)
{
	int n = (int)u->ws->m->n_stages;
	int cw = (u->cols - 2 - (n - 1) * 2) / n;

	return u->cols >= UI_WIDE_COLS && cw >= 28 ? cw : 0;
}

static void votes_text(const workshop *ws, const store_row_answer *a,
		       const rowfacts_spread *sp, size_t width, char *buf,
		       size_t size)
{
	size_t len;

	if (!ws->s.n_participants) {
		snprintf(buf, size, "no participants yet (v, then + to add)");
		return;
	}
	if (workshop_ballot_hides(ws, a)) {
		char who[96];

		rowfacts_voted_text(sp, ws->s.n_participants, who, sizeof who);
		snprintf(buf, size, "%s; secret until revealed (v, then r)", who);
		return;
	}
	/* The disagreement first, so a narrow screen never cuts it off. */
	rowfacts_disagreement_text(workshop_state_of(ws, a), sp, buf, size);
	len = strlen(buf);
	if (len && len + 2 < size)
		strcpy(buf + len, ": "), len += 2;
	rowfacts_counts_text(ws->m, sp, "  ", buf + len, size - len);
	len = strlen(buf);
	/* "(2 of 3 voted)" where it fits, else the short "(2/3 voted)". */
	snprintf(buf + len, size - len, "  (%d of %zu voted)", sp->voted,
		 ws->s.n_participants);
	if (text_width(buf) > width)
		snprintf(buf + len, size - len, "  (%d/%zu voted)", sp->voted,
			 ws->s.n_participants);
}

static void actions_text(const workshop *ws, const char *row_id, char *buf,
			 size_t size)
{
	size_t i, open = 0, done = 0;
	const char *first = NULL;

	for (i = 0; i < ws->a.n_actions; i++) {
		const store_action *ac = &ws->a.actions[i];

		if (strcmp(ac->row_id, row_id) != 0)
			continue;
		if (ac->done) {
			done++;
		} else {
			open++;
			if (!first)
				first = ac->text;
		}
	}
	if (!open && !done)
		snprintf(buf, size, "none (a to add)");
	else
		snprintf(buf, size, "%zu open, %zu done%s%s", open, done,
			 first ? ": " : "", first ? first : "");
}

static void draw_foot(ui *u, int y, const rowfacts_spread *sp)
{
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	char buf[1024];
	char *note;
	int lw = WALK_LABEL_W;

	draw_hline(u->body, y, 0, u->cols);
	votes_text(ws, a, sp, (size_t)(u->cols - lw - 1), buf, sizeof buf);
	draw_text(u->body, y + 1, 1, lw, "Votes", draw_attr(ATTR_HEADING));
	draw_text(u->body, y + 1, lw, u->cols - lw - 1, buf, A_NORMAL);
	draw_text(u->body, y + 2, 1, lw, "Note", draw_attr(ATTR_HEADING));
	note = draw_clean(a && a->note[0] ? a->note : "none (n to write)", 0);
	draw_raw(u->body, y + 2, lw, u->cols - lw - 1, note, A_NORMAL);
	free(note);
	actions_text(ws, workshop_row(ws)->id, buf, sizeof buf);
	draw_text(u->body, y + 3, 1, lw, "Actions", draw_attr(ATTR_HEADING));
	draw_text(u->body, y + 3, lw, u->cols - lw - 1, buf, A_NORMAL);
}

/* The lines the descriptors of step `k` take, counting every stage as if
 * it were the agreed one (its "(agreed)" line): so agreeing or clearing a
 * stage never moves the section intro, which would send it again. */
static int descriptor_lines(const ui *u, size_t k)
{
	const workshop *ws = u->ws;
	const workshop_step *p = &ws->steps[k];
	const content_row *row = &ws->m->sections[p->section].rows[p->row];
	const store_row_answer *a = workshop_answer_at(ws, k);
	int cw = side_width(u), lw = label_width(u), dw = u->cols - lw - 1, sum = 0, most = 0;
	rowfacts_spread sp;
	size_t i, n = ws->m->n_stages;

	workshop_spread_of(ws, a, &sp);
	for (i = 0; i < n; i++) {
		int l = draw_wrapped_lines(row->descriptors[i], cw ? cw : dw);

		int ll = label_lines(u, i, lw, 1,
				     workshop_ballot_hides(ws, a) ? 0 : sp.count[i]);

		if (l > most)
			most = l;
		if (l < ll)
			l = ll;
		sum += l;
	}
	return cw ? most + 3 : sum + (int)n - 1;
}

/* Lines for the section intro above the foot; 0 for none.  It goes on
 * every row of the section when it fits under each of them, at the same
 * place, so moving between those rows costs no bytes for it; otherwise
 * on the section's first row only, cut to the room there.  The
 * descriptors always come first: the intro only takes spare lines. */
static void layout_most(walk_layout *l)
{
	size_t i;

	l->most = 0;
	for (i = 0; i < l->n; i++)
		if (l->lines[i] > l->most)
			l->most = l->lines[i];
}

/* Every row of the section laid out again. */
static void layout_build(const ui *u, walk_layout *l, size_t sec)
{
	const workshop *ws = u->ws;
	size_t n, i;

	n = ws->sec_steps[sec];
	free(l->lines);
	l->lines = ui_xmalloc((n ? n : 1) * sizeof *l->lines);
	l->n = n;
	l->first = workshop_section_start(ws, sec);
	for (i = 0; i < n; i++)
		l->lines[i] = descriptor_lines(u, l->first + i);
	layout_most(l);
	l->section = sec;
	l->cols = u->cols;
	l->ws = ws;
	l->valid = 1;
}

/* The most lines a row of the current section needs, from the layout
 * when it still holds: a change to one row lays out that row alone. */
static int section_most_lines(const ui *u)
{
	const workshop *ws = u->ws;
	walk_layout *l = &walk_state_of(u)->layout;
	size_t sec = ws->steps[ws->cur].section;

	if (!l->valid || l->ws != ws || l->section != sec || l->cols != u->cols ||
	    l->reloads != ws->reloads || l->row_changes + 1 < ws->row_changes) {
		layout_build(u, l, sec);
	} else if (l->row_changes != ws->row_changes) {
		size_t k = ws->changed_step;

		if (k >= l->first && k < l->first + l->n) {
			l->lines[k - l->first] = descriptor_lines(u, k);
			layout_most(l);
		}
	}
	l->reloads = ws->reloads;
	l->row_changes = ws->row_changes;
	return l->most;
}

static int intro_lines(const ui *u, int avail)
{
	const workshop *ws = u->ws;
	const char *intro = workshop_section(ws)->intro;
	size_t sec = ws->steps[ws->cur].section, first = workshop_section_start(ws, sec);
	int want, room;

	if (text_is_blank(intro))
		return 0;
	want = draw_wrapped_lines(intro, u->cols - WALK_LABEL_W - 1);
	room = avail - section_most_lines(u);
	if (room > avail)
		room = avail;
	if (room > want)
		return want;
	room = avail - descriptor_lines(u, ws->cur);
	if (ws->cur != first || room < 2)
		return 0;
	return want < room - 1 ? want : room - 1;
}

static void draw_intro(ui *u, int y, int lines)
{
	draw_text(u->body, y, 1, WALK_LABEL_W - 1, "About", draw_attr(ATTR_HEADING));
	draw_wrapped(u->body, y, WALK_LABEL_W, u->cols - WALK_LABEL_W - 1, lines,
		     workshop_section(u->ws)->intro, A_NORMAL);
}

/* Who is in the live room, on the line above the foot; the
 * line is there only while someone has joined or watches. */
static int walk_room(ui *u, int y)
{
	char buf[1024];

	if (!room_people_text(u, buf, sizeof buf))
		return 0;
	draw_text(u->body, y, 1, WALK_LABEL_W - 1, "Room", draw_attr(ATTR_HEADING));
	draw_text(u->body, y, WALK_LABEL_W, u->cols - WALK_LABEL_W - 1, buf, A_NORMAL);
	return 1;
}

/* The actions brought from the previous session for this row, on the
 * line above the foot (and above the room's), with the key that reviews
 * them; the line is there only on a row that has some, and looking for
 * them costs nothing in a session that has none. */
static int walk_brought(ui *u, int y)
{
	char buf[600], key[16];
	int used, w = u->cols - WALK_LABEL_W - 1;

	if (!brought_row_text(&u->ws->a, workshop_row(u->ws)->id, buf, sizeof buf))
		return 0;
	action_key_name(action_get(ACT_BROUGHT)->keys[0], key, sizeof key);
	draw_text(u->body, y, 1, WALK_LABEL_W - 1, "Previous", draw_attr(ATTR_HEADING));
	/* the key stays on the screen however long the session's name */
	used = draw_text(u->body, y, WALK_LABEL_W, w - (int)strlen(key) - 3, buf, A_NORMAL);
	draw_fmt(u->body, y, WALK_LABEL_W + used, w - used, A_NORMAL, " (%s)", key);
	return 1;
}

static void walk_draw(ui *u)
{
	const workshop *ws = u->ws;
	const store_row_answer *a;
	rowfacts_spread sp;
	int h = getmaxy(u->body), avail, cw, il;

	if (!ws || !ws->n_steps) {
		draw_text(u->body, 1, 1, u->cols - 2,
			  "No rows of this matrix apply to this session's track.", A_NORMAL);
		return;
	}
	a = workshop_answer(ws);
	workshop_spread_of(ws, a, &sp);
	draw_head(u, ws);
	avail = h - WALK_HEAD - WALK_FOOT;
	avail -= walk_room(u, WALK_HEAD + avail - 1);
	avail -= walk_brought(u, WALK_HEAD + avail - 1);
	if (walk_state_of(u)->info) {
		walk_info_draw(u, WALK_HEAD, avail, WALK_LABEL_W);
		draw_foot(u, h - WALK_FOOT, &sp);
		return;
	}
	if ((il = intro_lines(u, avail)) > 0) {
		draw_intro(u, WALK_HEAD + avail - il, il);
		avail -= il + 1;
	}
	if ((cw = side_width(u)) > 0)
		draw_side_by_side(u, WALK_HEAD, avail, &sp, !workshop_ballot_hides(ws, a), cw);
	else
		draw_stacked(u, WALK_HEAD, avail, &sp, !workshop_ballot_hides(ws, a));
	draw_foot(u, h - WALK_FOOT, &sp);
}

/* ------------------------------------------------------------ changes */

/* The note reaches watchers' screens only when the facilitator says so,
 * and only for this row: workshop_goto hides it again on the way out. */
static void walk_show_note(ui *u)
{
	workshop *ws = u->ws;
	int show = !ws->s.show_note;
	store_error err;

	ui_saved(u, store_session_set_show_note(ws->st, ws->s.id, show, &err), &err,
		 show ? "Saved: watchers see the row's note until you move on."
		      : "Saved: the note is hidden from watchers.");
}

/* `+` and `-` answer the first request to join the room line names; the
 * admission is the facilitator's change (history: "NAME joined"). */
static void walk_answer_join(ui *u, int admit)
{
	workshop *ws = u->ws;
	const store_presence *ask;
	store_error err;
	char *name;
	int rc;

	ask = u->live ? live_asking(u->live, &ws->s, time(NULL), NULL) : NULL;
	if (!ask) {
		ui_say(u, "Nobody is asking to join.");
		return;
	}
	/* the presence list is read again by the change below */
	if (!(name = strdup(ask->name)))
		ui_die("out of memory");
	rc = admit ? store_participant_add(ws->st, ws->s.id, name, NULL, &err)
		   : store_presence_refuse(ws->st, ws->s.id, name, &err);
	if (rc == 0 && admit)
		ui_reload(u);
	ui_saved(u, rc, &err, admit ? "Saved: %s joined as a participant."
		 : "Refused: %s is told they were not admitted.", name);
	free(name);
}

static void walk_goto(ui *u, size_t step)
{
	store_error err;

	if (workshop_goto(u->ws, step, &err) != 0)
		ui_error(u, &err);
	ui_dirty(u, DIRTY_BODY | DIRTY_TITLE);
}

static void walk_set(ui *u, enum store_row_state state, int stage, const char *done)
{
	workshop *ws = u->ws;
	store_error err;

	const char *row = workshop_row(ws)->id;

	ui_saved_row(u, store_set_agreed(ws->st, ws->s.id, row, state, stage, &err),
		     &err, row, "Saved: %s.", done);
}

static void walk_stage(ui *u, int digit)
{
	workshop *ws = u->ws;
	char done[128];

	snprintf(done, sizeof done, "%s agreed", ws->m->stages[digit - 1].label);
	walk_set(u, STORE_ROW_AGREED, digit - 1, done);
}

static void walk_not_applicable(ui *u)
{
	const store_row_answer *a = workshop_answer(u->ws);

	if (a && a->state == STORE_ROW_NOT_APPLICABLE)
		walk_set(u, STORE_ROW_OPEN, -1, "the row is open again");
	else
		walk_set(u, STORE_ROW_NOT_APPLICABLE, -1, "not applicable");
}

/* A parked row was skipped on purpose: unlike a row not reached yet,
 * the room means to come back to it, and every reader says "parked". */
static void walk_park(ui *u)
{
	const store_row_answer *a = workshop_answer(u->ws);

	if (a && a->state == STORE_ROW_NOT_DISCUSSED) {
		walk_set(u, STORE_ROW_OPEN, -1, "unparked; the row is not reached yet");
		return;
	}
	walk_set(u, STORE_ROW_NOT_DISCUSSED, -1, "parked, to come back to");
}

static void walk_section(ui *u, int dir)
{
	workshop *ws = u->ws;
	size_t sec = ws->steps[ws->cur].section, k;

	if (dir > 0) {
		for (k = ws->cur; k < ws->n_steps && ws->steps[k].section == sec; k++)
			;
		if (k >= ws->n_steps) {
			ui_say(u, "This is the last section.");
			return;
		}
	} else {
		k = workshop_section_start(ws, sec);
		if (k == 0) {
			ui_say(u, "This is the first section.");
			return;
		}
		k = workshop_section_start(ws, ws->steps[k - 1].section);
	}
	walk_goto(u, k);
}

static void walk_row(ui *u, int dir)
{
	workshop *ws = u->ws;

	if (dir > 0 && ws->cur + 1 >= ws->n_steps)
		ui_say(u, "This is the last row; o shows the overview.");
	else if (dir < 0 && ws->cur == 0)
		ui_say(u, "This is the first row.");
	else
		walk_goto(u, dir > 0 ? ws->cur + 1 : ws->cur - 1);
}

/* The panel stays open from row to row until f is pressed again, so a
 * facilitator who leans on the prompts need not ask for them each time. */
static void walk_toggle_info(ui *u)
{
	walk_state *w = walk_state_of(u);

	w->info = !w->info;
	ui_dirty(u, DIRTY_BODY);
}

static void walk_action(ui *u, enum action a, int arg)
{
	if (!u->ws || !u->ws->n_steps) {
		if (a == ACT_SESSIONS)
			ui_pop(u);
		return;
	}
	switch (a) {
	case ACT_ROW_NEXT: walk_row(u, 1); break;
	case ACT_ROW_PREV: walk_row(u, -1); break;
	case ACT_SECTION_NEXT: walk_section(u, 1); break;
	case ACT_SECTION_PREV: walk_section(u, -1); break;
	case ACT_STAGE_SET: walk_stage(u, arg); break;
	case ACT_STAGE_CLEAR: walk_set(u, STORE_ROW_OPEN, -1, "cleared; the row is not reached yet"); break;
	case ACT_NOT_APPLICABLE: walk_not_applicable(u); break;
	case ACT_PARK: walk_park(u); break;
	case ACT_VOTES: ui_push(u, &screen_votes); break;
	case ACT_NOTE: ui_push(u, &screen_note); break;
	case ACT_ACTIONS: ui_push(u, &screen_actions); break;
	case ACT_PROMPTS: walk_toggle_info(u); break;
	case ACT_HISTORY: ui_push(u, &screen_history); break;
	case ACT_BROUGHT: screen_brought_open(u); break;
	case ACT_SETTINGS: screen_settings_open(u, u->ws->s.id); break;
	case ACT_OVERVIEW: ui_push(u, &screen_overview); break;
	case ACT_SUMMARY: ui_push(u, &screen_summary); break;
	case ACT_REPORT: report_file_write(u, &walk_state_of(u)->report); break;
	case ACT_REPORT_AS: report_file_write_as(u, &walk_state_of(u)->report); break;
	case ACT_SESSIONS: ui_pop(u); break;
	case ACT_SHOW_NOTE: walk_show_note(u); break;
	case ACT_ADMIT: walk_answer_join(u, 1); break;
	case ACT_REFUSE: walk_answer_join(u, 0); break;
	default: break;
	}
}

/* ------------------------------------------------------------ the table */

static void walk_leave(ui *u)
{
	walk_state *w = walk_state_of(u);

	if (w) {
		free(w->layout.lines);
		memset(&w->layout, 0, sizeof w->layout);
	}
	ui_close_session(u);
}

/* A vote, a join or a watcher from another terminal: the walk
 * draws from the workshop, so a repaint is all it takes; ncurses sends
 * only the cells that differ. */
static void walk_changed(ui *u, unsigned what)
{
	(void)what;
	ui_dirty(u, DIRTY_BODY | DIRTY_TITLE);
}

/* What comes next, ahead of the usual keys on the hint bar: before the
 * first row is answered, the review of last session's actions; with every
 * row answered, the summary and the report (the room's last step); on a
 * section's last row, the next section. */
static const enum action *walk_hints_first(ui *u)
{
	static const enum action done[] = { ACT_SUMMARY, ACT_REPORT, ACT_NONE };
	static const enum action next[] = { ACT_SECTION_PREV, ACT_NONE };   /* "[/] section" */
	static const enum action review[] = { ACT_BROUGHT, ACT_NONE };
	char offer[8];
	size_t total, n_in, idx;

	if (!u->ws || !u->ws->n_steps)
		return NULL;
	/* counts the brought actions only while no row is answered */
	if (screen_brought_offer(u, offer, sizeof offer))
		return review;
	if (workshop_answered(u->ws, &total) == total)
		return done;
	idx = workshop_row_in_section(u->ws, &n_in);
	if (idx + 1 == n_in && u->ws->cur + 1 < u->ws->n_steps)
		return next;
	return NULL;
}

/* The row the walk starts on is opened in the workshop like every row
 * it moves to. */
static void walk_enter(ui *u)
{
	store_error err;
	char offer[400];

	if (workshop_open_row(u->ws, &err) != 0)
		ui_error(u, &err);
	else if (!u->status_text[0] && screen_brought_offer(u, offer, sizeof offer))
		ui_say(u, "%s (now, or at their rows).", offer);
}

const screen_ops screen_walk = {
	.name = "walk",
	.scope = SC_TOP | SC_WALK | SC_CHANGES,
	.private_size = sizeof(walk_state),
	.enter = walk_enter,
	.leave = walk_leave,
	.draw = walk_draw,
	.action = walk_action,
	.changed = walk_changed,
	.hints_first = walk_hints_first,
};
