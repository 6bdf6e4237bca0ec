/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* room.c - see room.h.
 *
 * Layout of the body, top to bottom:
 *   head    Section 1 of 6: Shared purpose               Row 2 of 4
 *           (blank)
 *           the row's title
 *           Agreed: 2 Build | Not reached yet | Not applicable
 *           a rule
 *   stages  "[ ] 1 Start" then its descriptor below, one block per stage
 *           (a label column beside the descriptors when that does not fit)
 *   foot    a rule; Votes; Your vote (join); Note (when shown); the room
 */
#include "room.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "live.h"
#include "pacing.h"
#include "text.h"
#include "ui_live.h"

#define HEAD_LINES 5
#define FNV_START 1469598103934665603ULL

/* Lines of the foot: join has a line for the participant's own vote. */
#define NOTE_MAX_LINES 4   /* of a note shown to the room */
#define NOTE_INDENT 11

/* Lines the note shown to the room takes: the point of showing it is
 * that the room can read it, so it wraps over up to four lines. */
int room_note_lines(const ui *u)
{
	const store_row_answer *a = u->ws ? workshop_answer(u->ws) : NULL;
	int n;

	if (!u->ws || !u->ws->s.show_note || !a || !a->note[0])
		return 1;
	n = draw_wrapped_lines(a->note, u->cols - NOTE_INDENT - 1);
	return n < 1 ? 1 : n > NOTE_MAX_LINES ? NOTE_MAX_LINES : n;
}

static int foot_lines(const ui *u, const room_view *rv)
{
	return (rv->participant >= 0 ? 4 : 3) + room_note_lines(u);
}

/* FNV-1a: a region's content in one number. */
static unsigned long long hash_text(unsigned long long h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h ^ 0xffu) * 1099511628211ULL;
}

static unsigned long long hash_int(unsigned long long h, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	return hash_text(h, buf);
}

int room_agreed(const workshop *ws, const store_row_answer *a)
{
	return workshop_state_of(ws, a).stage;
}

int room_own_vote(const ui *u, const room_view *rv)
{
	const store_row_answer *a = workshop_answer(u->ws);

	if (rv->participant < 0 || !a || !a->votes ||
	    (size_t)rv->participant >= u->ws->a.n_participants)
		return STORE_VOTE_NONE;
	return a->votes[rv->participant];
}

/* ------------------------------------------------------------ the texts */

void room_state_line(const workshop *ws, const store_row_answer *a, char *buf,
		       size_t size)
{
	rowfacts_state_text(ws->m, workshop_state_of(ws, a), ROWFACTS_HEADING, buf, size);
}

static void vote_name(const workshop *ws, int v, char *buf, size_t size)
{
	if (v == STORE_VOTE_DONT_KNOW)
		snprintf(buf, size, "don't know");
	else if (v >= 0 && (size_t)v < ws->m->n_stages)
		snprintf(buf, size, "%d %s", v + 1, ws->m->stages[v].label);
	else
		snprintf(buf, size, "none yet");
}

/* The same words as the facilitator's walk, so every screen reads alike. */
void room_votes_line(const workshop *ws, const store_row_answer *a, char *buf,
		       size_t size)
{
	rowfacts_spread sp;
	size_t len;

	workshop_spread_of(ws, a, &sp);
	if (!ws->s.n_participants) {
		snprintf(buf, size, "no participants yet");
		return;
	}
	if (workshop_ballot_hides(ws, a)) {
		char who[96];

		rowfacts_voted_text(&sp, ws->s.n_participants, who, sizeof who);
		snprintf(buf, size, "%s; secret until the facilitator reveals them", who);
		return;
	}
	rowfacts_disagreement_text(workshop_state_of(ws, a), &sp, buf, size);
	len = strlen(buf);
	if (len && len + 2 < size)
		strcpy(buf + len, ": "), len += 2;
	rowfacts_counts_text(ws->m, &sp, "  ", buf + len, size - len);
	len = strlen(buf);
	snprintf(buf + len, size - len, "  (%d of %zu voted)", sp.voted,
		 ws->s.n_participants);
}

static void own_line(const ui *u, const room_view *rv, char *buf, size_t size)
{
	char v[96];

	vote_name(u->ws, room_own_vote(u, rv), v, sizeof v);
	snprintf(buf, size, "Your vote: %s", v);
}

/* The note only when the facilitator chose to show it (N on the walk). */
void room_note_line(const workshop *ws, const store_row_answer *a, char *buf,
		      size_t size)
{
	if (ws->s.show_note && a && a->note[0])
		snprintf(buf, size, "Note: %s", a->note);
	else
		buf[0] = '\0';
}

/* Who is in the room, or that the facilitator is not. */
void room_people_line(const ui *u, const room_view *rv, char *buf, size_t size)
{
	time_t now = time(NULL);
	size_t joined, watching;

	if (!ui_live_facilitator_here(u)) {
		snprintf(buf, size, "The facilitator is away: showing the last state.");
		return;
	}
	if (u->live && u->live->me.role == STORE_ROLE_ASKING) {
		snprintf(buf, size, "Waiting for the facilitator to admit you.");
		return;
	}
	joined = u->live ? live_count(u->live, STORE_ROLE_PARTICIPANT, now) : 0;
	watching = u->live ? live_count(u->live, STORE_ROLE_WATCHER, now) : 0;
	joined += rv->participant >= 0;
	watching += rv->participant < 0;
	snprintf(buf, size, "Following the facilitator live %s %zu joined %s %zu watching",
		 draw_glyph(GLYPH_DOT), joined, draw_glyph(GLYPH_DOT), watching);
}

/* ------------------------------------------------------------ signatures */

/* The workshop clock for the room: the time the facilitator's terminal
 * has stored (it does once a minute), so it changes at most once a
 * minute and an idle room writes nothing in between. */
void room_clock_line(const workshop *ws, char *buf, size_t size)
{
	pacing p;
	char t[64];

	pacing_of(ws, ws->entered, &p);
	snprintf(buf, size, "Workshop clock: %s", pacing_workshop_text(&p, t, sizeof t));
}

static unsigned long long head_sig(const ui *u)
{
	const store_row_answer *a = workshop_answer(u->ws);
	char buf[128];
	unsigned long long h = hash_int(FNV_START, (long long)u->ws->cur);

	room_state_line(u->ws, a, buf, sizeof buf);
	h = hash_text(h, buf);
	room_clock_line(u->ws, buf, sizeof buf);
	return hash_int(hash_text(h, buf), u->cols);
}

static unsigned long long stages_sig(const ui *u, const room_view *rv)
{
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	unsigned long long h = hash_int(FNV_START, (long long)ws->cur);
	rowfacts_spread sp;
	size_t i;

	h = hash_int(h, room_agreed(ws, a));
	h = hash_int(h, room_own_vote(u, rv));
	h = hash_int(hash_int(h, u->cols), getmaxy(u->body));
	if (workshop_ballot_hides(ws, a))
		return h;
	workshop_spread_of(ws, a, &sp);
	for (i = 0; i < ws->m->n_stages; i++)
		h = hash_int(h, sp.count[i]);
	return h;
}

static unsigned long long foot_sig(const ui *u, const room_view *rv)
{
	const store_row_answer *a = workshop_answer(u->ws);
	unsigned long long h = hash_int(hash_int(FNV_START, u->cols), getmaxy(u->body));
	char buf[1024];

	room_votes_line(u->ws, a, buf, sizeof buf);
	h = hash_text(h, buf);
	own_line(u, rv, buf, sizeof buf);
	h = hash_text(h, rv->participant >= 0 ? buf : "");
	room_note_line(u->ws, a, buf, sizeof buf);
	h = hash_text(h, buf);
	room_people_line(u, rv, buf, sizeof buf);
	return hash_text(h, buf);
}

void room_update(ui *u, room_view *rv)
{
	unsigned long long sig[ROOM_REGIONS];
	int i;

	if (!u->ws || !u->ws->n_steps || !u->body)
		return;
	sig[ROOM_HEAD] = head_sig(u);
	sig[ROOM_STAGES] = stages_sig(u, rv);
	sig[ROOM_FOOT] = foot_sig(u, rv);
	for (i = 0; i < ROOM_REGIONS; i++)
		if (sig[i] != rv->sig[i]) {
			rv->sig[i] = sig[i];
			rv->todo |= 1u << i;
		}
	if (rv->todo)
		ui_dirty(u, DIRTY_BODY);
	if (u->ws->steps[u->ws->cur].section != rv->section) {
		rv->section = u->ws->steps[u->ws->cur].section;
		ui_dirty(u, DIRTY_TITLE);
	}
}

void room_reset(ui *u, room_view *rv, int participant)
{
	memset(rv, 0, sizeof *rv);
	rv->participant = participant;
	rv->section = (size_t)-1;
	ui_dirty(u, DIRTY_ALL);
	room_update(u, rv);
	rv->todo = (1u << ROOM_REGIONS) - 1;
}

/* ------------------------------------------------------------ drawing */

void room_clear_lines(WINDOW *w, int y, int n)
{
	for (; n > 0; n--, y++) {
		wmove(w, y, 0);
		wclrtoeol(w);
	}
}

static void draw_head(ui *u)
{
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	size_t n_in, idx = workshop_row_in_section(ws, &n_in);
	char left[64], right[64], state[128], clock[96];
	int rw, lw;

	room_clear_lines(u->body, 0, HEAD_LINES);
	snprintf(left, sizeof left, "Section %zu of %zu: ",
		 ws->steps[ws->cur].section + 1, ws->m->n_sections);
	snprintf(right, sizeof right, "Row %zu of %zu", idx + 1, n_in);
	rw = (int)strlen(right);
	lw = (int)strlen(left);
	draw_text(u->body, 0, 1, lw, left, A_NORMAL);
	draw_text(u->body, 0, 1 + lw, u->cols - rw - lw - 4, workshop_section(ws)->title,
		  A_NORMAL);
	draw_text(u->body, 0, u->cols - rw - 1, rw, right, A_NORMAL);
	room_clock_line(ws, clock, sizeof clock);
	rw = (int)strlen(clock);
	draw_text(u->body, 1, u->cols - rw - 1, rw, clock, A_NORMAL);
	draw_text(u->body, 2, 1, u->cols - 2, workshop_row(ws)->title,
		  draw_attr(ATTR_HEADING));
	room_state_line(ws, a, state, sizeof state);
	draw_text(u->body, 3, 1, u->cols - 2, state,
		  room_agreed(ws, a) >= 0 ? draw_attr(ATTR_HEADING) : A_NORMAL);
	draw_hline(u->body, 4, 0, u->cols);
}

/* The spread as a bar the back of the room can read: one '#' a vote, up
 * to a dozen (the count follows it in figures). */
const char *room_bar(int votes)
{
	static const char bars[] = "############";
	int n = votes < (int)sizeof bars - 1 ? votes : (int)sizeof bars - 1;

	return bars + (sizeof bars - 1) - (size_t)n;
}

/* "[*] 2 Build (agreed)", with the vote count and the participant's own
 * vote when there is room: the agreed stage never by colour alone. */
void room_stage_label(const ui *u, const room_view *rv, size_t i, int full,
			char *buf, size_t size)
{
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	int agreed = room_agreed(ws, a) == (int)i;
	size_t len;

	len = (size_t)snprintf(buf, size, "%s %zu %s", agreed ? "[*]" : "[ ]", i + 1,
			       ws->m->stages[i].label);
	if (!full || len >= size)
		return;
	if (agreed)
		len += (size_t)snprintf(buf + len, size - len, "  (agreed)");
	if (!workshop_ballot_hides(ws, a) && len < size) {
		rowfacts_spread sp;

		workshop_spread_of(ws, a, &sp);
		if (sp.count[i] > 0)
			len += (size_t)snprintf(buf + len, size - len, "  %s %s %d vote%s",
						draw_glyph(GLYPH_DOT), room_bar(sp.count[i]),
						sp.count[i], sp.count[i] == 1 ? "" : "s");
	}
	if (room_own_vote(u, rv) == (int)i && len < size)
		snprintf(buf + len, size - len, "  %s your vote", draw_glyph(GLYPH_DOT));
}

/* Blocks of label then descriptor; 0 when they do not fit in `avail`. */
static int draw_tall(ui *u, const room_view *rv, int y, int avail)
{
	const workshop *ws = u->ws;
	const content_row *row = workshop_row(ws);
	int agreed = room_agreed(ws, workshop_answer(ws)), need = 0, gap, dw = u->cols - 6;
	size_t i, n = ws->m->n_stages;
	char buf[256];

	for (i = 0; i < n; i++)
		need += 1 + draw_wrapped_lines(row->descriptors[i], dw);
	if (need > avail)
		return 0;
	gap = need + (int)n - 1 <= avail ? 1 : 0;
	for (i = 0; i < n; i++) {
		int is = (int)i == agreed;

		room_stage_label(u, rv, i, 1, buf, sizeof buf);
		draw_text_fill(u->body, y, 1, u->cols - 2, buf,
			       is ? draw_attr(ATTR_AGREED) : draw_attr(ATTR_HEADING));
		y += 1 + draw_wrapped(u->body, y + 1, 5, dw, avail, row->descriptors[i],
				      A_NORMAL) + gap;
	}
	return 1;
}

/* A label column beside the descriptors, each stage an even share of the
 * lines (a long descriptor ends in an ellipsis). */
void room_draw_column(ui *u, const room_view *rv, int y, int avail)
{
	const workshop *ws = u->ws;
	const content_row *row = workshop_row(ws);
	int agreed = room_agreed(ws, workshop_answer(ws));
	size_t i, n = ws->m->n_stages;
	int lw = 18, dw = u->cols - lw - 2, share = avail / (int)n, spare, end = y + avail;
	char buf[256];

	if (share < 1)
		share = 1;
	spare = avail - share * (int)n;
	for (i = 0; i < n && y < end; i++) {
		int is = (int)i == agreed, got = share + (spare-- > 0 ? 1 : 0);
		attr_t at = is ? draw_attr(ATTR_AGREED) : draw_attr(ATTR_HEADING);

		room_stage_label(u, rv, i, 0, buf, sizeof buf);
		draw_text_fill(u->body, y, 1, lw - 1, buf, at);
		if (got >= 2 && is)
			draw_text_fill(u->body, y + 1, 1, lw - 1, "    (agreed)", at);
		if (got >= 2 && !is && room_own_vote(u, rv) == (int)i)
			draw_text(u->body, y + 1, 1, lw - 1, "    your vote", A_NORMAL);
		draw_wrapped(u->body, y, lw + 1, dw, got, row->descriptors[i], A_NORMAL);
		y += got;
	}
}

/* More stages than lines: every stage keeps its number, name and marker,
 * in columns, so a joiner can always see the stage a key votes for. */
void room_draw_grid(ui *u, const room_view *rv, int y, int avail)
{
	const workshop *ws = u->ws;
	int agreed = room_agreed(ws, workshop_answer(ws));
	size_t i, n = ws->m->n_stages;
	int cols = ((int)n + avail - 1) / avail, cw = (u->cols - 2) / cols;
	char buf[256];

	for (i = 0; i < n; i++) {
		room_stage_label(u, rv, i, 0, buf, sizeof buf);
		draw_text(u->body, y + (int)i % avail, 1 + (int)i / avail * cw, cw - 1,
			  buf, (int)i == agreed ? draw_attr(ATTR_AGREED) : A_NORMAL);
	}
}

static void draw_stages(ui *u, const room_view *rv)
{
	int avail = getmaxy(u->body) - HEAD_LINES - foot_lines(u, rv);

	room_clear_lines(u->body, HEAD_LINES, avail);
	if (avail <= 0)
		return;
	if (avail < (int)u->ws->m->n_stages)
		room_draw_grid(u, rv, HEAD_LINES, avail);
	else if (!draw_tall(u, rv, HEAD_LINES, avail))
		room_draw_column(u, rv, HEAD_LINES, avail);
}

/* A heading word, then the text beside it. */
static void foot_line(ui *u, int y, const char *head, const char *text, attr_t at)
{
	int hw = 11;

	draw_text(u->body, y, 1, hw - 1, head, draw_attr(ATTR_HEADING));
	draw_text(u->body, y, hw, u->cols - hw - 1, text, at);
}

static void draw_foot(ui *u, const room_view *rv)
{
	const workshop *ws = u->ws;
	const store_row_answer *a = workshop_answer(ws);
	int y = getmaxy(u->body) - foot_lines(u, rv);
	char buf[1024];

	room_clear_lines(u->body, y, foot_lines(u, rv));
	draw_hline(u->body, y++, 0, u->cols);
	room_votes_line(ws, a, buf, sizeof buf);
	foot_line(u, y++, "Votes", buf, A_NORMAL);
	if (rv->participant >= 0) {
		own_line(u, rv, buf, sizeof buf);
		draw_text(u->body, y++, 1, u->cols - 2, buf, draw_attr(ATTR_HEADING));
	}
	room_note_line(ws, a, buf, sizeof buf);
	if (buf[0]) {
		draw_text(u->body, y, 1, NOTE_INDENT - 2, "Note", draw_attr(ATTR_HEADING));
		draw_wrapped(u->body, y, NOTE_INDENT, u->cols - NOTE_INDENT - 1,
			     room_note_lines(u), a->note, A_NORMAL);
	}
	y += room_note_lines(u);
	room_people_line(u, rv, buf, sizeof buf);
	draw_text(u->body, y, 1, u->cols - 2, buf,
		  ui_live_facilitator_here(u) ? A_NORMAL : draw_attr(ATTR_AGREED));
}

void room_draw(ui *u, room_view *rv)
{
	if (!u->ws || !u->ws->n_steps) {
		werase(u->body);
		draw_text(u->body, 1, 1, u->cols - 2,
			  "No rows of this matrix apply to this session's track.", A_NORMAL);
		return;
	}
	if (rv->participant < 0) {
		/* watch: the projector's layout (room_projector.c) */
		room_projector_draw(u, rv);
		rv->todo = 0;
		return;
	}
	if (rv->todo & (1u << ROOM_HEAD))
		draw_head(u);
	if (rv->todo & (1u << ROOM_STAGES))
		draw_stages(u, rv);
	if (rv->todo & (1u << ROOM_FOOT))
		draw_foot(u, rv);
	rv->todo = 0;
}

/* ------------------------------------------------------------ the walk */

/* Appends printf-style text to buf at *len, never past size. */
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*len + 1 >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len += (size_t)n < size - *len ? (size_t)n : size - *len - 1;
	text_drop_partial(buf);
	*len = strlen(buf);
}

/* Whether participant `name` has any vote on the current row. */
static int has_voted(const workshop *ws, const char *name)
{
	const store_row_answer *a = workshop_answer(ws);
	size_t i;

	for (i = 0; i < ws->s.n_participants && i < ws->a.n_participants; i++)
		if (strcmp(ws->s.participants[i], name) == 0)
			return a && a->votes && a->votes[i] != STORE_VOTE_NONE;
	return 0;
}

int room_people_text(const ui *u, char *buf, size_t size)
{
	const workshop *ws = u->ws;
	time_t now = time(NULL);
	size_t i, len = 0, joined = 0, watching, n_ask;
	const store_presence *ask;

	buf[0] = '\0';
	if (!u->live || !ws)
		return 0;
	if ((ask = live_asking(u->live, &ws->s, now, &n_ask)) != NULL) {
		append(buf, size, &len, "%s asks to join (+ admits, - refuses)", ask->name);
		if (n_ask > 1)
			append(buf, size, &len, ", %zu more waiting", n_ask - 1);
		append(buf, size, &len, "  ");
	}
	for (i = 0; i < u->live->n_people; i++) {
		const store_presence *p = &u->live->people[i];

		if (p->role != STORE_ROLE_PARTICIPANT || !live_is_here(u->live, p, now))
			continue;
		append(buf, size, &len, "%s%s %s", joined++ ? ", " : "", p->name,
		       has_voted(ws, p->name) ? "(voted)" : "(not voted)");
	}
	watching = live_count(u->live, STORE_ROLE_WATCHER, now);
	if (watching)
		append(buf, size, &len, "%s%zu watching", len ? "  " : "", watching);
	if (ws->s.show_note)
		append(buf, size, &len, "%snote shown (N hides it)", len ? "  " : "");
	return len > 0;
}

void room_screen_draw(ui *u)
{
	room_draw(u, ui_private(u, ui_top(u)));
}

/* Another terminal changed the session or the room. */
void room_screen_changed(ui *u, unsigned what)
{
	(void)what;
	room_update(u, ui_private(u, ui_top(u)));
}
