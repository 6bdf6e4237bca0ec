/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* rowfacts.c - see rowfacts.h. */
#include "rowfacts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void append_text(char **s, size_t *len, const char *a, const char *b);

rowfacts_state rowfacts_state_of(const content_matrix *m, const store_row_answer *a)
{
	rowfacts_state s = { STORE_ROW_OPEN, -1 };

	if (!a)
		return s;
	switch (a->state) {
	case STORE_ROW_AGREED:
		if (a->stage >= 0 && (size_t)a->stage < m->n_stages) {
			s.state = STORE_ROW_AGREED;
			s.stage = a->stage;
		}
		break;
	case STORE_ROW_NOT_APPLICABLE:
	case STORE_ROW_NOT_DISCUSSED:
		s.state = (enum store_row_state)a->state;
		break;
	default:
		break;
	}
	return s;
}

static const struct {
	const char *words, *word;
} state_names[] = {
	[STORE_ROW_OPEN] = { "not reached yet", "not_reached" },
	[STORE_ROW_AGREED] = { "agreed", "agreed" },
	[STORE_ROW_NOT_APPLICABLE] = { "not applicable", "not_applicable" },
	[STORE_ROW_NOT_DISCUSSED] = { "parked", "parked" },
};

static enum store_row_state state_known(enum store_row_state st)
{
	return st >= STORE_ROW_OPEN && st <= STORE_ROW_NOT_DISCUSSED ? st : STORE_ROW_OPEN;
}

const char *rowfacts_state_words(enum store_row_state st)
{
	return state_names[state_known(st)].words;
}

const char *rowfacts_state_word(enum store_row_state st)
{
	return state_names[state_known(st)].word;
}

/* One sentence shape per place the state is shown.  `agreed` takes the
 * stage's label, after its number when `numbered`. */
static const struct {
	const char *open, *not_applicable, *not_discussed, *agreed;
	int numbered;
} phrases[] = {
	[ROWFACTS_TAG] = { "not reached yet", "not applicable", "parked", "agreed: %s", 0 },
	[ROWFACTS_HEADING] = { "Not reached yet", "Not applicable", "Parked",
			       "Agreed: %d %s", 1 },
	[ROWFACTS_VOTES] = { "Not reached yet", "Marked not applicable",
			     "Parked", "Agreed now: %s", 0 },
	[ROWFACTS_BARE] = { "not reached yet", "not applicable", "parked", "%s", 0 },
	[ROWFACTS_REPORT] = { "not reached yet", "not applicable", "parked", "%s", 0 },
	[ROWFACTS_CHANGE] = { "not reached yet", "not applicable", "parked", "%s", 0 },
};

const char *rowfacts_state_text(const content_matrix *m, rowfacts_state s,
				enum rowfacts_phrase ph, char *buf, size_t size)
{
	const char *w;

	switch (s.state) {
	case STORE_ROW_AGREED:
		if (phrases[ph].numbered)
			snprintf(buf, size, phrases[ph].agreed, s.stage + 1,
				 m->stages[s.stage].label);
		else
			snprintf(buf, size, phrases[ph].agreed, m->stages[s.stage].label);
		return buf;
	case STORE_ROW_NOT_APPLICABLE: w = phrases[ph].not_applicable; break;
	case STORE_ROW_NOT_DISCUSSED: w = phrases[ph].not_discussed; break;
	default: w = phrases[ph].open; break;
	}
	snprintf(buf, size, "%s", w);
	return buf;
}

int rowfacts_ballot_hides(const store_session *s, const store_row_answer *a)
{
	if (a && a->revealed)
		return 0;
	return s->secret_ballot || (a && a->scored > 0);
}

int rowfacts_reveal_applies(const store_session *s, const store_row_answer *a)
{
	return s->secret_ballot || (a && a->scored > 0);
}

void rowfacts_voted_text(const rowfacts_spread *sp, size_t n_participants,
			 char *buf, size_t size)
{
	if (sp->scored && sp->scored == sp->voted)
		snprintf(buf, size, "%d scored", sp->scored);
	else if (sp->scored)
		snprintf(buf, size, "%d scored, %d of %zu voted", sp->scored, sp->voted,
			 n_participants);
	else
		snprintf(buf, size, "%d of %zu voted", sp->voted, n_participants);
}

int rowfacts_scored(const store_row_answer *a, size_t n_participants)
{
	size_t p;
	int n = 0;

	for (p = 0; a && a->before && p < n_participants; p++)
		n += a->before[p] && a->votes[p] != STORE_VOTE_NONE;
	return n;
}

const char *rowfacts_when_word(const store_row_answer *a, size_t participant)
{
	return a && a->before && a->before[participant] ? "before" : "during";
}

/* The matrix's rows are looked up in the answers (sorted: a bisection
 * each), so the cost follows the rows, not their square. */
void rowfacts_score_progress(const content_matrix *m, const store_session *s,
			     const store_answers *ans, rowfacts_progress *out)
{
	size_t i, j, p, n = s->n_participants < ans->n_participants
			      ? s->n_participants : ans->n_participants;
	int scored_rows = 0, found_rows = 0;

	memset(out, 0, sizeof *out);
	out->n_participants = n;
	out->rows = calloc(n ? n : 1, sizeof *out->rows);
	if (!out->rows)
		return;
	for (i = 0; i < ans->n_rows; i++) {
		const store_row_answer *a = &ans->rows[i];

		for (p = 0; a->before && p < n; p++)
			out->votes_before += a->before[p] && a->votes[p] != STORE_VOTE_NONE;
		scored_rows += rowfacts_scored(a, n) > 0;
	}
	for (i = 0; scored_rows && i < m->n_sections; i++)
		for (j = 0; j < m->sections[i].n_rows; j++) {
			const content_row *row = &m->sections[i].rows[j];
			const store_row_answer *a;

			if (!content_row_applies(row, s->track) ||
			    !(a = store_answers_row(ans, row->id)) || !rowfacts_scored(a, n))
				continue;
			found_rows++;
			for (p = 0; p < n; p++)
				out->rows[p] += a->before[p] && a->votes[p] != STORE_VOTE_NONE;
		}
	out->gone = scored_rows - found_rows;
	for (p = 0; p < n; p++)
		out->scorers += out->rows[p] > 0;
	out->total = (int)content_count_rows(m, s->track);
}

char *rowfacts_progress_sentence(const rowfacts_progress *pr, const store_session *s)
{
	char *who = rowfacts_progress_text(pr, s), *out;
	int n = pr->votes_before;
	size_t size;

	if (!who)
		return NULL;
	size = strlen(who) + 96;
	if ((out = malloc(size)) != NULL)
		snprintf(out, size, "%d vote%s given before the workshop%s%s%s.", n,
			 n == 1 ? " was" : "s were", *who ? " (" : "", who, *who ? ")" : "");
	free(who);
	return out;
}

char *rowfacts_gone_sentence(const rowfacts_progress *pr)
{
	char *out = malloc(128);

	if (!out)
		return NULL;
	if (!pr->gone)
		out[0] = '\0';
	else
		snprintf(out, 128, "%d row%s scored before the workshop %s not in this"
			 " matrix; the scores are kept, not counted.", pr->gone,
			 pr->gone == 1 ? "" : "s", pr->gone == 1 ? "is" : "are");
	return out;
}

void rowfacts_progress_free(rowfacts_progress *pr)
{
	free(pr->rows);
	memset(pr, 0, sizeof *pr);
}

char *rowfacts_progress_text(const rowfacts_progress *pr, const store_session *s)
{
	char num[48];
	char *out = calloc(1, 1);
	size_t len = 0, p;

	for (p = 0; out && p < pr->n_participants; p++) {
		if (!pr->rows[p])
			continue;
		snprintf(num, sizeof num, " %d/%d", pr->rows[p], pr->total);
		append_text(&out, &len, len ? ", " : "", s->participants[p]);
		append_text(&out, &len, num, NULL);
	}
	return out;
}

/* Lowest, highest, lower median and the suggestion, from the counts. */
static void spread_range(const content_matrix *m, rowfacts_spread *sp)
{
	int k, seen = 0, want = (sp->total - 1) / 2;   /* the lower middle vote */

	for (k = 0; k < (int)m->n_stages; k++) {
		if (!sp->count[k])
			continue;
		if (sp->lowest < 0)
			sp->lowest = k;
		sp->highest = k;
		if (sp->median < 0 && seen + sp->count[k] > want)
			sp->median = k;
		seen += sp->count[k];
	}
	sp->suggested = sp->lowest;
	sp->differ = sp->highest - sp->lowest >= 1;
	sp->flag = sp->highest - sp->lowest >= 2;
}

void rowfacts_spread_of(const content_matrix *m, const store_session *s,
			const store_row_answer *a, size_t n_participants,
			rowfacts_spread *out)
{
	size_t p;

	memset(out, 0, sizeof *out);
	out->lowest = out->highest = out->median = out->suggested = -1;
	if (!a || !a->votes)
		return;
	for (p = 0; p < n_participants; p++)
		out->voted += a->votes[p] != STORE_VOTE_NONE;
	out->scored = rowfacts_scored(a, n_participants);
	if (rowfacts_ballot_hides(s, a)) {
		/* Hidden only when there is something to hide: a row nobody
		 * voted on reads "no votes", not "not revealed". */
		out->hidden = out->voted > 0;
		return;
	}
	for (p = 0; p < n_participants; p++) {
		int v = a->votes[p];

		if (v >= 0 && (size_t)v < m->n_stages)
			out->count[v]++, out->total++;
		else if (v == STORE_VOTE_DONT_KNOW)
			out->dont_know++;
	}
	if (out->total)
		spread_range(m, out);
}

int rowfacts_agreed_outside(rowfacts_state st, const rowfacts_spread *sp)
{
	if (st.state != STORE_ROW_AGREED || st.stage < 0 || sp->hidden || !sp->total)
		return 0;
	if (st.stage > sp->highest)
		return 1;
	if (st.stage < sp->lowest)
		return -1;
	return 0;
}

const char *rowfacts_outside_text(int outside)
{
	return outside > 0 ? "agreed above all votes"
	     : outside < 0 ? "agreed below all votes" : NULL;
}

const char *rowfacts_differ_text(const rowfacts_spread *sp)
{
	return sp->flag && !sp->hidden ? "Views differ" : NULL;
}

int rowfacts_disagrees(rowfacts_state st, const rowfacts_spread *sp)
{
	return rowfacts_differ_text(sp) || rowfacts_agreed_outside(st, sp);
}

const char *rowfacts_disagreement_text(rowfacts_state st, const rowfacts_spread *sp,
				       char *buf, size_t size)
{
	const char *d = rowfacts_differ_text(sp);
	const char *o = rowfacts_outside_text(rowfacts_agreed_outside(st, sp));

	snprintf(buf, size, "%s%s%s", d ? d : "", d && o ? "; " : "", o ? o : "");
	return buf;
}

void rowfacts_counts_text(const content_matrix *m, const rowfacts_spread *sp,
			  const char *sep, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < m->n_stages && len + 1 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s %d%s",
					m->stages[i].label, sp->count[i], sep);
	if (len < size)
		snprintf(buf + len, size - len, "don't know %d", sp->dont_know);
}

void rowfacts_range_text(const content_matrix *m, const rowfacts_spread *sp,
			 char *buf, size_t size)
{
	if (sp->lowest < 0)
		snprintf(buf, size, "No stage votes yet.");
	else if (sp->lowest == sp->highest && !sp->dont_know)
		snprintf(buf, size, "All agree: %s.", m->stages[sp->lowest].label);
	else if (sp->lowest == sp->highest)
		snprintf(buf, size, "Every stage vote: %s.", m->stages[sp->lowest].label);
	else
		snprintf(buf, size, "Lowest %s, highest %s.", m->stages[sp->lowest].label,
			 m->stages[sp->highest].label);
}

/* Appends a then b (may be NULL) to the growing string *s. */
static void append_text(char **s, size_t *len, const char *a, const char *b)
{
	size_t n = strlen(a) + (b ? strlen(b) : 0);
	char *p;

	if (!*s)
		return;
	if (!(p = realloc(*s, *len + n + 1))) {
		free(*s);
		*s = NULL;
		return;
	}
	*s = p;
	strcpy(p + *len, a);
	if (b)
		strcat(p + *len, b);
	*len += n;
}

char *rowfacts_spread_text(const content_matrix *m, const rowfacts_spread *sp)
{
	const content_stage *st = m->stages;
	char *s, num[32];
	size_t len = 0, k;

	if (sp->hidden || (sp->total == 0 && sp->dont_know == 0))
		return strdup(sp->hidden ? "Votes not revealed" : "No votes recorded");
	s = calloc(1, 1);
	for (k = 0; sp->total && k < m->n_stages; k++) {
		snprintf(num, sizeof num, " %d", sp->count[k]);
		append_text(&s, &len, k ? ", " : "", st[k].label);
		append_text(&s, &len, num, NULL);
	}
	if (sp->dont_know) {
		snprintf(num, sizeof num, "don't know %d", sp->dont_know);
		append_text(&s, &len, sp->total ? "; " : "", num);
	}
	if (sp->differ) {
		append_text(&s, &len, "; range ", st[sp->lowest].label);
		append_text(&s, &len, "-", st[sp->highest].label);
	}
	return s;
}
